//! Hostile registers: one regression test for each promise that an attack on the tool
//! once broke (personal data, links, files, builds, growth, Git, line ends, terminals).
//! The seeded fuzz suite that tries many more is `tests/fuzz.rs`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use common::*;

const AS_OF: &str = "2026-11-24";

/// `klachten build` of `register` into `uit`.
fn bouw(register: &Path, uit: &Path) -> Output {
    bouw_uitvoer(register, uit, AS_OF)
}

/// Every file of a built site, by path relative to its root, as text.
fn site(map: &Path) -> BTreeMap<String, String> {
    bestanden(map)
        .into_iter()
        .map(|(pad, inhoud)| (pad, String::from_utf8_lossy(&inhoud).into_owned()))
        .collect()
}

/// What a reader sees of an HTML page: its text with the character references decoded.
fn gelezen(html: &str) -> String {
    let mut uit = String::new();
    let mut rest = html;
    // Tags as nothing.
    while let Some(i) = rest.find('<') {
        uit.push_str(&rest[..i]);
        uit.push(' ');
        rest = rest[i..].split_once('>').map_or("", |(_, na)| na);
    }
    uit.push_str(rest);
    html_ontsleuteld(&uit)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every format of `check` on `f`, and the site: what each printed or wrote.
fn alle_uitvoer(f: &Fixture) -> Vec<(String, String)> {
    let mut uit = Vec::new();
    for formaat in FORMATEN {
        let o = f.klachten(&["check", "--as-of", AS_OF, "--format", formaat]);
        assert!(matches!(code(&o), 0 | 1), "{formaat}: {}", stderr(&o));
        uit.push((format!("check {formaat} (stdout)"), stdout(&o)));
        uit.push((format!("check {formaat} (stderr)"), stderr(&o)));
    }
    let doel = tempfile::tempdir().unwrap();
    let o = bouw(f.pad(), &doel.path().join("site"));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    uit.push(("build (stderr)".to_string(), stderr(&o)));
    for (pad, inhoud) in site(&doel.path().join("site")) {
        if pad.ends_with(".html") {
            uit.push((format!("{pad} (gelezen)"), gelezen(&inhoud)));
        }
        uit.push((pad, inhoud));
    }
    uit
}

/// The input errors of a check about file `bestand`.
fn invoerfouten_in<'v>(v: &'v serde_json::Value, bestand: &str) -> Vec<&'v serde_json::Value> {
    let fouten = v["input_errors"].as_array().expect("input_errors");
    fouten.iter().filter(|f| f["file"] == bestand).collect()
}

/// The one input error of a check about file `bestand`, which must be on line `line` and
/// start with `begin`.
fn enige_invoerfout<'v>(
    v: &'v serde_json::Value,
    bestand: &str,
    line: u64,
    begin: &str,
) -> &'v serde_json::Value {
    let fouten = invoerfouten_in(v, bestand);
    assert_eq!(fouten.len(), 1, "{fouten:?}");
    let fout = fouten[0];
    assert_eq!(fout["line"], line, "{fout}");
    let bericht = fout["message"].as_str().unwrap_or_default();
    assert!(bericht.starts_with(begin), "{fout}");
    fout
}

fn nergens(uitvoer: &[(String, String)], verboden: &[&str]) {
    for (waar, tekst) in uitvoer {
        let klein = tekst.to_lowercase();
        for v in verboden {
            assert!(
                !klein.contains(&v.to_lowercase()),
                "{v:?} in {waar}:\n{}",
                &tekst[klein
                    .find(&v.to_lowercase())
                    .unwrap_or(0)
                    .saturating_sub(200)..]
                    .chars()
                    .take(400)
                    .collect::<String>()
            );
        }
    }
}

/// Point 1: personal data hidden from the scanner by entities, comments or escapes in a
/// case file reached the case page verbatim, and art-6-persoonsgegevens did not see it.
#[test]
fn persoonsgegevens_in_een_dossier_worden_gevonden_zoals_de_lezer_ze_ziet() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B. Handel,Anouk de Vries,anouk@example.nl,te laat,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,B. Handel,,,,\n",
    );
    f.schrijf(
        "zaken/KP-1.md",
        "# KP-1\n\n\
         Mail: anouk&#64;example.nl of jan&commat;voorbeeld.nl.\n\n\
         Gesprek met Anouk&#32;de&#32;Vries.\n\n\
         Bel 06-1234<!-- -->5678 of 010&#45;7654321.\n\n\
         BSN 11122233&#51;, IBAN NL91ABN&#65;0417164300.\n\n\
         Adres: Dorp\\straat 1\\2, 1234\\ AB.\n",
    );
    let v = check(&f, AS_OF);
    let art6 = one(&v, "KP-1", "art-6-persoonsgegevens");
    let bericht = art6["message"].as_str().unwrap();
    for soort in ["2× e-mailadres", "2× telefoonnummer", "1× BSN", "1× IBAN"] {
        assert!(bericht.contains(soort), "{soort}: {bericht}");
    }
    assert_eq!(art6["line"], 3);
    let uitvoer = alle_uitvoer(&f);
    nergens(
        &uitvoer,
        &[
            "anouk@example.nl",
            "jan@voorbeeld.nl",
            "anouk de vries",
            "06-12345678",
            "010-7654321",
            "111222333",
            "NL91ABNA0417164300",
            "0417164300",
        ],
    );
    let pagina = uitvoer
        .iter()
        .find(|(p, _)| p.starts_with("zaken/") && p.ends_with("KP-1.html (gelezen)"))
        .map(|(_, t)| t.clone())
        .expect("zaakpagina");
    for placeholder in [
        "[e-mailadres verwijderd]",
        "[naam verwijderd]",
        "[telefoonnummer verwijderd]",
        "[BSN verwijderd]",
        "[IBAN verwijderd]",
    ] {
        assert!(pagina.contains(placeholder), "{placeholder}: {pagina}");
    }
}

/// Point 2: the other free-text columns (categorie, beklaagde) were shown unredacted, also
/// when they held the complainant's own name or contact.
#[test]
fn elke_vrije_tekst_van_een_zaak_wordt_afgeschermd() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B. Handel,Anouk de Vries,anouk@example.nl,over Anouk de Vries,bel 06-12345678,anouk@example.nl\n\
         KP-2,2025-03-05,email,preventie,B. Handel,Piet Klaasen,0612345679,Piet Klaasen klaagt,Piet Klaasen,Team 0612345679\n",
        "KP-1,2025-03-20,uitspraak,B. Handel,gegrond,,toelichting van Anouk de Vries,\n\
         KP-2,2025-03-20,uitspraak,Piet Klaasen,gegrond,,,\n",
    );
    let uitvoer = alle_uitvoer(&f);
    nergens(
        &uitvoer,
        &[
            "Anouk de Vries",
            "anouk@example.nl",
            "06-12345678",
            "Piet Klaasen",
            "0612345679",
        ],
    );
    // Redacted where they were shown: the case page, the cases list, the period report.
    let tekst: String = uitvoer.iter().map(|(_, t)| t.as_str()).collect();
    assert!(tekst.contains("[naam verwijderd]"));
    assert!(tekst.contains("[telefoonnummer verwijderd]"));
}

/// A complainant called by a word of their name ("Mevrouw Jansen", "Karin") in the
/// description, an explanation, the case file or as who lodged an appeal was shown by
/// every output: only the whole name was looked for. Staff who share the surname keep their
/// names.
#[test]
fn een_woord_van_de_naam_van_de_klager_wordt_nergens_getoond() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,P. Jansen,Karin van der Jansen,k.j@example.nl,Mevrouw Jansen wil excuses,bejegening,J. Jansen\n",
        "KP-1,2025-03-05,ontvangstbevestiging,P. Jansen,,,Gebeld met KARIN,\n\
         KP-1,2025-03-20,uitspraak,P. Jansen,gegrond,,Jansen kreeg gelijk; Janssen niet,\n\
         KP-1,2025-03-25,beroep,Mevrouw Jansen,,,,\n",
    );
    f.schrijf(
        "zaken/KP-1.md",
        "# KP-1\n\nMevrouw JANSEN belde drie keer; Karin kreeg geen antwoord.\n",
    );
    let uitvoer = alle_uitvoer(&f);
    nergens(&uitvoer, &["Karin"]);
    for (waar, tekst) in &uitvoer {
        // Every "Jansen" that is left is a member of staff's.
        let zonder_personeel = tekst.replace("P. Jansen", "").replace("J. Jansen", "");
        assert!(
            !zonder_personeel.to_lowercase().contains("jansen "),
            "{waar}: {tekst}"
        );
    }
    // The text report names the case's handler with its findings: a colleague's name.
    let tekstrapport = uitvoer
        .iter()
        .find(|(waar, _)| waar == "check text (stdout)")
        .map(|(_, t)| t.as_str())
        .unwrap();
    assert!(
        tekstrapport.contains("behandelaar P. Jansen)"),
        "{tekstrapport}"
    );
    let pagina = uitvoer
        .iter()
        .find(|(waar, _)| waar.starts_with("zaken/") && waar.ends_with("(gelezen)"))
        .map(|(_, t)| t.as_str())
        .unwrap();
    for getoond in [
        "Mevrouw [naam verwijderd] wil excuses",
        "Gebeld met [naam verwijderd]",
        "[naam verwijderd] kreeg gelijk; Janssen niet",
        "Mevrouw [naam verwijderd] belde drie keer; [naam verwijderd] kreeg geen antwoord.",
        // The appeal is the complainant's step: who took it is hidden as a free text.
        "door Mevrouw [naam verwijderd]",
        "P. Jansen",
        "J. Jansen",
    ] {
        assert!(pagina.contains(getoond), "{getoond}: {pagina}");
    }
}

/// A category, or a handler, is shared by cases and shown beside other cases: in the
/// cases list's filters, the charts, the period reports and the public annual report. One
/// that names a complainant of another case ("klacht Jansen", or her whole name) was shown
/// there as written. Now it is "[naam verwijderd]" everywhere; ordinary categories, and a
/// colleague who shares her surname, stay.
#[test]
fn een_gedeelde_categorie_of_behandelaar_noemt_geen_klager() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,P. Jansen,Karin Jansen,communicatie@gemeente.nl,traag,bejegening,\n\
         KP-2,2025-03-04,email,preventie,P. Jansen,Piet Bos,,traag,klacht Jansen,\n\
         KP-3,2025-03-05,email,preventie,Karin Jansen,Anna Vos,,traag,communicatie,Piet Bos\n\
         KP-4,2025-03-06,email,preventie,B. de Wit,Ed Pol,,traag,Vos-dossier,\n",
        "",
    );
    let uit = f.pad().join("site");
    let o = bouw(f.pad(), &uit);
    assert!(o.status.success(), "{}", stderr(&o));
    let pagina = |pad: &str| gelezen(&std::fs::read_to_string(uit.join(pad)).unwrap());
    for (pad, tekst) in site(&uit) {
        let tekst = tekst.replace("P. Jansen", "");
        for geheim in ["Jansen", "Karin", "Piet Bos", "Vos-dossier"] {
            assert!(!tekst.contains(geheim), "{geheim} in {pad}");
        }
    }
    let lijst = std::fs::read_to_string(uit.join("assets/zaken-gegevens.js")).unwrap();
    for gebleven in ["bejegening", "communicatie", "P. Jansen", "B. de Wit"] {
        assert!(lijst.contains(gebleven), "{gebleven}: {lijst}");
    }
    let kp3 = pagina(&klachten::site::weergave::zaakpad("KP-3"));
    assert!(kp3.contains("Behandelaar [naam verwijderd]"), "{kp3}");
}

/// Point 3: an input error in the klager or contact column echoed the complainant's name
/// in every format of `check`, which CI logs and annotations show to everyone.
#[test]
fn een_invoerfout_toont_nooit_de_naam_of_het_contact_van_de_klager() {
    // Not UTF-8 (Latin-1) in klager and contact; the name also in another column of the
    // row. The file's first character outside ASCII is UTF-8 (in a header of its own),
    // so that the file is read as UTF-8 and these bytes are input errors, not
    // Windows-1252.
    let mut klachten = KLACHTEN_KOP
        .replace("beklaagde", "beklaagde,caf\u{e9}")
        .into_bytes();
    klachten.extend_from_slice(
        b"KP-1,2025-03-03,email,Anouk de Vr\xE9es,B. Handel,Anouk de Vr\xE9es,anouk@exampl\xE9.nl,x,,,\n",
    );
    // The name in a column that has an error, of a row whose own klager is valid.
    klachten.extend_from_slice(
        b"KP-2,2025-03-03,Piet Klaasen,preventie,B. Handel,Piet Klaasen,piet@example.nl,x,,,\n",
    );
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", klachten);
    f.schrijf(
        "gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}KP-2,2025-03-04,Piet Klaasen belde,B. Handel,,,,\n\
             KP-2,31-02-2025 piet@example.nl,gesprek,B. Handel,,,,\n"
        ),
    );
    let v = check(&f, AS_OF);
    let fouten = v["input_errors"].as_array().unwrap();
    let verborgen: Vec<&serde_json::Value> = fouten
        .iter()
        .filter(|f| matches!(f["column"].as_str(), Some("klager" | "contact")))
        .collect();
    assert_eq!(verborgen.len(), 2, "{fouten:#?}");
    // The CI formats show no value of these columns; the site says there was one.
    for fout in verborgen {
        assert_eq!(fout["value"], serde_json::Value::Null, "{fout}");
    }
    let uitvoer = alle_uitvoer(&f);
    nergens(
        &uitvoer,
        &[
            "Anouk de Vr",
            "exampl\u{FFFD}.nl",
            "Piet Klaasen",
            "piet@example.nl",
        ],
    );
}

/// A header's cells are shown in the note on ignored columns. A file without its header
/// (its first row read as one) showed that row's complainant in every output, and a
/// quote the header left open took in the whole file, rows and names, without an error.
#[test]
fn de_kopregel_toont_geen_persoonsgegevens() {
    let rij = "KP-1,2025-03-03,email,preventie,B. Handel,Willemijn Vos,06 1234 5678,x,,\n";
    let gebeurtenissen = "KP-1,2025-03-04,ontvangstbevestiging,B. Handel,,,,\n";
    // No header: the first row is taken for one, and lacks every required column.
    let f = Fixture::new("", gebeurtenissen);
    f.schrijf("klachten.csv", format!("{rij}{rij}"));
    let v = check(&f, AS_OF);
    assert_eq!(v["summary"]["input_errors"], 6, "{v}");
    let notes = v["notes"].to_string();
    assert!(notes.contains("8 kolom(men) genegeerd"), "{notes}");
    nergens(&alle_uitvoer(&f), &["Willemijn", "B. Handel", "1234 5678"]);

    // A quote the header opens and never closes: one input error, no row, no name.
    f.schrijf(
        "klachten.csv",
        format!("zaak,ontvangen,kanaal,dienst,behandelaar,\"klager,contact\n{rij}"),
    );
    let v = check(&f, AS_OF);
    enige_invoerfout(
        &v,
        "klachten.csv",
        1,
        "aanhalingsteken niet gesloten in de kopregel",
    );
    assert_eq!(v["summary"]["cases"], 0);
    nergens(&alle_uitvoer(&f), &["Willemijn", "B. Handel", "1234 5678"]);

    // A whole header: a column's name is shown, one that names a complainant or does not
    // read as a column's name is counted.
    f.schrijf(
        "klachten.csv",
        format!(
            "{},Opmerking,Vos,\"Willemijn\nVos\",Zaak\n{}",
            KLACHTEN_KOP.trim_end(),
            rij.replace('\n', ",a,b,c,KP-1\n")
        ),
    );
    let v = check(&f, AS_OF);
    assert_eq!(v["summary"]["checked"], 1, "{v}");
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("genegeerd (onbekend of dubbel): opmerking, zaak (nogmaals) en 2 andere"),
        "{notes}"
    );
    nergens(&alle_uitvoer(&f), &["Willemijn", "Vos"]);
}

/// A case file may be named anything, after its complainant say: the input error for a
/// case file of no case names it only when it reads as a case number and holds no word of
/// a complainant's name (`Vos1`, `willemijn-2`). And a complainant
/// is looked for in at most 32 such names (columns' and case files'), each a search through
/// every complainant's name and contact: a header of thousands of columns stays quick, and
/// the rest go unnamed.
#[test]
fn een_dossiernaam_toont_geen_persoonsgegevens() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B. Handel,Willemijn Vos,wvos2025,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,B. Handel,,,,\n",
    );
    // Not a case number; no digit; a contact inside it; a word of the name inside it,
    // twice; a case number.
    for naam in [
        "Willemijn Vos",
        "Vos",
        "wvos2025-b",
        "Vos1",
        "willemijn-2",
        "KP-7",
    ] {
        f.schrijf(&format!("zaken/{naam}.md"), "# dossier\n");
    }
    let v = check(&f, AS_OF);
    let fouten = invoerfouten_in(&v, "zaken");
    assert_eq!(fouten.len(), 5, "{fouten:?}");
    let getoond = getoonde_waarden(&v);
    assert_eq!(getoond, ["KP-7"], "{v:#}");
    nergens(&alle_uitvoer(&f), &["Willemijn", "Vos"]);

    let kop = (1..=40)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    f.schrijf(
        "klachten.csv",
        format!(
            "{},{kop}\nKP-1,2025-03-03,email,preventie,B. Handel,Willemijn Vos,wvos2025,x,,{}\n",
            KLACHTEN_KOP.trim_end(),
            ",".repeat(39)
        ),
    );
    let v = check(&f, AS_OF);
    let notes = v["notes"].to_string();
    assert!(notes.contains("c31, c32 en 8 andere"), "{notes}");
    // The budget is spent: the case files of no case go unnamed, KP-7 too.
    assert_eq!(invoerfouten_in(&v, "zaken").len(), 6, "{v:#}");
}

/// The values that the input errors of `check`'s JSON show.
fn getoonde_waarden(v: &serde_json::Value) -> Vec<&str> {
    v["input_errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["value"].as_str())
        .collect()
}

/// A complainant known by an e-mail address alone: the words before its `@` are taken for
/// a name, so a case file named with one of them is not named either, nor is the name in
/// the case's texts; the domain is no name.
#[test]
fn een_dossiernaam_toont_geen_naam_uit_een_e_mailadres() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B. Handel,,hanneke.brouwer@example.nl,Mevrouw Brouwer belde,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,B. Handel,,,Hanneke gebeld,\n",
    );
    for naam in ["Brouwer-2", "example-3", "KP-7"] {
        f.schrijf(&format!("zaken/{naam}.md"), "# dossier\n");
    }
    let v = check(&f, AS_OF);
    let getoond = getoonde_waarden(&v);
    assert_eq!(getoond, ["KP-7", "example-3"], "{v:#}");
    nergens(
        &alle_uitvoer(&f),
        &["Brouwer", "brouwer", "Hanneke", "hanneke"],
    );
}

/// Point 4: links that leave the site survived in case files and `reglement.md`.
#[test]
fn geen_link_verlaat_de_site() {
    let links = "[a](//host/a) [b](/\\host/b) [c][r] [d](HTTPS://host/d) [e](%2F%2Fhost) \
                 [f](../../../../etc/passwd) <https://host/g> [h](java\tscript:alert(1))\n\n\
                 [r]: //host/c\n";
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B. Handel,A. Klager,a@example.nl,x,,\n",
        "",
    );
    f.schrijf("zaken/KP-1.md", links);
    f.schrijf(
        "reglement.md",
        format!("# Reglement\n\n## Artikel 4\n\n{links}"),
    );
    let doel = tempfile::tempdir().unwrap();
    let uit = doel.path().join("site");
    assert_eq!(code(&bouw(f.pad(), &uit)), 0);
    let mut gezien = 0;
    for (pad, html) in site(&uit) {
        let diepte = pad.matches('/').count();
        for doel in link_doelen(&html) {
            // As a browser reads it: character references decoded (`&#x2F;&#x2F;host`).
            let doel = html_ontsleuteld(&doel);
            assert!(
                klachten::markdown::link_in_site(&doel, diepte) && !doel.contains("host"),
                "{doel} in {pad}"
            );
            gezien += 1;
        }
    }
    assert!(gezien > 100, "the site's own links are checked too");
}

/// The values of every `href` and `src` attribute in `html`, as written (with character
/// references); an attribute without quotes fails the test.
fn link_doelen(html: &str) -> Vec<String> {
    let mut doelen = Vec::new();
    let klein = html.to_ascii_lowercase();
    for naam in ["href=", "src="] {
        for (i, _) in klein.match_indices(naam) {
            // Only an attribute: after a space in a tag, not `data-href=` or text.
            if !klein[..i].ends_with(|c: char| c.is_ascii_whitespace()) {
                continue;
            }
            let rest = &html[i + naam.len()..];
            let aanhalingsteken = rest.chars().next().filter(|c| matches!(c, '"' | '\''));
            let aanhalingsteken =
                aanhalingsteken.unwrap_or_else(|| panic!("{naam} without quotes: {rest:.40}"));
            let rest = &rest[1..];
            let eind = rest.find(aanhalingsteken).expect("closing quote");
            doelen.push(rest[..eind].to_string());
        }
    }
    doelen
}

/// Point 13: control characters from the register (an escape sequence in a handler's
/// name) went raw to the terminal and the CI log.
#[test]
fn stuurtekens_bereiken_geen_terminal() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,\"B.\u{1b}[2J\u{1b}[31mHandel\u{7}\",A. Klager,a@example.nl,x,,\n\
         KP-2,2025-03-03,\u{1b}]8;;x\u{7}email,preventie,B,A. Klager,a@example.nl,x,,\n",
        "KP-1,2025-03-04,verantwoording,directie,,,\"reden\u{1b}[0m\nnep: geslaagd\u{202e}\",art-4.2-ontvangstbevestiging\n",
    );
    for formaat in FORMATEN {
        let o = f.klachten(&["check", "--as-of", AS_OF, "--format", formaat]);
        // KP-2's kanaal is an input error, in every format.
        assert_eq!(code(&o), 1, "{formaat}: {}", stderr(&o));
        for (stroom, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            assert!(
                !bytes.contains(&0x1b) && !bytes.contains(&0x07),
                "{formaat} {stroom}: {}",
                String::from_utf8_lossy(bytes)
            );
            assert!(
                !String::from_utf8_lossy(bytes).contains('\u{202e}'),
                "{formaat} {stroom}"
            );
        }
        if formaat == "text" {
            let uit = stdout(&o);
            assert!(uit.contains("B.\\u{1b}[2J"), "{uit}");
            // The line break of the justification does not start a line of its own.
            assert!(!uit.lines().any(|r| r.starts_with("nep")), "{uit}");
        }
    }
}

/// Point 5: a case file that is a symlink was followed wherever it pointed (publishing any
/// file the builder could read, or growing without bound on `/dev/zero`), and a
/// `klachten.csv` pointing at `/dev/zero` aborted on a failed allocation.
#[cfg(unix)]
#[test]
fn alleen_bestanden_in_het_register_worden_gelezen() {
    use std::os::unix::fs::symlink;
    let buiten = tempfile::tempdir().unwrap();
    std::fs::write(buiten.path().join("geheim.md"), "GEHEIM-VAN-DE-SERVER\n").unwrap();
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B,A. Klager,a@example.nl,x,,\n\
         KP-2,2025-03-03,email,preventie,B,A. Klager,a@example.nl,x,,\n\
         KP-3,2025-03-03,email,preventie,B,A. Klager,a@example.nl,x,,\n\
         KP-4,2025-03-03,email,preventie,B,A. Klager,a@example.nl,x,,\n",
        "",
    );
    f.schrijf("zaken/KP-4.md", "# Gewoon dossier\n");
    symlink(
        buiten.path().join("geheim.md"),
        f.pad().join("zaken/KP-1.md"),
    )
    .unwrap();
    symlink("/dev/zero", f.pad().join("zaken/KP-2.md")).unwrap();
    // A symlink inside the register is fine.
    symlink("KP-4.md", f.pad().join("zaken/KP-3.md")).unwrap();
    symlink(
        buiten.path().join("geheim.md"),
        f.pad().join("reglement.md"),
    )
    .unwrap();
    let begin = std::time::Instant::now();
    let v = check(&f, AS_OF);
    assert!(begin.elapsed().as_secs() < 60);
    let fouten: Vec<(String, String)> = v["input_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for bestand in ["zaken/KP-1.md", "zaken/KP-2.md", "reglement.md"] {
        let (_, bericht) = fouten
            .iter()
            .find(|(b, _)| b == bestand)
            .unwrap_or_else(|| panic!("{bestand}: {fouten:?}"));
        assert!(
            bericht.contains("buiten de map van het register"),
            "{bericht}"
        );
    }
    assert!(
        !fouten.iter().any(|(b, _)| b == "zaken/KP-3.md"),
        "{fouten:?}"
    );
    let uitvoer = alle_uitvoer(&f);
    nergens(&uitvoer, &["GEHEIM-VAN-DE-SERVER"]);
    assert!(uitvoer.iter().any(|(_, t)| t.contains("Gewoon dossier")));

    // A case file over its bound.
    let f = Fixture::new("KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n", "");
    f.schrijf("zaken/KP-1.md", vec![b'x'; (1 << 20) + 1]);
    let v = check(&f, AS_OF);
    assert!(v["input_errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("groter dan 1 MiB"));

    // klachten.csv or reglement.toml outside the register: the check cannot run, and says
    // why in one line.
    for (naam, doel) in [
        ("klachten.csv", "/dev/zero"),
        ("reglement.toml", "/dev/zero"),
        ("klachten.csv", "/etc/hostname"),
    ] {
        let f = Fixture::new("KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n", "");
        std::fs::remove_file(f.pad().join(naam)).ok();
        symlink(doel, f.pad().join(naam)).unwrap();
        let o = run(&f, AS_OF);
        assert_eq!(code(&o), 2, "{naam}: {}", stderr(&o));
        assert!(stderr(&o).contains(naam), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("buiten de map van het register"),
            "{}",
            stderr(&o)
        );
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
}

/// `check --format json` of `f`, while `schrijf` writes into the named pipe `pijp` (in
/// `f`) on a thread of its own: the JSON, and what `schrijf` gave. A run that goes wrong
/// fails instead of hanging: `check` is stopped after a minute, and a writer that still
/// waits for a reader to open the pipe is let go (its writes then fail).
#[cfg(unix)]
fn check_met_pijp<T: Send + 'static>(
    f: &Fixture,
    pijp: &Path,
    schrijf: impl FnOnce(std::fs::File) -> T + Send + 'static,
) -> (serde_json::Value, T) {
    use std::os::unix::fs::OpenOptionsExt;
    use std::process::Stdio;
    let schrijver = {
        let pijp = pijp.to_path_buf();
        std::thread::spawn(move || {
            let p = std::fs::OpenOptions::new().write(true).open(pijp).unwrap();
            schrijf(p)
        })
    };
    let mut kind = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["check", "--as-of", AS_OF, "--format", "json", "--register"])
        .arg(f.pad())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let tot = std::time::Instant::now() + Duration::from_secs(60);
    while kind.try_wait().unwrap().is_none() && std::time::Instant::now() < tot {
        std::thread::sleep(Duration::from_millis(10));
    }
    let klaar = kind.try_wait().unwrap().is_some();
    if !klaar {
        let _ = kind.kill();
    }
    // A reader that comes and goes wakes a writer still waiting in `open`.
    let _ = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(pijp);
    let uitvoer = kind.wait_with_output().unwrap();
    let geschreven = schrijver.join().expect("the writer");
    assert!(
        klaar,
        "check did not end within a minute: {}",
        stderr(&uitvoer)
    );
    assert!(
        matches!(uitvoer.status.code(), Some(0) | Some(1)),
        "exit {:?}: {}",
        uitvoer.status.code(),
        stderr(&uitvoer)
    );
    (json(&uitvoer), geschreven)
}

/// Point 5: a named pipe is read as a stream, with the outcome of a regular file; one that
/// never ends (fed from `/dev/zero`) stops at the record bound, and memory stays bounded.
#[cfg(unix)]
#[test]
fn een_benoemde_pijp_is_een_stroom_met_een_grens() {
    use std::io::Write;
    let klachten = "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n\
                    KP-2,31-02-2025,email,preventie,B,A,a@example.nl,x,,\n";
    let gebeurtenissen =
        format!("{GEBEURTENISSEN_KOP}KP-1,2025-03-04,ontvangstbevestiging,B,,,,\n");
    let gewoon = Fixture::new(klachten, "");
    gewoon.schrijf("gebeurtenissen.csv", &gebeurtenissen);
    let verwacht = check(&gewoon, AS_OF);

    let f = Fixture::new(klachten, "");
    let pijp = f.pad().join("gebeurtenissen.csv");
    std::fs::remove_file(&pijp).unwrap();
    let gemaakt = Command::new("mkfifo").arg(&pijp).status().unwrap();
    assert!(gemaakt.success());
    let inhoud = gebeurtenissen.clone();
    let (gelezen, geschreven) =
        check_met_pijp(&f, &pijp, move |mut p| p.write_all(inhoud.as_bytes()));
    geschreven.unwrap();
    // The stamp's hash too: it is of the bytes read, from a file or a pipe.
    assert_eq!(gelezen, verwacht);

    // A `;` file whose header arrives a few bytes at a time is read with its own separator,
    // as the file on disk is (the separator was once taken from the first read).
    let puntkomma = gebeurtenissen.replace(',', ";");
    gewoon.schrijf("gebeurtenissen.csv", &puntkomma);
    let verwacht = check(&gewoon, AS_OF);
    assert_eq!(verwacht["summary"]["events"], 1);
    let (gelezen, geschreven) = check_met_pijp(&f, &pijp, move |mut p| {
        let (kop, rest) = puntkomma.split_at(GEBEURTENISSEN_KOP.len());
        for stuk in kop.as_bytes().chunks(3) {
            p.write_all(stuk)?;
            std::thread::sleep(Duration::from_millis(2));
        }
        p.write_all(rest.as_bytes())
    });
    geschreven.unwrap();
    assert_eq!(gelezen, verwacht);

    // Zeros for ever: the reader stops after the record bound.
    let (v, geschreven) = check_met_pijp(&f, &pijp, |mut p| {
        let _ = p.write_all(format!("{GEBEURTENISSEN_KOP}KP-1,").as_bytes());
        let nullen = vec![0u8; 1 << 16];
        let mut geschreven = 0u64;
        // Until the reader closes the pipe (or far past any bound).
        while geschreven < 1 << 32 && p.write_all(&nullen).is_ok() {
            geschreven += nullen.len() as u64;
        }
        geschreven
    });
    assert!(
        geschreven < 64 << 20,
        "{geschreven} bytes read from the pipe"
    );
    let fout = v["input_errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "gebeurtenissen.csv")
        .expect("an error for the pipe");
    assert_eq!(fout["line"], 2);
    assert!(fout["message"]
        .as_str()
        .unwrap()
        .starts_with("record langer dan 1 MiB"));
}

/// A header longer than a record may be (1 MiB) is one input error on line 1 that says so:
/// not the columns it seemed to lack, and its file's rows are not counted as read.
#[test]
fn een_te_lange_kopregel_is_een_fout_op_regel_1() {
    let klachten = "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n";
    let lange_kop = |kop: &str| format!("{},{}\n", kop.trim_end(), "x".repeat(1 << 21));
    let f = Fixture::new(klachten, "");
    f.schrijf(
        "gebeurtenissen.csv",
        format!(
            "{}KP-1,2025-03-04,ontvangstbevestiging,B,,,,\n",
            lange_kop(GEBEURTENISSEN_KOP)
        ),
    );
    let v = check(&f, AS_OF);
    assert_eq!(v["input_errors"].as_array().map(Vec::len), Some(1), "{v:#}");
    enige_invoerfout(&v, "gebeurtenissen.csv", 1, "record langer dan 1 MiB");
    // The case is still checked, as having no events.
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["summary"]["events"], 0);

    f.schrijf(
        "klachten.csv",
        format!("{}{klachten}", lange_kop(KLACHTEN_KOP)),
    );
    let v = check(&f, AS_OF);
    enige_invoerfout(&v, "klachten.csv", 1, "record langer dan 1 MiB");
    assert_eq!(v["summary"]["cases"], 0);
}

/// Point 12: with CR-only line ends every input error said line 1. Every format names the
/// line of the record, whatever the line ends.
#[test]
fn regelnummers_bij_elk_soort_regeleinde_in_elk_formaat() {
    let klachten = [
        "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,",
        "",
        "KP-2,31-02-2025,email,preventie,B,A,a@example.nl,x,,",
        "KP-3,2025-03-03,fax,preventie,B,A,a@example.nl,\"twee",
        "regels\",,",
        "KP-4,2025-03-03,email,preventie,B,A,a@example.nl,x,,",
    ];
    let gebeurtenissen = [
        "KP-1,2025-03-04,ontvangstbevestiging,B,,,,",
        "KP-1,2025-13-01,gesprek,B,,,,",
        "KP-9,2025-03-05,gesprek,B,,,,",
    ];
    // (file, line) of every input error, and the finding on KP-4 (no acknowledgement).
    let verwacht: Vec<(&str, u64)> = vec![
        ("gebeurtenissen.csv", 3),
        ("gebeurtenissen.csv", 4),
        ("klachten.csv", 4),
        ("klachten.csv", 5),
    ];
    let mut eerder: Option<Vec<String>> = None;
    for einde in ["\n", "\r\n", "\r"] {
        let f = Fixture::leeg();
        let kop_k = KLACHTEN_KOP.trim_end();
        let kop_g = GEBEURTENISSEN_KOP.trim_end();
        let samen = |kop: &str, regels: &[&str]| {
            let mut t = kop.to_string();
            for r in regels {
                t.push_str(einde);
                t.push_str(r);
            }
            t.push_str(einde);
            t
        };
        f.schrijf("klachten.csv", samen(kop_k, &klachten));
        f.schrijf("gebeurtenissen.csv", samen(kop_g, &gebeurtenissen));
        f.schrijf(
            "zaken/KP-4.md",
            ["# KP-4", "", "regel drie", "bel 06-12345678"].join(einde),
        );
        let v = check(&f, AS_OF);
        let fouten: Vec<(&str, u64)> = v["input_errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["file"].as_str().unwrap(), f["line"].as_u64().unwrap()))
            .collect();
        assert_eq!(fouten, verwacht, "{einde:?}");
        assert_eq!(
            one(&v, "KP-4", "art-4.2-ontvangstbevestiging")["line"],
            7,
            "{einde:?}"
        );
        assert_eq!(
            one(&v, "KP-4", "art-6-persoonsgegevens")["line"],
            4,
            "{einde:?}"
        );
        // The same lines in every other format.
        let mut regels = Vec::new();
        for formaat in ["text", "github", "junit", "sarif"] {
            let o = f.klachten(&["check", "--as-of", AS_OF, "--format", formaat]);
            let uit = stdout(&o);
            for (bestand, line) in verwacht
                .iter()
                .chain([&("klachten.csv", 7), &("zaken/KP-4.md", 4)])
            {
                let vorm = match formaat {
                    "github" => format!("{bestand},line={line},"),
                    "junit" => format!("{bestand}\" line=\"{line}\""),
                    "sarif" => format!("{bestand}\"}},\"region\":{{\"startLine\":{line}}}"),
                    _ => format!("{bestand}:{line}:"),
                };
                let gevonden = uit.contains(&vorm)
                    || (formaat == "text" && uit.contains(&format!("{bestand}:{line}\n")));
                assert!(gevonden, "{einde:?} {formaat}: {vorm}\n{uit}");
                regels.push(vorm);
            }
        }
        if let Some(eerder) = &eerder {
            assert_eq!(&regels, eerder);
        }
        eerder = Some(regels);
    }
}

/// Points 6 and 7: an interrupted build (kill -9, a CI timeout's SIGTERM) must leave the
/// old site or the new one at --out, complete, at whatever moment it is stopped; and the
/// next build removes whatever it left beside --out (a work folder once held 3.4 GB).
#[cfg(unix)]
#[test]
fn een_onderbroken_build_laat_altijd_een_complete_site_achter() {
    let map = tempfile::tempdir().unwrap();
    let register = map.path().join("register");
    let gemaakt = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["genereer", "--zaken", "400", "--seed", "3", "--out"])
        .arg(&register)
        .status()
        .unwrap();
    assert!(gemaakt.success());
    let out = map.path().join("site");
    let bouw_in = |doel: &Path, as_of: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_klachten"));
        c.args(["build", "--as-of", as_of, "--register"])
            .arg(&register)
            .arg("--out")
            .arg(doel)
            .stderr(std::process::Stdio::null());
        c
    };
    // The new site, built apart, and how long a build takes.
    let apart = map.path().join("apart");
    let begin = std::time::Instant::now();
    assert!(bouw_in(&apart, "2026-11-24").status().unwrap().success());
    let duur = begin.elapsed();
    let nieuw = bestanden(&apart);
    std::fs::remove_dir_all(&apart).unwrap();
    assert!(bouw_in(&out, "2025-06-30").status().unwrap().success());
    let oud = bestanden(&out);
    assert_ne!(oud, nieuw);

    let mut toeval = Toeval(0x5eed_0019);
    let mut gezien = [0usize; 2];
    for ronde in 0..12 {
        let mut kind = bouw_in(&out, "2026-11-24").spawn().unwrap();
        // Half of the stops fall where the new site is swapped in and the old one removed.
        let deel = if ronde % 2 == 0 {
            toeval.onder(1000)
        } else {
            600 + toeval.onder(600)
        };
        std::thread::sleep(duur.mul_f64(deel as f64 / 1000.0));
        if ronde % 3 == 2 {
            // SIGTERM, as a CI job's timeout sends it.
            // SAFETY: kill(2) on the id of a child this test started and has not waited for.
            unsafe { libc::kill(kind.id() as libc::pid_t, libc::SIGTERM) };
        } else {
            kind.kill().unwrap();
        }
        kind.wait().unwrap();
        let nu = bestanden(&out);
        let welke = if nu == oud {
            0
        } else {
            assert!(
                nu == nieuw,
                "round {ronde}, stopped after {deel}‰ of a build: --out holds neither site \
                 complete ({} files)",
                nu.len()
            );
            1
        };
        gezien[welke] += 1;
    }
    assert!(
        gezien[0] > 0,
        "some builds were stopped before the swap: {gezien:?}"
    );

    // The next build replaces the site and leaves nothing else beside it.
    assert!(bouw_in(&out, "2026-11-24").status().unwrap().success());
    assert_eq!(bestanden(&out), nieuw);
    let mut naast: Vec<String> = std::fs::read_dir(map.path())
        .unwrap()
        .map(|i| i.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    naast.sort();
    assert_eq!(naast, ["register", "site"]);
}

/// Point 6: any spelling of --out (through the old site, with a trailing slash, `./`,
/// absolute, a symlink to the old site) replaces the same site and leaves nothing beside.
#[cfg(unix)]
#[test]
fn elke_schrijfwijze_van_out_geeft_dezelfde_site() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,B,,,,\n",
    );
    let map = tempfile::tempdir().unwrap();
    let basis = std::fs::canonicalize(map.path()).unwrap();
    std::os::unix::fs::symlink(basis.join("site"), basis.join("koppeling")).unwrap();
    let mut vorige = None;
    for (i, spelling) in [
        "site",
        "site/../site",
        "site/",
        "./site",
        "koppeling",
        "koppeling/../site",
    ]
    .iter()
    .enumerate()
    {
        let as_of = format!("2026-11-{:02}", 10 + i);
        let o = Command::new(env!("CARGO_BIN_EXE_klachten"))
            .current_dir(&basis)
            .args(["build", "--as-of", &as_of, "--out", spelling, "--register"])
            .arg(f.pad())
            .output()
            .unwrap();
        assert_eq!(code(&o), 0, "{spelling}: {}", stderr(&o));
        let site = bestanden(&basis.join("site"));
        assert!(
            String::from_utf8_lossy(&site["index.html"]).contains(&format!("{}-11-2026", 10 + i)),
            "{spelling}"
        );
        assert_ne!(Some(&site), vorige.as_ref(), "{spelling}");
        vorige = Some(site);
        let mut naast: Vec<String> = std::fs::read_dir(&basis)
            .unwrap()
            .map(|i| i.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        naast.sort();
        assert_eq!(naast, ["koppeling", "site"], "{spelling}");
    }
    let absoluut = basis.join("site");
    let o = bouw(f.pad(), &absoluut);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

/// Point 8: one case with a mistyped year (0202 for 2025) made `build` write a period page
/// and a chart point for every quarter and month since, for minutes. Pages and bytes
/// follow the periods that hold data, not the span between the dates.
#[test]
fn een_verschreven_jaartal_maakt_de_site_niet_groter() {
    let bouw_met = |jaar: &str| {
        let f = Fixture::new(
            &format!(
                "KP-1,{jaar}-03-03,email,preventie,B,A,a@example.nl,x,,\n\
                 KP-2,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n"
            ),
            &format!(
                "KP-1,{jaar}-03-04,ontvangstbevestiging,B,,,,\n\
                 KP-2,2025-03-04,ontvangstbevestiging,B,,,,\n"
            ),
        );
        let doel = tempfile::tempdir().unwrap();
        let begin = std::time::Instant::now();
        let o = bouw(f.pad(), &doel.path().join("site"));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let duur = begin.elapsed();
        let site = bestanden(&doel.path().join("site"));
        let bytes: usize = site.values().map(Vec::len).sum();
        let perioden: Vec<String> = site
            .keys()
            .filter(|p| p.starts_with("perioden/"))
            .cloned()
            .collect();
        (site.len(), bytes, perioden, duur)
    };
    let (n_0202, bytes_0202, perioden, duur) = bouw_met("0202");
    let (n_2024, bytes_2024, _, _) = bouw_met("2024");
    assert_eq!(n_0202, n_2024);
    assert!(
        bytes_0202 * 10 < bytes_2024 * 11,
        "{bytes_0202} bytes against {bytes_2024}"
    );
    assert_eq!(
        perioden,
        [
            "perioden/202-K1.html",
            "perioden/202-openbaar.html",
            "perioden/202.html",
            "perioden/2025-K1.html",
            "perioden/2025-openbaar.html",
            "perioden/2025.html",
            "perioden/2026-K4.html",
            "perioden/2026-openbaar.html",
            "perioden/2026.html"
        ]
    );
    assert!(duur.as_secs() < 30, "{duur:?}");
}

/// The same for a term: `reglement.toml` may set a term of up to a thousand years, and
/// the chart of handling times drew a bar per week of twice the term on every page (400 MB
/// for two cases). The site's size does not follow the term.
#[test]
fn een_lange_termijn_maakt_de_site_niet_groter() {
    let bouw_met = |weken: u32| {
        let f = Fixture::new(
            "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n",
            "KP-1,2025-03-04,ontvangstbevestiging,B,,,,\nKP-1,2025-03-20,uitspraak,B,ongegrond,,,\n",
        );
        f.schrijf(
            "reglement.toml",
            format!("afhandeltermijn_weken = {weken}\nberoep_afhandeltermijn_weken = {weken}\n"),
        );
        let doel = tempfile::tempdir().unwrap();
        let o = bouw(f.pad(), &doel.path().join("site"));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let site = bestanden(&doel.path().join("site"));
        site.values().map(Vec::len).sum::<usize>()
    };
    let (kort, lang) = (bouw_met(52), bouw_met(52_000));
    assert!(lang * 10 < kort * 11, "{lang} bytes against {kort}");
}

/// Point 9: 100 KB of nested `>` in a case file took 20 s to build (the sanitiser's time
/// grew with the square of the nesting). The page now nests at most a bounded depth, so
/// the time follows the file's length: asserted on the page's structure, and with a bound
/// on the time loose enough for a slow machine (the old build took minutes in a debug
/// build).
#[test]
fn diep_geneste_markdown_kost_tijd_naar_lengte() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n\
         KP-2,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n\
         KP-3,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n",
        "",
    );
    f.schrijf("zaken/KP-1.md", ">".repeat(100_000));
    f.schrijf("zaken/KP-2.md", "> - ".repeat(25_000));
    f.schrijf("zaken/KP-3.md", "&".repeat(100_000));
    let doel = tempfile::tempdir().unwrap();
    let begin = std::time::Instant::now();
    let o = bouw(f.pad(), &doel.path().join("site"));
    let duur = begin.elapsed();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(duur.as_secs() < 30, "{duur:?}");
    let mut dossiers = 0;
    for (pad, html) in site(&doel.path().join("site")) {
        if !pad.starts_with("zaken/") {
            continue;
        }
        let Some(dossier) = html.split("class=\"dossier\"").nth(1) else {
            continue;
        };
        dossiers += 1;
        let diep = dossier.matches("<blockquote>").count();
        assert!(
            diep <= klachten::markdown::MAX_DIEPTE,
            "{pad}: {diep} nested quotes"
        );
    }
    assert_eq!(dossiers, 3, "every case page shows its case file");
}

/// A throw-away Git repository holding a register at its top, with Git's configuration
/// of this machine and user kept out.
struct Gitregister {
    map: tempfile::TempDir,
}

impl Gitregister {
    fn new(klachten: &str, gebeurtenissen: &str) -> Gitregister {
        let g = Gitregister {
            map: tempfile::tempdir().unwrap(),
        };
        std::fs::write(
            g.pad().join("klachten.csv"),
            format!("{KLACHTEN_KOP}{klachten}"),
        )
        .unwrap();
        std::fs::write(
            g.pad().join("gebeurtenissen.csv"),
            format!("{GEBEURTENISSEN_KOP}{gebeurtenissen}"),
        )
        .unwrap();
        g.git(&["init", "-q", "-b", "main"], None);
        g.git(&["config", "user.name", "Kwaliteit"], None);
        g.git(&["config", "user.email", "kwaliteit@example.nl"], None);
        g
    }

    fn pad(&self) -> &Path {
        self.map.path()
    }

    fn git(&self, args: &[&str], datum: Option<&str>) -> String {
        let mut c = Command::new("git");
        c.args(args).current_dir(self.pad());
        zonder_eigen_gitconfig(&mut c);
        if let Some(d) = datum {
            c.env("GIT_AUTHOR_DATE", "2025-01-01T12:00:00+0000")
                .env("GIT_COMMITTER_DATE", d);
        }
        let o = c.output().unwrap();
        assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
        stdout(&o).trim().to_string()
    }

    /// Appends `regel` to gebeurtenissen.csv and commits it with committer date `datum`.
    fn voeg_toe(&self, regel: &str, datum: &str) {
        let pad = self.pad().join("gebeurtenissen.csv");
        let mut inhoud = std::fs::read_to_string(&pad).unwrap();
        inhoud.push_str(regel);
        std::fs::write(&pad, inhoud).unwrap();
        self.git(&["add", "-A"], None);
        self.git(&["commit", "-q", "-m", "stap"], Some(datum));
    }

    fn check(&self, args: &[&str]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_klachten"));
        c.args(["check", "--as-of", AS_OF, "--register"])
            .arg(self.pad())
            .args(args)
            .env("NO_COLOR", "1");
        zonder_eigen_gitconfig(&mut c);
        c.output().unwrap()
    }
}

/// No global or system Git configuration: a `safe.directory` there would hide what the
/// test is about.
fn zonder_eigen_gitconfig(c: &mut Command) {
    c.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
}

/// Points 10 and 11: a history that is there but cannot be read whole is said in every
/// format and fails `--strict`.
fn onvolledig_in_elk_formaat(g: &Gitregister, moet_noemen: &str) {
    let o = g.check(&["--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["history"], "onvolledig", "{v:#}");
    let notities = v["notes"].to_string();
    assert!(notities.contains(moet_noemen), "{notities}");
    assert_eq!(code(&o), 0, "without --strict the check passes");
    assert_eq!(stderr(&o).lines().count(), 1, "one line: {}", stderr(&o));
    assert!(stderr(&o).contains(moet_noemen), "{}", stderr(&o));
    assert_eq!(code(&g.check(&["--format", "json", "--strict"])), 1);
    let tekst = stdout(&g.check(&["--strict"]));
    let samenvatting = tekst.lines().last().unwrap_or_default();
    assert!(
        samenvatting.contains("Git-historie onvolledig") && samenvatting.ends_with("niet geslaagd"),
        "{tekst}"
    );
    let github = stdout(&g.check(&["--format", "github"]));
    assert!(
        github
            .lines()
            .any(|r| r.starts_with("::notice title=git-historie::") && r.contains(moet_noemen)),
        "{github}"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&g.check(&["--format", "sarif"]).stdout).unwrap();
    let meldingen = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(
        meldingen
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["level"] == "warning"
                && m["message"]["text"].as_str().unwrap().contains(moet_noemen)),
        "{meldingen:#}"
    );
    let junit = g.check(&["--format", "junit"]);
    assert!(
        stderr(&junit).contains("Git-historie onvolledig"),
        "{}",
        stderr(&junit)
    );
}

/// Point 10: Git was called with `safe.directory=*`, switching off its protection against
/// repositories owned by someone else (CVE-2022-24765): such a repository's
/// `core.fsmonitor` ran as the user of `klachten`. Now Git's refusal and its remedy are
/// passed on in one line, and nothing of the repository runs.
#[cfg(unix)]
#[test]
fn een_repository_van_een_ander_wordt_niet_geopend() {
    // Only root can give a repository to another user.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: not root");
        return;
    }
    let g = Gitregister::new(
        "KP-1,2025-03-03,telefoon,preventie,B,A,a@example.nl,x,,\n",
        "",
    );
    g.git(&["add", "-A"], None);
    g.git(
        &["commit", "-q", "-m", "begin"],
        Some("2025-03-03T12:00:00+0100"),
    );
    let gelopen = g.pad().join("fsmonitor-liep");
    g.git(
        &[
            "config",
            "core.fsmonitor",
            &format!("touch {}; false", gelopen.display()),
        ],
        None,
    );
    let eigenaar = Command::new("chown")
        .args(["-R", "12345:12345"])
        .arg(g.pad())
        .status()
        .unwrap();
    assert!(eigenaar.success());
    onvolledig_in_elk_formaat(&g, "git config --global --add safe.directory");
    let o = g.check(&["--format", "json"]);
    assert!(stderr(&o).contains("andere gebruiker"), "{}", stderr(&o));
    assert!(
        !gelopen.exists(),
        "core.fsmonitor of another user's repository ran"
    );
    let build = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--as-of", AS_OF, "--register"])
        .arg(g.pad())
        .arg("--out")
        .arg(g.pad().join("../site-van-ander"))
        .output()
        .unwrap();
    assert_eq!(code(&build), 0, "{}", stderr(&build));
    assert!(!gelopen.exists());
    let _ = std::fs::remove_dir_all(g.pad().join("../site-van-ander"));
}

/// Point 11: one commit whose date Git accepts but the tool could not read (a day of 1969
/// in a zone west of Greenwich, the year 10000) dropped the whole history, and every
/// art-7 finding with it. Every such date is read; a date Git itself cannot read makes
/// the history incomplete, which every format says and `--strict` fails on.
#[test]
fn elke_commitdatum_die_git_aanneemt_wordt_gelezen() {
    // A case handled on time: only the history's own findings are warnings.
    let g = Gitregister::new(
        "KP-1,2025-03-03,email,preventie,B,A,a@example.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,B,,,,\n\
         KP-1,2025-03-20,uitspraak,B,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,B,,,,\n",
    );
    g.git(&["add", "-A"], None);
    g.git(
        &["commit", "-q", "-m", "begin"],
        Some("2025-03-03T12:00:00+0100"),
    );
    // Git accepts these, and then cannot print the first in ISO form.
    g.voeg_toe("KP-1,2025-03-05,gesprek,B,,,,\n", "@0 -1200");
    g.voeg_toe("KP-1,2025-03-06,gesprek,B,,,,\n", "@253402300800 +0000");
    g.voeg_toe(
        "KP-1,2025-03-07,gesprek,B,,,,\n",
        "@9223372036854775807 +0000",
    );
    let o = g.check(&["--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["history"], "gelezen", "{}", stderr(&o));
    let registratie: Vec<(u64, String)> = found(&v, "KP-1", "art-7-registratie")
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Dates past the year 9999 in ISO 8601's expanded form; the last one is as far as a
    // date goes here. 31-12-1969 is before the gesprek of 05-03-2025: on time.
    assert_eq!(
        registratie,
        [
            (6, "+10000-01-01".to_string()),
            (7, "+262142-12-31".to_string())
        ]
    );

    // A date Git itself cannot read: a commit written by hand that changes the register.
    let pad = g.pad().join("gebeurtenissen.csv");
    let mut inhoud = std::fs::read_to_string(&pad).unwrap();
    inhoud.push_str("KP-1,2025-03-08,gesprek,B,,,,\n");
    std::fs::write(&pad, inhoud).unwrap();
    g.git(&["add", "-A"], None);
    let object = format!(
        "tree {}\nparent {}\nauthor a <a@b> 1735689600 +0000\n\
         committer a <a@b> -86400 +0000\n\nmet de hand\n",
        g.git(&["write-tree"], None),
        g.git(&["rev-parse", "HEAD"], None)
    );
    let mut c = Command::new("git");
    c.args([
        "hash-object",
        "-t",
        "commit",
        "-w",
        "--literally",
        "--stdin",
    ])
    .current_dir(g.pad())
    .stdin(std::process::Stdio::piped())
    .stdout(std::process::Stdio::piped());
    zonder_eigen_gitconfig(&mut c);
    let mut kind = c.spawn().unwrap();
    std::io::Write::write_all(kind.stdin.as_mut().unwrap(), object.as_bytes()).unwrap();
    let id = String::from_utf8(kind.wait_with_output().unwrap().stdout).unwrap();
    g.git(&["update-ref", "HEAD", id.trim()], None);
    onvolledig_in_elk_formaat(&g, "datum die Git zelf niet kan lezen");
}

/// Point 2, as the fuzz suite found it could break: the name and contact of every row of
/// `klachten.csv` are hidden from the case's texts, also of a duplicate or invalid row with
/// its number.
#[test]
fn ook_de_naam_uit_een_dubbele_of_ongeldige_rij_blijft_verborgen() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,B,Anouk de Vries,anouk@example.nl,x,,\n\
         KP-1,2025-03-04,email,preventie,B,Piet Klaasen,piet.klaasen@example.nl,x,,\n\
         KP-1,31-02-2025,email,preventie,B,Karel Appel,Dorpsstraat 1 Rotterdam,x,,\n",
        "KP-1,2025-03-20,uitspraak,Piet Klaasen,ongegrond,,Karel Appel belde over Dorpsstraat 1 Rotterdam,\n\
         KP-1,2025-03-21,verantwoording,directie,,,volgens Piet Klaasen,art-4.2-ontvangstbevestiging\n",
    );
    f.schrijf(
        "zaken/KP-1.md",
        "Gesprek met Piet Klaasen en Karel Appel.\n",
    );
    let uitvoer = alle_uitvoer(&f);
    nergens(
        &uitvoer,
        &["Piet Klaasen", "Karel Appel", "Dorpsstraat 1 Rotterdam"],
    );
}

/// The names of ignored columns are looked up among the names and contacts of invalid
/// rows too: a column named after the complainant of a row that is not checked is counted,
/// not shown.
#[test]
fn een_kolom_met_de_naam_uit_een_ongeldige_rij_wordt_niet_getoond() {
    let f = Fixture::new("", "");
    f.schrijf(
        "klachten.csv",
        format!(
            "{},Opmerking,Karel Appel
             KP-1,2025-03-03,email,preventie,B,Anouk de Vries,anouk@example.nl,x,,,,
             KP-2,31-02-2025,email,preventie,B,Karel Appel,karel@example.nl,x,,,,
",
            KLACHTEN_KOP.trim_end()
        ),
    );
    let v = check(&f, AS_OF);
    assert_eq!(v["summary"]["invalid"], 1, "{v}");
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("genegeerd (onbekend of dubbel): opmerking en 1 andere"),
        "{notes}"
    );
    nergens(&alle_uitvoer(&f), &["Karel Appel", "Anouk de Vries"]);
}

/// Point 3, as far as it reaches: a case file named after no case, with personal data in
/// its name, and a reason to stop that quotes reglement.toml, show none of it.
#[test]
fn ook_bestandsnamen_en_redenen_worden_afgeschermd() {
    let f = Fixture::new(
        "KP-1,2025-03-03,telefoon,preventie,B,A. Klager,a@example.nl,x,,\n",
        "",
    );
    f.schrijf("zaken/bel 06-12345678.md", "x");
    let uitvoer = alle_uitvoer(&f);
    nergens(&uitvoer, &["06-12345678"]);
    f.schrijf("reglement.toml", "naam = [\"06-12345678\"]\n");
    let o = run(&f, AS_OF);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("sleutel naam"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("12345678"), "{}", stderr(&o));
}
