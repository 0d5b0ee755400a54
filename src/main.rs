//! The `lede` command-line tool: a thin layer over the `lede` library.

mod cli;

/// jemalloc for the binary: indexing allocates and frees many small buffers across threads.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    std::process::exit(cli::run());
}
