//! Whether the rows of the register fit together: each case number once, each event with
//! a case, no event before its case was received, and events in an order that can have
//! happened. Cases come in as klachten.csv is read; once both files are read, each run of
//! events goes to its case. Then each case's events are put in date order, and what lies
//! after the peildatum is left out.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::gebeurtenissen::Reeks;
use super::{Aantallen, Invoerfout, GEBEURTENISSEN_CSV, KLACHTEN_CSV};
use crate::datum;
use crate::model::{Gebeurtenis, Soort, Tekst, Zaak};
use crate::persoonsgegevens::{Geheimen, Klagerwaarden};

/// What becomes of a valid row of klachten.csv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lot {
    /// Checked, when received on or before the peildatum.
    Gecontroleerd,
    /// A later row of a case number that a valid row above it has: an input error.
    Dubbel,
    /// A row of a case number that an invalid row above it has: an input error; its events
    /// are left out with it.
    NaOngeldig,
}

/// The valid cases of klachten.csv by case number, while their events are handed out.
pub(crate) struct Samenhang {
    zaken: Vec<Zaak>,
    lot: Vec<Lot>,
    /// The first valid row of each case number; None while the valid rows' case numbers
    /// ascend (see [`Samenhang::eerste_rij`]).
    index: Option<FxHashMap<Tekst, usize>>,
    /// Case numbers of invalid rows, each with the line of its first and the name and
    /// contact that they hold (their case is not checked, and these are hidden too).
    ongeldig: FxHashMap<Tekst, (u32, Geheimen)>,
    peildatum: NaiveDate,
    fouten: Vec<Invoerfout>,
    aantallen: Aantallen,
}

/// How the loader knows the name of a case file.
pub(crate) enum Bekend {
    /// A case that is checked at this peildatum.
    Gecontroleerd(Tekst),
    /// In klachten.csv, but not checked (received after the peildatum, or its row is
    /// invalid or a duplicate).
    NietGecontroleerd,
    Onbekend,
}

impl Samenhang {
    pub fn new(peildatum: NaiveDate) -> Self {
        Samenhang {
            zaken: Vec::new(),
            lot: Vec::new(),
            index: None,
            ongeldig: FxHashMap::default(),
            peildatum,
            fouten: Vec::new(),
            aantallen: Aantallen::default(),
        }
    }

    /// Takes in the case number of an invalid row of klachten.csv, with its line and the
    /// name and contact it holds, in file order.
    pub fn neem_ongeldig(&mut self, id: Tekst, line: u32, geheimen: Geheimen) {
        let (_, eerder) = self.ongeldig.entry(id).or_insert((line, Geheimen::GEEN));
        *eerder = geheimen.samen(eerder);
    }

    /// Takes in the next valid row of klachten.csv, in file order. Reports a duplicate
    /// case number.
    pub fn neem_zaak(&mut self, zaak: Zaak) {
        let i = self.zaken.len();
        let eerste = self.eerste_rij(&zaak.id, i);
        let (lot, eerder) = if eerste != i {
            (Lot::Dubbel, Some(self.zaken[eerste].line))
        } else {
            // A row of a number that an invalid row above it has.
            match self.ongeldig.get(&zaak.id) {
                Some(&(l, _)) => (Lot::NaOngeldig, Some(l)),
                None => (Lot::Gecontroleerd, None),
            }
        };
        if let Some(eerder) = eerder {
            self.aantallen.zaken_ongeldig += 1;
            self.fouten.push(
                Invoerfout::veld(
                    KLACHTEN_CSV,
                    zaak.line,
                    "zaak",
                    &zaak.id,
                    format!("zaak {} komt al voor op regel {eerder}", zaak.id),
                )
                .van_zaak(&zaak.id),
            );
        }
        self.lot.push(lot);
        self.zaken.push(zaak);
    }

    /// The first valid row of case number `id`, or `i` (the row being taken in) when no
    /// row before it has that number.
    ///
    /// Registers number their cases in sequence, and klachten.csv mostly lists them in
    /// that order: while each number sorts after the one before, none can repeat, and
    /// the rows are found by binary search ([`Samenhang::vind`]). The map of numbers is
    /// only made when a number does not sort after the one before. At a million cases the
    /// map is a cache miss per row.
    ///
    /// This and the next case tried first in [`Samenhang::zoek`] buy under 10 % at 100,000
    /// cases (`check` 0.18-0.19 against 0.19-0.20 s; 0.7 % of the instructions) but a third
    /// at a million (1.8 against 2.6 s), against one map of every case number looked up
    /// for every run of events: medians of five runs of each build in turn, both orders,
    /// `bench/check.sh`'s registers, 7 December 2026. Kept for the million-case target.
    fn eerste_rij(&mut self, id: &Tekst, i: usize) -> usize {
        let index = match &mut self.index {
            Some(index) => index,
            None if self.zaken.last().is_none_or(|vorige| vorige.id < *id) => return i,
            None => {
                let rijen = self.zaken.iter().enumerate();
                self.index
                    .insert(rijen.map(|(i, z)| (z.id.clone(), i)).collect())
            }
        };
        *index.entry(id.clone()).or_insert(i)
    }

    /// The first valid row of case number `id`.
    fn vind(&self, id: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(id).copied(),
            None => self.zaken.binary_search_by(|z| (*z.id).cmp(id)).ok(),
        }
    }

    /// Gives each run of events (in file order) to its case, once every case is read. An
    /// event of a case that is not in klachten.csv is an input error; one of a case whose
    /// own row is invalid goes unchecked with it.
    pub fn verdeel(&mut self, reeksen: Vec<Reeks>) {
        let mut vorige = None;
        for Reeks {
            zaak: id,
            gebeurtenissen,
        } in reeksen
        {
            match self.zoek(&id, vorige) {
                Some(i) => {
                    vorige = Some(i);
                    self.geef(i, gebeurtenissen)
                }
                None if self.ongeldig.contains_key(&id) => {
                    self.aantallen.gebeurtenissen_ongeldig += gebeurtenissen.len()
                }
                None => {
                    self.aantallen.gebeurtenissen_ongeldig += gebeurtenissen.len();
                    self.fouten.extend(gebeurtenissen.iter().map(|g| {
                        Invoerfout::veld(
                            GEBEURTENISSEN_CSV,
                            g.line,
                            "zaak",
                            &id,
                            format!("zaak {id} staat niet in {KLACHTEN_CSV}"),
                        )
                        .van_zaak(&id)
                    }));
                }
            }
        }
    }

    /// The first valid row of case `id`. Both files usually list the cases in the same
    /// order, so the case after `vorige` (the case of the run before) is tried first: at a
    /// million cases a look-up in the map is a cache miss (what this buys: see
    /// [`Samenhang::eerste_rij`]).
    fn zoek(&self, id: &str, vorige: Option<usize>) -> Option<usize> {
        let volgende = vorige.map_or(0, |i| i + 1);
        match self.zaken.get(volgende) {
            Some(zaak) if *zaak.id == *id && self.lot[volgende] == Lot::Gecontroleerd => {
                Some(volgende)
            }
            _ => self.vind(id),
        }
    }

    /// Gives events to case `i`; those of a case that is checked later (received after the
    /// peildatum) are only counted. A case set aside for an invalid row with its number
    /// keeps its events, which are counted as invalid with it ([`Samenhang::zaken`]).
    fn geef(&mut self, i: usize, gebeurtenissen: Vec<Gebeurtenis>) {
        let zaak = &mut self.zaken[i];
        if zaak.ontvangen > self.peildatum && self.lot[i] == Lot::Gecontroleerd {
            self.aantallen.gebeurtenissen_na_peildatum += gebeurtenissen.len();
        } else if zaak.gebeurtenissen.is_empty() {
            zaak.gebeurtenissen = gebeurtenissen;
        } else {
            zaak.gebeurtenissen.extend(gebeurtenissen);
        }
    }

    /// What no text of case `id` may show ([`super::geheimen`]): the name and contact of
    /// its first valid row (also when it was received after the peildatum), and `andere`'s.
    pub fn geheimen(&self, id: &str, andere: &HashMap<Tekst, Geheimen>) -> Geheimen {
        match self.vind(id) {
            Some(i) => super::geheimen(&self.zaken[i], andere),
            None => andere.get(id).cloned().unwrap_or_default(),
        }
    }

    /// The name and contact of every row of klachten.csv, valid or not, to look texts up
    /// among.
    pub fn klagerwaarden(&self) -> Klagerwaarden {
        let mut uit = Klagerwaarden::default();
        for zaak in &self.zaken {
            uit.voeg_klager_toe(zaak.klager.as_deref(), zaak.contact.as_deref());
        }
        for (_, geheimen) in self.ongeldig.values() {
            geheimen.voeg_toe_aan(&mut uit);
        }
        uit
    }

    /// The name and contact of every row that is not its case's first valid one (a
    /// duplicate, an invalid row, a row after an invalid one with its number), by case
    /// number.
    pub fn andere_geheimen(&self) -> HashMap<Tekst, Geheimen> {
        let mut uit = HashMap::new();
        for (zaak, lot) in self.zaken.iter().zip(&self.lot) {
            if *lot != Lot::Gecontroleerd {
                let eigen = Geheimen::van(zaak.klager.as_deref(), zaak.contact.as_deref());
                Geheimen::voeg_bij(&mut uit, zaak.id.clone(), eigen);
            }
        }
        for (id, (_, geheimen)) in &self.ongeldig {
            Geheimen::voeg_bij(&mut uit, id.clone(), geheimen.clone());
        }
        uit
    }

    /// The input errors found so far (duplicate case numbers, events of no case), taken
    /// out.
    pub fn neem_fouten(&mut self) -> Vec<Invoerfout> {
        std::mem::take(&mut self.fouten)
    }

    /// How a case file named `naam` is known.
    pub fn ken(&self, naam: &str) -> Bekend {
        match self.vind(naam) {
            Some(i)
                if self.lot[i] == Lot::Gecontroleerd
                    && self.zaken[i].ontvangen <= self.peildatum =>
            {
                Bekend::Gecontroleerd(self.zaken[i].id.clone())
            }
            Some(_) => Bekend::NietGecontroleerd,
            None if self.ongeldig.contains_key(naam) => Bekend::NietGecontroleerd,
            None => Bekend::Onbekend,
        }
    }

    /// The cases that are checked, each with its events in order; the rest is counted.
    pub fn zaken(mut self) -> (Vec<Zaak>, Vec<Invoerfout>, Aantallen) {
        let peildatum = self.peildatum;
        let geordend: Vec<(Vec<Invoerfout>, usize)> = self
            .zaken
            .par_iter_mut()
            .zip(&self.lot)
            .filter(|(zaak, lot)| **lot == Lot::Gecontroleerd && zaak.ontvangen <= peildatum)
            .map(|(zaak, _)| orden_gebeurtenissen(zaak, peildatum))
            // Most cases have nothing to report: a pair for every case took 8 MiB more
            // at a million cases (peak 809 against 801 MiB).
            .filter(|(fouten, na_peildatum)| !fouten.is_empty() || *na_peildatum > 0)
            .collect();
        for (fouten, na_peildatum) in geordend {
            self.aantallen.gebeurtenissen_na_peildatum += na_peildatum;
            self.aantallen.gebeurtenissen_ongeldig += fouten.len();
            self.fouten.extend(fouten);
        }
        for (zaak, lot) in self.zaken.iter().zip(&self.lot) {
            match lot {
                Lot::Dubbel => {}
                Lot::NaOngeldig => {
                    self.aantallen.gebeurtenissen_ongeldig += zaak.gebeurtenissen.len()
                }
                Lot::Gecontroleerd if zaak.ontvangen > peildatum => {
                    self.aantallen.zaken_na_peildatum += 1
                }
                Lot::Gecontroleerd => {}
            }
        }
        let mut lot = self.lot.into_iter();
        self.zaken
            .retain(|zaak| lot.next() == Some(Lot::Gecontroleerd) && zaak.ontvangen <= peildatum);
        (self.zaken, self.fouten, self.aantallen)
    }
}

/// Puts a case's events in date order (file order within a day), leaves out those after
/// the peildatum, and rejects those that cannot stand where they are: dated before the
/// complaint was received, a beroep before any uitspraak, a beroepsuitspraak before any
/// beroep, a heropend before any afsluiting. Returns the input errors and how many events
/// were left out after the peildatum.
fn orden_gebeurtenissen(zaak: &mut Zaak, peildatum: NaiveDate) -> (Vec<Invoerfout>, usize) {
    // Events on the same date keep their file order.
    zaak.gebeurtenissen
        .sort_unstable_by_key(|g| (g.datum, g.line));
    let voor = zaak.gebeurtenissen.len();
    zaak.gebeurtenissen.retain(|g| g.datum <= peildatum);
    let na_peildatum = voor - zaak.gebeurtenissen.len();

    let ontvangen = zaak.ontvangen;
    let (mut uitspraak, mut beroep, mut afsluiting) = (false, false, false);
    let mut fouten = Vec::new();
    let id = zaak.id.clone();
    zaak.gebeurtenissen.retain(|g| {
        let fout = if g.datum < ontvangen {
            let zoals_geschreven = if g.datum_dag_eerst {
                datum::dmj(g.datum)
            } else {
                datum::jmd(g.datum)
            };
            let bericht = format!(
                "gebeurtenis gedateerd voor de ontvangst van de klacht ({})",
                datum::dmj(ontvangen)
            );
            Some(("datum", zoals_geschreven, bericht))
        } else {
            let volgorde = match g.soort {
                Soort::Beroep if !uitspraak => Some("beroep zonder eerdere uitspraak"),
                Soort::Beroepsuitspraak if !beroep => Some("beroepsuitspraak zonder eerder beroep"),
                Soort::Heropend if !afsluiting => Some("heropend zonder eerdere afsluiting"),
                _ => None,
            };
            volgorde.map(|bericht| ("soort", g.soort.naam().to_string(), bericht.to_string()))
        };
        if let Some((kolom, waarde, bericht)) = fout {
            let fout = Invoerfout::veld(GEBEURTENISSEN_CSV, g.line, kolom, &waarde, bericht);
            fouten.push(fout.van_zaak(&id));
            return false;
        }
        match g.soort {
            Soort::Uitspraak => uitspraak = true,
            Soort::Beroep => beroep = true,
            Soort::Afsluiting => afsluiting = true,
            _ => {}
        }
        true
    });
    (fouten, na_peildatum)
}
