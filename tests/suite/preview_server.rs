//! Issue 5: the live preview server through its whole cycle, over loopback,
//! with the real binary: start, fetch, edit, see the edit, break the letter,
//! see the error with its line and column, fix it, probe routes outside the
//! server's own, stop it with Ctrl-C.
//!
//! Every wait is bounded: polling loops end at a deadline, sockets have
//! timeouts, and a server left running is killed when its guard drops.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::in_english;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/dz-83-reply.yaml");
const NOTE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/letters/one-page-note.yaml"
);
const EMBLEM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/letters/emblem.svg");
const TEMPLATES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");

/// The bound for following an edit.
const FOLLOWS_WITHIN: Duration = Duration::from_secs(2);
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// A running `zhauap preview`, killed if the test ends without stopping it.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    fn start(letter: &Path, extra: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_zhauap"));
        command
            .arg("preview")
            .arg(letter)
            .args(["--port", "0"])
            .args(extra);
        Server::spawn(command)
    }

    fn spawn(mut command: Command) -> Server {
        let mut child = in_english(&mut command)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("zhauap starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("the server printed no address within 60 s");
            }
        };
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let address: SocketAddr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(address.ip(), Ipv4Addr::LOCALHOST, "binds loopback only");
        Server { child, address }
    }

    fn get(&self, target: &str) -> Reply {
        self.request(&format!(
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        ))
    }

    /// Sends `raw` as is (no client normalises `..` away) and reads the reply.
    fn request(&self, raw: &str) -> Reply {
        let mut stream =
            TcpStream::connect_timeout(&self.address, IO_TIMEOUT).expect("the server is up");
        stream.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("a whole reply");
        Reply::parse(&bytes)
    }

    /// Polls `/` until `wanted` holds for its page, at most `FOLLOWS_WITHIN`
    /// after `since`; returns the page and the time it took.
    fn page_when(
        &self,
        since: Instant,
        what: &str,
        wanted: impl Fn(&str) -> bool,
    ) -> (String, Duration) {
        loop {
            let page = self.get("/").text();
            if wanted(&page) {
                return (page, since.elapsed());
            }
            assert!(
                since.elapsed() < FOLLOWS_WITHIN,
                "the preview did not show {what} within {FOLLOWS_WITHIN:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Ctrl-C, and the exit it leads to, within `within`.
    #[cfg(unix)]
    fn interrupt(&mut self, within: Duration) -> std::process::ExitStatus {
        let sent = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "Ctrl-C did not stop the server within {within:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header");
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let mut body = bytes[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = unchunk(&body);
        }
        Reply { status, head, body }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16)
            .expect("a chunk size");
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 4 + size..];
    }
    out
}

/// Follows `/events` on a thread: every announced build number arrives on
/// the channel, and the channel closes when the server ends the stream.
fn follow_events(address: SocketAddr) -> mpsc::Receiver<u64> {
    let mut stream = TcpStream::connect_timeout(&address, IO_TIMEOUT).unwrap();
    stream
        .write_all(format!("GET /events HTTP/1.1\r\nHost: {address}\r\n\r\n").as_bytes())
        .unwrap();
    // Longer than the server's keep-alive comments, so only a dead server
    // times the reader out.
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(n) = line
                .strip_prefix("data: ")
                .and_then(|n| n.trim().parse().ok())
            {
                let _ = tx.send(n);
            }
        }
    });
    rx
}

/// Writes `text` as editors do: into a new file, renamed over the old one.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("yaml.saving");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

fn copy_letter(from: &str, dir: &Path, name: &str) -> (PathBuf, String) {
    let text = std::fs::read_to_string(from).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

/// The one-page letter and its emblem, copied into `dir`.
fn note_with_emblem(dir: &Path) -> PathBuf {
    std::fs::copy(EMBLEM, dir.join("emblem.svg")).unwrap();
    copy_letter(NOTE, dir, "note.yaml").0
}

#[test]
fn the_preview_follows_edits_shows_errors_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let (letter, text) = copy_letter(REFERENCE, dir.path(), "letter.yaml");
    let mut server = Server::start(&letter, &["--quiet"]);

    // The preview: the letter's pages, a link to its PDF.
    let first = server.get("/");
    assert_eq!(first.status, 200);
    assert!(
        first
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let page = first.text();
    // Two pages, as in LaTeX and Typst (issue 15).
    assert_eq!(page.matches("class=\"page\"").count(), 2, "two pages");
    assert!(page.contains(">Уважаемые </span>"), "the text is text");
    assert!(page.contains("href=\"/letter.pdf\""));
    let pdf = server.get("/letter.pdf");
    assert_eq!(pdf.status, 200);
    assert_eq!(
        pdf.header("content-type").as_deref(),
        Some("application/pdf")
    );
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert!(
        pdf.header("content-disposition")
            .unwrap()
            .contains("letter.pdf")
    );

    let builds = follow_events(server.address);
    assert_eq!(
        builds.recv_timeout(IO_TIMEOUT).ok(),
        Some(1),
        "the stream announces the current build on connecting"
    );

    // An edit shows within 2 s, and the page is told to reload.
    let edited = text.replace("Уважаемые депутаты!", "Уважаемые коллеги!");
    assert_ne!(edited, text);
    let saved = Instant::now();
    save(&letter, &edited);
    let (page, took) = server.page_when(saved, "the edit", |p| p.contains(">коллеги!</span>"));
    assert!(!page.contains(">депутаты!</span>"));
    let announced = builds
        .recv_timeout(FOLLOWS_WITHIN)
        .expect("a reload is pushed");
    assert!(announced > 1);
    eprintln!("edit shown after {took:?}");

    // A broken letter: the error with its line and column, in the page.
    let broken = edited.replace("\nsalutation:", "\nsalutaton:");
    let line = broken
        .lines()
        .position(|l| l.starts_with("salutaton:"))
        .expect("the broken field")
        + 1;
    let saved = Instant::now();
    std::fs::write(&letter, &broken).unwrap(); // in place, this time
    let (page, _) = server.page_when(saved, "the error", |p| p.contains("salutaton"));
    assert!(
        page.contains(&format!("letter.yaml:{line}:1: error: unknown field")),
        "{page}"
    );
    assert!(page.contains("did you mean 'salutation'?"), "{page}");
    assert_eq!(
        server.get("/letter.pdf").status,
        409,
        "no PDF of a broken letter"
    );

    // Garbage is an error too, never the end of the server.
    let saved = Instant::now();
    save(&letter, "lang: [ru\nbody: {{{\n\u{0}");
    server.page_when(saved, "the YAML error", |p| {
        p.contains("letter.yaml:") && p.contains("error")
    });

    // Fixed: the letter is back.
    let saved = Instant::now();
    save(&letter, &edited);
    server.page_when(saved, "the fixed letter", |p| {
        p.contains(">коллеги!</span>")
    });
    assert_eq!(server.get("/letter.pdf").status, 200);

    // Nothing outside the server's own routes.
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/",
        "/%2e%2e/Cargo.toml",
        "/static/../../etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        "/letter.yaml",
        "/index.html",
        "/letter.pdf/..",
    ] {
        let reply = server.get(target);
        assert_eq!(reply.status, 404, "{target}");
        let body = reply.text();
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{target}: {body}"
        );
    }
    let post = server.request(&format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert!((400..500).contains(&post.status), "POST: {}", post.status);
    // A page elsewhere that points its own name at 127.0.0.1 reads nothing.
    let rebound = server.request(&format!(
        "GET / HTTP/1.1\r\nHost: attacker.example:{}\r\nConnection: close\r\n\r\n",
        server.address.port()
    ));
    assert_eq!(rebound.status, 403);

    // Still alive after all that.
    assert_eq!(server.get("/").status, 200);

    // Ctrl-C with an event stream open: the stream ends, the server exits 0.
    #[cfg(unix)]
    {
        let status = server.interrupt(Duration::from_secs(5));
        assert!(status.success(), "{status:?}");
        let ended = Instant::now();
        while builds.recv_timeout(Duration::from_secs(5)).is_ok() {
            assert!(
                ended.elapsed() < Duration::from_secs(5),
                "the stream goes on"
            );
        }
        assert!(
            TcpStream::connect_timeout(&server.address, Duration::from_secs(1)).is_err(),
            "nothing listens any more"
        );
    }
}

#[test]
fn the_emblem_and_the_template_folder_are_watched() {
    let dir = tempfile::tempdir().unwrap();
    let letter = note_with_emblem(dir.path());
    let templates = dir.path().join("templates");
    copy_dir(Path::new(TEMPLATES), &templates);
    let server = Server::start(
        &letter,
        &["--quiet", "--templates", templates.to_str().unwrap()],
    );
    let page = server.get("/").text();
    assert!(
        page.contains("data:image/svg+xml;base64,"),
        "the emblem is in the page"
    );

    // A new emblem: a new build, with the new picture.
    let svg = std::fs::read_to_string(EMBLEM)
        .unwrap()
        .replace("#1f6fb2", "#b21f1f");
    let saved = Instant::now();
    std::fs::write(dir.path().join("emblem.svg"), svg).unwrap();
    server.page_when(saved, "the new emblem", |p| p != page);

    // A template edit: the next build uses it.
    let ru = templates.join("deputy-reply/ru.tera");
    let template = std::fs::read_to_string(&ru).unwrap();
    let before = server.get("/").text();
    let saved = Instant::now();
    std::fs::write(&ru, template.replace("Приложение:", "Приложения:")).unwrap();
    let (page, _) = server.page_when(saved, "the template edit", |p| p != before);
    assert!(page.contains("Приложения:"), "the edited template is used");

    // A broken template shows its error too.
    let saved = Instant::now();
    std::fs::write(&ru, "{% if %}").unwrap();
    let (page, _) = server.page_when(saved, "the template error", |p| p.contains("ru.tera"));
    assert!(page.contains("error"), "{page}");
}

#[test]
fn a_busy_port_is_refused_with_a_message() {
    let taken = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = in_english(&mut Command::new(env!("CARGO_BIN_EXE_zhauap")))
        .args(["preview", REFERENCE, "--port", &port.to_string()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: another program") && stderr.contains("--port 0"),
        "{stderr}"
    );
}

#[test]
fn a_missing_letter_is_an_error_not_a_page_to_wait_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = in_english(&mut Command::new(env!("CARGO_BIN_EXE_zhauap")))
        .current_dir(dir.path())
        .args(["preview", "no-such-letter.yaml", "--port", "0"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("no-such-letter.yaml: error: cannot read the letter"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "no address is printed");
}

/// 1,100 connections that never send a byte, against a server allowed
/// 1,024 descriptors: it still answers at once (the oldest silent ones
/// make room), closes silent ones after its header timeout, and stops on
/// Ctrl-C (issue 19).
#[test]
#[cfg(unix)]
fn idle_connections_neither_silence_the_preview_nor_use_up_its_descriptors() {
    let mut command = Command::new("sh");
    command.arg("-c").arg(format!(
        "ulimit -n 1024 && exec '{}' preview '{REFERENCE}' --port 0 --quiet",
        env!("CARGO_BIN_EXE_zhauap")
    ));
    let mut server = Server::spawn(command);
    let mut idle = Vec::new();
    for _ in 0..1100 {
        // Past the kernel's queue a connect may time out: that is the
        // client's loss, not the server's.
        if let Ok(s) = TcpStream::connect_timeout(&server.address, Duration::from_secs(2)) {
            idle.push(s);
        }
    }
    assert!(idle.len() > 1024, "only {} connections opened", idle.len());
    let asked = Instant::now();
    let reply = server.get("/");
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("<title>"), "the preview page");
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "answered only after {:?}",
        asked.elapsed()
    );
    // A silent connection is closed: made room for, or timed out.
    let mut first = idle.swap_remove(0);
    first
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut byte = [0u8; 1];
    let read = first.read(&mut byte);
    assert!(
        matches!(read, Ok(0))
            || read.is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset),
        "a silent connection stays open"
    );
    assert!(server.interrupt(Duration::from_secs(5)).success());
}

/// A template edit that makes the build run for hours (a loop over a range
/// kept in a variable: nothing the budget's checks see): the server goes
/// on answering with the last good page, and Ctrl-C stops it at once.
#[test]
#[cfg(unix)]
fn a_build_that_does_not_end_blocks_neither_answers_nor_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let (letter, _) = copy_letter(REFERENCE, dir.path(), "letter.yaml");
    let templates = dir.path().join("templates");
    copy_dir(Path::new(TEMPLATES), &templates);
    let mut server = Server::start(
        &letter,
        &["--quiet", "--templates", templates.to_str().unwrap()],
    );
    let good = server.get("/").text();
    let ru = templates.join("deputy-reply/ru.tera");
    let template = std::fs::read_to_string(&ru).unwrap();
    std::fs::write(
        &ru,
        template.replacen(
            "{% block title %}",
            "{% block title %}{% set r = range(end=100000) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}",
            1,
        ),
    )
    .unwrap();
    // The build has started (the burst settles within 0.5 s).
    std::thread::sleep(Duration::from_millis(1500));
    let asked = Instant::now();
    let reply = server.get("/");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.text(), good, "the last good page is shown meanwhile");
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "{:?}",
        asked.elapsed()
    );
    assert!(server.interrupt(Duration::from_secs(5)).success());
}

#[test]
fn only_loopback_can_connect() {
    let dir = tempfile::tempdir().unwrap();
    let letter = note_with_emblem(dir.path());
    let server = Server::start(&letter, &["--quiet"]);
    // The address this machine would use towards the outside (no packet is
    // sent to find it); without one there is nothing more to try.
    let outside = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip());
    if let Ok(ip) = outside
        && !ip.is_loopback()
        && !ip.is_unspecified()
    {
        let there = SocketAddr::new(ip, server.address.port());
        assert!(
            TcpStream::connect_timeout(&there, Duration::from_secs(2)).is_err(),
            "{there} must not answer"
        );
    }
    assert_eq!(server.get("/").status, 200);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
