//! The register's Git history (art-7): throw-away repositories with backdated commits
//! exercise art-7-registratie and art-7-wijziging, the skip outside Git and in a shallow
//! clone, and uncommitted changes. Every test states the exact art-7 findings of the JSON
//! output: rule, case, file, line, deadline, date and commit.

mod common;

use std::path::Path;
use std::process::Command;

use common::git::*;
use common::*;
use serde_json::{json, Value};

fn check(register: &Path, as_of: &str) -> (Value, String, Option<i32>) {
    let o = klachten(&["check", "--as-of", as_of, "--format", "json"], register);
    (json(&o), stderr(&o), o.status.code())
}

/// The art-7 findings as (rule, case, file, line, deadline, date, commit), in output order.
fn art7(v: &Value) -> Vec<Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["rule"].as_str().unwrap().starts_with("art-7"))
        .map(|b| {
            json!([
                b["rule"],
                b["case"],
                b["file"],
                b["line"],
                b["deadline"],
                b["date"],
                b["commit"]
            ])
        })
        .collect()
}

fn berichten(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["rule"].as_str().unwrap().starts_with("art-7"))
        .map(|b| b["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn registratie_rond_de_vijf_werkdagen_met_feestdagen_en_tijdzones() {
    let repo = Repo::new();
    let k = zaak("KP-1", "2025-04-18");
    repo.register(&k, "");
    repo.commit("2025-04-18T10:00:00+02:00");
    // Fri 18 April 2025: 5 working days later is Mon 28 April (21 April is Easter Monday,
    // Koningsdag falls on Saturday 26 April). Committed on the 28th, late in the evening:
    // on time.
    let mut g = "KP-1,2025-04-18,ontvangstbevestiging,A,\n".to_string();
    repo.register(&k, &g);
    repo.commit("2025-04-28T23:30:00+02:00");
    // The same deadline; 01:30 on the 29th in +02:00 is still the 28th in UTC, but the
    // commit's own calendar date counts: late.
    g.push_str("KP-1,2025-04-18,gesprek,A,\n");
    repo.register(&k, &g);
    let gesprek = repo.commit("2025-04-29T01:30:00+02:00");
    // Wed 30 April: deadline Thu 8 May (5 May is a holiday). 22:00 on the 8th in -04:00
    // is the 9th in UTC: on time all the same.
    g.push_str("KP-1,2025-04-30,uitspraak,A,ongegrond\n");
    repo.register(&k, &g);
    repo.commit("2025-05-08T22:00:00-04:00");
    // Fri 2 May: deadline Mon 12 May. Committed on the 13th: late.
    g.push_str("KP-1,2025-05-02,afsluiting,A,\n");
    repo.register(&k, &g);
    let afsluiting = repo.commit("2025-05-13T09:00:00+02:00");

    let (v, _, _) = repo.check("2025-06-01");
    assert_eq!(v["summary"]["history"], "gelezen");
    assert_eq!(
        art7(&v),
        [
            json!([
                "art-7-registratie",
                "KP-1",
                "gebeurtenissen.csv",
                3,
                "2025-04-28",
                "2025-04-29",
                gesprek
            ]),
            json!([
                "art-7-registratie",
                "KP-1",
                "gebeurtenissen.csv",
                5,
                "2025-05-12",
                "2025-05-13",
                afsluiting
            ]),
        ]
    );
    let b = berichten(&v);
    assert!(b[0].contains(&format!("commit {gesprek}")), "{b:?}");
    assert!(
        b[0].contains("29-04-2025") && b[0].contains("28-04-2025"),
        "{b:?}"
    );
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("art-7"))
        .all(|f| f["severity"] == "warning"));

    // At an earlier peildatum the afsluiting is left out, and so is its finding; the
    // history is read whole all the same.
    let (v, _, _) = repo.check("2025-05-01");
    assert_eq!(
        art7(&v),
        [json!([
            "art-7-registratie",
            "KP-1",
            "gebeurtenissen.csv",
            3,
            "2025-04-28",
            "2025-04-29",
            gesprek
        ])]
    );
}

#[test]
fn eerste_commit_van_elk_bestand_is_vrijgesteld() {
    let repo = Repo::new();
    // klachten.csv comes first, on its own.
    let k = format!(
        "{}{}",
        zaak("KP-1", "2025-04-18"),
        zaak("KP-2", "2025-04-28")
    );
    repo.schrijf("klachten.csv", &format!("{K}{k}"));
    repo.commit("2026-01-05T12:00:00+01:00");
    // gebeurtenissen.csv is first committed months later with the past in it: its rows
    // predate the history.
    let g = "KP-1,2025-04-18,ontvangstbevestiging,A,\nKP-2,2025-04-28,ontvangstbevestiging,A,\n";
    repo.schrijf("gebeurtenissen.csv", &format!("{G}{g}"));
    repo.commit("2026-01-10T12:00:00+01:00");
    // From then on rows are judged, in both files; a new case row is never late itself.
    let k2 = format!("{k}{}", zaak("KP-3", "2025-12-01"));
    repo.schrijf("klachten.csv", &format!("{K}{k2}"));
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!("{G}{g}KP-2,2025-05-01,gesprek,A,\nKP-3,2025-12-01,ontvangstbevestiging,A,\n"),
    );
    let laat = repo.commit("2026-01-12T12:00:00+01:00");

    let (v, _, _) = repo.check("2026-02-01");
    assert_eq!(
        art7(&v),
        [
            // 1 May 2025 + 5 working days (5 May is a holiday) = 9 May.
            json!([
                "art-7-registratie",
                "KP-2",
                "gebeurtenissen.csv",
                4,
                "2025-05-09",
                "2026-01-12",
                laat
            ]),
            // 1 December + 5 working days = 8 December.
            json!([
                "art-7-registratie",
                "KP-3",
                "gebeurtenissen.csv",
                5,
                "2025-12-08",
                "2026-01-12",
                laat
            ]),
        ]
    );
}

#[test]
fn wijzigingen_na_de_eerste_vastlegging() {
    let repo = Repo::new();
    let k = |kp4: &str, met_kp8: bool| {
        let mut k = String::new();
        for (id, ontvangen) in [
            ("KP-1", "2025-04-14"),
            ("KP-2", "2025-04-14"),
            ("KP-3", "2025-04-14"),
            ("KP-4", kp4),
            ("KP-5", "2025-04-14"),
            ("KP-6", "2025-04-14"),
            ("KP-7", "2025-04-14"),
        ] {
            k.push_str(&zaak(id, ontvangen));
        }
        if met_kp8 {
            k.push_str(&zaak("KP-8", "2025-04-14"));
        }
        k
    };
    let g1 = "KP-1,2025-04-22,ontvangstbevestiging,A,\n\
              KP-2,2025-04-23,gesprek,A,\n\
              KP-3,2025-04-24,uitspraak,A,Gegrond\n\
              KP-5,2025-04-25,gesprek,A,\n\
              KP-6,30-04-2025,uitspraak,A,Gegrond\n\
              KP-7,2025-04-28,gesprek,A,\n\
              KP-8,2025-04-28,gesprek,A,\n";
    repo.register(&k("2025-04-14", true), g1);
    repo.commit("2025-05-01T10:00:00+02:00");
    // KP-1's acknowledgement backdated; KP-2's gesprek made an informatieverzoek; KP-3's
    // verdict changed; KP-4's receipt moved; KP-5's gesprek removed; KP-6 merely rewritten
    // (date notation, case of the verdict); KP-7's date changed (restored below); case
    // KP-8 removed with its event.
    let g2 = "KP-1,2025-04-21,ontvangstbevestiging,A,\n\
              KP-2,2025-04-23,informatieverzoek,A,\n\
              KP-3,2025-04-24,uitspraak,A,ongegrond\n\
              KP-6,2025-04-30,uitspraak,A,gegrond\n\
              KP-7,2025-04-29,gesprek,A,\n";
    repo.register(&k("2025-04-11", false), g2);
    let c2 = repo.commit("2025-05-06T10:00:00+02:00");
    repo.register(
        &k("2025-04-11", false),
        &g2.replace("KP-7,2025-04-29", "KP-7,2025-04-28"),
    );
    repo.commit("2025-05-07T10:00:00+02:00");

    let (v, _, _) = repo.check("2025-06-01");
    assert_eq!(
        art7(&v),
        [
            json!([
                "art-7-wijziging",
                "KP-1",
                "gebeurtenissen.csv",
                2,
                null,
                "2025-05-06",
                c2
            ]),
            // The soort change removes the gesprek (reported on the case's row) and records
            // an informatieverzoek, 5 working days after 23 April being 30 April.
            json!([
                "art-7-registratie",
                "KP-2",
                "gebeurtenissen.csv",
                3,
                "2025-04-30",
                "2025-05-06",
                c2
            ]),
            json!([
                "art-7-wijziging",
                "KP-2",
                "klachten.csv",
                3,
                null,
                "2025-05-06",
                c2
            ]),
            json!([
                "art-7-wijziging",
                "KP-3",
                "gebeurtenissen.csv",
                4,
                null,
                "2025-05-06",
                c2
            ]),
            json!([
                "art-7-wijziging",
                "KP-4",
                "klachten.csv",
                5,
                null,
                "2025-05-06",
                c2
            ]),
            json!([
                "art-7-wijziging",
                "KP-5",
                "klachten.csv",
                6,
                null,
                "2025-05-06",
                c2
            ]),
            json!([
                "art-7-wijziging",
                "KP-7",
                "gebeurtenissen.csv",
                6,
                null,
                "2025-05-06",
                c2
            ]),
        ]
    );
    let b = berichten(&v);
    let bevat = |i: usize, tekst: &str| {
        assert!(b[i].contains(tekst), "{:?} mist {tekst:?}", b[i]);
        assert!(b[i].contains(&format!("commit {c2}")), "{:?}", b[i]);
    };
    bevat(0, "datum 22-04-2025 → 21-04-2025");
    bevat(2, "soort gesprek → informatieverzoek");
    bevat(3, "oordeel gegrond → ongegrond");
    bevat(4, "ontvangen 14-04-2025 → 11-04-2025");
    bevat(5, "gesprek");
    bevat(5, "verwijderd");
    bevat(6, "datum 28-04-2025 → 29-04-2025");

    // `check` keeps no changes per case; the findings are those of `build`, which does.
    let peildatum = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let voor = |gebruik| {
        klachten::controleer_register_voor(&repo.register, peildatum, peildatum, gebruik).unwrap()
    };
    let (controle, site) = (
        voor(klachten::Gebruik::Controle),
        voor(klachten::Gebruik::Site),
    );
    assert_eq!(controle.bevindingen, site.bevindingen);
    assert_eq!(controle.samenvatting, site.samenvatting);
    let wijzigingen = |u: &klachten::Uitkomst| u.historie.as_ref().unwrap().per_zaak.len();
    assert_eq!(wijzigingen(&controle), 0);
    assert!(wijzigingen(&site) > 0);
}

#[test]
fn rang_telt_ook_ongeldige_rijen() {
    let repo = Repo::new();
    let k = zaak("KP-1", "2025-04-14");
    // Two gesprekken, the first with an impossible date (an input error of its own).
    repo.register(
        &k,
        "KP-1,2025-02-31,gesprek,A,\nKP-1,2025-04-23,gesprek,A,\n",
    );
    repo.commit("2025-04-24T10:00:00+02:00");
    // Removing the invalid row makes the valid one the first gesprek of KP-1: as known by
    // its rank, the first gesprek's date changed and the second is gone.
    repo.register(&k, "KP-1,2025-04-23,gesprek,A,\n");
    let c2 = repo.commit("2025-04-25T10:00:00+02:00");
    let (v, _, _) = repo.check("2025-06-01");
    assert_eq!(
        art7(&v),
        [
            json!([
                "art-7-wijziging",
                "KP-1",
                "klachten.csv",
                2,
                null,
                "2025-04-25",
                c2
            ]),
            json!([
                "art-7-wijziging",
                "KP-1",
                "gebeurtenissen.csv",
                2,
                null,
                "2025-04-25",
                c2
            ]),
        ]
    );
    assert!(berichten(&v)[1].contains("datum 2025-02-31 → 23-04-2025"));
}

#[test]
fn zijtak_telt_niet_de_samenvoeging_wel() {
    let repo = Repo::in_map("mijn régister");
    let k = zaak("KP-1", "2025-04-18");
    let g = "KP-1,2025-04-18,ontvangstbevestiging,A,\n";
    repo.register(&k, g);
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.git(&["checkout", "-q", "-b", "zijtak"], None);
    // On the side branch: a gesprek added in time, and the acknowledgement's date changed
    // and restored. None of it is on the main line.
    let met_gesprek = format!("{g}KP-1,2025-04-23,gesprek,A,\n");
    repo.register(&k, &met_gesprek);
    repo.commit("2025-04-23T10:00:00+02:00");
    repo.register(
        &k,
        &met_gesprek.replace("2025-04-18,ontv", "2025-04-17,ontv"),
    );
    repo.commit("2025-04-24T10:00:00+02:00");
    repo.register(&k, &met_gesprek);
    repo.commit("2025-04-25T10:00:00+02:00");
    repo.git(&["checkout", "-q", "main"], None);
    repo.schrijf("zaken/KP-1.md", "# KP-1\n\nKlant belde terug.\n");
    repo.commit("2025-04-24T10:00:00+02:00");
    repo.git(
        &["merge", "-q", "--no-ff", "-m", "samenvoegen", "zijtak"],
        Some("2025-05-20T10:00:00+02:00"),
    );
    let merge = repo.git(&["rev-parse", "--short", "HEAD"], None);
    // The gesprek reached the main line with the merge: 23 April + 5 working days = 30
    // April, registered on 20 May.
    let (v, _, _) = repo.check("2025-06-01");
    assert_eq!(
        art7(&v),
        [json!([
            "art-7-registratie",
            "KP-1",
            "gebeurtenissen.csv",
            3,
            "2025-04-30",
            "2025-05-20",
            merge
        ])]
    );
}

#[test]
fn niet_vastgelegde_wijziging_telt_als_commit_van_vandaag() {
    let repo = Repo::new();
    let k = zaak("KP-1", "2025-04-18");
    repo.register(&k, "KP-1,2025-04-22,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-22T10:00:00+02:00");
    // Not committed: the acknowledgement backdated and a gesprek added.
    repo.register(
        &k,
        "KP-1,2025-04-21,ontvangstbevestiging,A,\nKP-1,2025-04-23,gesprek,A,\n",
    );
    // Through the library, so that "today" is fixed; printed by the JSON printer.
    let vandaag = chrono::NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    let peildatum = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let uitkomst = klachten::controleer_register(&repo.register, peildatum, vandaag).unwrap();
    let mut uit = Vec::new();
    let opties = klachten::report::Opties {
        register: "register".into(),
        drempel: Default::default(),
        kleur: false,
    };
    klachten::report::schrijf(
        &uitkomst,
        klachten::report::Formaat::Json,
        &opties,
        &mut uit,
    )
    .unwrap();
    let v: Value = serde_json::from_slice(&uit).unwrap();
    assert_eq!(
        art7(&v),
        [
            json!([
                "art-7-registratie",
                "KP-1",
                "gebeurtenissen.csv",
                3,
                "2025-04-30",
                "2025-06-02",
                null
            ]),
            json!([
                "art-7-wijziging",
                "KP-1",
                "gebeurtenissen.csv",
                2,
                null,
                "2025-06-02",
                null
            ]),
        ]
    );
    for bericht in berichten(&v) {
        assert!(bericht.contains("niet vastgelegde wijziging"), "{bericht}");
    }
    // The binary dates it by the clock; the commit stays null.
    let (v, _, _) = repo.check("2025-06-01");
    assert!(art7(&v).iter().all(|b| b[6].is_null()), "{v}");
}

#[test]
fn buiten_git_overgeslagen_met_een_notitie() {
    let f = Fixture::new(
        "KP-1,2025-04-18,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-04-18,ontvangstbevestiging,A,,,,\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-04-20", "--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["history"], "geen git");
    assert!(art7(&v).is_empty());
    // Skipping is no failure: the check passes as it would.
    assert_eq!(o.status.code(), Some(0));
    let fout = stderr(&o);
    assert_eq!(
        fout.lines().filter(|r| r.contains("art-7")).count(),
        1,
        "één notitie: {fout}"
    );
    assert!(fout.contains("geen Git-repository") || fout.contains("niet in een Git-repository"));
    assert!(v["notes"].to_string().contains("overgeslagen"));
    // The text format says so above its summary.
    let o = f.klachten(&["check", "--as-of", "2025-04-20"]);
    assert!(stdout(&o)
        .contains("art-7-registratie, art-7-wijziging en art-9-wijziging zijn overgeslagen"));
    // Once: a CI log that merges both streams does not say it twice.
    assert!(!stderr(&o).contains("overgeslagen"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn ondiepe_kloon_overgeslagen() {
    let repo = Repo::new();
    let k = zaak("KP-1", "2025-04-18");
    repo.register(&k, "");
    repo.commit("2025-04-18T10:00:00+02:00");
    repo.register(&k, "KP-1,2025-04-18,ontvangstbevestiging,A,\n");
    let laat = repo.commit("2025-06-30T10:00:00+02:00");
    let kloon = repo.map.path().join("kloon");
    let o = Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", repo.top.display()))
        .arg(&kloon)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (v, fout, code) = check(&kloon.join("register"), "2025-07-01");
    assert_eq!(v["summary"]["history"], "ondiep");
    assert!(art7(&v).is_empty());
    assert!(fout.contains("ondiepe kloon"), "{fout}");
    // In the full repository the late registration is found; the exit status is the same.
    let (v, _, volledig) = repo.check("2025-07-01");
    assert_eq!(
        art7(&v),
        [json!([
            "art-7-registratie",
            "KP-1",
            "gebeurtenissen.csv",
            2,
            "2025-04-28",
            "2025-06-30",
            laat
        ])]
    );
    assert_eq!(code, volledig);
}

#[test]
fn buiten_het_reglement_geen_art7() {
    let repo = Repo::new();
    // Received before the regulation took effect (art-8): only the info finding.
    let k = zaak("KP-1", "2024-09-02");
    repo.register(&k, "");
    repo.commit("2024-09-02T10:00:00+02:00");
    repo.register(&k, "KP-1,2024-09-03,ontvangstbevestiging,A,\n");
    repo.commit("2024-10-30T10:00:00+01:00");
    repo.register(&k, "KP-1,2024-09-02,ontvangstbevestiging,A,\n");
    repo.commit("2024-10-31T10:00:00+01:00");
    let (v, _, _) = repo.check("2024-12-01");
    assert!(art7(&v).is_empty(), "{v}");
    let regels: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["rule"].as_str().unwrap())
        .collect();
    assert_eq!(regels, ["art-8-inwerkingtreding"]);
}

#[test]
fn zaakpagina_toont_de_wijzigingshistorie() {
    let repo = Repo::new();
    let k = zaak("KP-1", "2025-04-18").replace("traag", "traag; J. Klager belde");
    repo.register(&k, "KP-1,2025-04-22,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.register(&k, "KP-1,2025-04-21,ontvangstbevestiging,B,\n");
    repo.schrijf("zaken/KP-1.md", "# KP-1\n");
    let kort = repo.commit("2025-04-23T10:00:00+02:00");
    // The description rewritten and the complainant's name and contact corrected; the case
    // file changed.
    let k2 = zaak("KP-1", "2025-04-18")
        .replace("J. Klager", "Jansje Klager")
        .replace("traag", "traag teruggebeld")
        .replace("j@example.nl", "jansje@example.nl");
    repo.register(&k2, "KP-1,2025-04-21,ontvangstbevestiging,B,\n");
    repo.schrijf("zaken/KP-1.md", "# KP-1\n\nGesprek gevoerd.\n");
    repo.commit("2025-04-24T10:00:00+02:00");
    let uit = repo.map.path().join("site");
    bouw(&repo.register, &uit, "2025-06-01");
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-1"))).unwrap();
    assert!(pagina.contains("Wijzigingshistorie"));
    assert!(pagina.contains(&kort), "commit in de historie");
    assert!(pagina.contains("datum 22-04-2025 → 21-04-2025"));
    assert!(pagina.contains("door a → b") || pagina.contains("door A → B"));
    assert!(pagina.contains("zaakdossier toegevoegd"));
    assert!(pagina.contains("zaakdossier gewijzigd"));
    assert!(!pagina.contains("toegevoegd of gewijzigd"));
    // A changed field shows before and after, except the complainant's name and contact.
    assert!(
        pagina.contains("omschrijving „traag; [naam verwijderd] belde” → „traag teruggebeld”"),
        "{pagina}"
    );
    assert!(pagina.contains("klager gewijzigd") && pagina.contains("contact gewijzigd"));
    for geheim in ["J. Klager", "Jansje", "j@example.nl", "jansje@example.nl"] {
        assert!(!pagina.contains(geheim), "{geheim}");
    }
    // Dates in the history as on the rest of the page.
    assert!(pagina.contains(">22-04-2025<") || pagina.contains(">23-04-2025<"));
    assert!(!pagina.contains(">2025-04-23<"));
    assert!(pagina.contains("Kwaliteit"), "auteur");
    let overtredingen = std::fs::read_to_string(uit.join("overtredingen.html")).unwrap();
    assert!(overtredingen.contains("art-7-wijziging"));
}

/// A complainant's name and contact that the register no longer holds (erased, or
/// corrected) stay hidden on the case page in any spelling: in the old description and in
/// the old text of an event, which has no name of its own.
#[test]
fn een_vroegere_naam_van_de_klager_blijft_verborgen() {
    let repo = Repo::new();
    let g = "zaak,datum,soort,door,oordeel,toelichting\n";
    repo.schrijf(
        "klachten.csv",
        &format!(
            "{K}KP-1,2025-04-18,email,preventie,A. Behandelaar,Anouk de Vries,anouk@example.nl,\
             Mevrouw anouk  de vries belde boos\n"
        ),
    );
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!("{g}KP-1,2025-04-22,gesprek,A,,Gesprek met ANOUK DE VRIES\n"),
    );
    repo.commit("2025-04-22T10:00:00+02:00");
    // Erased on request: name and contact emptied, the texts rewritten.
    repo.schrijf(
        "klachten.csv",
        &format!("{K}KP-1,2025-04-18,email,preventie,A. Behandelaar,,,Klager belde boos\n"),
    );
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!("{g}KP-1,2025-04-22,gesprek,A,,Gesprek gevoerd\n"),
    );
    repo.commit("2025-04-24T10:00:00+02:00");
    let uit = repo.map.path().join("site");
    bouw(&repo.register, &uit, "2025-06-01");
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-1"))).unwrap();
    // The changes are shown, before and after ...
    assert!(pagina.contains("→ „Klager belde boos”"), "{pagina}");
    assert!(pagina.contains("→ „Gesprek gevoerd”"), "{pagina}");
    assert!(pagina.contains("klager gewijzigd"), "{pagina}");
    // ... without the former name or contact, in any spelling.
    let klein = pagina.to_lowercase();
    for geheim in ["anouk", "vries", "anouk@example.nl"] {
        assert!(!klein.contains(geheim), "{geheim}: {pagina}");
    }
}

/// A former name stays hidden in the old texts the history quotes, however many words the
/// current name has (a text is looked up word by word, with no cap on the words).
#[test]
fn een_vroegere_naam_blijft_verborgen_naast_een_lange_naam() {
    let repo = Repo::new();
    let rij = |klager: &str, omschrijving: &str| {
        format!("{K}KP-1,2025-04-01,email,preventie,A. Behandelaar,{klager},,{omschrijving}\n")
    };
    repo.schrijf("gebeurtenissen.csv", G);
    repo.schrijf("klachten.csv", &rij("Anouk Visser", "Mevrouw Visser belde"));
    repo.commit("2025-04-01T10:00:00+02:00");
    repo.schrijf("klachten.csv", &rij("", "traag"));
    repo.commit("2025-04-02T10:00:00+02:00");
    let lang: Vec<String> = (1..=40).map(|i| format!("Woord{i:02}x")).collect();
    repo.schrijf("klachten.csv", &rij(&lang.join(" "), "traag"));
    repo.commit("2025-04-03T10:00:00+02:00");
    let uit = repo.map.path().join("site");
    bouw(&repo.register, &uit, "2025-12-31");
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-1"))).unwrap();
    assert!(
        pagina.contains("omschrijving „Mevrouw [naam verwijderd] belde” → „traag”"),
        "{pagina}"
    );
    assert!(
        !pagina.contains("Visser") && !pagina.contains("Woord"),
        "{pagina}"
    );
}

/// A soort, verdict or channel the tool knows is shown as its word, also for a complainant
/// whose name holds it; hidden, it would give the word of the name away beside the findings
/// that name it.
#[test]
fn een_bekende_soort_of_oordeel_blijft_staan() {
    let repo = Repo::new();
    // Channel, soort and verdict as first recorded, then changed.
    for (kanaal, soort, oordeel, datum) in [
        ("brief", "gesprek", "gegrond", "2025-04-08T10:00:00+02:00"),
        (
            "email",
            "informatieverzoek",
            "ongegrond",
            "2025-04-10T10:00:00+02:00",
        ),
    ] {
        repo.schrijf(
            "klachten.csv",
            &format!("{K}KP-1,2025-04-01,{kanaal},preventie,A. Behandelaar,Jan Gesprek Brief Gegrond,,traag\n"),
        );
        repo.schrijf(
            "gebeurtenissen.csv",
            &format!("{G}KP-1,2025-04-03,{soort},A,\nKP-1,2025-04-08,uitspraak,A,{oordeel}\n"),
        );
        repo.commit(datum);
    }
    let (v, _, _) = check(&repo.register, "2025-06-01");
    let berichten = berichten(&v);
    for verwacht in [
        "soort gesprek → informatieverzoek",
        "oordeel gegrond → ongegrond",
    ] {
        assert!(
            berichten.iter().any(|b| b.ends_with(verwacht)),
            "{verwacht}: {berichten:?}"
        );
    }
    let uit = repo.map.path().join("site");
    bouw(&repo.register, &uit, "2025-06-01");
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-1"))).unwrap();
    for verwacht in [
        "gebeurtenis gesprek vastgelegd (datum 03-04-2025)",
        "gebeurtenis gesprek: soort gesprek → informatieverzoek",
        "zaakregel: kanaal brief → email",
        "gebeurtenis uitspraak: oordeel gegrond → ongegrond",
    ] {
        assert!(pagina.contains(verwacht), "{verwacht}: {pagina}");
    }
    assert!(!pagina.contains("[naam verwijderd]"), "{pagina}");
}

/// `check` hides a former name of the complainant as the site does, though it keeps no
/// changes per case: a justification added after the name was erased still names her.
#[test]
fn check_verbergt_een_vroegere_naam_ook() {
    let repo = Repo::new();
    let g = "zaak,datum,soort,door,oordeel,toelichting,regel\n";
    repo.schrijf(
        "klachten.csv",
        &format!("{K}KP-1,2025-04-18,email,preventie,A. Behandelaar,Anouk de Vries,,traag\n"),
    );
    repo.schrijf("gebeurtenissen.csv", g);
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.schrijf(
        "klachten.csv",
        &format!("{K}KP-1,2025-04-18,email,preventie,A. Behandelaar,,,traag\n"),
    );
    // Received on Good Friday; no acknowledgement by 28-04 (Easter Monday is no working
    // day): the justification accounts for it.
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!(
            "{g}KP-1,2025-05-02,verantwoording,Q,,Anouk was onbereikbaar,art-4.2-ontvangstbevestiging\n"
        ),
    );
    repo.commit("2025-05-02T10:00:00+02:00");
    for formaat in ["json", "text", "github", "sarif", "junit"] {
        let o = klachten(
            &["check", "--as-of", "2025-06-01", "--format", formaat],
            &repo.register,
        );
        let uit = stdout(&o);
        assert!(
            uit.contains("[naam verwijderd] was onbereikbaar"),
            "{formaat}: {uit}"
        );
        assert!(!uit.to_lowercase().contains("anouk"), "{formaat}: {uit}");
    }
}

/// A former name is hidden wherever the name went: a removed duplicate row, a case row
/// removed and added again without it, and in input errors, which are redacted while the
/// register is read.
#[test]
fn een_vroegere_naam_uit_een_verwijderde_rij_of_in_een_invoerfout() {
    let g = "zaak,datum,soort,door,oordeel,toelichting,regel\n";
    let zonder = "KP-1,2025-04-18,email,preventie,A. Behandelaar,,,traag\n";
    let met = "KP-1,2025-04-18,email,preventie,A. Behandelaar,Anouk de Vries,,traag\n";
    let eerst = [
        ("duplicaat", format!("{K}{zonder}{met}")),
        ("verwijderd", format!("{K}{met}")),
        ("invoerfout", format!("{K}{met}")),
    ];
    for (geval, klachten_eerst) in eerst {
        let repo = Repo::new();
        repo.schrijf("klachten.csv", &klachten_eerst);
        repo.schrijf("gebeurtenissen.csv", g);
        repo.commit("2025-04-22T10:00:00+02:00");
        if geval == "verwijderd" {
            repo.schrijf("klachten.csv", K);
            repo.commit("2025-04-23T10:00:00+02:00");
        }
        repo.schrijf("klachten.csv", &format!("{K}{zonder}"));
        let fout = if geval == "invoerfout" {
            "KP-1,2025-04-24,gesprek met Anouk,A. B,,,\n"
        } else {
            ""
        };
        repo.schrijf(
            "gebeurtenissen.csv",
            &format!(
                "{g}{fout}KP-1,2025-05-02,verantwoording,Q,,Anouk was onbereikbaar,art-4.2-ontvangstbevestiging\n"
            ),
        );
        repo.commit("2025-05-02T10:00:00+02:00");
        for formaat in [
            "json",
            "text",
            "github",
            "sarif",
            "junit",
            "codequality",
            "csv",
        ] {
            let o = klachten(
                &["check", "--as-of", "2025-06-01", "--format", formaat],
                &repo.register,
            );
            let uit = format!("{}{}", stdout(&o), stderr(&o));
            assert!(
                uit.contains("[naam verwijderd] was onbereikbaar"),
                "{geval} {formaat}: {uit}"
            );
            assert!(
                !uit.to_lowercase().contains("anouk"),
                "{geval} {formaat}: {uit}"
            );
            if geval == "invoerfout" && formaat == "text" {
                assert!(uit.contains("gesprek met [naam verwijderd]"), "{uit}");
            }
        }
        let site = repo.map.path().join("site");
        bouw(&repo.register, &site, "2025-06-01");
        for (pad, inhoud) in bestanden(&site) {
            let tekst = String::from_utf8_lossy(&inhoud).to_lowercase();
            assert!(!tekst.contains("anouk"), "{geval}: {pad}");
        }
    }
}

/// A category that named a complainant of another case and was changed since is hidden in
/// the history that quotes it, as the site hides such a category everywhere else.
#[test]
fn een_vroegere_categorie_met_een_naam_wordt_niet_aangehaald() {
    let repo = Repo::new();
    let kop = "zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving,categorie\n";
    let rijen = |categorie: &str| {
        format!(
            "{kop}KP-1,2025-04-01,email,preventie,A. B,Karin Jansen,,traag,bejegening\n\
             KP-2,2025-04-02,email,preventie,A. B,Piet Bos,,traag,{categorie}\n"
        )
    };
    repo.schrijf("gebeurtenissen.csv", G);
    repo.schrijf("klachten.csv", &rijen("klacht Jansen"));
    repo.commit("2025-04-02T10:00:00+02:00");
    repo.schrijf("klachten.csv", &rijen("bejegening"));
    repo.commit("2025-04-03T10:00:00+02:00");
    let uit = repo.map.path().join("site");
    bouw(&repo.register, &uit, "2025-06-01");
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-2"))).unwrap();
    assert!(
        pagina.contains("zaakregel: categorie [naam verwijderd] → bejegening"),
        "{pagina}"
    );
    for (pad, inhoud) in bestanden(&uit) {
        assert!(
            !String::from_utf8_lossy(&inhoud).contains("Jansen"),
            "{pad}"
        );
    }
}

/// A changed explanation of an event, or a soort changed to a text, quotes the register:
/// the page and the art-7 message hide each word of the complainant's name there, not the
/// tool's words around it ("registratie", for a complainant called Registratie) nor a
/// colleague who shares her surname.
#[test]
fn een_gewijzigde_gebeurtenis_toont_geen_woord_van_de_naam() {
    let repo = Repo::new();
    let g = "zaak,datum,soort,door,oordeel,toelichting\n";
    repo.schrijf(
        "klachten.csv",
        &format!(
            "{K}KP-1,2025-04-18,email,preventie,A. Behandelaar,Karin Registratie Jansen,,traag\n"
        ),
    );
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!(
            "{g}KP-1,2025-04-22,ontvangstbevestiging,P. Jansen,,\n\
             KP-1,2025-04-24,gesprek,P. Jansen,,\n"
        ),
    );
    repo.commit("2025-04-24T10:00:00+02:00");
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!(
            "{g}KP-1,2025-04-22,ontvangstbevestiging,J. Jansen,,Mevrouw Jansen gebeld\n\
             KP-1,2025-04-24,gesprek met Karin,P. Jansen,,\n"
        ),
    );
    repo.commit("2025-04-28T10:00:00+02:00");

    let (v, _, _) = check(&repo.register, "2025-06-01");
    let berichten = berichten(&v);
    assert!(
        berichten
            .iter()
            .any(|b| b.contains("na de eerste registratie, in commit ",)
                && b.ends_with("soort gesprek → gesprek met [naam verwijderd]")),
        "{berichten:?}"
    );
    for b in &berichten {
        assert!(!b.contains("Karin"), "{b}");
    }

    let uit = repo.map.path().join("site");
    bouw(&repo.register, &uit, "2025-06-01");
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-1"))).unwrap();
    assert!(
        pagina.contains("toelichting „(leeg)” → „Mevrouw [naam verwijderd] gebeld”"),
        "{pagina}"
    );
    assert!(pagina.contains("door P. Jansen → J. Jansen"), "{pagina}");
    assert!(
        pagina.contains("soort gesprek → gesprek met [naam verwijderd]"),
        "{pagina}"
    );
    assert!(pagina.contains("na de eerste registratie"), "{pagina}");
    for geheim in ["Karin", "Mevrouw Jansen", "Registratie"] {
        assert!(!pagina.contains(geheim), "{geheim}: {pagina}");
    }
}

#[test]
fn eigen_registratietermijn_en_verantwoording() {
    let repo = Repo::new();
    repo.schrijf("reglement.toml", "registratie_werkdagen = 1\n");
    let kop = "zaak,datum,soort,door,oordeel,toelichting,regel\n";
    let k = format!(
        "{K}{}{}",
        zaak("KP-1", "2025-04-14"),
        zaak("KP-2", "2025-04-14")
    );
    repo.schrijf("klachten.csv", &k);
    repo.schrijf("gebeurtenissen.csv", kop);
    repo.commit("2025-04-14T10:00:00+02:00");
    // Monday's acknowledgements reach the register on Wednesday: one working day was
    // allowed. Management accounts for KP-1's.
    repo.schrijf(
        "gebeurtenissen.csv",
        &format!(
            "{kop}KP-1,2025-04-14,ontvangstbevestiging,A,,,\n\
             KP-2,2025-04-14,ontvangstbevestiging,A,,,\n\
             KP-1,2025-04-16,verantwoording,directie,,per post verstuurd en later ingevoerd,art-7-registratie\n"
        ),
    );
    let c = repo.commit("2025-04-16T10:00:00+02:00");
    let (v, _, _) = repo.check("2025-04-17");
    assert_eq!(
        art7(&v),
        [
            json!([
                "art-7-registratie",
                "KP-1",
                "gebeurtenissen.csv",
                2,
                "2025-04-15",
                "2025-04-16",
                c
            ]),
            json!([
                "art-7-registratie",
                "KP-2",
                "gebeurtenissen.csv",
                3,
                "2025-04-15",
                "2025-04-16",
                c
            ]),
        ]
    );
    let f = v["findings"].as_array().unwrap();
    let kp1 = f
        .iter()
        .find(|b| b["case"] == "KP-1" && b["rule"] == "art-7-registratie")
        .unwrap();
    assert_eq!(kp1["accepted"], true);
    assert_eq!(
        kp1["justification"],
        "per post verstuurd en later ingevoerd"
    );
    assert!(kp1["message"]
        .as_str()
        .unwrap()
        .contains("(1 werkdag na de datum)"));
    let kp2 = f
        .iter()
        .find(|b| b["case"] == "KP-2" && b["rule"] == "art-7-registratie")
        .unwrap();
    assert_eq!(kp2["accepted"], false);
}

#[test]
fn crlf_en_lege_regels() {
    let repo = Repo::new();
    let crlf = |tekst: &str| tekst.replace('\n', "\r\n");
    let k = crlf(&format!("{K}{}", zaak("KP-1", "2025-04-18")));
    repo.schrijf("klachten.csv", &k);
    repo.schrijf("gebeurtenissen.csv", &crlf(G));
    repo.commit("2025-04-18T10:00:00+02:00");
    // A spreadsheet export: CRLF line ends, and a blank line before the gesprek.
    let g = "KP-1,2025-04-18,ontvangstbevestiging,A,\n\nKP-1,2025-04-22,gesprek,A,\n";
    repo.schrijf("gebeurtenissen.csv", &crlf(&format!("{G}{g}")));
    let c = repo.commit("2025-05-07T10:00:00+02:00");
    let (v, _, _) = repo.check("2025-06-01");
    assert_eq!(
        art7(&v),
        [
            json!([
                "art-7-registratie",
                "KP-1",
                "gebeurtenissen.csv",
                2,
                "2025-04-28",
                "2025-05-07",
                c
            ]),
            json!([
                "art-7-registratie",
                "KP-1",
                "gebeurtenissen.csv",
                4,
                "2025-04-29",
                "2025-05-07",
                c
            ]),
        ]
    );
}
