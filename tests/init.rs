//! `klachten init`: a starter register that `check` passes and `build` builds, on any day.

mod common;

use std::process::Command;

use chrono::NaiveDate;
use common::*;

fn klachten_in(map: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(args)
        .current_dir(map)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// In an empty folder: `init`, then `check` passes (exit 0) and `build` builds.
#[test]
fn init_geeft_een_register_dat_slaagt_en_bouwt() {
    let map = tempfile::tempdir().unwrap();
    let o = klachten_in(map.path(), &["init"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let register = map.path().join("register");
    for bestand in [
        "klachten.csv",
        "gebeurtenissen.csv",
        "reglement.toml",
        "reglement.md",
        "zaken/VOORBEELD-3.md",
        "LEESMIJ.md",
    ] {
        assert!(register.join(bestand).is_file(), "{bestand}");
    }
    // What to do next is said on stderr.
    assert!(stderr(&o).contains("LEESMIJ.md"), "{}", stderr(&o));

    let o = klachten_in(map.path(), &["check"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let o = klachten_in(map.path(), &["check", "--strict", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["summary"]["cases"], 3);
    assert_eq!(v["summary"]["checked"], 3);
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["input_errors"], serde_json::json!([]));

    let o = klachten_in(map.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let site = map.path().join("site");
    assert!(site.join("index.html").is_file());
    let regels = std::fs::read_to_string(site.join("regels.html")).unwrap();
    assert!(
        regels.contains("id=\"artikel-4.2\""),
        "the skeleton's anchors"
    );

    // A folder that is no longer empty is refused, and left as it was.
    let voor = std::fs::read(register.join("klachten.csv")).unwrap();
    let o = klachten_in(map.path(), &["init"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("niet leeg"), "{}", stderr(&o));
    assert_eq!(std::fs::read(register.join("klachten.csv")).unwrap(), voor);

    // Another folder, given as argument.
    let o = klachten_in(map.path(), &["init", "elders/klachtenregister"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(map
        .path()
        .join("elders/klachtenregister/LEESMIJ.md")
        .is_file());
}

/// Whatever the day of `init` (weekends, holidays, the turn of a year), its examples give
/// no finding on that day: the open case is not yet near its deadline.
#[test]
fn de_voorbeelden_slagen_op_elke_dag() {
    let map = tempfile::tempdir().unwrap();
    let begin = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for i in 0..400 {
        let dag = begin + chrono::Days::new(i);
        let register = map.path().join(i.to_string());
        klachten::init::init(&register, dag).unwrap();
        let geladen = klachten::Register::laad(&register, dag).unwrap();
        assert_eq!(geladen.zaken.len(), 3);
        let uitkomst = klachten::controleer(geladen);
        assert_eq!(uitkomst.register.invoerfouten, [], "{dag}");
        assert!(
            uitkomst.bevindingen.is_empty(),
            "{dag}: {:?}",
            uitkomst.bevindingen
        );
        assert!(
            uitkomst.notities.is_empty(),
            "{dag}: {:?}",
            uitkomst.notities
        );
    }
}

/// The guide in the register is the project's own `docs/LEESMIJ.md`, which the README
/// links to: one text.
#[test]
fn de_handleiding_is_die_uit_de_documentatie() {
    let map = tempfile::tempdir().unwrap();
    klachten::init::init(map.path(), NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()).unwrap();
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/LEESMIJ.md");
    assert_eq!(
        std::fs::read_to_string(map.path().join("LEESMIJ.md")).unwrap(),
        std::fs::read_to_string(docs).unwrap()
    );
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    assert!(readme.contains("(docs/LEESMIJ.md)"));
}
