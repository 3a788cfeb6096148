//! The `zhauap` command: a thin layer over the library.

mod cli;

fn main() {
    let mut args = std::env::args_os().skip(1);
    // A batch's worker process (see zhauap::batch::worker), not a command.
    if args.next().is_some_and(|a| a == zhauap::batch::WORKER) {
        zhauap::process::keep_freed_memory();
        exit(zhauap::batch::worker::serve(args));
    }
    exit(cli::run());
}

/// Ends the process with `code` once what it printed is out, skipping the
/// destructors of the main thread's thread-locals (the typesetter's caches
/// of words, lines and shaped runs): freeing them one by one was 2% of a
/// cold render, and the system takes the memory back whole. Everything
/// else has been dropped when `cli::run` returned: files written are
/// synced and renamed into place, and standard error is unbuffered.
fn exit(code: i32) -> ! {
    use std::io::Write;
    // A closed or full standard output cannot be reported any more.
    let _ = std::io::stdout().flush();
    // SAFETY: `_exit` ends the process at once and touches no Rust state.
    unsafe { libc::_exit(code) }
}
