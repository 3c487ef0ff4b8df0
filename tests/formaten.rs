//! The CI formats (spec sections 10 and 11) checked the way their consumers read them:
//!
//! - `github`: every stdout line parsed by a strict parser of GitHub's workflow-command
//!   syntax, with the escapes decoded as the runner decodes them; the job summary read from
//!   the file `GITHUB_STEP_SUMMARY` names;
//! - `sarif`: validated against the official SARIF 2.1.0 schema (`tests/schemas/`), then
//!   checked for what GitHub code scanning needs (rules, ruleIndex, locations, stable
//!   fingerprints, suppressions);
//! - `junit`: validated with `xmllint` against the JUnit schema of Jenkins' xUnit plugin
//!   (`tests/schemas/junit-10.xsd`) once the two testcase attributes the contract adds
//!   (`file`, `line`) are taken out, then read with an XML parser;
//! - `codequality`: validated against a schema of the fields GitLab documents
//!   (`tests/schemas/gitlab-codequality.json`), then checked for unique, stable
//!   fingerprints;
//! - the CI examples in `docs/ci/` checked against the GitHub and GitLab schemas with
//!   `check-jsonschema` and read with a YAML parser; the pre-commit manifest validated
//!   against SchemaStore's schema and its hook run.
//!
//! Whether a finding counts toward the exit status is worked out here from the JSON
//! document and the options, apart from the code under test, and every format must show
//! it: no finding that does not count as an error, every one that counts as a failure.
//!
//! The external validators are installed by `.ci/run`. Without them a test says so and
//! passes locally, but fails when `CI=true`.
//!
//! Every format is compared with the JSON document of the same run: the same findings and
//! input errors, with the same file and line, in the same order.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{FORMATEN, GEBEURTENISSEN_KOP, KLACHTEN_KOP};
use serde_json::Value;

/// The formats whose document owns stdout: notes and the summary line go to stderr.
const CI_FORMATEN: [&str; 5] = ["junit", "sarif", "github", "codequality", "csv"];

// ---------------------------------------------------------------------------------------
// Registers and runs

/// A register checked from a working directory with a relative `--register`, as in CI.
struct Doel {
    cwd: PathBuf,
    register: String,
    _tmp: Option<tempfile::TempDir>,
}

impl Doel {
    /// The sample register of the repository.
    fn voorbeeld() -> Doel {
        Doel {
            cwd: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            register: "register".to_string(),
            _tmp: None,
        }
    }

    /// A register in the folder `naam` of a new temporary directory.
    fn nieuw(naam: &str, klachten: &str, gebeurtenissen: &str) -> Doel {
        let tmp = tempfile::tempdir().expect("tijdelijke map");
        let doel = Doel {
            cwd: tmp.path().to_path_buf(),
            register: naam.to_string(),
            _tmp: Some(tmp),
        };
        doel.schrijf("klachten.csv", &format!("{KLACHTEN_KOP}{klachten}"));
        doel.schrijf(
            "gebeurtenissen.csv",
            &format!("{GEBEURTENISSEN_KOP}{gebeurtenissen}"),
        );
        doel
    }

    fn schrijf(&self, bestand: &str, inhoud: &str) {
        let pad = self.cwd.join(&self.register).join(bestand);
        std::fs::create_dir_all(pad.parent().expect("map")).expect("map maken");
        std::fs::write(pad, inhoud).expect("schrijven");
    }

    /// Puts a case without findings above all others, in both files: every row after it
    /// moves down.
    fn zaak_bovenaan(&self) {
        let lees = |bestand: &str| {
            std::fs::read_to_string(self.cwd.join(&self.register).join(bestand)).expect("lezen")
        };
        let klachten = lees("klachten.csv");
        let (kop, rijen) = klachten.split_once('\n').expect("kop");
        self.schrijf(
            "klachten.csv",
            &format!("{kop}\nKP-0,2025-03-03,email,preventie,B,C,c@example.nl,Nieuw,,\n{rijen}"),
        );
        let gebeurtenissen = lees("gebeurtenissen.csv");
        let (kop, rijen) = gebeurtenissen.split_once('\n').expect("kop");
        self.schrijf(
            "gebeurtenissen.csv",
            &format!(
                "{kop}\nKP-0,2025-03-04,ontvangstbevestiging,B,,,,\nKP-0,2025-03-10,uitspraak,B,ongegrond,,,\n\
                 KP-0,2025-03-11,afsluiting,B,,,,\n{rijen}"
            ),
        );
    }

    fn check(&self, args: &[&str]) -> Output {
        self.check_als(&self.register, args)
    }

    /// Runs `klachten check <args> --register <register>` in the working directory.
    fn check_als(&self, register: &str, args: &[&str]) -> Output {
        self.opdracht(register, args)
            .output()
            .expect("klachten starten")
    }

    /// The command of [`Doel::check_als`], outside GitHub Actions whatever runs the tests:
    /// without `GITHUB_STEP_SUMMARY`.
    fn opdracht(&self, register: &str, args: &[&str]) -> Command {
        let mut opdracht = Command::new(env!("CARGO_BIN_EXE_klachten"));
        opdracht
            .current_dir(&self.cwd)
            .arg("check")
            .args(args)
            .arg("--register")
            .arg(register)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_STEP_SUMMARY");
        opdracht
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exitstatus")
}

fn json(doel: &Doel, args: &[&str]) -> Value {
    let mut alle = vec!["--format", "json"];
    alle.extend_from_slice(args);
    let o = doel.check(&alle);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("geen JSON ({e})"))
}

/// A register that puts every awkward character where the CI formats must escape it: a
/// folder name with `,`, `%`, `:` and a space; a justification with `%`, `,`, `:`, line
/// breaks, XML's special characters and a control character; an input error for a
/// whole file; a finding in a case file.
fn lastig() -> Doel {
    let doel = Doel::nieuw(
        "reg,100%: x",
        "KP-1,2025-03-03,email,preventie,A. Bakker,J. Jansen,j@example.nl,Te laat,,\n\
         KP-2,2025-03-03,brief,re-integratie,A. Bakker,,k@example.nl,Niet gebeld,,\n\
         KP-3,2025-03-03,telefoon,preventie,A. Bakker,K. Klaas,k@example.nl,Mondeling,,\n",
        "KP-1,2025-03-12,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-1,2025-03-20,uitspraak,A. Bakker,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A. Bakker,,,,\n\
         KP-1,2025-03-25,verantwoording,directie,,,\"100% zeker, echt: ja\r\ntweede regel <&> \"\"q\"\" 'a' \u{1}]]>\",art-4.2-ontvangstbevestiging\n\
         KP-2,2025-03-04,ontvangstbevestiging,A. Bakker,,,,\n\
         KP-9,2025-03-04,gesprek,A. Bakker,,,,\n\
         KP-1,31-02-2025,gesprek,A. Bakker,,,,\n",
    );
    doel.schrijf("zaken/KP-2.md", "# KP-2\n\nBel klager op 06-12345678.\n");
    doel.schrijf("zaken/ONBEKEND-1.md", "# Geen zaak\n");
    doel
}

const LASTIG_AS_OF: &str = "2025-06-02";

/// What every CI format must show for one finding or input error, read from JSON.
#[derive(Debug, Clone)]
struct Verwacht {
    /// `error`, `warning` or `notice`: the workflow command.
    opdracht: &'static str,
    /// `error`, `warning` or `note`: the SARIF level.
    niveau: &'static str,
    /// `major`, `minor` or `info`: the Code Quality severity.
    kwaliteit: &'static str,
    /// Whether it counts toward the exit status (an input error always does).
    telt: bool,
    /// The rule id, or `invoer`.
    regel: String,
    zaak: Option<String>,
    /// The `--register` path joined with the file.
    bestand: String,
    line: Option<u64>,
    /// The JSON message (finding or input error).
    bericht: String,
    verantwoording: Option<String>,
    /// An unaccepted error finding: a JUnit failure (the contract, whatever counts).
    faalt: bool,
}

/// Whether a finding of the JSON document counts toward the exit status with `args`: the
/// contract's rule (spec section 10 and 11), stated apart from the code under test.
fn telt(f: &Value, args: &[&str]) -> bool {
    let optie = |naam: &str| {
        args.iter()
            .position(|a| *a == naam)
            .and_then(|i| args.get(i + 1))
            .copied()
    };
    let strict = args.contains(&"--strict");
    let ernstig = match f["severity"].as_str().expect("severity") {
        "error" => true,
        "warning" => strict,
        _ => false,
    };
    // Dates as YYYY-MM-DD compare as text; null is before every date.
    let laatste = f["deadline"].as_str().max(f["date"].as_str());
    let recent = match (optie("--since"), laatste) {
        (Some(since), Some(laatste)) => laatste >= since,
        _ => true,
    };
    ernstig && recent && !f["accepted"].as_bool().expect("accepted")
}

fn verwacht(doel: &Doel, document: &Value, args: &[&str]) -> Vec<Verwacht> {
    let pad = |f: &Value| format!("{}/{}", doel.register, f.as_str().expect("file"));
    let mut uit = Vec::new();
    for f in document["findings"].as_array().expect("findings") {
        let ernst = f["severity"].as_str().expect("severity");
        let geaccepteerd = f["accepted"].as_bool().expect("accepted");
        let telt = telt(f, args);
        // Code Quality never shows a finding that does not count as major.
        let getoond = match (ernst, geaccepteerd) {
            (_, true) | ("info", _) => "info",
            ("error", _) if telt => "error",
            _ => "warning",
        };
        uit.push(Verwacht {
            // The contract (section 11): `::error` for errors, `::warning` for warnings,
            // `::notice` for infos and accepted findings, whether or not they count.
            opdracht: match (ernst, geaccepteerd) {
                (_, true) | ("info", _) => "notice",
                ("error", _) => "error",
                _ => "warning",
            },
            niveau: match ernst {
                "error" => "error",
                "warning" => "warning",
                _ => "note",
            },
            kwaliteit: match getoond {
                "error" => "major",
                "warning" => "minor",
                _ => "info",
            },
            telt,
            regel: f["rule"].as_str().expect("rule").to_string(),
            // A finding on no case (art-9-wijziging) is named `reglement`.
            zaak: Some(f["case"].as_str().unwrap_or("reglement").to_string()),
            bestand: pad(&f["file"]),
            line: f["line"].as_u64(),
            bericht: f["message"].as_str().expect("message").to_string(),
            verantwoording: f["justification"].as_str().map(str::to_string),
            faalt: ernst == "error" && !geaccepteerd,
        });
    }
    for f in document["input_errors"].as_array().expect("input_errors") {
        uit.push(Verwacht {
            opdracht: "error",
            niveau: "error",
            kwaliteit: "major",
            telt: true,
            regel: "invoer".to_string(),
            zaak: None,
            bestand: pad(&f["file"]),
            line: f["line"].as_u64(),
            bericht: f["message"].as_str().expect("message").to_string(),
            verantwoording: None,
            faalt: true,
        });
    }
    uit
}

/// Whether the run is CI's, where a missing validator is a failure.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A validator is missing: fails loudly in CI, is reported and passes locally.
fn ontbreekt(wat: &str, installeer: &str) {
    if in_ci() {
        panic!("{wat} ontbreekt, en CI=true: installeer het met `{installeer}` (zie .ci/run)");
    }
    eprintln!(
        "OVERGESLAGEN: {wat} ontbreekt (installeer met `{installeer}`; in CI is dit een fout)"
    );
}

// ---------------------------------------------------------------------------------------
// Exit status

#[test]
fn exitstatus_hangt_niet_af_van_het_formaat() {
    let schoon = Doel::nieuw(
        "register",
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\n",
    );
    // A warning only: the afsluiting is missing.
    let waarschuwing = Doel::nieuw(
        "register",
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n",
    );
    // An error from March 2025 only.
    let oud = Doel::nieuw(
        "register",
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-12,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\n",
    );
    let voorbeeld = Doel::voorbeeld();
    let lastig = lastig();
    let gevallen: Vec<(&Doel, Vec<&str>, i32)> = vec![
        (&voorbeeld, vec!["--as-of", "2026-11-24"], 1),
        (&lastig, vec!["--as-of", LASTIG_AS_OF], 1),
        (&schoon, vec!["--as-of", "2025-06-02"], 0),
        (&waarschuwing, vec!["--as-of", "2025-06-02"], 0),
        (&waarschuwing, vec!["--as-of", "2025-06-02", "--strict"], 1),
        (&oud, vec!["--as-of", "2025-06-02"], 1),
        (
            &oud,
            vec!["--as-of", "2025-06-02", "--since", "2025-04-01"],
            0,
        ),
        (
            &oud,
            vec!["--as-of", "2025-06-02", "--since", "2025-03-01"],
            1,
        ),
        // Input errors always count.
        (
            &lastig,
            vec!["--as-of", LASTIG_AS_OF, "--since", "2026-01-01"],
            1,
        ),
    ];
    for (doel, args, status) in gevallen {
        for formaat in FORMATEN {
            let mut alle = args.clone();
            alle.extend(["--format", formaat]);
            let o = doel.check(&alle);
            assert_eq!(code(&o), status, "{formaat} {args:?}: {}", stderr(&o));
        }
    }
    // Could not run: 2, one line on stderr and nothing on stdout, whatever the format.
    for formaat in FORMATEN {
        let o = schoon.check_als("bestaat-niet", &["--format", formaat]);
        assert_eq!(code(&o), 2, "{formaat}");
        assert!(o.stdout.is_empty(), "{formaat}: {}", stdout(&o));
        assert_eq!(stderr(&o).trim().lines().count(), 1, "{formaat}");
    }
}

#[test]
fn ci_formaten_geven_de_samenvatting_op_stderr() {
    let doel = Doel::voorbeeld();
    let tekst = stdout(&doel.check(&["--as-of", "2026-11-24"]));
    let samenvatting = tekst.lines().last().expect("samenvatting");
    for formaat in CI_FORMATEN {
        let o = doel.check(&["--as-of", "2026-11-24", "--format", formaat]);
        let fout = stderr(&o);
        assert_eq!(
            fout.lines().last(),
            Some(format!("klachten: {samenvatting}").as_str()),
            "{formaat}"
        );
        assert!(!stdout(&o).contains(samenvatting), "{formaat}");
    }
}

#[test]
fn een_overgeslagen_historie_wordt_een_keer_gemeld() {
    // A temporary folder is no Git repository: the art-7 rules are skipped with one note.
    let doel = lastig();
    for formaat in CI_FORMATEN {
        let o = doel.check(&["--as-of", LASTIG_AS_OF, "--format", formaat]);
        let fout = stderr(&o);
        assert_eq!(fout.matches("Git").count(), 1, "{formaat}: {fout}");
        assert!(!stdout(&o).starts_with("klachten: let op"), "{formaat}");
    }
    let log = sarif(&doel, &["--as-of", LASTIG_AS_OF]);
    let meldingen = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(meldingen[0]["message"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Git")));
}

#[test]
fn een_absoluut_register_geeft_relatieve_paden() {
    let doel = lastig();
    let elders = tempfile::tempdir().expect("map");
    let absoluut = doel.cwd.join(&doel.register);
    let o = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .current_dir(elders.path())
        .args([
            "check",
            "--as-of",
            LASTIG_AS_OF,
            "--format",
            "github",
            "--register",
        ])
        .arg(&absoluut)
        .output()
        .expect("klachten starten");
    let uit = stdout(&o);
    assert!(!uit.is_empty());
    for regel in uit.lines() {
        let file = &ontleed(regel).expect("opdracht").eigenschappen["file"];
        assert!(file.starts_with("../"), "{file}");
        assert!(
            elders.path().join(file).exists(),
            "{file} wijst niet naar het bestand"
        );
    }
}

/// [`lastig`] with one more case whose complainant's name and contact are no valid UTF-8:
/// input errors in the columns `klager` and `contact`. The handler's `ë` before them makes
/// the file UTF-8 (its first character outside ASCII decides; without it the file would be
/// read as Windows-1252, see docs/register.md).
fn lastig_met_onleesbare_klager() -> Doel {
    let doel = lastig();
    let pad = doel.cwd.join(&doel.register).join("klachten.csv");
    let mut klachten = std::fs::read(&pad).expect("lezen");
    klachten.extend_from_slice("KP-4,2025-03-03,email,preventie,A. Bakkër,P. Pi".as_bytes());
    klachten.extend_from_slice(b"\xffeters,p\xff@example.nl,x,,\n");
    std::fs::write(&pad, klachten).expect("schrijven");
    doel
}

/// The complainants' names and contact details of [`lastig_met_onleesbare_klager`], whole
/// or as a lossy decoding would show them.
const PERSOONLIJK: [&str; 5] = ["Jansen", "Klaas", "Pieters", "Pi\u{fffd}", "example.nl"];

#[test]
fn geen_namen_of_contactgegevens_in_invoerfouten() {
    let doel = lastig_met_onleesbare_klager();
    let args = ["--as-of", LASTIG_AS_OF];
    let invoer = json(&doel, &args)["input_errors"].clone();
    for kolom in ["klager", "contact"] {
        let fout = invoer
            .as_array()
            .expect("input_errors")
            .iter()
            .find(|f| f["column"] == kolom)
            .unwrap_or_else(|| panic!("een invoerfout in {kolom}"));
        assert_eq!(fout["value"], Value::Null, "{fout}");
        assert_eq!(fout["line"], 5, "{fout}");
    }
    for formaat in FORMATEN {
        let uit = doel.check(&[&args[..], &["--format", formaat]].concat());
        let alles = format!("{}{}", String::from_utf8_lossy(&uit.stdout), stderr(&uit));
        assert!(alles.contains("geen geldige UTF-8-tekst"), "{formaat}");
        for persoonlijk in PERSOONLIJK {
            assert!(!alles.contains(persoonlijk), "{formaat}: {persoonlijk}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// GitHub workflow commands

/// A workflow command as the runner reads it.
#[derive(Debug)]
struct Opdracht {
    naam: String,
    eigenschappen: BTreeMap<String, String>,
    bericht: String,
}

/// Decodes `%XX` escapes: only the given codes may follow a `%`.
fn ontsnap(tekst: &str, codes: &[(&str, char)]) -> Result<String, String> {
    let mut uit = String::new();
    let mut rest = tekst;
    while let Some(i) = rest.find('%') {
        uit.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 3)
            .ok_or(format!("afgebroken escape in {tekst:?}"))?;
        let (_, teken) = codes
            .iter()
            .find(|(c, _)| *c == code)
            .ok_or(format!("ongeldige escape %{code} in {tekst:?}"))?;
        uit.push(*teken);
        rest = &rest[i + 3..];
    }
    uit.push_str(rest);
    Ok(uit)
}

const DATA: [(&str, char); 3] = [("25", '%'), ("0D", '\r'), ("0A", '\n')];
const EIGENSCHAP: [(&str, char); 5] = [
    ("25", '%'),
    ("0D", '\r'),
    ("0A", '\n'),
    ("3A", ':'),
    ("2C", ','),
];

/// Parses one line strictly by GitHub's syntax: `::name key=value,key=value::message`,
/// with the message's `%`, CR and LF escaped, and in values also `:` and `,`.
fn ontleed(regel: &str) -> Result<Opdracht, String> {
    let rest = regel
        .strip_prefix("::")
        .ok_or(format!("geen opdracht: {regel:?}"))?;
    let einde_naam = rest
        .find([' ', ':'])
        .ok_or(format!("geen einde: {regel:?}"))?;
    let naam = &rest[..einde_naam];
    if naam.is_empty() || !naam.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(format!("ongeldige naam {naam:?}"));
    }
    let rest = &rest[einde_naam..];
    let (kop, bericht) = match rest.strip_prefix(' ') {
        Some(na) => na.split_once("::").ok_or(format!("geen :: in {regel:?}"))?,
        None => (
            "",
            rest.strip_prefix("::")
                .ok_or(format!("geen :: in {regel:?}"))?,
        ),
    };
    let mut eigenschappen = BTreeMap::new();
    if !kop.is_empty() {
        for paar in kop.split(',') {
            let (k, v) = paar
                .split_once('=')
                .ok_or(format!("geen key=value: {paar:?}"))?;
            if !["file", "line", "endLine", "col", "endColumn", "title"].contains(&k) {
                return Err(format!("onbekende eigenschap {k:?}"));
            }
            if v.contains(':') {
                return Err(format!("':' niet ge-escapet in {paar:?}"));
            }
            let v = ontsnap(v, &EIGENSCHAP)?;
            if eigenschappen.insert(k.to_string(), v).is_some() {
                return Err(format!("{k} dubbel"));
            }
        }
    }
    if bericht.contains(['\r', '\n']) {
        return Err("regeleinde in het bericht".to_string());
    }
    Ok(Opdracht {
        naam: naam.to_string(),
        eigenschappen,
        bericht: ontsnap(bericht, &DATA)?,
    })
}

#[test]
fn de_parser_is_streng() {
    assert!(ontleed("::error file=a.csv,line=2,title=t::b").is_ok());
    assert!(ontleed("::notice::alleen een bericht").is_ok());
    for fout in [
        "error file=a::b",
        "::error file=a:b::c",
        "::error file=a,line=1,line=2::c",
        "::error file=a,kolom=1::c",
        "::error file=a::100% zeker",
        "::error file=a::%3A",
        "::Error file=a::b",
    ] {
        assert!(ontleed(fout).is_err(), "{fout}");
    }
}

#[test]
fn github_ontsnappen_heen_en_terug() {
    use klachten::report::github::{eigenschap, gegeven};
    for tekst in [
        "100%",
        "%0A is geen regeleinde",
        "%%25",
        "a,b:c::d",
        "regel 1\nregel 2\r\nregel 3\r",
        "::error::",
        "é, ñ en 😀: 5%",
        "",
    ] {
        assert_eq!(ontsnap(&gegeven(tekst), &DATA).as_deref(), Ok(tekst));
        let e = eigenschap(tekst);
        assert!(!e.contains([':', ',', '\n', '\r']), "{e}");
        assert_eq!(ontsnap(&e, &EIGENSCHAP).as_deref(), Ok(tekst));
    }
}

fn github_tegen_json(doel: &Doel, args: &[&str]) -> Vec<Opdracht> {
    let mut alle = args.to_vec();
    alle.extend(["--format", "github"]);
    let o = doel.check(&alle);
    let uit = stdout(&o);
    let opdrachten: Vec<Opdracht> = uit
        .lines()
        .map(|r| ontleed(r).unwrap_or_else(|e| panic!("{e}\n{r}")))
        .collect();
    // What counts first, then the input errors, then the rest: GitHub's limits per kind
    // leave out the last ones.
    let alle = verwacht(doel, &json(doel, args), args);
    let (bevindingen, invoer): (Vec<Verwacht>, Vec<Verwacht>) =
        alle.into_iter().partition(|v| v.zaak.is_some());
    let (tellend, overig): (Vec<Verwacht>, Vec<Verwacht>) =
        bevindingen.into_iter().partition(|v| v.telt);
    let verwacht: Vec<Verwacht> = tellend.into_iter().chain(invoer).chain(overig).collect();
    assert_eq!(
        opdrachten.len(),
        verwacht.len(),
        "één opdracht per bevinding en invoerfout, niets anders:\n{uit}"
    );
    for (o, v) in opdrachten.iter().zip(&verwacht) {
        assert_eq!(o.naam, v.opdracht, "{o:?}");
        assert_eq!(o.eigenschappen.get("file"), Some(&v.bestand), "{o:?}");
        assert_eq!(
            o.eigenschappen
                .get("line")
                .map(|l| l.parse::<u64>().expect("line")),
            v.line,
            "{o:?}"
        );
        assert_eq!(o.eigenschappen.get("title"), Some(&v.regel), "{o:?}");
        match &v.zaak {
            Some(zaak) => {
                let mut bericht = format!("{zaak}: {}", v.bericht);
                if let Some(j) = &v.verantwoording {
                    // Control characters are written as escapes in the log.
                    let j = klachten::report::zonder_stuurtekens(j, true);
                    bericht.push_str(&format!(" (verantwoord: {j})"));
                }
                assert!(o.bericht.starts_with(&bericht), "{o:?}");
            }
            None => assert!(o.bericht.contains(&v.bericht), "{o:?}"),
        }
    }
    opdrachten
}

#[test]
fn github_op_het_voorbeeldregister() {
    let opdrachten = github_tegen_json(&Doel::voorbeeld(), &["--as-of", "2026-11-24"]);
    let soorten: BTreeSet<&str> = opdrachten.iter().map(|o| o.naam.as_str()).collect();
    assert_eq!(soorten, BTreeSet::from(["error", "notice", "warning"]));
    for o in &opdrachten {
        assert!(o.eigenschappen["file"].starts_with("register/"), "{o:?}");
    }
}

#[test]
fn github_ontsnapt_wat_lastig_is() {
    let doel = lastig();
    let opdrachten = github_tegen_json(&doel, &["--as-of", LASTIG_AS_OF]);
    // The folder name round-trips in every file property.
    for o in &opdrachten {
        assert!(o.eigenschappen["file"].starts_with("reg,100%: x/"), "{o:?}");
    }
    // The justification, with its %, comma, colon and line break, round-trips; a control
    // character is written as an escape.
    let verantwoord = opdrachten
        .iter()
        .find(|o| o.bericht.contains("verantwoord"))
        .expect("verantwoorde bevinding");
    assert_eq!(verantwoord.naam, "notice");
    assert!(
        verantwoord
            .bericht
            .contains("100% zeker, echt: ja\r\ntweede regel <&> \"q\" 'a' \\u{1}]]>"),
        "{verantwoord:?}"
    );
    // An error about a whole file has no line.
    let bestand = opdrachten
        .iter()
        .find(|o| o.eigenschappen["file"].ends_with("zaken/ONBEKEND-1.md"))
        .expect("invoerfout voor zaken/ONBEKEND-1.md");
    assert_eq!(bestand.naam, "error");
    assert_eq!(
        bestand.eigenschappen.get("title").map(String::as_str),
        Some("invoer")
    );
    assert!(!bestand.eigenschappen.contains_key("line"));
    // The case file's finding points at its line.
    let dossier = opdrachten
        .iter()
        .find(|o| o.eigenschappen["title"] == "art-6-persoonsgegevens")
        .expect("art-6");
    assert_eq!(dossier.eigenschappen["file"], "reg,100%: x/zaken/KP-2.md");
    assert_eq!(dossier.eigenschappen["line"], "3");
}

#[test]
fn github_toont_eerst_wat_meetelt() {
    // The sample with --since: 10 errors from before that day. They stay errors, as the
    // contract says, and say that they do not count; the findings that fail the job come
    // first, where GitHub's limit of 10 per kind shows them.
    let doel = Doel::voorbeeld();
    for args in [
        vec!["--as-of", "2026-11-24", "--since", "2026-06-01"],
        vec!["--as-of", "2026-11-24", "--since", "2026-06-01", "--strict"],
        vec!["--as-of", "2026-11-24", "--strict"],
    ] {
        let opdrachten = github_tegen_json(&doel, &args);
        let document = json(&doel, &args);
        let verwacht = verwacht(&doel, &document, &args);
        let tellend = verwacht.iter().filter(|v| v.telt).count();
        assert!(tellend > 0, "{args:?}");
        // Exactly what counts comes first; nothing after it counts.
        for (i, o) in opdrachten.iter().enumerate() {
            let telt = !o.bericht.contains("telt niet mee")
                && (o.naam == "error" || o.bericht.ends_with("(telt mee: --strict)"));
            assert_eq!(telt, i < tellend, "{args:?} {i}: {o:?}");
        }
        // Every error that counts comes before every error that does not.
        let errors: Vec<&Opdracht> = opdrachten.iter().filter(|o| o.naam == "error").collect();
        let eerste_oude = errors
            .iter()
            .position(|o| o.bericht.contains("telt niet mee"))
            .unwrap_or(errors.len());
        assert!(errors[eerste_oude..]
            .iter()
            .all(|o| o.bericht.contains("telt niet mee")));
        assert_eq!(document["summary"]["counting"], tellend - 2, "{args:?}");
    }
    // Every error finding is an `::error`, with --since or without: 16 findings (two of
    // them under the amendment of 1 July 2026) and 2 input errors.
    for args in [
        vec!["--as-of", "2026-11-24"],
        vec!["--as-of", "2026-11-24", "--since", "2026-06-01"],
    ] {
        let opdrachten = github_tegen_json(&doel, &args);
        assert_eq!(opdrachten.iter().filter(|o| o.naam == "error").count(), 18);
    }
}

#[test]
fn github_zegt_wat_niet_meetelt_voor_since() {
    let doel = lastig();
    let opdrachten = github_tegen_json(&doel, &["--as-of", LASTIG_AS_OF, "--since", "2025-06-01"]);
    let oud: Vec<&Opdracht> = opdrachten
        .iter()
        .filter(|o| o.bericht.ends_with("(telt niet mee: van voor --since)"))
        .collect();
    assert!(!oud.is_empty());
    // They keep the level of their severity (the contract), errors included.
    assert!(oud.iter().any(|o| o.naam == "error"), "{oud:?}");
    assert!(oud.iter().all(|o| o.naam != "notice"), "{oud:?}");
}

// ---------------------------------------------------------------------------------------
// The GitHub job summary

/// Runs the github format with `GITHUB_STEP_SUMMARY` naming a file that holds an earlier
/// step's summary; returns the output and what was added to the file.
fn met_stapsamenvatting(doel: &Doel, args: &[&str]) -> (Output, String) {
    let map = tempfile::tempdir().expect("map");
    let bestand = map.path().join("step_summary.md");
    let eerder = "## Een eerdere stap\n\nklaar";
    std::fs::write(&bestand, eerder).expect("schrijven");
    let mut alle = args.to_vec();
    alle.extend(["--format", "github"]);
    let o = doel
        .opdracht(&doel.register, &alle)
        .env("GITHUB_STEP_SUMMARY", &bestand)
        .output()
        .expect("klachten starten");
    let inhoud = std::fs::read_to_string(&bestand).expect("lezen");
    let nieuw = inhoud
        .strip_prefix(eerder)
        .unwrap_or_else(|| panic!("niet aangevuld:\n{inhoud}"));
    (o, nieuw.to_string())
}

/// The rows of the Markdown table under `kop`, split into cells.
fn tabel(md: &str, kop: &str) -> Vec<Vec<String>> {
    let Some(begin) = md.find(kop) else {
        return Vec::new();
    };
    md[begin..]
        .lines()
        .skip_while(|r| !r.starts_with('|'))
        .take_while(|r| r.starts_with('|'))
        .skip(2)
        .map(|r| {
            // Cells split at `|` that is not escaped.
            let mut cellen = Vec::new();
            let mut cel = String::new();
            let mut tekens = r.trim().trim_matches('|').chars().peekable();
            while let Some(c) = tekens.next() {
                match c {
                    '\\' => cel.extend(tekens.next()),
                    '|' => cellen.push(std::mem::take(&mut cel).trim().to_string()),
                    c => cel.push(c),
                }
            }
            cellen.push(cel.trim().to_string());
            cellen
        })
        .collect()
}

#[test]
fn github_schrijft_de_stapsamenvatting() {
    let doel = Doel::voorbeeld();
    let args = ["--as-of", "2026-11-24", "--since", "2026-06-01"];
    let (o, md) = met_stapsamenvatting(&doel, &args);
    assert_eq!(code(&o), 1);
    // The same commands as without the variable.
    assert_eq!(
        stdout(&o),
        stdout(&doel.check(&[&args[..], &["--format", "github"]].concat()))
    );
    assert!(
        md.starts_with('\n'),
        "a blank line after the earlier step: {md:?}"
    );
    assert!(md.contains("## Klachtenregister: niet geslaagd"), "{md}");
    // The summary line, with how many count.
    let regel = stderr(&o)
        .lines()
        .last()
        .expect("samenvatting")
        .replace("klachten: ", "");
    // Two of the six under the amendment of 1 July 2026.
    assert!(regel.contains("6 bevindingen tellen mee"), "{regel}");
    assert!(md.contains(&regel), "{md}");
    assert!(md.contains("01-06-2026 ligt (`--since`)"), "{md}");
    assert!(
        md.contains("**6 van de 39 bevindingen tellen mee, en 2 invoerfouten.**"),
        "{md}"
    );
    assert!(
        md.contains("10 bevindingen tellen niet mee omdat ze van voor `--since` zijn"),
        "{md}"
    );

    // Per rule: the counts of the JSON document.
    let document = json(&doel, &args);
    let verwacht = verwacht(&doel, &document, &args);
    let per_regel = tabel(&md, "| regel |");
    let mut totaal = 0;
    for rij in &per_regel[..per_regel.len() - 1] {
        let regel = rij[0].trim_matches('`');
        let eigen: Vec<&Value> = document["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule"] == regel)
            .collect();
        let tel = |ernst: &str| eigen.iter().filter(|f| f["severity"] == ernst).count();
        let getallen: Vec<usize> = rij[1..].iter().map(|c| c.parse().expect("getal")).collect();
        let tellend = verwacht
            .iter()
            .filter(|v| v.regel == regel && v.telt)
            .count();
        let verantwoord = eigen.iter().filter(|f| f["accepted"] == true).count();
        assert_eq!(
            getallen,
            [
                tel("error"),
                tel("warning"),
                tel("info"),
                verantwoord,
                tellend
            ],
            "{regel}"
        );
        totaal += eigen.len();
    }
    // 35, two more under the amendment of 1 July 2026, and the two art-9-wijziging.
    assert_eq!(totaal, 39);
    assert_eq!(per_regel.last().expect("totaal")[0], "**alle**");

    // Every finding that counts, with its file and line, and nothing else.
    let rijen = tabel(&md, "### Bevindingen die meetellen");
    let tellend: Vec<&Verwacht> = verwacht
        .iter()
        .filter(|v| v.telt && v.zaak.is_some())
        .collect();
    assert_eq!(rijen.len(), tellend.len());
    for (rij, v) in rijen.iter().zip(&tellend) {
        let plek = format!("{}:{}", v.bestand, v.line.expect("line"));
        assert_eq!(rij[0], plek);
        assert_eq!(Some(&rij[1]), v.zaak.as_ref());
        assert_eq!(rij[2].trim_matches('`'), v.regel);
        assert_eq!(rij[4], v.bericht);
    }
    let invoer = tabel(&md, "### Invoerfouten");
    assert_eq!(invoer.len(), 2);
    assert_eq!(invoer[0][0], "register/gebeurtenissen.csv:157");

    // The annotations GitHub leaves out: per kind, past the first 10.
    let opdrachten: Vec<Opdracht> = stdout(&o)
        .lines()
        .map(|r| ontleed(r).expect("opdracht"))
        .collect();
    let soort = |naam: &str| opdrachten.iter().filter(|o| o.naam == naam).count();
    let (e, w, n) = (soort("error"), soort("warning"), soort("notice"));
    let weg = |n: usize| n.saturating_sub(10);
    assert!(
        md.contains(&format!(
            "Deze stap schreef {} annotaties ({e} error, {w} warning, {n} notice)",
            e + w + n
        )),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "{} zijn weggelaten ({} error, {} warning, {} notice)",
            weg(e) + weg(w) + weg(n),
            weg(e),
            weg(w),
            weg(n)
        )),
        "{md}"
    );
}

#[test]
fn de_stapsamenvatting_zonder_namen_en_met_tekst_zoals_hij_is() {
    // The awkward register: names and contact details of complainants, a justification
    // with Markdown and HTML characters, a folder name with `%`, `,` and `:`.
    let doel = lastig_met_onleesbare_klager();
    let args = ["--as-of", LASTIG_AS_OF, "--strict"];
    let (o, md) = met_stapsamenvatting(&doel, &args);
    assert_eq!(code(&o), 1);
    for persoonlijk in PERSOONLIJK {
        assert!(!md.contains(persoonlijk), "{persoonlijk} in:\n{md}");
    }
    assert!(md.contains("reg,100%: x"), "{md}");
    // With --strict, warnings count.
    assert!(md.contains("door `--strict`, elke waarschuwing"), "{md}");
    let rijen = tabel(&md, "### Bevindingen die meetellen");
    assert!(rijen.iter().any(|r| r[3] == "waarschuwing"), "{rijen:?}");
    // No raw HTML or line break from the register gets through.
    for regel in md.lines() {
        assert!(!regel.contains('<'), "{regel}");
    }
    let invoer = tabel(&md, "### Invoerfouten");
    assert!(
        invoer
            .iter()
            .any(|r| r[1] == "klager: geen geldige UTF-8-tekst"),
        "{invoer:?}"
    );
}

#[test]
fn de_stapsamenvatting_blijft_binnen_githubs_grens() {
    // GitHub takes at most 1 MiB of summary per step: a synthetic register with more than
    // 1,000 findings that count lists the first 1,000 and says how many more there are.
    let tmp = tempfile::tempdir().expect("map");
    klachten::genereer::genereer(&tmp.path().join("register"), 8000, 1).expect("genereer");
    let doel = Doel {
        cwd: tmp.path().to_path_buf(),
        register: "register".to_string(),
        _tmp: None,
    };
    let args = ["--as-of", "2026-11-24"];
    let (_, md) = met_stapsamenvatting(&doel, &args);
    let tellend = json(&doel, &args)["summary"]["counting"]
        .as_u64()
        .expect("counting") as usize;
    assert!(tellend > 1000, "{tellend}");
    assert_eq!(tabel(&md, "### Bevindingen die meetellen").len(), 1000);
    assert!(
        md.contains(&format!(
            "… en nog {}, die niet in deze samenvatting passen",
            tellend - 1000
        )),
        "{md}"
    );
    assert!(md.len() < 1 << 20, "{} bytes", md.len());
}

#[test]
fn geen_stapsamenvatting_buiten_github() {
    let doel = lastig();
    let map = tempfile::tempdir().expect("map");
    let bestand = map.path().join("summary.md");
    for formaat in FORMATEN.iter().filter(|f| **f != "github") {
        let o = doel
            .opdracht(
                &doel.register,
                &["--as-of", LASTIG_AS_OF, "--format", formaat],
            )
            .env("GITHUB_STEP_SUMMARY", &bestand)
            .output()
            .expect("klachten starten");
        assert_eq!(code(&o), 1);
        assert!(!bestand.exists(), "{formaat}");
    }
    // A summary that cannot be written: a note naming the file; the exit status is that of
    // the other formats (the contract: the same whatever the format).
    let o = doel
        .opdracht(
            &doel.register,
            &["--as-of", LASTIG_AS_OF, "--format", "github"],
        )
        .env(
            "GITHUB_STEP_SUMMARY",
            map.path().join("bestaat-niet/summary.md"),
        )
        .output()
        .expect("klachten starten");
    assert_eq!(code(&o), 1);
    assert!(!stdout(&o).is_empty(), "the annotations are written");
    assert!(
        stderr(&o)
            .lines()
            .last()
            .unwrap_or_default()
            .contains("niet geslaagd"),
        "the summary line still closes the log: {}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("bestaat-niet/summary.md"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------------------------------
// SARIF

/// A validator of a JSON schema of `tests/schemas/`, formats included.
fn validator(schema: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(schema).expect("het schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("het schema laadt")
}

/// Fails, naming every error, when `document` is not valid by `validator`.
fn keur(validator: &jsonschema::Validator, document: &Value) {
    let fouten: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        fouten.is_empty(),
        "niet geldig volgens het schema:\n{}",
        fouten.join("\n")
    );
}

fn sarif_validator() -> jsonschema::Validator {
    validator(include_str!("schemas/sarif-schema-2.1.0.json"))
}

fn sarif(doel: &Doel, args: &[&str]) -> Value {
    let mut alle = args.to_vec();
    alle.extend(["--format", "sarif"]);
    let o = doel.check(&alle);
    let log: Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    keur(&sarif_validator(), &log);
    log
}

#[test]
fn het_schema_keurt_echt_af() {
    let validator = sarif_validator();
    let goed = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"message": {"text": "m"}, "level": "error"}]}]});
    assert!(validator.is_valid(&goed));
    let mut slecht = goed.clone();
    slecht["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&slecht));
    // Formats are checked: a relative link is no `helpUri`.
    let mut slecht = goed.clone();
    slecht["runs"][0]["tool"]["driver"]["rules"] =
        serde_json::json!([{"id": "r", "helpUri": "docs/rules.md"}]);
    assert!(!validator.is_valid(&slecht), "formats worden getoetst");
}

/// What identifies a result apart from its fingerprint, to compare two runs.
fn identiteit(r: &Value) -> String {
    format!(
        "{}|{}|{}|{}|{}",
        r["ruleId"],
        r["properties"]["case"],
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        r["properties"]["deadline"],
        r["message"]["text"]
    )
}

fn sarif_tegen_json(doel: &Doel, args: &[&str]) -> Value {
    let log = sarif(doel, args);
    let verwacht = verwacht(doel, &json(doel, args), args);
    assert_eq!(log["version"], "2.1.0");
    let schema = log["$schema"].as_str().expect("$schema");
    assert!(schema.contains("sarif-2.1.0"), "{schema}");
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "klachten");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let regels = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = regels
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let mut alle: Vec<&str> = klachten::bevinding::RegelId::ALLE
        .iter()
        .map(|r| r.id())
        .collect();
    alle.push("invoer");
    assert_eq!(ids, alle, "een regel per id, plus invoer");
    for r in regels {
        assert!(!r["shortDescription"]["text"]
            .as_str()
            .expect("short")
            .is_empty());
        assert!(!r["help"]["text"].as_str().expect("help").is_empty());
        if let Some(uri) = r.get("helpUri") {
            assert!(uri.as_str().expect("uri").contains("://"), "{uri}");
        }
    }

    let resultaten = run["results"].as_array().expect("results");
    assert_eq!(resultaten.len(), verwacht.len());
    let mut vingerafdrukken = BTreeSet::new();
    for (r, v) in resultaten.iter().zip(&verwacht) {
        assert_eq!(r["ruleId"], v.regel.as_str());
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids[index], v.regel);
        assert_eq!(
            r["level"], v.niveau,
            "een verantwoorde bevinding houdt haar niveau"
        );
        let tekst = r["message"]["text"].as_str().expect("message");
        assert!(tekst.contains(&v.bericht), "{tekst}");
        let plek = &r["locations"][0]["physicalLocation"];
        let uri = plek["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(
            uri.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
            "geen geldige relatieve URI: {uri}"
        );
        assert_eq!(percent_decode(uri), v.bestand);
        assert_eq!(
            plek.get("region")
                .map(|g| g["startLine"].as_u64().expect("startLine")),
            v.line
        );
        let vinger = r["partialFingerprints"]
            .as_object()
            .expect("partialFingerprints");
        assert_eq!(vinger.len(), 1);
        assert!(vingerafdrukken.insert(vinger["klachten/v1"].as_str().expect("v1").to_string()));
        match &v.verantwoording {
            Some(j) => {
                assert_eq!(r["suppressions"][0]["kind"], "external");
                assert_eq!(r["suppressions"][0]["justification"], j.as_str());
            }
            None => assert!(r.get("suppressions").is_none()),
        }
    }
    log
}

fn percent_decode(uri: &str) -> String {
    let mut bytes = Vec::new();
    let b = uri.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("hex");
            bytes.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            bytes.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn sarif_op_het_voorbeeldregister() {
    let doel = Doel::voorbeeld();
    let log = sarif_tegen_json(&doel, &["--as-of", "2026-11-24"]);
    // Deterministic: the same run gives the same log.
    assert_eq!(log, sarif(&doel, &["--as-of", "2026-11-24"]));
    let geaccepteerd = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .count();
    assert_eq!(geaccepteerd, 2);
}

#[test]
fn sarif_met_lastige_tekens() {
    let log = sarif_tegen_json(&lastig(), &["--as-of", LASTIG_AS_OF]);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri")
        })
        .collect();
    assert!(
        uris.contains(&"reg%2C100%25%3A%20x/zaken/ONBEKEND-1.md"),
        "{uris:?}"
    );
}

/// An input error whose message names a line (a case number given twice) keeps its
/// fingerprint when rows are inserted above it, in SARIF and in Code Quality.
#[test]
fn de_vingerafdruk_van_een_invoerfout_hangt_niet_aan_een_regel() {
    let rij = "KP-1,2025-03-03,email,preventie,B,C,c@example.nl,x,,\n";
    let doel = Doel::nieuw("register", &format!("{rij}{rij}"), "");
    let afdruk = |doel: &Doel| {
        let log = sarif(doel, &["--as-of", "2025-06-02"]);
        let invoer: Vec<Value> = log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter(|r| r["ruleId"] == "invoer")
            .cloned()
            .collect();
        assert_eq!(invoer.len(), 1, "{log:#}");
        let (_, rapport) = codequality(doel, &["--as-of", "2025-06-02"]);
        let kwaliteit = rapport
            .as_array()
            .expect("array")
            .iter()
            .find(|i| i["check_name"] == "invoer")
            .expect("invoer")["fingerprint"]
            .clone();
        (
            invoer[0]["message"]["text"].to_string(),
            invoer[0]["partialFingerprints"]["klachten/v1"].to_string(),
            kwaliteit,
        )
    };
    let (bericht, sarif_voor, kwaliteit_voor) = afdruk(&doel);
    doel.zaak_bovenaan();
    let (bericht_na, sarif_na, kwaliteit_na) = afdruk(&doel);
    assert_ne!(bericht, bericht_na, "the message names the moved line");
    assert_eq!(sarif_voor, sarif_na);
    assert_eq!(kwaliteit_voor, kwaliteit_na);
}

#[test]
fn sarif_vingerafdrukken_blijven_gelijk() {
    let doel = lastig();
    let voor = sarif(&doel, &["--as-of", LASTIG_AS_OF]);
    let afdrukken = |log: &Value| -> BTreeMap<String, String> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                (
                    identiteit(r),
                    r["partialFingerprints"]["klachten/v1"].to_string(),
                )
            })
            .collect()
    };
    let oud = afdrukken(&voor);

    // The register path spelled differently changes nothing.
    let anders = doel.check_als(
        &format!("./{}", doel.register),
        &["--as-of", LASTIG_AS_OF, "--format", "sarif"],
    );
    let anders: Value = serde_json::from_slice(&anders.stdout).expect("SARIF");
    let fp = |log: &Value| -> Vec<String> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["partialFingerprints"]["klachten/v1"].to_string())
            .collect()
    };
    assert_eq!(fp(&anders), fp(&voor));

    // Rows inserted above the findings' rows move their lines, not their fingerprints.
    doel.zaak_bovenaan();
    let na = sarif(&doel, &["--as-of", LASTIG_AS_OF]);
    // Same findings on new lines: compare by what they are, not by where.
    let zonder_regel = |kaart: BTreeMap<String, String>| -> BTreeSet<String> {
        kaart.into_iter().map(|(k, v)| format!("{k}={v}")).collect()
    };
    let nieuw = afdrukken(&na);
    assert_eq!(zonder_regel(nieuw), zonder_regel(oud.clone()));
    let regels = |log: &Value| -> Vec<Option<u64>> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64())
            .collect()
    };
    assert_ne!(regels(&na), regels(&voor), "de regels zijn wel verschoven");

    // A later peildatum changes messages ("dagen te laat"), not fingerprints.
    let later = sarif(&doel, &["--as-of", "2025-09-01"]);
    let termijn = |log: &Value| -> Vec<(String, String)> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter(|r| r["ruleId"] == "art-4.3-termijn")
            .map(|r| {
                (
                    r["message"]["text"].to_string(),
                    r["partialFingerprints"]["klachten/v1"].to_string(),
                )
            })
            .collect()
    };
    let (nu, dan) = (termijn(&na), termijn(&later));
    assert_eq!(nu.len(), 1);
    assert_eq!(nu[0].1, dan[0].1);
}

// ---------------------------------------------------------------------------------------
// JUnit

/// The document without the testcase attributes `file` and `line`, which the contract adds
/// to the Jenkins schema.
fn zonder_file_en_line(xml: &str) -> String {
    use quick_xml::events::{BytesStart, Event};
    let mut lezer = quick_xml::Reader::from_str(xml);
    let mut schrijver = quick_xml::Writer::new(Vec::new());
    loop {
        let gebeurtenis = lezer.read_event().expect("welgevormde XML");
        let gebeurtenis = match gebeurtenis {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"testcase" => {
                let mut nieuw = BytesStart::new("testcase");
                for a in e.attributes() {
                    let a = a.expect("attribuut");
                    if !matches!(a.key.as_ref(), b"file" | b"line") {
                        nieuw.push_attribute(a);
                    }
                }
                Event::Start(nieuw)
            }
            anders => anders,
        };
        schrijver.write_event(gebeurtenis).expect("schrijven");
    }
    String::from_utf8(schrijver.into_inner()).expect("UTF-8")
}

/// Validates with `xmllint --schema`; None when xmllint is missing.
fn xmllint(xml: &str) -> Option<Result<(), String>> {
    let map = tempfile::tempdir().expect("map");
    let bestand = map.path().join("junit.xml");
    std::fs::write(&bestand, xml).expect("schrijven");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/junit-10.xsd");
    let o = match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(&bestand)
        .output()
    {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("xmllint: {e}"),
    };
    Some(if o.status.success() {
        Ok(())
    } else {
        Err(stderr(&o))
    })
}

const XMLLINT: &str = "apt-get install libxml2-utils";

#[test]
fn het_junit_schema_keurt_echt_af() {
    let Some(goed) = xmllint(
        r#"<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="t" classname="c"/></testsuite></testsuites>"#,
    ) else {
        return ontbreekt("xmllint", XMLLINT);
    };
    assert_eq!(goed, Ok(()));
    let slecht = xmllint(
        r#"<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase classname="c" file="f"/></testsuite></testsuites>"#,
    );
    assert!(matches!(slecht, Some(Err(_))), "{slecht:?}");
}

/// A test case as read back.
#[derive(Debug, Default)]
struct Testcase {
    suite: String,
    classname: String,
    name: String,
    file: Option<String>,
    line: Option<u64>,
    failures: Vec<(String, String)>,
    system_out: String,
}

/// The name of a JUnit element, once it is known to be one that every reader knows, in the
/// place where they all expect it (`binnen`: the elements it is in).
fn junit_element(binnen: &[String], e: &quick_xml::events::BytesStart) -> String {
    let naam = String::from_utf8(e.name().as_ref().to_vec()).expect("naam");
    let ouder = match naam.as_str() {
        "testsuites" => None,
        "testsuite" => Some("testsuites"),
        "testcase" => Some("testsuite"),
        "failure" | "system-out" => Some("testcase"),
        anders => panic!("onverwacht element {anders}"),
    };
    assert_eq!(
        binnen.last().map(String::as_str),
        ouder,
        "plaats van {naam}"
    );
    naam
}

/// Reads the JUnit document; checks each element's place and each testsuite's counts on the
/// way.
fn lees_junit(xml: &str) -> Vec<Testcase> {
    use quick_xml::events::Event;
    let mut lezer = quick_xml::Reader::from_str(xml);
    let mut gevallen: Vec<Testcase> = Vec::new();
    let mut suite = String::new();
    let mut suite_telling: Option<(usize, usize, usize)> = None;
    let mut binnen: Vec<String> = Vec::new();
    let mut huidig: Option<Testcase> = None;
    let attr = |e: &quick_xml::events::BytesStart, k: &str| -> Option<String> {
        e.attributes()
            .filter_map(Result::ok)
            .find(|a| a.key.as_ref() == k.as_bytes())
            .map(|a| a.unescape_value().expect("attribuut").into_owned())
    };
    loop {
        match lezer.read_event().expect("welgevormde XML") {
            Event::Start(e) => {
                let naam = junit_element(&binnen, &e);
                match naam.as_str() {
                    "testsuite" => {
                        suite = attr(&e, "name").expect("name");
                        let tel = |k| attr(&e, k).expect(k).parse::<usize>().expect("getal");
                        suite_telling = Some((tel("tests"), tel("failures"), gevallen.len()));
                    }
                    "testcase" => {
                        huidig = Some(Testcase {
                            suite: suite.clone(),
                            classname: attr(&e, "classname").expect("classname"),
                            name: attr(&e, "name").expect("name"),
                            file: attr(&e, "file"),
                            line: attr(&e, "line").map(|l| l.parse().expect("line")),
                            ..Testcase::default()
                        });
                    }
                    "failure" => {
                        let t = huidig.as_mut().expect("failure in testcase");
                        t.failures
                            .push((attr(&e, "message").expect("message"), String::new()));
                    }
                    _ => {}
                }
                binnen.push(naam);
            }
            Event::Empty(e) => {
                let naam = junit_element(&binnen, &e);
                assert_ne!(naam, "testcase", "een testcase zonder inhoud");
            }
            Event::Text(t) => {
                let tekst = t.unescape().expect("tekst").into_owned();
                match (binnen.last().map(String::as_str), huidig.as_mut()) {
                    (Some("failure"), Some(t)) => {
                        if let Some(f) = t.failures.last_mut() {
                            f.1.push_str(&tekst);
                        }
                    }
                    (Some("system-out"), Some(t)) => t.system_out.push_str(&tekst),
                    _ => {}
                }
            }
            Event::End(e) => {
                binnen.pop();
                match e.name().as_ref() {
                    b"testcase" => gevallen.push(huidig.take().expect("testcase")),
                    b"testsuite" => {
                        let (tests, failures, begin) = suite_telling.take().expect("suite");
                        let eigen = &gevallen[begin..];
                        assert_eq!(eigen.len(), tests, "tests van {suite}");
                        let falend = eigen.iter().filter(|t| !t.failures.is_empty()).count();
                        assert_eq!(falend, failures, "failures van {suite}");
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    gevallen
}

fn junit_tegen_json(doel: &Doel, args: &[&str]) -> Vec<Testcase> {
    let mut alle = args.to_vec();
    alle.extend(["--format", "junit"]);
    let xml = stdout(&doel.check(&alle));

    match xmllint(&zonder_file_en_line(&xml)) {
        Some(Ok(())) => {}
        Some(Err(e)) => panic!("niet geldig volgens junit-10.xsd:\n{e}\n{xml}"),
        None => ontbreekt("xmllint", XMLLINT),
    }

    let gevallen = lees_junit(&xml);
    let verwacht = verwacht(doel, &json(doel, args), args);

    // One test case per case and rule with a finding, in the suite `klachten`.
    let mut groepen: Vec<(String, String)> = Vec::new();
    for v in verwacht.iter().filter(|v| v.zaak.is_some()) {
        let sleutel = (v.zaak.clone().expect("zaak"), v.regel.clone());
        if groepen.last() != Some(&sleutel) {
            groepen.push(sleutel);
        }
    }
    let zaken: Vec<&Testcase> = gevallen.iter().filter(|t| t.suite == "klachten").collect();
    assert_eq!(
        zaken
            .iter()
            .map(|t| (t.classname.clone(), t.name.clone()))
            .collect::<Vec<_>>(),
        groepen
    );
    for t in &zaken {
        let eigen: Vec<&Verwacht> = verwacht
            .iter()
            .filter(|v| v.zaak.as_deref() == Some(&t.classname) && v.regel == t.name)
            .collect();
        let falend: Vec<&&Verwacht> = eigen.iter().filter(|v| v.faalt).collect();
        assert_eq!(t.failures.len(), falend.len(), "{t:?}");
        let wijst = falend.first().copied().unwrap_or(&eigen[0]);
        assert_eq!(t.file.as_deref(), Some(wijst.bestand.as_str()), "{t:?}");
        assert_eq!(t.line, wijst.line, "{t:?}");
        for ((bericht, inhoud), v) in t.failures.iter().zip(&falend) {
            let plek = match v.line {
                Some(l) => format!("{}:{l}: ", v.bestand),
                None => format!("{}: ", v.bestand),
            };
            assert!(bericht.starts_with(&plek), "{bericht}");
            assert!(bericht.contains(&v.bericht), "{bericht}");
            assert!(inhoud.starts_with(bericht), "{inhoud}");
        }
        for v in eigen.iter().filter(|v| !v.faalt) {
            assert!(t.system_out.contains(&v.bericht), "{t:?}");
            if let Some(j) = &v.verantwoording {
                // Characters XML cannot carry are left out; the rest survives.
                let zichtbaar: String = j
                    .chars()
                    .filter(|&c| c >= ' ' || "\t\n\r".contains(c))
                    .collect();
                assert!(t.system_out.contains(&zichtbaar), "{t:?}");
            }
        }
    }

    // Input errors: failing test cases of a suite of their own.
    let invoer: Vec<&Testcase> = gevallen.iter().filter(|t| t.suite == "invoer").collect();
    let verwachte_invoer: Vec<&Verwacht> = verwacht.iter().filter(|v| v.zaak.is_none()).collect();
    assert_eq!(invoer.len(), verwachte_invoer.len());
    for (t, v) in invoer.iter().zip(verwachte_invoer) {
        assert_eq!(t.classname, "invoer");
        assert_eq!(t.failures.len(), 1, "{t:?}");
        assert_eq!(t.file.as_deref(), Some(v.bestand.as_str()));
        assert_eq!(t.line, v.line);
        let plek = match v.line {
            Some(l) => format!("{}:{l}: ", v.bestand),
            None => format!("{}: ", v.bestand),
        };
        assert!(t.failures[0].0.starts_with(&plek), "{t:?}");
        assert!(t.failures[0].0.contains(&v.bericht), "{t:?}");
    }
    assert_eq!(
        gevallen.len(),
        zaken.len() + invoer.len(),
        "alleen de suites klachten en invoer"
    );
    gevallen
}

#[test]
fn junit_op_het_voorbeeldregister() {
    let gevallen = junit_tegen_json(&Doel::voorbeeld(), &["--as-of", "2026-11-24"]);
    let mislukt: usize = gevallen.iter().map(|t| t.failures.len()).sum();
    // 16 unaccounted error findings (two under the amendment's three working days from
    // 1 July 2026) and 2 input errors.
    assert_eq!(mislukt, 18);
}

#[test]
fn junit_met_lastige_tekens() {
    let gevallen = junit_tegen_json(&lastig(), &["--as-of", LASTIG_AS_OF]);
    let verantwoord = gevallen
        .iter()
        .find(|t| t.name == "art-4.2-ontvangstbevestiging")
        .expect("art-4.2");
    assert!(
        verantwoord.failures.is_empty(),
        "een verantwoorde fout slaagt"
    );
    assert!(
        verantwoord.system_out.contains("verantwoord"),
        "{verantwoord:?}"
    );
}

#[test]
fn junit_faalt_ook_voor_since() {
    // The contract asks a failure per unaccepted error finding; --since only changes what
    // counts toward the exit status, and the message says so.
    let doel = lastig();
    let gevallen = junit_tegen_json(&doel, &["--as-of", LASTIG_AS_OF, "--since", "2025-06-01"]);
    let termijn = gevallen
        .iter()
        .find(|t| t.name == "art-4.3-termijn")
        .expect("art-4.3-termijn");
    assert_eq!(termijn.failures.len(), 1);
    assert!(
        termijn.failures[0].0.contains("telt niet mee"),
        "{termijn:?}"
    );
}

#[test]
fn junit_faalt_zoals_het_contract_zegt() {
    // The contract: a failure per unaccepted error finding; warnings pass, with --strict
    // too. A register with a warning only (the afsluiting is missing).
    let waarschuwing = Doel::nieuw(
        "register",
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n",
    );
    let voorbeeld = Doel::voorbeeld();
    let lastig = lastig();
    let gevallen: Vec<(&Doel, Vec<&str>)> = vec![
        (&waarschuwing, vec!["--as-of", "2025-06-02"]),
        (&voorbeeld, vec!["--as-of", "2026-11-24"]),
        (&lastig, vec!["--as-of", LASTIG_AS_OF]),
    ];
    for (doel, args) in gevallen {
        // Each test case's failures are checked against the JSON in `junit_tegen_json`;
        // without --strict and --since the report fails exactly when the run does.
        let gevallen = junit_tegen_json(doel, &args);
        let mut alle = args.clone();
        alle.extend(["--format", "junit"]);
        let status = code(&doel.check(&alle));
        let mislukt = gevallen.iter().any(|t| !t.failures.is_empty());
        assert_eq!(mislukt, status == 1, "{args:?}");
    }
    // With --strict the warning fails the run but passes in the report, and its text says
    // that it counts.
    let args = ["--as-of", "2025-06-02", "--strict"];
    let gevallen = junit_tegen_json(&waarschuwing, &args);
    assert_eq!(
        code(&waarschuwing.check(&[&args[..], &["--format", "junit"]].concat())),
        1
    );
    let afsluiting = gevallen
        .iter()
        .find(|t| t.name == "art-4.5-afsluiting")
        .expect("art-4.5-afsluiting");
    assert!(afsluiting.failures.is_empty(), "{afsluiting:?}");
    assert!(
        afsluiting.system_out.contains("(telt mee: --strict)"),
        "{afsluiting:?}"
    );
    let zonder = junit_tegen_json(&waarschuwing, &["--as-of", "2025-06-02"]);
    assert!(zonder.iter().all(|t| t.failures.is_empty()), "{zonder:?}");
}

// ---------------------------------------------------------------------------------------
// GitLab Code Quality

fn codequality_validator() -> jsonschema::Validator {
    validator(include_str!("schemas/gitlab-codequality.json"))
}

/// The Code Quality report of a run, validated against the documented fields and types.
fn codequality(doel: &Doel, args: &[&str]) -> (Vec<u8>, Value) {
    let mut alle = args.to_vec();
    alle.extend(["--format", "codequality"]);
    let o = doel.check(&alle);
    assert!(!o.stdout.starts_with(b"\xEF\xBB\xBF"), "geen BOM");
    let rapport: Value = serde_json::from_slice(&o.stdout).expect("Code Quality is JSON");
    keur(&codequality_validator(), &rapport);
    (o.stdout, rapport)
}

#[test]
fn het_codequality_schema_keurt_echt_af() {
    let validator = codequality_validator();
    let goed = serde_json::json!([{"description": "d", "check_name": "c", "fingerprint": "f",
        "severity": "minor", "location": {"path": "a/b.csv", "lines": {"begin": 3}}}]);
    assert!(validator.is_valid(&goed));
    for (pad, waarde) in [
        ("/0/severity", serde_json::json!("warning")),
        ("/0/location/lines/begin", serde_json::json!("3")),
        ("/0/fingerprint", serde_json::json!(7)),
    ] {
        let mut slecht = goed.clone();
        *slecht.pointer_mut(pad).expect("pad") = waarde;
        assert!(!validator.is_valid(&slecht), "{pad}");
    }
    let mut zonder = goed.clone();
    zonder[0]
        .as_object_mut()
        .expect("object")
        .remove("check_name");
    assert!(!validator.is_valid(&zonder));
}

fn codequality_tegen_json(doel: &Doel, args: &[&str]) -> Value {
    let (bytes, rapport) = codequality(doel, args);
    let verwacht = verwacht(doel, &json(doel, args), args);
    let kwesties = rapport.as_array().expect("een array");
    assert_eq!(kwesties.len(), verwacht.len());
    let mut vingerafdrukken = BTreeSet::new();
    for (k, v) in kwesties.iter().zip(&verwacht) {
        assert_eq!(k["check_name"], v.regel.as_str(), "{k}");
        assert_eq!(k["severity"], v.kwaliteit, "{k}");
        assert_eq!(k["location"]["path"], v.bestand.as_str(), "{k}");
        assert_eq!(k["location"]["lines"]["begin"], v.line.unwrap_or(1), "{k}");
        let beschrijving = k["description"].as_str().expect("description");
        assert!(beschrijving.contains(&v.bericht), "{k}");
        if let Some(zaak) = &v.zaak {
            assert!(beschrijving.starts_with(&format!("{zaak}: ")), "{k}");
        }
        let vinger = k["fingerprint"].as_str().expect("fingerprint");
        assert!(
            vingerafdrukken.insert(vinger.to_string()),
            "dubbel: {vinger}"
        );
    }
    // The same fingerprints as the SARIF log of the run.
    let log = sarif(doel, args);
    let sarif_vingers: Vec<&Value> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| &r["partialFingerprints"]["klachten/v1"])
        .collect();
    let vingers: Vec<&Value> = kwesties.iter().map(|k| &k["fingerprint"]).collect();
    assert_eq!(vingers, sarif_vingers);
    // Deterministic: a second run gives the same bytes.
    assert_eq!(codequality(doel, args).0, bytes);
    rapport
}

#[test]
fn codequality_op_het_voorbeeldregister() {
    let doel = Doel::voorbeeld();
    let rapport = codequality_tegen_json(&doel, &["--as-of", "2026-11-24"]);
    let ernsten: BTreeSet<&str> = rapport
        .as_array()
        .expect("array")
        .iter()
        .map(|k| k["severity"].as_str().expect("severity"))
        .collect();
    assert_eq!(ernsten, BTreeSet::from(["info", "major", "minor"]));
    // With --since, the old errors are minor.
    let oud = codequality_tegen_json(&doel, &["--as-of", "2026-11-24", "--since", "2026-06-01"]);
    let major = oud
        .as_array()
        .expect("array")
        .iter()
        .filter(|k| k["severity"] == "major")
        .count();
    assert_eq!(major, 6 + 2, "6 errors that count and 2 input errors");
}

#[test]
fn codequality_met_invoerfouten() {
    let doel = lastig();
    let rapport = codequality_tegen_json(&doel, &["--as-of", LASTIG_AS_OF]);
    // An error about a whole file points at its first line.
    let bestand = rapport
        .as_array()
        .expect("array")
        .iter()
        .find(|k| k["location"]["path"] == "reg,100%: x/zaken/ONBEKEND-1.md")
        .expect("invoerfout voor zaken/ONBEKEND-1.md");
    assert_eq!(bestand["check_name"], "invoer");
    assert_eq!(bestand["location"]["lines"]["begin"], 1);
    assert_eq!(bestand["severity"], "major");
    // The accepted finding is info, with the justification.
    let verantwoord = rapport
        .as_array()
        .expect("array")
        .iter()
        .find(|k| k["check_name"] == "art-4.2-ontvangstbevestiging")
        .expect("art-4.2");
    assert_eq!(verantwoord["severity"], "info");
    assert!(verantwoord["description"]
        .as_str()
        .is_some_and(|d| d.contains("(verantwoord: 100% zeker")));
    // A register with no finding and no input error: an empty array.
    let schoon = Doel::nieuw(
        "register",
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\n",
    );
    let (bytes, leeg) = codequality(&schoon, &["--as-of", "2025-06-02"]);
    assert_eq!(leeg, serde_json::json!([]));
    assert_eq!(bytes, b"[]\n");
}

#[test]
fn codequality_vingerafdrukken_blijven_gelijk() {
    // Rows inserted above the findings' rows move their lines, not their fingerprints.
    let doel = lastig();
    let args = ["--as-of", LASTIG_AS_OF];
    let afdrukken = |rapport: &Value| -> BTreeSet<String> {
        rapport
            .as_array()
            .expect("array")
            .iter()
            .map(|k| {
                format!(
                    "{}|{}|{}",
                    k["check_name"], k["description"], k["fingerprint"]
                )
            })
            .collect()
    };
    let regels = |rapport: &Value| -> Vec<Value> {
        rapport
            .as_array()
            .expect("array")
            .iter()
            .map(|k| k["location"]["lines"]["begin"].clone())
            .collect()
    };
    let (_, voor) = codequality(&doel, &args);
    doel.zaak_bovenaan();
    let (_, na) = codequality(&doel, &args);
    assert_eq!(afdrukken(&na), afdrukken(&voor));
    assert_ne!(regels(&na), regels(&voor), "de regels zijn wel verschoven");
}

// ---------------------------------------------------------------------------------------
// The CI examples

/// A YAML file of the repository as a JSON value (YAML 1.2: `on:` stays a key).
fn yaml(bestand: &str) -> Value {
    let pad = Path::new(env!("CARGO_MANIFEST_DIR")).join(bestand);
    let tekst = std::fs::read_to_string(&pad).unwrap_or_else(|e| panic!("{bestand}: {e}"));
    serde_norway::from_str(&tekst).unwrap_or_else(|e| panic!("{bestand}: geen YAML: {e}"))
}

/// Every `klachten check ...` command in the shell scripts of a CI file, as words.
fn check_opdrachten(document: &Value) -> Vec<Vec<String>> {
    let mut uit = Vec::new();
    let mut teksten = Vec::new();
    fn verzamel<'a>(v: &'a Value, teksten: &mut Vec<&'a str>) {
        match v {
            Value::String(s) => teksten.push(s),
            Value::Array(a) => a.iter().for_each(|v| verzamel(v, teksten)),
            Value::Object(o) => o.values().for_each(|v| verzamel(v, teksten)),
            _ => {}
        }
    }
    verzamel(document, &mut teksten);
    for tekst in teksten {
        for regel in tekst.lines() {
            if let Some(begin) = regel.find("klachten check") {
                let woorden = regel[begin..]
                    .split(['>', '|'])
                    .next()
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(|w| w.trim_matches('"').to_string())
                    .collect();
                uit.push(woorden);
            }
        }
    }
    uit
}

#[test]
fn ci_voorbeelden_zijn_geldig() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/ci.md")).expect("docs/ci.md");
    for (bestand, schema) in [
        ("docs/ci/github-workflow.yml", "vendor.github-workflows"),
        ("docs/ci/gitlab-ci.yml", "vendor.gitlab-ci"),
    ] {
        let inhoud = std::fs::read_to_string(root.join(bestand)).expect(bestand);
        assert!(
            docs.contains(&inhoud),
            "docs/ci.md toont {bestand} niet zoals het is"
        );
        let o = Command::new("python3")
            .args(["-m", "check_jsonschema", "--builtin-schema", schema])
            .arg(root.join(bestand))
            .output();
        match o {
            Ok(o) if o.status.success() => {}
            Ok(o) if String::from_utf8_lossy(&o.stderr).contains("No module named") => {
                return ontbreekt(
                    "check-jsonschema",
                    "python3 -m pip install check-jsonschema",
                )
            }
            Ok(o) => panic!("{bestand}:\n{}{}", stdout(&o), stderr(&o)),
            Err(_) => return ontbreekt("python3", "apt-get install python3"),
        }
    }
}

#[test]
fn ci_voorbeelden_gebruiken_wat_bestaat() {
    for bestand in ["docs/ci/github-workflow.yml", "docs/ci/gitlab-ci.yml"] {
        let document = yaml(bestand);
        let opdrachten = check_opdrachten(&document);
        assert!(!opdrachten.is_empty(), "{bestand}");
        for woorden in &opdrachten {
            // Every option is one klachten knows, and every format one it has.
            for (i, woord) in woorden.iter().enumerate().skip(2) {
                if let Some(optie) = woord.strip_prefix("--") {
                    assert!(
                        ["register", "format", "as-of", "strict", "since"].contains(&optie),
                        "{bestand}: {woorden:?}"
                    );
                }
                if woord == "--format" {
                    let formaat = woorden.get(i + 1).expect("een formaat");
                    assert!(FORMATEN.contains(&formaat.as_str()), "{bestand}: {formaat}");
                }
            }
        }
    }

    // GitHub: the check job takes klachten from the cache, keyed on the version and
    // Cargo.lock, and installs it only on a miss.
    let github = yaml("docs/ci/github-workflow.yml");
    for job in ["check", "site"] {
        let stappen = github["jobs"][job]["steps"].as_array().expect("steps");
        let cache = stappen
            .iter()
            .find(|s| {
                s["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/cache@"))
            })
            .unwrap_or_else(|| panic!("{job}: geen cache"));
        let sleutel = cache["with"]["key"].as_str().expect("key");
        assert!(sleutel.contains("steps.versie.outputs.versie"), "{sleutel}");
        assert!(sleutel.contains("hashFiles('Cargo.lock'"), "{sleutel}");
        let installeren = stappen
            .iter()
            .find(|s| {
                s["run"]
                    .as_str()
                    .is_some_and(|r| r.contains("cargo install"))
            })
            .expect("installeren");
        assert_eq!(
            installeren["if"],
            format!(
                "steps.{}.outputs.cache-hit != 'true'",
                cache["id"].as_str().expect("id")
            )
        );
    }
    assert!(
        check_opdrachten(&github["jobs"]["check"])
            .iter()
            .any(|w| w.windows(2).any(|p| p == ["--format", "github"])),
        "de controle met annotaties en stapsamenvatting"
    );

    // GitLab: the JUnit and the Code Quality report, and the cache of the build.
    let gitlab = yaml("docs/ci/gitlab-ci.yml");
    let rapporten = &gitlab["klachten-check"]["artifacts"]["reports"];
    assert_eq!(rapporten["junit"], "klachten-junit.xml");
    assert_eq!(rapporten["codequality"], "klachten-codequality.json");
    let script = check_opdrachten(&gitlab["klachten-check"]["script"]);
    assert!(script
        .iter()
        .any(|w| w.windows(2).any(|p| p == ["--format", "codequality"])));
    let cache = &gitlab[".klachten"]["cache"];
    assert_eq!(cache["key"]["files"], serde_json::json!(["Cargo.lock"]));
    assert_eq!(cache["paths"], serde_json::json!([".klachten/"]));
    let voor = gitlab[".klachten"]["before_script"][0]
        .as_str()
        .expect("before_script");
    assert!(
        voor.contains(".klachten/versie") && voor.contains("--root .klachten"),
        "{voor}"
    );
}

/// The validator of pre-commit's hook manifest (SchemaStore's schema).
fn manifest_validator() -> jsonschema::Validator {
    validator(include_str!("schemas/pre-commit-hooks.json"))
}

#[test]
fn het_manifest_schema_keurt_echt_af() {
    let validator = manifest_validator();
    let goed = serde_json::json!([{"id": "h", "name": "n", "entry": "e", "language": "rust"}]);
    assert!(validator.is_valid(&goed));
    // Any language name passes (pre-commit adds languages); not a number, nor an
    // unknown key.
    let mut slecht = goed.clone();
    slecht[0]["language"] = 7.into();
    assert!(!validator.is_valid(&slecht));
    let mut slecht = goed.clone();
    slecht[0]["taal"] = "rust".into();
    assert!(!validator.is_valid(&slecht));
    let mut slecht = goed.clone();
    slecht[0]["pass_filenames"] = "nee".into();
    assert!(!validator.is_valid(&slecht));
    let mut slecht = goed;
    slecht[0].as_object_mut().expect("object").remove("entry");
    assert!(!validator.is_valid(&slecht));
}

#[test]
fn de_pre_commit_hook_is_geldig_en_draait() {
    let manifest = yaml(".pre-commit-hooks.yaml");
    keur(&manifest_validator(), &manifest);
    let hooks = manifest.as_array().expect("een lijst hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    // pre-commit builds it with `cargo install --path .`: the entry is the binary of this
    // package, and the whole register is checked, not the files that changed.
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["pass_filenames"], false);
    let entry: Vec<&str> = hook["entry"]
        .as_str()
        .expect("entry")
        .split_whitespace()
        .collect();
    let binair = Path::new(env!("CARGO_BIN_EXE_klachten"))
        .file_stem()
        .and_then(|n| n.to_str());
    assert_eq!(Some(entry[0]), binair);
    assert_eq!(entry.get(1), Some(&"check"));
    assert_eq!(hook["files"], "^register/");

    // Run as pre-commit runs it: the entry and the hook's args, no file names, from the
    // repository root, with the default register.
    let draai = |doel: &Doel, extra: &[&str]| -> Output {
        Command::new(env!("CARGO_BIN_EXE_klachten"))
            .current_dir(&doel.cwd)
            .args(&entry[1..])
            .args(extra)
            .output()
            .expect("de hook starten")
    };
    let schoon = Doel::nieuw(
        "register",
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\nKP-1,2025-03-20,uitspraak,A,ongegrond,,,\n\
         KP-1,2025-03-21,afsluiting,A,,,,\n",
    );
    let o = draai(&schoon, &["--as-of", "2025-06-02"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let fout = lastig();
    let o = draai(
        &fout,
        &["--register", &fout.register, "--as-of", LASTIG_AS_OF],
    );
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("overtreding"), "{}", stdout(&o));

    // The example .pre-commit-config.yaml in docs/ci.md uses this hook.
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md"))
        .expect("docs/ci.md");
    let sectie = &docs[docs.find("## pre-commit").expect("sectie pre-commit")..];
    let blok = sectie
        .split("```yaml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("een voorbeeld in YAML");
    let config: Value = serde_norway::from_str(blok).expect("het voorbeeld is YAML");
    let repo = &config["repos"][0];
    assert!(repo["repo"].as_str().is_some_and(|r| !r.is_empty()));
    assert!(repo["rev"].as_str().is_some_and(|r| !r.is_empty()));
    assert_eq!(repo["hooks"][0]["id"], hook["id"]);
}
