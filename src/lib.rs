//! `klachten`: turns a complaint register kept in Git into proof of compliance with a
//! complaint regulation (klachtenreglement).
//!
//! Data flows one way: the files of the register are loaded into a typed [`Register`]
//! (with input errors that point at file, line and column); [`controleer`] judges every
//! case by the rules and yields an [`Uitkomst`] (findings and each case's course of
//! handling); printers in [`report`] and the site in [`site`] only show what it decided.

pub mod calendar;
pub mod controle;
pub mod genereer;
pub mod history;
pub mod model;
pub mod register;
pub mod report;
pub mod rules;
pub mod site;
pub mod stempel;

pub use controle::{controleer, controleer_met, Drempel, Samenvatting, Uitkomst, Zaakoordeel};
pub use register::Register;

/// A reason the tool could not do its work at all (exit status 2): no register, no
/// klachten.csv, a bad reglement.toml, a site that could not be written. In Dutch, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fout(String);

impl Fout {
    pub fn new(bericht: impl Into<String>) -> Fout {
        Fout(bericht.into())
    }
}

impl std::fmt::Display for Fout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fout {}

/// What a run keeps beyond what the rules judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gebruik {
    /// `check`: the findings only. No case keeps its complainant's name, contact details
    /// or description (the rules ask only whether they are there), and the history keeps
    /// no changes per case.
    Controle,
    /// `build`: also what the site shows, the description (with the complainant's name and
    /// contact details redacted from it) and every change per case.
    Site,
}

/// Loads the register in `pad` at `peildatum`, reads its Git history, and judges it: what
/// both `check` and `build` do, keeping everything the site shows. `vandaag` dates
/// uncommitted changes in the history.
pub fn controleer_register(
    pad: &std::path::Path,
    peildatum: chrono::NaiveDate,
    vandaag: chrono::NaiveDate,
) -> Result<Uitkomst, Fout> {
    controleer_register_voor(pad, peildatum, vandaag, Gebruik::Site)
}

/// As [`controleer_register`], keeping only what `gebruik` needs. The findings are the
/// same either way.
pub fn controleer_register_voor(
    pad: &std::path::Path,
    peildatum: chrono::NaiveDate,
    vandaag: chrono::NaiveDate,
    gebruik: Gebruik,
) -> Result<Uitkomst, Fout> {
    let (teksten, wijzigingen) = match gebruik {
        Gebruik::Controle => (
            register::Teksten::AlleenAanwezigheid,
            history::Wijzigingen::Weglaten,
        ),
        Gebruik::Site => (register::Teksten::Bewaren, history::Wijzigingen::Bijhouden),
    };
    // The Git side of the history needs only the folder: ask git while the register is
    // read (its processes mostly wait, so a thread of their own takes no core from it).
    let (register, voorwerk) = std::thread::scope(|scope| {
        let voorwerk = scope.spawn(|| history::voorbereid(pad));
        let register = Register::laad_met(pad, peildatum, teksten);
        (register, voorwerk.join())
    });
    let register = register?;
    let mut historie = match voorwerk {
        Ok(voorwerk) => history::lees_na(voorwerk, &register, vandaag, wijzigingen),
        Err(_) => history::lees(&register, vandaag, wijzigingen),
    };
    let bevindingen = std::mem::take(&mut historie.bevindingen);
    let mut uitkomst = controleer_met(register, bevindingen);
    if let Some(notitie) = &historie.notitie {
        uitkomst.notities.push(notitie.clone());
    }
    uitkomst.historie = Some(historie);
    Ok(uitkomst)
}
