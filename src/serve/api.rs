//! The JSON API: one handler per endpoint, each turning its query string into a library request
//! through [`Params`] and answering with the library's result type.
//!
//! | endpoint | answer |
//! | --- | --- |
//! | `GET /api/search?q=&limit=&offset=&since=&until=&entity=&mentions=&sort=` | [`SearchResults`] |
//! | `GET /api/articles/{id}` | [`StoredArticle`], or 404 |
//! | `GET /api/entities?q=&type=&with=&limit=` (and the filters) | [`EntityCounts`] |
//! | `GET /api/facets?q=&field=&limit=` (and the filters) | [`FacetCounts`] |
//! | `GET /api/timeline?q=&by=&mentions=` (and `since`, `until`, `entity`) | [`Timeline`] |
//! | `GET /api/health` | [`Health`] |
//!
//! Errors are JSON too, `{"error": "…"}`: 400 for a bad parameter, 404 for an unknown article or
//! endpoint, 500 only for a fault of the server (an unreadable index).

use crate::error::Error;
use crate::index::Index;
use crate::search::lookup::StoredArticle;
use crate::search::{EntityCounts, FacetCounts, Params, SearchResults, Timeline};
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// What the handlers share: the index, and permits that bound how many searches run at once.
#[derive(Clone)]
pub(crate) struct Shared {
    index: Arc<Index>,
    workers: Arc<Semaphore>,
}

impl Shared {
    /// Room for two searches per core: enough to keep the cores busy while others wait their
    /// turn in order (a fair queue), instead of every request time-slicing with all the others.
    pub(crate) fn new(index: Arc<Index>) -> Shared {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Shared {
            index,
            workers: Arc::new(Semaphore::new(2 * cores)),
        }
    }
}

/// A query string's name–value pairs, percent-decoded.
type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: String,
}

/// What `GET /api/health` answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// Always `ok` when the server answers and can read its index.
    pub status: String,
    /// lede's version.
    pub version: String,
    /// Articles in the index (as of the last commit the server has loaded).
    pub articles: u64,
    /// Passages in the index.
    pub passages: u64,
    /// When the index was last committed.
    pub last_commit: Option<jiff::Timestamp>,
}

/// An error answer: a status and a message.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let status = match error {
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, error.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.message,
        };
        (self.status, Json(body)).into_response()
    }
}

/// The query string as [`Params`]; a malformed one is a 400.
fn params(pairs: Pairs) -> Result<Params, ApiError> {
    match pairs {
        Ok(Query(pairs)) => Ok(Params::new(pairs)),
        Err(rejection) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("malformed query string: {}", rejection.body_text()),
        )),
    }
}

/// Runs `work` on the blocking pool (tantivy searches are synchronous and may take a while), when
/// its turn comes.
async fn blocking<T: Send + 'static>(
    shared: Shared,
    work: impl FnOnce(&Index) -> crate::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let permit = shared.workers.acquire_owned().await.map_err(|_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is shutting down",
        )
    })?;
    let index = shared.index;
    let task = tokio::task::spawn_blocking(move || {
        let result = work(&index);
        drop(permit);
        result
    });
    match task.await {
        Ok(result) => Ok(result?),
        Err(_) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the request failed inside the server",
        )),
    }
}

/// `GET /api/search`: a page of ranked hits, as `lede search --json` prints them.
pub(crate) async fn search(
    State(shared): State<Shared>,
    pairs: Pairs,
) -> Result<Json<SearchResults>, ApiError> {
    let request = params(pairs)?.search_request()?;
    let results = blocking(shared, move |index| index.search(&request)).await?;
    Ok(Json(results))
}

/// `GET /api/articles/{id}`: one article with its passages, as `lede show --json` prints it.
pub(crate) async fn article(
    State(shared): State<Shared>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<StoredArticle>, ApiError> {
    let Path(id) = id.map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, e.body_text()))?;
    let lookup = id.clone();
    match blocking(shared, move |index| index.article(&lookup)).await? {
        Some(article) => Ok(Json(article)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article with id {id:?}"),
        )),
    }
}

/// `GET /api/entities`: the entities of the matching articles, as `lede entities --json`.
pub(crate) async fn entities(
    State(shared): State<Shared>,
    pairs: Pairs,
) -> Result<Json<EntityCounts>, ApiError> {
    let (request, options) = params(pairs)?.entity_request()?;
    let counts = blocking(shared, move |index| index.entity_counts(&request, &options)).await?;
    Ok(Json(counts))
}

/// `GET /api/facets`: the values of a field over the matching articles, as `lede facets --json`.
pub(crate) async fn facets(
    State(shared): State<Shared>,
    pairs: Pairs,
) -> Result<Json<FacetCounts>, ApiError> {
    let (request, field, limit) = params(pairs)?.facet_request()?;
    let counts = blocking(shared, move |index| {
        index.facet_counts(&request, field, limit)
    })
    .await?;
    Ok(Json(counts))
}

/// `GET /api/timeline`: matching articles per period, as `lede timeline --json`.
pub(crate) async fn timeline(
    State(shared): State<Shared>,
    pairs: Pairs,
) -> Result<Json<Timeline>, ApiError> {
    let (request, by, basis) = params(pairs)?.timeline_request()?;
    let timeline = blocking(shared, move |index| index.timeline(&request, by, basis)).await?;
    Ok(Json(timeline))
}

/// `GET /api/health`: the server is up and reads its index.
pub(crate) async fn health(State(shared): State<Shared>) -> Result<Json<Health>, ApiError> {
    let stats = blocking(shared, |index| index.stats()).await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        articles: stats.articles,
        passages: stats.passages,
        last_commit: stats.last_commit,
    }))
}

/// Any other path under `/api/`: a JSON 404.
pub(crate) async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint: see /api/search, /api/articles/{id}, /api/entities, /api/facets, /api/timeline, /api/health",
    )
}

/// A method other than GET (or HEAD) on an endpoint: a JSON 405.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "the API only answers GET requests",
    )
}
