//! Contract tests for reading the register (spec sections 2, 3, 4, 6 and 9): the CSV dialect,
//! the columns, every kind of input error with its file, line, column and value, and the
//! errors in reglement.toml that stop the run.

mod common;

use common::*;
use serde_json::Value;

const KP1: &str =
    "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,,\n";
const CLEAN: &str = "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
                     KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
                     KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n";

fn input_errors(v: &Value) -> Vec<Value> {
    v["input_errors"].as_array().expect("input_errors").clone()
}

/// Runs the check and expects exactly one input error, returned; exit status 1.
fn single_input_error(f: &Fixture) -> (Value, Value) {
    let o = run(f, "2025-06-01");
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let v = json(&o);
    let ie = input_errors(&v);
    assert_eq!(ie.len(), 1, "{v:#}");
    assert_eq!(v["summary"]["input_errors"], 1);
    assert!(ie[0]["message"].as_str().is_some_and(|m| !m.is_empty()));
    (ie[0].clone(), v)
}

fn assert_input_error(
    ie: &Value,
    file: &str,
    line: Option<u64>,
    column: Option<&str>,
    value: Option<&str>,
) {
    assert_eq!(ie["file"], file, "{ie:#}");
    assert_eq!(ie["line"], line.map_or(Value::Null, Value::from), "{ie:#}");
    if let Some(c) = column {
        assert_eq!(ie["column"], c, "{ie:#}");
    }
    if let Some(w) = value {
        if w.is_empty() {
            assert!(ie["value"] == "" || ie["value"].is_null(), "{ie:#}");
        } else {
            assert_eq!(ie["value"], w, "{ie:#}");
        }
    }
}

// ---- section 2: dialect ----

#[test]
fn semicolon_bom_crlf_reordered_headers_and_multiline_fields() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        "\u{feff} Omschrijving ; ZAAK;Ontvangen ;kanaal;Dienst;BEHANDELAAR;klager;contact\r\n\
         \"Regel een\r\nregel twee; met puntkomma\";KP-1;03-03-2025;EMAIL;Preventie;A. Bakker;J. Jansen;j@example.nl\r\n\
         Kort, met komma;KP-2;2025-03-03;Brief;RE-INTEGRATIE;A. Bakker;;j@example.nl\r\n",
    );
    f.schrijf(
        "gebeurtenissen.csv",
        "soort,zaak,datum,door,oordeel,termijn,toelichting,regel\r\n\
         Ontvangstbevestiging, KP-1 ,04-03-2025,A. Bakker,,,\"eerste\r\n\r\nregel\",\r\n\
         UITSPRAAK,KP-1,2025-04-01,A. Bakker,Ongegrond,,,\r\n\
         afsluiting,KP-1,2025-04-02,A. Bakker,,,,\r\n",
    );
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    assert!(input_errors(&v).is_empty(), "{v:#}");
    assert_eq!(v["summary"]["cases"], 2);
    assert_eq!(v["summary"]["checked"], 2);
    assert_eq!(rules_of(&v, "KP-1"), vec!["art-4.3-termijn"]);
    let fi = found(&v, "KP-1", "art-4.3-termijn")[0];
    assert_eq!(fi["deadline"], "2025-03-31");
    assert_eq!(fi["date"], "2025-04-01");
    assert_eq!(fi["file"], "gebeurtenissen.csv");
    assert_eq!(fi["line"], 5, "the uitspraak starts on line 5: {fi:#}");
    let fi = found(&v, "KP-2", "art-4.1-gegevens")[0];
    assert_eq!(fi["file"], "klachten.csv");
    assert_eq!(fi["line"], 4, "KP-2 starts on line 4: {fi:#}");
}

#[test]
fn line_numbers_with_multiline_fields_in_comma_files() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,\"een\ntwee\ndrie\",,\n\
         KP-2,2025-03-03,email,preventie,A. Bakker,,j@example.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,\"a\nb\",\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let v = json(&run(&f, "2025-06-01"));
    assert_eq!(found(&v, "KP-2", "art-4.1-gegevens")[0]["line"], 5);
    assert_eq!(found(&v, "KP-1", "art-4.4-oordeel")[0]["line"], 4);
}

#[test]
fn unknown_column_is_a_warning_not_an_input_error() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        "zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving,opmerkingveld\n\
         KP-1,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,a\n\
         KP-2,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,b\n\
         KP-3,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,c\n",
    );
    f.schrijf(
        "gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}{}{}{}",
            CLEAN,
            CLEAN.replace("KP-1", "KP-2"),
            CLEAN.replace("KP-1", "KP-3")
        ),
    );
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v = json(&o);
    assert!(input_errors(&v).is_empty());
    let o = f.klachten(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(code(&o), 0);
    let all = format!("{}{}", stdout(&o), stderr(&o));
    let n = all.matches("opmerkingveld").count();
    assert!((1..3).contains(&n), "warned {n} times:\n{all}");
}

#[test]
fn values_are_trimmed_and_enumerations_case_insensitive() {
    let f = Fixture::new(
        "  KP-1 , 2025-03-03 , WebFormulier , Casemanagement , A. Bakker , J , j@example.nl , x ,,\n",
        " KP-1 , 2025-03-04 ,ONTVANGSTBEVESTIGING,A. Bakker,,,,\n\
         KP-1,2025-03-20, Uitspraak ,A. Bakker, Deels-gegrond ,,,\n\
         KP-1,2025-03-20,Maatregel,A. Bakker,,,,\n\
         KP-1,2025-03-21,AFSLUITING,A. Bakker,,,,\n",
    );
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    assert!(input_errors(&v).is_empty(), "{v:#}");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    assert_eq!(code(&o), 0);
}

#[test]
fn both_date_forms_are_read() {
    let f = Fixture::new(
        "KP-1,03-03-2025,email,preventie,A. Bakker,J,j@example.nl,x,,\n\
         KP-2,29-02-2024,email,preventie,A. Bakker,J,j@example.nl,x,,\n",
        "KP-1,11-03-2025,ontvangstbevestiging,A. Bakker,,,,\n",
    );
    let v = json(&run(&f, "2025-06-01"));
    assert!(input_errors(&v).is_empty(), "{v:#}");
    let fi = found(&v, "KP-1", "art-4.2-ontvangstbevestiging")[0];
    assert_eq!(fi["deadline"], "2025-03-10");
    assert_eq!(fi["date"], "2025-03-11");
    // a leap day read as a date, before inwerkingtreding
    assert_eq!(rules_of(&v, "KP-2"), vec!["art-8-inwerkingtreding"]);
    assert_eq!(v["summary"]["checked"], 1);
}

#[test]
fn bad_dates_are_input_errors_and_the_case_is_not_checked() {
    for bad in [
        "31-02-2025",
        "2025-02-29",
        "2025-13-01",
        "2025-3-3",
        "3-3-2025",
        "2025/03/03",
        "03.03.2025",
        "20250303",
        "maandag",
    ] {
        let f = Fixture::new(
            &format!("KP-1,{bad},email,preventie,A. Bakker,J,,x,,\n"),
            "",
        );
        let (ie, v) = single_input_error(&f);
        assert_input_error(&ie, "klachten.csv", Some(2), Some("ontvangen"), Some(bad));
        assert!(rules_of(&v, "KP-1").is_empty(), "{bad}: {v:#}");
    }
}

#[test]
fn bad_event_date_is_an_input_error_and_the_case_is_checked_without_it() {
    let f = Fixture::new(
        KP1,
        "KP-1,31-02-2025,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let (ie, v) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(2),
        Some("datum"),
        Some("31-02-2025"),
    );
    // the uitspraak of 20 March stands in for the acknowledgement: late
    let fi = found(&v, "KP-1", "art-4.2-ontvangstbevestiging")[0];
    assert_eq!(fi["date"], "2025-03-20");
    assert_eq!(fi["line"], 3);
}

#[test]
fn bad_termijn_of_a_verlenging_is_an_input_error() {
    let f = Fixture::new(
        KP1,
        &format!("{CLEAN}KP-1,2025-03-10,verlenging,A. Bakker,,30-02-2025,drukte,\n"),
    );
    let (ie, _) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(5),
        Some("termijn"),
        Some("30-02-2025"),
    );
}

// ---- section 3 and 9: klachten.csv ----

#[test]
fn required_value_empty_is_an_input_error_and_the_case_is_not_checked() {
    let rows = [
        (
            ",2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n",
            "zaak",
        ),
        (
            "KP-1,,email,preventie,A. Bakker,J,j@example.nl,x,,\n",
            "ontvangen",
        ),
        (
            "KP-1,2025-03-03,,preventie,A. Bakker,J,j@example.nl,x,,\n",
            "kanaal",
        ),
        (
            "KP-1,2025-03-03,email,,A. Bakker,J,j@example.nl,x,,\n",
            "dienst",
        ),
        (
            "KP-1,2025-03-03,email,preventie,  ,J,j@example.nl,x,,\n",
            "behandelaar",
        ),
    ];
    for (row, column) in rows {
        let f = Fixture::new(row, "");
        let (ie, v) = single_input_error(&f);
        assert_input_error(&ie, "klachten.csv", Some(2), Some(column), Some(""));
        assert!(
            v["findings"].as_array().unwrap().is_empty(),
            "{column}: {v:#}"
        );
        assert_eq!(v["summary"]["checked"], 0);
    }
}

#[test]
fn unknown_enumerated_values_are_input_errors() {
    let f = Fixture::new(
        "KP-1,2025-03-03,fax,preventie,A. Bakker,J,j@example.nl,x,,\n",
        "",
    );
    let (ie, _) = single_input_error(&f);
    assert_input_error(&ie, "klachten.csv", Some(2), Some("kanaal"), Some("fax"));
    let f = Fixture::new(
        "KP-1,2025-03-03,email,schoonmaak,A. Bakker,J,j@example.nl,x,,\n",
        "",
    );
    let (ie, _) = single_input_error(&f);
    assert_input_error(
        &ie,
        "klachten.csv",
        Some(2),
        Some("dienst"),
        Some("schoonmaak"),
    );
    let f = Fixture::new(
        KP1,
        &format!("{CLEAN}KP-1,2025-03-22,telefoontje,A. Bakker,,,,\n"),
    );
    let (ie, _) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(5),
        Some("soort"),
        Some("telefoontje"),
    );
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,terecht,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let (ie, _) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(3),
        Some("oordeel"),
        Some("terecht"),
    );
}

#[test]
fn duplicate_zaak_the_later_row_is_the_error() {
    let f = Fixture::new(
        &format!("{KP1}KP-2,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n KP-1 ,2025-04-01,brief,overig,B,J,j@example.nl,x,,\n"),
        &format!("{CLEAN}{}", CLEAN.replace("KP-1", "KP-2")),
    );
    let (ie, v) = single_input_error(&f);
    assert_input_error(&ie, "klachten.csv", Some(4), Some("zaak"), Some("KP-1"));
    // the first KP-1 is checked as itself, not as the later (out of scope) row
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    assert_eq!(v["summary"]["checked"], 2);
}

#[test]
fn zaak_characters_and_length() {
    let long_ok = format!("K{}", "x".repeat(63));
    let long_bad = format!("K{}", "x".repeat(64));
    for ok in ["kp_1.a-B", long_ok.as_str(), "2025.001"] {
        let f = Fixture::new(
            &format!("{ok},2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n"),
            &CLEAN.replace("KP-1", ok),
        );
        let o = run(&f, "2025-06-01");
        let v = json(&o);
        assert!(input_errors(&v).is_empty(), "{ok}: {v:#}");
        assert_eq!(code(&o), 0, "{ok}");
    }
    for bad in ["KP 1", ".KP-1", "KP/1", "KP-1é", long_bad.as_str(), "KP:1"] {
        let f = Fixture::new(
            &format!("\"{bad}\",2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n"),
            "",
        );
        let (ie, v) = single_input_error(&f);
        assert_input_error(&ie, "klachten.csv", Some(2), Some("zaak"), Some(bad));
        assert!(v["findings"].as_array().unwrap().is_empty(), "{bad}: {v:#}");
    }
}

#[test]
fn required_column_missing_is_an_input_error_for_the_file() {
    let f = Fixture::leeg();
    f.schrijf(
        "klachten.csv",
        "zaak,ontvangen,kanaal,dienst,klager,contact,omschrijving\nKP-1,2025-03-03,email,preventie,J,j@example.nl,x\n",
    );
    f.schrijf("gebeurtenissen.csv", GEBEURTENISSEN_KOP);
    let o = run(&f, "2025-06-01");
    assert_eq!(
        code(&o),
        1,
        "an input error, not a failed run: {}",
        stderr(&o)
    );
    let v = json(&o);
    let ie = input_errors(&v);
    assert!(!ie.is_empty(), "{v:#}");
    assert!(
        ie.iter()
            .any(|e| e["file"] == "klachten.csv" && e["column"] == "behandelaar"),
        "{v:#}"
    );
}

#[test]
fn required_event_column_missing_is_an_input_error() {
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    f.schrijf(
        "gebeurtenissen.csv",
        "zaak,soort,door\nKP-1,ontvangstbevestiging,A. Bakker\n",
    );
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let ie = input_errors(&v);
    assert!(
        ie.iter()
            .any(|e| e["file"] == "gebeurtenissen.csv" && e["column"] == "datum"),
        "{v:#}"
    );
}

#[test]
fn malformed_record_is_an_input_error_and_the_rest_is_loaded() {
    let f = Fixture::new(
        &format!("{KP1}KP-2,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,,te,veel\nKP-3,2025-03-03,email,preventie,A. Bakker,,j@example.nl,x,,\n"),
        CLEAN,
    );
    let (ie, v) = single_input_error(&f);
    assert_eq!(ie["file"], "klachten.csv");
    assert_eq!(ie["line"], 3);
    assert_eq!(found(&v, "KP-3", "art-4.1-gegevens")[0]["line"], 4);
    assert!(rules_of(&v, "KP-1").is_empty());
}

#[test]
fn unterminated_quote_is_an_input_error() {
    let f = Fixture::new(
        KP1,
        &format!("{CLEAN}KP-1,2025-03-22,gesprek,A. Bakker,,,\"nooit dicht,\n"),
    );
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let ie = input_errors(&v);
    assert_eq!(ie.len(), 1, "{v:#}");
    assert_eq!(ie[0]["file"], "gebeurtenissen.csv");
    assert_eq!(ie[0]["line"], 5);
}

// ---- section 4 and 9: gebeurtenissen.csv ----

#[test]
fn event_for_an_unknown_zaak() {
    let f = Fixture::new(
        KP1,
        &format!("{CLEAN}KP-9,2025-03-22,gesprek,A. Bakker,,,,\n"),
    );
    let (ie, v) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(5),
        Some("zaak"),
        Some("KP-9"),
    );
    assert!(rules_of(&v, "KP-1").is_empty());
}

#[test]
fn event_before_ontvangen() {
    let f = Fixture::new(
        KP1,
        &format!("KP-1,2025-03-02,gesprek,A. Bakker,,,,\n{CLEAN}"),
    );
    let (ie, v) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(2),
        Some("datum"),
        Some("2025-03-02"),
    );
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // the value as written: day first, surrounding spaces trimmed (§2)
    let f = Fixture::new(
        KP1,
        &format!("KP-1, 02-03-2025 ,gesprek,A. Bakker,,,,\n{CLEAN}"),
    );
    let (ie, _) = single_input_error(&f);
    assert_input_error(
        &ie,
        "gebeurtenissen.csv",
        Some(2),
        Some("datum"),
        Some("02-03-2025"),
    );
    // on the day itself is fine
    let f = Fixture::new(
        KP1,
        &format!("KP-1,2025-03-03,gesprek,A. Bakker,,,,\n{CLEAN}"),
    );
    let v = json(&run(&f, "2025-06-01"));
    assert!(input_errors(&v).is_empty());
}

#[test]
fn order_errors_beroep_beroepsuitspraak_heropend() {
    // beroep with no uitspraak before it
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-10,beroep,J. Jansen,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let (ie, _) = single_input_error(&f);
    assert_eq!(ie["file"], "gebeurtenissen.csv");
    assert_eq!(ie["line"], 3);
    // beroepsuitspraak with no beroep before it
    let f = Fixture::new(
        KP1,
        &format!("{CLEAN}KP-1,2025-03-25,beroepsuitspraak,directie,ongegrond,,,\n"),
    );
    let (ie, _) = single_input_error(&f);
    assert_eq!(ie["file"], "gebeurtenissen.csv");
    assert_eq!(ie["line"], 5);
    // heropend with no afsluiting before it
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-10,heropend,J. Jansen,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let (ie, _) = single_input_error(&f);
    assert_eq!(ie["file"], "gebeurtenissen.csv");
    assert_eq!(ie["line"], 3);
    // in the right order: no error
    let f = Fixture::new(
        KP1,
        &format!(
            "{CLEAN}KP-1,2025-03-25,beroep,J. Jansen,,,,\n\
             KP-1,2025-04-01,beroepsuitspraak,directie,ongegrond,,,\n\
             KP-1,2025-04-02,heropend,J. Jansen,,,,\n\
             KP-1,2025-04-10,uitspraak,A. Bakker,ongegrond,,,\n\
             KP-1,2025-04-11,afsluiting,A. Bakker,,,,\n"
        ),
    );
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    assert!(input_errors(&v).is_empty(), "{v:#}");
    assert_eq!(code(&o), 0, "{v:#}");
}

#[test]
fn case_file_for_an_unknown_zaak() {
    let f = Fixture::new(KP1, CLEAN);
    f.schrijf("zaken/KP-1.md", "# KP-1\n");
    f.schrijf("zaken/KP-7.md", "# KP-7\n");
    let (ie, _) = single_input_error(&f);
    assert_input_error(&ie, "zaken/KP-7.md", None, None, None);
}

#[test]
fn missing_gebeurtenissen_csv() {
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    let (ie, v) = single_input_error(&f);
    assert_input_error(&ie, "gebeurtenissen.csv", None, None, None);
    let fi = found(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_eq!(fi.len(), 1, "{v:#}");
    assert_eq!(fi[0]["severity"], "error");
    assert_eq!(v["summary"]["checked"], 1);
}

#[test]
fn header_only_gebeurtenissen_is_fine() {
    let f = Fixture::new(KP1, "");
    let v = json(&run(&f, "2025-03-04"));
    assert!(input_errors(&v).is_empty());
}

#[test]
fn every_other_record_is_still_loaded() {
    let f = Fixture::new(
        &format!(
            "{KP1}KP-2,2025-02-30,email,preventie,A. Bakker,J,j@example.nl,x,,\n\
             KP-3,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n"
        ),
        &format!(
            "{CLEAN}KP-2,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
             KP-3,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
             KP-3,2025-03-20,uitspraak,A. Bakker,vaag,,,\n\
             KP-3,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n"
        ),
    );
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    let ie = input_errors(&v);
    assert_eq!(ie.len(), 2, "only the two bad rows: {v:#}");
    assert!(
        ie.iter()
            .any(|e| e["file"] == "klachten.csv" && e["line"] == 3),
        "{v:#}"
    );
    assert!(
        ie.iter()
            .any(|e| e["file"] == "gebeurtenissen.csv" && e["line"] == 7),
        "{v:#}"
    );
    // KP-3 is checked with its valid uitspraak
    assert_eq!(rules_of(&v, "KP-3"), vec!["art-4.5-afsluiting"]);
    assert_eq!(found(&v, "KP-3", "art-4.5-afsluiting")[0]["line"], 8);
    assert!(rules_of(&v, "KP-2").is_empty());
    assert_eq!(v["summary"]["checked"], 2);
}

// ---- section 6 and 10: runs that cannot start ----

fn assert_exit_2(f: &Fixture, args: &[&str], mentions: &[&str]) {
    let o = f.klachten(args);
    assert_eq!(code(&o), 2, "{args:?} {mentions:?}: {}", stdout(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one-line reason: {err}");
    for m in mentions {
        assert!(err.contains(m), "{mentions:?} not in: {err}");
    }
}

fn with_reglement(toml: &str) -> Fixture {
    let f = Fixture::new(KP1, CLEAN);
    f.schrijf("reglement.toml", toml);
    f
}

#[test]
fn reglement_errors_stop_the_run() {
    let cases: &[(&str, &[&str])] = &[
        (
            "onbekende_sleutel = 3\n",
            &["reglement.toml", "onbekende_sleutel"],
        ),
        (
            "afhandeltermijn_weken = \"4\"\n",
            &["reglement.toml", "afhandeltermijn_weken"],
        ),
        (
            "afhandeltermijn_weken = 4.0\n",
            &["reglement.toml", "afhandeltermijn_weken"],
        ),
        (
            "inwerkingtreding = \"2024-10-01\"\n",
            &["reglement.toml", "inwerkingtreding"],
        ),
        (
            "sluitingsdagen = [\"2025-12-24\"]\n",
            &["reglement.toml", "sluitingsdagen"],
        ),
        (
            "sluitingsdagen = 2025-12-24\n",
            &["reglement.toml", "sluitingsdagen"],
        ),
        (
            "goede_vrijdag = \"ja\"\n",
            &["reglement.toml", "goede_vrijdag"],
        ),
        ("termijnenwet = 1\n", &["reglement.toml", "termijnenwet"]),
        ("naam = 3\n", &["reglement.toml", "naam"]),
        (
            "ontvangstbevestiging_werkdagen = 0\n",
            &["reglement.toml", "ontvangstbevestiging_werkdagen"],
        ),
        (
            "afhandeltermijn_weken = 0\n",
            &["reglement.toml", "afhandeltermijn_weken"],
        ),
        (
            "beroepstermijn_weken = 0\n",
            &["reglement.toml", "beroepstermijn_weken"],
        ),
        (
            "beroep_afhandeltermijn_weken = 0\n",
            &["reglement.toml", "beroep_afhandeltermijn_weken"],
        ),
        (
            "afhandeltermijn_weken = -4\n",
            &["reglement.toml", "afhandeltermijn_weken"],
        ),
        (
            "waarschuwing_werkdagen = -1\n",
            &["reglement.toml", "waarschuwing_werkdagen"],
        ),
        (
            "registratie_werkdagen = -1\n",
            &["reglement.toml", "registratie_werkdagen"],
        ),
        (
            "inwerkingtreding = 2024-10-01T00:00:00\n",
            &["reglement.toml", "inwerkingtreding"],
        ),
    ];
    for (toml, mentions) in cases {
        let f = with_reglement(toml);
        assert_exit_2(&f, &["check", "--as-of", "2025-06-01"], mentions);
        assert_exit_2(
            &f,
            &["check", "--as-of", "2025-06-01", "--format", "json"],
            mentions,
        );
    }
}

#[test]
fn reglement_syntax_error_gives_a_one_line_reason() {
    for toml in [
        "afhandeltermijn_weken = \n",
        "termijnenwet = true\ntermijnenwet = false\n",
    ] {
        let f = with_reglement(toml);
        assert_exit_2(&f, &["check", "--as-of", "2025-06-01"], &["reglement.toml"]);
    }
}

#[test]
fn reglement_zero_is_allowed_for_warning_and_registration() {
    let f = with_reglement("waarschuwing_werkdagen = 0\nregistratie_werkdagen = 0\n");
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let f = with_reglement("");
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let f = with_reglement(
        "naam = \"Eigen reglement\"\ninwerkingtreding = 2024-10-01\nontvangstbevestiging_werkdagen = 5\n\
         afhandeltermijn_weken = 4\nberoepstermijn_weken = 2\nberoep_afhandeltermijn_weken = 4\n\
         termijnenwet = true\ngoede_vrijdag = false\nsluitingsdagen = [2025-12-24, 2025-12-31]\n\
         waarschuwing_werkdagen = 2\nregistratie_werkdagen = 5\n",
    );
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn runs_that_cannot_start_exit_2() {
    let leeg = Fixture::leeg();
    assert_exit_2(&leeg, &["check"], &["klachten.csv"]);
    let f = Fixture::new(KP1, CLEAN);
    assert_exit_2(&f, &["check", "--as-of", "2025-02-31"], &["--as-of"]);
    assert_exit_2(&f, &["check", "--as-of", "01-06-2025x"], &["--as-of"]);
    assert_exit_2(&f, &["check", "--since", "gisteren"], &["--since"]);
    assert_exit_2(&f, &["check", "--format", "xml"], &["--format"]);
    let o = klachten(
        &["check", "--as-of", "2025-06-01"],
        &leeg.pad().join("bestaat-niet"),
    );
    assert_eq!(code(&o), 2);
    assert!(!stderr(&o).trim().is_empty());
}

#[test]
fn blank_lines_do_not_shift_line_numbers() {
    let f = Fixture::new(
        &format!("{KP1}\nKP-2,2025-03-03,email,preventie,A. Bakker,,j@example.nl,x,,\n"),
        &format!("{CLEAN}\n\nKP-2,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\nKP-2,2025-03-20,uitspraak,A. Bakker,,,,\n"),
    );
    let v = json(&run(&f, "2025-06-01"));
    assert!(input_errors(&v).is_empty(), "{v:#}");
    assert_eq!(found(&v, "KP-2", "art-4.1-gegevens")[0]["line"], 4);
    assert_eq!(found(&v, "KP-2", "art-4.4-oordeel")[0]["line"], 8);
}

#[test]
fn build_exit_statuses() {
    let f = Fixture::new(KP1, "");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let o = f.klachten(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--out",
        site.to_str().unwrap(),
    ]);
    assert_eq!(
        code(&o),
        0,
        "build succeeds whatever it found: {}",
        stderr(&o)
    );
    let leeg = Fixture::leeg();
    let o = leeg.klachten(&["build", "--out", site.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
}
