//! Contract tests for the rules (spec sections 7 and 8): scope, peildatum, each rule id with a
//! passing and a failing case, cycles after `heropend`, verlengingen, withdrawal,
//! `verantwoording`, and the order of the findings. Every expected date was computed by hand.

mod common;

use common::*;
use serde_json::Value;

/// Received Mon 2025-03-03: acknowledgement due Mon 2025-03-10, uitspraak due Mon 2025-03-31.
const KP1: &str =
    "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,communicatie,K. Smit\n";

fn zaak(id: &str, ontvangen: &str) -> String {
    format!("{id},{ontvangen},email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,,K. Smit\n")
}

fn input_errors(v: &Value) -> &Vec<Value> {
    v["input_errors"].as_array().expect("input_errors")
}

fn assert_finding(fi: &Value, severity: &str, deadline: Option<&str>, date: Option<&str>) {
    assert_eq!(fi["severity"], severity, "{fi:#}");
    assert_eq!(
        fi["deadline"],
        deadline.map_or(Value::Null, Value::from),
        "{fi:#}"
    );
    assert_eq!(fi["date"], date.map_or(Value::Null, Value::from), "{fi:#}");
}

fn assert_at(fi: &Value, file: &str, line: u64) {
    assert_eq!(fi["file"], file, "{fi:#}");
    assert_eq!(fi["line"], line, "{fi:#}");
}

const CLEAN: &str = "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
                     KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
                     KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n";

#[test]
fn a_clean_case_has_no_findings() {
    let f = Fixture::new(KP1, CLEAN);
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v = json(&o);
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    assert_eq!(v["summary"]["cases"], 1);
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["warnings"], 0);
    assert_eq!(v["summary"]["infos"], 0);
    assert_eq!(v["summary"]["input_errors"], 0);
}

// ---- art-4.1-gegevens ----

#[test]
fn art_4_1_gegevens_empty_klager_contact_or_omschrijving() {
    let k = "KP-1,2025-03-03,email,preventie,A. Bakker,,j@example.nl,x,,\n\
             KP-2,2025-03-03,email,preventie,A. Bakker,J,,x,,\n\
             KP-3,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,  ,,\n\
             KP-4,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n";
    let mut ev = String::new();
    for z in ["KP-1", "KP-2", "KP-3", "KP-4"] {
        ev.push_str(&CLEAN.replace("KP-1", z));
    }
    let f = Fixture::new(k, &ev);
    let v = check(&f, "2025-06-01");
    for (z, line) in [("KP-1", 2), ("KP-2", 3), ("KP-3", 4)] {
        let fi = one(&v, z, "art-4.1-gegevens");
        assert_finding(fi, "warning", None, None);
        assert_at(fi, "klachten.csv", line);
    }
    none(&v, "KP-4", "art-4.1-gegevens");
    assert!(input_errors(&v).is_empty(), "{v:#}");
}

// ---- art-4.2-ontvangstbevestiging ----

#[test]
fn art_4_2_late_acknowledgement_points_at_it() {
    let f = Fixture::new(KP1, "KP-1,2025-03-11,ontvangstbevestiging,A. Bakker,,,,\n");
    let v = check(&f, "2025-03-12");
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_finding(fi, "error", Some("2025-03-10"), Some("2025-03-11"));
    assert_at(fi, "gebeurtenissen.csv", 2);
}

#[test]
fn art_4_2_missing_acknowledgement_points_at_the_case() {
    let f = Fixture::new(KP1, "");
    let v = check(&f, "2025-03-11");
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_finding(fi, "error", Some("2025-03-10"), None);
    assert_at(fi, "klachten.csv", 2);
}

#[test]
fn art_4_2_an_early_uitspraak_counts_as_acknowledgement() {
    let f = Fixture::new(
        &format!("{KP1}{}", zaak("KP-2", "2025-03-03")),
        "KP-1,2025-03-07,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-07,afsluiting,A. Bakker,,,,\n\
         KP-2,2025-03-07,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-2,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-2,2025-03-14,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    // the earliest of the two is on time
    none(&v, "KP-2", "art-4.2-ontvangstbevestiging");
}

#[test]
fn art_4_2_a_late_uitspraak_without_acknowledgement_is_the_late_act() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-12,uitspraak,A. Bakker,ongegrond,,,\nKP-1,2025-03-12,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_finding(fi, "error", Some("2025-03-10"), Some("2025-03-12"));
    assert_at(fi, "gebeurtenissen.csv", 2);
}

#[test]
fn art_4_2_withdrawal_on_the_deadline_clears_it_after_does_not() {
    let f = Fixture::new(
        &format!("{KP1}{}", zaak("KP-2", "2025-03-03")),
        "KP-1,2025-03-10,ingetrokken,J. Jansen,,,,\nKP-2,2025-03-11,ingetrokken,J. Jansen,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    none(&v, "KP-1", "art-4.3-termijn");
    let fi = one(&v, "KP-2", "art-4.2-ontvangstbevestiging");
    assert_finding(fi, "error", Some("2025-03-10"), None);
    // its handling deadline (31 March) is after the withdrawal
    none(&v, "KP-2", "art-4.3-termijn");
}

#[test]
fn art_4_2_withdrawal_before_the_deadline_clears_a_late_acknowledgement_too() {
    // "an obligation whose deadline is on or after W raises no finding"
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-05,ingetrokken,J. Jansen,,,,\nKP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
}

#[test]
fn art_4_2_withdrawal_suppresses_the_warning() {
    let f = Fixture::new(KP1, "KP-1,2025-03-05,ingetrokken,J. Jansen,,,,\n");
    let v = check(&f, "2025-03-07");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
}

// ---- art-4.3-termijn ----

#[test]
fn art_4_3_termijn_uitspraak_on_and_after_the_deadline() {
    let f = Fixture::new(
        &format!("{KP1}{}", zaak("KP-2", "2025-03-03")),
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-31,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-31,afsluiting,A. Bakker,,,,\n\
         KP-2,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-2,2025-04-01,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-2,2025-04-01,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    let fi = one(&v, "KP-2", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-03-31"), Some("2025-04-01"));
    assert_at(fi, "gebeurtenissen.csv", 6);
    assert_eq!(rules_of(&v, "KP-2"), vec!["art-4.3-termijn"]);
}

#[test]
fn art_4_3_termijn_withdrawal() {
    let f = Fixture::new(
        &format!("{KP1}{}", zaak("KP-2", "2025-03-03")),
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-31,ingetrokken,J. Jansen,,,,\n\
         KP-2,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-2,2025-04-01,ingetrokken,J. Jansen,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    let fi = one(&v, "KP-2", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-03-31"), None);
    assert_at(fi, "klachten.csv", 3);
}

#[test]
fn art_4_3_termijn_warning_is_suppressed_by_withdrawal() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\nKP-1,2025-03-25,ingetrokken,J. Jansen,,,,\n",
    );
    let v = check(&f, "2025-03-28");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
}

// ---- art-4.3-verlenging ----

fn verlenging_case(verlenging: &str, uitspraak: &str) -> Value {
    let f = Fixture::new(
        KP1,
        &format!(
            "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n{verlenging}\
             KP-1,{uitspraak},uitspraak,A. Bakker,ongegrond,,,\n\
             KP-1,{uitspraak},afsluiting,A. Bakker,,,,\n"
        ),
    );
    check(&f, "2025-06-01")
}

#[test]
fn art_4_3_verlenging_valid_moves_the_deadline() {
    let v = verlenging_case(
        "KP-1,2025-03-28,verlenging,A. Bakker,,2025-04-14,extra gesprek nodig,\n",
        "2025-04-14",
    );
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // on the deadline itself is still on time
    let v = verlenging_case(
        "KP-1,2025-03-31,verlenging,A. Bakker,,14-04-2025,extra gesprek nodig,\n",
        "2025-04-14",
    );
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // and the new deadline is judged
    let v = verlenging_case(
        "KP-1,2025-03-28,verlenging,A. Bakker,,2025-04-14,extra gesprek nodig,\n",
        "2025-04-15",
    );
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-04-14"), Some("2025-04-15"));
    assert_at(fi, "gebeurtenissen.csv", 4);
    none(&v, "KP-1", "art-4.3-verlenging");
}

#[test]
fn art_4_3_verlenging_late_does_not_move_the_deadline() {
    let v = verlenging_case(
        "KP-1,2025-04-01,verlenging,A. Bakker,,2025-04-14,extra gesprek nodig,\n",
        "2025-04-10",
    );
    let fi = one(&v, "KP-1", "art-4.3-verlenging");
    assert_eq!(fi["severity"], "error");
    assert_at(fi, "gebeurtenissen.csv", 3);
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-03-31"), Some("2025-04-10"));
}

#[test]
fn art_4_3_verlenging_without_toelichting_does_not_move_the_deadline() {
    let v = verlenging_case(
        "KP-1,2025-03-20,verlenging,A. Bakker,,2025-04-14,,\n",
        "2025-04-10",
    );
    let fi = one(&v, "KP-1", "art-4.3-verlenging");
    assert_eq!(fi["severity"], "error");
    assert_at(fi, "gebeurtenissen.csv", 3);
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-03-31"), Some("2025-04-10"));
}

#[test]
fn art_4_3_verlenging_with_a_termijn_not_later_does_not_move_the_deadline() {
    for termijn in ["2025-03-31", "2025-03-28", ""] {
        let v = verlenging_case(
            &format!("KP-1,2025-03-20,verlenging,A. Bakker,,{termijn},drukte,\n"),
            "2025-04-01",
        );
        let fi = one(&v, "KP-1", "art-4.3-verlenging");
        assert_eq!(fi["severity"], "error", "{termijn}");
        assert_at(fi, "gebeurtenissen.csv", 3);
        let fi = one(&v, "KP-1", "art-4.3-termijn");
        assert_finding(fi, "error", Some("2025-03-31"), Some("2025-04-01"));
        assert!(input_errors(&v).is_empty(), "{termijn}: {v:#}");
    }
}

#[test]
fn art_4_3_verlenging_is_judged_against_the_current_deadline() {
    // The first one moves the deadline to 14 April; the second, on 10 April, to 30 April.
    let v = verlenging_case(
        "KP-1,2025-03-28,verlenging,A. Bakker,,2025-04-14,drukte,\n\
         KP-1,2025-04-10,verlenging,A. Bakker,,2025-04-30,ziekte,\n",
        "2025-04-30",
    );
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // A second one after the moved deadline is late, and a termijn of 10 April (before the
    // current 14 April) is not later.
    let v = verlenging_case(
        "KP-1,2025-03-28,verlenging,A. Bakker,,2025-04-14,drukte,\n\
         KP-1,2025-04-15,verlenging,A. Bakker,,2025-04-30,ziekte,\n",
        "2025-04-30",
    );
    let fi = one(&v, "KP-1", "art-4.3-verlenging");
    assert_eq!(fi["date"], "2025-04-15");
    assert_at(fi, "gebeurtenissen.csv", 4);
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-04-14"), Some("2025-04-30"));
    let v = verlenging_case(
        "KP-1,2025-03-28,verlenging,A. Bakker,,2025-04-14,drukte,\n\
         KP-1,2025-04-01,verlenging,A. Bakker,,2025-04-10,ziekte,\n",
        "2025-04-14",
    );
    let fi = one(&v, "KP-1", "art-4.3-verlenging");
    assert_eq!(fi["date"], "2025-04-01");
    none(&v, "KP-1", "art-4.3-termijn");
}

#[test]
fn art_4_3_verlenging_after_the_uitspraak_is_not_judged() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-04-20,verlenging,A. Bakker,,,,\n\
         KP-1,2025-04-21,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
}

// ---- cycles ----

/// KP-1 closed on 21 March, reopened on Mon 12 May 2025: 9 June is Whit Monday, so the new
/// cycle's uitspraak is due Tue 10 June.
fn reopened(rest: &str) -> Fixture {
    Fixture::new(
        KP1,
        &format!("{CLEAN}KP-1,2025-05-12,heropend,J. Jansen,,,,\n{rest}"),
    )
}

#[test]
fn cycle_after_heropend_runs_from_its_date() {
    let f = reopened("");
    let v = check(&f, "2025-06-11");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-06-10"), None);
    assert_at(fi, "gebeurtenissen.csv", 5);
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    // From Thu 5 June the 2nd working day is 10 June (9 June is Whit Monday): warning.
    let v = check(&f, "2025-06-05");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "warning", Some("2025-06-10"), None);
    assert_at(fi, "gebeurtenissen.csv", 5);
    let v = check(&f, "2025-06-04");
    none(&v, "KP-1", "art-4.3-termijn");
}

#[test]
fn cycle_after_heropend_uitspraak_on_and_after_its_deadline() {
    let f = reopened(
        "KP-1,2025-06-10,uitspraak,A. Bakker,ongegrond,,,\nKP-1,2025-06-10,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-07-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    let f = reopened(
        "KP-1,2025-06-11,uitspraak,A. Bakker,ongegrond,,,\nKP-1,2025-06-11,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-07-01");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-06-10"), Some("2025-06-11"));
    assert_at(fi, "gebeurtenissen.csv", 6);
}

#[test]
fn cycle_after_heropend_verlenging_uses_the_cycle_deadline() {
    let f = reopened(
        "KP-1,2025-06-10,verlenging,A. Bakker,,2025-06-20,drukte,\n\
         KP-1,2025-06-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-06-20,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-07-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    let f = reopened(
        "KP-1,2025-06-11,verlenging,A. Bakker,,2025-06-20,drukte,\n\
         KP-1,2025-06-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-06-20,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-07-01");
    let fi = one(&v, "KP-1", "art-4.3-verlenging");
    assert_at(fi, "gebeurtenissen.csv", 6);
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-06-10"), Some("2025-06-20"));
}

#[test]
fn cycle_after_heropend_needs_its_own_uitspraak_and_afsluiting() {
    // afsluiting in cycle 2 with no uitspraak in cycle 2
    let f = reopened("KP-1,2025-05-20,afsluiting,A. Bakker,,,,\n");
    let v = check(&f, "2025-05-21");
    let fi = one(&v, "KP-1", "art-4.4-oordeel");
    assert_eq!(fi["severity"], "error");
    assert_at(fi, "gebeurtenissen.csv", 6);
    // uitspraak in cycle 2 without afsluiting after it
    let f = reopened("KP-1,2025-05-20,uitspraak,A. Bakker,ongegrond,,,\n");
    let v = check(&f, "2025-05-21");
    let fi = one(&v, "KP-1", "art-4.5-afsluiting");
    assert_eq!(fi["severity"], "warning");
    assert_at(fi, "gebeurtenissen.csv", 6);
}

// ---- art-4.4-oordeel ----

#[test]
fn art_4_4_oordeel_uitspraak_without_oordeel() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-4.4-oordeel");
    assert_eq!(fi["severity"], "error");
    assert_at(fi, "gebeurtenissen.csv", 3);
    assert!(input_errors(&v).is_empty(), "{v:#}");
}

#[test]
fn art_4_4_oordeel_afsluiting_without_uitspraak() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\nKP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-03-24");
    let fi = one(&v, "KP-1", "art-4.4-oordeel");
    assert_eq!(fi["severity"], "error");
    assert_at(fi, "gebeurtenissen.csv", 3);
}

#[test]
fn same_date_events_keep_their_file_order() {
    // uitspraak then afsluiting on one day: fine
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-20,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // afsluiting then uitspraak on one day: the afsluiting has no uitspraak before it, and
    // the uitspraak has no afsluiting after it
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n",
    );
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-4.4-oordeel");
    assert_at(fi, "gebeurtenissen.csv", 3);
    let fi = one(&v, "KP-1", "art-4.5-afsluiting");
    assert_at(fi, "gebeurtenissen.csv", 4);
}

#[test]
fn events_are_taken_in_date_order_not_file_order() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
}

// ---- art-4.4-maatregel ----

#[test]
fn art_4_4_maatregel() {
    let mk = |rest: &str| {
        Fixture::new(
            KP1,
            &format!("KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n{rest}"),
        )
    };
    // gegrond without maatregel
    let f = mk("KP-1,2025-03-20,uitspraak,A. Bakker,gegrond,,,\nKP-1,2025-03-21,afsluiting,A. Bakker,,,,\n");
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-4.4-maatregel");
    assert_eq!(fi["severity"], "error");
    assert_at(fi, "gebeurtenissen.csv", 3);
    // deels-gegrond (any case) without maatregel
    let f = mk("KP-1,2025-03-20,uitspraak,A. Bakker,Deels-Gegrond,,,\nKP-1,2025-03-21,afsluiting,A. Bakker,,,,\n");
    let v = check(&f, "2025-06-01");
    one(&v, "KP-1", "art-4.4-maatregel");
    assert!(input_errors(&v).is_empty());
    // with a maatregel, even one recorded before the uitspraak
    let f = mk("KP-1,2025-03-18,maatregel,A. Bakker,,,,\n\
                KP-1,2025-03-20,uitspraak,A. Bakker,GEGROND,,,\n\
                KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n");
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // ongegrond: no maatregel needed
    let f = mk("KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\nKP-1,2025-03-21,afsluiting,A. Bakker,,,,\n");
    let v = check(&f, "2025-06-01");
    none(&v, "KP-1", "art-4.4-maatregel");
}

#[test]
fn art_4_4_maatregel_follows_the_latest_uitspraak() {
    // gegrond first, ongegrond after reopening: the latest counts
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,gegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-04-01,heropend,J. Jansen,,,,\n\
         KP-1,2025-04-10,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-04-11,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // ongegrond first, gegrond after reopening: points at the latest uitspraak
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-04-01,heropend,J. Jansen,,,,\n\
         KP-1,2025-04-10,uitspraak,A. Bakker,gegrond,,,\n\
         KP-1,2025-04-11,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-4.4-maatregel");
    assert_at(fi, "gebeurtenissen.csv", 6);
}

// ---- art-4.5-afsluiting ----

#[test]
fn art_4_5_afsluiting() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\nKP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n",
    );
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-4.5-afsluiting");
    assert_eq!(fi["severity"], "warning");
    assert_at(fi, "gebeurtenissen.csv", 3);
    let f = Fixture::new(KP1, CLEAN);
    let v = check(&f, "2025-06-01");
    none(&v, "KP-1", "art-4.5-afsluiting");
}

// ---- art-5 ----

/// Received Mon 2026-03-23; uitspraak Mon 2026-04-13: a beroep is due within two weeks, on
/// 27 April (Koningsdag, a Monday), so by Tue 28 April.
const KP5: &str =
    "KP-5,2026-03-23,brief,re-integratie,A. Bakker,J. Jansen,j@example.nl,Traag,,afdeling Administratie\n";

fn beroep(rest: &str, reglement: Option<&str>, as_of: &str) -> Value {
    let f = Fixture::new(
        KP5,
        &format!(
            "KP-5,2026-03-24,ontvangstbevestiging,A. Bakker,,,,\n\
             KP-5,2026-03-30,gesprek,K. Smit,,,,\n\
             KP-5,2026-04-13,uitspraak,A. Bakker,ongegrond,,,\n\
             KP-5,2026-04-14,afsluiting,A. Bakker,,,,\n{rest}"
        ),
    );
    if let Some(r) = reglement {
        f.schrijf("reglement.toml", r);
    }
    check(&f, as_of)
}

#[test]
fn art_5_beroepstermijn() {
    let v = beroep(
        "KP-5,2026-04-28,beroep,J. Jansen,,,,\nKP-5,2026-05-06,beroepsuitspraak,directie,ongegrond,,,\n",
        None,
        "2026-06-01",
    );
    assert!(rules_of(&v, "KP-5").is_empty(), "{v:#}");
    let v = beroep(
        "KP-5,2026-04-29,beroep,J. Jansen,,,,\nKP-5,2026-05-06,beroepsuitspraak,directie,ongegrond,,,\n",
        None,
        "2026-06-01",
    );
    let fi = one(&v, "KP-5", "art-5-beroepstermijn");
    assert_finding(fi, "warning", Some("2026-04-28"), Some("2026-04-29"));
    assert_at(fi, "gebeurtenissen.csv", 6);
}

#[test]
fn art_5_onafhankelijk() {
    let cases = [
        ("", true),
        ("directie", false),
        (" a. bakker ", true),
        ("AFDELING ADMINISTRATIE", true),
        ("k. smit", true),
        ("P. de Vries", false),
    ];
    for (door, error) in cases {
        let v = beroep(
            &format!(
                "KP-5,2026-04-20,beroep,J. Jansen,,,,\nKP-5,2026-05-06,beroepsuitspraak,\"{door}\",ongegrond,,,\n"
            ),
            None,
            "2026-06-01",
        );
        let fs = found(&v, "KP-5", "art-5-onafhankelijk");
        if error {
            assert_eq!(fs.len(), 1, "{door:?}: {v:#}");
            assert_eq!(fs[0]["severity"], "error");
            assert_at(fs[0], "gebeurtenissen.csv", 7);
        } else {
            assert!(fs.is_empty(), "{door:?}: {v:#}");
        }
    }
}

#[test]
fn art_5_onafhankelijk_beklaagde_is_compared_too() {
    let v = beroep(
        "KP-5,2026-04-20,beroep,J. Jansen,,,,\nKP-5,2026-05-06,beroepsuitspraak,afdeling administratie,ongegrond,,,\n",
        None,
        "2026-06-01",
    );
    one(&v, "KP-5", "art-5-onafhankelijk");
}

#[test]
fn art_5_onafhankelijk_ignores_verantwoording_and_later_events() {
    // directie wrote a verantwoording before the beroep: still independent
    let v = beroep(
        "KP-5,2026-04-15,verantwoording,directie,,,gesprek was kort,art-4.5-afsluiting\n\
         KP-5,2026-04-20,beroep,J. Jansen,,,,\n\
         KP-5,2026-05-06,beroepsuitspraak,Directie,ongegrond,,,\n",
        None,
        "2026-06-01",
    );
    none(&v, "KP-5", "art-5-onafhankelijk");
    // someone who only acted after the beroep
    let v = beroep(
        "KP-5,2026-04-20,beroep,J. Jansen,,,,\n\
         KP-5,2026-04-22,gesprek,P. de Vries,,,,\n\
         KP-5,2026-05-06,beroepsuitspraak,P. de Vries,ongegrond,,,\n",
        None,
        "2026-06-01",
    );
    none(&v, "KP-5", "art-5-onafhankelijk");
    // directie did an earlier event (not a verantwoording): not independent
    let v = beroep(
        "KP-5,2026-04-16,maatregel,directie,,,,\n\
         KP-5,2026-04-20,beroep,J. Jansen,,,,\n\
         KP-5,2026-05-06,beroepsuitspraak,directie,ongegrond,,,\n",
        None,
        "2026-06-01",
    );
    one(&v, "KP-5", "art-5-onafhankelijk");
}

#[test]
fn art_5_beroepsbehandeling_only_when_configured() {
    let rest = "KP-5,2026-04-20,beroep,J. Jansen,,,,\n";
    let v = beroep(rest, None, "2027-01-01");
    none(&v, "KP-5", "art-5-beroepsbehandeling");
    assert!(rules_of(&v, "KP-5").is_empty(), "{v:#}");
}

#[test]
fn art_5_beroepsbehandeling_configured() {
    // beroep Tue 2026-04-21 + 2 weeks = Tue 5 May (Bevrijdingsdag) -> Wed 6 May.
    let r = Some("beroep_afhandeltermijn_weken = 2\n");
    let v = beroep(
        "KP-5,2026-04-21,beroep,J. Jansen,,,,\nKP-5,2026-05-06,beroepsuitspraak,directie,ongegrond,,,\n",
        r,
        "2026-06-01",
    );
    assert!(rules_of(&v, "KP-5").is_empty(), "{v:#}");
    let v = beroep(
        "KP-5,2026-04-21,beroep,J. Jansen,,,,\nKP-5,2026-05-07,beroepsuitspraak,directie,ongegrond,,,\n",
        r,
        "2026-06-01",
    );
    let fi = one(&v, "KP-5", "art-5-beroepsbehandeling");
    assert_finding(fi, "error", Some("2026-05-06"), Some("2026-05-07"));
    assert_at(fi, "gebeurtenissen.csv", 7);
    // missing: points at the beroep
    let v = beroep("KP-5,2026-04-21,beroep,J. Jansen,,,,\n", r, "2026-05-07");
    let fi = one(&v, "KP-5", "art-5-beroepsbehandeling");
    assert_finding(fi, "error", Some("2026-05-06"), None);
    assert_at(fi, "gebeurtenissen.csv", 6);
    // not yet past
    let v = beroep("KP-5,2026-04-21,beroep,J. Jansen,,,,\n", r, "2026-05-06");
    assert!(
        found(&v, "KP-5", "art-5-beroepsbehandeling")
            .iter()
            .all(|f| f["severity"] != "error"),
        "{v:#}"
    );
    // withdrawn before the deadline
    let v = beroep(
        "KP-5,2026-04-21,beroep,J. Jansen,,,,\nKP-5,2026-04-30,ingetrokken,J. Jansen,,,,\n",
        r,
        "2026-06-01",
    );
    none(&v, "KP-5", "art-5-beroepsbehandeling");
}

// ---- scope (section 7) ----

#[test]
fn scope_inwerkingtreding_boundary() {
    let f = Fixture::new(
        &format!(
            "{}{}",
            zaak("KP-1", "2024-09-30"),
            zaak("KP-2", "2024-10-01")
        ),
        "",
    );
    let v = check(&f, "2025-06-01");
    let fi = one(&v, "KP-1", "art-8-inwerkingtreding");
    assert_eq!(fi["severity"], "info");
    assert_at(fi, "klachten.csv", 2);
    assert_eq!(rules_of(&v, "KP-1"), vec!["art-8-inwerkingtreding"]);
    none(&v, "KP-2", "art-8-inwerkingtreding");
    one(&v, "KP-2", "art-4.2-ontvangstbevestiging");
    assert_eq!(v["summary"]["checked"], 1);
    assert_eq!(v["summary"]["infos"], 1);
}

#[test]
fn scope_configured_inwerkingtreding() {
    let f = Fixture::new(
        &format!(
            "{}{}",
            zaak("KP-1", "2024-12-31"),
            zaak("KP-2", "2025-01-01")
        ),
        "",
    );
    f.schrijf("reglement.toml", "inwerkingtreding = 2025-01-01\n");
    let v = check(&f, "2025-06-01");
    assert_eq!(rules_of(&v, "KP-1"), vec!["art-8-inwerkingtreding"]);
    one(&v, "KP-2", "art-4.2-ontvangstbevestiging");
}

#[test]
fn scope_each_reason_and_only_art_4_1_besides() {
    let k = "KP-1,2025-03-03,telefoon,preventie,A. Bakker,J,j@example.nl,x,,\n\
             KP-2,2025-03-03,Mondeling,preventie,A. Bakker,J,j@example.nl,x,,\n\
             KP-3,2025-03-03,email,overig,A. Bakker,J,j@example.nl,x,,\n\
             KP-4,2024-09-01,telefoon,Overig,A. Bakker,,,x,,A. Bakker\n";
    // events that would raise art-4.4-oordeel, art-4.5, art-5-onafhankelijk in scope
    let ev = "KP-4,2024-09-02,afsluiting,A. Bakker,,,,\n\
              KP-4,2024-09-03,uitspraak,A. Bakker,,,,\n\
              KP-4,2024-09-04,beroep,J,,,,\n\
              KP-4,2024-09-30,beroepsuitspraak,A. Bakker,gegrond,,,\n";
    let f = Fixture::new(k, ev);
    // a case file with an e-mail address: art-6 is not among the exceptions
    f.schrijf("zaken/KP-4.md", "# KP-4\n\nMail: piet@example.nl\n");
    let v = check(&f, "2025-06-01");
    assert_eq!(rules_of(&v, "KP-1"), vec!["art-1-schriftelijk"]);
    assert_eq!(rules_of(&v, "KP-2"), vec!["art-1-schriftelijk"]);
    assert_eq!(rules_of(&v, "KP-3"), vec!["art-3-reikwijdte"]);
    assert_eq!(
        rules_of(&v, "KP-4"),
        vec![
            "art-1-schriftelijk",
            "art-3-reikwijdte",
            "art-4.1-gegevens",
            "art-8-inwerkingtreding"
        ]
    );
    for z in ["KP-1", "KP-2", "KP-3"] {
        let fi = found(&v, z, "art-1-schriftelijk")
            .into_iter()
            .chain(found(&v, z, "art-3-reikwijdte"))
            .next()
            .unwrap();
        assert_finding(fi, "info", None, None);
    }
    assert_eq!(v["summary"]["checked"], 0);
    assert!(input_errors(&v).is_empty(), "{v:#}");
}

#[test]
fn scope_out_of_scope_case_is_exit_0() {
    let f = Fixture::new(
        "KP-1,2025-03-03,telefoon,preventie,A. Bakker,J,j@example.nl,x,,\n",
        "",
    );
    let o = run(&f, "2025-06-01");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--strict"]);
    assert_eq!(code(&o), 0, "infos never count: {}", stdout(&o));
}

// ---- art-6-persoonsgegevens ----

#[test]
fn art_6_persoonsgegevens() {
    let hits = [
        "Mail naar piet.jansen@example.nl gestuurd",
        "Gebeld met 06-12345678",
        "BSN 111222333 genoteerd",
        "Rekening NL91ABNA0417164300",
    ];
    for hit in hits {
        let f = Fixture::new(KP1, CLEAN);
        f.schrijf(
            "zaken/KP-1.md",
            format!("# KP-1\n\n{hit}\n\nNog een regel\n"),
        );
        let v = check(&f, "2025-06-01");
        let fi = one(&v, "KP-1", "art-6-persoonsgegevens");
        assert_eq!(fi["severity"], "warning", "{hit}");
        assert_at(fi, "zaken/KP-1.md", 3);
    }
    let misses = [
        "Dossiernummer 123456789",
        "Rekening NL91ABNA0417164301",
        "Klager is teruggebeld, alles besproken.",
    ];
    for miss in misses {
        let f = Fixture::new(KP1, CLEAN);
        f.schrijf("zaken/KP-1.md", format!("# KP-1\n\n{miss}\n"));
        let v = check(&f, "2025-06-01");
        none(&v, "KP-1", "art-6-persoonsgegevens");
    }
}

// ---- peildatum (section 7) ----

#[test]
fn peildatum_leaves_out_later_cases_and_events() {
    let f = Fixture::new(
        &format!("{KP1}{}", zaak("KP-9", "2025-04-15")),
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-04-15,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-04-16,afsluiting,A. Bakker,,,,\n\
         KP-9,2025-04-16,ontvangstbevestiging,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-04-10");
    // the uitspraak after the peildatum is not there yet
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-03-31"), None);
    assert_at(fi, "klachten.csv", 2);
    assert!(rules_of(&v, "KP-9").is_empty(), "{v:#}");
    assert_eq!(v["summary"]["checked"], 1);
    assert!(input_errors(&v).is_empty(), "{v:#}");
    let v = check(&f, "2025-04-20");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-03-31"), Some("2025-04-15"));
    assert_at(fi, "gebeurtenissen.csv", 3);
    assert_eq!(v["summary"]["checked"], 2);
    assert_eq!(v["as_of"], "2025-04-20");
}

#[test]
fn peildatum_the_received_day_itself_is_in() {
    let f = Fixture::new(KP1, "");
    let v = check(&f, "2025-03-03");
    assert_eq!(v["summary"]["checked"], 1);
    let v = check(&f, "2025-03-02");
    assert_eq!(v["summary"]["checked"], 0);
    assert!(v["findings"].as_array().unwrap().is_empty(), "{v:#}");
}

// ---- verantwoording ----

#[test]
fn verantwoording_accepts_every_finding_of_its_rule_on_its_case() {
    let f = Fixture::new(
        &format!("{KP1}{}", zaak("KP-2", "2025-03-03")),
        "KP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-03-25,verantwoording,directie,,,tweede uitleg,art-4.2-ontvangstbevestiging\n\
         KP-1,2025-03-24,verantwoording,Directie,,,ziekte behandelaar,ART-4.2-Ontvangstbevestiging\n\
         KP-2,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-2,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-2,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_eq!(fi["severity"], "error");
    assert_eq!(fi["accepted"], true);
    // the case's first verantwoording for the rule (in date order)
    assert_eq!(fi["justification"], "ziekte behandelaar");
    let fi = one(&v, "KP-2", "art-4.2-ontvangstbevestiging");
    assert_ne!(fi["accepted"], true);
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["summary"]["accepted"], 1);
    assert_eq!(code(&o), 1);
    assert!(input_errors(&v).is_empty(), "{v:#}");
}

#[test]
fn verantwoording_does_not_count_toward_the_exit_status() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,verlenging,A. Bakker,,2025-04-14,,\n\
         KP-1,2025-03-21,verlenging,A. Bakker,,2025-03-25,drukte,\n\
         KP-1,2025-03-31,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-04-01,verantwoording,directie,,,fout gemaakt,art-4.3-verlenging\n",
    );
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    let fs = found(&v, "KP-1", "art-4.3-verlenging");
    assert_eq!(fs.len(), 2, "{v:#}");
    for fi in &fs {
        assert_eq!(fi["accepted"], true);
        assert_eq!(fi["justification"], "fout gemaakt");
        assert_eq!(fi["severity"], "error");
    }
    // the remaining finding is the warning for the missing afsluiting
    one(&v, "KP-1", "art-4.5-afsluiting");
    assert_eq!(v["summary"]["accepted"], 2);
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--strict"]);
    assert_eq!(code(&o), 1);
    // accepting the warning too makes --strict pass
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,verlenging,A. Bakker,,2025-04-14,,\n\
         KP-1,2025-03-21,verlenging,A. Bakker,,2025-03-25,drukte,\n\
         KP-1,2025-03-31,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-04-01,verantwoording,directie,,,fout gemaakt,art-4.3-verlenging\n\
         KP-1,2025-04-01,verantwoording,directie,,,brief kwijt,art-4.5-afsluiting\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--strict"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn verantwoording_after_the_peildatum_accounts_for_nothing() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-05-01,verantwoording,directie,,,ziekte,art-4.2-ontvangstbevestiging\n",
    );
    let o = run(&f, "2025-04-30");
    let v = json(&o);
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_ne!(fi["accepted"], true);
    assert_eq!(code(&o), 1);
    let o = run(&f, "2025-05-01");
    let v = json(&o);
    assert_eq!(
        one(&v, "KP-1", "art-4.2-ontvangstbevestiging")["accepted"],
        true
    );
    assert_eq!(code(&o), 0);
}

#[test]
fn verantwoording_incomplete_or_unknown_rule_is_an_input_error() {
    let rows = [
        (
            "KP-1,2025-03-25,verantwoording,directie,,,ziekte,\n",
            "regel",
        ),
        (
            "KP-1,2025-03-25,verantwoording,,,,ziekte,art-4.2-ontvangstbevestiging\n",
            "door",
        ),
        (
            "KP-1,2025-03-25,verantwoording,directie,,,,art-4.2-ontvangstbevestiging\n",
            "toelichting",
        ),
        (
            "KP-1,2025-03-25,verantwoording,directie,,,ziekte,art-4.9-bestaatniet\n",
            "regel",
        ),
        // dated after the peildatum: still an input error
        (
            "KP-1,2025-09-25,verantwoording,directie,,,ziekte,art-4.9-bestaatniet\n",
            "regel",
        ),
        (
            "KP-1,2025-09-25,verantwoording,directie,,,,art-4.2-ontvangstbevestiging\n",
            "toelichting",
        ),
    ];
    for (row, column) in rows {
        let f = Fixture::new(
            KP1,
            &format!(
                "KP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
                 KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
                 KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n{row}"
            ),
        );
        let o = run(&f, "2025-06-01");
        assert_eq!(code(&o), 1, "{row}");
        let v = json(&o);
        let ie = input_errors(&v);
        assert_eq!(ie.len(), 1, "{row}: {v:#}");
        assert_eq!(ie[0]["file"], "gebeurtenissen.csv", "{row}");
        assert_eq!(ie[0]["line"], 5, "{row}");
        assert_eq!(ie[0]["column"], column, "{row}: {v:#}");
        // and the finding stays unaccepted
        let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
        assert_ne!(fi["accepted"], true, "{row}");
    }
}

// ---- order of the findings (section 10) ----

#[test]
fn findings_are_sorted_by_case_then_rule_then_date() {
    let k = format!(
        "{}{}{}",
        "KP-B,2025-03-03,telefoon,overig,A. Bakker,,j@example.nl,x,,\n",
        zaak("KP-A", "2025-03-03"),
        "KP-C,2025-03-03,email,preventie,A. Bakker,J,j@example.nl,x,,\n"
    );
    let ev = "KP-A,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
              KP-A,2025-03-27,verlenging,A. Bakker,,2025-04-14,,\n\
              KP-A,2025-03-21,verlenging,A. Bakker,,2025-04-14,,\n\
              KP-A,2025-04-20,uitspraak,A. Bakker,gegrond,,,\n\
              KP-C,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
              KP-C,2025-03-20,afsluiting,A. Bakker,,,,\n";
    let f = Fixture::new(&k, ev);
    let v = check(&f, "2025-06-01");
    let got: Vec<(String, String, Value)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["case"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["date"].clone(),
            )
        })
        .collect();
    let want: Vec<(String, String, Value)> = [
        ("KP-A", "art-4.3-termijn", Value::from("2025-04-20")),
        ("KP-A", "art-4.3-verlenging", Value::from("2025-03-21")),
        ("KP-A", "art-4.3-verlenging", Value::from("2025-03-27")),
        (
            "KP-A",
            "art-4.4-maatregel",
            got_date(&v, "KP-A", "art-4.4-maatregel"),
        ),
        (
            "KP-A",
            "art-4.5-afsluiting",
            got_date(&v, "KP-A", "art-4.5-afsluiting"),
        ),
        ("KP-B", "art-1-schriftelijk", Value::Null),
        ("KP-B", "art-3-reikwijdte", Value::Null),
        ("KP-B", "art-4.1-gegevens", Value::Null),
        (
            "KP-C",
            "art-4.2-ontvangstbevestiging",
            Value::from("2025-03-12"),
        ),
        ("KP-C", "art-4.3-termijn", Value::Null),
        (
            "KP-C",
            "art-4.4-oordeel",
            got_date(&v, "KP-C", "art-4.4-oordeel"),
        ),
    ]
    .into_iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c))
    .collect();
    assert_eq!(got, want);
}

fn got_date(v: &Value, case: &str, rule: &str) -> Value {
    one(v, case, rule)["date"].clone()
}

// ---- further edge cases ----

#[test]
fn withdrawal_after_the_peildatum_is_left_out() {
    let f = Fixture::new(KP1, "KP-1,2025-03-09,ingetrokken,J. Jansen,,,,\n");
    let v = check(&f, "2025-03-08");
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_finding(fi, "warning", Some("2025-03-10"), None);
    let v = check(&f, "2025-03-09");
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
}

#[test]
fn verantwoording_regel_is_trimmed_and_works_for_art_6() {
    let f = Fixture::new(
        KP1,
        &format!(
            "{CLEAN}KP-1,2025-03-22,verantwoording,directie,,,adres staat in brief,\"  Art-6-Persoonsgegevens \"\n"
        ),
    );
    f.schrijf("zaken/KP-1.md", "Mail piet@example.nl\n");
    let o = run(&f, "2025-06-01");
    let v = json(&o);
    assert!(input_errors(&v).is_empty(), "{v:#}");
    let fi = one(&v, "KP-1", "art-6-persoonsgegevens");
    assert_eq!(fi["accepted"], true);
    assert_eq!(fi["justification"], "adres staat in brief");
    assert_at(fi, "zaken/KP-1.md", 1);
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--strict"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn art_5_beroepstermijn_runs_from_the_latest_uitspraak_before_the_beroep() {
    // cycle 2 uitspraak on Mon 2026-04-13 (+2 weeks: Koningsdag, so 28 April)
    let f = Fixture::new(
        &zaak("KP-1", "2026-03-02"),
        "KP-1,2026-03-03,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2026-03-10,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2026-03-11,afsluiting,A. Bakker,,,,\n\
         KP-1,2026-03-30,heropend,J. Jansen,,,,\n\
         KP-1,2026-04-13,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2026-04-14,afsluiting,A. Bakker,,,,\n\
         KP-1,2026-04-28,beroep,J. Jansen,,,,\n\
         KP-1,2026-05-06,beroepsuitspraak,directie,ongegrond,,,\n",
    );
    let v = check(&f, "2026-06-01");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
}

#[test]
fn uitspraak_without_oordeel_still_ends_the_term() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-06-01");
    assert_eq!(rules_of(&v, "KP-1"), vec!["art-4.4-oordeel"]);
}

#[test]
fn warning_window_follows_a_valid_verlenging() {
    let f = Fixture::new(
        KP1,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-28,verlenging,A. Bakker,,2025-04-14,drukte,\n",
    );
    // on the old deadline: nothing (the new one is 14 April)
    let v = check(&f, "2025-03-31");
    assert!(rules_of(&v, "KP-1").is_empty(), "{v:#}");
    // Thu 10 April: the 2nd working day after is Mon 14 April
    let v = check(&f, "2025-04-10");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "warning", Some("2025-04-14"), None);
    let v = check(&f, "2025-04-15");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_finding(fi, "error", Some("2025-04-14"), None);
}

#[test]
fn input_errors_of_out_of_scope_and_left_out_cases_are_reported() {
    let f = Fixture::new(
        &format!(
            "KP-1,2025-03-03,telefoon,preventie,A,J,j@example.nl,x,,\n{}",
            zaak("KP-3", "2025-07-03")
        ),
        "KP-1,2025-03-10,beroep,J,,,,\n\
         KP-1,2025-03-01,gesprek,A,,,,\n\
         KP-3,2025-07-04,bellen,A,,,,\n",
    );
    let o = run(&f, "2025-03-31");
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let lines: Vec<u64> = input_errors(&v)
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![2, 3, 4], "{v:#}");
    assert_eq!(rules_of(&v, "KP-1"), vec!["art-1-schriftelijk"]);
}
