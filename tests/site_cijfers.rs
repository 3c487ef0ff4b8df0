//! The site's figures: one count of findings on every page (header, cards, rules page,
//! violations page, period reports), period reports only for periods with data, each
//! compared with the periods before, the evidence stamp on every page, and the public
//! annual report without anything that could identify a person or a case.

mod common;

use std::collections::BTreeMap;

use common::*;

/// The numbers in the cells after the row heading `kop` of the first table row that has
/// it: `<th scope="row">kop</th><td ...>n</td>...`.
fn rij(html: &str, kop: &str) -> Vec<String> {
    let begin = html
        .find(&format!("<th scope=\"row\">{kop}</th>"))
        .unwrap_or_else(|| panic!("geen rij {kop}"));
    let rest = &html[begin..];
    let eind = rest.find("</tr>").unwrap();
    rest[..eind]
        .split("<td")
        .skip(1)
        .map(|cel| {
            let open = cel.find('>').unwrap() + 1;
            let dicht = cel.find("</td>").unwrap();
            cel[open..dicht].trim().to_string()
        })
        .collect()
}

fn getal(tekst: &str) -> usize {
    tekst
        .parse()
        .unwrap_or_else(|_| panic!("geen getal: {tekst}"))
}

/// (overtredingen, waarschuwingen, info, verantwoord) from the JSON of a check: each
/// finding once, accepted ones under verantwoord.
fn telling_uit_json(v: &serde_json::Value) -> [usize; 4] {
    let mut t = [0; 4];
    for b in v["findings"].as_array().unwrap() {
        let plek = if b["accepted"] == true {
            3
        } else {
            match b["severity"].as_str().unwrap() {
                "error" => 0,
                "warning" => 1,
                _ => 2,
            }
        };
        t[plek] += 1;
    }
    t
}

#[test]
fn een_telling_op_elke_pagina() {
    let map = tempfile::tempdir().unwrap();
    let site = map.path().join("site");
    bouw(&voorbeeldregister(), &site, "2026-11-24");
    let o = klachten(
        &["check", "--as-of", "2026-11-24", "--format", "json"],
        &voorbeeldregister(),
    );
    let [fouten, waarschuwingen, info, verantwoord] = telling_uit_json(&json(&o));
    assert!(fouten > 0 && waarschuwingen > 0 && info > 0 && verantwoord > 0);
    let totaal = [fouten, waarschuwingen, info, verantwoord].map(|n| n.to_string());

    // The dashboard's header and its card "since the first complaint".
    let index = lees(&site, "index.html");
    let kop = format!(
        "{fouten} overtredingen, {waarschuwingen} waarschuwingen, {info} info, {verantwoord} verantwoord"
    );
    assert!(index.contains(&kop), "kop: {kop}");
    let kaart = &index[index.find("id=\"kop-totaal\"").unwrap()..];
    assert!(
        kaart.contains(&format!("<dt>Overtredingen</dt><dd>{fouten} <small>")),
        "kaart"
    );
    assert!(!index.contains("+0"), "no zero clutter");

    // The totals of the violations page and the rules page, info included.
    for pagina in ["overtredingen.html", "regels.html"] {
        let html = lees(&site, pagina);
        let t = rij(&html, "Totaal");
        assert_eq!(&t[t.len() - 4..], totaal, "{pagina}");
    }
    // The rules page counts infos per rule too: art-1 has some in the sample.
    let regels = lees(&site, "regels.html");
    let art1 = rij(
        &regels,
        "<a href=\"#regels-artikel-1\"><code class=\"regel-id\">art-1-schriftelijk</code></a>",
    );
    // Artikel, overtredingen, waarschuwingen, info, verantwoord.
    assert_ne!(art1[3], "0", "art-1 infos: {art1:?}");

    // The years add up to the whole, and each year's quarters to the year.
    let mut per_jaar: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut som_jaren = [0usize; 3];
    let perioden: Vec<String> = std::fs::read_dir(site.join("perioden"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for naam in &perioden {
        let Some(sleutel) = naam.strip_suffix(".html") else {
            continue;
        };
        if sleutel.ends_with("-openbaar") {
            continue;
        }
        let html = lees(&site, &format!("perioden/{naam}"));
        let cijfers = [
            getal(&rij(&html, "Overtredingen")[0]),
            getal(&rij(&html, "Waarschuwingen")[0]),
            getal(&rij(&html, "Verantwoord")[0]),
        ];
        // The report lists as many findings as it counts.
        assert!(
            html.contains(&format!("Overtredingen <small>({})</small>", cijfers[0])),
            "{naam}"
        );
        match sleutel.split_once("-K") {
            None => {
                for i in 0..3 {
                    som_jaren[i] += cijfers[i];
                }
                per_jaar.entry(sleutel.to_string()).or_default();
                let jaar = per_jaar.get_mut(sleutel).unwrap();
                for i in 0..3 {
                    jaar[i] += cijfers[i];
                }
            }
            Some((jaar, _)) => {
                let j = per_jaar.entry(format!("{jaar}q")).or_default();
                for i in 0..3 {
                    j[i] += cijfers[i];
                }
            }
        }
    }
    assert_eq!(som_jaren, [fouten, waarschuwingen, verantwoord]);
    let jaren: Vec<&String> = per_jaar.keys().filter(|k| !k.ends_with('q')).collect();
    assert!(jaren.len() >= 2);
    for jaar in jaren {
        assert_eq!(per_jaar[jaar], per_jaar[&format!("{jaar}q")], "{jaar}");
    }
}

#[test]
fn periodeverslag_als_directierapport() {
    let map = tempfile::tempdir().unwrap();
    let site = map.path().join("site");
    bouw(&voorbeeldregister(), &site, "2026-11-24");
    let k3 = lees(&site, "perioden/2026-K3.html");
    // Compared with the quarter before and the same quarter a year before, both linked.
    assert!(k3.contains("<a href=\"2026-K2.html\">K2 2026</a>"));
    assert!(k3.contains("<a href=\"2025-K3.html\">K3 2025</a>"));
    assert_eq!(rij(&k3, "Ontvangen klachten").len(), 3);
    // Findings are listed with links to their cases; appeals have a section.
    assert!(k3.contains("id=\"bevindingen-error\""));
    assert!(k3.contains("href=\"../zaken/"));
    assert!(k3.contains("id=\"kop-beroep\""));
    let jaar = lees(&site, "perioden/2025.html");
    assert!(jaar.contains("href=\"2025-openbaar.html\""));
    // An accounted finding is listed with its justification in its period.
    let alle: String = ["2024", "2025", "2026"]
        .iter()
        .map(|j| lees(&site, &format!("perioden/{j}.html")))
        .collect();
    assert!(alle.contains("<strong>Verantwoording:</strong>"));
    // Dates as DD-MM-YYYY: no ISO date stands as text in a table cell.
    for html in [&k3, &jaar] {
        assert!(!html.contains(">2025-"), "ISO-datum als tekst");
    }
}

#[test]
fn perioden_alleen_met_gegevens() {
    let f = Fixture::new(
        "KP-1,1990-03-05,email,preventie,A,J,j@x.nl,x,,\nKP-2,2026-02-02,email,preventie,A,J,j@x.nl,x,,\n",
        "",
    );
    let uit = f.pad().join("site");
    bouw(f.pad(), &uit, "2026-11-24");
    let mut namen: Vec<String> = std::fs::read_dir(uit.join("perioden"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    namen.sort();
    assert_eq!(
        namen,
        [
            "1990-K1.html",
            "1990-openbaar.html",
            "1990.html",
            "2026-K1.html",
            "2026-K4.html",
            "2026-openbaar.html",
            "2026.html"
        ]
    );
    // The dashboard's trend covers two years at most: 24 months, not 36 years.
    let index = std::fs::read_to_string(uit.join("index.html")).unwrap();
    let instroom = &index[index.find("id=\"trend-instroom\"").unwrap()..];
    let tabel = &instroom[instroom.find("<tbody>").unwrap()..instroom.find("</tbody>").unwrap()];
    assert_eq!(
        tabel.matches("<tr>").count(),
        24,
        "december 2024 tot november 2026"
    );
}

#[test]
fn stempel_op_elke_pagina() {
    let f = Fixture::new(
        "KP-1,2026-02-02,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2026-02-03,ontvangstbevestiging,A,,,,\n",
    );
    let uit = f.pad().join("site");
    bouw(f.pad(), &uit, "2026-11-24");
    let bron = check(&f, "2026-11-24")["summary"]["source"].clone();
    let klachten = bron["sha256"]["klachten.csv"].as_str().unwrap().to_string();
    let gebeurtenissen = bron["sha256"]["gebeurtenissen.csv"]
        .as_str()
        .unwrap()
        .to_string();
    let mut paginas = 0;
    for e in walkdir::WalkDir::new(&uit) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(e.path()).unwrap();
            let stempel = &html[html.find("id=\"stempel\"").expect("stempel")..];
            assert!(stempel.contains(&klachten), "{}", e.path().display());
            assert!(stempel.contains(&gebeurtenissen));
            assert!(stempel.contains(env!("CARGO_PKG_VERSION")));
            assert!(stempel.contains("peildatum <span class=\"geheel\">24-11-2026</span>"));
            assert!(stempel.contains("register buiten Git"));
            paginas += 1;
        }
    }
    assert!(paginas >= 8);
}

/// Markers for everything that must not leave the organisation.
const GEHEIM: [&str; 9] = [
    "ZAAKNRMARKER",
    "BEHANDELAARMARKER",
    "KLAGERMARKER",
    "contactmarker@example.nl",
    "OMSCHRIJVINGMARKER",
    "BEKLAAGDEMARKER",
    "DOORMARKER",
    "TOELICHTINGMARKER",
    "KLEINECATEGORIEMARKER",
];

#[test]
fn openbaar_jaarverslag_zonder_zaken_namen_of_vrije_tekst() {
    let mut klachten = String::new();
    let mut gebeurtenissen = String::new();
    // 2025: 12 complaints about "bejegening", 3 about a small category; 2024: 6 and 1.
    let mut n = 0;
    for (jaar, groot, klein) in [(2025, 12, 3), (2024, 6, 1)] {
        for i in 0..groot + klein {
            n += 1;
            let zaak = format!("ZAAKNRMARKER-{n}");
            let categorie = if i < groot {
                "bejegening"
            } else {
                "KLEINECATEGORIEMARKER"
            };
            let dag = format!("{jaar}-{:02}-{:02}", 2 + i % 9, 3 + i % 20);
            klachten.push_str(&format!(
                "{zaak},{dag},email,preventie,BEHANDELAARMARKER {n},KLAGERMARKER {n},contactmarker@example.nl,OMSCHRIJVINGMARKER {n},{categorie},BEKLAAGDEMARKER {n}\n"
            ));
            let oordeel = if i % 2 == 0 { "gegrond" } else { "ongegrond" };
            gebeurtenissen.push_str(&format!(
                "{zaak},{dag},ontvangstbevestiging,DOORMARKER,,,TOELICHTINGMARKER,\n\
                 {zaak},{dag},uitspraak,DOORMARKER,{oordeel},,TOELICHTINGMARKER uitspraak,\n\
                 {zaak},{dag},maatregel,DOORMARKER,,,TOELICHTINGMARKER maatregel,\n"
            ));
        }
    }
    let f = Fixture::new(&klachten, &gebeurtenissen);
    f.schrijf("zaken/ZAAKNRMARKER-1.md", "# Dossier\n\nDOSSIERMARKER\n");
    let uit = f.pad().join("site");
    bouw(f.pad(), &uit, "2026-01-15");
    let html = lees(&uit, "perioden/2025-openbaar.html");
    let klein = html.to_lowercase();
    for geheim in GEHEIM.iter().chain(&["DOSSIERMARKER"]) {
        assert!(
            !klein.contains(&geheim.to_lowercase()),
            "{geheim} in het openbaar jaarverslag"
        );
    }
    assert!(!html.contains("href=\"../zaken/"), "no links to cases");
    assert!(!html.contains("Vertrouwelijk"));
    // The large category is named with both years; the small one is folded into overig.
    assert_eq!(rij(&html, "bejegening"), ["12", "6"]);
    assert_eq!(rij(&html, "overig"), ["3", "1"]);
    assert_eq!(rij(&html, "Ontvangen klachten"), ["15", "7"]);
    // Verdicts: gegrond 8 and ongegrond 7 in 2025, 4 and 3 in 2024: below the threshold
    // the year before.
    assert_eq!(rij(&html, "gegrond"), ["8", "–"]);
    assert_eq!(rij(&html, "ongegrond"), ["7", "–"]);
    // The internal year report, by contrast, does show the small category.
    let intern = lees(&uit, "perioden/2025.html");
    assert!(intern.contains("KLEINECATEGORIEMARKER"));
}
