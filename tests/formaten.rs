//! The CI formats (spec section 11) checked the way their consumers read them: GitHub's
//! workflow-command syntax, the SARIF 2.1.0 structure code scanning needs, and JUnit XML
//! as Jenkins and GitLab parse it. The exit status never depends on the format.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

fn uitvoer(register: &std::path::Path, formaat: &str) -> (String, String, i32) {
    let o = klachten(
        &["check", "--as-of", "2026-11-24", "--format", formaat],
        register,
    );
    (stdout(&o), stderr(&o), o.status.code().unwrap_or(-1))
}

#[test]
fn exitstatus_hangt_niet_af_van_het_formaat() {
    let register = voorbeeldregister();
    let codes: BTreeSet<i32> = ["text", "json", "junit", "sarif", "github"]
        .iter()
        .map(|f| uitvoer(&register, f).2)
        .collect();
    assert_eq!(codes, BTreeSet::from([1]));
    let schoon = Fixture::new(
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\nKP-1,2025-03-21,afsluiting,A,,,,\n",
    );
    for f in ["text", "json", "junit", "sarif", "github"] {
        assert_eq!(uitvoer(schoon.pad(), f).2, 0, "{f}");
    }
}

/// Parses one workflow command strictly: `::level prop=value,prop=value::message`.
fn commando(regel: &str) -> (String, Vec<(String, String)>, String) {
    let rest = regel.strip_prefix("::").expect("begint met ::");
    let (kop, bericht) = rest.split_once("::").expect("tweede ::");
    let (niveau, eigenschappen) = kop.split_once(' ').unwrap_or((kop, ""));
    let ontsnapt = |t: &str| {
        // Only the escapes GitHub defines may appear after a '%'.
        let mut i = 0;
        while let Some(p) = t[i..].find('%') {
            let code = &t[i + p + 1..(i + p + 3).min(t.len())];
            assert!(
                ["25", "0D", "0A", "3A", "2C"].contains(&code),
                "ongeldige escape in {t}"
            );
            i += p + 1;
        }
        t.replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let eigenschappen = eigenschappen
        .split(',')
        .filter(|e| !e.is_empty())
        .map(|e| {
            let (k, v) = e.split_once('=').expect("k=v");
            assert!(!v.contains(':'), "ongeëscapete ':' in {e}");
            (k.to_string(), ontsnapt(v))
        })
        .collect();
    assert!(!bericht.contains('\n') && !bericht.contains('\r'));
    (niveau.to_string(), eigenschappen, ontsnapt(bericht))
}

#[test]
fn github_workflow_commands() {
    let (uit, fout, _) = uitvoer(&voorbeeldregister(), "github");
    let json = json(&klachten(
        &["check", "--as-of", "2026-11-24", "--format", "json"],
        &voorbeeldregister(),
    ));
    let regels: Vec<&str> = uit.lines().collect();
    let aantal =
        json["findings"].as_array().unwrap().len() + json["input_errors"].as_array().unwrap().len();
    assert_eq!(
        regels.len(),
        aantal,
        "één commando per bevinding en invoerfout"
    );
    for regel in &regels {
        let (niveau, eigenschappen, bericht) = commando(regel);
        assert!(
            ["error", "warning", "notice"].contains(&niveau.as_str()),
            "{regel}"
        );
        assert_eq!(eigenschappen[0].0, "file");
        assert!(
            eigenschappen[0]
                .1
                .starts_with(&voorbeeldregister().to_string_lossy().replace('\\', "/"))
                || eigenschappen[0].1.ends_with(".csv")
                || eigenschappen[0].1.ends_with(".md")
        );
        assert!(eigenschappen.iter().any(|(k, _)| k == "title"), "{regel}");
        assert!(!bericht.is_empty());
    }
    // Accepted findings are notices; errors stay errors.
    let verantwoord = regels
        .iter()
        .filter(|r| r.contains("verantwoord%3A") || r.contains("(verantwoord: "))
        .count();
    assert_eq!(verantwoord, 2);
    assert!(regels.iter().filter(|r| r.starts_with("::error")).count() >= 14 + 2);
    assert!(fout.contains("peildatum"), "samenvatting op stderr: {fout}");
}

#[test]
fn github_ontsnapt_lastige_tekens() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-13-04,gesprek,A,,,,\n",
    );
    f.schrijf("zaken/100%,zeker:niet.md", "x");
    let (uit, _, code) = uitvoer(f.pad(), "github");
    assert_eq!(code, 1);
    for regel in uit.lines() {
        let (_, eigenschappen, _) = commando(regel);
        for (k, v) in eigenschappen {
            if k == "file" && v.contains("zeker") {
                assert!(v.ends_with("zaken/100%,zeker:niet.md"), "{v}");
                assert!(regel.contains("100%25%2Czeker%3Aniet.md"), "{regel}");
            }
        }
    }
    // A whole-file error has no line.
    assert!(
        uit.lines()
            .any(|r| r.contains("niet.md") && !r.contains("line=")),
        "{uit}"
    );
}

#[test]
fn sarif_voor_code_scanning() {
    let (uit, _, _) = uitvoer(&voorbeeldregister(), "sarif");
    let log: Value = serde_json::from_str(&uit).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "klachten");
    let regels = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = regels.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 17);
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 17, "unieke ids");
    assert!(ids.contains(&"invoer") && ids.contains(&"art-4.2-ontvangstbevestiging"));
    for r in regels {
        assert!(!r["help"]["text"].as_str().unwrap().is_empty());
        assert!(r
            .get("helpUri")
            .is_none_or(|u| u.as_str().unwrap().contains("://")));
    }
    let resultaten = run["results"].as_array().unwrap();
    let json = json(&klachten(
        &["check", "--as-of", "2026-11-24", "--format", "json"],
        &voorbeeldregister(),
    ));
    let aantal =
        json["findings"].as_array().unwrap().len() + json["input_errors"].as_array().unwrap().len();
    assert_eq!(resultaten.len(), aantal);
    let mut vingerafdrukken = BTreeSet::new();
    for r in resultaten {
        let id = r["ruleId"].as_str().unwrap();
        assert_eq!(ids[r["ruleIndex"].as_u64().unwrap() as usize], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let plek = &r["locations"][0]["physicalLocation"];
        let uri = plek["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.starts_with('/') && !uri.contains('\\'), "{uri}");
        if let Some(regel) = plek.get("region") {
            assert!(regel["startLine"].as_u64().unwrap() >= 1);
        }
        let vinger = r["partialFingerprints"].as_object().unwrap();
        assert_eq!(vinger.len(), 1);
        vingerafdrukken.insert(
            vinger
                .values()
                .next()
                .unwrap()
                .as_str()
                .unwrap()
                .to_string(),
        );
        if let Some(s) = r.get("suppressions") {
            assert_eq!(s[0]["kind"], "external");
            assert!(!s[0]["justification"].as_str().unwrap().is_empty());
            assert_eq!(
                r["level"], "error",
                "een verantwoorde bevinding houdt haar niveau"
            );
        }
    }
    assert_eq!(
        vingerafdrukken.len(),
        resultaten.len(),
        "vingerafdrukken zijn uniek"
    );
    // The same findings give the same fingerprints on the next run.
    assert_eq!(uitvoer(&voorbeeldregister(), "sarif").0, uit);
}

#[test]
fn sarif_tegen_het_officiele_schema() {
    // The official schema is not part of this repository. When SARIF_SCHEMA points at it
    // and Python's jsonschema is installed, validate against it.
    let Some(schema) = std::env::var_os("SARIF_SCHEMA") else {
        eprintln!("SARIF_SCHEMA niet gezet: alleen de structuur is getoetst");
        return;
    };
    let (uit, _, _) = uitvoer(&voorbeeldregister(), "sarif");
    let map = tempfile::tempdir().unwrap();
    let log = map.path().join("klachten.sarif");
    std::fs::write(&log, uit).unwrap();
    let o = std::process::Command::new("python3")
        .args(["-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))"])
        .arg(schema)
        .arg(&log)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn junit_zoals_jenkins_en_gitlab_het_lezen() {
    use quick_xml::events::Event;
    let (uit, _, _) = uitvoer(&voorbeeldregister(), "junit");
    let mut lezer = quick_xml::Reader::from_str(&uit);
    let mut pad: Vec<String> = Vec::new();
    let (mut suites, mut gevallen, mut mislukt) = (Vec::new(), 0, 0);
    loop {
        match lezer.read_event().expect("welgevormde XML") {
            gebeurtenis @ (Event::Start(_) | Event::Empty(_)) => {
                let leeg = matches!(gebeurtenis, Event::Empty(_));
                let (Event::Start(e) | Event::Empty(e)) = gebeurtenis else {
                    unreachable!()
                };
                let naam = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attr = |k: &str| {
                    e.attributes()
                        .filter_map(Result::ok)
                        .find(|a| a.key.as_ref() == k.as_bytes())
                        .map(|a| a.unescape_value().unwrap().into_owned())
                };
                match naam.as_str() {
                    "testsuites" => assert!(pad.is_empty()),
                    "testsuite" => {
                        assert_eq!(pad, ["testsuites"]);
                        for k in ["name", "tests", "failures", "errors"] {
                            assert!(attr(k).is_some(), "testsuite mist {k}");
                        }
                        suites.push((
                            attr("name").unwrap(),
                            attr("tests").unwrap(),
                            attr("failures").unwrap(),
                        ));
                    }
                    "testcase" => {
                        assert_eq!(pad.last().map(String::as_str), Some("testsuite"));
                        for k in ["classname", "name", "file"] {
                            assert!(attr(k).is_some(), "testcase mist {k}");
                        }
                        gevallen += 1;
                    }
                    "failure" => {
                        assert_eq!(pad.last().map(String::as_str), Some("testcase"));
                        let bericht = attr("message").unwrap();
                        let (bestand, rest) = bericht
                            .split_once(".csv:")
                            .expect("bericht begint met file:line:");
                        assert!(
                            bestand.ends_with("klachten") || bestand.ends_with("gebeurtenissen"),
                            "{bericht}"
                        );
                        assert!(
                            rest.split(':').next().unwrap().parse::<u32>().is_ok(),
                            "{bericht}"
                        );
                        mislukt += 1;
                    }
                    "system-out" => assert_eq!(pad.last().map(String::as_str), Some("testcase")),
                    anders => panic!("onverwacht element {anders}"),
                }
                if leeg {
                    continue;
                }
                pad.push(naam);
            }
            Event::End(_) => {
                pad.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites.len(), 2);
    assert_eq!(
        suites[1],
        ("invoer".to_string(), "2".to_string(), "2".to_string())
    );
    assert!(gevallen >= 33, "{gevallen}");
    // 14 unaccounted errors on cases, plus 2 input errors.
    assert_eq!(mislukt, 16);
}
