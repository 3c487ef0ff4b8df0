//! No input makes the tool panic: truncated, binary and garbage registers are reported as
//! input errors (or, for an unusable klachten.csv or reglement.toml, exit status 2).

mod common;

use common::*;
use klachten::report::{self, Formaat, Opties};
use klachten::{controleer, Drempel, Register};

/// A small deterministic generator, so that a failure can be reproduced.
struct Xorshift(u64);

impl Xorshift {
    fn volgende(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn onder(&mut self, n: usize) -> usize {
        (self.volgende() % n as u64) as usize
    }
}

const STUKJES: &[&str] = &[
    "KP-1",
    "KP-2",
    ",",
    ";",
    "\"",
    "\n",
    "\r\n",
    "2025-03-03",
    "31-02-2025",
    "9999-12-31",
    "0001-01-01",
    "email",
    "telefoon",
    "overig",
    "preventie",
    "uitspraak",
    "beroep",
    "beroepsuitspraak",
    "heropend",
    "afsluiting",
    "verlenging",
    "ingetrokken",
    "verantwoording",
    "art-4.2-ontvangstbevestiging",
    "gegrond",
    "directie",
    "ë",
    "\u{0}",
    "\u{feff}",
    "  ",
    "x",
    "2025-03-10",
    "2025-04-30",
    "06-12345678",
];

fn rommel(rng: &mut Xorshift, kop: &str) -> Vec<u8> {
    let mut uit = kop.as_bytes().to_vec();
    for _ in 0..rng.onder(200) {
        if rng.onder(10) == 0 {
            uit.push(rng.volgende() as u8);
        } else {
            uit.extend_from_slice(STUKJES[rng.onder(STUKJES.len())].as_bytes());
        }
    }
    uit
}

fn draai(f: &Fixture) {
    let peildatum = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let Ok(register) = Register::laad(f.pad(), peildatum) else {
        return;
    };
    let uitkomst = controleer(register);
    let opties = Opties {
        register: "register".into(),
        drempel: Drempel::default(),
        kleur: false,
    };
    for formaat in [Formaat::Text, Formaat::Json] {
        let mut uit = Vec::new();
        report::schrijf(&uitkomst, formaat, &opties, &mut uit).unwrap();
        if formaat == Formaat::Json {
            serde_json::from_slice::<serde_json::Value>(&uit).expect("valid JSON");
        }
    }
}

#[test]
fn willekeurige_registers() {
    let mut rng = Xorshift(0x5eed_1234_abcd_ef01);
    for _ in 0..400 {
        let f = Fixture::leeg();
        let kop_k = if rng.onder(4) == 0 { "" } else { KLACHTEN_KOP };
        let kop_g = if rng.onder(4) == 0 {
            ""
        } else {
            GEBEURTENISSEN_KOP
        };
        f.schrijf("klachten.csv", rommel(&mut rng, kop_k));
        f.schrijf("gebeurtenissen.csv", rommel(&mut rng, kop_g));
        if rng.onder(5) == 0 {
            f.schrijf("zaken/KP-1.md", rommel(&mut rng, "# "));
        }
        draai(&f);
    }
}

#[test]
fn afgebroken_en_binaire_bestanden() {
    let goed_k = format!(
        "{KLACHTEN_KOP}KP-1,2025-03-03,email,preventie,A,J,j@x.nl,\"lange\nomschrijving\",,\n"
    );
    let goed_g = format!(
        "{GEBEURTENISSEN_KOP}KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n"
    );
    for n in 0..goed_k.len() {
        let f = Fixture::leeg();
        f.schrijf("klachten.csv", &goed_k.as_bytes()[..n]);
        f.schrijf(
            "gebeurtenissen.csv",
            &goed_g.as_bytes()[..n.min(goed_g.len())],
        );
        draai(&f);
    }
    let binair: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", &binair);
    f.schrijf("gebeurtenissen.csv", &binair);
    f.schrijf("zaken/KP-1.md", &binair);
    f.schrijf("reglement.md", &binair);
    draai(&f);
}

#[test]
fn binair_register_via_de_binary() {
    let binair: Vec<u8> = (0..2048u32)
        .map(|i| (i.wrapping_mul(2246822519) >> 11) as u8)
        .collect();
    let f = Fixture::leeg();
    f.schrijf("klachten.csv", &binair);
    f.schrijf("gebeurtenissen.csv", &binair);
    let o = f.klachten(&["check", "--format", "json"]);
    assert!(matches!(o.status.code(), Some(1)), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    json(&o);
    f.schrijf("reglement.toml", &binair);
    let o = f.klachten(&["check"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// Files of a few megabytes are read in parts side by side: the same random mix of
/// sound rows, duplicates, unknown cases and garbage, at that size.
#[test]
fn grote_willekeurige_registers() {
    let mut rng = Xorshift(0x0b16_f11e_5eed_0002);
    let soorten = [
        "ontvangstbevestiging",
        "uitspraak",
        "maatregel",
        "afsluiting",
        "heropend",
        "beroep",
        "beroepsuitspraak",
        "verlenging",
    ];
    for _ in 0..3 {
        let mut klachten = KLACHTEN_KOP.as_bytes().to_vec();
        while klachten.len() < 3 << 20 {
            if rng.onder(50) == 0 {
                klachten.extend(rommel(&mut rng, ""));
            } else {
                let n = rng.onder(60_000);
                klachten.extend_from_slice(
                    format!("KP-{n},2025-03-03,email,preventie,A,J,j@x.nl,\"o\nm\",,\n").as_bytes(),
                );
            }
        }
        let mut gebeurtenissen = GEBEURTENISSEN_KOP.as_bytes().to_vec();
        while gebeurtenissen.len() < 4 << 20 {
            if rng.onder(50) == 0 {
                gebeurtenissen.extend(rommel(&mut rng, ""));
            } else {
                let (n, dag) = (rng.onder(70_000), 1 + rng.onder(28));
                let soort = soorten[rng.onder(soorten.len())];
                gebeurtenissen.extend_from_slice(
                    format!("KP-{n},2025-04-{dag:02},{soort},B,gegrond,,,\r\n").as_bytes(),
                );
            }
        }
        let f = Fixture::leeg();
        f.schrijf("klachten.csv", &klachten);
        f.schrijf("gebeurtenissen.csv", &gebeurtenissen);
        draai(&f);
    }
}
