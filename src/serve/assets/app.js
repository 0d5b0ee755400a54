// lede's web page: a thin client of the JSON API (/api/search, /api/timeline, /api/entities,
// /api/facets,
// /api/articles/{id}). The state lives in the address bar, so reload, back and links work.
"use strict";

const PAGE = 10;
const $ = (id) => document.getElementById(id);

// `like`: the id of an article whose look-alikes are shown instead of a query's matches.
const state = {
  q: "", like: "", since: "", until: "", sort: "relevance", collapse: false, entity: [], offset: 0,
};
let generation = 0; // answers to an older search are dropped

function readLocation() {
  const p = new URLSearchParams(location.search);
  state.q = p.get("q") || "";
  state.like = state.q ? "" : p.get("like") || "";
  state.since = p.get("since") || "";
  state.until = p.get("until") || "";
  state.sort = ["date", "oldest"].includes(p.get("sort")) ? p.get("sort") : "relevance";
  state.collapse = p.get("collapse") === "true";
  state.entity = p.getAll("entity");
  state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  $("q").value = state.q;
  $("since").value = state.since;
  $("until").value = state.until;
  $("sort").value = state.sort;
  $("collapse").checked = state.collapse;
}

// The filters shared by every endpoint; the page adds its own parameters.
function filters() {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  else if (state.like) p.set("like", state.like);
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  for (const e of state.entity) p.append("entity", e);
  return p;
}

function go(push = true) {
  const p = filters();
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.collapse) p.set("collapse", "true");
  if (state.offset) p.set("offset", String(state.offset));
  const url = p.toString() ? "?" + p : location.pathname;
  if (push) history.pushState(null, "", url);
  run();
}

async function api(path, params) {
  const response = await fetch(path + "?" + params);
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

async function run() {
  const mine = ++generation;
  renderFilters();
  document.title = state.q ? `${state.q} · lede` : state.like ? `like ${state.like} · lede` : "lede";
  const search = filters();
  search.set("limit", String(PAGE));
  search.set("offset", String(state.offset));
  search.set("sort", state.sort);
  if (state.collapse) search.set("collapse", "true");
  $("status").textContent = "Searching…";
  $("results").setAttribute("aria-busy", "true");
  const side = filters();
  side.set("limit", "15");
  const sources = filters();
  sources.set("limit", "10");
  const [results, timeline, entities, facets] = await Promise.allSettled([
    api("/api/search", search),
    timelineFor(filters()),
    api("/api/entities", side),
    api("/api/facets", sources),
  ]);
  if (mine !== generation) return;
  $("results").removeAttribute("aria-busy");
  if (results.status === "rejected") {
    $("status").textContent = results.reason.message;
    $("status").className = "error";
    $("hits").replaceChildren();
    $("pager").hidden = true;
  } else {
    $("status").className = "";
    renderHits(results.value);
  }
  renderTimeline(timeline.status === "fulfilled" ? timeline.value : null);
  renderEntities(entities.status === "fulfilled" ? entities.value : null,
    facets.status === "fulfilled" ? facets.value : null);
}

// Months, or years when months would be too many bars.
async function timelineFor(params) {
  params.set("by", "month");
  const months = await api("/api/timeline", params);
  if (months.buckets.length <= 120) return months;
  params.set("by", "year");
  return api("/api/timeline", params);
}

function renderFilters() {
  const like = state.like ? [el("button", {
    type: "button",
    class: "chip active like",
    title: "Back to every article",
    onclick: () => {
      state.like = "";
      state.offset = 0;
      go();
    },
  }, `like ${state.like}`, el("span", { "aria-hidden": "true" }, " ×"))] : [];
  const chips = state.entity.map((spec) =>
    el("button", {
      type: "button",
      class: "chip active",
      title: "Remove this filter",
      onclick: () => {
        state.entity = state.entity.filter((e) => e !== spec);
        state.offset = 0;
        go();
      },
    }, spec.replace(/^(PER|ORG|LOC|MISC):/, ""), el("span", { "aria-hidden": "true" }, " ×"))
  );
  $("filters").replaceChildren(...like, ...chips);
}

function addEntity(entity) {
  const spec = `${entity.type}:${entity.name}`;
  if (!state.entity.includes(spec)) state.entity.push(spec);
  state.offset = 0;
  go();
}

// An entity of the side list names the other names it counts (`also`) in its tooltip.
function entityChip(entity) {
  const also = entity.also ? ` (also ${entity.also.join(", ")})` : "";
  return el("button", {
    type: "button",
    class: `chip ${entity.type.toLowerCase()}`,
    title: `${entity.type}: filter by ${entity.name}${also}`,
    onclick: () => addEntity(entity),
  }, entity.name);
}

// Highlights are [start, end) UTF-8 byte offsets; JavaScript strings count UTF-16 units, so the
// text is cut as bytes and each piece decoded on its own (the offsets fall on character edges).
function highlighted(text, ranges) {
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  const out = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > bytes.length || end <= start) continue;
    if (start > at) out.push(decode(at, start));
    out.push(el("mark", {}, decode(start, end)));
    at = end;
  }
  if (at < bytes.length) out.push(decode(at, bytes.length));
  return out;
}

// An untitled story's first sentence is its title, shown just above: its first passage goes on
// from after it (as the terminal shows it), the highlights moved with the text.
function afterTitle(passage, title) {
  const text = passage.text;
  if (passage.start > 0 || !title || !text.startsWith(title)) {
    return { ...passage, elided: passage.start > 0 };
  }
  const rest = text.slice(title.length).trimStart();
  const encoder = new TextEncoder();
  const cut = encoder.encode(text).length - encoder.encode(rest).length;
  const highlights = passage.highlights
    .filter(([start]) => start >= cut)
    .map(([start, end]) => [start - cut, end - cut]);
  return { ...passage, text: rest, highlights, elided: true };
}

function day(published) {
  return published ? published.slice(0, 10) : "undated";
}

function renderHits(results) {
  const total = results.total_hits;
  const first = total ? state.offset + 1 : 0;
  const last = state.offset + results.hits.length;
  const shown = total ? `${first}–${last} of ${total}` : "No articles";
  // A look-alike search says which words it ran on.
  const words = state.like && results.query ? ` · by its words: ${results.query}` : "";
  const status =
    `${shown} ${total === 1 ? "article" : "articles"} · ${results.took_ms.toFixed(1)} ms` +
    (results.warnings ? ` · ignored: ${results.warnings.join("; ")}` : "") + words;
  // Words no article holds: the query with those they most likely meant, one click away.
  const better = results.did_you_mean;
  const suggestion = better
    ? [" · did you mean ", el("button", {
      type: "button",
      class: "suggestion",
      onclick: () => {
        state.q = better;
        $("q").value = better;
        state.offset = 0;
        go();
      },
    }, better), "?"]
    : [];
  $("status").replaceChildren(status, ...suggestion);
  $("hits").replaceChildren(...results.hits.map(renderHit));
  $("pager").hidden = total <= PAGE;
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= total;
  $("page").textContent = `page ${Math.floor(state.offset / PAGE) + 1} of ${Math.ceil(total / PAGE)}`;
}

function renderHit(hit) {
  const body = el("div", { class: "body" });
  const title = el("button", {
    type: "button",
    class: "title",
    "aria-expanded": "false",
    title: "Show the whole article",
    onclick: () => toggleArticle(hit.article_id, title, body),
  }, ...(hit.title ? highlighted(hit.title, hit.title_highlights || [])
    : hit.opening ? highlighted(hit.opening, hit.opening_highlights || []) : [hit.article_id]));
  const meta = [day(hit.published), hit.source || hit.path].filter(Boolean).join(" · ");
  const passages = hit.passages
    .map((p) => afterTitle(p, hit.title || hit.opening))
    .filter((p) => p.text)
    .map((p) =>
      el("div", { class: "passage" },
        el("p", {}, p.elided ? "… " : "", ...highlighted(p.text, p.highlights)),
        el("div", { class: "chips" }, ...p.entities.slice(0, 8).map(entityChip))));
  // Only a web address becomes a link: a corpus may hold any text as an article's url.
  const link = hit.url && /^https?:\/\//i.test(hit.url);
  const similar = el("button", {
    type: "button",
    class: "similar",
    title: "Articles like this one",
    onclick: () => {
      state.q = "";
      $("q").value = "";
      state.like = hit.article_id;
      state.offset = 0;
      go();
      window.scrollTo(0, 0);
    },
  }, "similar");
  const versions = hit.duplicates || [];
  const folded = versions.length
    ? el("p", { class: "meta duplicates", title: versions.join("\n") },
      `+ ${versions.length} near-duplicate ${versions.length === 1 ? "version" : "versions"}`)
    : "";
  return el("li", { class: "hit" },
    el("h3", {}, title),
    el("p", { class: "meta" }, meta, link ? " · " : "",
      link ? el("a", { href: hit.url, rel: "noopener noreferrer" }, "source") : "",
      " · ", similar),
    folded, ...passages, body);
}

async function toggleArticle(id, button, body) {
  if (body.childElementCount) {
    body.replaceChildren();
    button.setAttribute("aria-expanded", "false");
    return;
  }
  try {
    const stored = await api("/api/articles/" + encodeURIComponent(id), "");
    const paragraphs = stored.article.body.split(/\n\s*\n/).filter((t) => t.trim());
    body.replaceChildren(...paragraphs.map((t) => el("p", {}, t)));
    button.setAttribute("aria-expanded", "true");
  } catch (e) {
    body.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

function renderTimeline(timeline) {
  const figure = $("timeline");
  const buckets = timeline ? timeline.buckets : [];
  figure.hidden = buckets.length === 0;
  if (!buckets.length) return;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const bars = buckets.map((b) => {
    const bar = el("button", {
      type: "button",
      tabindex: "-1",
      class: "bar",
      title: `${b.period}: ${b.count} ${b.count === 1 ? "article" : "articles"}`,
      "aria-label": `${b.period}: ${b.count}`,
      onclick: () => {
        state.since = state.until = b.period;
        $("since").value = $("until").value = b.period;
        state.offset = 0;
        go();
      },
    }, el("span"));
    bar.firstChild.style.height = `${(100 * b.count) / max}%`;
    return bar;
  });
  $("bars").replaceChildren(...bars);
  figure.style.maxWidth = `${Math.max(20, 3 * buckets.length)}rem`; // a few bars stay slim
  const undated = timeline.undated ? ` · ${timeline.undated} undated` : "";
  const first = buckets[0].period;
  const last = buckets[buckets.length - 1].period;
  $("axis").replaceChildren(
    el("span", {}, first),
    el("span", {}, `articles per ${timeline.by}${undated}`),
    el("span", {}, last === first ? "" : last));
}

function renderEntities(counts, facets) {
  const list = counts ? counts.entities : [];
  const sources = facets ? facets.values : [];
  $("side").hidden = list.length === 0 && sources.length === 0;
  $("entities").replaceChildren(...list.map((e) =>
    el("li", {}, entityChip(e), el("span", { class: "count" }, String(e.articles)))));
  $("sources-title").hidden = $("sources").hidden = sources.length === 0;
  $("sources").replaceChildren(...sources.map((s) =>
    el("li", {}, sourceChip(s.value), el("span", { class: "count" }, String(s.articles)))));
}

// A source narrows the query to its articles: `(QUERY) AND source:"…"`, which the box shows
// (a `+source:` clause beside words would make the words optional).
function sourceChip(source) {
  return el("button", {
    type: "button",
    class: "chip source",
    title: `Only articles from ${source}`,
    onclick: () => {
      const clause = `source:"${source.replaceAll('"', "")}"`;
      if (!state.q.includes(clause)) state.q = state.q ? `(${state.q}) AND ${clause}` : clause;
      $("q").value = state.q;
      state.offset = 0;
      go();
    },
  }, source);
}

document.addEventListener("DOMContentLoaded", () => {
  readLocation();
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = $("q").value.trim();
    state.like = "";
    state.since = $("since").value.trim();
    state.until = $("until").value.trim();
    state.sort = $("sort").value;
    state.collapse = $("collapse").checked;
    state.offset = 0;
    go();
  });
  $("sort").addEventListener("change", () => $("search").requestSubmit());
  $("collapse").addEventListener("change", () => $("search").requestSubmit());
  $("prev").addEventListener("click", () => page(-1));
  $("next").addEventListener("click", () => page(1));
  window.addEventListener("popstate", () => {
    readLocation();
    run();
  });
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
    } else if (event.key === "Escape" && typing) {
      document.activeElement.blur();
    } else if (!typing && (event.key === "[" || event.key === "]")) {
      page(event.key === "]" ? 1 : -1);
    }
  });
  run();
});

function page(step) {
  const button = step > 0 ? $("next") : $("prev");
  if ($("pager").hidden || button.disabled) return;
  state.offset = Math.max(0, state.offset + step * PAGE);
  go();
  window.scrollTo(0, 0);
}
