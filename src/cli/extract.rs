//! `lede extract`: entities and dates of a text, for inspection and for the scorers.

use clap::Args;

/// Arguments of `lede extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Input file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: String,
}

/// Runs `lede extract`.
pub fn run(_args: ExtractArgs) -> anyhow::Result<i32> {
    anyhow::bail!("lede extract is not implemented yet")
}
