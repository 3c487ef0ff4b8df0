//! Texts that recur across the rows of a file, kept once.

use rustc_hash::FxHashSet;

use crate::model::Tekst;

/// The texts that recur across the rows of a file, each kept once: handlers, categories,
/// the people who did something, and the case numbers of events.
///
/// At a million cases this keeps some five million names in memory as a few thousand
/// strings: without it, peak memory of `check --format json` rose from 814 to 1,118 MiB,
/// past the 1 GiB target (the register of a million cases of `bench/check.sh`).
#[derive(Default)]
pub(crate) struct Tekstbank {
    namen: FxHashSet<Tekst>,
    /// The case number of the row before: events of one case mostly follow each other.
    vorig_zaaknummer: Option<Tekst>,
}

impl Tekstbank {
    /// `tekst` as a shared text, kept once however often it recurs.
    pub fn naam(&mut self, tekst: &str) -> Tekst {
        if let Some(naam) = self.namen.get(tekst) {
            return naam.clone();
        }
        let naam: Tekst = tekst.into();
        self.namen.insert(naam.clone());
        naam
    }

    /// As [`Tekstbank::naam`], for a value that may be empty (then None).
    pub fn naam_in(&mut self, tekst: &str) -> Option<Tekst> {
        (!tekst.is_empty()).then(|| self.naam(tekst))
    }

    /// A case number: shared with the row before when it has the same.
    pub fn zaaknummer(&mut self, id: &str) -> Tekst {
        match &self.vorig_zaaknummer {
            Some(vorig) if **vorig == *id => vorig.clone(),
            _ => {
                let nieuw: Tekst = id.into();
                self.vorig_zaaknummer = Some(nieuw.clone());
                nieuw
            }
        }
    }
}
