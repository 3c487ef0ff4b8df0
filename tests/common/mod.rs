//! Fixture registers for the end-to-end tests: a temporary folder with the two CSV files
//! (and whatever else a test adds).

#![allow(dead_code)]

pub mod git;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Every `--format` of `klachten check`.
pub const FORMATEN: [&str; 7] = [
    "text",
    "json",
    "junit",
    "sarif",
    "github",
    "codequality",
    "csv",
];

pub const KLACHTEN_KOP: &str =
    "zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving,categorie,beklaagde\n";
pub const GEBEURTENISSEN_KOP: &str = "zaak,datum,soort,door,oordeel,termijn,toelichting,regel\n";

pub struct Fixture {
    pub map: tempfile::TempDir,
}

impl Fixture {
    /// A register with the given rows under the standard headers.
    pub fn new(klachten: &str, gebeurtenissen: &str) -> Fixture {
        let f = Fixture::leeg();
        f.schrijf("klachten.csv", format!("{KLACHTEN_KOP}{klachten}"));
        f.schrijf(
            "gebeurtenissen.csv",
            format!("{GEBEURTENISSEN_KOP}{gebeurtenissen}"),
        );
        f
    }

    pub fn leeg() -> Fixture {
        Fixture {
            map: tempfile::tempdir().expect("tijdelijke map"),
        }
    }

    pub fn pad(&self) -> &Path {
        self.map.path()
    }

    pub fn schrijf(&self, naam: &str, inhoud: impl AsRef<[u8]>) {
        let pad = self.map.path().join(naam);
        if let Some(ouder) = pad.parent() {
            std::fs::create_dir_all(ouder).expect("map");
        }
        std::fs::write(pad, inhoud).expect("schrijven");
    }

    /// Runs the binary with `args` in the fixture's parent folder, `--register` pointing at it.
    pub fn klachten(&self, args: &[&str]) -> Output {
        klachten(args, self.pad())
    }
}

/// Runs `klachten <args> --register <register>`.
pub fn klachten(args: &[&str], register: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_klachten"));
    cmd.args(args)
        .arg("--register")
        .arg(register)
        .env("NO_COLOR", "1");
    cmd.output().expect("klachten starten")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("geen JSON ({e}): {}", stdout(o)))
}

/// Every file in `map` (a built site), by path relative to it with `/`.
pub fn bestanden(map: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(map)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let pad = e
                .path()
                .strip_prefix(map)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (pad, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// A seeded pseudo-random generator (SplitMix64), so that every run of a randomised test
/// is the same and a failure names the seed that reproduces it.
pub struct Toeval(pub u64);

impl Toeval {
    pub fn volgende(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn onder(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.volgende() % n as u64) as usize
        }
    }

    /// True once in `n` times.
    pub fn een_op(&mut self, n: usize) -> bool {
        self.onder(n) == 0
    }

    /// One of `keuzes`.
    pub fn kies<'a, T>(&mut self, keuzes: &'a [T]) -> &'a T {
        &keuzes[self.onder(keuzes.len())]
    }
}

/// HTML (or XML) with its character references decoded; tags stay.
pub fn html_ontsleuteld(html: &str) -> String {
    let mut uit = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        uit.push_str(&rest[..i]);
        rest = &rest[i..];
        let eind = rest.find(';').filter(|&e| e <= 12);
        let teken = eind.and_then(|e| {
            let naam = &rest[1..e];
            match naam {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => naam
                    .strip_prefix("#x")
                    .or_else(|| naam.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| naam.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }
        });
        match (teken, eind) {
            (Some(c), Some(e)) => {
                uit.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                uit.push('&');
                rest = &rest[1..];
            }
        }
    }
    uit.push_str(rest);
    uit
}

pub fn voorbeeldregister() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("register")
}

/// The exit status of a run.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exit status")
}

/// `check --as-of <as_of> --format json` on a fixture.
pub fn run(f: &Fixture, as_of: &str) -> Output {
    f.klachten(&["check", "--as-of", as_of, "--format", "json"])
}

/// The JSON document of a check that ran (exit status 0 or 1).
pub fn check(f: &Fixture, as_of: &str) -> serde_json::Value {
    let o = run(f, as_of);
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "exit {:?}: {}",
        o.status.code(),
        stderr(&o)
    );
    json(&o)
}

/// The findings of one rule on one case.
pub fn found<'a>(v: &'a serde_json::Value, case: &str, rule: &str) -> Vec<&'a serde_json::Value> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["case"] == case && f["rule"] == rule)
        .collect()
}

/// The one finding of a rule on a case.
pub fn one<'a>(v: &'a serde_json::Value, case: &str, rule: &str) -> &'a serde_json::Value {
    let fs = found(v, case, rule);
    assert_eq!(fs.len(), 1, "{case} {rule}: {v:#}");
    fs[0]
}

/// No finding of a rule on a case.
pub fn none(v: &serde_json::Value, case: &str, rule: &str) {
    let fs = found(v, case, rule);
    assert!(fs.is_empty(), "unexpected {case} {rule}: {fs:#?}");
}

/// The rule ids of a case's findings, in the document's order.
pub fn rules_of(v: &serde_json::Value, case: &str) -> Vec<String> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["case"] == case)
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

/// `klachten build` of `register` into `uit` at `as_of`, as it ended.
pub fn bouw_uitvoer(register: &Path, uit: &Path, as_of: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--as-of", as_of, "--register"])
        .arg(register)
        .arg("--out")
        .arg(uit)
        .output()
        .expect("klachten starten")
}

/// Builds the site of `register` into `uit` at `as_of`; the build must succeed.
pub fn bouw(register: &Path, uit: &Path, as_of: &str) -> Output {
    let o = bouw_uitvoer(register, uit, as_of);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

/// A page of a built site, with the slashes tera escapes in attributes written plainly.
pub fn lees(site: &Path, pad: &str) -> String {
    std::fs::read_to_string(site.join(pad))
        .unwrap_or_else(|e| panic!("{pad}: {e}"))
        .replace("&#x2F;", "/")
}
