//! Reading the register (spec sections 2 to 4 and 9): both CSV dialects, and every kind of
//! input error, each naming file, line, column and value while the rest is still checked.

mod common;

use common::*;
use serde_json::{json, Value};

const GOED: &str = "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,communicatie,\n";
const GOED_EVENTS: &str = "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n";

fn check(f: &Fixture) -> (Value, i32) {
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--format", "json"]);
    (json(&o), o.status.code().unwrap_or(-1))
}

fn invoerfouten(v: &Value) -> Vec<Value> {
    v["input_errors"].as_array().cloned().unwrap_or_default()
}

/// A valid row of klachten.csv for case `id`, received on `ontvangen`.
fn zaakrij(id: &str, ontvangen: &str) -> String {
    format!("{id},{ontvangen},email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat,,\n")
}

/// Checks a register whose cases all pass: exit status 1 for its input errors alone, and no
/// finding. Gives the JSON and its input errors.
fn alleen_invoerfouten(klachten: &[String], gebeurtenissen: &[String]) -> (Value, Vec<Value>) {
    let (v, code) = check(&Fixture::new(&klachten.concat(), &gebeurtenissen.concat()));
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["findings"], json!([]), "{v:#}");
    let fouten = invoerfouten(&v);
    (v, fouten)
}

#[test]
fn een_schoon_register_slaagt() {
    let f = Fixture::new(GOED, GOED_EVENTS);
    let (v, code) = check(&f);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["cases"], 1);
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["findings"], json!([]));
    assert_eq!(v["input_errors"], json!([]));
}

#[test]
fn puntkomma_bom_crlf_ddmmjjjj_en_vrije_kolomvolgorde() {
    let f = Fixture::leeg();
    let mut klachten = b"\xEF\xBB\xBF".to_vec();
    klachten.extend_from_slice(
        " Dienst ;ZAAK;Ontvangen;kanaal;Behandelaar;klager;contact;omschrijving\r\n\
         Preventie;KP-1;03-03-2025;EMAIL;A. Bakker;J. Jansen;\"Straat 1; Vlierden\";\"Regel een\r\nregel twee; met puntkomma\"\r\n\
         preventie;KP-2;2025-03-03;brief;A. Bakker;K. Klaas;k@example.nl;Kort\r\n"
            .as_bytes(),
    );
    f.schrijf("klachten.csv", klachten);
    f.schrijf(
        "gebeurtenissen.csv",
        "soort;zaak;datum;door;oordeel\r\nOntvangstbevestiging;KP-1;04-03-2025;A. Bakker;\r\n\
         uitspraak;KP-1;2025-03-20;A. Bakker;Ongegrond\r\nafsluiting;KP-1;2025-03-21;A. Bakker;\r\n\
         ontvangstbevestiging;KP-2;2025-03-04;A. Bakker;\r\nuitspraak;KP-2;2025-03-20;A. Bakker;ongegrond\r\n\
         afsluiting;KP-2;2025-03-21;A. Bakker;\r\n",
    );
    let (v, code) = check(&f);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["cases"], 2);
    assert_eq!(v["summary"]["checked"], 2);
}

#[test]
fn regelnummer_is_de_beginregel_van_een_record_met_regeleinden() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,\"een\ntwee\ndrie\",,\n\
         KP-2,2025-13-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,x,,\n",
        "",
    );
    let (v, code) = check(&f);
    assert_eq!(code, 1);
    assert_eq!(
        invoerfouten(&v),
        vec![
            json!({"file": "klachten.csv", "line": 5, "column": "ontvangen", "value": "2025-13-03",
                    "message": "geen bestaande datum"})
        ]
    );
}

#[test]
fn onbekende_kolom_geeft_een_waarschuwing_en_wordt_genegeerd() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        KLACHTEN_KOP.replace('\n', ",extra\n") + &GOED.replace('\n', ",x\n"),
    );
    f.schrijf(
        "gebeurtenissen.csv",
        format!("{GEBEURTENISSEN_KOP}{GOED_EVENTS}"),
    );
    let (v, code) = check(&f);
    assert_eq!(code, 0, "{v}");
    let notes = v["notes"].to_string();
    assert!(notes.contains("extra"), "{notes}");
}

/// A column named twice: the first counts, the second is ignored and the note says so.
#[test]
fn dubbele_kolom_geeft_een_waarschuwing_en_de_eerste_telt() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        KLACHTEN_KOP.replace('\n', ",Ontvangen\n") + &GOED.replace('\n', ",nooit\n"),
    );
    f.schrijf(
        "gebeurtenissen.csv",
        format!("{GEBEURTENISSEN_KOP}{GOED_EVENTS}"),
    );
    let (v, code) = check(&f);
    assert_eq!(code, 0, "{v}");
    let notes = v["notes"].to_string();
    assert!(notes.contains("ontvangen (nogmaals)"), "{notes}");
}

/// Each input error kind of section 9, with the error it must produce.
#[test]
fn elke_soort_invoerfout() {
    let gevallen: Vec<(&str, &str, Value)> = vec![
        // required value empty
        (
            "KP-2,2025-03-03,email,preventie,,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "behandelaar", "value": ""}),
        ),
        // unparsable date
        (
            "KP-2,3 maart 2025,email,preventie,A,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "ontvangen", "value": "3 maart 2025"}),
        ),
        // unknown kanaal
        (
            "KP-2,2025-03-03,fax,preventie,A,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "kanaal", "value": "fax"}),
        ),
        // unknown dienst
        (
            "KP-2,2025-03-03,email,catering,A,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "dienst", "value": "catering"}),
        ),
        // duplicate zaak: the later row is the error
        (
            "KP-1,2025-04-03,email,preventie,A,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "zaak", "value": "KP-1"}),
        ),
        // characters outside the allowed set
        (
            "KP 2/../x,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "zaak", "value": "KP 2/../x"}),
        ),
        (
            ".verborgen,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": "zaak", "value": ".verborgen"}),
        ),
        // malformed record (field count)
        (
            "KP-2,2025-03-03,email\n",
            "",
            json!({"file": "klachten.csv", "line": 3, "column": null, "value": null}),
        ),
        // unknown soort
        (
            "",
            "KP-1,2025-03-22,telefoontje,A,,,,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "soort", "value": "telefoontje"}),
        ),
        // unknown oordeel
        (
            "",
            "KP-1,2025-03-22,beroepsuitspraak,directie,half,,,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "oordeel", "value": "half"}),
        ),
        // impossible date
        (
            "",
            "KP-1,31-02-2025,gesprek,A,,,,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "datum", "value": "31-02-2025",
                   "message": "geen bestaande datum"}),
        ),
        // bad termijn date
        (
            "",
            "KP-1,2025-03-10,verlenging,A,,volgende week,reden,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "termijn", "value": "volgende week"}),
        ),
        // event for an unknown zaak
        (
            "",
            "KP-9,2025-03-10,gesprek,A,,,,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "zaak", "value": "KP-9"}),
        ),
        // event before ontvangen
        (
            "",
            "KP-1,2025-03-01,gesprek,A,,,,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "datum", "value": "2025-03-01"}),
        ),
        // beroepsuitspraak with no beroep before it
        (
            "",
            "KP-1,2025-03-25,beroepsuitspraak,directie,ongegrond,,,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "soort", "value": "beroepsuitspraak"}),
        ),
        // verantwoording without regel / with unknown regel / without door / without toelichting
        (
            "",
            "KP-1,2025-03-25,verantwoording,directie,,,reden,\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "regel", "value": ""}),
        ),
        (
            "",
            "KP-1,2025-03-25,verantwoording,directie,,,reden,art-99\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "regel", "value": "art-99"}),
        ),
        (
            "",
            "KP-1,2025-03-25,verantwoording,,,,reden,art-4.2-ontvangstbevestiging\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "door", "value": ""}),
        ),
        (
            "",
            "KP-1,2025-03-25,verantwoording,directie,,,,art-4.2-ontvangstbevestiging\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "toelichting", "value": ""}),
        ),
        // a verantwoording is checked whatever its date, also after the peildatum
        (
            "",
            "KP-1,2030-01-01,verantwoording,directie,,,,art-4.2-ontvangstbevestiging\n",
            json!({"file": "gebeurtenissen.csv", "line": 5, "column": "toelichting", "value": ""}),
        ),
    ];
    for (klachten, gebeurtenissen, verwacht) in gevallen {
        let f = Fixture::new(
            &format!("{GOED}{klachten}"),
            &format!("{GOED_EVENTS}{gebeurtenissen}"),
        );
        let (v, code) = check(&f);
        assert_eq!(code, 1, "{verwacht}: {v}");
        let fouten = invoerfouten(&v);
        assert_eq!(fouten.len(), 1, "{verwacht}: {v}");
        for (k, waarde) in verwacht.as_object().unwrap() {
            assert_eq!(&fouten[0][k], waarde, "{k} in {}", fouten[0]);
        }
        assert!(!fouten[0]["message"].as_str().unwrap().is_empty());
        // Nothing else is lost: the valid case is still checked.
        assert_eq!(v["summary"]["checked"], 1, "{v}");
    }
}

#[test]
fn beroep_zonder_uitspraak_en_heropend_zonder_afsluiting() {
    let f = Fixture::new(
        GOED,
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\n\
         KP-1,2025-03-05,beroep,,,,,\n\
         KP-1,2025-03-06,heropend,,,,,\n\
         KP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\n",
    );
    let (v, _) = check(&f);
    let fouten = invoerfouten(&v);
    assert_eq!(fouten.len(), 2, "{v}");
    assert_eq!(fouten[0]["line"], 3);
    assert_eq!(fouten[0]["value"], "beroep");
    assert_eq!(fouten[1]["line"], 4);
    assert_eq!(fouten[1]["value"], "heropend");
    // The case is still checked with its valid events: on time, nothing found.
    assert_eq!(v["findings"], json!([]));
}

#[test]
fn ontbrekende_verplichte_kolom_is_een_fout_voor_het_bestand() {
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", "zaak,ontvangen,kanaal,behandelaar,klager,contact,omschrijving\nKP-1,2025-03-03,email,A,J,j@x.nl,x\n");
    f.schrijf("gebeurtenissen.csv", GEBEURTENISSEN_KOP);
    let (v, code) = check(&f);
    assert_eq!(code, 1);
    let fouten = invoerfouten(&v);
    assert_eq!(fouten[0]["file"], "klachten.csv");
    assert_eq!(fouten[0]["column"], "dienst");
    assert_eq!(fouten[0]["line"], 1);
    assert_eq!(v["summary"]["invalid"], 1);
}

#[test]
fn een_ontbrekende_kolom_staat_op_de_regel_van_de_kopregel() {
    let f = Fixture::leeg();
    f.schrijf("gebeurtenissen.csv", GEBEURTENISSEN_KOP);
    // Blank lines before the header (LF, CRLF and CR): the error points at the header
    // itself.
    for (klachten, regel) in [
        (
            "\n\nzaak,ontvangen,kanaal,behandelaar\nKP-1,2025-03-03,email,A\n",
            3,
        ),
        (
            "\r\nzaak;ontvangen;kanaal;behandelaar\r\nKP-1;2025-03-03;email;A\r\n",
            2,
        ),
        (
            "\r\rzaak,ontvangen,kanaal,behandelaar\rKP-1,2025-03-03,email,A\r",
            3,
        ),
        // No header at all: line 1.
        ("", 1),
        ("\n\n", 1),
    ] {
        f.schrijf("klachten.csv", klachten);
        let (v, _) = check(&f);
        let fouten = invoerfouten(&v);
        let dienst = fouten.iter().find(|f| f["column"] == "dienst");
        let dienst = dienst.unwrap_or_else(|| panic!("{klachten:?}: {fouten:?}"));
        assert_eq!(dienst["file"], "klachten.csv");
        assert_eq!(dienst["line"], regel, "{klachten:?}");
    }
}

#[test]
fn ontbrekende_gebeurtenissen_is_een_fout_zonder_regel() {
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", format!("{KLACHTEN_KOP}{GOED}"));
    let (v, code) = check(&f);
    assert_eq!(code, 1);
    let fouten = invoerfouten(&v);
    assert_eq!(fouten.len(), 1);
    assert_eq!(fouten[0]["file"], "gebeurtenissen.csv");
    assert_eq!(fouten[0]["line"], Value::Null);
    // The case is checked as having no events: no acknowledgement.
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["findings"][0]["rule"], "art-4.2-ontvangstbevestiging");
}

#[test]
fn dossier_zonder_zaak() {
    let f = Fixture::new(GOED, GOED_EVENTS);
    f.schrijf("zaken/KP-1.md", "# Dossier\nNiets bijzonders.\n");
    f.schrijf("zaken/KP-7.md", "# Dossier\n");
    f.schrijf("zaken/notities.txt", "geen dossier\n");
    let (v, _) = check(&f);
    let fouten = invoerfouten(&v);
    assert_eq!(fouten.len(), 1, "{v}");
    assert_eq!(fouten[0]["file"], "zaken/KP-7.md");
    assert_eq!(fouten[0]["line"], Value::Null);
}

#[test]
fn ongeldige_zaakregel_wordt_niet_gecontroleerd_en_haar_gebeurtenissen_niet_als_onbekend_gemeld() {
    let f = Fixture::new(
        &format!("{GOED}KP-2,2025-02-30,email,preventie,A,J,j@x.nl,x,,\n"),
        &format!("{GOED_EVENTS}KP-2,2025-03-04,ontvangstbevestiging,A,,,,\n"),
    );
    let (v, _) = check(&f);
    assert_eq!(invoerfouten(&v).len(), 1, "{v}");
    assert_eq!(v["summary"]["cases"], 2);
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["summary"]["invalid"], 1);
}

/// A row with a field too many (an unquoted comma in the description) is an input error
/// of its own; its case is known, so its events are not reported as of an unknown case.
#[test]
fn een_rij_met_te_veel_velden_en_haar_gebeurtenissen() {
    let f = Fixture::new(
        &format!("{GOED}KP-2,2025-03-03,email,preventie,A,J,j@x.nl,traag, en onvriendelijk,,\n"),
        &format!("{GOED_EVENTS}KP-2,2025-03-04,ontvangstbevestiging,A,,,,\n"),
    );
    let (v, _) = check(&f);
    let fouten = invoerfouten(&v);
    assert_eq!(fouten.len(), 1, "{v}");
    assert_eq!(fouten[0]["file"], "klachten.csv");
    assert_eq!(fouten[0]["line"], 3);
    assert_eq!(v["summary"]["invalid"], 1);
    assert_eq!(v["summary"]["events_invalid"], 1);
}

/// A quoted field that is never closed runs to the end of the file and takes the rows
/// after it with it: an input error on its line that says the rest was not read, never a
/// case whose text holds other rows (and other complainants' names).
#[test]
fn een_aanhalingsteken_dat_niet_sluit_is_een_invoerfout() {
    let f = Fixture::new(
        &format!(
            "{GOED}KP-2,2025-03-03,email,preventie,A,J,j@x.nl,\"klacht over,,\n\
             KP-3,2025-03-05,email,preventie,A,Anouk de Vries,anouk@example.nl,x,,\n"
        ),
        GOED_EVENTS,
    );
    let (v, code) = check(&f);
    assert_eq!(code, 1, "{v}");
    let fouten = invoerfouten(&v);
    assert_eq!(fouten.len(), 1, "{v}");
    assert_eq!(fouten[0]["line"], 3);
    assert!(
        fouten[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("aanhalingsteken niet gesloten"),
        "{v}"
    );
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["summary"]["invalid"], 1);
    let uit = tempfile::tempdir().unwrap();
    bouw(f.pad(), &uit.path().join("site"), "2025-06-01");
    for bestand in walkdir::WalkDir::new(uit.path()) {
        let bestand = bestand.unwrap();
        if bestand.file_type().is_file() {
            let inhoud = std::fs::read(bestand.path()).unwrap();
            let tekst = String::from_utf8_lossy(&inhoud);
            assert!(!tekst.contains("Anouk"), "{}", bestand.path().display());
        }
    }
}

/// A case file saved in Windows-1252 (Notepad, an export) is read as its text, with a
/// note, as the CSV files are; one in UTF-8 with a byte-order mark shows without it.
#[test]
fn een_dossier_in_windows_1252_of_met_bom() {
    let f = Fixture::new(GOED, GOED_EVENTS);
    f.schrijf(
        "zaken/KP-1.md",
        b"# Gesprek\n\nZo\xEB belde over het caf\xE9.\n",
    );
    let (v, _) = check(&f);
    assert_eq!(invoerfouten(&v), Vec::<Value>::new(), "{v}");
    let notities = v["notes"].to_string();
    assert!(
        notities.contains("zaken/KP-1.md: gelezen als Windows-1252"),
        "{notities}"
    );
    let uit = tempfile::tempdir().unwrap();
    bouw(f.pad(), uit.path(), "2025-06-01");
    let pagina = lees(uit.path(), &klachten::site::weergave::zaakpad("KP-1"));
    assert!(pagina.contains("Zoë belde over het café."), "{pagina}");

    f.schrijf(
        "zaken/KP-1.md",
        "\u{FEFF}# Gesprek\n\nZoë belde.\n".as_bytes(),
    );
    let (v, _) = check(&f);
    assert!(!v["notes"].to_string().contains("zaken/KP-1.md"), "{v}");
    bouw(f.pad(), uit.path(), "2025-06-01");
    let pagina = lees(uit.path(), &klachten::site::weergave::zaakpad("KP-1"));
    assert!(pagina.contains("Zoë belde."), "{pagina}");
    assert!(!pagina.contains('\u{FEFF}'), "{pagina}");
}

#[test]
fn peildatum_laat_latere_zaken_en_gebeurtenissen_weg() {
    let f = Fixture::new(
        &format!("{GOED}KP-2,2025-07-01,email,preventie,A,J,j@x.nl,x,,\n"),
        &format!("{GOED_EVENTS}KP-2,2025-07-02,ontvangstbevestiging,A,,,,\n"),
    );
    f.schrijf("zaken/KP-2.md", "Later dossier\n");
    let o = f.klachten(&["check", "--as-of", "2025-03-19", "--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["cases"], 2);
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["summary"]["left_out"], 1);
    // Uitspraak (03-20), afsluiting (03-21) and KP-2's event are after the peildatum.
    assert_eq!(v["summary"]["events_left_out"], 3);
    assert_eq!(v["input_errors"], json!([]));
    // At that day the decision was not yet due, the acknowledgement was on time.
    assert_eq!(o.status.code(), Some(0), "{v}");
}

#[test]
fn kolommen_van_artikel_4_1_mogen_ontbreken_en_geven_dan_de_bevinding() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        "zaak,ontvangen,kanaal,dienst,behandelaar\nKP-1,2025-03-03,email,preventie,A\n",
    );
    f.schrijf(
        "gebeurtenissen.csv",
        format!("{GEBEURTENISSEN_KOP}{GOED_EVENTS}"),
    );
    let (v, code) = check(&f);
    assert_eq!(v["input_errors"], json!([]), "{v}");
    assert_eq!(v["summary"]["checked"], 1);
    let b = &v["findings"][0];
    assert_eq!(b["rule"], "art-4.1-gegevens");
    assert!(b["message"]
        .as_str()
        .unwrap()
        .contains("naam van de klager"));
    assert_eq!(code, 0, "a warning only");
}

#[test]
fn regelnummers_kloppen_ook_met_crlf_en_lege_regels() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        "zaak;ontvangen;kanaal;dienst;behandelaar;klager;contact;omschrijving\r\n\
         KP-1;2025-03-03;email;preventie;A;J;j@x.nl;x\r\n\
         \r\n\
         KP-2;2025-03-03;email;preventie;A;J;j@x.nl;\"twee\r\nregels\"\r\n\
         KP-3;2025-02-30;email;preventie;A;J;j@x.nl;x\r\n",
    );
    f.schrijf(
        "gebeurtenissen.csv",
        "zaak;datum;soort\r\n\r\nKP-1;2025-03-04;ontvangstbevestiging\r\nKP-1;31-02-2025;gesprek\r\n",
    );
    let (v, _) = check(&f);
    let regels: Vec<(String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["case"].as_str().unwrap().into(),
                b["rule"].as_str().unwrap().into(),
                b["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        regels.contains(&("KP-1".into(), "art-4.3-termijn".into(), 2)),
        "{regels:?}"
    );
    assert!(
        regels.contains(&("KP-2".into(), "art-4.2-ontvangstbevestiging".into(), 4)),
        "{regels:?}"
    );
    let fouten = invoerfouten(&v);
    let plekken: Vec<(String, u64)> = fouten
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().into(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        plekken,
        [("gebeurtenissen.csv".into(), 4), ("klachten.csv".into(), 6)],
        "{fouten:?}"
    );
}

/// The later of two rows with the same number is the error, also when the first row is
/// invalid itself: neither is checked, and the case's events go unchecked with them.
#[test]
fn dubbele_zaak_na_een_ongeldige_rij() {
    let f = Fixture::new(
        &format!(
            "KP-1,32-01-2025,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat,,\n{GOED}"
        ),
        GOED_EVENTS,
    );
    let (v, code) = check(&f);
    assert_eq!(code, 1, "{v}");
    let fouten = invoerfouten(&v);
    assert_eq!(fouten.len(), 2, "{v:#}");
    assert_eq!(fouten[0]["line"], 2);
    assert_eq!(fouten[0]["column"], "ontvangen");
    assert_eq!(fouten[1]["line"], 3);
    assert_eq!(fouten[1]["column"], "zaak");
    assert_eq!(fouten[1]["value"], "KP-1");
    assert!(
        fouten[1]["message"]
            .as_str()
            .is_some_and(|m| m.contains("regel 2")),
        "{v:#}"
    );
    assert_eq!(v["findings"], json!([]));
    assert_eq!(v["summary"]["cases"], 2);
    assert_eq!(v["summary"]["checked"], 0);
    assert_eq!(v["summary"]["invalid"], 2);
    assert_eq!(v["summary"]["events_invalid"], 3);

    // The same when the valid row was received after the peildatum: its events are set
    // aside with the case, as invalid, not left out as if the case were checked later.
    let f = Fixture::new(
        &format!(
            "KP-1,32-01-2025,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat,,\n{}",
            zaakrij("KP-1", "2025-07-01")
        ),
        GOED_EVENTS,
    );
    let (v, code) = check(&f);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["summary"]["invalid"], 2, "{v:#}");
    assert_eq!(v["summary"]["left_out"], 0, "{v:#}");
    assert_eq!(v["summary"]["events_invalid"], 3, "{v:#}");
    assert_eq!(v["summary"]["events_left_out"], 0, "{v:#}");
}

/// A valid row and, further down, an invalid row with its number: the case is checked
/// (its valid row came first) and the later row is an input error of its own. Across some
/// thousands of rows, as a register of that size reads them.
#[test]
fn geldige_zaak_voor_een_ongeldige_rij_met_hetzelfde_nummer() {
    let rij = |i: usize, ontvangen: &str| zaakrij(&format!("KP-{i}"), ontvangen);
    let mut klachten: String = (0..1500).map(|i| rij(i, "2025-03-03")).collect();
    for i in [1, 700, 1499] {
        klachten.push_str(&rij(i, "32-01-2025"));
    }
    let events: String = [1, 700, 1499]
        .iter()
        .map(|i| GOED_EVENTS.replace("KP-1,", &format!("KP-{i},")))
        .collect();
    let (v, _) = check(&Fixture::new(&klachten, &events));
    assert_eq!(v["summary"]["cases"], 1503, "{}", v["summary"]);
    assert_eq!(v["summary"]["checked"], 1500, "{}", v["summary"]);
    assert_eq!(v["summary"]["invalid"], 3, "{}", v["summary"]);
    assert_eq!(v["summary"]["events_invalid"], 0, "{}", v["summary"]);
    let fouten = invoerfouten(&v);
    let regels: Vec<&Value> = fouten.iter().map(|f| &f["line"]).collect();
    assert_eq!(
        regels,
        [&json!(1502), &json!(1503), &json!(1504)],
        "{fouten:#?}"
    );
    assert!(
        fouten.iter().all(|f| f["column"] == "ontvangen"),
        "{fouten:#?}"
    );
    // The three cases' events were theirs: no finding says an event is missing.
    for id in ["KP-1", "KP-700", "KP-1499"] {
        assert!(
            !v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["case"] == id),
            "{id}: {:#}",
            v["findings"]
        );
    }
}

/// Each event goes to its case's first valid row, whatever order the two files list the
/// cases in: events of a case that come before, after or between other cases' events, next
/// to a later duplicate row of their number, and of a case that is not there.
#[test]
fn gebeurtenissen_vinden_hun_zaak_in_elke_volgorde() {
    let zaak = |id: &str| zaakrij(id, "2025-03-03");
    let klachten = [zaak("KP-1"), zaak("KP-2"), zaak("KP-1"), zaak("KP-3")];
    let ontvangen = |id: &str| format!("{id},2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n");
    let afgehandeld = |id: &str| {
        format!("{id},2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n{id},2025-03-21,afsluiting,A. Bakker,,,,\n")
    };
    let gebeurtenissen = [
        ontvangen("KP-1"),
        ontvangen("KP-3"),
        afgehandeld("KP-3"),
        ontvangen("KP-2"),
        afgehandeld("KP-2"),
        // After KP-2 comes the duplicate row of KP-1 in klachten.csv: these are the
        // first row's.
        afgehandeld("KP-1"),
        ontvangen("KP-9"),
    ];
    let (v, fouten) = alleen_invoerfouten(&klachten, &gebeurtenissen);
    assert_eq!(v["summary"]["checked"], 3);
    assert_eq!(v["summary"]["events_invalid"], 1);
    assert_eq!(fouten.len(), 2, "{v:#}");
    assert_eq!(fouten[0]["file"], "gebeurtenissen.csv");
    assert_eq!(fouten[0]["line"], 11);
    assert_eq!(fouten[0]["value"], "KP-9");
    assert_eq!(fouten[1]["file"], "klachten.csv");
    assert_eq!(fouten[1]["line"], 4);
}

/// The same when klachten.csv lists its case numbers in ascending order (found without a
/// map), and when that order breaks half way: a later row that repeats an earlier number is
/// still the error, and events still find their cases.
#[test]
fn gebeurtenissen_vinden_hun_zaak_in_oplopende_en_gebroken_volgorde() {
    let zaak = |id: &str| zaakrij(id, "2025-03-03");
    let compleet = |id: &str| {
        format!(
            "{id},2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
             {id},2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
             {id},2025-03-21,afsluiting,A. Bakker,,,,\n"
        )
    };
    // Ascending: events of later cases first, and of a case that sorts before them all.
    let klachten = [zaak("KP-1"), zaak("KP-2"), zaak("KP-3")];
    let gebeurtenissen = [
        compleet("KP-3"),
        compleet("KP-1"),
        compleet("KP-0"),
        compleet("KP-2"),
    ];
    let (v, fouten) = alleen_invoerfouten(&klachten, &gebeurtenissen);
    assert_eq!(v["summary"]["checked"], 3);
    assert_eq!(fouten.len(), 3, "{v:#}");
    assert!(fouten.iter().all(|f| f["value"] == "KP-0"), "{v:#}");

    // Ascending for three rows, then a number that sorts before them, then a repeat of the
    // first row's number.
    let klachten = [
        zaak("KP-1"),
        zaak("KP-2"),
        zaak("KP-3"),
        zaak("KP-0"),
        zaak("KP-1"),
    ];
    let gebeurtenissen = [
        compleet("KP-0"),
        compleet("KP-3"),
        compleet("KP-2"),
        compleet("KP-1"),
    ];
    let (v, fouten) = alleen_invoerfouten(&klachten, &gebeurtenissen);
    assert_eq!(v["summary"]["checked"], 4);
    assert_eq!(fouten.len(), 1, "{v:#}");
    assert_eq!(fouten[0]["file"], "klachten.csv");
    assert_eq!(fouten[0]["line"], 6);
    assert_eq!(fouten[0]["value"], "KP-1");
}
