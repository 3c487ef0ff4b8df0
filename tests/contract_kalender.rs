//! Contract tests for the calendar and the terms (spec sections 5 and 6): working days,
//! week terms with the termijnenwet shift, the public holidays, the configured closing days,
//! and the warning window. Every expected date was computed by hand from the calendar.

mod common;

use common::*;
use serde_json::Value;

const VER: &str = "2030-01-01";

fn zaak(id: &str, ontvangen: &str) -> String {
    format!(
        "{id},{ontvangen},email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,,\n"
    )
}

/// The deadline of the acknowledgement for a case received on `ontvangen`, read from the
/// error raised when there is none at a late peildatum.
fn ack_deadline(reglement: Option<&str>, ontvangen: &str) -> String {
    let f = Fixture::new(&zaak("KP-1", ontvangen), "");
    if let Some(r) = reglement {
        f.schrijf("reglement.toml", r);
    }
    let v = check(&f, VER);
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_eq!(fi["severity"], "error");
    assert_eq!(fi["date"], Value::Null);
    fi["deadline"].as_str().expect("deadline").to_string()
}

/// The handling deadline of a case received on `ontvangen`, with no events at all and no
/// uitspraak at a late peildatum.
fn handling_deadline(reglement: Option<&str>, ontvangen: &str) -> String {
    let f = Fixture::new(&zaak("KP-1", ontvangen), "");
    if let Some(r) = reglement {
        f.schrijf("reglement.toml", r);
    }
    let v = check(&f, VER);
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_eq!(fi["severity"], "error");
    assert_eq!(fi["date"], Value::Null);
    fi["deadline"].as_str().expect("deadline").to_string()
}

#[test]
fn worked_examples_of_section_5() {
    assert_eq!(ack_deadline(None, "2025-04-18"), "2025-04-28");
    assert_eq!(ack_deadline(None, "2025-12-22"), "2025-12-31");
    assert_eq!(handling_deadline(None, "2025-05-01"), "2025-05-30");
    assert_eq!(handling_deadline(None, "2026-03-28"), "2026-04-28");
    assert_eq!(ack_deadline(None, "2026-04-25"), "2026-05-04");
}

#[test]
fn working_days_skip_every_default_holiday() {
    // 5 May 2025 (Monday)
    assert_eq!(ack_deadline(None, "2025-04-28"), "2025-05-06");
    // Ascension Day 29 May 2025
    assert_eq!(ack_deadline(None, "2025-05-26"), "2025-06-03");
    // Whit Monday 9 June 2025
    assert_eq!(ack_deadline(None, "2025-06-04"), "2025-06-12");
    // Good Friday 18 April 2025 is a working day; Easter Monday 21 April is not
    assert_eq!(ack_deadline(None, "2025-04-14"), "2025-04-22");
    // 1 January 2026
    assert_eq!(ack_deadline(None, "2025-12-29"), "2026-01-06");
}

#[test]
fn working_days_are_counted_strictly_after_the_start() {
    // Received on a working day: that day does not count.
    assert_eq!(ack_deadline(None, "2025-03-03"), "2025-03-10");
    // Received on Christmas Day: 26 Dec, the weekend and 1 Jan are skipped.
    assert_eq!(ack_deadline(None, "2025-12-25"), "2026-01-05");
    // Received on a Saturday.
    assert_eq!(ack_deadline(None, "2025-03-01"), "2025-03-07");
}

#[test]
fn week_terms_landing_on_a_non_working_day_move_to_the_next_working_day() {
    // Whit Monday 9 June 2025
    assert_eq!(handling_deadline(None, "2025-05-12"), "2025-06-10");
    // Easter Monday 6 April 2026
    assert_eq!(handling_deadline(None, "2026-03-09"), "2026-04-07");
    // Christmas 2025 (Thursday), 26 December, then the weekend
    assert_eq!(handling_deadline(None, "2025-11-27"), "2025-12-29");
    // 1 January 2026
    assert_eq!(handling_deadline(None, "2025-12-04"), "2026-01-02");
    // 5 May 2025 and 5 May 2026
    assert_eq!(handling_deadline(None, "2025-04-07"), "2025-05-06");
    assert_eq!(handling_deadline(None, "2026-04-07"), "2026-05-06");
    // A Saturday
    assert_eq!(handling_deadline(None, "2025-03-01"), "2025-03-31");
    // Good Friday 3 April 2026 is a working day by default
    assert_eq!(handling_deadline(None, "2026-03-06"), "2026-04-03");
    // A plain working day stays
    assert_eq!(handling_deadline(None, "2025-03-03"), "2025-03-31");
}

#[test]
fn goede_vrijdag_when_configured_is_a_holiday() {
    let r = Some("goede_vrijdag = true\n");
    assert_eq!(ack_deadline(r, "2025-04-14"), "2025-04-23");
    assert_eq!(handling_deadline(r, "2026-03-06"), "2026-04-07");
}

#[test]
fn sluitingsdagen_are_not_working_days() {
    let r = Some("sluitingsdagen = [2025-12-24]\n");
    assert_eq!(ack_deadline(r, "2025-12-22"), "2026-01-02");
    // 24 December closed, then 25, 26 and the weekend
    assert_eq!(handling_deadline(r, "2025-11-26"), "2025-12-29");
    // Without the closing day the week term ends on 24 December itself.
    assert_eq!(handling_deadline(None, "2025-11-26"), "2025-12-24");
}

#[test]
fn termijnenwet_off_keeps_the_bare_week_term() {
    let r = Some("termijnenwet = false\n");
    assert_eq!(handling_deadline(r, "2025-05-01"), "2025-05-29");
    assert_eq!(handling_deadline(r, "2025-03-01"), "2025-03-29");
    // working-day terms are unaffected
    assert_eq!(ack_deadline(r, "2025-04-18"), "2025-04-28");
}

#[test]
fn configured_terms_are_used() {
    let r = Some("ontvangstbevestiging_werkdagen = 3\nafhandeltermijn_weken = 6\n");
    assert_eq!(ack_deadline(r, "2025-03-03"), "2025-03-06");
    assert_eq!(handling_deadline(r, "2025-03-03"), "2025-04-14");
}

#[test]
fn an_action_on_the_deadline_is_on_time_one_day_later_is_not() {
    // Received Fri 2025-04-18: acknowledgement due 2025-04-28.
    let f = Fixture::new(
        &format!(
            "{}{}",
            zaak("KP-1", "2025-04-18"),
            zaak("KP-2", "2025-04-18")
        ),
        "KP-1,2025-04-28,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-2,2025-04-29,ontvangstbevestiging,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-05-02");
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    let fi = one(&v, "KP-2", "art-4.2-ontvangstbevestiging");
    assert_eq!(fi["severity"], "error");
    assert_eq!(fi["deadline"], "2025-04-28");
    assert_eq!(fi["date"], "2025-04-29");
    assert_eq!(fi["file"], "gebeurtenissen.csv");
    assert_eq!(fi["line"], 3);
}

#[test]
fn handling_on_the_shifted_deadline_is_on_time() {
    // Received Thu 2025-05-01: 29 May is Ascension Day, so the uitspraak is due 30 May.
    let f = Fixture::new(
        &format!(
            "{}{}",
            zaak("KP-1", "2025-05-01"),
            zaak("KP-2", "2025-05-01")
        ),
        "KP-1,2025-05-02,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-05-30,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-05-30,afsluiting,A. Bakker,,,,\n\
         KP-2,2025-05-02,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-2,2025-06-02,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-2,2025-06-02,afsluiting,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-07-01");
    none(&v, "KP-1", "art-4.3-termijn");
    let fi = one(&v, "KP-2", "art-4.3-termijn");
    assert_eq!(fi["severity"], "error");
    assert_eq!(fi["deadline"], "2025-05-30");
    assert_eq!(fi["date"], "2025-06-02");
    assert_eq!(fi["line"], 6);
}

/// Received Mon 2025-03-03: acknowledgement due Mon 2025-03-10.
fn ack_at(as_of: &str, reglement: Option<&str>) -> Vec<Value> {
    let f = Fixture::new(&zaak("KP-1", "2025-03-03"), "");
    if let Some(r) = reglement {
        f.schrijf("reglement.toml", r);
    }
    let v = check(&f, as_of);
    found(&v, "KP-1", "art-4.2-ontvangstbevestiging")
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn acknowledgement_warning_window() {
    // 2nd working day after Wed 5 March is Fri 7 March: too early for a warning.
    assert!(ack_at("2025-03-05", None).is_empty());
    // 2nd working day after Thu 6 March is Mon 10 March: warning.
    for p in ["2025-03-06", "2025-03-07", "2025-03-08", "2025-03-10"] {
        let fs = ack_at(p, None);
        assert_eq!(fs.len(), 1, "{p}");
        assert_eq!(fs[0]["severity"], "warning", "{p}");
        assert_eq!(fs[0]["deadline"], "2025-03-10", "{p}");
        assert_eq!(fs[0]["file"], "klachten.csv");
        assert_eq!(fs[0]["line"], 2);
    }
    // Past the deadline: error.
    let fs = ack_at("2025-03-11", None);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0]["severity"], "error");
}

#[test]
fn warning_window_counts_working_days_across_easter() {
    // Received Mon 2025-04-14: due Tue 22 April. From Thu 17 April the 2nd working day is
    // 22 April (18 April is a working day, 21 April Easter Monday is not).
    let f = Fixture::new(&zaak("KP-1", "2025-04-14"), "");
    let v = check(&f, "2025-04-17");
    let fi = one(&v, "KP-1", "art-4.2-ontvangstbevestiging");
    assert_eq!(fi["severity"], "warning");
    assert_eq!(fi["deadline"], "2025-04-22");
    let v = check(&f, "2025-04-16");
    none(&v, "KP-1", "art-4.2-ontvangstbevestiging");
}

#[test]
fn warning_window_is_configurable() {
    let r = Some("waarschuwing_werkdagen = 0\n");
    assert!(ack_at("2025-03-07", r).is_empty());
    let fs = ack_at("2025-03-10", r);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0]["severity"], "warning");
    let r = Some("waarschuwing_werkdagen = 5\n");
    // 5th working day after Mon 3 March is Mon 10 March.
    let fs = ack_at("2025-03-03", r);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0]["severity"], "warning");
}

#[test]
fn handling_warning_window() {
    // Received Mon 2025-03-03, acknowledged; uitspraak due Mon 31 March.
    let f = Fixture::new(
        &zaak("KP-1", "2025-03-03"),
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n",
    );
    let v = check(&f, "2025-03-26");
    none(&v, "KP-1", "art-4.3-termijn");
    for p in ["2025-03-27", "2025-03-31"] {
        let v = check(&f, p);
        let fi = one(&v, "KP-1", "art-4.3-termijn");
        assert_eq!(fi["severity"], "warning", "{p}");
        assert_eq!(fi["deadline"], "2025-03-31", "{p}");
        assert_eq!(fi["file"], "klachten.csv");
        assert_eq!(fi["line"], 2);
    }
    let v = check(&f, "2025-04-01");
    let fi = one(&v, "KP-1", "art-4.3-termijn");
    assert_eq!(fi["severity"], "error");
    assert_eq!(fi["deadline"], "2025-03-31");
    assert_eq!(fi["date"], Value::Null);
}
