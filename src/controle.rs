//! The check: runs every rule on every case of a loaded register and gathers the outcome
//! (uitkomst) that all printers and the site read. Decided once, here.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::calendar::Kalender;
use crate::history::Historie;
use crate::model::{Tekst, Zaak};
use crate::register::Register;
use crate::rules::verloop::Verloop;
use crate::rules::{self, Bevinding, Ernst};

/// What the check decided about one case.
#[derive(Debug, Clone)]
pub struct Zaakoordeel {
    /// Whether the case was judged against the regulation (not outside it). Its course of
    /// handling is [`Uitkomst::verloop`].
    pub binnen_reglement: bool,
    /// The case's findings: a range of [`Uitkomst::bevindingen`].
    pub bevindingen: Range<usize>,
}

/// Counts for the summary line and the JSON `summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Samenvatting {
    /// Every record of klachten.csv.
    pub cases: usize,
    /// Cases judged against the regulation.
    pub checked: usize,
    /// Valid cases up to the peildatum that fall outside the regulation (art. 1, 3 or 8).
    pub out_of_scope: usize,
    /// Cases received after the peildatum.
    pub left_out: usize,
    /// Invalid records of klachten.csv.
    pub invalid: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings accounted for by a verantwoording (counted under their severity too).
    pub accepted: usize,
    pub input_errors: usize,
    pub events: usize,
    pub events_left_out: usize,
    pub events_invalid: usize,
}

/// The outcome of a check: the register, every finding, and per-case judgements.
#[derive(Debug)]
pub struct Uitkomst {
    pub register: Register,
    /// Parallel to `register.zaken`.
    pub zaken: Vec<Zaakoordeel>,
    /// Sorted by case, rule, date.
    pub bevindingen: Vec<Bevinding>,
    pub samenvatting: Samenvatting,
    /// The register's Git history, when it was read (its findings are among
    /// `bevindingen`).
    pub historie: Option<Historie>,
    /// Remarks that are no findings: unknown columns, skipped history, in Dutch.
    pub notities: Vec<String>,
    /// The working-day calendar of the register's regulation, worked out once.
    pub kalender: Kalender,
}

/// When a finding fails the check.
#[derive(Debug, Clone, Copy, Default)]
pub struct Drempel {
    /// Warnings count too.
    pub strict: bool,
    /// Only findings whose later of deadline and date is on or after this day count.
    pub since: Option<NaiveDate>,
}

impl Drempel {
    /// Whether `b` counts toward the exit status.
    pub fn telt(&self, b: &Bevinding) -> bool {
        let ernstig = match b.ernst {
            Ernst::Error => true,
            Ernst::Warning => self.strict,
            Ernst::Info => false,
        };
        let recent = match (self.since, b.deadline.max(b.datum)) {
            (Some(since), Some(laatste)) => laatste >= since,
            _ => true,
        };
        ernstig && recent && !b.is_geaccepteerd()
    }
}

impl Uitkomst {
    /// Whether the check passes: no input error and no finding that counts.
    pub fn slaagt(&self, drempel: Drempel) -> bool {
        self.register.invoerfouten.is_empty() && !self.bevindingen.iter().any(|b| drempel.telt(b))
    }

    /// The course of handling of case number `index` (in `register.zaken`); None when it
    /// falls outside the regulation. Not kept per case (at a million cases that would cost
    /// hundreds of megabytes) but decided again, by the same code the rules read it from.
    pub fn verloop(&self, index: usize) -> Option<Verloop> {
        let zaak = self.register.zaken.get(index)?;
        let reglement = &self.register.reglement;
        self.zaken[index]
            .binnen_reglement
            .then(|| Verloop::van(zaak, reglement, &self.kalender))
    }

    /// The findings of case number `index` (in `register.zaken`).
    pub fn bevindingen_van(&self, index: usize) -> &[Bevinding] {
        &self.bevindingen[self.zaken[index].bevindingen.clone()]
    }
}

/// Judges every case of `register` by articles 1 to 6 and applies verantwoordingen.
pub fn controleer(register: Register) -> Uitkomst {
    controleer_met(register, Vec::new())
}

/// As [`controleer`], with findings from elsewhere (the history) added before
/// verantwoordingen are applied, to the cases judged against the regulation only.
pub fn controleer_met(register: Register, extra: Vec<Bevinding>) -> Uitkomst {
    let reglement = &register.reglement;
    let kalender = reglement.kalender();
    let peildatum = register.peildatum;
    let grens = rules::waarschuwingsgrens(&kalender, peildatum, reglement.waarschuwing_werkdagen);

    let mut extra_per_zaak: HashMap<Tekst, Vec<Bevinding>> = HashMap::new();
    for b in extra {
        extra_per_zaak.entry(b.zaak.clone()).or_default().push(b);
    }

    // One case judged: whether it falls under the regulation, and its findings in order.
    let oordeel = |zaak: &Zaak| -> (bool, Vec<Bevinding>) {
        let (verloop, mut bevindingen) = rules::beoordeel_zaak(
            zaak,
            &register.namen,
            reglement,
            &kalender,
            peildatum,
            grens,
        );
        let binnen_reglement = verloop.is_some();
        // A case outside the regulation gets no finding beyond why it is outside
        // (and art-4.1): not from its case file, not from the history.
        if binnen_reglement {
            if let Some(dossier) = register.dossiers.get(&zaak.id) {
                bevindingen.extend(rules::art6::persoonsgegevens(&zaak.id, dossier));
            }
            if let Some(extra) = extra_per_zaak.get(&zaak.id) {
                bevindingen.extend(extra.iter().cloned());
            }
        }
        rules::verantwoording::pas_toe(zaak, &register.toelichtingen, &mut bevindingen);
        bevindingen.sort_by(volgorde);
        (binnen_reglement, bevindingen)
    };

    // Findings are ordered by case first. Taking the cases in order of their number, each
    // with its findings already in order, gives the order of all findings without sorting
    // them all. Registers mostly number their cases in the order they come in, so the
    // file's own order usually is that order already.
    let zaken = &register.zaken;
    let op_volgorde = zaken.par_windows(2).all(|paar| paar[0].id <= paar[1].id);
    let (zaken, bevindingen) = if op_volgorde {
        // Stretch by stretch side by side, each stretch's findings in one list, then the
        // stretches one after another.
        let stukken: Vec<(Vec<Zaakoordeel>, Vec<Bevinding>)> = zaken
            .par_chunks(STUK)
            .map(|zaken| {
                let mut oordelen = Vec::with_capacity(zaken.len());
                let mut bevindingen = Vec::new();
                for zaak in zaken {
                    let (binnen_reglement, b) = oordeel(zaak);
                    let begin = bevindingen.len();
                    bevindingen.extend(b);
                    oordelen.push(Zaakoordeel {
                        binnen_reglement,
                        bevindingen: begin..bevindingen.len(),
                    });
                }
                (oordelen, bevindingen)
            })
            .collect();
        // Where each stretch's findings begin among all; every stretch but the last holds
        // exactly STUK cases.
        let mut begins = Vec::with_capacity(stukken.len());
        let mut totaal = 0;
        for (_, b) in &stukken {
            begins.push(totaal);
            totaal += b.len();
        }
        let zaken: Vec<Zaakoordeel> = (0..zaken.len())
            .into_par_iter()
            .map(|i| {
                let (stuk, plek) = (i / STUK, i % STUK);
                let oordeel = &stukken[stuk].0[plek];
                let begin = begins[stuk];
                Zaakoordeel {
                    binnen_reglement: oordeel.binnen_reglement,
                    bevindingen: begin + oordeel.bevindingen.start..begin + oordeel.bevindingen.end,
                }
            })
            .collect();
        let mut bevindingen = Vec::with_capacity(totaal);
        for (_, b) in stukken {
            bevindingen.extend(b);
        }
        (zaken, bevindingen)
    } else {
        let mut per_zaak: Vec<(bool, Vec<Bevinding>)> = zaken.par_iter().map(oordeel).collect();
        let mut op_nummer: Vec<usize> = (0..zaken.len()).collect();
        op_nummer.par_sort_unstable_by(|&a, &b| zaken[a].id.cmp(&zaken[b].id));
        let mut bevindingen = Vec::with_capacity(per_zaak.iter().map(|(_, b)| b.len()).sum());
        let mut zaken: Vec<Zaakoordeel> = per_zaak
            .iter()
            .map(|(binnen_reglement, _)| Zaakoordeel {
                binnen_reglement: *binnen_reglement,
                bevindingen: 0..0,
            })
            .collect();
        for index in op_nummer {
            let begin = bevindingen.len();
            bevindingen.append(&mut per_zaak[index].1);
            zaken[index].bevindingen = begin..bevindingen.len();
        }
        (zaken, bevindingen)
    };

    let samenvatting = samenvatting(&register, &zaken, &bevindingen);
    let notities = register.waarschuwingen.clone();
    Uitkomst {
        register,
        zaken,
        bevindingen,
        samenvatting,
        historie: None,
        notities,
        kalender,
    }
}

/// Cases judged as one stretch, one after another on one core.
const STUK: usize = 1024;

/// The order of findings: by case, rule and date (the contract), then by deadline and
/// message so that the order is always the same.
fn volgorde(a: &Bevinding, b: &Bevinding) -> std::cmp::Ordering {
    a.sorteersleutel()
        .cmp(&b.sorteersleutel())
        .then_with(|| a.deadline.cmp(&b.deadline))
        .then_with(|| a.bericht.cmp(&b.bericht))
}

fn samenvatting(
    register: &Register,
    zaken: &[Zaakoordeel],
    bevindingen: &[Bevinding],
) -> Samenvatting {
    let telling = &register.telling;
    let checked = zaken.iter().filter(|z| z.binnen_reglement).count();
    let tel = |ernst: Ernst| bevindingen.iter().filter(|b| b.ernst == ernst).count();
    Samenvatting {
        cases: telling.zaken_gelezen,
        checked,
        out_of_scope: zaken.len() - checked,
        left_out: telling.zaken_na_peildatum,
        invalid: telling.zaken_ongeldig,
        errors: tel(Ernst::Error),
        warnings: tel(Ernst::Warning),
        infos: tel(Ernst::Info),
        accepted: bevindingen.iter().filter(|b| b.is_geaccepteerd()).count(),
        input_errors: register.invoerfouten.len(),
        events: telling.gebeurtenissen_gelezen,
        events_left_out: telling.gebeurtenissen_na_peildatum,
        events_invalid: telling.gebeurtenissen_ongeldig,
    }
}
