//! The register as Excel saves it: the sample register saved as Dutch Excel's "CSV
//! (gescheiden door lijstscheidingsteken)" (Windows-1252, `;`, dates as DD-MM-YYYY, CRLF)
//! and as its "Unicode-tekst" (UTF-16 with a byte-order mark, tabs) gives the same findings
//! and the same values as the UTF-8 original.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const PEILDATUM: &str = "2026-11-24";

/// The columns that hold dates.
const DATUMKOLOMMEN: [&str; 3] = ["ontvangen", "datum", "termijn"];

/// How a spreadsheet saves a table.
struct Opslag {
    scheidingsteken: u8,
    dag_eerst: bool,
    codeer: fn(&str) -> Vec<u8>,
}

fn windows_1252(tekst: &str) -> Vec<u8> {
    let (bytes, _, onmogelijk) = encoding_rs::WINDOWS_1252.encode(tekst);
    assert!(!onmogelijk, "niet in Windows-1252 te schrijven");
    bytes.into_owned()
}

fn utf16_le(tekst: &str) -> Vec<u8> {
    let mut uit = vec![0xFF, 0xFE];
    uit.extend(tekst.encode_utf16().flat_map(u16::to_le_bytes));
    uit
}

const EXCEL_CSV: Opslag = Opslag {
    scheidingsteken: b';',
    dag_eerst: true,
    codeer: windows_1252,
};

const UNICODE_TEKST: Opslag = Opslag {
    scheidingsteken: b'\t',
    dag_eerst: false,
    codeer: utf16_le,
};

/// `YYYY-MM-DD` as `DD-MM-YYYY`; anything else as it is.
fn dag_eerst(waarde: &str) -> String {
    match waarde.split('-').collect::<Vec<_>>()[..] {
        [j, m, d] if j.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}-{m}-{j}"),
        _ => waarde.to_string(),
    }
}

/// A CSV file of the sample register saved the way `opslag` says.
fn opgeslagen(origineel: &Path, opslag: &Opslag) -> Vec<u8> {
    let mut lezer = csv::Reader::from_path(origineel).unwrap();
    let kop = lezer.headers().unwrap().clone();
    let mut schrijver = csv::WriterBuilder::new()
        .delimiter(opslag.scheidingsteken)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    schrijver.write_record(&kop).unwrap();
    for record in lezer.records() {
        let record = record.unwrap();
        let velden: Vec<String> = record
            .iter()
            .zip(&kop)
            .map(|(waarde, kolom)| {
                if opslag.dag_eerst && DATUMKOLOMMEN.contains(&kolom) {
                    dag_eerst(waarde)
                } else {
                    waarde.to_string()
                }
            })
            .collect();
        schrijver.write_record(&velden).unwrap();
    }
    let tekst = String::from_utf8(schrijver.into_inner().unwrap()).unwrap();
    (opslag.codeer)(&tekst)
}

/// A copy of the sample register, outside Git (its history is no part of this), with its
/// CSV files saved as `opslag` says (as they are for None).
fn register(opslag: Option<&Opslag>) -> Fixture {
    let f = Fixture::leeg();
    let bron = voorbeeldregister();
    for item in walkdir::WalkDir::new(&bron) {
        let item = item.unwrap();
        let relatief = item.path().strip_prefix(&bron).unwrap();
        if !item.file_type().is_file() {
            continue;
        }
        let naam = relatief.to_string_lossy().replace('\\', "/");
        let inhoud = match opslag {
            Some(opslag) if naam.ends_with(".csv") => opgeslagen(item.path(), opslag),
            _ => std::fs::read(item.path()).unwrap(),
        };
        f.schrijf(&naam, inhoud);
    }
    f
}

/// The JSON of `check`: findings, input errors without their values (a date keeps the
/// form it was written in), the summary without the evidence stamp (it names the bytes),
/// and the notes.
fn uitkomst(f: &Fixture) -> (Value, Vec<Value>, Value, Vec<String>) {
    let mut v = check(f, PEILDATUM);
    let mut fouten = v["input_errors"].as_array().unwrap().clone();
    for fout in &mut fouten {
        fout.as_object_mut().unwrap().remove("value");
    }
    v["summary"].as_object_mut().unwrap().remove("source");
    let notities = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    (v["findings"].take(), fouten, v["summary"].take(), notities)
}

/// Every value the register loaded, complainant's name and contact included; only how
/// event dates were written is left out.
fn waarden(f: &Fixture) -> String {
    let peildatum = klachten::datum::lees(PEILDATUM).unwrap();
    let register = klachten::Register::laad(f.pad(), peildatum).unwrap();
    let mut zaken = register.zaken;
    for zaak in &mut zaken {
        for g in &mut zaak.gebeurtenissen {
            g.datum_dag_eerst = false;
        }
    }
    format!("{zaken:#?}")
}

fn zelfde_als_het_origineel(opslag: &Opslag, codering: &str) {
    let origineel = register(None);
    let kopie = register(Some(opslag));
    let (bevindingen, fouten, samenvatting, notities) = uitkomst(&origineel);
    let (k_bevindingen, k_fouten, k_samenvatting, k_notities) = uitkomst(&kopie);
    assert!(!bevindingen.as_array().unwrap().is_empty());
    assert_eq!(k_bevindingen, bevindingen);
    assert_eq!(k_fouten, fouten);
    assert_eq!(k_samenvatting, samenvatting);
    assert_eq!(waarden(&kopie), waarden(&origineel));
    // One note per file, saying how it was read; the other notes (no Git history) are
    // the original's.
    assert!(
        !notities.iter().any(|n| n.contains("gelezen als")),
        "{notities:?}"
    );
    let extra: Vec<&String> = k_notities
        .iter()
        .filter(|n| !notities.contains(n))
        .collect();
    assert_eq!(extra.len(), 2, "{k_notities:?}");
    for (notitie, bestand) in extra
        .into_iter()
        .zip(["klachten.csv", "gebeurtenissen.csv"])
    {
        assert!(
            notitie.starts_with(&format!("{bestand}: gelezen als {codering}")),
            "{notitie}"
        );
        assert!(notitie.contains("CSV UTF-8"), "{notitie}");
    }
}

#[test]
fn windows_1252_met_puntkomma_en_dag_eerst_geeft_dezelfde_bevindingen() {
    zelfde_als_het_origineel(&EXCEL_CSV, "Windows-1252");
}

#[test]
fn utf16_met_tabs_geeft_dezelfde_bevindingen() {
    zelfde_als_het_origineel(&UNICODE_TEKST, "UTF-16");
}

/// The sample register has the characters that Windows-1252 and UTF-8 write differently
/// in every kind of text: names, descriptions and categories.
#[test]
fn het_voorbeeldregister_heeft_tekens_buiten_ascii() {
    let kolom = |bestand: &str, namen: &[&str]| -> String {
        let mut lezer = csv::Reader::from_path(voorbeeldregister().join(bestand)).unwrap();
        let kop = lezer.headers().unwrap().clone();
        let mut tekst = String::new();
        for record in lezer.records() {
            for (waarde, k) in record.unwrap().iter().zip(&kop) {
                if namen.contains(&k) {
                    tekst.push_str(waarde);
                }
            }
        }
        tekst
    };
    let namen = kolom("klachten.csv", &["klager", "behandelaar", "beklaagde"]);
    let omschrijvingen =
        kolom("klachten.csv", &["omschrijving"]) + &kolom("gebeurtenissen.csv", &["toelichting"]);
    let categorieen = kolom("klachten.csv", &["categorie"]);
    for (soort, tekst, tekens) in [
        ("namen", &namen, &['é', 'ë', 'ï'][..]),
        ("omschrijvingen", &omschrijvingen, &['é', 'ë', 'ï', '€'][..]),
        ("categorieën", &categorieen, &['é', 'ë', 'ï', '€'][..]),
    ] {
        for teken in tekens {
            assert!(tekst.contains(*teken), "geen {teken} in de {soort}");
        }
    }
}

/// A file with a multi-byte UTF-8 character before its first byte that is no UTF-8 stays
/// UTF-8: the row with that byte is an input error, every other row is read.
#[test]
fn een_beschadigd_utf8_bestand_blijft_utf8() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        [
            KLACHTEN_KOP.as_bytes(),
            "KP-1,2025-03-03,email,preventie,Zoë Bakker,J. Jansen,j@example.nl,Te laat,,\n"
                .as_bytes(),
            b"KP-2,2025-03-03,email,preventie,Ren\xE9 Smit,J. Jansen,j@example.nl,Te laat,,\n",
        ]
        .concat(),
    );
    f.schrijf("gebeurtenissen.csv", GEBEURTENISSEN_KOP);
    let v = check(&f, "2025-03-04");
    let fouten = v["input_errors"].as_array().unwrap();
    assert_eq!(fouten.len(), 1, "{fouten:?}");
    assert_eq!(fouten[0]["line"], 3);
    assert_eq!(fouten[0]["column"], "behandelaar");
    assert_eq!(v["summary"]["checked"], 1);
    let notities = v["notes"].as_array().unwrap();
    assert!(
        !notities
            .iter()
            .any(|n| n.as_str().unwrap().contains("gelezen als")),
        "{notities:?}"
    );
}
