//! art-9-wijziging: throw-away repositories in which `reglement.toml` is changed after the
//! fact in every way the contract names (and in the ways that raise nothing), and how the
//! finding, which belongs to no case, appears in every format.

mod common;

use common::git::*;
use common::*;
use serde_json::{json, Value};

/// The regulation first committed: lines 2 (`inwerkingtreding`) and 6 (`vanaf`) start its
/// two versions.
const BASIS: &str = r#"naam = "Ons reglement"
inwerkingtreding = 2024-10-01
afhandeltermijn_weken = 4

[[wijziging]]
vanaf = 2026-01-01
besluit = "Directiebesluit 2025-14"
afhandeltermijn_weken = 6
"#;

const EERSTE: &str = "2025-12-01T10:00:00+01:00";
const TWEEDE: &str = "2026-03-02T10:00:00+01:00";

/// A repository with one case and `reglement.toml` as `basis`, committed on 1 December
/// 2025.
fn repo_met(basis: &str) -> Repo {
    let repo = Repo::new();
    repo.register(&zaak("KP-1", "2025-11-03"), "");
    repo.schrijf("reglement.toml", basis);
    repo.commit(EERSTE);
    repo
}

/// The art-9 findings of a check: [case, file, line, deadline, date, commit, message].
fn art9(repo: &Repo) -> Vec<Value> {
    let (v, fout, code) = repo.check("2026-06-01");
    assert!(matches!(code, Some(0 | 1)), "{fout}");
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["rule"] == "art-9-wijziging")
        .map(|b| {
            assert_eq!(b["severity"], "warning");
            assert_eq!(b["reglement_vanaf"], Value::Null);
            json!([
                b["case"],
                b["file"],
                b["line"],
                b["deadline"],
                b["date"],
                b["commit"],
                b["message"]
            ])
        })
        .collect()
}

/// The findings after `BASIS` was changed into `nieuw` in a commit of 2 March 2026.
fn na(nieuw: &str) -> (Vec<Value>, String) {
    let repo = repo_met(BASIS);
    repo.schrijf("reglement.toml", nieuw);
    let commit = repo.commit(TWEEDE);
    (art9(&repo), commit)
}

/// The one finding expected of the commit `commit` of 2 March 2026.
fn verwacht(commit: &str, line: u32, hoe: &str) -> Vec<Value> {
    vec![json!([
        null,
        "reglement.toml",
        line,
        null,
        "2026-03-02",
        commit,
        format!(
            "reglement.toml met terugwerkende kracht gewijzigd in commit {commit} van 02-03-2026: {hoe}"
        )
    ])]
}

#[test]
fn een_termijn_ter_plekke_gewijzigd() {
    // At the top: every day since the inwerkingtreding.
    let (b, c) = na(&BASIS.replace("afhandeltermijn_weken = 4", "afhandeltermijn_weken = 5"));
    assert_eq!(
        b,
        verwacht(
            &c,
            2,
            "een klacht ontvangen op 01-10-2024 wordt nu anders beoordeeld: afhandeltermijn_weken 4 → 5"
        )
    );
    // In a wijziging already in force: from its vanaf.
    let (b, c) = na(&BASIS.replace("afhandeltermijn_weken = 6", "afhandeltermijn_weken = 8"));
    assert_eq!(
        b,
        verwacht(
            &c,
            6,
            "een klacht ontvangen op 01-01-2026 wordt nu anders beoordeeld: afhandeltermijn_weken 6 → 8"
        )
    );
    // A term set where it was not: every term that differs is named.
    let (b, c) = na(&BASIS.replace(
        "afhandeltermijn_weken = 4\n",
        "afhandeltermijn_weken = 4\nberoep_afhandeltermijn_weken = 3\nberoepstermijn_weken = 1\n",
    ));
    assert_eq!(
        b,
        verwacht(
            &c,
            2,
            "een klacht ontvangen op 01-10-2024 wordt nu anders beoordeeld: beroepstermijn_weken 2 → 1, beroep_afhandeltermijn_weken (geen) → 3"
        )
    );
}

#[test]
fn een_vanaf_verschoven() {
    // Earlier: the days between now fall under the wijziging.
    let (b, c) = na(&BASIS.replace("vanaf = 2026-01-01", "vanaf = 2025-11-01"));
    assert_eq!(
        b,
        verwacht(
            &c,
            6,
            "een klacht ontvangen op 01-11-2025 wordt nu anders beoordeeld: afhandeltermijn_weken 4 → 6"
        )
    );
    // Later, to a day before the commit or after it: the days between fall back to the
    // version before it, whose start the finding points at.
    for later in ["2026-02-01", "2026-04-01"] {
        let (b, c) = na(&BASIS.replace("vanaf = 2026-01-01", &format!("vanaf = {later}")));
        assert_eq!(
            b,
            verwacht(
                &c,
                2,
                "een klacht ontvangen op 01-01-2026 wordt nu anders beoordeeld: afhandeltermijn_weken 6 → 4"
            ),
            "{later}"
        );
    }
}

#[test]
fn een_wijziging_met_een_vanaf_in_het_verleden_toegevoegd_of_verwijderd() {
    let toegevoegd =
        format!("{BASIS}\n[[wijziging]]\nvanaf = 2026-02-01\nontvangstbevestiging_werkdagen = 3\n");
    let (b, c) = na(&toegevoegd);
    assert_eq!(
        b,
        verwacht(
            &c,
            11,
            "een klacht ontvangen op 01-02-2026 wordt nu anders beoordeeld: ontvangstbevestiging_werkdagen 5 → 3"
        )
    );
    let verwijderd = &BASIS[..BASIS.find("[[wijziging]]").unwrap()];
    let (b, c) = na(verwijderd);
    assert_eq!(
        b,
        verwacht(
            &c,
            2,
            "een klacht ontvangen op 01-01-2026 wordt nu anders beoordeeld: afhandeltermijn_weken 6 → 4"
        )
    );
}

#[test]
fn de_inwerkingtreding_verschoven() {
    let (b, c) = na(&BASIS.replace(
        "inwerkingtreding = 2024-10-01",
        "inwerkingtreding = 2024-09-01",
    ));
    assert_eq!(
        b,
        verwacht(
            &c,
            2,
            "een klacht ontvangen op 01-09-2024 valt nu onder het reglement (inwerkingtreding 01-10-2024 → 01-09-2024), met ontvangstbevestiging_werkdagen 5, afhandeltermijn_weken 4, beroepstermijn_weken 2"
        )
    );
    // The day now lies before the regulation: no version of the current file is in force
    // on it, and the finding points at line 1.
    let (b, c) = na(&BASIS.replace(
        "inwerkingtreding = 2024-10-01",
        "inwerkingtreding = 2025-01-01",
    ));
    assert_eq!(
        b,
        verwacht(
            &c,
            1,
            "een klacht ontvangen op 01-10-2024 valt nu buiten het reglement (inwerkingtreding 01-10-2024 → 01-01-2025); eerder gold ontvangstbevestiging_werkdagen 5, afhandeltermijn_weken 4, beroepstermijn_weken 2"
        )
    );
}

/// A removed `reglement.toml` means the defaults: here without the wijziging. The current
/// file has no line to point at, so the finding points at line 1.
#[test]
fn reglement_verwijderd() {
    let repo = repo_met(BASIS);
    std::fs::remove_file(repo.register.join("reglement.toml")).unwrap();
    let c = repo.commit(TWEEDE);
    assert_eq!(
        art9(&repo),
        verwacht(
            &c,
            1,
            "een klacht ontvangen op 01-01-2026 wordt nu anders beoordeeld: afhandeltermijn_weken 6 → 4"
        )
    );
}

#[test]
fn wat_niets_geeft() {
    let geen = |nieuw: String| {
        let (b, _) = na(&nieuw);
        assert!(b.is_empty(), "{nieuw}\n{b:#?}");
    };
    // A wijziging added with a vanaf on the day of its commit, or later.
    for vanaf in ["2026-03-02", "2026-04-01"] {
        geen(format!(
            "{BASIS}\n[[wijziging]]\nvanaf = {vanaf}\nontvangstbevestiging_werkdagen = 3\n"
        ));
    }
    // Its name and decision, the calendar, the warning and registration terms, comments
    // and order.
    geen(BASIS.replace("Ons reglement", "Onze klachtenregeling"));
    geen(BASIS.replace("Directiebesluit 2025-14", "Directiebesluit 2025-15"));
    geen(BASIS.replace("besluit = \"Directiebesluit 2025-14\"\n", ""));
    geen(format!(
        "termijnenwet = false\ngoede_vrijdag = true\nsluitingsdagen = [2025-12-24]\n\
         waarschuwing_werkdagen = 1\nregistratie_werkdagen = 3\n{BASIS}"
    ));
    geen(format!(
        "# Ons reglement, met een wijziging.\nafhandeltermijn_weken = 4\n{}",
        BASIS.replace("afhandeltermijn_weken = 4\n", "")
    ));
}

/// A wijziging that has not started yet may still be edited: no day before the commit
/// changes.
#[test]
fn een_toekomstige_wijziging_bijgewerkt() {
    let toekomst =
        format!("{BASIS}\n[[wijziging]]\nvanaf = 2026-09-01\nafhandeltermijn_weken = 8\n");
    let repo = repo_met(&toekomst);
    repo.schrijf(
        "reglement.toml",
        &toekomst.replace("afhandeltermijn_weken = 8", "afhandeltermijn_weken = 10"),
    );
    repo.commit(TWEEDE);
    repo.schrijf(
        "reglement.toml",
        &toekomst.replace("vanaf = 2026-09-01", "vanaf = 2026-10-01"),
    );
    repo.commit("2026-04-01T10:00:00+02:00");
    assert!(art9(&repo).is_empty());
}

/// The first commit that holds the file starts its history, whatever it sets.
#[test]
fn eerste_commit_met_het_reglement_is_vrijgesteld() {
    let repo = Repo::new();
    repo.register(&zaak("KP-1", "2025-11-03"), "");
    repo.commit("2025-01-06T10:00:00+01:00");
    repo.schrijf(
        "reglement.toml",
        "inwerkingtreding = 2024-10-01\nafhandeltermijn_weken = 6\n",
    );
    repo.commit(TWEEDE);
    assert!(art9(&repo).is_empty());
}

/// A version that cannot be read is skipped with a note; the next is compared with the
/// last one that could be read.
#[test]
fn onleesbare_versie_overgeslagen_met_een_notitie() {
    let repo = repo_met(BASIS);
    repo.schrijf("reglement.toml", "afhandeltermijn_weken = = 5\n");
    let kapot = repo.commit(TWEEDE);
    std::fs::write(repo.register.join("reglement.toml"), b"naam = \"\xff\"\n").unwrap();
    let geen_utf8 = repo.commit("2026-03-03T10:00:00+01:00");
    repo.schrijf("reglement.toml", BASIS);
    repo.commit("2026-03-04T10:00:00+01:00");
    let (v, _, _) = repo.check("2026-06-01");
    assert!(art9(&repo).is_empty());
    let notities = v["notes"].to_string();
    for (commit, dag, reden) in [
        (
            kapot,
            "02-03-2026",
            "(reglement.toml: geen geldige TOML (regel 1)",
        ),
        (geen_utf8, "03-03-2026", "(geen UTF-8)"),
    ] {
        let notitie = format!(
            "reglement.toml in commit {commit} van {dag} is niet te lezen en is bij \
             art-9-wijziging overgeslagen {reden}"
        );
        assert!(notities.contains(&notitie), "{notitie}\n{notities}");
    }
}

/// A retroactive edit and its correction: both change how the same past days are judged,
/// so the history shows both.
#[test]
fn terugwerkende_wijziging_en_haar_herstel() {
    let oud = "inwerkingtreding = 2024-10-01\nafhandeltermijn_weken = 4\n";
    let repo = repo_met(oud);
    repo.schrijf(
        "reglement.toml",
        "inwerkingtreding = 2024-10-01\nafhandeltermijn_weken = 6\n",
    );
    let fout = repo.commit(TWEEDE);
    repo.schrijf(
        "reglement.toml",
        &format!("{oud}\n[[wijziging]]\nvanaf = 2026-04-01\nafhandeltermijn_weken = 6\n"),
    );
    let herstel = repo.commit("2026-03-09T10:00:00+01:00");
    let b = art9(&repo);
    assert_eq!(b.len(), 2, "{b:#?}");
    assert_eq!(b[0][5], json!(fout));
    assert_eq!(b[0][4], "2026-03-02");
    assert!(b[0][6].as_str().unwrap().ends_with(
        "een klacht ontvangen op 01-10-2024 wordt nu anders beoordeeld: afhandeltermijn_weken 4 → 6"
    ));
    assert_eq!(b[1][5], json!(herstel));
    assert_eq!(b[1][4], "2026-03-09");
    assert!(b[1][6].as_str().unwrap().ends_with(
        "een klacht ontvangen op 01-10-2024 wordt nu anders beoordeeld: afhandeltermijn_weken 6 → 4"
    ));
    assert_eq!(b[1][2], 1);
}

/// Uncommitted changes count as one more commit, dated today: `commit` is null.
#[test]
fn niet_vastgelegde_wijziging() {
    let repo = repo_met(BASIS);
    repo.schrijf(
        "reglement.toml",
        &BASIS.replace("afhandeltermijn_weken = 6", "afhandeltermijn_weken = 7"),
    );
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let uitkomst =
        klachten::controleer_register(&repo.register, d("2026-06-01"), d("2026-06-02")).unwrap();
    let b = uitkomst.bevindingen_over_register();
    assert_eq!(b.len(), 1, "{b:#?}");
    assert_eq!(b[0].zaak, None);
    assert_eq!(b[0].commit, None);
    assert_eq!(b[0].datum, Some(d("2026-06-02")));
    assert_eq!(b[0].line, Some(6));
    assert_eq!(
        b[0].bericht,
        "reglement.toml met terugwerkende kracht gewijzigd in een niet vastgelegde wijziging \
         (werkmap, 02-06-2026): een klacht ontvangen op 01-01-2026 wordt nu anders \
         beoordeeld: afhandeltermijn_weken 6 → 7"
    );
}

/// The finding on no case comes first in JSON, under a heading of its own before the
/// cases in text, as a test case of classname `reglement` in JUnit, and on
/// `reglement.toml` in the github and SARIF formats.
#[test]
fn in_elk_formaat() {
    let repo = repo_met(BASIS);
    // A case with findings of its own: no acknowledgement, no decision.
    repo.register(
        &format!(
            "{}{}",
            zaak("KP-1", "2025-11-03"),
            zaak("A-0", "2025-11-03")
        ),
        "",
    );
    repo.schrijf("reglement.toml", &BASIS.replace("= 4", "= 5"));
    let c = repo.commit(TWEEDE);
    let (v, _, status) = repo.check("2026-06-01");
    assert_eq!(status, Some(1));
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings[0]["rule"], "art-9-wijziging");
    assert_eq!(findings[0]["case"], Value::Null);
    assert_eq!(findings[0]["commit"], json!(c));
    assert!(findings[1..].iter().all(|b| b["case"].is_string()));
    assert_eq!(findings[1]["case"], "A-0");
    assert_eq!(v["summary"]["warnings"], 1);

    let draai = |formaat: &str| {
        let o = klachten(
            &["check", "--as-of", "2026-06-01", "--format", formaat],
            &repo.register,
        );
        assert_eq!(code(&o), 1, "{formaat}: {}", stderr(&o));
        stdout(&o)
    };
    let tekst = draai("text");
    assert!(tekst.starts_with("Reglement (reglement.toml)\n  waarschuwing art-9-wijziging reglement.toml met terugwerkende kracht gewijzigd"), "{tekst}");
    let regel = tekst.lines().nth(2).unwrap();
    assert!(
        regel.trim().ends_with("/register/reglement.toml:2"),
        "{tekst}"
    );
    assert!(tekst.contains("\n\nA-0 ("), "{tekst}");

    let junit = draai("junit");
    assert!(
        junit.contains(r#"<testcase classname="reglement" name="art-9-wijziging" file=""#)
            && junit.contains(r#"/register/reglement.toml" line="2">"#),
        "{junit}"
    );

    let github = draai("github");
    let regel = github
        .lines()
        .find(|r| r.contains("title=art-9-wijziging"))
        .unwrap_or_else(|| panic!("{github}"));
    assert!(
        regel.starts_with("::warning file=")
            && regel.contains("/register/reglement.toml,line=2,title=art-9-wijziging::reglement: reglement.toml met terugwerkende kracht"),
        "{github}"
    );

    let sarif: Value = serde_json::from_str(&draai("sarif")).unwrap();
    let run = &sarif["runs"][0];
    let regels = run["tool"]["driver"]["rules"].as_array().unwrap();
    let resultaat = &run["results"][0];
    assert_eq!(resultaat["ruleId"], "art-9-wijziging");
    assert_eq!(
        regels[resultaat["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "art-9-wijziging"
    );
    assert_eq!(resultaat["level"], "warning");
    let plek = &resultaat["locations"][0]["physicalLocation"];
    assert!(plek["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("/register/reglement.toml"));
    assert_eq!(plek["region"]["startLine"], 2);
    assert_eq!(resultaat["properties"]["commit"], json!(c));
    assert!(resultaat["properties"].get("case").is_none());
}

/// An art-9 warning alone passes the check; with `--strict` it fails it, and with
/// `--since` after the commit's date (its `date`) it no longer counts.
#[test]
fn art9_en_de_exitstatus() {
    let repo = Repo::new();
    repo.register("", "");
    repo.schrijf("reglement.toml", BASIS);
    repo.commit(EERSTE);
    repo.schrijf(
        "reglement.toml",
        &BASIS.replace("afhandeltermijn_weken = 6", "afhandeltermijn_weken = 8"),
    );
    repo.commit(TWEEDE);
    let uitvoer = |extra: &[&str]| {
        let args = [
            &["check", "--as-of", "2026-06-01", "--format", "json"],
            extra,
        ]
        .concat();
        klachten(&args, &repo.register)
    };
    let o = uitvoer(&[]);
    let v = json(&o);
    assert_eq!(v["findings"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["findings"][0]["rule"], "art-9-wijziging");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(uitvoer(&["--strict"]).status.code(), Some(1));
    assert_eq!(
        uitvoer(&["--strict", "--since", "2026-03-02"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        uitvoer(&["--strict", "--since", "2026-03-03"])
            .status
            .code(),
        Some(0)
    );
}
