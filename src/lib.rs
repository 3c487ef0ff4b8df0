//! `klachten`: turns a complaint register kept in Git into proof of compliance with a
//! complaint regulation (klachtenreglement).
//!
//! Data flows one way: the files of the register are loaded into a typed [`Register`]
//! (with input errors that point at file, line and column); [`controleer`] judges every
//! case by the rules and yields an [`Uitkomst`] (findings and each case's course of
//! handling); printers in [`report`] and the site in [`site`] only show what it decided.
//!
//! The library serves the binary alone; its documentation is for the people who work on
//! it (`cargo doc --document-private-items`), so its docs may link to private items.
#![allow(rustdoc::private_intra_doc_links)]

pub mod bevinding;
pub mod calendar;
pub mod controle;
pub mod datum;
pub mod genereer;
pub mod history;
pub mod init;
pub mod markdown;
pub mod model;
pub mod persoonsgegevens;
pub mod register;
pub mod report;
pub mod rules;
pub mod site;
pub mod stempel;
pub mod verloop;

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
    /// `check`: the findings only; the history keeps no changes per case.
    Controle,
    /// `build`: also every change per case, which the case pages show.
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
    let wijzigingen = match gebruik {
        Gebruik::Controle => history::Wijzigingen::Weglaten,
        Gebruik::Site => history::Wijzigingen::Bijhouden,
    };
    // The history needs only the folder: `git` is asked while the register is read (its
    // processes mostly wait, so a thread of their own takes little from the reading).
    let (register, historie) = std::thread::scope(|draden| {
        let historie = draden.spawn(|| history::lees(pad, vandaag, wijzigingen));
        (Register::laad(pad, peildatum), historie.join())
    });
    let historie =
        historie.unwrap_or_else(|_| history::onvolledig("het lezen van de historie brak af"));
    Ok(controleer_met(register?, Some(historie)))
}
