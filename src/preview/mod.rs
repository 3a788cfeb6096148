//! The live preview (`zhauap preview`): a server on 127.0.0.1 that shows
//! the letter as the HTML preview, offers its PDF, and follows every save.
//!
//! - `GET /` the preview (or, for a letter that cannot be rendered, its
//!   errors with their line and column); `GET /letter.pdf` the PDF of the
//!   same build; `GET /events` server-sent events announcing each build,
//!   on which the page reloads itself. Everything else is 404: no route
//!   reads a file named by the request, so `..` leads nowhere.
//! - The letter, the template folder (with `--templates`) and the emblem
//!   are watched; changes are gathered for a moment (an editor's save is
//!   several events) and then the letter is built again off the server's
//!   thread, with the same [`Engine`](crate::Engine) as `zhauap render`.
//! - Requests must name the server by a loopback host, so a web page that
//!   points its own domain at 127.0.0.1 (DNS rebinding) reads nothing.
//! - Ctrl-C (or SIGTERM) ends the event streams, lets answers in progress
//!   finish and returns, also while a build is running: builds run on
//!   threads of their own, each under the letter's time budget, and one
//!   that does not end past it is left behind (at most
//!   [`MAX_ABANDONED`]) while the server shows the refusal.
//! - Connections have a header-read and idle timeout and a limit
//!   ([`connections`]).

mod build;
mod connections;
mod watch;

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch as channel};

use build::{Build, Outcome};
use watch::{Changes, Inputs, resolve};

/// How long the files must stay quiet before a build: an editor's save
/// comes as a burst of events within a few milliseconds.
const SETTLE: Duration = Duration::from_millis(60);
/// The longest a build waits for a burst to end.
const SETTLE_AT_MOST: Duration = Duration::from_millis(500);
/// How long answers in progress may take to finish after Ctrl-C.
const GRACE: Duration = Duration::from_secs(2);
/// How long past the letter's budget a build may run before the server
/// stops waiting for it: the budget stops every stage that can be stopped,
/// so only work that cannot be interrupted gets here.
const ABANDON_AFTER_BUDGET: Duration = Duration::from_secs(5);
/// Builds left running at most: each may keep a core busy until the
/// preview ends. Past this, the server waits for the running one.
pub const MAX_ABANDONED: usize = 2;

#[derive(Debug, Clone)]
pub struct Config {
    /// The letter, as the user named it (messages show it so).
    pub letter: PathBuf,
    /// `--templates`: the folder is read for every build, and watched.
    pub templates: Option<PathBuf>,
    /// 0 for any free port.
    pub port: u16,
    pub typography: bool,
    /// `--draft`: the letter is shown as a draft.
    pub draft: bool,
    /// Print nothing about builds on the terminal.
    pub quiet: bool,
}

/// Refuses a letter that cannot be previewed at all: a missing file, or
/// one that is not a regular file. (A letter that exists but is wrong is
/// shown as its error page, and followed until it is fixed.)
pub fn check_letter(letter: &std::path::Path) -> crate::diagnostic::Result<()> {
    match std::fs::metadata(letter) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(crate::diagnostic::Error::one(
            crate::diagnostic::Diagnostic::new(letter, crate::tr!("preview-not-a-letter"))
                .with_help(crate::tr!("preview-not-a-letter-help")),
        )),
        // Names the reason (missing, no permission) as `render` does.
        Err(_) => crate::letter::Source::read(letter).map(drop),
    }
}

/// Serves the preview until Ctrl-C or SIGTERM, on a current-thread runtime.
/// `ready` learns the address once the server answers.
pub fn serve(config: Config, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let served = runtime.block_on(async move {
        let stop = interrupted()?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port))
            .await
            .map_err(|e| busy_port(config.port, e))?;
        run(config, listener, stop, ready).await
    });
    // A build left running past its budget is not waited for.
    runtime.shutdown_background();
    served
}

fn busy_port(port: u16, e: io::Error) -> io::Error {
    let help = if e.kind() == io::ErrorKind::AddrInUse {
        format!(
            "\n  {}: {}",
            crate::tr!("common-help"),
            crate::tr!("preview-port-busy", port = port)
        )
    } else {
        String::new()
    };
    io::Error::new(
        e.kind(),
        format!(
            "{}{help}",
            crate::tr!("preview-cannot-listen", port = port, reason = e.to_string())
        ),
    )
}

/// Serves the preview on `listener` until `stop` completes.
pub async fn run(
    config: Config,
    listener: TcpListener,
    stop: impl Future<Output = ()>,
    ready: impl FnOnce(SocketAddr),
) -> io::Result<()> {
    let address = listener.local_addr()?;
    let config = Arc::new(config);
    let (changed_tx, changed_rx) = mpsc::unbounded_channel();
    let mut changes = Changes::new(changed_tx).map_err(io::Error::other)?;

    let stop = std::pin::pin!(stop);
    let mut stop = stop;
    let first = tokio::select! {
        b = build_off_thread(&config, 1) => b,
        () = &mut stop => return Ok(()),
    };
    changes.watch(inputs(&config, &first));
    report(&config, &first);
    let (builds_tx, builds) = channel::channel(Arc::new(first));
    let (stopping_tx, stopping) = channel::channel(false);

    let state = AppState {
        builds,
        stopping: stopping.clone(),
        port: address.port(),
        pdf_name: Arc::from(pdf_name(&config.letter)),
    };
    let app = Router::new()
        .route("/", get(preview_page))
        .route("/letter.pdf", get(pdf))
        .route("/events", get(events))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), loopback_only))
        .with_state(state);

    let rebuilding = tokio::spawn(rebuild(
        config.clone(),
        changed_rx,
        changes,
        builds_tx,
        stopping.clone(),
    ));
    let serving = tokio::spawn(connections::serve(listener, app, stopping.clone(), GRACE));
    ready(address);

    stop.await;
    let _ = stopping_tx.send(true);
    let _ = rebuilding.await;
    match serving.await {
        Ok(result) => result,
        Err(e) => Err(io::Error::other(e)),
    }
}

/// Ctrl-C, or SIGTERM where there is such a thing. The handlers are in
/// place when this returns, so a Ctrl-C during the first build counts too.
#[cfg(unix)]
fn interrupted() -> io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn interrupted() -> io::Result<impl Future<Output = ()>> {
    Ok(async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No way to hear Ctrl-C: closing the console ends the process.
            std::future::pending::<()>().await;
        }
    })
}

/// Builds again after each burst of changes, until the server stops.
async fn rebuild(
    config: Arc<Config>,
    mut changed: mpsc::UnboundedReceiver<()>,
    mut changes: Changes,
    builds: channel::Sender<Arc<Build>>,
    mut stopping: channel::Receiver<bool>,
) {
    loop {
        tokio::select! {
            got = changed.recv() => if got.is_none() { return },
            _ = stopping.wait_for(|s| *s) => return,
        }
        let burst = tokio::time::Instant::now();
        while burst.elapsed() < SETTLE_AT_MOST {
            match tokio::time::timeout(SETTLE, changed.recv()).await {
                Ok(Some(())) => continue,
                Ok(None) => return,
                Err(_) => break,
            }
        }
        let number = builds.borrow().number + 1;
        let build = tokio::select! {
            b = build_off_thread(&config, number) => b,
            _ = stopping.wait_for(|s| *s) => return,
        };
        changes.watch(inputs(&config, &build));
        report(&config, &build);
        builds.send_replace(Arc::new(build));
    }
}

/// Typesetting takes tens of milliseconds: it runs on a thread of its own
/// so the server keeps answering meanwhile. A build that runs past the
/// letter's budget is refused and left behind (see [`MAX_ABANDONED`]).
async fn build_off_thread(config: &Arc<Config>, number: u64) -> Build {
    static ABANDONED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let c = config.clone();
    let (done, result) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("preview build".into())
        .spawn(move || {
            let built = std::panic::catch_unwind(|| {
                build::build(
                    number,
                    &c.letter,
                    c.templates.as_deref(),
                    c.typography,
                    c.draft,
                )
            });
            let _ = done.send(built);
        });
    if spawned.is_err() {
        return build::crashed(number, &config.letter);
    }
    let budget = Duration::from_secs(crate::budget::LETTER_SECONDS) + ABANDON_AFTER_BUDGET;
    let waited = if ABANDONED.load(std::sync::atomic::Ordering::Relaxed) < MAX_ABANDONED {
        tokio::time::timeout(budget, result).await
    } else {
        Ok(result.await)
    };
    match waited {
        Ok(Ok(Ok(built))) => built,
        // A panic, or the thread gone without a word.
        Ok(Ok(Err(_)) | Err(_)) => build::crashed(number, &config.letter),
        Err(_) => {
            ABANDONED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            build::over_budget(number, &config.letter)
        }
    }
}

fn inputs(config: &Config, build: &Build) -> Inputs {
    Inputs {
        files: std::iter::once(&config.letter)
            .chain(&build.inputs)
            .map(|p| resolve(p))
            .collect(),
        folders: config.templates.iter().map(|t| resolve(t)).collect(),
    }
}

fn report(config: &Config, build: &Build) {
    if config.quiet {
        return;
    }
    match &build.outcome {
        Outcome::Rendered { pages, millis, .. } => eprintln!(
            "{}",
            crate::tr!(
                "preview-build-rendered",
                number = build.number,
                pages = *pages,
                millis = millis.to_string()
            )
        ),
        Outcome::Refused { message, .. } => eprintln!(
            "{}\n{message}",
            crate::tr!("preview-build-refused", number = build.number)
        ),
    }
}

#[derive(Clone)]
struct AppState {
    builds: channel::Receiver<Arc<Build>>,
    stopping: channel::Receiver<bool>,
    port: u16,
    pdf_name: Arc<str>,
}

impl AppState {
    fn current(&self) -> Arc<Build> {
        self.builds.borrow().clone()
    }
}

/// Answers only requests addressed to a loopback name of this server.
async fn loopback_only(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if host.is_none_or(|h| is_loopback_host(h, state.port)) {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            format!("{}\n", crate::tr!("preview-loopback-only")),
        )
            .into_response()
    }
}

fn is_loopback_host(host: &str, port: u16) -> bool {
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !p.contains(']') => (name, p.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    given_port == Some(port)
        && matches!(
            name.to_ascii_lowercase().as_str(),
            "127.0.0.1" | "localhost" | "[::1]"
        )
}

fn no_store(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn preview_page(State(state): State<AppState>) -> Response {
    let build = state.current();
    no_store(
        (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            build.page().to_owned(),
        )
            .into_response(),
    )
}

async fn pdf(State(state): State<AppState>) -> Response {
    let build = state.current();
    let response = match &build.outcome {
        Outcome::Rendered { pdf, .. } => {
            let disposition = format!("attachment; filename=\"{}\"", state.pdf_name);
            (
                [
                    (header::CONTENT_TYPE, "application/pdf".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                pdf.clone(),
            )
                .into_response()
        }
        Outcome::Refused { message, .. } => (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{}\n{message}", crate::tr!("preview-pdf-refused")),
        )
            .into_response(),
    };
    no_store(response)
}

/// One `build` event with the current build's number on connecting, then
/// one per build; the stream ends when the server stops.
async fn events(
    State(state): State<AppState>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let mut builds = state.builds.clone();
    builds.mark_changed();
    let stream = futures_util::stream::unfold(
        (builds, state.stopping.clone()),
        |(mut builds, mut stopping)| async move {
            tokio::select! {
                changed = builds.changed() => changed.ok()?,
                _ = stopping.wait_for(|s| *s) => return None,
            }
            let number = builds.borrow_and_update().number;
            let event = Event::default()
                .event("build")
                .data(number.to_string())
                .retry(Duration::from_secs(1));
            Some((Ok(event), (builds, stopping)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn not_found() -> Response {
    no_store(
        (
            StatusCode::NOT_FOUND,
            format!("{}\n", crate::tr!("preview-not-found")),
        )
            .into_response(),
    )
}

/// The download's file name: the letter's, with `.pdf`, in ASCII letters,
/// digits, `.`, `-` and `_` (a header cannot carry the rest safely).
fn pdf_name(letter: &std::path::Path) -> String {
    let stem = letter
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.trim_matches('_').is_empty() {
        "letter.pdf".into()
    } else {
        format!("{safe}.pdf")
    }
}

/// Opens `url` in the desktop's browser. Whether a browser could be started
/// is all it says: there may be none (a server, a container).
pub fn open_in_browser(url: &str) -> bool {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(mut child) => {
            // Reap it whenever it ends, without waiting here.
            std::thread::spawn(move || child.wait().is_ok_and(|s| s.success()));
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_of_this_port_are_answered() {
        assert!(is_loopback_host("127.0.0.1:8080", 8080));
        assert!(is_loopback_host("localhost:8080", 8080));
        assert!(is_loopback_host("LOCALHOST:8080", 8080));
        assert!(is_loopback_host("[::1]:8080", 8080));
        assert!(!is_loopback_host("127.0.0.1:8081", 8080));
        assert!(!is_loopback_host("evil.example:8080", 8080));
        assert!(!is_loopback_host("localhost.evil.example:8080", 8080));
        assert!(!is_loopback_host("localhost", 8080));
        assert!(is_loopback_host("localhost", 80));
        assert!(!is_loopback_host("[::1]", 8080));
    }

    #[test]
    fn the_pdf_name_is_safe_in_a_header() {
        assert_eq!(
            pdf_name(std::path::Path::new("a/dz-83-reply.yaml")),
            "dz-83-reply.pdf"
        );
        assert_eq!(
            pdf_name(std::path::Path::new("ответ \"1\".yaml")),
            "_______1_.pdf"
        );
        assert_eq!(pdf_name(std::path::Path::new("письмо.yaml")), "letter.pdf");
    }
}
