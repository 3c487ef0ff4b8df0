//! The evidence stamp: what a run read, so that an auditor can rebuild exactly what they
//! read. The register's commit (full id) when it is in Git and whether its folder had
//! uncommitted changes, the SHA-256 of `klachten.csv` and `gebeurtenissen.csv`, the
//! version of `klachten` and the peildatum. Every site page shows it, and
//! `check --format json` prints it as `summary.source`.
//!
//! Nothing in it depends on the clock: two runs on the same register and peildatum give
//! the same stamp.

use chrono::NaiveDate;

use crate::history::Bronstand;
use crate::register::Register;

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
    /// SHA-256 of `klachten.csv` as it was read, in lower-case hex.
    pub klachten: Option<String>,
    /// SHA-256 of `gebeurtenissen.csv` as it was read; None when it is missing or could
    /// not be read to its end.
    pub gebeurtenissen: Option<String>,
    pub versie: &'static str,
    pub peildatum: NaiveDate,
}

impl Stempel {
    /// The stamp of `register` as it was read, with where its folder stands in Git
    /// (`bron`, None outside Git).
    pub fn van(register: &Register, bron: Option<&Bronstand>) -> Stempel {
        let [klachten, gebeurtenissen] = register.sha256.clone();
        Stempel {
            commit: bron.and_then(|b| b.commit.clone()),
            gewijzigd: bron.map(|b| b.gewijzigd),
            klachten,
            gebeurtenissen,
            versie: VERSIE,
            peildatum: register.peildatum,
        }
    }
}
