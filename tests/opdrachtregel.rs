//! The command line's own messages: what clap knows (the wrong word, the closest valid one,
//! the missing value, arguments called arguments) said in Dutch on one line with exit
//! status 2, and every line of `--help` in Dutch.

mod common;

use std::process::{Command, Output};

use common::{code, stderr, stdout};

fn klachten(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(tempfile::tempdir().unwrap().path())
        .output()
        .unwrap()
}

/// A wrong call: exit status 2, nothing on stdout, one line on stderr; that line.
fn fout(args: &[&str]) -> String {
    let o = klachten(args);
    assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
    assert_eq!(stdout(&o), "", "{args:?}");
    let regel = stderr(&o);
    assert_eq!(regel.lines().count(), 1, "{args:?}: {regel}");
    assert!(
        regel.starts_with("klachten: ongeldige aanroep: "),
        "{args:?}: {regel}"
    );
    regel.trim_end().to_string()
}

#[test]
fn een_verkeerde_opdracht_met_de_bedoelde() {
    assert_eq!(
        fout(&["chek"]),
        "klachten: ongeldige aanroep: onbekende opdracht „chek”; bedoelde u check?"
    );
    assert_eq!(
        fout(&["biuld", "--out", "x"]),
        "klachten: ongeldige aanroep: onbekende opdracht „biuld”; bedoelde u build?"
    );
    // Nothing like any command: the commands to choose from.
    assert_eq!(
        fout(&["xyz"]),
        "klachten: ongeldige aanroep: onbekende opdracht „xyz”; kies check, build, init of help"
    );
}

#[test]
fn een_verkeerde_optie_met_de_bedoelde() {
    assert_eq!(
        fout(&["check", "--fromat", "json"]),
        "klachten: ongeldige aanroep: onbekende optie --fromat; bedoelde u --format?"
    );
    assert_eq!(
        fout(&["check", "--xyz"]),
        "klachten: ongeldige aanroep: onbekende optie --xyz; zie --help"
    );
}

#[test]
fn een_waarde_die_ontbreekt() {
    assert_eq!(
        fout(&["check", "--register"]),
        "klachten: ongeldige aanroep: --register <MAP> verwacht een waarde"
    );
    assert_eq!(
        fout(&["build", "--as-of"]),
        "klachten: ongeldige aanroep: --as-of <DATUM> verwacht een waarde"
    );
    let regel = fout(&["check", "--format"]);
    assert!(
        regel.ends_with("--format <FORMAAT> verwacht een waarde: text, json, junit, sarif, github, codequality of csv"),
        "{regel}"
    );
}

#[test]
fn een_ongeldige_waarde_met_de_keuzes() {
    let regel = fout(&["check", "--format", "jsn"]);
    assert!(
        regel.ends_with(
            "ongeldige waarde „jsn” voor --format <FORMAAT>; kies text, json, junit, sarif, \
             github, codequality of csv; bedoelde u json?"
        ),
        "{regel}"
    );
    let regel = fout(&["check", "--as-of", "31-02-2025"]);
    assert!(
        regel.ends_with(
            "ongeldige waarde voor --as-of <DATUM>: geen bestaande datum: \"31-02-2025\""
        ),
        "{regel}"
    );
}

#[test]
fn een_argument_heet_een_argument() {
    assert_eq!(
        fout(&["check", "extra"]),
        "klachten: ongeldige aanroep: onverwacht argument „extra”; klachten check neemt alleen opties"
    );
    assert_eq!(
        fout(&["init", "een", "twee"]),
        "klachten: ongeldige aanroep: onverwacht argument „twee”; zie klachten init --help"
    );
}

#[test]
fn een_optie_twee_keer() {
    assert_eq!(
        fout(&["check", "--strict", "--strict"]),
        "klachten: ongeldige aanroep: --strict mag maar één keer gegeven worden"
    );
}

#[test]
fn help_en_help_check() {
    let hoofd = klachten(&["help"]);
    assert_eq!(code(&hoofd), 0, "{}", stderr(&hoofd));
    assert_eq!(stdout(&hoofd), stdout(&klachten(&["--help"])));
    for opdracht in ["check", "build", "init", "help"] {
        assert!(
            stdout(&hoofd).contains(&format!("\n  {opdracht} ")),
            "{opdracht}"
        );
        let o = klachten(&["help", opdracht]);
        assert_eq!(code(&o), 0, "{opdracht}: {}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&klachten(&[opdracht, "--help"])));
        assert!(
            stdout(&o).contains(&format!("Gebruik: klachten {opdracht}")),
            "{}",
            stdout(&o)
        );
    }
    assert!(stdout(&klachten(&["help", "check"])).contains("--register <MAP>"));
    assert_eq!(
        fout(&["help", "chek"]),
        "klachten: ongeldige aanroep: onbekende opdracht „chek”; bedoelde u check?"
    );
    // The command for benchmarks stays out of sight.
    assert!(!stdout(&hoofd).contains("genereer"));
    fout(&["help", "genereer"]);
}

/// Without a command: the help, on stderr, exit status 2.
#[test]
fn zonder_opdracht_de_hulp() {
    let o = klachten(&[]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("Gebruik: klachten <OPDRACHT>"),
        "{}",
        stderr(&o)
    );
    let o = klachten(&["--version"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("klachten {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// Every line of every help is Dutch: none of clap's English headings, flags or notes,
/// and every value of `--format` named in its own line.
#[test]
fn elke_regel_van_de_hulp_is_nederlands() {
    const ENGELS: [&str; 13] = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print",
        "help for",
        "default",
        "possible",
        "values",
        "the ",
        "Subcommand",
        "OPTIONS",
        "COMMAND",
    ];
    let mut regels = 0;
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["check", "--help"],
        &["build", "--help"],
        &["init", "--help"],
        &["help", "help"],
        &["help", "check"],
        &["help", "build"],
        &["help", "init"],
    ] {
        let o = klachten(args);
        assert_eq!(code(&o), 0, "{args:?}");
        let tekst = stdout(&o);
        for regel in tekst.lines() {
            regels += 1;
            for woord in ENGELS {
                assert!(!regel.contains(woord), "{args:?}: {woord:?} in {regel:?}");
            }
        }
        for kop in ["Gebruik: ", "Opties:"] {
            assert!(tekst.contains(kop), "{args:?}: {tekst}");
        }
    }
    assert!(regels > 50, "{regels}");
    // The values the parser accepts, as its own error lists them, are all in the help.
    let keuzes = fout(&["check", "--format", "x"]);
    let keuzes = keuzes
        .split("; kies ")
        .nth(1)
        .unwrap()
        .replace(" of ", ", ");
    let hulp = stdout(&klachten(&["check", "--help"]));
    let formaat = hulp.lines().find(|r| r.contains("--format")).unwrap();
    for waarde in keuzes.split(", ") {
        assert!(formaat.contains(waarde), "{waarde}: {formaat}");
    }
}
