//! The text of HTML, as articles carry it (raw HTML blocks in Markdown, such as `<p>…</p>` or
//! `<table>…</table>`; a JSON body exported from a CMS or a feed): tags dropped, block tags
//! turned into paragraph breaks, `<script>`, `<style>` and comments skipped, character
//! references decoded.

use super::html_tags::{Markup, Scanner, element_end, tag_name};
use std::borrow::Cow;

/// Elements whose start or end breaks the text into paragraphs.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Other elements: inline ones and those of embedded content and forms.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "audio", "b", "bdi", "bdo", "big", "body", "br", "button", "caption", "center",
    "cite", "code", "col", "colgroup", "data", "del", "details", "dfn", "em", "embed", "font",
    "form", "head", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "link", "mark",
    "meta", "object", "option", "param", "picture", "q", "s", "samp", "select", "small", "source",
    "span", "strike", "strong", "sub", "summary", "sup", "svg", "tbody", "textarea", "tfoot",
    "thead", "time", "title", "track", "tt", "u", "var", "video", "wbr",
];

/// Elements whose content is not text a reader sees.
const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "template", "noscript"];

/// Elements of a page's layout around its article, skipped in a page's text (see
/// [`push_page_text`]).
const LAYOUT_ELEMENTS: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "button", "select",
];

/// Containers that a page marks as layout by their `class`, `id` or `role` (see
/// [`marked_as_layout`]).
const LAYOUT_CONTAINERS: &[&str] = &[
    "div", "section", "ul", "ol", "li", "span", "p", "figure", "table", "dl",
];

/// Words of a `class` or `id` that mark a container as the page's layout rather than the story:
/// advertising, sharing and social tools, related and recommended links, newsletter and cookie
/// prompts, navigation, comments. Whole words only (`ad` in `ad-slot`, not in `header`).
const LAYOUT_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsored",
    "promo",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "signup",
    "sidebar",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navigation",
    "menu",
    "comments",
    "comment",
    "popup",
    "modal",
    "toolbar",
    "outbrain",
    "taboola",
];

/// ARIA roles of a page's layout.
const LAYOUT_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "search",
    "dialog",
];

/// How many times a page's size its layout elements' scans may read in all (see
/// [`push_page_text`]).
const LAYOUT_SCAN_FACTOR: usize = 4;

/// What a text is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// HTML inside an article (Markdown's raw HTML, a JSON body): all of it is the story's.
    Fragment,
    /// The part of a web page that holds its article: its layout is left out, the elements of
    /// [`LAYOUT_ELEMENTS`] and the containers marked as layout.
    Page,
    /// As [`Source::Page`], the marked containers kept.
    PageUnmarked,
}

/// Appends the text of an HTML fragment to `out`. Markup left open at the end (a tag without
/// its `>`, a comment or script without its end) is dropped, as a browser would show nothing of
/// it.
pub(crate) fn push_html_text(html: &str, out: &mut String) {
    push_text_of(html, Source::Fragment, out);
}

/// Appends the text of the part of a web page that holds its article (see [`push_html_text`]),
/// without the page's layout around it: navigation, headers and footers, asides, forms, and the
/// containers the page marks as layout (advertising, sharing tools, related links…; see
/// [`LAYOUT_WORDS`]).
///
/// A mark can be wrong: a story's own element may have a class such as `ad-free` or
/// `has-related`. When the marked containers held most of the text (more than half of it), the
/// marks are taken for such and the text kept.
pub(crate) fn push_page_text(html: &str, out: &mut String) {
    let start = out.len();
    let marked_text = push_text_of(html, Source::Page, out);
    if out.len() - start < marked_text {
        out.truncate(start);
        push_text_of(html, Source::PageUnmarked, out);
    }
}

/// Whether a start tag's `class`, `id` or `role` marks its element as the page's layout.
fn marked_as_layout(markup: &Markup<'_>) -> bool {
    let named = ["class", "id"].iter().any(|attr| {
        markup.attr(attr).is_some_and(|value| {
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| LAYOUT_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)))
        })
    });
    named
        || markup
            .attr("role")
            .is_some_and(|role| is_one_of(role.trim(), LAYOUT_ROLES))
}

/// Appends the text of `html` read as `source` says; returns the length of the text left out
/// with the containers marked as layout (measured only as those are skipped, so that a page is
/// read twice only when the marks took most of its text).
fn push_text_of(html: &str, source: Source, out: &mut String) -> usize {
    let page = source != Source::Fragment;
    let marks = source == Source::Page;
    let mut marked_text = 0;
    // Each layout element is measured by a scan to its end; a page of thousands never closed
    // would take a scan to the page's end for each. Past this many bytes scanned, layout is
    // kept as text: the reading stays linear in the page's size.
    let mut layout_budget = LAYOUT_SCAN_FACTOR * html.len() + 64 * 1024;
    let mut scanner = Scanner::new(html);
    let mut text_from = 0;
    while let Some(markup) = scanner.next() {
        push_text(&html[text_from..markup.start], out);
        text_from = markup.end;
        let Some(name) = markup.name else {
            continue; // a comment, a doctype or a processing instruction
        };
        if !is_element(name) {
            // `<Sedio N.V.>`: wire copy marks company names so; no browser would show it, but
            // news text in Markdown means it as text.
            push_text(markup.text, out);
            continue;
        }
        let opens = !markup.closing && !markup.self_closing();
        if opens && is_one_of(name, SKIPPED_ELEMENTS) {
            let (close_start, close_end) = element_end(html, &markup);
            if close_start == html.len() {
                return marked_text;
            }
            scanner = Scanner::from(html, close_end);
            text_from = close_end;
            continue;
        }
        let marked = || marks && is_one_of(name, LAYOUT_CONTAINERS) && marked_as_layout(&markup);
        let layout =
            opens && page && layout_budget > 0 && (is_one_of(name, LAYOUT_ELEMENTS) || marked());
        if layout {
            // Skipped when it ends: one never closed keeps its text (a browser shows it) rather
            // than lose the rest of the page.
            let (close_start, close_end) = element_end(html, &markup);
            layout_budget = layout_budget.saturating_sub(close_end - markup.end);
            if close_start < html.len() {
                if !is_one_of(name, LAYOUT_ELEMENTS) {
                    let mut left_out = String::new();
                    let inside = &html[markup.end..close_start];
                    push_text_of(inside, Source::PageUnmarked, &mut left_out);
                    marked_text += left_out.trim().len();
                }
                scanner = Scanner::from(html, close_end);
                text_from = close_end;
                paragraph_break(out);
                continue;
            }
        }
        if name.eq_ignore_ascii_case("br") {
            trim_end_spaces(out);
            out.push('\n');
        } else if is_one_of(name, BLOCK_TAGS) {
            paragraph_break(out);
        }
    }
    push_text(
        &html[text_from..scanner.open_at().unwrap_or(html.len())],
        out,
    );
    marked_text
}

/// The text of an HTML fragment, trimmed (see [`push_html_text`]).
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    push_html_text(html, &mut out);
    out.trim().to_string()
}

/// Whether a text is HTML rather than plain text that may hold angle brackets: it has an end
/// tag of a block element (`</p>`, `</div>`) or a line break (`<br>`, `<br/>`). Start tags alone
/// do not count: wire copy writes ticker symbols so (Du Pont `<DD>`, Phillips Petroleum `<P>`).
pub(crate) fn looks_like_html(text: &str) -> bool {
    memchr::memchr_iter(b'<', text.as_bytes()).any(|at| {
        let candidate = &text[at..];
        // A tag's `>` is looked for nearby only: a text of many `<` and no `>` is no HTML,
        // and must not take a scan to its end for each of them.
        let window = &candidate.as_bytes()[..candidate.len().min(200)];
        let end = memchr::memchr(b'>', window);
        end.and_then(|end| tag_name(&candidate[..=end]))
            .is_some_and(|(name, closing)| {
                name.eq_ignore_ascii_case("br") || (closing && is_one_of(name, BLOCK_TAGS))
            })
    })
}

/// Whether markup (a whole tag or comment, as Markdown's inline HTML gives it) is HTML rather
/// than text in angle brackets.
pub(crate) fn is_html_markup(markup: &str) -> bool {
    tag_name(markup).is_none_or(|(name, _)| is_element(name))
}

/// Whether a tag name is an HTML element: a known one, a custom one (`my-widget`) or one with a
/// namespace (`o:p`, as word processors write).
fn is_element(name: &str) -> bool {
    name.contains(['-', ':'])
        || [BLOCK_TAGS, SKIPPED_ELEMENTS, INLINE_TAGS]
            .iter()
            .any(|tags| is_one_of(name, tags))
}

/// Whether a tag name is one of `tags`, ASCII case ignored.
fn is_one_of(name: &str, tags: &[&str]) -> bool {
    tags.iter().any(|tag| name.eq_ignore_ascii_case(tag))
}

/// Removes the spaces that end `out`: a line or paragraph break follows.
fn trim_end_spaces(out: &mut String) {
    out.truncate(out.trim_end_matches(' ').len());
}

/// Ends the current paragraph with a blank line, once (not at the start).
pub(crate) fn paragraph_break(out: &mut String) {
    trim_end_spaces(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

/// Appends text between tags, as a browser shows it: each run of whitespace (line breaks
/// included) one space, none at the start of a line, character references decoded (`&amp;`,
/// `&#8217;`…; one that is not known stays as written).
fn push_text(text: &str, out: &mut String) {
    let mut words = text.split_ascii_whitespace();
    let Some(first) = words.next() else {
        if !text.is_empty() && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        return;
    };
    if text.starts_with(|c: char| c.is_ascii_whitespace())
        && !out.is_empty()
        && !out.ends_with([' ', '\n'])
    {
        out.push(' ');
    }
    push_decoded(first, out);
    for word in words {
        out.push(' ');
        push_decoded(word, out);
    }
    if text.ends_with(|c: char| c.is_ascii_whitespace()) {
        out.push(' ');
    }
}

/// Text with its character references decoded (an attribute's value).
pub(crate) fn decode_references(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    push_decoded(text, &mut out);
    Cow::Owned(out)
}

/// Appends text with its character references decoded.
fn push_decoded(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((reference(&after[..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The character a reference names (without its `&` and `;`): numeric, or one of the named
/// ones news text uses.
fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "eacute" => 'é',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        let mut out = String::new();
        push_html_text(html, &mut out);
        out
    }

    #[test]
    fn tags_go_blocks_break_and_references_are_decoded() {
        let html = "<div class=\"story\"><p>Prices rose <b>5%</b> &amp; fell.</p><p>AT&amp;T&#8217;s chief &ldquo;quit&rdquo;.<br/>Next line</p></div>";
        assert_eq!(
            text_of(html),
            "Prices rose 5% & fell.\n\nAT&T’s chief “quit”.\nNext line\n\n"
        );
    }

    #[test]
    fn scripts_styles_and_comments_are_skipped() {
        let html = "<p>Before</p><script type=\"text/javascript\">\nvar x = '<p>not text</p>';\n</script><!-- a comment\nover -- lines --> <style>p { color: red }</STYLE >After";
        assert_eq!(text_of(html), "Before\n\nAfter");
    }

    #[test]
    fn markup_left_open_at_the_end_is_dropped() {
        assert_eq!(text_of("Kept <p class=\"a"), "Kept ");
        assert_eq!(text_of("Kept <!-- never closed"), "Kept ");
        assert_eq!(text_of("Kept<script>never closed"), "Kept");
    }

    #[test]
    fn angle_brackets_around_what_is_no_element_are_text() {
        assert_eq!(
            text_of("<p><Sedio N.V.> said <BP> and <o:p></o:p><my-widget x=1>rose</my-widget></p>"),
            "<Sedio N.V.> said <BP> and rose\n\n"
        );
        assert!(
            is_html_markup("<em>") && is_html_markup("</SPAN>") && is_html_markup("<!-- x -->")
        );
        assert!(!is_html_markup("<Woodco Inc>") && !is_html_markup("<BP>"));
    }

    #[test]
    fn html_is_told_from_text_with_angle_brackets() {
        assert!(looks_like_html("<p>Prices rose.</p>"));
        assert!(looks_like_html("Prices rose.<BR/>Then fell."));
        assert!(looks_like_html("Intro</DIV>"));
        assert!(!looks_like_html(
            "<Woodco Inc> said <I> 3 < 4 and <b>bold</b> is a tag"
        ));
        assert!(!looks_like_html("a <p"));
        assert!(!looks_like_html(
            "Du Pont <DD> and Phillips Petroleum <P> rose"
        ));
        assert_eq!(
            html_to_text(" <p>One &amp; two</p>\n<p>Three</p> "),
            "One & two\n\nThree"
        );
    }

    #[test]
    fn a_page_leaves_out_its_layout_and_a_fragment_keeps_all() {
        let html = "<h2 class=\"article-headline\">Kept heading</h2><div class=\"ad-slot\">Ad text</div>\
                    <p>Story.</p><ul id=\"share_bar\"><li>Tweet</li></ul><div role=\"navigation\">Menu</div>\
                    <section class=\"leader\">Lead kept</section><nav>Home</nav><p>More.</p>";
        let mut page = String::new();
        push_page_text(html, &mut page);
        assert_eq!(page, "Kept heading\n\nStory.\n\nLead kept\n\nMore.\n\n");
        assert_eq!(
            text_of(html),
            "Kept heading\n\nAd text\n\nStory.\n\nTweet\n\nMenu\n\nLead kept\n\nHome\n\nMore.\n\n"
        );
        // A story marked by mistake (`ad-free`) keeps its text; a small box of it goes.
        let story = "<div class=\"story ad-free\"><p>The whole story, long enough to be most of the \
                     page's text.</p></div><div class=\"share\">Share</div>";
        let mut page = String::new();
        push_page_text(story, &mut page);
        assert_eq!(
            page,
            "The whole story, long enough to be most of the page's text.\n\nShare\n\n"
        );
        let mut page = String::new();
        push_page_text(&story.replace(" ad-free", ""), &mut page);
        assert_eq!(
            page,
            "The whole story, long enough to be most of the page's text.\n\n"
        );
        // Layout never closed keeps its text, as a browser shows it.
        let mut page = String::new();
        push_page_text("<p>Story.</p><header>Rest of the story", &mut page);
        assert_eq!(page, "Story.\n\nRest of the story");
        let mut page = String::new();
        push_page_text("<div class=\"related\"><p>Rest", &mut page);
        assert_eq!(page, "Rest");
        // Thousands of layout elements never closed: read in linear time, their text kept.
        let unclosed = "<div class=\"ad\">x ".repeat(50_000);
        let mut page = String::new();
        push_page_text(&unclosed, &mut page);
        assert_eq!(page.matches('x').count(), 50_000);
    }

    #[test]
    fn a_plain_less_than_sign_and_unknown_references_stay() {
        assert_eq!(
            text_of("<p>a < b and 3<4, R&D &bogus; &#xZZ; &</p>"),
            "a < b and 3<4, R&D &bogus; &#xZZ; &\n\n"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(
            text in "(<|>|</?(p|b|script|br|x y)|<!--|-->|&(amp|#x4e|#99999999|lt);?|é|\\s|[a-z]){0,60}"
        ) {
            let out = text_of(&text);
            proptest::prop_assert!(out.len() <= text.len() * 4 + 4);
            looks_like_html(&text);
            is_html_markup(&text);
        }
    }
}
