//! Accepting the preview's connections, so that no client can stop it
//! answering (issue 19): a client has [`HEADER_TIMEOUT`] to send each
//! request's head (an idle keep-alive connection is closed after it too),
//! and at most [`MAX_CONNECTIONS`] are open at once, far below any
//! descriptor limit, so the builds can always open the letter.
//!
//! When every slot is taken, the oldest connection that has not sent a
//! single request is closed to make room: a browser's connections (its
//! pages, its event stream) have all asked something, a flood of idle
//! sockets has not, so the flood cannot crowd the browser out.

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::JoinSet;
use tower::Service;

/// Open connections at most: a preview serves one person's browser.
pub const MAX_CONNECTIONS: usize = 256;
/// How long a client may take to send a request's head, and how long a
/// connection may wait idle for its next request.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections that have not sent a request yet, oldest first.
#[derive(Default)]
struct Silent {
    queue: Mutex<VecDeque<(u64, Arc<Notify>)>>,
}

impl Silent {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(u64, Arc<Notify>)>> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn spoke(&self, id: u64) {
        self.lock().retain(|(i, _)| *i != id);
    }

    /// Closes the oldest silent connection; whether there was one.
    fn close_oldest(&self) -> bool {
        match self.lock().pop_front() {
            Some((_, close)) => {
                close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// Serves `app` on `listener` until `stopping` turns true; then lets the
/// answers in progress finish for at most `grace`.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    mut stopping: watch::Receiver<bool>,
    grace: Duration,
) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let silent = Arc::new(Silent::default());
    let mut connections = JoinSet::new();
    let mut next_id = 0u64;
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = stopped(&mut stopping) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of descriptors (other processes', or a client that
                // reset at once): try again in a moment.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        if slots.available_permits() == 0 && silent.close_oldest() {
            // Its slot comes back as its task ends, just below.
        }
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => p.map_err(io::Error::other)?,
            () = stopped(&mut stopping) => break,
        };
        let id = next_id;
        next_id += 1;
        let close = Arc::new(Notify::new());
        silent.lock().push_back((id, close.clone()));
        let (app, silent, mut stopping) = (app.clone(), silent.clone(), stopping.clone());
        connections.spawn(async move {
            let _permit = permit;
            let heard = silent.clone();
            let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                heard.spoke(id);
                let mut app = app.clone();
                async move { app.call(request).await }
            });
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = close.notified() => {}
                () = stopped(&mut stopping) => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            silent.spoke(id);
        });
    }
    // Answers in progress may finish; clients that hold on are cut off.
    let _ = tokio::time::timeout(grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    connections.abort_all();
    Ok(())
}

/// Until `stopping` turns true (or its sender is gone).
async fn stopped(stopping: &mut watch::Receiver<bool>) {
    let _ = stopping.wait_for(|s| *s).await;
}
