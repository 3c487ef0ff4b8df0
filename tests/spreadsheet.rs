//! Exports for spreadsheets: `check --format csv`, and the site's `bevindingen.csv` and
//! `zaken.csv`, read back with the csv crate as a spreadsheet reads them.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const PEILDATUM: &str = "2026-11-24";
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A table as Dutch Excel reads it: a byte-order mark, then `;`-separated rows.
fn tabel(bytes: &[u8]) -> Vec<Vec<String>> {
    let zonder_bom = bytes
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("geen byte-order mark: {:?}", &bytes[..bytes.len().min(20)]));
    let mut lezer = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(zonder_bom);
    lezer
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn voorbeeld(args: &[&str]) -> std::process::Output {
    let mut alle = vec!["check", "--as-of", PEILDATUM];
    alle.extend_from_slice(args);
    klachten(&alle, &voorbeeldregister())
}

fn bouw(register: &Path, uit: &Path) {
    common::bouw(register, uit, PEILDATUM);
}

/// A column per field, a row per finding and per input error, in the JSON's order.
#[test]
fn een_rij_per_bevinding_en_invoerfout() {
    let o = voorbeeld(&["--format", "csv"]);
    let json = json(&voorbeeld(&["--format", "json"]));
    assert_eq!(code(&o), 1);
    let rijen = tabel(&o.stdout);
    assert_eq!(rijen[0], klachten::report::csv::KOLOMMEN);
    let bevindingen = json["findings"].as_array().unwrap();
    let fouten = json["input_errors"].as_array().unwrap();
    assert!(!bevindingen.is_empty() && !fouten.is_empty());
    assert_eq!(rijen.len() - 1, bevindingen.len() + fouten.len());
    assert!(rijen.iter().all(|r| r.len() == 10));
    let datum = |v: &Value| {
        v.as_str().map_or(String::new(), |d| {
            let (j, md) = d.split_at(4);
            format!("{}-{}-{j}", &md[4..], &md[1..3])
        })
    };
    for (rij, b) in rijen[1..].iter().zip(bevindingen) {
        assert_eq!(rij[0], b["case"].as_str().unwrap_or_default());
        assert_eq!(rij[1], b["rule"].as_str().unwrap());
        let ernst = match b["severity"].as_str().unwrap() {
            "error" => "overtreding",
            "warning" => "waarschuwing",
            _ => "informatie",
        };
        assert_eq!(rij[2], ernst);
        assert_eq!(rij[3], b["message"].as_str().unwrap());
        assert_eq!(rij[4], datum(&b["deadline"]));
        assert_eq!(rij[5], datum(&b["date"]));
        assert_eq!(rij[6], b["file"].as_str().unwrap());
        assert_eq!(
            rij[7],
            b["line"].as_u64().map_or(String::new(), |l| l.to_string())
        );
        assert_eq!(rij[9], b["justification"].as_str().unwrap_or_default());
    }
    // What counts is what the exit status counts.
    let tellend = rijen[1..=bevindingen.len()]
        .iter()
        .filter(|r| r[8] == "ja")
        .count();
    assert_eq!(
        tellend as u64,
        json["summary"]["counting"].as_u64().unwrap()
    );
    for (rij, f) in rijen[1 + bevindingen.len()..].iter().zip(fouten) {
        assert_eq!(rij[2], "invoerfout");
        assert_eq!(rij[6], f["file"].as_str().unwrap());
        assert_eq!(rij[7], f["line"].to_string());
        assert_eq!(rij[8], "ja");
        assert!(rij[3].contains(f["message"].as_str().unwrap()), "{rij:?}");
    }
    // The document owns stdout; the summary line goes to stderr.
    assert!(stderr(&o).contains("bevindingen"), "{}", stderr(&o));
}

/// `--strict` and `--since` decide what counts, as for the exit status.
#[test]
fn telt_mee_volgt_strict_en_since() {
    let telling = |args: &[&str]| {
        let mut alle = vec!["--format", "csv"];
        alle.extend_from_slice(args);
        let rijen = tabel(&voorbeeld(&alle).stdout);
        let mut json_args = vec!["--format", "json"];
        json_args.extend_from_slice(args);
        let json = json(&voorbeeld(&json_args));
        let bevindingen = json["findings"].as_array().unwrap().len();
        let ja = rijen[1..=bevindingen]
            .iter()
            .filter(|r| r[8] == "ja")
            .count();
        (ja as u64, json["summary"]["counting"].as_u64().unwrap())
    };
    let (gewoon, _) = telling(&[]);
    let (streng, verwacht) = telling(&["--strict"]);
    assert_eq!(streng, verwacht);
    assert!(streng > gewoon);
    let (sinds, verwacht) = telling(&["--since", "2026-01-01"]);
    assert_eq!(sinds, verwacht);
    assert!(sinds < gewoon);
}

/// A cell that a spreadsheet would run as a formula shows as text, in every table.
#[test]
fn geen_formule_in_een_cel() {
    // "-1" is a valid case number; the handler, description, category and the person
    // complained about, and a justification, all start like a formula.
    let f = Fixture::new(
        "-1,2025-03-03,email,preventie,@SOM(A1),J. Jansen,j@example.nl,\"-2+3\",+31 cat,=beklaagde\n",
        "-1,2025-03-12,ontvangstbevestiging,A,,,,\n\
         -1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         -1,2025-03-21,afsluiting,A,,,,\n\
         -1,2025-04-01,verantwoording,directie,,,\"=HYPERLINK(\"\"http://x\"\")\",art-4.2-ontvangstbevestiging\n",
    );
    let zonder_formule = |rijen: &[Vec<String>]| {
        assert!(rijen.len() > 1);
        for rij in rijen {
            for cel in rij {
                assert!(
                    !cel.starts_with(['=', '+', '-', '@']),
                    "formule in {cel:?}: {rij:?}"
                );
            }
        }
    };
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--format", "csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let rijen = tabel(&o.stdout);
    zonder_formule(&rijen);
    assert_eq!(rijen[1][0], "'-1");
    assert_eq!(rijen[1][9], "'=HYPERLINK(\"http://x\")");
    let uit = f.pad().join("site");
    bouw(f.pad(), &uit);
    for bestand in ["zaken.csv", "bevindingen.csv"] {
        zonder_formule(&tabel(&std::fs::read(uit.join(bestand)).unwrap()));
    }
    let zaken = tabel(&std::fs::read(uit.join("zaken.csv")).unwrap());
    let kop = &zaken[0];
    let kolom = |naam: &str| &zaken[1][kop.iter().position(|k| k == naam).unwrap()];
    assert_eq!(kolom("zaak"), "'-1");
    assert_eq!(kolom("behandelaar"), "'@SOM(A1)");
    assert_eq!(kolom("omschrijving"), "'-2+3");
    assert_eq!(kolom("categorie"), "'+31 cat");
    assert_eq!(kolom("beklaagde"), "'=beklaagde");
}

/// The site offers the findings as `check --format csv` writes them, and a row per case
/// with a column per field; never the complainant's name or contact details (which the
/// site's own test looks for in every file).
#[test]
fn de_site_biedt_bevindingen_en_zaken() {
    let map = tempfile::tempdir().unwrap();
    let uit = map.path().join("site");
    bouw(&voorbeeldregister(), &uit);
    let bevindingen = std::fs::read(uit.join("bevindingen.csv")).unwrap();
    assert_eq!(bevindingen, voorbeeld(&["--format", "csv"]).stdout);
    let json = json(&voorbeeld(&["--format", "json"]));
    let zaken = tabel(&std::fs::read(uit.join("zaken.csv")).unwrap());
    let s = &json["summary"];
    let aantal = s["cases"].as_u64().unwrap()
        - s["invalid"].as_u64().unwrap()
        - s["left_out"].as_u64().unwrap();
    assert_eq!(zaken.len() as u64 - 1, aantal);
    assert_eq!(zaken[0].len(), 17);
    assert!(zaken.iter().all(|r| r.len() == 17));
    assert!(!zaken[0].iter().any(|k| k == "klager" || k == "contact"));
    // SL-2024-001's row: what its case page shows.
    let rij = zaken.iter().find(|r| r[0] == "SL-2024-001").unwrap();
    assert_eq!(&rij[1..4], ["09-09-2024", "email", "re-integratie"]);
    let s = &zaken[0];
    let bij = |naam: &str| &rij[s.iter().position(|k| k == naam).unwrap()];
    assert_eq!(bij("categorie"), "facturatie");
    assert_eq!(bij("behandelaar"), "M. de Boer");
    assert_eq!(
        bij("omschrijving"),
        "Uren gefactureerd voor gesprekken die niet hebben plaatsgevonden"
    );
    // The pages link to both.
    let html = |pad: &str| std::fs::read_to_string(uit.join(pad)).unwrap();
    assert!(html("zaken.html").contains("href=\"zaken.csv\""));
    assert!(html("overtredingen.html").contains("href=\"bevindingen.csv\""));
}

/// Every column of both tables is documented.
#[test]
fn elke_kolom_staat_in_de_documentatie() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/spreadsheet.md"))
            .unwrap();
    let kolommen = klachten::report::csv::KOLOMMEN
        .iter()
        .chain(&klachten::site::zakenlijst::SPREADSHEETKOLOMMEN);
    for kolom in kolommen {
        assert!(docs.contains(&format!("`{kolom}`")), "{kolom}");
    }
}
