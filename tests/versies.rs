//! Versions of the regulation (article 9): every case is judged, in every cycle, appeal
//! and term, by the version in force on the day it was received; JSON names that version
//! on each finding and lists them all; the site shows them; and every configuration error
//! of a wijziging stops the run with one line.

mod common;

use common::*;
use klachten::site::weergave::zaakpad;
use serde_json::{json, Value};

/// The amendment of these tests starts on a Saturday, and changes all four terms.
const REGLEMENT: &str = r#"inwerkingtreding = 2024-10-01

[[wijziging]]
vanaf = 2026-03-07
besluit = "Directiebesluit 2026-02"
ontvangstbevestiging_werkdagen = 3
afhandeltermijn_weken = 6
beroepstermijn_weken = 3
beroep_afhandeltermijn_weken = 4
"#;

/// A case received on `ontvangen` by e-mail about preventie.
fn zaak(id: &str, ontvangen: &str) -> String {
    format!("{id},{ontvangen},email,preventie,B. Handel,J. Klager,j@example.nl,traag,,\n")
}

/// An event row: zaak, datum, soort, door, oordeel.
fn gebeurtenis(id: &str, datum: &str, soort: &str, oordeel: &str) -> String {
    format!("{id},{datum},{soort},B. Handel,{oordeel},,,\n")
}

fn register(zaken: &[String], gebeurtenissen: &[String]) -> Fixture {
    let f = Fixture::new(&zaken.concat(), &gebeurtenissen.concat());
    f.schrijf("reglement.toml", REGLEMENT);
    f
}

/// The (message, deadline, date, reglement_vanaf) of each finding of `rule` on `case`.
fn gevonden(v: &Value, case: &str, rule: &str) -> Vec<Value> {
    found(v, case, rule)
        .into_iter()
        .map(|b| json!([b["message"], b["deadline"], b["date"], b["reglement_vanaf"]]))
        .collect()
}

/// Cases on each side of a `vanaf` on a Saturday: the day before is judged by the old
/// terms, also where its term runs on past the `vanaf`; the `vanaf` itself by the new.
#[test]
fn elke_kant_van_een_vanaf_op_zaterdag() {
    let f = register(
        &[zaak("A", "2026-03-06"), zaak("B", "2026-03-07")],
        &[
            // Friday 6 March, old terms: five working days end on Friday 13 March (the
            // three of the new version would have ended on Wednesday 11 March).
            gebeurtenis("A", "2026-03-12", "ontvangstbevestiging", ""),
            // Four weeks end on Good Friday 3 April, a working day.
            gebeurtenis("A", "2026-04-10", "uitspraak", "ongegrond"),
            gebeurtenis("A", "2026-04-10", "afsluiting", ""),
            // Saturday 7 March, new terms: three working days end on Wednesday 11 March.
            gebeurtenis("B", "2026-03-12", "ontvangstbevestiging", ""),
            // Six weeks end on Saturday 18 April, so on Monday 20 April (four weeks would
            // have ended on Easter Monday, so on Tuesday 7 April).
            gebeurtenis("B", "2026-04-20", "uitspraak", "ongegrond"),
            gebeurtenis("B", "2026-04-20", "afsluiting", ""),
        ],
    );
    let v = check(&f, "2026-06-01");
    none(&v, "A", "art-4.2-ontvangstbevestiging");
    assert_eq!(
        gevonden(&v, "A", "art-4.3-termijn"),
        [json!([
            "uitspraak 7 dagen te laat: termijn van 4 weken verliep op 03-04-2026, uitspraak op 10-04-2026",
            "2026-04-03",
            "2026-04-10",
            "2024-10-01"
        ])]
    );
    assert_eq!(
        gevonden(&v, "B", "art-4.2-ontvangstbevestiging"),
        [json!([
            "ontvangstbevestiging 1 werkdag te laat: termijn van 3 werkdagen verliep op 11-03-2026, verstuurd op 12-03-2026",
            "2026-03-11",
            "2026-03-12",
            "2026-03-07"
        ])]
    );
    none(&v, "B", "art-4.3-termijn");
    // Every finding of a case names its version.
    for b in v["findings"].as_array().unwrap() {
        let vanaf = if b["case"] == "A" {
            "2024-10-01"
        } else {
            "2026-03-07"
        };
        assert_eq!(b["reglement_vanaf"], vanaf, "{b}");
    }
}

/// A case received before the change and handled after it: its reopened cycle and its
/// appeal keep the old terms (and the appeal the old absence of a term to decide it). A
/// case received after the change has the new ones.
#[test]
fn heropening_en_beroep_na_de_wijziging_houden_de_oude_termijnen() {
    let f = register(
        &[zaak("E", "2026-02-02"), zaak("F", "2026-03-09")],
        &[
            gebeurtenis("E", "2026-02-03", "ontvangstbevestiging", ""),
            gebeurtenis("E", "2026-02-20", "uitspraak", "ongegrond"),
            gebeurtenis("E", "2026-02-23", "afsluiting", ""),
            // Reopened after the change: four weeks, to Wednesday 29 April.
            gebeurtenis("E", "2026-04-01", "heropend", ""),
            gebeurtenis("E", "2026-05-06", "uitspraak", "ongegrond"),
            gebeurtenis("E", "2026-05-07", "afsluiting", ""),
            // Two weeks after 6 May end on 20 May; three would have ended on 27 May.
            gebeurtenis("E", "2026-05-27", "beroep", ""),
            gebeurtenis("F", "2026-03-10", "ontvangstbevestiging", ""),
            gebeurtenis("F", "2026-03-20", "uitspraak", "ongegrond"),
            gebeurtenis("F", "2026-03-23", "afsluiting", ""),
            // Three weeks after 20 March end on 10 April: on time.
            gebeurtenis("F", "2026-04-08", "beroep", ""),
        ],
    );
    let v = check(&f, "2026-08-01");
    assert_eq!(
        gevonden(&v, "E", "art-4.3-termijn"),
        [json!([
            "cyclus 2 (heropend op 01-04-2026): uitspraak 7 dagen te laat: termijn van 4 weken verliep op 29-04-2026, uitspraak op 06-05-2026",
            "2026-04-29",
            "2026-05-06",
            "2024-10-01"
        ])]
    );
    assert_eq!(
        gevonden(&v, "E", "art-5-beroepstermijn"),
        [json!([
            "beroep 7 dagen te laat: de beroepstermijn van 2 weken na de uitspraak van 06-05-2026 verliep op 20-05-2026, beroep ingesteld op 27-05-2026",
            "2026-05-20",
            "2026-05-27",
            "2024-10-01"
        ])]
    );
    // The old version sets no term to decide an appeal.
    none(&v, "E", "art-5-beroepsbehandeling");
    none(&v, "F", "art-5-beroepstermijn");
    assert_eq!(
        gevonden(&v, "F", "art-5-beroepsbehandeling"),
        [json!([
            "geen beroepsuitspraak op het beroep van 08-04-2026: termijn van 4 weken verliep op 06-05-2026",
            "2026-05-06",
            null,
            "2026-03-07"
        ])]
    );
}

/// `summary.versions` lists every version with its start, name, decision and terms;
/// a case received before the regulation took effect has no version.
#[test]
fn json_noemt_de_versies() {
    let f = register(&[zaak("V", "2024-09-30")], &[]);
    let v = check(&f, "2026-06-01");
    assert_eq!(
        v["summary"]["versions"],
        json!([
            {"start": "2024-10-01", "naam": "Klachtenreglement Krachtig Perspectief",
             "besluit": null, "ontvangstbevestiging_werkdagen": 5, "afhandeltermijn_weken": 4,
             "beroepstermijn_weken": 2, "beroep_afhandeltermijn_weken": null},
            {"start": "2026-03-07", "naam": "Klachtenreglement Krachtig Perspectief",
             "besluit": "Directiebesluit 2026-02", "ontvangstbevestiging_werkdagen": 3,
             "afhandeltermijn_weken": 6, "beroepstermijn_weken": 3,
             "beroep_afhandeltermijn_weken": 4}
        ])
    );
    let b = one(&v, "V", "art-8-inwerkingtreding");
    assert_eq!(b["reglement_vanaf"], Value::Null);
    // Without reglement.toml: the one version of the defaults.
    let zonder = Fixture::new(&zaak("W", "2025-03-03"), "");
    let v = check(&zonder, "2025-03-04");
    assert_eq!(v["summary"]["versions"].as_array().unwrap().len(), 1);
    assert_eq!(v["summary"]["versions"][0]["start"], "2024-10-01");
}

/// Every configuration error of a wijziging stops the run (exit status 2) with one line
/// on stderr that names the file, the wijziging and the key; nothing on stdout.
#[test]
fn elke_fout_in_een_wijziging_stopt_met_een_regel() {
    let begin = "inwerkingtreding = 2024-10-01\n[[wijziging]]\nvanaf = 2026-01-01\n";
    for (blok, verwacht) in [
        (
            "[[wijziging]]\nvanaf = 2026-07-01\nafhandeltermijn = 6\n",
            "wijziging 2 (vanaf 2026-07-01): sleutel afhandeltermijn",
        ),
        (
            "[[wijziging]]\nvanaf = 2026-07-01\nsluitingsdagen = [2026-12-24]\n",
            "wijziging 2 (vanaf 2026-07-01): sleutel sluitingsdagen",
        ),
        (
            "[[wijziging]]\nvanaf = 2026-07-01\ntermijnenwet = false\n",
            "wijziging 2 (vanaf 2026-07-01): sleutel termijnenwet",
        ),
        (
            "[[wijziging]]\nvanaf = 2026-07-01\nregistratie_werkdagen = 2\n",
            "wijziging 2 (vanaf 2026-07-01): sleutel registratie_werkdagen",
        ),
        (
            "[[wijziging]]\nafhandeltermijn_weken = 6\n",
            "wijziging 2: sleutel vanaf ontbreekt",
        ),
        (
            "[[wijziging]]\nvanaf = 2025-12-31\n",
            "wijziging 2 (vanaf 2025-12-31): sleutel vanaf: moet later zijn",
        ),
        (
            "[[wijziging]]\nvanaf = 2026-01-01\n",
            "wijziging 2 (vanaf 2026-01-01): sleutel vanaf: moet later zijn",
        ),
        (
            "[[wijziging]]\nvanaf = \"2026-07-01\"\n",
            "wijziging 2: sleutel vanaf: verwacht een datum",
        ),
        (
            "[[wijziging]]\nvanaf = 2026-07-01\nberoepstermijn_weken = 0\n",
            "wijziging 2 (vanaf 2026-07-01): sleutel beroepstermijn_weken: verwacht",
        ),
        (
            "[[wijziging]]\nvanaf = 2026-07-01\nbesluit = 14\n",
            "wijziging 2 (vanaf 2026-07-01): sleutel besluit: verwacht",
        ),
    ] {
        let f = Fixture::new(&zaak("A", "2026-03-02"), "");
        f.schrijf("reglement.toml", format!("{begin}{blok}"));
        for args in [
            &["check", "--as-of", "2026-06-01", "--format", "json"][..],
            &["build", "--as-of", "2026-06-01", "--out"][..],
        ] {
            let mut args = args.to_vec();
            let uit = f.pad().join("site");
            let uit = uit.to_string_lossy().into_owned();
            if args[0] == "build" {
                args.push(&uit);
            }
            let o = f.klachten(&args);
            assert_eq!(code(&o), 2, "{blok}: {}", stderr(&o));
            assert!(stdout(&o).is_empty(), "{}", stdout(&o));
            let fout = stderr(&o);
            assert_eq!(fout.lines().count(), 1, "{fout}");
            assert!(
                fout.contains(&format!("reglement.toml: {verwacht}")),
                "{blok}: {fout}"
            );
        }
    }
    // The first wijziging starts after the regulation took effect.
    let f = Fixture::new(&zaak("A", "2026-03-02"), "");
    f.schrijf(
        "reglement.toml",
        "inwerkingtreding = 2024-10-01\n[[wijziging]]\nvanaf = 2024-10-01\n",
    );
    let o = run(&f, "2026-06-01");
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("wijziging 1 (vanaf 2024-10-01): sleutel vanaf: moet later zijn dan inwerkingtreding (2024-10-01)"),
        "{}",
        stderr(&o)
    );
}

/// The site shows on each case page the version that judged it, every version on the
/// rules page (the rules' texts with each version's terms), and in each period report
/// the versions in force in the period.
#[test]
fn site_toont_de_versies() {
    let f = register(
        &[
            zaak("A", "2025-11-03"),
            zaak("B", "2026-03-09"),
            zaak("V", "2024-09-30"),
        ],
        &[
            gebeurtenis("A", "2025-11-04", "ontvangstbevestiging", ""),
            gebeurtenis("B", "2026-03-10", "ontvangstbevestiging", ""),
        ],
    );
    let map = tempfile::tempdir().unwrap();
    let site = map.path().join("site");
    bouw(f.pad(), &site, "2026-06-01");

    let a = lees(&site, &zaakpad("A"));
    assert!(
        a.contains("versie vanaf <span class=\"geheel\">01-10-2024</span></a>, geldend op de dag van ontvangst: ontvangstbevestiging: binnen 5 werkdagen na ontvangst"),
        "{a}"
    );
    assert!(a.contains("regels.html#versie-2024-10-01"));
    let b = lees(&site, &zaakpad("B"));
    assert!(
        b.contains("versie vanaf <span class=\"geheel\">07-03-2026</span></a> (Directiebesluit 2026-02), geldend op de dag van ontvangst: ontvangstbevestiging: binnen 3 werkdagen"),
        "{b}"
    );
    assert!(b.contains("beroep behandelen: binnen 4 weken na het beroep"));
    let v = lees(&site, &zaakpad("V"));
    assert!(v.contains("geen: ontvangen voordat het reglement in werking trad"));

    let regels = lees(&site, "regels.html");
    for stuk in [
        "id=\"versie-2024-10-01\"",
        "id=\"versie-2026-03-07\"",
        "tot en met <time datetime=\"2026-03-06\">06-03-2026</time>",
        "Directiebesluit 2026-02",
        "binnen 6 weken na ontvangst of heropening",
        // The rules' texts per version, where they differ.
        "Versie vanaf 01-10-2024: Ontvangstbevestiging binnen vijf werkdagen.",
        "Versie vanaf 07-03-2026: Ontvangstbevestiging binnen drie werkdagen.",
        "Versie vanaf 07-03-2026: Beroep binnen vier weken behandeld.",
    ] {
        assert!(regels.contains(stuk), "{stuk}");
    }
    // A rule whose text no version changes is stated once.
    let art6 = &regels[regels.find("id=\"regel-art-6-persoonsgegevens\"").unwrap()..];
    let art6 = &art6[..art6.find("</article>").unwrap()];
    assert!(!art6.contains("Versie vanaf"), "{art6}");

    let kwartaal = lees(&site, "perioden/2026-K1.html");
    assert!(
        kwartaal.contains("Reglement in deze periode: <a href=\"../regels.html#versie-2024-10-01\">versie vanaf <span class=\"geheel\">01-10-2024</span></a> tot en met <span class=\"geheel\">06-03-2026</span>; <a href=\"../regels.html#versie-2026-03-07\">versie vanaf <span class=\"geheel\">07-03-2026</span></a> (Directiebesluit 2026-02)."),
        "{kwartaal}"
    );
    let kwartaal = lees(&site, "perioden/2025-K4.html");
    assert!(kwartaal.contains("Reglement in deze periode: <a href=\"../regels.html#versie-2024-10-01\">versie vanaf <span class=\"geheel\">01-10-2024</span></a> tot en met <span class=\"geheel\">06-03-2026</span>."));
    let kwartaal = lees(&site, "perioden/2024-K3.html");
    assert!(kwartaal.contains("Het reglement was in deze periode nog niet in werking."));
    // The public report states each version's term for the complaints of its year.
    let openbaar = lees(&site, "perioden/2026-openbaar.html");
    assert!(
        openbaar.contains("De ontvangstbevestiging moet binnen 5 werkdagen (voor klachten ontvangen vanaf <span class=\"geheel\">07-03-2026</span>: 3 werkdagen), de uitspraak binnen 4 weken (voor klachten ontvangen vanaf <span class=\"geheel\">07-03-2026</span>: 6 weken) of"),
        "{openbaar}"
    );
}
