//! Contract tests for the command line and the output formats (spec sections 10 and 11): exit
//! statuses, `--strict`, `--since`, the JSON keys, where findings point, and the text, github,
//! SARIF and JUnit formats.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const KP1: &str =
    "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat teruggebeld,,\n";

/// Runs the binary in `dir` with `--register <reg>` as given (a relative path).
fn run_in(dir: &Path, reg: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_klachten"))
        .current_dir(dir)
        .args(args)
        .arg("--register")
        .arg(reg)
        .env("NO_COLOR", "1")
        .output()
        .expect("start")
}

/// A register in `<tmp>/<reg>` with:
/// - KP-1 (klachten line 2): late acknowledgement (gebeurtenissen line 2), accepted by a
///   verantwoording; uitspraak (line 3) without afsluiting: warning.
/// - KP-2 (line 3): by phone: info.
/// - KP-3 (line 4): no klager (warning), no events: two errors.
/// - gebeurtenissen line 6: an event for an unknown zaak (input error).
fn rich(reg: &str) -> Fixture {
    let f = Fixture::leeg();
    f.schrijf(
        &format!("{reg}/klachten.csv"),
        format!(
            "{KLACHTEN_KOP}{KP1}\
             KP-2,2025-03-03,telefoon,preventie,A. Bakker,J,j@example.nl,x,,\n\
             KP-3,2025-03-03,email,preventie,A. Bakker,,j@example.nl,x,,\n"
        ),
    );
    f.schrijf(
        &format!("{reg}/gebeurtenissen.csv"),
        format!(
            "{GEBEURTENISSEN_KOP}KP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
             KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
             KP-1,2025-03-21,verantwoording,directie,,,\"100% ziek, echt:\nwaar\",art-4.2-ontvangstbevestiging\n\
             KP-9,2025-03-22,gesprek,A. Bakker,,,,\n"
        ),
    );
    f
}

const AS_OF: &str = "2025-06-01";

#[test]
fn json_document_keys_and_pointers() {
    let f = rich("reg");
    let o = run_in(
        f.pad(),
        "reg",
        &["check", "--as-of", AS_OF, "--format", "json"],
    );
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert_eq!(v["as_of"], AS_OF);
    let s = &v["summary"];
    assert_eq!(s["cases"], 3);
    assert_eq!(s["checked"], 2);
    assert_eq!(s["errors"], 3);
    assert_eq!(s["warnings"], 2);
    assert_eq!(s["infos"], 1);
    assert_eq!(s["input_errors"], 1);
    assert_eq!(s["accepted"], 1);
    let got: Vec<(String, String, String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|fi| {
            for k in ["deadline", "date", "message", "file", "line"] {
                assert!(fi.get(k).is_some(), "{k} missing: {fi:#}");
            }
            assert!(fi["message"].as_str().is_some_and(|m| !m.is_empty()));
            (
                fi["case"].as_str().unwrap().into(),
                fi["rule"].as_str().unwrap().into(),
                fi["severity"].as_str().unwrap().into(),
                fi["file"].as_str().unwrap().into(),
                fi["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, String, String, u64)> = [
        (
            "KP-1",
            "art-4.2-ontvangstbevestiging",
            "error",
            "gebeurtenissen.csv",
            2,
        ),
        (
            "KP-1",
            "art-4.5-afsluiting",
            "warning",
            "gebeurtenissen.csv",
            3,
        ),
        ("KP-2", "art-1-schriftelijk", "info", "klachten.csv", 3),
        ("KP-3", "art-4.1-gegevens", "warning", "klachten.csv", 4),
        (
            "KP-3",
            "art-4.2-ontvangstbevestiging",
            "error",
            "klachten.csv",
            4,
        ),
        ("KP-3", "art-4.3-termijn", "error", "klachten.csv", 4),
    ]
    .into_iter()
    .map(|(a, b, c, d, e)| (a.into(), b.into(), c.into(), d.into(), e))
    .collect();
    assert_eq!(got, want);
    let ie = v["input_errors"].as_array().unwrap();
    assert_eq!(ie.len(), 1);
    assert_eq!(ie[0]["file"], "gebeurtenissen.csv");
    assert_eq!(ie[0]["line"], 6);
    assert_eq!(ie[0]["column"], "zaak");
    assert_eq!(ie[0]["value"], "KP-9");
    assert!(ie[0]["message"].as_str().is_some_and(|m| !m.is_empty()));
    let acc = &v["findings"][0];
    assert_eq!(acc["accepted"], true);
    assert_eq!(acc["justification"], "100% ziek, echt:\nwaar");
}

#[test]
fn exit_status_is_the_same_whatever_the_format() {
    let f = rich("reg");
    let clean = Fixture::leeg();
    clean.schrijf("reg/klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    clean.schrijf(
        "reg/gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}KP-1,2025-03-04,ontvangstbevestiging,A,,,,\n\
             KP-1,2025-03-20,uitspraak,A,ongegrond,,,\n"
        ),
    );
    for fmt in ["text", "json", "junit", "sarif", "github"] {
        let o = run_in(
            f.pad(),
            "reg",
            &["check", "--as-of", AS_OF, "--format", fmt],
        );
        assert_eq!(code(&o), 1, "{fmt}");
        let o = run_in(
            clean.pad(),
            "reg",
            &["check", "--as-of", AS_OF, "--format", fmt],
        );
        assert_eq!(code(&o), 0, "{fmt}");
        let o = run_in(
            clean.pad(),
            "reg",
            &["check", "--as-of", AS_OF, "--format", fmt, "--strict"],
        );
        assert_eq!(code(&o), 1, "{fmt} --strict");
    }
}

#[test]
fn since_counts_the_later_of_deadline_and_date() {
    // KP-1: acknowledgement due 10 March, sent 12 March; uitspraak due 31 March, missing.
    let f = Fixture::leeg();
    f.schrijf("reg/klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    f.schrijf(
        "reg/gebeurtenissen.csv",
        format!("{GEBEURTENISSEN_KOP}KP-1,2025-03-12,ontvangstbevestiging,A,,,,\n"),
    );
    let at = |since: &str| {
        let o = run_in(
            f.pad(),
            "reg",
            &[
                "check", "--as-of", AS_OF, "--since", since, "--format", "json",
            ],
        );
        let v = json(&o);
        assert_eq!(
            v["findings"].as_array().unwrap().len(),
            2,
            "all still reported"
        );
        code(&o)
    };
    assert_eq!(at("2025-03-31"), 1);
    assert_eq!(at("2025-04-01"), 0);
    // only the late acknowledgement (later of 10 and 12 March)
    let f2 = Fixture::leeg();
    f2.schrijf("reg/klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    f2.schrijf(
        "reg/gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}KP-1,2025-03-12,ontvangstbevestiging,A,,,,\n\
             KP-1,2025-03-20,uitspraak,A,ongegrond,,,\nKP-1,2025-03-20,afsluiting,A,,,,\n"
        ),
    );
    let at2 = |since: &str| {
        code(&run_in(
            f2.pad(),
            "reg",
            &["check", "--as-of", AS_OF, "--since", since],
        ))
    };
    assert_eq!(at2("2025-03-10"), 1);
    assert_eq!(at2("2025-03-12"), 1);
    assert_eq!(at2("2025-03-13"), 0);
    // input errors always count
    f2.schrijf(
        "reg/gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}KP-1,2025-03-12,ontvangstbevestiging,A,,,,\n\
             KP-1,2025-03-20,uitspraak,A,ongegrond,,,\nKP-1,2025-03-20,afsluiting,A,,,,\n\
             KP-1,2025-03-21,gesprek,A,vaag,,,\nKP-1,2025-03-21,bellen,A,,,,\n"
        ),
    );
    assert_eq!(at2("2030-01-01"), 1);
}

#[test]
fn since_a_finding_with_neither_date_always_counts() {
    // art-4.1-gegevens has neither deadline nor date: with --strict it counts whatever --since.
    let f = Fixture::leeg();
    f.schrijf(
        "reg/klachten.csv",
        format!("{KLACHTEN_KOP}KP-1,2025-03-03,telefoon,preventie,A,,,x,,\n"),
    );
    f.schrijf("reg/gebeurtenissen.csv", GEBEURTENISSEN_KOP);
    let o = run_in(
        f.pad(),
        "reg",
        &[
            "check",
            "--as-of",
            AS_OF,
            "--since",
            "2030-01-01",
            "--strict",
        ],
    );
    assert_eq!(code(&o), 1);
    let o = run_in(
        f.pad(),
        "reg",
        &["check", "--as-of", AS_OF, "--since", "2030-01-01"],
    );
    assert_eq!(code(&o), 0);
}

#[test]
fn text_format_uses_the_register_path_as_given() {
    let f = rich("reg");
    let o = run_in(f.pad(), "reg", &["check", "--as-of", AS_OF]);
    let out = stdout(&o);
    for want in [
        "reg/gebeurtenissen.csv:2",
        "reg/gebeurtenissen.csv:3",
        "reg/klachten.csv:3",
        "reg/klachten.csv:4",
        "reg/gebeurtenissen.csv:6",
    ] {
        assert!(out.contains(want), "{want} not in:\n{out}");
    }
    assert!(
        !out.contains(&*f.pad().to_string_lossy()),
        "absolute path:\n{out}"
    );
    let f = rich("a/b");
    let o = run_in(f.pad(), "a/b", &["check", "--as-of", AS_OF]);
    assert!(stdout(&o).contains("a/b/klachten.csv:4"), "{}", stdout(&o));
}

// ---- github ----

fn props(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").expect("workflow command");
    let (head, msg) = rest.split_once("::").expect("message");
    let (cmd, ps) = head.split_once(' ').unwrap_or((head, ""));
    let ps = ps
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), v.to_string())
        })
        .collect();
    (cmd.to_string(), ps, msg.to_string())
}

fn prop<'a>(ps: &'a [(String, String)], k: &str) -> Option<&'a str> {
    ps.iter().find(|(a, _)| a == k).map(|(_, b)| b.as_str())
}

#[test]
fn github_one_command_per_finding_and_input_error() {
    let f = rich("reg");
    let o = run_in(
        f.pad(),
        "reg",
        &["check", "--as-of", AS_OF, "--format", "github"],
    );
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7, "6 findings + 1 input error:\n{out}");
    assert!(!stderr(&o).trim().is_empty(), "the summary goes to stderr");
    let parsed: Vec<_> = lines.iter().map(|l| props(l)).collect();
    let want = [
        (
            "notice",
            "reg/gebeurtenissen.csv",
            "2",
            "art-4.2-ontvangstbevestiging",
        ),
        (
            "warning",
            "reg/gebeurtenissen.csv",
            "3",
            "art-4.5-afsluiting",
        ),
        ("notice", "reg/klachten.csv", "3", "art-1-schriftelijk"),
        ("warning", "reg/klachten.csv", "4", "art-4.1-gegevens"),
        (
            "error",
            "reg/klachten.csv",
            "4",
            "art-4.2-ontvangstbevestiging",
        ),
        ("error", "reg/klachten.csv", "4", "art-4.3-termijn"),
    ];
    for (cmd, file, line, title) in want {
        assert!(
            parsed.iter().any(|(c, ps, _)| c == cmd
                && prop(ps, "file") == Some(file)
                && prop(ps, "line") == Some(line)
                && prop(ps, "title") == Some(title)),
            "{cmd} {file}:{line} {title} not in:\n{out}"
        );
    }
    assert!(
        parsed.iter().any(|(c, ps, _)| c == "error"
            && prop(ps, "file") == Some("reg/gebeurtenissen.csv")
            && prop(ps, "line") == Some("6")),
        "input error:\n{out}"
    );
    for (_, ps, msg) in &parsed {
        for (_, v) in ps {
            assert!(
                !v.contains(':') && !v.contains(','),
                "unescaped property: {v}"
            );
        }
        assert_escaped(msg);
    }
}

/// Every `%` in `s` starts one of the escapes `%25`, `%0D`, `%0A`, `%3A`, `%2C`.
fn assert_escaped(s: &str) {
    let b = s.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if *c == b'%' {
            let esc = &s[i..(i + 3).min(s.len())];
            assert!(
                ["%25", "%0D", "%0A", "%3A", "%2C"].contains(&esc),
                "unescaped % in {s:?}"
            );
        }
    }
    assert!(!s.contains('\r') && !s.contains('\n'));
}

#[test]
fn github_escapes_properties_and_messages() {
    let f = rich("reg,a:b");
    // a value with %, CR and LF that ends up in an input error
    f.schrijf(
        "reg,a:b/gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}KP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
             KP-1,2025-03-20,uitspraak,A. Bakker,\"50%\r\nvaag\",,,\n\
             KP-1,2025-03-21,verantwoording,directie,,,\"100% ziek, echt:\nwaar\",art-4.2-ontvangstbevestiging\n"
        ),
    );
    let o = run_in(
        f.pad(),
        "reg,a:b",
        &["check", "--as-of", AS_OF, "--format", "github"],
    );
    let out = stdout(&o);
    for l in out.lines() {
        assert!(l.starts_with("::"), "stray line {l:?} in:\n{out}");
        let (_, ps, msg) = props(l);
        let file = prop(&ps, "file").expect("file=");
        assert!(file.starts_with("reg%2Ca%3Ab/"), "{file}");
        assert_escaped(msg.as_str());
    }
    let ie = out
        .lines()
        .find(|l| l.contains("gebeurtenissen.csv,line=3"))
        .unwrap_or_else(|| panic!("no input error on line 3:\n{out}"));
    assert!(ie.starts_with("::error "), "{ie}");
    // the accepted finding's justification travels in the message, escaped
    let acc = out
        .lines()
        .find(|l| l.starts_with("::notice ") && l.contains("gebeurtenissen.csv,line=2"))
        .unwrap_or_else(|| panic!("no notice for the accepted finding:\n{out}"));
    assert!(acc.contains("100%25 ziek, echt:%0Awaar"), "{acc}");
}

#[test]
fn github_whole_file_error_has_no_line() {
    let f = Fixture::leeg();
    f.schrijf("reg/klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    let o = run_in(
        f.pad(),
        "reg",
        &["check", "--as-of", AS_OF, "--format", "github"],
    );
    let out = stdout(&o);
    let l = out
        .lines()
        .find(|l| l.contains("gebeurtenissen.csv"))
        .unwrap_or_else(|| panic!("{out}"));
    let (cmd, ps, _) = props(l);
    assert_eq!(cmd, "error");
    assert_eq!(prop(&ps, "file"), Some("reg/gebeurtenissen.csv"));
    assert_eq!(prop(&ps, "line"), None, "{l}");
}

// ---- SARIF ----

fn sarif(f: &Fixture, reg: &str) -> Value {
    let o = run_in(
        f.pad(),
        reg,
        &["check", "--as-of", AS_OF, "--format", "sarif"],
    );
    assert_eq!(code(&o), 1);
    json(&o)
}

#[test]
fn sarif_rules_levels_locations_and_suppressions() {
    let f = rich("reg");
    let s = sarif(&f, "reg");
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for id in [
        "art-1-schriftelijk",
        "art-3-reikwijdte",
        "art-4.1-gegevens",
        "art-4.2-ontvangstbevestiging",
        "art-4.3-verlenging",
        "art-4.3-termijn",
        "art-4.4-oordeel",
        "art-4.4-maatregel",
        "art-4.5-afsluiting",
        "art-5-beroepstermijn",
        "art-5-onafhankelijk",
        "art-5-beroepsbehandeling",
        "art-6-persoonsgegevens",
        "art-7-registratie",
        "art-7-wijziging",
        "art-8-inwerkingtreding",
        "invoer",
    ] {
        assert!(ids.contains(&id), "{id} not among {ids:?}");
    }
    for r in rules {
        assert!(
            r["help"]["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{r:#}"
        );
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 7);
    let find = |rule: &str, uri: &str, line: u64| {
        results
            .iter()
            .find(|r| {
                r["ruleId"] == rule
                    && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
                    && r["locations"][0]["physicalLocation"]["region"]["startLine"] == line
            })
            .unwrap_or_else(|| panic!("{rule} {uri}:{line} in {results:#?}"))
    };
    let acc = find("art-4.2-ontvangstbevestiging", "reg/gebeurtenissen.csv", 2);
    assert_eq!(acc["level"], "error");
    assert_eq!(acc["suppressions"][0]["kind"], "external");
    assert_eq!(
        acc["suppressions"][0]["justification"],
        "100% ziek, echt:\nwaar"
    );
    assert_eq!(
        find("art-4.5-afsluiting", "reg/gebeurtenissen.csv", 3)["level"],
        "warning"
    );
    assert_eq!(
        find("art-1-schriftelijk", "reg/klachten.csv", 3)["level"],
        "note"
    );
    let e = find("art-4.3-termijn", "reg/klachten.csv", 4);
    assert_eq!(e["level"], "error");
    assert!(e
        .get("suppressions")
        .is_none_or(|s| s.as_array().is_some_and(|a| a.is_empty())));
    assert_eq!(
        find("invoer", "reg/gebeurtenissen.csv", 6)["level"],
        "error"
    );
    for r in results {
        let pf = r["partialFingerprints"]
            .as_object()
            .expect("partialFingerprints");
        assert!(!pf.is_empty());
    }
}

#[test]
fn sarif_whole_file_error_has_no_region() {
    let f = Fixture::leeg();
    f.schrijf("reg/klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    let s = sarif(&f, "reg");
    let r = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "invoer")
        .expect("input error")
        .clone();
    let pl = &r["locations"][0]["physicalLocation"];
    assert_eq!(pl["artifactLocation"]["uri"], "reg/gebeurtenissen.csv");
    assert!(pl.get("region").is_none(), "{pl:#}");
}

fn fingerprints(s: &Value) -> Vec<(String, Value)> {
    let mut v: Vec<(String, Value)> = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] != "invoer")
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["partialFingerprints"].clone(),
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.to_string().cmp(&b.1.to_string())));
    v
}

#[test]
fn sarif_fingerprints_stay_while_the_finding_does() {
    let f = rich("reg");
    let a = fingerprints(&sarif(&f, "reg"));
    let b = fingerprints(&sarif(&f, "reg"));
    assert_eq!(a, b);
    // the same findings after an unrelated case is added at the end
    let k = std::fs::read_to_string(f.pad().join("reg/klachten.csv")).unwrap();
    f.schrijf(
        "reg/klachten.csv",
        format!("{k}KP-4,2025-03-03,brief,overig,A,J,j@example.nl,x,,\n"),
    );
    let c: Vec<_> = fingerprints(&sarif(&f, "reg"))
        .into_iter()
        .filter(|(r, _)| r != "art-3-reikwijdte")
        .collect();
    assert_eq!(a, c);
    // and after one is inserted before the others, shifting their lines
    let body = k.strip_prefix(KLACHTEN_KOP).unwrap();
    f.schrijf(
        "reg/klachten.csv",
        format!("{KLACHTEN_KOP}KP-0,2025-03-03,brief,overig,A,J,j@example.nl,x,,\n{body}"),
    );
    let d: Vec<_> = fingerprints(&sarif(&f, "reg"))
        .into_iter()
        .filter(|(r, _)| r != "art-3-reikwijdte")
        .collect();
    assert_eq!(a, d);
}

// ---- JUnit ----

#[derive(Debug, Default, Clone)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            out.extend(c.all(name));
        }
        out
    }
    fn kids(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

fn parse_xml(s: &str) -> Node {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(s);
    let mut stack = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart| Node {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.unescape_value().expect("value").into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let n = open(&e);
                stack.last_mut().unwrap().children.push(n);
            }
            Event::End(_) => {
                let n = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(n);
            }
            Event::Text(t) => {
                let t = t.unescape().expect("text");
                stack.last_mut().unwrap().text.push_str(&t);
            }
            Event::CData(t) => {
                stack
                    .last_mut()
                    .unwrap()
                    .text
                    .push_str(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

#[test]
fn junit_structure() {
    let f = rich("reg");
    // a second verlenging error for KP-1 makes two failures in one testcase
    let o = run_in(
        f.pad(),
        "reg",
        &["check", "--as-of", AS_OF, "--format", "junit"],
    );
    assert_eq!(code(&o), 1);
    let doc = parse_xml(&stdout(&o));
    let suites = doc.all("testsuite");
    assert!(suites.len() >= 2, "input errors in a suite of their own");
    let cases = doc.all("testcase");
    // 6 findings, each its own (case, rule), + 1 input error
    assert_eq!(cases.len(), 7, "{cases:#?}");
    let tc = |class: &str, name: &str| {
        cases
            .iter()
            .find(|c| c.attr("classname") == Some(class) && c.attr("name") == Some(name))
            .unwrap_or_else(|| panic!("{class} {name} in {cases:#?}"))
    };
    let acc = tc("KP-1", "art-4.2-ontvangstbevestiging");
    assert!(acc.kids("failure").is_empty());
    assert_eq!(acc.attr("file"), Some("reg/gebeurtenissen.csv"));
    assert_eq!(acc.attr("line"), Some("2"));
    let out: String = acc
        .kids("system-out")
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(out.contains("100% ziek, echt:"), "{acc:#?}");
    assert!(tc("KP-1", "art-4.5-afsluiting").kids("failure").is_empty());
    assert!(tc("KP-2", "art-1-schriftelijk").kids("failure").is_empty());
    assert!(tc("KP-3", "art-4.1-gegevens").kids("failure").is_empty());
    for rule in ["art-4.2-ontvangstbevestiging", "art-4.3-termijn"] {
        let c = tc("KP-3", rule);
        assert_eq!(c.attr("file"), Some("reg/klachten.csv"));
        assert_eq!(c.attr("line"), Some("4"));
        let fl = c.kids("failure");
        assert_eq!(fl.len(), 1, "{c:#?}");
        let m = fl[0].attr("message").unwrap_or("");
        assert!(m.starts_with("reg/klachten.csv:4:"), "{m}");
    }
    // the input error: failing, in a suite without finding testcases
    let input_suite = suites
        .iter()
        .find(|s| {
            s.kids("testcase").iter().any(|c| {
                c.attr("file") == Some("reg/gebeurtenissen.csv") && c.attr("line") == Some("6")
            })
        })
        .expect("suite with the input error");
    for c in input_suite.kids("testcase") {
        assert!(
            !c.kids("failure").is_empty() || !c.kids("error").is_empty(),
            "{c:#?}"
        );
        assert!(c.attr("classname") != Some("KP-1") && c.attr("classname") != Some("KP-3"));
    }
    for s in &suites {
        let n = s.kids("testcase").len();
        assert_eq!(
            s.attr("tests"),
            Some(n.to_string().as_str()),
            "{:?}",
            s.attrs
        );
        let fails: usize = s
            .kids("testcase")
            .iter()
            .map(|c| c.kids("failure").len())
            .sum();
        assert_eq!(
            s.attr("failures"),
            Some(fails.to_string().as_str()),
            "{:?}",
            s.attrs
        );
        assert!(s.attr("name").is_some());
    }
}

#[test]
fn junit_one_testcase_per_case_and_rule() {
    let f = Fixture::leeg();
    f.schrijf("reg/klachten.csv", format!("{KLACHTEN_KOP}{KP1}"));
    f.schrijf(
        "reg/gebeurtenissen.csv",
        format!(
            "{GEBEURTENISSEN_KOP}KP-1,2025-03-04,ontvangstbevestiging,A,,,,\n\
             KP-1,2025-03-10,verlenging,A,,2025-04-14,,\n\
             KP-1,2025-03-11,verlenging,A,,2025-04-14,,\n\
             KP-1,2025-03-20,uitspraak,A,ongegrond,,,\nKP-1,2025-03-20,afsluiting,A,,,,\n"
        ),
    );
    let o = run_in(
        f.pad(),
        "reg",
        &["check", "--as-of", AS_OF, "--format", "junit"],
    );
    assert_eq!(code(&o), 1);
    let doc = parse_xml(&stdout(&o));
    let cases = doc.all("testcase");
    assert_eq!(cases.len(), 1, "{cases:#?}");
    let fl = cases[0].kids("failure");
    assert_eq!(fl.len(), 2, "one failure per error finding");
    assert!(fl[0]
        .attr("message")
        .unwrap()
        .starts_with("reg/gebeurtenissen.csv:3:"));
    assert!(fl[1]
        .attr("message")
        .unwrap()
        .starts_with("reg/gebeurtenissen.csv:4:"));
}
