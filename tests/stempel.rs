//! The evidence stamp: `summary.source` in JSON and the stamp on every site page name the
//! register's commit, whether it had uncommitted changes, the SHA-256 of both CSV files,
//! the version and the peildatum.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn git(map: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .args(args)
        .current_dir(map)
        .env("GIT_AUTHOR_DATE", "2026-01-05T10:00:00+01:00")
        .env("GIT_COMMITTER_DATE", "2026-01-05T10:00:00+01:00")
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn sha256sum(pad: &Path) -> String {
    let o = Command::new("sha256sum").arg(pad).output().unwrap();
    stdout(&o).split_whitespace().next().unwrap().to_string()
}

fn bron(f: &Fixture) -> serde_json::Value {
    check(f, "2026-03-01")["summary"]["source"].clone()
}

const ZAAK: &str = "KP-1,2026-01-05,email,preventie,A,J,j@x.nl,x,,\n";

#[test]
fn buiten_git_de_hashes_zonder_commit() {
    let f = Fixture::new(ZAAK, "");
    // A temporary folder in no repository (tests run from a checkout, but the temporary
    // folder lies outside it).
    let s = bron(&f);
    assert_eq!(s["commit"], serde_json::Value::Null, "{s}");
    assert_eq!(s["uncommitted_changes"], serde_json::Value::Null);
    assert_eq!(
        s["sha256"]["klachten.csv"],
        sha256sum(&f.pad().join("klachten.csv"))
    );
    assert_eq!(
        s["sha256"]["gebeurtenissen.csv"],
        sha256sum(&f.pad().join("gebeurtenissen.csv"))
    );
    assert_eq!(s["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(s["as_of"], "2026-03-01");

    // Without gebeurtenissen.csv its hash is null.
    std::fs::remove_file(f.pad().join("gebeurtenissen.csv")).unwrap();
    let s = bron(&f);
    assert_eq!(s["sha256"]["gebeurtenissen.csv"], serde_json::Value::Null);
    assert!(s["sha256"]["klachten.csv"].is_string());
}

#[test]
fn in_git_de_commit_en_of_er_iets_niet_is_vastgelegd() {
    let f = Fixture::new(ZAAK, "");
    git(f.pad(), &["init", "-q", "-b", "main"]);
    git(f.pad(), &["config", "user.name", "Kwaliteit"]);
    git(f.pad(), &["config", "user.email", "kwaliteit@example.nl"]);
    git(f.pad(), &["config", "commit.gpgsign", "false"]);
    // No commit yet: in Git, everything uncommitted.
    let s = bron(&f);
    assert_eq!(s["commit"], serde_json::Value::Null);
    assert_eq!(s["uncommitted_changes"], true);

    git(f.pad(), &["add", "-A"]);
    git(f.pad(), &["commit", "-q", "-m", "register"]);
    let head = git(f.pad(), &["rev-parse", "HEAD"]);
    assert_eq!(head.len(), 40);
    let s = bron(&f);
    assert_eq!(s["commit"], head.as_str());
    assert_eq!(s["uncommitted_changes"], false);
    let oud = s["sha256"]["klachten.csv"].clone();

    // A changed row: the state says so, and the hash follows the file.
    f.schrijf(
        "klachten.csv",
        format!("{KLACHTEN_KOP}{}", ZAAK.replace("x,,", "y,,")),
    );
    let s = bron(&f);
    assert_eq!(s["commit"], head.as_str());
    assert_eq!(s["uncommitted_changes"], true);
    assert_ne!(s["sha256"]["klachten.csv"], oud);
    assert_eq!(
        s["sha256"]["klachten.csv"],
        sha256sum(&f.pad().join("klachten.csv"))
    );

    // An untracked case file counts as a change too.
    git(f.pad(), &["checkout", "-q", "--", "klachten.csv"]);
    assert_eq!(bron(&f)["uncommitted_changes"], false);
    f.schrijf("zaken/KP-1.md", "# Dossier\n");
    assert_eq!(bron(&f)["uncommitted_changes"], true);
}
