//! `lede serve`: the HTTP JSON API and the web page over an index, on loopback unless told
//! otherwise.

use anyhow::Context;
use clap::Args;
use lede::serve::{DEFAULT_ADDR, ServeOptions};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// Arguments of `lede serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on. Loopback by default; another address (0.0.0.0:7700, say) opens
    /// the index to the network. Port 0 picks a free port.
    #[arg(long, default_value = DEFAULT_ADDR)]
    addr: SocketAddr,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
    /// Allow cross-origin requests from this origin (`https://example.org`, or `*`). No CORS
    /// without it.
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
}

/// Runs `lede serve` until Ctrl-C.
pub fn run(args: ServeArgs) -> anyhow::Result<i32> {
    let index = Arc::new(super::open_or_build(&args.index)?);
    let options = ServeOptions {
        cors: args.cors.clone(),
    };
    let app = lede::serve::router(index, &options).context("--cors")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let bound = listener.local_addr()?;
        if !bound.ip().is_loopback() {
            eprintln!(
                "lede: warning: listening on {bound}, not loopback: anyone who can reach this \
                 machine can read the index"
            );
        }
        let mut stdout = std::io::stdout();
        writeln!(
            stdout,
            "lede: serving {} at http://{bound}/ (Ctrl-C to stop)",
            args.index.display()
        )?;
        stdout.flush()?;
        lede::serve::serve(listener, app)
            .await
            .context("serving HTTP")
    })?;
    Ok(0)
}
