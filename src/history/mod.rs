//! The register's own history in Git (article 7): when each row was first recorded on the
//! main line, and what changed afterwards. An auditor trusts this more than any date typed
//! into a CSV file.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::Tekst;
use crate::rules::{Bevinding, Bron};

/// How the history could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Historiestatus {
    /// Read in full.
    Gelezen,
    /// The register is not in a Git repository: the art-7 rules are skipped.
    GeenGit,
    /// A shallow clone: the history is incomplete, the art-7 rules are skipped.
    Ondiep,
}

impl Historiestatus {
    /// The value of `summary.history` in JSON.
    pub fn naam(self) -> &'static str {
        match self {
            Historiestatus::Gelezen => "gelezen",
            Historiestatus::GeenGit => "geen git",
            Historiestatus::Ondiep => "ondiep",
        }
    }
}

/// One change to a case's rows or narrative, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wijziging {
    /// Short commit id; None for uncommitted changes in the working tree.
    pub commit: Option<String>,
    /// The commit's date (committer date, in its own time zone); today for the working tree.
    pub datum: NaiveDate,
    pub auteur: String,
    pub bron: Bron,
    /// Line of the row in the current file, where it still exists.
    pub line: Option<u32>,
    /// What changed, in Dutch: "gebeurtenis uitspraak toegevoegd", "datum: 2025-03-03 → 2025-02-28".
    pub omschrijving: String,
}

/// What reading the history yielded.
#[derive(Debug, Clone)]
pub struct Historie {
    pub status: Historiestatus,
    /// Findings of art-7-registratie and art-7-wijziging.
    pub bevindingen: Vec<Bevinding>,
    /// Every change per case, in history order, for the case pages.
    pub per_zaak: HashMap<Tekst, Vec<Wijziging>>,
    /// A remark for stderr and the summary (the rules were skipped, and why).
    pub notitie: Option<String>,
}
