//! The `zhauap` command: a thin layer over the library.

mod cli;

/// Chooses the process's allocator (see zhauap::process) from the command
/// line before anything is allocated: Rust's runtime allocates before
/// `main` (the main thread's record), so this runs among the program's
/// start-up functions, which glibc calls with the arguments (as it does
/// for Rust's own `std::env::args`), dynamically linked or static.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[unsafe(link_section = ".init_array")]
static CHOOSE_ALLOCATOR: extern "C" fn(
    std::ffi::c_int,
    *const *const std::ffi::c_char,
    *const *const std::ffi::c_char,
) = choose_allocator;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" fn choose_allocator(
    argc: std::ffi::c_int,
    argv: *const *const std::ffi::c_char,
    env: *const *const std::ffi::c_char,
) {
    use std::ffi::CStr;
    if argv.is_null() || env.is_null() {
        return;
    }
    let count = usize::try_from(argc).unwrap_or(0);
    // SAFETY: glibc passes the program's argc, argv and environment: argv's
    // first argc entries and the environment's entries up to a null one are
    // NUL-terminated strings that live as long as the process.
    let args = (1..count).map(|i| unsafe { CStr::from_ptr(*argv.add(i)) }.to_bytes());
    let variables = (0..)
        .map(|i| unsafe { *env.add(i) })
        .take_while(|v| !v.is_null())
        .map(|v| unsafe { CStr::from_ptr(v) }.to_bytes());
    let in_process = variables
        .filter_map(|v| v.strip_prefix(zhauap::batch::worker::IN_PROCESS.as_bytes()))
        .any(|value| value == b"=1");
    zhauap::process::choose(zhauap::process::heap_for(args, in_process));
}

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
