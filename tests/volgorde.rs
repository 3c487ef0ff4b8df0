//! The findings of all cases are gathered in the contract's order: by case number, then
//! rule and date. Cases are judged in stretches side by side when klachten.csv lists them
//! in number order, and one by one and sorted afterwards when it does not; both ways must
//! give every case exactly its own findings, in the same order as sorting them all.

use std::path::Path;

use chrono::NaiveDate;
use klachten::genereer::genereer;
use klachten::{Register, Uitkomst};

/// More cases than one stretch holds, and not a whole number of stretches.
const ZAKEN: u64 = 5_300;

fn peildatum() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("datum")
}

fn controleer(map: &Path) -> Uitkomst {
    klachten::controleer(Register::laad(map, peildatum()).expect("laden"))
}

/// Each case's findings are its own, and all findings are in the contract's order.
fn toets_volgorde(uitkomst: &Uitkomst) {
    let mut gezien = 0;
    for (index, (zaak, oordeel)) in uitkomst
        .register
        .zaken
        .iter()
        .zip(&uitkomst.zaken)
        .enumerate()
    {
        let eigen = uitkomst.bevindingen_van(index);
        assert_eq!(eigen.len(), oordeel.bevindingen.len());
        assert!(
            eigen.iter().all(|b| b.zaak.as_ref() == Some(&zaak.id)),
            "zaak {}",
            zaak.id
        );
        gezien += eigen.len();
    }
    assert_eq!(gezien, uitkomst.bevindingen.len());
    let sleutels: Vec<_> = uitkomst
        .bevindingen
        .iter()
        .map(|b| (b.zaak.clone(), b.sorteersleutel()))
        .collect();
    let mut gesorteerd = sleutels.clone();
    gesorteerd.sort();
    assert_eq!(sleutels, gesorteerd);
}

/// The findings as the JSON and text reports would list them: case, rule, message.
fn lijst(uitkomst: &Uitkomst) -> Vec<(String, String, String)> {
    uitkomst
        .bevindingen
        .iter()
        .map(|b| {
            (
                b.zaaknaam().to_string(),
                format!("{:?}", b.regel),
                b.bericht.clone(),
            )
        })
        .collect()
}

#[test]
fn bevindingen_op_volgorde_van_zaak_in_beide_soorten_registers() {
    let op_volgorde = tempfile::tempdir().expect("tijdelijke map");
    genereer(op_volgorde.path(), ZAKEN, 7).expect("genereren");

    // The same rows of klachten.csv in another order: every seventh row from the end first.
    let door_elkaar = tempfile::tempdir().expect("tijdelijke map");
    let tekst = std::fs::read_to_string(op_volgorde.path().join("klachten.csv")).expect("lezen");
    let mut regels = tekst.lines();
    let kop = regels.next().expect("kopregel");
    let mut rijen: Vec<&str> = regels.collect();
    rijen.sort_by_key(|rij| std::cmp::Reverse(rij.len() % 7));
    rijen.reverse();
    let mut nieuw = format!("{kop}\n");
    for rij in &rijen {
        nieuw.push_str(rij);
        nieuw.push('\n');
    }
    std::fs::write(door_elkaar.path().join("klachten.csv"), nieuw).expect("schrijven");
    std::fs::copy(
        op_volgorde.path().join("gebeurtenissen.csv"),
        door_elkaar.path().join("gebeurtenissen.csv"),
    )
    .expect("kopiëren");

    let a = controleer(op_volgorde.path());
    let b = controleer(door_elkaar.path());
    assert!(
        a.register.zaken.windows(2).all(|p| p[0].id <= p[1].id),
        "het eerste register staat op volgorde"
    );
    assert!(
        !b.register.zaken.windows(2).all(|p| p[0].id <= p[1].id),
        "het tweede register staat niet op volgorde"
    );
    assert!(a.bevindingen.len() > 100, "{}", a.bevindingen.len());
    toets_volgorde(&a);
    toets_volgorde(&b);
    assert_eq!(lijst(&a), lijst(&b));
    assert_eq!(a.samenvatting, b.samenvatting);
}
