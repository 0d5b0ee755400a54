//! The progress bar of `lede index`: on a terminal only (never when standard error is piped, nor
//! with `--quiet`), by bytes read, with files, articles written, their rate and an ETA.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lede::index::writer::Progress;
use std::io::IsTerminal;
use std::time::Instant;

/// A bar that follows an index run.
pub(crate) struct IndexBar {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl IndexBar {
    /// A bar on standard error when it is a terminal and `quiet` is off; otherwise nothing.
    pub fn new(quiet: bool) -> IndexBar {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} · {msg} · ETA {eta}")
            {
                bar.set_style(style);
            }
            bar
        });
        IndexBar {
            bar,
            started: Instant::now(),
        }
    }

    /// Shows how far the run is.
    pub fn update(&self, progress: &Progress) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.set_length(progress.bytes_total);
        bar.set_position(progress.bytes_done);
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{}/{} files · {} articles · {:.0} articles/s",
            progress.files_done,
            progress.files_total,
            progress.articles_written,
            progress.articles_written as f64 / seconds
        ));
    }

    /// Removes the bar before the summary is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
