//! The filters shared by `lede search`, `lede entities` and `lede timeline`.

use anyhow::Context;
use clap::Args;
use lede::search::{
    BoundKind, EntityFilter, MentionPeriod, SearchRequest, check_bounds, parse_date_bound,
};

/// Which articles a command looks at, besides its query.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Only articles published from this date: YYYY, YYYY-MM or YYYY-MM-DD, an RFC 3339 time,
    /// today, yesterday, or a time ago (12h, 30d, 2w, 6m, 1y).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published up to this date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD, an RFC
    /// 3339 time, today, yesterday, or a time ago (12h, 30d, 2w, 6m, 1y).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles (and passages) that mention this entity: NAME or TYPE:NAME, TYPE one of PER,
    /// ORG, LOC, MISC; `-NAME` for those that do not. Repeatable: all must hold. A person's
    /// surname also finds full names ending in it, and a full name its surname alone when no
    /// other person of that surname is as often named; an acronym (ORG:SEC) also finds the names
    /// articles give for it, and a name its acronym alone when it is the name most give; a
    /// company's name without its designators (GenCorp) the name with them (GenCorp Inc), and
    /// an organisation's first words (Moody's) the name articles write them for (Moody's
    /// Investors Service Inc) when it is the usual one.
    #[arg(
        long = "entity",
        value_name = "[-][TYPE:]NAME",
        allow_hyphen_values = true
    )]
    pub entities: Vec<String>,
    /// Articles like this one (by id) instead of a query: its key words are the query (shown in
    /// the output), and it is left out.
    #[arg(long, value_name = "ID")]
    pub like: Option<String>,
}

impl FilterArgs {
    /// Sets the request's filters from the arguments.
    pub fn apply(&self, request: &mut SearchRequest) -> anyhow::Result<()> {
        request.since = self
            .since
            .as_deref()
            .map(|d| parse_date_bound(d, BoundKind::Since))
            .transpose()
            .context("--since")?;
        request.until = self
            .until
            .as_deref()
            .map(|d| parse_date_bound(d, BoundKind::Until))
            .transpose()
            .context("--until")?;
        check_bounds(request.since, request.until).with_context(|| {
            format!(
                "--since {} --until {}",
                self.since.as_deref().unwrap_or_default(),
                self.until.as_deref().unwrap_or_default()
            )
        })?;
        for spec in &self.entities {
            request
                .entities
                .push(EntityFilter::parse(spec).context("--entity")?);
        }
        request.like = self.like.clone();
        Ok(())
    }
}

/// The `--mentions PERIOD` filter of `lede search` and `lede entities` (`lede timeline` uses
/// `--mentions` to place articles by the dates they mention).
#[derive(Args, Debug, Default)]
pub struct MentionsArg {
    /// Only articles (and passages) that mention a date within this period: YYYY, YYYY-MM,
    /// YYYY-MM-DD or FROM..TO (a mention's whole span must lie within it).
    #[arg(long, value_name = "PERIOD")]
    pub mentions: Option<String>,
}

impl MentionsArg {
    /// Sets the request's mentioned period from the argument.
    pub fn apply(&self, request: &mut SearchRequest) -> anyhow::Result<()> {
        request.mentions = self
            .mentions
            .as_deref()
            .map(MentionPeriod::parse)
            .transpose()
            .context("--mentions")?;
        Ok(())
    }
}
