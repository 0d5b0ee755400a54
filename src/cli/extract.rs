//! `lede extract`: entities and dates of a text, for inspection and for the scorers.

use clap::Args;

/// Arguments of `lede extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Input file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: String,
    /// Extract date expressions (TIMEX3 values).
    #[arg(long)]
    pub dates: bool,
    /// Read `{"doc","dct","text"}` lines and write one JSON line per document.
    #[arg(long)]
    pub jsonl: bool,
}

/// Runs `lede extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<i32> {
    if args.dates {
        return super::extract_dates::run(&args.input, args.jsonl);
    }
    anyhow::bail!("lede extract is not implemented yet")
}
