//! Case files and the regulation's text: Markdown rendered with pulldown-cmark, then
//! sanitised with ammonia (always after rendering: raw HTML in Markdown passes the
//! renderer untouched). Personal data is redacted from the source first.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::persoonsgegevens;

/// Replaces personal data in `tekst`: e-mail addresses, phone numbers, BSNs, IBANs, and the
/// complainant's own name and contact details wherever they occur.
pub fn redigeer(tekst: &str, klager: Option<&str>, contact: Option<&str>) -> String {
    let mut uit = persoonsgegevens::redigeer(tekst);
    for (waarde, vervanging) in [
        (klager, "[naam verwijderd]"),
        (contact, "[contactgegevens verwijderd]"),
    ] {
        if let Some(waarde) = waarde.map(str::trim).filter(|w| w.chars().count() >= 3) {
            uit = vervang_ongeacht_hoofdletters(&uit, waarde, vervanging);
        }
    }
    uit
}

fn vervang_ongeacht_hoofdletters(tekst: &str, zoek: &str, door: &str) -> String {
    let klein = tekst.to_lowercase();
    let zoek_klein = zoek.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; then fall back to exact matches.
    if klein.len() != tekst.len() || zoek_klein.len() != zoek.len() {
        return tekst.replace(zoek, door);
    }
    let mut uit = String::with_capacity(tekst.len());
    let mut vanaf = 0;
    while let Some(p) = klein[vanaf..].find(&zoek_klein) {
        let begin = vanaf + p;
        uit.push_str(&tekst[vanaf..begin]);
        uit.push_str(door);
        vanaf = begin + zoek.len();
    }
    uit.push_str(&tekst[vanaf..]);
    uit
}

/// Markdown to safe HTML. Headings become one level lower (the page has its own h1), and
/// links that are not local anchors open nothing outside the site: they are kept as text.
pub fn naar_html(markdown: &str) -> String {
    let mut ruw = String::new();
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    html::push_html(&mut ruw, parser.map(lager));
    opschonen().clean(&ruw).to_string()
}

/// One heading level lower: the page's own title is its only h1.
fn lager(e: Event<'_>) -> Event<'_> {
    let omlaag = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    match e {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: omlaag(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(omlaag(level))),
        e => e,
    }
}

fn opschonen() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    // No link may lead off the site or run code; images could load from outside.
    b.url_schemes(std::collections::HashSet::new())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .rm_tags(&["img"])
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(&["id"]);
    b
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

/// The regulation's text with an anchor on every article heading; also returns the anchors.
pub fn reglement_naar_html(markdown: &str) -> (String, Vec<String>) {
    let mut ankers = Vec::new();
    let mut gebeurtenissen: Vec<Event<'_>> =
        Parser::new_ext(markdown, Options::ENABLE_TABLES).collect();
    let mut i = 0;
    while i < gebeurtenissen.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &gebeurtenissen[i] {
            let level = *level;
            let tekst: String = gebeurtenissen[i + 1..]
                .iter()
                .take_while(|e| !matches!(e, Event::End(_)))
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                    _ => None,
                })
                .collect();
            if let (Some(anker), true) = (artikelanker(&tekst), level != HeadingLevel::H1) {
                if !ankers.contains(&anker) {
                    ankers.push(anker.clone());
                    gebeurtenissen[i] = Event::Start(Tag::Heading {
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
    let mut ruw = String::new();
    html::push_html(&mut ruw, gebeurtenissen.into_iter().map(lager));
    (opschonen().clean(&ruw).to_string(), ankers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vijandige_markdown_wordt_onschadelijk() {
        let html = naar_html(
            "# Kop\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [klik](javascript:alert(3)) [extern](https://voorbeeld.nl) <a href=\"http://x\" onclick=\"y()\">a</a>\n\n\
             <iframe src=\"https://x\"></iframe>",
        );
        for verboden in [
            "<script",
            "onerror",
            "javascript:",
            "onclick",
            "<iframe",
            "https://",
            "http://",
            "<img",
        ] {
            assert!(!html.contains(verboden), "{verboden} in {html}");
        }
        assert!(html.contains("<h2>Kop</h2>"));
    }

    #[test]
    fn persoonsgegevens_en_naam_van_de_klager_verdwijnen() {
        let tekst = redigeer(
            "Gesprek met Anouk de Vries (anouk@example.nl, 06-12345678). ANOUK DE VRIES belde terug.",
            Some("Anouk de Vries"),
            Some("anouk@example.nl"),
        );
        assert_eq!(
            tekst,
            "Gesprek met [naam verwijderd] ([e-mailadres verwijderd], [telefoonnummer verwijderd]). [naam verwijderd] belde terug."
        );
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
