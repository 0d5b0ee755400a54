//! Command-line parsing and dispatch.

mod extract;
mod extract_dates;

use clap::{Parser, Subcommand};

/// lede: full-text search for news archives.
#[derive(Parser, Debug)]
#[command(name = "lede", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract entities and dates from text.
    Extract(extract::ExtractArgs),
}

/// Parses the command line, runs the command and returns the process exit code
/// (0 results, 1 no results, 2 error).
pub fn run() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("lede: error: {err:#}");
            2
        }
    }
}
