//! The `claimdex` binary: parse arguments, run the subcommand, map the outcome to an exit status.

use std::io;

fn main() {
    let code = match claimdex::cli::run() {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`claimdex extract ... | head`) is the reader's choice, not an error.
            let broken_pipe = e
                .chain()
                .filter_map(|c| c.downcast_ref::<io::Error>())
                .any(|io| io.kind() == io::ErrorKind::BrokenPipe);
            if broken_pipe {
                claimdex::cli::EXIT_OK
            } else {
                eprintln!("claimdex: error: {e:#}");
                claimdex::cli::EXIT_ERROR
            }
        }
    };
    std::process::exit(code);
}
