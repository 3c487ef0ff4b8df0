//! What the history says of each row: the step that first recorded it, what it held then,
//! and the first later step in which it differed from that or was gone. A value changed
//! and later restored has differed all the same.

use rustc_hash::FxHashMap;

use super::bestand::Overgang;
use super::rij::{Bewaakt, Sleutel, Veldverschil};

/// The track of one row.
#[derive(Debug, Clone)]
pub(crate) struct Spoor {
    /// The step that first held the row.
    pub eerste_stap: usize,
    /// Whether that step was the first version of the row's file: rows already there
    /// predate the history and are not judged on when they were registered.
    pub vrijgesteld: bool,
    /// The watched values as first recorded.
    pub eerste: Bewaakt,
    pub afwijking: Option<Afwijking>,
}

/// The first later step in which the row differed from its first recording.
#[derive(Debug, Clone)]
pub(crate) struct Afwijking {
    pub stap: usize,
    pub wat: Afwijkingsoort,
}

#[derive(Debug, Clone)]
pub(crate) enum Afwijkingsoort {
    /// The watched fields that differed then.
    Velden(Vec<Veldverschil>),
    Verwijderd,
    /// The row's soort was changed to this one (so its key went away).
    AndereSoort(u32),
}

/// Every row's track, by key.
#[derive(Default)]
pub(crate) struct Sporen {
    pub per_sleutel: FxHashMap<Sleutel, Spoor>,
}

impl Sporen {
    /// Takes in what step `stap` did to a row; `eerste_versie` says whether the step holds
    /// the first version of the row's file.
    pub fn verwerk(&mut self, stap: usize, eerste_versie: bool, overgang: &Overgang) {
        match overgang {
            Overgang::Vastgelegd {
                sleutel, bewaakt, ..
            } => match self.per_sleutel.get_mut(sleutel) {
                None => {
                    self.per_sleutel.insert(
                        *sleutel,
                        Spoor {
                            eerste_stap: stap,
                            vrijgesteld: eerste_versie,
                            eerste: bewaakt.clone(),
                            afwijking: None,
                        },
                    );
                }
                // Back after it was gone: that already counted.
                Some(spoor) => spoor.vergelijk(stap, bewaakt),
            },
            Overgang::Gewijzigd {
                sleutel, bewaakt, ..
            } => {
                if let Some(spoor) = self.per_sleutel.get_mut(sleutel) {
                    spoor.vergelijk(stap, bewaakt);
                }
            }
            Overgang::Verwijderd {
                sleutel,
                nieuwe_soort,
                ..
            } => {
                if let Some(spoor) = self.per_sleutel.get_mut(sleutel) {
                    if spoor.afwijking.is_none() {
                        spoor.afwijking = Some(Afwijking {
                            stap,
                            wat: match nieuwe_soort {
                                Some(soort) => Afwijkingsoort::AndereSoort(*soort),
                                None => Afwijkingsoort::Verwijderd,
                            },
                        });
                    }
                }
            }
        }
    }
}

impl Spoor {
    fn vergelijk(&mut self, stap: usize, nu: &Bewaakt) {
        if self.afwijking.is_some() {
            return;
        }
        let verschillen = self.eerste.verschillen(nu);
        if !verschillen.is_empty() {
            self.afwijking = Some(Afwijking {
                stap,
                wat: Afwijkingsoort::Velden(verschillen),
            });
        }
    }
}
