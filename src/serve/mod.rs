//! `lede serve`: the HTTP JSON API and the web page, over one open [`Index`].
//!
//! The API answers with the library's own types in their serde form, the same JSON as the CLI's
//! `--json` ([`api`]); the page at `/` is a single HTML, CSS and JavaScript file compiled into the
//! binary ([`page`]), with no build step and nothing fetched from elsewhere. Built on axum and
//! tokio; searches run on tokio's blocking pool, since tantivy's work is synchronous. The index's
//! reader reloads by itself shortly after each commit, so a `lede index` run beside the server
//! shows up without a restart.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! let index = Arc::new(lede::Index::open("index")?);
//! let app = lede::serve::router(index, &lede::serve::ServeOptions::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:7700").await?;
//! lede::serve::serve(listener, app).await?;
//! # Ok(())
//! # }
//! ```

pub mod api;
pub mod page;

use crate::error::{Error, Result};
use crate::index::Index;
use axum::Router;
use axum::http::{HeaderValue, Method};
use axum::routing::get;
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The address `lede serve` binds to unless told otherwise: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7700";

/// How the server behaves beyond its index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServeOptions {
    /// Answer cross-origin requests from this origin (`https://example.org`, or `*` for any);
    /// without it no CORS headers are sent and browsers keep other sites' pages out.
    pub cors: Option<String>,
}

/// The routes: the API under `/api/`, the page at `/` and its assets under `/assets/`.
pub fn router(index: Arc<Index>, options: &ServeOptions) -> Result<Router> {
    let api = Router::new()
        .route("/search", get(api::search))
        .route("/articles/{*id}", get(api::article))
        .route("/entities", get(api::entities))
        .route("/facets", get(api::facets))
        .route("/timeline", get(api::timeline))
        .route("/health", get(api::health))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(api::Shared::new(index));
    let mut app = Router::new()
        .route("/", get(page::index_html))
        .route("/assets/app.js", get(page::app_js))
        .route("/assets/style.css", get(page::style_css))
        .nest("/api", api)
        .fallback(page::not_found);
    if let Some(origin) = &options.cors {
        let allow = if origin.trim() == "*" {
            AllowOrigin::any()
        } else {
            let value = HeaderValue::from_str(origin.trim())
                .ok()
                .filter(|_| origin.contains("://"))
                .ok_or_else(|| {
                    Error::BadRequest(format!(
                        "invalid CORS origin {origin:?}: expected scheme://host[:port] or *"
                    ))
                })?;
            AllowOrigin::exact(value)
        };
        app = app.layer(
            CorsLayer::new()
                .allow_origin(allow)
                .allow_methods([Method::GET]),
        );
    }
    Ok(app)
}

/// Serves `app` on `listener` until Ctrl-C (or SIGTERM on Unix), then finishes the requests in
/// flight.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
