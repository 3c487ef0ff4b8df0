//! The check: runs every rule on every case of a loaded register and gathers the outcome
//! (uitkomst) that all printers and the site read. Decided once, here.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::calendar::Kalender;
use crate::history::Historie;
use crate::model::Tekst;
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

    let mut per_zaak: Vec<(bool, Vec<Bevinding>)> = register
        .zaken
        .par_iter()
        .map(|zaak| {
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
        })
        .collect();

    // Findings are ordered by case first. Taking the cases in order of their number, each
    // with its findings already in order, gives the order of all findings without sorting
    // them all. Registers mostly number their cases in the order they come in, so the
    // file's own order usually is that order already.
    let zaken = &register.zaken;
    let op_volgorde = zaken.par_windows(2).all(|paar| paar[0].id <= paar[1].id);
    let (zaken, bevindingen) = if op_volgorde {
        let mut begin = 0;
        let zaken = per_zaak
            .iter()
            .map(|(binnen_reglement, b)| {
                begin += b.len();
                Zaakoordeel {
                    binnen_reglement: *binnen_reglement,
                    bevindingen: begin - b.len()..begin,
                }
            })
            .collect();
        // One list of exactly the right size; most cases have no findings.
        let mut bevindingen = Vec::with_capacity(begin);
        for (_, b) in per_zaak {
            if !b.is_empty() {
                bevindingen.extend(b);
            }
        }
        (zaken, bevindingen)
    } else {
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
