//! Case files and the regulation's text: Markdown to HTML that is safe by construction,
//! with personal data redacted from what a reader sees.
//!
//! pulldown-cmark parses the Markdown into events, and only events this module knows are
//! handed to its HTML writer, each as the site may show it:
//!
//! - Raw HTML is not rendered. HTML comments are left out; any other HTML is shown as the
//!   text it is (an HTML block as a code block), so no tag, attribute or entity of it
//!   reaches the page.
//! - A link stays a link only when it leads to a page of the site (an anchor, or a
//!   relative path that does not climb out of the site from the page it is on, as a
//!   browser resolves it) or is a `mailto:` link, whose address is redacted like any
//!   text. Any other link (`https:`, `//host`, `/\host`, `/etc/x`, `javascript:`, and
//!   reference-style links to them) is shown as its text. Link titles are left out.
//! - An image is shown as its description; a code block's language and a heading's
//!   attributes are left out; a numbered list that would start above 999999 starts at 1
//!   (the number is shown, and could be a BSN).
//! - Blocks and inline elements nest at most [`MAX_DIEPTE`] deep; deeper ones are shown
//!   as their content. A deeply nested document (100 KB of `>`) costs time in proportion
//!   to its length, not its square, and no page is deeper than that.
//!
//! The text a reader sees is then assembled from the text events (entities and backslash
//! escapes already decoded by the parser, soft line breaks read as spaces) in a
//! [`Zicht`], and every e-mail address, phone number, BSN and IBAN, and the case's own
//! name and contact values, are replaced in the events they came from. The same function
//! gives art-6-persoonsgegevens what it judges ([`vondsten`]), so the check and the site
//! cannot disagree.
//!
//! The HTML writer escapes every text and attribute, so the output needs no sanitiser
//! afterwards (ammonia was one; its parser took time quadratic in a document's nesting
//! and in its number of `&`).

use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::persoonsgegevens::{self, Geheimen, Gevonden, Persoonsgegeven, Zicht};

/// How deep blocks and inline elements may nest on a page.
pub const MAX_DIEPTE: usize = 32;

/// The highest number a numbered list may start at; a higher one starts at 1.
const HOOGSTE_LIJSTBEGIN: u64 = 999_999;

/// The Markdown of a case file as HTML for a page `diepte` folders below the site's root
/// (a case page: 2), with personal data and the case's own `geheimen` redacted.
pub fn naar_html(markdown: &str, geheimen: &Geheimen, diepte: usize) -> String {
    let document = Document::lees(markdown, geheimen, diepte);
    document.html()
}

/// What art-6-persoonsgegevens judges in a case file: every e-mail address, phone number,
/// BSN and IBAN, each with the line of the file it starts on; in the text a reader of the
/// site sees (as [`naar_html`] shows it with the same `geheimen`), and in the file as
/// written (so that one hidden
/// in a comment or a link still counts). Per kind, the larger of the two counts; sorted by
/// line.
pub fn vondsten(markdown: &str, geheimen: &Geheimen) -> Vec<(Persoonsgegeven, u32)> {
    let document = Document::lees(markdown, geheimen, 0);
    let bron: Vec<(Persoonsgegeven, u32)> = persoonsgegevens::zoek(markdown)
        .into_iter()
        .map(|v| (v.soort, document.regels.van_byte(v.begin)))
        .collect();
    let mut uit = document.vondsten;
    for soort in [
        Persoonsgegeven::Email,
        Persoonsgegeven::Telefoonnummer,
        Persoonsgegeven::Bsn,
        Persoonsgegeven::Iban,
    ] {
        let zichtbaar = uit.iter().filter(|(s, _)| *s == soort).count();
        uit.extend(
            bron.iter()
                .filter(|(s, _)| *s == soort)
                .skip(zichtbaar)
                .copied(),
        );
    }
    // The first line among both, whichever found it.
    let eerste_bron = bron.iter().map(|(_, l)| *l).min();
    uit.sort_by_key(|(_, l)| *l);
    if let (Some(eerste), Some(v)) = (eerste_bron, uit.first_mut()) {
        v.1 = v.1.min(eerste);
    }
    uit
}

/// The regulation's text as HTML for the rules page, with an anchor on every article
/// heading; also returns the anchors. Personal data is redacted as from any text.
pub fn reglement_naar_html(markdown: &str) -> (String, Vec<String>) {
    let mut document = Document::lees(markdown, &Geheimen::GEEN, 0);
    let ankers = document.ankers();
    (document.html(), ankers)
}

/// A parsed document: the events the site shows, and what was found in them.
struct Document<'a> {
    events: Vec<Event<'a>>,
    vondsten: Vec<(Persoonsgegeven, u32)>,
    /// The lines of the text it was read from.
    regels: Regels,
}

impl<'a> Document<'a> {
    fn lees(markdown: &'a str, geheimen: &Geheimen, diepte: usize) -> Document<'a> {
        let (mut events, plekken) = toegestaan(markdown, geheimen, diepte);
        let regels = Regels::van(markdown);
        let mut vondsten = Vec::new();
        // A placeholder can free a number that text glued to it hid: look again until
        // nothing more is found, as `persoonsgegevens::toon` does.
        for _ in 0..persoonsgegevens::MAX_RONDEN {
            let redactie = zicht(&events).redactie(geheimen);
            for v in &redactie.scanner {
                let (Gevonden::Gegeven(soort), Some(plek)) =
                    (v.soort, plekken.get(v.stuk as usize))
                else {
                    continue;
                };
                let binnen = match events.get(v.stuk as usize) {
                    Some(Event::Text(t) | Event::Code(t)) => t
                        .get(..v.byte as usize)
                        .map_or(0, |voor| Regels::tel(voor.as_bytes())),
                    _ => 0,
                };
                vondsten.push((soort, regels.van_byte(*plek) + binnen));
            }
            if redactie.is_leeg() {
                break;
            }
            for (i, event) in events.iter_mut().enumerate() {
                if let Event::Text(t) | Event::Code(t) = event {
                    if let std::borrow::Cow::Owned(nieuw) = redactie.pas_toe(i as u32, t) {
                        *t = CowStr::from(nieuw);
                    }
                }
            }
        }
        Document {
            events,
            vondsten,
            regels,
        }
    }

    fn html(self) -> String {
        let mut uit = String::new();
        html::push_html(&mut uit, self.events.into_iter());
        uit
    }

    /// Gives every article heading below the title its anchor (`artikel-4.2`), once.
    fn ankers(&mut self) -> Vec<String> {
        let mut ankers: Vec<String> = Vec::new();
        let mut i = 0;
        while i < self.events.len() {
            if let Event::Start(Tag::Heading { level, .. }) = &self.events[i] {
                let level = *level;
                let tekst: String = self.events[i + 1..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                // Headings are already one level lower: the document's title is an h2.
                if let (Some(anker), true) = (artikelanker(&tekst), level != HeadingLevel::H2) {
                    if !ankers.contains(&anker) {
                        ankers.push(anker.clone());
                        self.events[i] = Event::Start(Tag::Heading {
                            level,
                            id: Some(CowStr::from(anker)),
                            classes: Vec::new(),
                            attrs: Vec::new(),
                        });
                    }
                }
            }
            i += 1;
        }
        ankers
    }
}

/// The events of `markdown` that the site shows (see the module's documentation), each
/// with the byte of the source it starts at.
fn toegestaan<'a>(
    markdown: &'a str,
    geheimen: &Geheimen,
    diepte: usize,
) -> (Vec<Event<'a>>, Vec<usize>) {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .into_offset_iter();
    let mut events = Vec::new();
    let mut plekken = Vec::new();
    // Per open start event: how it ends on the page, or None when it is shown as its
    // content only.
    let mut open: Vec<Option<TagEnd>> = Vec::new();
    let mut diep = 0;
    // An HTML block being gathered: its text and where it starts.
    let mut html_blok: Option<(String, usize)> = None;
    for (event, bereik) in parser {
        if let Some((tekst, begin)) = &mut html_blok {
            match event {
                Event::End(TagEnd::HtmlBlock) => {
                    let tekst = zonder_commentaar(tekst);
                    let begin = *begin;
                    html_blok = None;
                    if tekst.trim().is_empty() {
                        continue;
                    }
                    let als_code = diep < MAX_DIEPTE;
                    if als_code {
                        events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
                        plekken.push(begin);
                    }
                    events.push(Event::Text(CowStr::from(tekst)));
                    plekken.push(begin);
                    if als_code {
                        events.push(Event::End(TagEnd::CodeBlock));
                        plekken.push(begin);
                    }
                }
                Event::Html(t) | Event::Text(t) | Event::InlineHtml(t) => tekst.push_str(&t),
                _ => {}
            }
            continue;
        }
        let gehouden = match event {
            Event::Start(Tag::HtmlBlock) => {
                html_blok = Some((String::new(), bereik.start));
                None
            }
            Event::Start(tag) => match beleid(tag, geheimen, diepte) {
                Some(tag) if diep < MAX_DIEPTE => {
                    diep += 1;
                    open.push(Some(tag.to_end()));
                    Some(Event::Start(tag))
                }
                _ => {
                    open.push(None);
                    None
                }
            },
            Event::End(_) => match open.pop() {
                Some(Some(eind)) => {
                    diep -= 1;
                    Some(Event::End(eind))
                }
                _ => None,
            },
            Event::Text(t) => Some(Event::Text(t)),
            Event::Code(t) => Some(Event::Code(t)),
            Event::Html(t) | Event::InlineHtml(t) => {
                let tekst = zonder_commentaar(&t);
                (!tekst.is_empty()).then(|| Event::Text(CowStr::from(tekst)))
            }
            e @ (Event::SoftBreak | Event::HardBreak | Event::Rule) => Some(e),
            // Not enabled (footnotes, task lists, mathematics): nothing to show.
            _ => None,
        };
        if let Some(e) = gehouden {
            events.push(e);
            plekken.push(bereik.start);
        }
    }
    (events, plekken)
}

/// How a start event is shown: as itself, changed, or (None) as its content only.
fn beleid<'a>(tag: Tag<'a>, geheimen: &Geheimen, diepte: usize) -> Option<Tag<'a>> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            ..
        } => Some(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(linkdoel(link_type, &dest_url, geheimen, diepte)?),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }),
        Tag::Heading { level, .. } => Some(Tag::Heading {
            level: lager(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Tag::CodeBlock(_) => Some(Tag::CodeBlock(CodeBlockKind::Indented)),
        Tag::List(Some(n)) if n > HOOGSTE_LIJSTBEGIN => Some(Tag::List(Some(1))),
        Tag::BlockQuote(_) => Some(Tag::BlockQuote(None)),
        tag @ (Tag::Paragraph
        | Tag::List(_)
        | Tag::Item
        | Tag::Table(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough) => Some(tag),
        // Images (shown as their description), and what is not enabled.
        _ => None,
    }
}

/// Whether a start or end event begins or ends a block: nothing is recognised across it.
fn is_blok(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
    )
}

/// The text a reader sees of `events`: one piece per text event, numbered by its place.
fn zicht(events: &[Event<'_>]) -> Zicht {
    let mut z = Zicht::default();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Text(t) | Event::Code(t) => z.stuk(i as u32, t),
            Event::SoftBreak => z.witruimte(),
            Event::HardBreak | Event::Rule => z.grens(),
            Event::Start(tag) if is_blok(&tag.to_end()) => z.grens(),
            Event::End(tag) if is_blok(tag) => z.grens(),
            _ => {}
        }
    }
    z
}

/// Where a link may lead: None when it leaves the site. A `mailto:` address keeps its
/// place with personal data redacted; any other kept link is as written.
fn linkdoel(soort: LinkType, doel: &str, geheimen: &Geheimen, diepte: usize) -> Option<String> {
    let doel = if soort == LinkType::Email {
        format!("mailto:{doel}")
    } else {
        doel.to_string()
    };
    let schoon = zoals_een_browser(&doel);
    let schema = schoon
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"));
    if schema.is_some() {
        let adres = procent_ontsleuteld(schoon.get(7..).unwrap_or_default());
        if adres.chars().any(char::is_control) {
            return None;
        }
        return Some(format!(
            "mailto:{}",
            persoonsgegevens::toon(&adres, geheimen)
        ));
    }
    // A path that would show personal data in the address bar is no link.
    let ontsleuteld = procent_ontsleuteld(&schoon);
    let zonder = persoonsgegevens::toon(&ontsleuteld, geheimen);
    (link_in_site(&schoon, diepte) && zonder == ontsleuteld).then(|| schoon.to_string())
}

/// Whether the link `doel`, on a page `diepte` folders below the site's root, leads to the
/// site itself: an anchor, or a relative path without a scheme that does not climb above
/// the site's root. Read as a browser reads it (tabs and line breaks removed, control
/// characters and spaces around it trimmed, percent escapes decoded), and refused when in
/// doubt: a backslash, a control character, a colon, a leading `/`.
pub fn link_in_site(doel: &str, diepte: usize) -> bool {
    let pad = procent_ontsleuteld(&zoals_een_browser(doel));
    if pad.is_empty() || pad.chars().any(|c| c.is_control() || c == '\\') {
        return false;
    }
    if pad.starts_with('#') {
        return true;
    }
    if pad.starts_with('/') {
        return false;
    }
    let pad = pad.split(['?', '#']).next().unwrap_or_default();
    if pad.contains(':') {
        return false;
    }
    let delen: Vec<&str> = pad.split('/').collect();
    let mut niveau = diepte as i64;
    for (i, deel) in delen.iter().enumerate() {
        match *deel {
            ".." => {
                niveau -= 1;
                if niveau < 0 {
                    return false;
                }
            }
            "." | "" => {}
            _ if i + 1 < delen.len() => niveau += 1,
            _ => {}
        }
    }
    true
}

/// `doel` as a browser takes an address: without tabs and line breaks, and without control
/// characters and spaces at either end.
fn zoals_een_browser(doel: &str) -> String {
    doel.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_string()
}

/// `tekst` with percent escapes decoded (invalid UTF-8 shown as U+FFFD).
fn procent_ontsleuteld(tekst: &str) -> String {
    let b = tekst.as_bytes();
    let mut uit = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |j: usize| b.get(j).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                uit.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                uit.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&uit).into_owned()
}

/// `html` without its comments (`<!-- … -->`; an unclosed one runs to the end).
fn zonder_commentaar(html: &str) -> String {
    let mut uit = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(begin) = rest.find("<!--") {
        uit.push_str(&rest[..begin]);
        let na = &rest[begin + 4..];
        // `<!-->` and `<!--->` are empty comments.
        let eind = if na.starts_with('>') {
            Some(1)
        } else if na.starts_with("->") {
            Some(2)
        } else {
            na.find("-->").map(|e| e + 3)
        };
        match eind {
            Some(e) => rest = &na[e..],
            None => return uit,
        }
    }
    uit.push_str(rest);
    uit
}

/// One heading level lower: the page's own title is its only h1.
fn lager(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Line numbers of a text, counted as the Markdown parser counts line ends: `\n`, `\r\n`
/// or a lone `\r`.
struct Regels {
    /// The byte at which each line after the first begins.
    begin: Vec<usize>,
}

impl Regels {
    fn van(tekst: &str) -> Regels {
        Regels {
            begin: Regels::na_regeleinden(tekst.as_bytes()).collect(),
        }
    }

    /// The number of line ends in `b`.
    fn tel(b: &[u8]) -> u32 {
        u32::try_from(Regels::na_regeleinden(b).count()).unwrap_or(u32::MAX)
    }

    /// The byte after each line end in `b`.
    fn na_regeleinden(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
        b.iter()
            .enumerate()
            .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')))
            .map(|(i, _)| i + 1)
    }

    /// The 1-based line on which byte `byte` lies.
    fn van_byte(&self, byte: usize) -> u32 {
        u32::try_from(self.begin.partition_point(|&b| b <= byte) + 1).unwrap_or(u32::MAX)
    }
}

/// The anchor of a heading of the regulation: "Artikel 4: ..." → `artikel-4`,
/// "4.2 Ontvangstbevestiging" → `artikel-4.2`.
pub fn artikelanker(kop: &str) -> Option<String> {
    let kop = kop.trim();
    let rest = kop
        .strip_prefix("Artikel ")
        .or_else(|| kop.strip_prefix("artikel "))
        .unwrap_or(kop);
    let nummer: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let nummer = nummer.trim_end_matches('.');
    (!nummer.is_empty() && nummer.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| format!("artikel-{nummer}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        naar_html(markdown, &Geheimen::GEEN, 2)
    }

    #[test]
    fn vijandige_markdown_wordt_onschadelijk() {
        let html = html(
            "# Kop\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [klik](javascript:alert(3)) [extern](https://voorbeeld.nl) <a href=\"http://x\" onclick=\"y()\">a</a>\n\n\
             <iframe src=\"https://x\"></iframe>\n\n![plaatje](https://x/y.png \"titel\")",
        );
        for verboden in [
            "<script",
            "<img",
            "<iframe",
            "<a href=\"http",
            "href=\"javascript",
            "title=",
        ] {
            assert!(!html.contains(verboden), "{verboden} in {html}");
        }
        assert!(html.contains("<h2>Kop</h2>"), "{html}");
        // Raw HTML is shown as the text it is.
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("plaatje"), "{html}");
        assert!(html.contains(">klik<") || html.contains("klik"), "{html}");
    }

    #[test]
    fn alleen_links_binnen_de_site_blijven_links() {
        let links = |markdown: &str| -> Vec<String> {
            let html = html(markdown);
            html.match_indices("href=\"")
                .map(|(i, _)| {
                    let rest = &html[i + 6..];
                    rest[..rest.find('"').unwrap()].to_string()
                })
                .collect()
        };
        for weg in [
            "[x](//host/x)",
            "[x](/\\host/x)",
            "[x](\\\\host/x)",
            "[x](/etc/passwd)",
            "[x](https://host)",
            "[x](HTTPS://host)",
            "[x](java\tscript:alert(1))",
            "[x](<java\nscript:alert(1)>)",
            "[x](%2F%2Fhost)",
            "[x](file:///etc/passwd)",
            "[x](data:text/html,x)",
            "[x](../../../x.html)",
            "[x](a/../../../../x.html)",
            "[x](%2e%2e/%2e%2e/%2e%2e/x)",
            "[x](C:/x)",
            "[x][r]\n\n[r]: //host/x",
            "[x][r]\n\n[r]: /\\host/x",
            "<https://host/x>",
            "[x]( //host)",
        ] {
            assert_eq!(links(weg), Vec::<String>::new(), "{weg}");
        }
        assert_eq!(links("[x](#boven)"), ["#boven"]);
        assert_eq!(links("[x](../../index.html)"), ["../../index.html"]);
        assert_eq!(links("[x](../1f/KP-2.html)"), ["../1f/KP-2.html"]);
        assert_eq!(
            links("[x][r]\n\n[r]: ../../regels.html#artikel-4"),
            ["../../regels.html#artikel-4"]
        );
        // mailto stays, as redaction leaves it.
        let mail = links("[x](mailto:jan@x.nl) <piet@y.nl> [y](MAILTO:a%40b.nl)");
        assert_eq!(mail.len(), 3, "{mail:?}");
        for m in &mail {
            assert!(m.starts_with("mailto:") && !m.contains('@'), "{m}");
        }
        assert!(link_in_site("#x", 0));
        assert!(link_in_site("perioden/2025.html", 0));
        assert!(!link_in_site("../index.html", 0));
        assert!(link_in_site("../index.html", 1));
    }

    #[test]
    fn wat_de_lezer_ziet_wordt_beoordeeld_en_onleesbaar_gemaakt() {
        for (markdown, weg) in [
            ("mail jan&#64;x.nl", "jan"),
            ("mail jan&commat;x.nl", "jan"),
            ("bel 06-1234<!-- -->5678", "5678"),
            ("bel 06&#45;12345678", "12345678"),
            ("bel 06\\-12345678", "12345678"),
            ("bsn 11122233&#51;", "1112223"),
            ("iban NL91ABN&#65;0417164300", "0417164300"),
            ("bel 06-12\n345678", "345678"),
            ("bel *06*-12345678", "12345678"),
            ("bel `06`-12345678", "12345678"),
            ("mail [jan](#x)@x.nl", "x.nl"),
            ("<!-- weg -->\n\nbel 06-1234<!--\nweg\n-->5678", "5678"),
        ] {
            let uit = html(markdown);
            assert!(!uit.contains(weg), "{markdown:?} → {uit}");
            assert!(uit.contains("verwijderd]"), "{markdown:?} → {uit}");
            assert!(
                !vondsten(markdown, &Geheimen::GEEN).is_empty(),
                "{markdown:?}"
            );
        }
        let g = Geheimen::van(Some("Anouk de Vries"), Some("anouk@example.nl"));
        let uit = naar_html(
            "Gesprek met Anouk&#32;de *Vries* (anouk@example.nl, 06-12345678).\n\nANOUK DE\nVRIES belde terug.",
            &g,
            2,
        );
        assert_eq!(
            uit,
            "<p>Gesprek met [naam verwijderd]<em></em> ([e-mailadres verwijderd], [telefoonnummer verwijderd]).</p>\n\
             <p>[naam verwijderd]\n belde terug.</p>\n"
        );
        // Not across paragraphs: a reader sees two numbers there.
        assert!(vondsten("06-1234\n\n5678", &Geheimen::GEEN).is_empty());
    }

    #[test]
    fn vondsten_noemen_de_regel_van_het_bestand() {
        let markdown = "# Kop\n\nregel drie\nbel 06-1234<!--\nx\n-->5678\n\n<!-- jan@x.nl -->\n";
        assert_eq!(
            vondsten(markdown, &Geheimen::GEEN),
            [
                (Persoonsgegeven::Telefoonnummer, 4),
                (Persoonsgegeven::Email, 8)
            ]
        );
        // Line ends of every kind count.
        assert_eq!(
            vondsten("a\r\nb\rc\n06-12345678", &Geheimen::GEEN),
            [(Persoonsgegeven::Telefoonnummer, 4)]
        );
        // Personal data in a link's address only: the file holds it.
        assert_eq!(
            vondsten("\n[mail](mailto:jan@x.nl)", &Geheimen::GEEN),
            [(Persoonsgegeven::Email, 2)]
        );
    }

    /// The site redacts the case's own name; the number glued to it is then read on its
    /// own, and art-6 judges it so too.
    #[test]
    fn art6_leest_met_dezelfde_geheimen_als_de_site() {
        let markdown = "bel Jansen0612345678";
        let g = Geheimen::van(Some("Jansen"), None);
        assert_eq!(vondsten(markdown, &Geheimen::GEEN), []);
        assert_eq!(
            vondsten(markdown, &g),
            [(Persoonsgegeven::Telefoonnummer, 1)]
        );
        assert_eq!(
            naar_html(markdown, &g, 2),
            "<p>bel [naam verwijderd][telefoonnummer verwijderd]</p>\n"
        );
    }

    #[test]
    fn diepe_nesting_blijft_ondiep() {
        for markdown in [
            ">".repeat(100_000),
            "> - ".repeat(25_000),
            "1. ".repeat(30_000),
            "*a ".repeat(30_000) + &"b*".repeat(30_000),
        ] {
            let uit = html(&markdown);
            assert!(diepte(&uit) <= MAX_DIEPTE, "{}", diepte(&uit));
        }
        assert!(html(&"&".repeat(100_000)).len() >= 500_000);
    }

    /// How deep the elements of `html` nest.
    fn diepte(html: &str) -> usize {
        let (mut diep, mut max) = (0usize, 0usize);
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let naam: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .collect();
            let leeg = ["br", "hr", "br /", "hr /"].contains(&naam.as_str())
                || rest.split('>').next().unwrap_or_default().ends_with('/');
            if naam.starts_with('/') {
                diep = diep.saturating_sub(1);
            } else if !leeg {
                diep += 1;
                max = max.max(diep);
            }
        }
        max
    }

    #[test]
    fn html_wordt_tekst_en_commentaar_verdwijnt() {
        assert_eq!(
            html("<div>\n<b>vet</b> &amp; <!-- intern -->zo\n</div>\n\nna <span title=\"x\">y</span><!-- z -->"),
            "<pre><code>&lt;div&gt;\n&lt;b&gt;vet&lt;/b&gt; &amp;amp; zo\n&lt;/div&gt;\n</code></pre>\n\
             <p>na &lt;span title=\"x\"&gt;y&lt;/span&gt;</p>\n"
        );
        assert_eq!(zonder_commentaar("a<!-->b<!--->c<!-- d"), "abc");
    }

    #[test]
    fn lijstnummers_en_codetalen() {
        let uit = html("111222333. x\n\n```0612345678\ncode\n```\n");
        assert!(!uit.contains("111222333"), "{uit}");
        assert!(!uit.contains("0612345678"), "{uit}");
        assert!(html("3. x").contains("<ol start=\"3\">"));
    }

    #[test]
    fn artikelen_krijgen_een_anker() {
        let (html, ankers) = reglement_naar_html(
            "# Reglement\n\n## Artikel 4: Procedure\n\n### 4.2 Ontvangst\n\nTekst.\n",
        );
        assert_eq!(ankers, ["artikel-4", "artikel-4.2"]);
        assert!(html.contains("<h3 id=\"artikel-4\">"), "{html}");
        assert!(html.contains("<h4 id=\"artikel-4.2\">"), "{html}");
        assert_eq!(artikelanker("Artikel 10: Slot"), Some("artikel-10".into()));
        assert_eq!(artikelanker("Inleiding"), None);
    }
}
