//! Throw-away Git repositories holding a register, with backdated commits: for the tests
//! of the register's history (articles 7 and 9).

use std::path::PathBuf;
use std::process::Command;

use super::{json, klachten, stderr};
use serde_json::Value;

pub const K: &str = "zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving\n";
pub const G: &str = "zaak,datum,soort,door,oordeel\n";

/// A case received on `ontvangen` by e-mail about preventie: within the regulation.
pub fn zaak(id: &str, ontvangen: &str) -> String {
    format!("{id},{ontvangen},email,preventie,A. Behandelaar,J. Klager,j@example.nl,traag\n")
}

pub struct Repo {
    pub map: tempfile::TempDir,
    pub top: PathBuf,
    pub register: PathBuf,
}

impl Repo {
    pub fn new() -> Repo {
        Repo::in_map("register")
    }

    /// A repository whose register lies in `map` under its top.
    pub fn in_map(map: &str) -> Repo {
        let tijdelijk = tempfile::tempdir().unwrap();
        let top = tijdelijk.path().join("repo");
        let register = top.join(map);
        std::fs::create_dir_all(&register).unwrap();
        let repo = Repo {
            map: tijdelijk,
            top,
            register,
        };
        repo.git(&["init", "-q", "-b", "main"], None);
        repo.git(&["config", "user.name", "Kwaliteit"], None);
        repo.git(&["config", "user.email", "kwaliteit@example.nl"], None);
        repo.git(&["config", "commit.gpgsign", "false"], None);
        repo
    }

    pub fn git(&self, args: &[&str], datum: Option<&str>) -> String {
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

    pub fn schrijf(&self, naam: &str, inhoud: &str) {
        let pad = self.register.join(naam);
        std::fs::create_dir_all(pad.parent().unwrap()).unwrap();
        std::fs::write(pad, inhoud).unwrap();
    }

    /// Both CSV files, under their headers.
    pub fn register(&self, klachten: &str, gebeurtenissen: &str) {
        self.schrijf("klachten.csv", &format!("{K}{klachten}"));
        self.schrijf("gebeurtenissen.csv", &format!("{G}{gebeurtenissen}"));
    }

    /// Commits everything with this date (ISO 8601 with zone); returns the short id.
    pub fn commit(&self, datum: &str) -> String {
        self.git(&["add", "-A"], None);
        self.git(
            &["commit", "-q", "--allow-empty", "-m", "register bijgewerkt"],
            Some(datum),
        );
        self.git(&["rev-parse", "--short", "HEAD"], None)
    }

    pub fn check(&self, as_of: &str) -> (Value, String, Option<i32>) {
        let o = klachten(
            &["check", "--as-of", as_of, "--format", "json"],
            &self.register,
        );
        (json(&o), stderr(&o), o.status.code())
    }
}
