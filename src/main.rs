//! The `lede` command-line tool: a thin layer over the `lede` library.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
