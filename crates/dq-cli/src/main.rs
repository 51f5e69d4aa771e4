//! The `dq` binary: [`dq_cli::run`] on the process's arguments.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    dq_cli::run(std::env::args_os())
}
