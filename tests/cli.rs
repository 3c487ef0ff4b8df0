//! The command line (spec section 10): exit statuses 0, 1 and 2, `--strict`, `--since`,
//! the text format, and the JSON document on the sample register.

mod common;

use common::*;
use serde_json::Value;

const ZAAK: &str =
    "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,,\n";

#[test]
fn exit_0_zonder_overtredingen() {
    let f = Fixture::new(
        ZAAK,
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n",
    );
    // Warning only (no afsluiting): passes, unless --strict.
    let o = f.klachten(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--strict"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
}

#[test]
fn exit_1_bij_een_overtreding_of_invoerfout() {
    let f = Fixture::new(ZAAK, "");
    let o = f.klachten(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(code(&o), 1);
    let f = Fixture::new(
        ZAAK,
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\nKP-1,morgen,gesprek,A,,,,\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).contains("gebeurtenissen.csv:5: datum: geen datum"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn exit_2_als_de_controle_niet_kan_draaien() {
    let leeg = Fixture::leeg();
    let gevallen: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check"], "klachten.csv"),
        (vec!["check", "--as-of", "31-02-2025"], "--as-of"),
        (vec!["check", "--format", "pdf"], "--format"),
        (vec!["check", "--onbekend"], "--onbekend"),
    ];
    for (args, noemt) in gevallen {
        let o = leeg.klachten(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        let fout = stderr(&o);
        assert_eq!(fout.trim().lines().count(), 1, "{fout}");
        assert!(fout.contains(noemt), "{args:?}: {fout}");
        assert!(stdout(&o).is_empty());
    }
    let o = klachten(&["check"], std::path::Path::new("bestaat/niet"));
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("bestaat/niet"));
}

#[test]
fn exit_2_bij_een_slecht_reglement() {
    let f = Fixture::new(ZAAK, "");
    f.schrijf("reglement.toml", "afhandeltermijn_weken = \"vier\"\n");
    let o = f.klachten(&["check"]);
    assert_eq!(code(&o), 2);
    let fout = stderr(&o);
    assert!(
        fout.contains("reglement.toml") && fout.contains("afhandeltermijn_weken"),
        "{fout}"
    );
}

#[test]
fn since_telt_alleen_recente_bevindingen() {
    // Acknowledgement missing: deadline 2025-03-10.
    let f = Fixture::new(ZAAK, "");
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--since", "2025-03-10"]);
    assert_eq!(code(&o), 1);
    let o = f.klachten(&[
        "check",
        "--as-of",
        "2025-06-01",
        "--since",
        "2025-04-01",
        "--format",
        "json",
    ]);
    // The decision term (2025-03-31) is before --since too: nothing counts, all is reported.
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["summary"]["errors"], 2);
}

/// With `--strict`, a warning counts; one from before `--since` does not, and the text
/// says so, as every other format does.
#[test]
fn strict_en_since_zeggen_welke_waarschuwing_niet_meetelt() {
    // The decision of 20 March 2025 could be appealed until 3 April; the appeal of
    // 30 April is late: a warning dated 30 April 2025.
    let f = Fixture::new(
        ZAAK,
        "KP-1,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-04-30,beroep,A. Bakker,,,,\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--strict"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let regel = |o: &std::process::Output| {
        stdout(o)
            .lines()
            .find(|r| r.contains("art-5-beroepstermijn"))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("{}", stdout(o)))
    };
    assert!(!regel(&o).contains("telt niet mee"), "{}", regel(&o));
    let o = f.klachten(&[
        "check",
        "--as-of",
        "2025-06-01",
        "--strict",
        "--since",
        "2025-05-01",
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(
        regel(&o).ends_with("(telt niet mee: van voor --since)"),
        "{}",
        regel(&o)
    );
}

#[test]
fn verantwoorde_overtreding_telt_niet_mee() {
    let f = Fixture::new(
        ZAAK,
        "KP-1,2025-03-12,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\n\
         KP-1,2025-04-01,verantwoording,directie,,,Storing in de postkamer,Art-4.2-Ontvangstbevestiging\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-06-01", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v = json(&o);
    let b = &v["findings"][0];
    assert_eq!(b["rule"], "art-4.2-ontvangstbevestiging");
    assert_eq!(b["severity"], "error");
    assert_eq!(b["accepted"], true);
    assert_eq!(b["justification"], "Storing in de postkamer");
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["accepted"], 1);
    // Before the verantwoording was written, it did count.
    let o = f.klachten(&["check", "--as-of", "2025-03-31"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn tekstformaat_groepeert_per_zaak_en_sluit_met_een_samenvatting() {
    let f = Fixture::new(
        ZAAK,
        "KP-1,2025-03-12,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,gegrond,,,\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-06-01"]);
    let uit = stdout(&o);
    assert!(
        uit.starts_with("KP-1 (preventie, ontvangen 03-03-2025, behandelaar A. Bakker)"),
        "{uit}"
    );
    assert!(
        uit.contains("ontvangstbevestiging 2 werkdagen te laat: termijn van 5 werkdagen verliep op 10-03-2025, verstuurd op 12-03-2025"),
        "{uit}"
    );
    assert!(uit.contains("gebeurtenissen.csv:2"), "{uit}");
    assert!(!uit.contains('\u{1b}'), "no colour off a terminal");
    let laatste = uit.trim_end().lines().last().unwrap();
    assert!(
        laatste.starts_with("1 zaak gelezen, 1 gecontroleerd"),
        "{laatste}"
    );
    assert!(laatste.ends_with("niet geslaagd"), "{laatste}");
}

#[test]
fn json_op_het_voorbeeldregister_volgt_het_contract() {
    let o = klachten(
        &["check", "--as-of", "2026-11-24", "--format", "json"],
        &voorbeeldregister(),
    );
    assert!(matches!(code(&o), 0 | 1));
    let v = json(&o);
    assert_eq!(v["as_of"], "2026-11-24");
    for sleutel in [
        "cases",
        "checked",
        "errors",
        "warnings",
        "infos",
        "input_errors",
    ] {
        assert!(v["summary"][sleutel].is_u64(), "summary.{sleutel}");
    }
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let mut vorige: Option<(Option<String>, String, String)> = None;
    for b in findings {
        for sleutel in ["rule", "severity", "message", "file"] {
            assert!(b[sleutel].is_string(), "{sleutel} in {b}");
        }
        // A finding about the regulation itself has no case.
        assert!(b["case"].is_string() || b["case"].is_null(), "case in {b}");
        for sleutel in ["deadline", "date", "line"] {
            assert!(b.get(sleutel).is_some(), "{sleutel} in {b}");
        }
        assert!(matches!(
            b["severity"].as_str(),
            Some("error" | "warning" | "info")
        ));
        // Findings on no case (None) first.
        let sleutel = (
            b["case"].as_str().map(str::to_string),
            b["rule"].as_str().unwrap().to_string(),
            b["date"].as_str().unwrap_or("").to_string(),
        );
        if let Some(v) = &vorige {
            assert!(
                v <= &sleutel,
                "sorted by case, rule, date: {v:?} > {sleutel:?}"
            );
        }
        vorige = Some(sleutel);
    }
    let errors = findings.iter().filter(|b| b["severity"] == "error").count();
    assert_eq!(v["summary"]["errors"], errors as u64);
    assert_eq!(
        v["summary"]["input_errors"],
        v["input_errors"].as_array().map(Vec::len).unwrap_or(0) as u64
    );
    let _: &Value = &v["input_errors"];
}

#[test]
fn gesloten_pijp_is_geen_paniek() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut kind = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["check", "--as-of", "2026-11-24", "--register"])
        .arg(voorbeeldregister())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = kind.stdout.take().unwrap();
    let mut begin = [0u8; 16];
    stdout.read_exact(&mut begin).unwrap();
    drop(stdout);
    let mut fout = String::new();
    kind.stderr
        .take()
        .unwrap()
        .read_to_string(&mut fout)
        .unwrap();
    let status = kind.wait().unwrap();
    assert!(matches!(status.code(), Some(0 | 1)), "{status:?} {fout}");
    assert!(!fout.contains("panicked"), "{fout}");
}

#[test]
fn voorbeeldregister_laat_elke_regel_zien() {
    let o = klachten(
        &["check", "--as-of", "2026-11-24", "--format", "json"],
        &voorbeeldregister(),
    );
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let regels: std::collections::BTreeSet<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            format!(
                "{}/{}",
                b["rule"].as_str().unwrap(),
                b["severity"].as_str().unwrap()
            )
        })
        .collect();
    for verwacht in [
        "art-1-schriftelijk/info",
        "art-3-reikwijdte/info",
        "art-8-inwerkingtreding/info",
        "art-4.1-gegevens/warning",
        "art-4.2-ontvangstbevestiging/error",
        "art-4.2-ontvangstbevestiging/warning",
        "art-4.3-termijn/error",
        "art-4.3-termijn/warning",
        "art-4.3-verlenging/error",
        "art-4.4-oordeel/error",
        "art-4.4-maatregel/error",
        "art-4.5-afsluiting/warning",
        "art-5-beroepstermijn/warning",
        "art-5-onafhankelijk/error",
        "art-5-beroepsbehandeling/error",
        "art-6-persoonsgegevens/warning",
    ] {
        assert!(
            regels.contains(verwacht),
            "{verwacht} ontbreekt: {regels:?}"
        );
    }
    assert!(v["summary"]["accepted"].as_u64().unwrap() >= 2);
    assert!(v["input_errors"].as_array().unwrap().len() >= 2);
    // Most cases are in order.
    let met_bevinding: std::collections::BTreeSet<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["case"].as_str())
        .collect();
    assert!(met_bevinding.len() * 4 < v["summary"]["cases"].as_u64().unwrap() as usize);
}

/// A CI job that stops reading the document early still gets the summary line in its log,
/// and the exit status that the findings decide.
#[test]
fn ci_formaat_met_gesloten_pijp_geeft_toch_de_samenvatting() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // Thousands of overdue cases: a document far larger than any buffer on the way.
    let zaken: String = (0..3000)
        .map(|i| ZAAK.replacen("KP-1", &format!("KP-{i}"), 1))
        .collect();
    let f = Fixture::new(&zaken, "");
    for formaat in ["github", "sarif", "junit"] {
        let mut kind = Command::new(env!("CARGO_BIN_EXE_klachten"))
            .args(["check", "--as-of", "2026-11-24", "--format", formaat])
            .arg("--register")
            .arg(f.pad())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(kind.stdout.take());
        let mut log = String::new();
        kind.stderr
            .take()
            .unwrap()
            .read_to_string(&mut log)
            .unwrap();
        let status = kind.wait().unwrap();
        assert_eq!(status.code(), Some(1), "{formaat}: {log}");
        assert!(
            log.lines()
                .any(|r| r.starts_with("klachten: 3000 zaken gelezen")
                    && r.ends_with("niet geslaagd")),
            "{formaat}: {log}"
        );
        assert!(!log.contains("panicked"), "{log}");
    }
}
