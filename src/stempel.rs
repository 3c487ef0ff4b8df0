//! The evidence stamp: what a run read, so that an auditor can rebuild exactly what they
//! read. The register's commit (full id) when it is in Git and whether its folder had
//! uncommitted changes, the SHA-256 of `klachten.csv` and `gebeurtenissen.csv`, the
//! version of `klachten` and the peildatum. Every site page shows it, and
//! `check --format json` prints it as `summary.source`.
//!
//! Nothing in it depends on the clock: two runs on the same register and peildatum give
//! the same stamp.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::history::git;
use crate::register::{GEBEURTENISSEN_CSV, KLACHTEN_CSV};

/// The version of `klachten` that made the output.
pub const VERSIE: &str = env!("CARGO_PKG_VERSION");

/// What a run was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stempel {
    /// The full id of the commit the register's repository stood at; None outside Git or
    /// in a repository without commits.
    pub commit: Option<String>,
    /// Whether a file in the register's folder differed from that commit; None outside
    /// Git.
    pub gewijzigd: Option<bool>,
    /// SHA-256 of `klachten.csv`, in lower-case hex; None when it is no readable file.
    pub klachten: Option<String>,
    /// SHA-256 of `gebeurtenissen.csv`; None when it is missing.
    pub gebeurtenissen: Option<String>,
    pub versie: &'static str,
    pub peildatum: NaiveDate,
}

impl Stempel {
    /// The stamp of the register in folder `register`, judged at `peildatum`.
    pub fn van(register: &Path, peildatum: NaiveDate) -> Stempel {
        let (bron, (klachten, gebeurtenissen)) = rayon::join(
            || git::bronstand(register),
            || {
                rayon::join(
                    || sha256(&register.join(KLACHTEN_CSV)),
                    || sha256(&register.join(GEBEURTENISSEN_CSV)),
                )
            },
        );
        Stempel {
            commit: bron.as_ref().and_then(|b| b.commit.clone()),
            gewijzigd: bron.map(|b| b.gewijzigd),
            klachten,
            gebeurtenissen,
            versie: VERSIE,
            peildatum,
        }
    }
}

/// The SHA-256 of the regular file at `pad`, in lower-case hex. None when it is no
/// regular file (a named pipe was read once already and cannot be read again) or cannot
/// be read.
pub fn sha256(pad: &Path) -> Option<String> {
    if !std::fs::metadata(pad).ok()?.is_file() {
        return None;
    }
    let mut bestand = std::fs::File::open(pad).ok()?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        match bestand.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(format!("{:x}", hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_van_bekende_teksten() {
        let map = tempfile::tempdir().unwrap();
        let leeg = map.path().join("leeg");
        std::fs::write(&leeg, b"").unwrap();
        assert_eq!(
            sha256(&leeg).as_deref(),
            Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        );
        let abc = map.path().join("abc");
        std::fs::write(&abc, b"abc").unwrap();
        assert_eq!(
            sha256(&abc).as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert_eq!(sha256(&map.path().join("ontbreekt")), None);
        assert_eq!(sha256(map.path()), None, "a folder is no file");
    }
}
