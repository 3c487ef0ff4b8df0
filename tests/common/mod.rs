//! Fixture registers for the end-to-end tests: a temporary folder with the two CSV files
//! (and whatever else a test adds).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

pub fn voorbeeldregister() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("register")
}
