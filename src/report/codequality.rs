//! `--format codequality`: GitLab's Code Quality report, which GitLab shows in a merge
//! request (the findings it adds or resolves) and in the pipeline. The format is the part of
//! the Code Climate issue format that GitLab reads: one JSON array with an object per finding
//! and input error, each with
//!
//! - `description`: what the other CI formats say (the case and the message, and whether
//!   it was accounted for or falls before `--since`; for an input error the column, the
//!   message and the value);
//! - `check_name`: the rule id, or `invoer`;
//! - `fingerprint`: the SARIF log's `klachten/v1` fingerprint
//!   ([`super::sarif::vingerafdruk`]): unique within the report, and the same while the
//!   finding stays, whatever its line, message or the peildatum;
//! - `severity`: from [`getoonde_ernst`]: `major` for an error and for an input error,
//!   `minor` for a warning (and an error from before `--since`), `info` for an info and an
//!   accepted finding;
//! - `location.path`: the `--register` path as given joined with the file, as in the other
//!   CI formats; `location.lines.begin`: the line, or 1 for an error about a whole file
//!   (GitLab requires a line).
//!
//! Nothing else: no byte order mark, which GitLab's parser refuses. Notes and the summary
//! line go to stderr ([`super::schrijf_log`]).

use std::io::{self, Write};

use serde::Serialize;

use super::sarif::Vingerafdrukker;
use super::{bevinding_tekst, invoerfout_tekst, Opties, INVOER};
use crate::bevinding::{Bevinding, Ernst};
use crate::{Drempel, Uitkomst};

#[derive(Serialize)]
struct Kwestie<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Locatie,
}

#[derive(Serialize)]
struct Locatie {
    path: String,
    lines: Regels,
}

#[derive(Serialize)]
struct Regels {
    begin: u32,
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    // The same order as the SARIF log's results, so that each gets the same fingerprint.
    let mut vingerafdrukker = Vingerafdrukker::default();
    let mut eerste = true;
    let mut schrijf = |uit: &mut dyn Write, kwestie: &Kwestie| -> io::Result<()> {
        uit.write_all(if eerste { b"[\n  " } else { b",\n  " })?;
        eerste = false;
        serde_json::to_writer(&mut *uit, kwestie)?;
        Ok(())
    };
    for b in &uitkomst.bevindingen {
        let kwestie = Kwestie {
            description: bevinding_tekst(b, opties),
            check_name: b.regel.id(),
            fingerprint: vingerafdrukker.bevinding(b),
            severity: ernst(getoonde_ernst(b, opties.drempel)),
            location: locatie(opties.pad(&b.bron.pad()), b.line),
        };
        schrijf(uit, &kwestie)?;
    }
    for f in &uitkomst.register.invoerfouten {
        let kwestie = Kwestie {
            description: invoerfout_tekst(f),
            check_name: INVOER,
            fingerprint: vingerafdrukker.invoerfout(f),
            severity: ernst(Ernst::Error),
            location: locatie(opties.pad(&f.bestand), f.line),
        };
        schrijf(uit, &kwestie)?;
    }
    if eerste {
        uit.write_all(b"[]\n")
    } else {
        uit.write_all(b"\n]\n")
    }
}

/// GitLab's severity (`info`, `minor`, `major`, `critical`, `blocker`) of what is shown at
/// `ernst`.
fn ernst(ernst: Ernst) -> &'static str {
    match ernst {
        Ernst::Error => "major",
        Ernst::Warning => "minor",
        Ernst::Info => "info",
    }
}

fn locatie(path: String, line: Option<u32>) -> Locatie {
    Locatie {
        path,
        lines: Regels {
            begin: line.unwrap_or(1),
        },
    }
}

/// The severity a finding is reported at: its own, except that a finding that does not
/// count toward the exit status is never `major`. An accepted finding shows
/// as an info, an error from before `--since` as a warning. A warning that counts because
/// of `--strict` stays a warning: the severity is never raised.
fn getoonde_ernst(b: &Bevinding, drempel: Drempel) -> Ernst {
    if b.is_geaccepteerd() {
        Ernst::Info
    } else if b.ernst == Ernst::Error && !drempel.telt(b) {
        Ernst::Warning
    } else {
        b.ernst
    }
}
