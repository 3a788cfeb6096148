//! Rendering a batch's letters in worker processes, so that a letter that
//! takes the process down (an allocation failure aborts; a dependency stuck
//! in work that cannot be interrupted never ends) takes down only its
//! worker, never the batch.
//!
//! Each render thread of [`super::run`] owns one worker: `zhauap` itself,
//! started again with the hidden first argument [`WORKER`]. The thread
//! reads and checks whether the letter is up to date as before; a letter to
//! render goes to the worker as one JSON line (its path and text, and a
//! mail merge's row: the fields its cells set, with their places), and the
//! worker writes the output under a temporary name beside its place and
//! answers with one JSON line (the files it read, the pages, the temporary
//! file with the output's hash, or the refusal); the render thread renames
//! the file into place ([`super::output`]). When the worker dies, or is
//! killed for running past the letter's budget ([`Deadlines`]), the letter
//! in flight is failed with the reason, a new worker is started for the next
//! letter, and the manifest, summary and report are written as always.
//!
//! The cost is a process start per render thread (its own templates and
//! fonts) and the letter's text copied once through a pipe. The library's
//! own callers (tests) render in-process: [`Settings::worker`] is set only
//! by the command line.
//!
//! [`Settings::worker`]: super::Settings::worker

use crate::tr;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::key::{FileHash, Hash};
use super::merge::RowFields;
use super::output::{HandedOver, Staged};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::letter::Source;
use crate::{Engine, Format, Options};

/// The hidden first argument that makes `zhauap` a batch worker.
pub const WORKER: &str = "__batch-worker";

/// Set to `1`, the batch renders in its own threads, without workers:
/// where starting processes is not allowed, or to measure what they cost.
pub const IN_PROCESS: &str = "ZHAUAP_BATCH_IN_PROCESS";

/// How long past the letter's budget a worker may run before it is killed:
/// the budget itself stops every stage that can be interrupted, so only
/// work that cannot be (a template loop printing nothing, a dependency's
/// long computation) reaches this.
const KILL_AFTER_BUDGET: Duration = Duration::from_secs(5);

/// How to start a worker: this program with the engine's settings.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    program: PathBuf,
    args: Vec<OsString>,
}

impl WorkerCommand {
    /// This very program, rendering with the templates of `templates` (the
    /// built-in ones when `None`) and `--draft` when `draft`. None when the
    /// program cannot name its own file: the batch then renders in-process.
    pub fn this_program(templates: Option<&Path>, draft: bool) -> Option<WorkerCommand> {
        if std::env::var_os(IN_PROCESS).is_some_and(|v| v == "1") {
            return None;
        }
        let program = std::env::current_exe().ok()?;
        let mut args = vec![OsString::from(WORKER)];
        if let Some(dir) = templates {
            args.push("--templates".into());
            // The worker may not share our folder; the path must not change
            // meaning.
            args.push(
                std::path::absolute(dir)
                    .unwrap_or_else(|_| dir.to_path_buf())
                    .into(),
            );
        }
        if draft {
            args.push("--draft".into());
        }
        // The worker's refusals and warnings are shown to this user.
        args.push("--ui-lang".into());
        args.push(crate::i18n::current().code().into());
        Some(WorkerCommand { program, args })
    }
}

/// A letter as a render produced it, wherever it ran.
pub(super) struct Made {
    /// The files the document refers to, as read and hashed for this render.
    pub files: Vec<FileHash>,
    /// The defaults file the letter names itself, if any, and its hash.
    pub defaults: Option<FileHash>,
    pub pages: usize,
    /// The output written under its temporary name, or why it could not
    /// be: the letter is then failed, its record keeping what it read.
    pub output: Result<Staged>,
    /// The letter's warnings, to print, record and, with `--deny-warnings`,
    /// refuse it for.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

/// Checks and renders one letter under one budget, and writes its output
/// for `output` under a temporary name: the work a worker does, and what a
/// batch without workers does in its own threads.
pub(super) fn make(
    engine: &Engine,
    source: Source,
    row: Option<&RowFields>,
    options: &Options,
    output: &Path,
    deny_warnings: bool,
) -> Result<Made> {
    let _budget = crate::budget::Budget::letter();
    let letter = deny_warnings.then(|| source.path.clone());
    let checked = match row {
        None => engine.check_source(source)?,
        Some(row) => engine.check_source_with_row(source, &row.data, row.node())?,
    };
    let files = checked
        .inputs()
        .into_iter()
        .map(|f| FileHash {
            path: f.path.into(),
            sha256: Hash(f.sha256),
        })
        .collect();
    let defaults = checked.letter.defaults_read.first().map(|f| FileHash {
        path: f.path.as_path().into(),
        sha256: Hash(f.sha256),
    });
    let warnings = checked.letter.warnings.clone();
    let rendered = engine.render_checked(checked, options)?;
    // A letter `--deny-warnings` refuses is rendered (its errors are
    // reported before its warnings, as by `render`) but not written: the
    // batch would only remove its file again, and a folder made for it
    // would be left behind, empty.
    let output = match letter.and_then(|letter| crate::denied(&letter, &warnings)) {
        Some(refusal) => Err(refusal),
        None => super::output::stage(output, &rendered.bytes),
    };
    Ok(Made {
        files,
        defaults,
        pages: rendered.pages.pages.len(),
        output,
        warnings,
    })
}

/// A request's line; the letter's text follows it as `text_bytes` raw
/// bytes (not a JSON string: escaping it in the batch and parsing it back
/// in the worker cost more than the copy).
#[derive(Serialize, Deserialize)]
struct Request {
    path: PathBuf,
    text_bytes: usize,
    /// Where the output goes: the worker writes it beside, under a
    /// temporary name.
    output: PathBuf,
    /// A mail merge's row, laid over the letter.
    row: Option<RowFields>,
    typography: bool,
    html: bool,
    /// The batch refuses a letter with warnings: not to be written.
    deny_warnings: bool,
}

#[derive(Serialize, Deserialize)]
enum Answer {
    Made {
        files: Vec<(PathBuf, [u8; 32])>,
        defaults: Option<(PathBuf, [u8; 32])>,
        pages: usize,
        output: std::result::Result<HandedOver, Error>,
        warnings: Vec<crate::diagnostic::Diagnostic>,
    },
    Refused(Error),
}

/// The worker's side: answers letters read from stdin until it closes.
/// `args` are those after [`WORKER`]. Returns the process's exit code.
pub fn serve(args: impl Iterator<Item = OsString>) -> i32 {
    let mut templates = None;
    let mut draft = false;
    let mut args = args;
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--templates") => templates = args.next().map(PathBuf::from),
            Some("--draft") => draft = true,
            Some("--ui-lang") => {
                match args
                    .next()
                    .and_then(|c| c.to_str().and_then(crate::i18n::UiLang::from_code))
                {
                    Some(lang) => crate::i18n::set(lang),
                    None => {
                        eprintln!("zhauap batch worker: --ui-lang needs ru, kk or en");
                        return 2;
                    }
                }
            }
            _ => {
                eprintln!("zhauap batch worker: unknown argument {}", a.display());
                return 2;
            }
        }
    }
    let engine = match Engine::new(templates.as_deref()) {
        Ok(e) => e.with_draft(draft),
        Err(e) => {
            eprint!("{}", e.render(false));
            return 1;
        }
    };
    let mut stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = String::new();
    loop {
        line.clear();
        match stdin.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(_) => return 1,
        }
        let Ok(request) = serde_json::from_str::<Request>(&line) else {
            eprintln!("zhauap batch worker: a request it cannot read");
            return 2;
        };
        let mut text = Vec::with_capacity(request.text_bytes);
        match (&mut stdin)
            .take(request.text_bytes as u64)
            .read_to_end(&mut text)
        {
            Ok(n) if n == request.text_bytes => {}
            _ => return 1,
        }
        if answer(&engine, request, text, &mut out).is_err() {
            // The batch is gone.
            return 1;
        }
    }
    0
}

fn answer(
    engine: &Engine,
    request: Request,
    text: Vec<u8>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let options = Options {
        typography: request.typography,
        format: if request.html {
            Format::Html
        } else {
            Format::Pdf
        },
    };
    let path = request.path;
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let source = Source::from_bytes(&path, text)?;
        make(
            engine,
            source,
            request.row.as_ref(),
            &options,
            &request.output,
            request.deny_warnings,
        )
    }))
    .unwrap_or_else(|fault| Err(super::run::fault_error(&path, fault.as_ref())));
    let answer = match made {
        Ok(m) => Answer::Made {
            files: m
                .files
                .into_iter()
                .map(|f| (f.path.to_path_buf(), f.sha256.0))
                .collect(),
            defaults: m.defaults.map(|d| (d.path.to_path_buf(), d.sha256.0)),
            pages: m.pages,
            output: m.output.map(Staged::hand_over),
            warnings: m.warnings,
        },
        Err(e) => Answer::Refused(e),
    };
    // One write: the batch wakes once.
    let mut line = serde_json::to_vec(&answer).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let sent = out.write_all(&line).and_then(|()| out.flush());
    if sent.is_err()
        && let Answer::Made {
            output: Ok((tmp, ..)),
            ..
        } = &answer
    {
        // Nobody will put it in place.
        let _ = std::fs::remove_file(tmp);
    }
    sent
}

/// The workers' deadlines, watched by one thread that kills a worker whose
/// letter runs past its budget.
#[derive(Default)]
pub(super) struct Deadlines {
    armed: Mutex<Watch>,
    changed: Condvar,
}

#[derive(Default)]
struct Watch {
    /// Each worker busy with a letter: its process and when to kill it.
    busy: Vec<(u64, Arc<Mutex<Child>>, Instant)>,
    /// Set once the batch is over: the watching thread returns.
    over: bool,
    /// Workers killed for their deadline, not yet told.
    killed: Vec<u64>,
    /// When the watching thread looks next; None: only when told.
    next_look: Option<Instant>,
}

impl Deadlines {
    fn lock(&self) -> std::sync::MutexGuard<'_, Watch> {
        self.armed.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Watches until [`Deadlines::stop`]; run on a thread of its own.
    pub fn watch(&self) {
        let mut watch = self.lock();
        while !watch.over {
            let now = Instant::now();
            let mut killed = Vec::new();
            watch.busy.retain(|(id, child, at)| {
                if *at > now {
                    return true;
                }
                // A worker that ended meanwhile is not waited for yet (its
                // owner removes it first), so the kill cannot reach another
                // process.
                let _ = child.lock().unwrap_or_else(PoisonError::into_inner).kill();
                killed.push(*id);
                false
            });
            watch.killed.extend(killed);
            let next = watch.busy.iter().map(|b| b.2).min();
            watch.next_look = next;
            let wait = next.map_or(Duration::from_secs(3600), |at| {
                at.saturating_duration_since(now)
            });
            watch = self
                .changed
                .wait_timeout(watch, wait)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    pub fn stop(&self) {
        self.lock().over = true;
        self.changed.notify_all();
    }

    /// The watching thread is woken only when this deadline comes before
    /// the time it looks next anyway: every letter has the same budget, so
    /// that is only when no other letter was in flight at its last look.
    /// Waking it twice a letter (here and in [`Deadlines::disarm`]) was two
    /// of a worker round trip's ten context switches.
    fn arm(&self, id: u64, child: &Arc<Mutex<Child>>, budget: Duration) {
        let at = Instant::now() + budget;
        let mut watch = self.lock();
        watch.busy.push((id, child.clone(), at));
        if watch.next_look.is_none_or(|look| at < look) {
            self.changed.notify_all();
        }
    }

    /// Whether the worker was killed for its deadline. The watching thread
    /// is not woken: when it looks at the deadline that was, it finds it gone.
    fn disarm(&self, id: u64) -> bool {
        let mut watch = self.lock();
        watch.busy.retain(|b| b.0 != id);
        let killed = watch.killed.contains(&id);
        watch.killed.retain(|k| *k != id);
        killed
    }
}

/// One render thread's worker, started when first needed and again after
/// one dies.
pub(super) struct Worker<'a> {
    command: &'a WorkerCommand,
    deadlines: &'a Deadlines,
    running: Option<Running>,
    /// Set when a worker could not be started: the thread renders in-process.
    unavailable: bool,
}

struct Running {
    id: u64,
    child: Arc<Mutex<Child>>,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl<'a> Worker<'a> {
    pub fn new(command: &'a WorkerCommand, deadlines: &'a Deadlines) -> Worker<'a> {
        Worker {
            command,
            deadlines,
            running: None,
            unavailable: false,
        }
    }

    /// Renders `source` in the worker; None when no worker can be started
    /// (the caller renders it in-process).
    pub fn make(
        &mut self,
        source: &Source,
        row: Option<&RowFields>,
        options: &Options,
        output: &Path,
        deny_warnings: bool,
    ) -> Option<Result<Made>> {
        // The request is a JSON line, which holds only UTF-8 paths: a letter
        // or output named otherwise is rendered in-process, like every
        // letter of a batch without workers.
        if self.unavailable || source.path.to_str().is_none() || output.to_str().is_none() {
            return None;
        }
        if self.running.is_none() {
            match self.start() {
                Ok(r) => self.running = Some(r),
                Err(_) => {
                    self.unavailable = true;
                    return None;
                }
            }
        }
        let running = self.running.as_mut()?;
        let budget = Duration::from_secs(crate::budget::LETTER_SECONDS) + KILL_AFTER_BUDGET;
        self.deadlines.arm(running.id, &running.child, budget);
        let result = ask(running, source, row, options, output, deny_warnings);
        let killed = self.deadlines.disarm(running.id);
        match result {
            Ok(made) => Some(made),
            Err(_) => {
                let running = self.running.take()?;
                Some(Err(died(&source.path, output, running, killed)))
            }
        }
    }

    fn start(&self) -> std::io::Result<Running> {
        static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut child = Command::new(&self.command.program)
            .args(&self.command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("no pipes to the worker"));
        };
        Ok(Running {
            id: IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            child: Arc::new(Mutex::new(child)),
            stdin,
            stdout: BufReader::new(stdout),
        })
    }
}

impl Drop for Worker<'_> {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            // Closing its stdin ends the worker.
            drop(running.stdin);
            let _ = running
                .child
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .wait();
        }
    }
}

/// One letter's round trip; an I/O error means the worker is gone.
fn ask(
    running: &mut Running,
    source: &Source,
    row: Option<&RowFields>,
    options: &Options,
    output: &Path,
    deny_warnings: bool,
) -> std::io::Result<Result<Made>> {
    let request = Request {
        path: source.path.clone(),
        text_bytes: source.text.len(),
        output: output.to_path_buf(),
        row: row.cloned(),
        typography: options.typography,
        html: options.format == Format::Html,
        deny_warnings,
    };
    // One write for the whole request: serde_json writes a token at a time,
    // which on an unbuffered pipe was ~265 write calls a letter and as many
    // reads in the worker (sys time 0.44-0.99 s of a 1,000-letter batch).
    let mut line = serde_json::to_vec(&request).map_err(std::io::Error::other)?;
    line.push(b'\n');
    line.extend_from_slice(source.text.as_bytes());
    running.stdin.write_all(&line)?;
    let mut line = String::new();
    if running.stdout.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let answer: Answer = serde_json::from_str(&line).map_err(std::io::Error::other)?;
    Ok(match answer {
        Answer::Made {
            files,
            defaults,
            pages,
            output: staged,
            warnings,
        } => {
            let staged = match staged {
                Ok(handed) => Ok(Staged::adopt(output, handed).ok_or_else(|| {
                    std::io::Error::other("the worker named no temporary file of the output")
                })?),
                Err(e) => Err(e),
            };
            Ok(Made {
                files: files
                    .into_iter()
                    .map(|(path, sha256)| FileHash {
                        path: path.into(),
                        sha256: Hash(sha256),
                    })
                    .collect(),
                defaults: defaults.map(|(path, sha256)| FileHash {
                    path: path.into(),
                    sha256: Hash(sha256),
                }),
                pages,
                output: staged,
                warnings,
            })
        }
        Answer::Refused(e) => Err(e),
    })
}

/// The refusal of a letter whose worker died under it, writing `output`.
fn died(letter: &Path, output: &Path, running: Running, killed: bool) -> Error {
    drop(running.stdin);
    let (worker, status) = {
        let mut child = running.child.lock().unwrap_or_else(PoisonError::into_inner);
        // It may still be running (it broke the protocol): end it.
        let _ = child.kill();
        (child.id(), child.wait().ok())
    };
    // The output it may have begun: this output's temporary file, named for
    // the worker's process. Only that one: other runs (shards on other
    // machines, sharing the folder) may be writing beside it.
    crate::write::remove_temps_of(output, worker);
    if killed {
        return crate::budget::over(letter);
    }
    Error::one(
        Diagnostic::new(
            letter,
            tr!(
                "batch-worker-died",
                how = status.map_or_else(|| tr!("batch-worker-not-waited"), how_it_ended)
            ),
        )
        .with_help(tr!("batch-worker-died-help")),
    )
}

fn how_it_ended(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return match signal {
                libc::SIGABRT => tr!("batch-worker-abort", signal = signal),
                libc::SIGKILL => tr!("batch-worker-killed", signal = signal),
                libc::SIGSEGV => tr!("batch-worker-segfault", signal = signal),
                _ => tr!("batch-worker-signal", signal = signal),
            };
        }
    }
    match status.code() {
        Some(code) => tr!("batch-worker-exit-code", code = code),
        None => tr!("batch-worker-ended"),
    }
}
