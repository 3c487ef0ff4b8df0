//! The check: runs every rule on every case of a loaded register and gathers the outcome
//! (uitkomst) that all printers and the site read. Decided once, here.

use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::bevinding::{Bevinding, Ernst};
use crate::calendar::Kalender;
use crate::history::{Historie, Historiestatus};
use crate::persoonsgegevens::{toon_in_plaats, Geheimen};
use crate::register::Register;
use crate::rules::{self, Omgeving};
use crate::stempel::Stempel;
use crate::verloop::Verloop;

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
pub struct Uitkomst {
    pub register: Register,
    /// Parallel to `register.zaken`.
    pub zaken: Vec<Zaakoordeel>,
    /// Sorted by case (those on no case first), rule, date.
    pub bevindingen: Vec<Bevinding>,
    pub samenvatting: Samenvatting,
    /// The register's Git history, when it was asked for (its findings are among
    /// `bevindingen`; what art 7 judged is no longer kept).
    pub historie: Option<Historie>,
    /// Remarks that are no findings: unknown columns, skipped history, in Dutch.
    pub notities: Vec<String>,
    /// The working-day calendar of the register's regulation, worked out once.
    pub kalender: Kalender,
    /// What the check was made from: commit, file hashes, version, peildatum.
    pub stempel: Stempel,
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
    /// Whether the check passes: no input error and no finding that counts; with
    /// `--strict`, also a Git history that is there but could not be read whole.
    pub fn slaagt(&self, drempel: Drempel) -> bool {
        self.register.invoerfouten.is_empty()
            && !self.bevindingen.iter().any(|b| drempel.telt(b))
            && !(drempel.strict && self.historie_onvolledig().is_some())
    }

    /// The note on a Git history that is there but could not be read whole
    /// (`Historiestatus::Onvolledig`), which every format shows.
    pub fn historie_onvolledig(&self) -> Option<&str> {
        let h = self.historie.as_ref()?;
        (h.status == Historiestatus::Onvolledig).then_some(h.notitie.as_deref().unwrap_or(""))
    }

    /// The course of handling of case number `index` (in `register.zaken`); None when it
    /// falls outside the regulation. Not kept per case (at a million cases that would cost
    /// hundreds of megabytes) but decided again, by the same code the rules read it from.
    pub fn verloop(&self, index: usize) -> Option<Verloop> {
        let zaak = self.register.zaken.get(index)?;
        if !self.zaken[index].binnen_reglement {
            return None;
        }
        let versie = self.register.reglement.versie_op(zaak.ontvangen)?;
        Some(Verloop::van(zaak, &versie.termen, &self.kalender))
    }

    /// The findings of case number `index` (in `register.zaken`).
    pub fn bevindingen_van(&self, index: usize) -> &[Bevinding] {
        &self.bevindingen[self.zaken[index].bevindingen.clone()]
    }

    /// The findings about the register as a whole, on no case (art-9-wijziging): the first
    /// of [`Uitkomst::bevindingen`].
    pub fn bevindingen_over_register(&self) -> &[Bevinding] {
        let eind = self.bevindingen.partition_point(|b| b.zaak.is_none());
        &self.bevindingen[..eind]
    }
}

/// Judges every case of `register` by every rule but art 7 (which needs the history).
pub fn controleer(register: Register) -> Uitkomst {
    controleer_met(register, None)
}

/// Judges every case of `register`, with what `historie` read for art 7.
pub fn controleer_met(mut register: Register, mut historie: Option<Historie>) -> Uitkomst {
    // A case's texts hide the names and contacts its rows held in earlier versions too; so
    // do the input errors of its rows, which hid its current ones when they were read.
    if let Some(h) = &mut historie {
        let vroeger = std::mem::take(&mut h.vroegere_geheimen);
        for fout in &mut register.invoerfouten {
            if let Some(geheimen) = fout.zaak.as_ref().and_then(|id| vroeger.get(id)) {
                fout.afschermen(geheimen);
            }
        }
        for (id, geheimen) in vroeger {
            Geheimen::voeg_bij(&mut register.andere_geheimen, id, geheimen);
        }
    }
    let kalender = register.reglement.kalender();
    let mut omgeving = Omgeving::new(
        &register.reglement,
        &kalender,
        register.peildatum,
        &register.dossiers,
    );
    omgeving.historie = historie.as_ref().and_then(|h| h.lezing.as_deref());
    omgeving.andere_geheimen = Some(&register.andere_geheimen);
    let per_zaak: Vec<(bool, Vec<Bevinding>)> = register
        .zaken
        .par_iter()
        .map(|zaak| {
            let (verloop, mut bevindingen) = rules::beoordeel_zaak(zaak, &omgeving);
            // Kept until every case is judged: a list has room for four at its first
            // finding, and most cases have one (peak memory at a million cases 785
            // instead of 817 MiB).
            bevindingen.shrink_to_fit();
            (verloop.is_some(), bevindingen)
        })
        .collect();

    // Findings about the register as a whole come first; then the cases' findings, ordered
    // by case first (case numbers are unique): the cases in order of their number, each
    // with its findings in order, give the order of all findings.
    let (mut over_register, register_notities) =
        rules::beoordeel_register(&register.reglement, omgeving.historie);
    let mut op_nummer: Vec<usize> = (0..per_zaak.len()).collect();
    op_nummer.par_sort_unstable_by(|&a, &b| register.zaken[a].id.cmp(&register.zaken[b].id));
    let mut zaken: Vec<Zaakoordeel> = per_zaak
        .iter()
        .map(|(binnen_reglement, _)| Zaakoordeel {
            binnen_reglement: *binnen_reglement,
            bevindingen: 0..0,
        })
        .collect();
    let mut bevindingen = Vec::with_capacity(
        over_register.len() + per_zaak.iter().map(|(_, b)| b.len()).sum::<usize>(),
    );
    bevindingen.append(&mut over_register);
    let mut per_zaak: Vec<Vec<Bevinding>> = per_zaak.into_iter().map(|(_, b)| b).collect();
    for index in op_nummer {
        let begin = bevindingen.len();
        bevindingen.append(&mut per_zaak[index]);
        zaken[index].bevindingen = begin..bevindingen.len();
    }

    let samenvatting = samenvatting(&register, &zaken, &bevindingen);
    let bron = historie.as_ref().and_then(|h| h.bronstand.as_ref());
    let stempel = Stempel::van(&register, bron);
    let mut notities = register.waarschuwingen.clone();
    notities.extend(register_notities);
    if let Some(historie) = &mut historie {
        notities.extend(historie.notitie.clone());
        // Judged: what was read for it need not stay in memory.
        historie.lezing = None;
    }
    // Notes quote the register (a column's name in a header): shown as every text of it.
    for notitie in notities
        .iter_mut()
        .chain(historie.as_mut().and_then(|h| h.notitie.as_mut()))
    {
        toon_in_plaats(notitie, &Geheimen::GEEN);
    }
    Uitkomst {
        register,
        zaken,
        bevindingen,
        samenvatting,
        historie,
        notities,
        kalender,
        stempel,
    }
}

fn samenvatting(
    register: &Register,
    zaken: &[Zaakoordeel],
    bevindingen: &[Bevinding],
) -> Samenvatting {
    let aantallen = &register.aantallen;
    let checked = zaken.iter().filter(|z| z.binnen_reglement).count();
    let tel = |ernst: Ernst| bevindingen.iter().filter(|b| b.ernst == ernst).count();
    Samenvatting {
        cases: aantallen.zaken_gelezen,
        checked,
        out_of_scope: zaken.len() - checked,
        left_out: aantallen.zaken_na_peildatum,
        invalid: aantallen.zaken_ongeldig,
        errors: tel(Ernst::Error),
        warnings: tel(Ernst::Warning),
        infos: tel(Ernst::Info),
        accepted: bevindingen.iter().filter(|b| b.is_geaccepteerd()).count(),
        input_errors: register.invoerfouten.len(),
        events: aantallen.gebeurtenissen_gelezen,
        events_left_out: aantallen.gebeurtenissen_na_peildatum,
        events_invalid: aantallen.gebeurtenissen_ongeldig,
    }
}
