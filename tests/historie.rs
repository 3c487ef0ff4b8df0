//! The register's Git history (art-7): throw-away repositories with backdated commits
//! exercise art-7-registratie and art-7-wijziging, the skip outside Git and in a shallow
//! clone, and uncommitted changes.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;
use serde_json::Value;

const K: &str = "zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving\n";
const G: &str = "zaak,datum,soort,door,oordeel\n";
const ZAAK1: &str = "KP-1,2025-04-18,email,preventie,A,J,j@x.nl,x\n";

struct Repo {
    _map: tempfile::TempDir,
    top: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let map = tempfile::tempdir().unwrap();
        let top = map.path().join("repo");
        std::fs::create_dir_all(top.join("register")).unwrap();
        let repo = Repo { _map: map, top };
        repo.git(&["init", "-q", "-b", "main"], None);
        repo.git(&["config", "user.name", "Kwaliteit"], None);
        repo.git(&["config", "user.email", "kwaliteit@example.nl"], None);
        repo
    }

    fn register(&self) -> PathBuf {
        self.top.join("register")
    }

    fn git(&self, args: &[&str], datum: Option<&str>) -> String {
        let mut c = Command::new("git");
        c.args(args).current_dir(&self.top);
        if let Some(d) = datum {
            c.env("GIT_AUTHOR_DATE", d).env("GIT_COMMITTER_DATE", d);
        }
        let o = c.output().unwrap();
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    }

    fn schrijf(&self, klachten: &str, gebeurtenissen: &str) {
        std::fs::write(
            self.register().join("klachten.csv"),
            format!("{K}{klachten}"),
        )
        .unwrap();
        std::fs::write(
            self.register().join("gebeurtenissen.csv"),
            format!("{G}{gebeurtenissen}"),
        )
        .unwrap();
    }

    /// Commits everything with this date (ISO 8601 with zone); returns the short id.
    fn commit(&self, datum: &str) -> String {
        self.git(&["add", "-A"], None);
        self.git(&["commit", "-q", "-m", "register bijgewerkt"], Some(datum));
        self.git(&["rev-parse", "--short", "HEAD"], None)
    }

    fn check(&self, as_of: &str) -> (Value, String, i32) {
        let o = klachten(
            &["check", "--as-of", as_of, "--format", "json"],
            &self.register(),
        );
        (json(&o), stderr(&o), o.status.code().unwrap())
    }
}

fn art7(v: &Value) -> Vec<Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["rule"].as_str().unwrap().starts_with("art-7"))
        .cloned()
        .collect()
}

#[test]
fn registratie_binnen_vijf_werkdagen_over_pasen_en_koningsdag() {
    let repo = Repo::new();
    repo.schrijf(ZAAK1, "");
    repo.commit("2025-04-18T10:00:00+02:00");
    // Received Fri 18 April 2025; acknowledged the same day. Deadline for registering it:
    // 5 working days later = Mon 28 April (Easter Monday, Koningsdag on Saturday).
    repo.schrijf(ZAAK1, "KP-1,2025-04-18,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-28T23:30:00+02:00");
    // The decision of Wed 30 April is committed at 01:30 on Thu 8 May in +02:00, which is
    // still 7 May in UTC: the commit's own calendar date counts. Deadline: 8 May
    // (5 May is a holiday), so this is on time.
    repo.schrijf(
        ZAAK1,
        "KP-1,2025-04-18,ontvangstbevestiging,A,\nKP-1,2025-04-30,uitspraak,A,ongegrond\n",
    );
    repo.commit("2025-05-08T01:30:00+02:00");
    // An afsluiting of Fri 2 May, committed on 13 May: deadline Mon 12 May (5 May is a
    // holiday) → late.
    repo.schrijf(
        ZAAK1,
        "KP-1,2025-04-18,ontvangstbevestiging,A,\nKP-1,2025-04-30,uitspraak,A,ongegrond\nKP-1,2025-05-02,afsluiting,A,\n",
    );
    let laat = repo.commit("2025-05-13T09:00:00+02:00");
    let (v, _, _) = repo.check("2025-06-01");
    assert_eq!(v["summary"]["history"], "gelezen");
    let b = art7(&v);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0]["rule"], "art-7-registratie");
    assert_eq!(b[0]["case"], "KP-1");
    assert_eq!(b[0]["file"], "gebeurtenissen.csv");
    assert_eq!(b[0]["line"], 4);
    assert_eq!(b[0]["deadline"], "2025-05-12");
    assert_eq!(b[0]["date"], "2025-05-13");
    assert_eq!(b[0]["commit"], laat.as_str());
    assert_eq!(b[0]["severity"], "warning");
}

#[test]
fn eigen_tijdzone_van_de_commit_telt() {
    let repo = Repo::new();
    repo.schrijf(ZAAK1, "");
    repo.commit("2025-04-18T10:00:00+02:00");
    // Deadline Mon 28 April. 29 April 01:30 in +02:00 is 28 April in UTC: late all the same.
    repo.schrijf(ZAAK1, "KP-1,2025-04-18,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-29T01:30:00+02:00");
    let b = art7(&repo.check("2025-06-01").0);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0]["date"], "2025-04-29");
}

#[test]
fn eerste_commit_van_een_bestand_is_vrijgesteld() {
    let repo = Repo::new();
    repo.schrijf(ZAAK1, "KP-1,2025-04-18,ontvangstbevestiging,A,\n");
    repo.commit("2026-01-10T12:00:00+01:00");
    let (v, _, _) = repo.check("2026-02-01");
    assert!(art7(&v).is_empty(), "{v}");
}

#[test]
fn wijzigingen_na_de_eerste_vastlegging() {
    let repo = Repo::new();
    let k2 = "KP-2,2025-03-03,email,preventie,A,J,j@x.nl,x\n";
    let k3 = "KP-3,2025-03-03,email,preventie,A,J,j@x.nl,x\n";
    let begin = "KP-1,2025-04-22,ontvangstbevestiging,A,\nKP-1,2025-04-30,uitspraak,A,Gegrond\n\
                 KP-2,2025-03-04,ontvangstbevestiging,A,\nKP-2,2025-03-05,gesprek,A,\nKP-3,2025-03-04,ontvangstbevestiging,A,\n";
    repo.schrijf(&format!("{ZAAK1}{k2}{k3}"), begin);
    repo.commit("2025-05-01T10:00:00+02:00");
    // Reformatting a date and changing the case of an oordeel change nothing.
    repo.schrijf(
        &format!("{ZAAK1}{k2}{k3}"),
        &begin.replace(
            "2025-04-30,uitspraak,A,Gegrond",
            "30-04-2025,uitspraak,A,gegrond",
        ),
    );
    repo.commit("2025-05-02T10:00:00+02:00");
    // Backdating the acknowledgement of KP-1, moving KP-2's receipt, removing KP-2's
    // gesprek, and dropping case KP-3 altogether.
    let later = "KP-1,2025-04-21,ontvangstbevestiging,A,\nKP-1,30-04-2025,uitspraak,A,gegrond\nKP-2,2025-03-04,ontvangstbevestiging,A,\n";
    repo.schrijf(
        &format!("{ZAAK1}{}", k2.replace("2025-03-03", "2025-03-01")),
        later,
    );
    let wijziging = repo.commit("2025-05-06T10:00:00+02:00");
    let (v, _, code) = repo.check("2025-06-01");
    let mut b = art7(&v);
    b.sort_by_key(|x| (x["case"].as_str().unwrap().to_string(), x["line"].as_u64()));
    let samenvatting: Vec<(String, String, u64)> = b
        .iter()
        .map(|x| {
            (
                x["case"].as_str().unwrap().into(),
                x["file"].as_str().unwrap().into(),
                x["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        samenvatting,
        [
            ("KP-1".into(), "gebeurtenissen.csv".into(), 2),
            ("KP-2".into(), "klachten.csv".into(), 3),
            ("KP-2".into(), "klachten.csv".into(), 3),
        ],
        "{b:?}"
    );
    for x in &b {
        assert_eq!(x["rule"], "art-7-wijziging");
        assert_eq!(x["deadline"], Value::Null);
        assert_eq!(x["date"], "2025-05-06");
        assert_eq!(x["commit"], wijziging.as_str());
        assert!(x["message"].as_str().unwrap().contains(&wijziging), "{x}");
    }
    assert!(
        b[0]["message"]
            .as_str()
            .unwrap()
            .contains("datum 2025-04-22 → 2025-04-21"),
        "{}",
        b[0]["message"]
    );
    let berichten: Vec<&str> = b[1..]
        .iter()
        .map(|x| x["message"].as_str().unwrap())
        .collect();
    assert!(
        berichten
            .iter()
            .any(|m| m.contains("ontvangen 2025-03-03 → 2025-03-01")),
        "{berichten:?}"
    );
    assert!(
        berichten
            .iter()
            .any(|m| m.contains("gebeurtenis gesprek") && m.contains("verwijderd")),
        "{berichten:?}"
    );
    // Warnings do not change the exit status without --strict.
    assert_eq!(code, 1, "KP-1 is gegrond without maatregel");
}

#[test]
fn teruggezette_wijziging_telt_toch_en_soort_wijzigen_is_verwijderen() {
    let repo = Repo::new();
    repo.schrijf(
        ZAAK1,
        "KP-1,2025-04-18,ontvangstbevestiging,A,\nKP-1,2025-04-22,gesprek,A,\n",
    );
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.schrijf(
        ZAAK1,
        "KP-1,2025-04-21,ontvangstbevestiging,A,\nKP-1,2025-04-22,informatieverzoek,A,\n",
    );
    let eerst = repo.commit("2025-04-23T10:00:00+02:00");
    repo.schrijf(
        ZAAK1,
        "KP-1,2025-04-18,ontvangstbevestiging,A,\nKP-1,2025-04-22,informatieverzoek,A,\n",
    );
    repo.commit("2025-04-24T10:00:00+02:00");
    let (v, _, _) = repo.check("2025-06-01");
    let b = art7(&v);
    let wijzigingen: Vec<&Value> = b
        .iter()
        .filter(|x| x["rule"] == "art-7-wijziging")
        .collect();
    assert_eq!(wijzigingen.len(), 2, "{b:?}");
    assert!(wijzigingen.iter().all(|x| x["commit"] == eerst.as_str()));
    // The informatieverzoek is a new event, recorded on time.
    assert!(b.iter().all(|x| x["rule"] != "art-7-registratie"), "{b:?}");
}

#[test]
fn samenvoeging_van_een_zijtak_telt_op_de_datum_van_de_merge() {
    let repo = Repo::new();
    repo.schrijf(ZAAK1, "KP-1,2025-04-18,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.git(&["checkout", "-q", "-b", "zijtak"], None);
    repo.schrijf(
        ZAAK1,
        "KP-1,2025-04-18,ontvangstbevestiging,A,\nKP-1,2025-04-23,gesprek,A,\n",
    );
    repo.commit("2025-04-23T10:00:00+02:00");
    repo.git(&["checkout", "-q", "main"], None);
    repo.git(
        &["merge", "-q", "--no-ff", "-m", "samenvoegen", "zijtak"],
        Some("2025-05-20T10:00:00+02:00"),
    );
    let merge = repo.git(&["rev-parse", "--short", "HEAD"], None);
    let b = art7(&repo.check("2025-06-01").0);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0]["rule"], "art-7-registratie");
    assert_eq!(b[0]["date"], "2025-05-20");
    assert_eq!(b[0]["commit"], merge.as_str());
}

#[test]
fn niet_vastgelegde_wijziging() {
    let repo = Repo::new();
    repo.schrijf(ZAAK1, "KP-1,2025-04-22,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.schrijf(ZAAK1, "KP-1,2025-04-21,ontvangstbevestiging,A,\n");
    let (v, _, _) = repo.check("2025-06-01");
    let b = art7(&v);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0]["rule"], "art-7-wijziging");
    assert_eq!(b[0]["commit"], Value::Null);
    assert!(b[0]["message"]
        .as_str()
        .unwrap()
        .contains("niet vastgelegde wijziging"));
}

#[test]
fn buiten_git_en_in_een_ondiepe_kloon_overgeslagen() {
    let f = Fixture::new(
        &ZAAK1.replace('\n', ",,\n"),
        "KP-1,2025-04-18,ontvangstbevestiging,A,,,,\n",
    );
    let o = f.klachten(&["check", "--as-of", "2025-04-20", "--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["history"], "geen git");
    assert_eq!(o.status.code(), Some(0));
    let fout = stderr(&o);
    assert_eq!(
        fout.lines().filter(|r| r.contains("art-7")).count(),
        1,
        "één notitie: {fout}"
    );
    assert!(v["notes"].to_string().contains("art-7"));

    let repo = Repo::new();
    repo.schrijf(ZAAK1, "");
    repo.commit("2025-04-18T10:00:00+02:00");
    repo.schrijf(ZAAK1, "KP-1,2025-04-18,ontvangstbevestiging,A,\n");
    repo.commit("2025-06-30T10:00:00+02:00");
    let kloon = repo.top.parent().unwrap().join("kloon");
    let o = Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", repo.top.display()))
        .arg(&kloon)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = klachten(
        &["check", "--as-of", "2025-07-01", "--format", "json"],
        &kloon.join("register"),
    );
    let v = json(&o);
    assert_eq!(v["summary"]["history"], "ondiep");
    assert!(art7(&v).is_empty());
    assert!(stderr(&o).contains("ondiep"), "{}", stderr(&o));
    // In the full repository the late registration is found.
    assert_eq!(art7(&repo.check("2025-07-01").0).len(), 1);
}

#[test]
fn zaakpagina_toont_de_wijzigingshistorie() {
    let repo = Repo::new();
    repo.schrijf(ZAAK1, "KP-1,2025-04-22,ontvangstbevestiging,A,\n");
    repo.commit("2025-04-22T10:00:00+02:00");
    repo.schrijf(ZAAK1, "KP-1,2025-04-21,ontvangstbevestiging,A,\n");
    let kort = repo.commit("2025-04-23T10:00:00+02:00");
    let uit = repo._map.path().join("site");
    let o = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--as-of", "2025-06-01", "--register"])
        .arg(repo.register())
        .arg("--out")
        .arg(&uit)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pagina =
        std::fs::read_to_string(uit.join(klachten::site::weergave::zaakpad("KP-1"))).unwrap();
    assert!(pagina.contains("Wijzigingshistorie"));
    assert!(pagina.contains(&kort), "commit in de historie");
    assert!(pagina.contains("datum 2025-04-22 → 2025-04-21"));
    let overtredingen = std::fs::read_to_string(uit.join("overtredingen.html")).unwrap();
    assert!(overtredingen.contains("art-7-wijziging"));
}
