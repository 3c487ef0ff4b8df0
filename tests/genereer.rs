//! The synthetic register of `klachten genereer`: valid, deterministic, and with findings.

use chrono::NaiveDate;
use klachten::genereer::genereer;
use klachten::Register;

#[test]
fn gegenereerd_register_laadt_zonder_invoerfouten_en_heeft_bevindingen() {
    let map = tempfile::tempdir().expect("tijdelijke map");
    genereer(map.path(), 500, 3).expect("genereren");

    let peildatum = NaiveDate::from_ymd_opt(2026, 11, 24).expect("datum");
    let register = Register::laad(map.path(), peildatum).expect("laden");
    assert_eq!(register.invoerfouten, Vec::new());
    assert!(
        register.waarschuwingen.is_empty(),
        "{:?}",
        register.waarschuwingen
    );
    assert_eq!(register.aantallen.zaken_gelezen, 500);
    // About four to five events per case.
    let gebeurtenissen = register.aantallen.gebeurtenissen_gelezen;
    assert!((2_000..2_600).contains(&gebeurtenissen), "{gebeurtenissen}");
    assert_eq!(register.aantallen.gebeurtenissen_ongeldig, 0);

    let uitkomst = klachten::controleer(register);
    let s = &uitkomst.samenvatting;
    assert!(s.errors > 0 && s.infos > 0, "{s:?}");
    // Roughly one case in ten has an error, not most of them.
    assert!(s.errors < s.checked / 4, "{s:?}");
}

#[test]
fn zelfde_zaad_geeft_dezelfde_bestanden() {
    let lees = |map: &std::path::Path| {
        ["klachten.csv", "gebeurtenissen.csv"].map(|b| std::fs::read(map.join(b)).expect("lezen"))
    };
    let a = tempfile::tempdir().expect("tijdelijke map");
    let b = tempfile::tempdir().expect("tijdelijke map");
    let c = tempfile::tempdir().expect("tijdelijke map");
    genereer(a.path(), 500, 42).expect("genereren");
    genereer(b.path(), 500, 42).expect("genereren");
    genereer(c.path(), 500, 43).expect("genereren");
    assert!(
        lees(a.path()) == lees(b.path()),
        "zelfde zaad, andere bestanden"
    );
    assert!(
        lees(a.path()) != lees(c.path()),
        "ander zaad, zelfde bestanden"
    );
}

#[test]
fn verborgen_opdracht_genereer() {
    let map = tempfile::tempdir().expect("tijdelijke map");
    let uit = map.path().join("register");
    let bin = env!("CARGO_BIN_EXE_klachten");
    let o = std::process::Command::new(bin)
        .args(["genereer", "--zaken", "20", "--seed", "5", "--out"])
        .arg(&uit)
        .output()
        .expect("klachten starten");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(uit.join("klachten.csv").is_file() && uit.join("gebeurtenissen.csv").is_file());
    let hulp = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .expect("klachten starten");
    assert!(!String::from_utf8_lossy(&hulp.stdout).contains("genereer"));
}
