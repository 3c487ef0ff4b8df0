//! Names and texts reach every case and event as the register writes them, and judging
//! side by side changes nothing: read and judged with one thread and with four, the
//! outcome is the same: every case's names, every event's `door` and toelichting, and
//! every finding, the art-5 ones that compare names and the justifications of
//! verantwoordingen included. `check` and `build` find the same.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use klachten::{Gebruik, Uitkomst};

const ZAKEN: usize = 30_000;

/// A register of some 3 MB per file: handlers whose names recur in other case, events of
/// the cases in an interleaved order, appeals decided by the handler in capitals (not
/// independent) or by the management, and verantwoordingen with a text of their own.
fn schrijf_register(map: &Path) {
    let mut klachten =
        String::from("zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving,categorie,beklaagde\n");
    let mut gebeurtenissen =
        String::from("zaak,datum,soort,door,oordeel,termijn,toelichting,regel\n");
    let dag = |i: usize| {
        (NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + chrono::Days::new((i % 500) as u64))
            .format("%Y-%m-%d")
            .to_string()
    };
    let later = |i: usize, dagen: u64| {
        (NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + chrono::Days::new((i % 500) as u64 + dagen))
            .format("%d-%m-%Y")
            .to_string()
    };
    for i in 0..ZAKEN {
        // Names come in another order in every stretch of the file.
        let behandelaar = format!("Behandelaar {}", (i * 7919) % 53);
        let categorie = ["communicatie", "bejegening", "deskundigheid", ""][i % 4];
        let beklaagde = format!("Medewerker {}", (i * 104_729) % 97);
        writeln!(
            klachten,
            "Z-{i:06},{},email,preventie,{behandelaar},K. {i},k{i}@example.nl,\"Traag, en niet gebeld\",{categorie},{beklaagde}",
            dag(i)
        )
        .unwrap();
    }
    // The events of every case, but in an order that mixes the cases over the file.
    for k in 0..ZAKEN {
        let i = (k * 7) % ZAKEN;
        let behandelaar = format!("Behandelaar {}", (i * 7919) % 53);
        let z = format!("Z-{i:06}");
        writeln!(
            gebeurtenissen,
            "{z},{},ontvangstbevestiging,{behandelaar},,,,",
            later(i, 9)
        )
        .unwrap();
        writeln!(
            gebeurtenissen,
            "{z},{},uitspraak,{behandelaar},ongegrond,,,",
            later(i, 20)
        )
        .unwrap();
        writeln!(
            gebeurtenissen,
            "{z},{},afsluiting,Secretariaat {},,,,",
            later(i, 21),
            i % 11
        )
        .unwrap();
        writeln!(gebeurtenissen, "{z},{},beroep,,,,,", later(i, 25)).unwrap();
        let door = if i.is_multiple_of(3) {
            behandelaar.to_uppercase()
        } else {
            "directie".to_string()
        };
        writeln!(
            gebeurtenissen,
            "{z},{},beroepsuitspraak,{door},ongegrond,,,",
            later(i, 30)
        )
        .unwrap();
        if i.is_multiple_of(5) {
            writeln!(
                gebeurtenissen,
                "{z},{},verantwoording,directie,,,\"Te laat bevestigd in zaak {i}, besproken\",art-4.2-ontvangstbevestiging",
                later(i, 31)
            )
            .unwrap();
        }
    }
    std::fs::write(map.join("klachten.csv"), klachten).unwrap();
    std::fs::write(map.join("gebeurtenissen.csv"), gebeurtenissen).unwrap();
}

fn controleer(map: &Path, draden: usize, gebruik: Gebruik) -> Uitkomst {
    let peildatum = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    rayon::ThreadPoolBuilder::new()
        .num_threads(draden)
        .build()
        .unwrap()
        .install(|| klachten::controleer_register_voor(map, peildatum, peildatum, gebruik))
        .unwrap()
}

/// A case as texts: its number; its behandelaar, categorie and beklaagde; per event its
/// door and toelichting.
type Zaaktekst = (
    String,
    Vec<Option<String>>,
    Vec<(Option<String>, Option<String>)>,
);

/// Per case: its names and, per event, its door and toelichting, as texts.
fn teksten(u: &Uitkomst) -> Vec<Zaaktekst> {
    let r = &u.register;
    r.zaken
        .iter()
        .map(|z| {
            let tekst = |t: &Option<std::sync::Arc<str>>| t.as_deref().map(str::to_string);
            let namen = vec![
                Some(z.behandelaar.to_string()),
                tekst(&z.categorie),
                tekst(&z.beklaagde),
            ];
            let events = z
                .gebeurtenissen
                .iter()
                .map(|g| (tekst(&g.door), tekst(&g.toelichting)))
                .collect();
            (z.id.to_string(), namen, events)
        })
        .collect()
}

#[test]
fn namen_en_toelichtingen_met_een_of_vier_draden() {
    let map = tempfile::tempdir().unwrap();
    schrijf_register(map.path());
    assert!(
        std::fs::metadata(map.path().join("gebeurtenissen.csv"))
            .unwrap()
            .len()
            > 3 << 20
    );

    let heel = controleer(map.path(), 1, Gebruik::Site);
    let delen = controleer(map.path(), 4, Gebruik::Site);
    assert_eq!(heel.register.zaken.len(), ZAKEN);
    assert!(
        heel.register.invoerfouten.is_empty(),
        "{:?}",
        heel.register.invoerfouten.first()
    );
    assert_eq!(teksten(&delen), teksten(&heel));
    assert_eq!(delen.bevindingen, heel.bevindingen);

    // The rules compared the names: a third of the appeals were decided by the handler.
    let art5: Vec<_> = heel
        .bevindingen
        .iter()
        .filter(|b| b.regel.id() == "art-5-onafhankelijk")
        .collect();
    assert_eq!(art5.len(), ZAKEN / 3);
    assert!(
        art5[0].bericht.contains("door BEHANDELAAR "),
        "{}",
        art5[0].bericht
    );
    assert!(art5[0].bericht.contains("de behandelaar van de klacht"));
    // And every verantwoording's text reached its findings.
    let aanvaard: Vec<_> = heel
        .bevindingen
        .iter()
        .filter(|b| b.is_geaccepteerd())
        .collect();
    assert!(!aanvaard.is_empty());
    for b in &aanvaard {
        let nummer = b
            .zaaknaam()
            .trim_start_matches("Z-")
            .trim_start_matches('0');
        let verwacht = format!(
            "Te laat bevestigd in zaak {}, besproken",
            if nummer.is_empty() { "0" } else { nummer }
        );
        assert_eq!(b.verantwoording.as_deref(), Some(verwacht.as_str()));
    }

    // `check` keeps no changes per case, and finds the same.
    let controle = controleer(map.path(), 4, Gebruik::Controle);
    assert_eq!(controle.bevindingen, heel.bevindingen);
}
