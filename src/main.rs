//! The `zhauap` command: a thin layer over the library.

mod cli;

fn main() {
    let mut args = std::env::args_os().skip(1);
    // A batch's worker process (see zhauap::batch::worker), not a command.
    if args.next().is_some_and(|a| a == zhauap::batch::WORKER) {
        zhauap::process::keep_freed_memory();
        std::process::exit(zhauap::batch::worker::serve(args));
    }
    std::process::exit(cli::run());
}
