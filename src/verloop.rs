//! The course of a complaint's handling (verloop): its terms and cycles, decided once per
//! case from its events. The rules read their findings off it, and the site shows it as
//! the case's audit trail, so both always agree.
//!
//! Handling runs in cycles: the first starts on the day the complaint was received, each
//! `heropend` starts another on its date. A cycle's deadline is its start plus the
//! handling term in weeks, moved by each valid extension (verlenging).

use std::ops::Range;

use chrono::NaiveDate;

use crate::calendar::Kalender;
use crate::model::{Gebeurtenis, Soort, Zaak};
use crate::register::Termen;

/// What a term is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termijnsoort {
    /// Art. 4.2: acknowledge receipt.
    Ontvangstbevestiging,
    /// Art. 4.3: decide (uitspraak) within the cycle.
    Afhandeling,
    /// Art. 5: the complainant's term to appeal after the decision.
    Beroep,
    /// The organisation's own term to decide an appeal (`beroep_afhandeltermijn_weken`).
    Beroepsbehandeling,
}

impl Termijnsoort {
    pub fn label(self) -> &'static str {
        match self {
            Termijnsoort::Ontvangstbevestiging => "ontvangstbevestiging",
            Termijnsoort::Afhandeling => "afhandeling (uitspraak)",
            Termijnsoort::Beroep => "beroepstermijn",
            Termijnsoort::Beroepsbehandeling => "behandeling van het beroep",
        }
    }
}

/// A term: when it started, when it ends, and the action that met it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Termijn {
    pub soort: Termijnsoort,
    pub start: NaiveDate,
    /// The deadline before any extension.
    pub oorspronkelijk: NaiveDate,
    /// The deadline in force (after valid extensions).
    pub deadline: NaiveDate,
    /// Index (into the case's events) of the action that answers the term.
    pub vervuld: Option<usize>,
    /// Date of that action.
    pub vervuld_op: Option<NaiveDate>,
    /// Line of the row that started the term; None for the case's own row.
    pub start_line: Option<u32>,
}

/// Where a term stands at the peildatum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termijnstatus {
    OpTijd,
    TeLaat,
    /// Not met yet, deadline still ahead (or today).
    Open,
    /// Not met, deadline passed.
    Verlopen,
    /// Released by the complaint's withdrawal on or before the deadline.
    Vervallen,
}

impl Termijnstatus {
    pub fn label(self) -> &'static str {
        match self {
            Termijnstatus::OpTijd => "op tijd",
            Termijnstatus::TeLaat => "te laat",
            Termijnstatus::Open => "loopt nog",
            Termijnstatus::Verlopen => "verlopen",
            Termijnstatus::Vervallen => "vervallen door intrekking",
        }
    }
}

impl Termijn {
    fn nieuw(
        soort: Termijnsoort,
        start: NaiveDate,
        deadline: NaiveDate,
        start_line: Option<u32>,
    ) -> Termijn {
        Termijn {
            soort,
            start,
            oorspronkelijk: deadline,
            deadline,
            vervuld: None,
            vervuld_op: None,
            start_line,
        }
    }

    fn vervul(&mut self, index: usize, gebeurtenis: &Gebeurtenis) {
        self.vervuld = Some(index);
        self.vervuld_op = Some(gebeurtenis.datum);
    }

    /// The term's state at `peildatum`, given the date of a withdrawal (ingetrokken).
    pub fn status(&self, peildatum: NaiveDate, ingetrokken: Option<NaiveDate>) -> Termijnstatus {
        // A withdrawal releases every obligation whose deadline had not yet passed.
        if ingetrokken.is_some_and(|w| self.deadline >= w) {
            return Termijnstatus::Vervallen;
        }
        match self.vervuld_op {
            Some(datum) if datum <= self.deadline => Termijnstatus::OpTijd,
            Some(_) => Termijnstatus::TeLaat,
            None if peildatum > self.deadline => Termijnstatus::Verlopen,
            None => Termijnstatus::Open,
        }
    }
}

/// Why an extension does not count (art. 4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verlengingsgebrek {
    /// Announced after the deadline it was meant to extend.
    TeLaat,
    /// No reason given to the complainant.
    ZonderReden,
    /// No new deadline, or one not later than the current deadline.
    ZonderNieuweTermijn,
}

impl Verlengingsgebrek {
    pub fn label(self) -> &'static str {
        match self {
            Verlengingsgebrek::TeLaat => "pas na het verlopen van de termijn gemeld",
            Verlengingsgebrek::ZonderReden => "zonder opgave van reden",
            Verlengingsgebrek::ZonderNieuweTermijn => "zonder nieuwe termijn na de huidige",
        }
    }
}

/// An extension within a cycle, as judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verlenging {
    pub index: usize,
    /// The deadline it meant to extend.
    pub deadline_ervoor: NaiveDate,
    /// The deadline after it (unchanged when it is invalid).
    pub deadline_erna: NaiveDate,
    pub gebreken: Vec<Verlengingsgebrek>,
}

/// One cycle of handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cyclus {
    /// 1-based.
    pub nummer: usize,
    /// Index of the `heropend` event that started it; None for the first cycle.
    pub heropend: Option<usize>,
    /// The events of the cycle (indices into the case's events).
    pub gebeurtenissen: Range<usize>,
    /// The handling term; `vervuld` is the cycle's first uitspraak.
    pub termijn: Termijn,
    pub verlengingen: Vec<Verlenging>,
    /// First afsluiting after the cycle's uitspraak.
    pub afsluiting: Option<usize>,
}

impl Cyclus {
    pub fn uitspraak(&self) -> Option<usize> {
        self.termijn.vervuld
    }
}

/// An appeal (beroep) and what answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beroep {
    pub index: usize,
    /// The latest uitspraak before it.
    pub uitspraak: usize,
    /// The complainant's appeal term after that uitspraak; `vervuld` is the beroep itself.
    pub beroepstermijn: Termijn,
    /// The beroepsuitspraak that answers it: the first after it, before any next beroep.
    pub beroepsuitspraak: Option<usize>,
    /// Only when `beroep_afhandeltermijn_weken` is set.
    pub behandeltermijn: Option<Termijn>,
}

/// The whole course of one case's handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verloop {
    pub ontvangstbevestiging: Termijn,
    pub cycli: Vec<Cyclus>,
    pub beroepen: Vec<Beroep>,
    /// Date of the first `ingetrokken` event.
    pub ingetrokken: Option<NaiveDate>,
}

impl Verloop {
    /// Reads the course off a case's events (already in order, up to the peildatum).
    /// `termen` are those of the version of the regulation in force on the day the case
    /// was received: every cycle, appeal and term of the case runs by them, however late
    /// it starts.
    pub fn van(zaak: &Zaak, termen: &Termen, kalender: &Kalender) -> Verloop {
        let events = &zaak.gebeurtenissen;
        Verloop {
            ontvangstbevestiging: ontvangstbevestiging(zaak, termen, kalender),
            cycli: cycli(zaak, termen, kalender),
            beroepen: beroepen(events, termen, kalender),
            ingetrokken: events
                .iter()
                .find(|g| g.soort == Soort::Ingetrokken)
                .map(|g| g.datum),
        }
    }

    /// Whether an obligation with this deadline was released by a withdrawal.
    pub fn vervallen(&self, deadline: NaiveDate) -> bool {
        self.ingetrokken.is_some_and(|w| deadline >= w)
    }

    /// Whether the complaint was withdrawn on or before `peildatum` (obligations without a
    /// deadline end with it).
    pub fn is_ingetrokken(&self) -> bool {
        self.ingetrokken.is_some()
    }
}

/// Art. 4.2: the acknowledgement term, met by the earliest ontvangstbevestiging or
/// uitspraak (a decision acknowledges receipt too).
fn ontvangstbevestiging(zaak: &Zaak, termen: &Termen, kalender: &Kalender) -> Termijn {
    let deadline = kalender.werkdagen_na(zaak.ontvangen, termen.ontvangstbevestiging_werkdagen);
    let mut termijn = Termijn::nieuw(
        Termijnsoort::Ontvangstbevestiging,
        zaak.ontvangen,
        deadline,
        None,
    );
    if let Some((index, g)) = zaak
        .gebeurtenissen
        .iter()
        .enumerate()
        .find(|(_, g)| matches!(g.soort, Soort::Ontvangstbevestiging | Soort::Uitspraak))
    {
        termijn.vervul(index, g);
    }
    termijn
}

fn cycli(zaak: &Zaak, termen: &Termen, kalender: &Kalender) -> Vec<Cyclus> {
    let events = &zaak.gebeurtenissen;
    let mut begin = 0;
    let mut cycli = Vec::new();
    loop {
        let heropend = cycli.last().map(|_: &Cyclus| begin - 1);
        let eind = events[begin..]
            .iter()
            .position(|g| g.soort == Soort::Heropend)
            .map_or(events.len(), |p| begin + p);
        let (start, start_line) = match heropend {
            Some(i) => (events[i].datum, Some(events[i].line)),
            None => (zaak.ontvangen, None),
        };
        cycli.push(cyclus(
            cycli.len() + 1,
            heropend,
            begin..eind,
            start,
            start_line,
            events,
            termen,
            kalender,
        ));
        if eind == events.len() {
            return cycli;
        }
        begin = eind + 1;
    }
}

#[allow(clippy::too_many_arguments)]
fn cyclus(
    nummer: usize,
    heropend: Option<usize>,
    bereik: Range<usize>,
    start: NaiveDate,
    start_line: Option<u32>,
    events: &[Gebeurtenis],
    termen: &Termen,
    kalender: &Kalender,
) -> Cyclus {
    let deadline = kalender.weken_na(start, termen.afhandeltermijn_weken);
    let mut termijn = Termijn::nieuw(Termijnsoort::Afhandeling, start, deadline, start_line);
    let mut verlengingen = Vec::new();
    let mut afsluiting = None;
    for index in bereik.clone() {
        let g = &events[index];
        match g.soort {
            Soort::Verlenging if termijn.vervuld.is_none() => {
                let verlenging = beoordeel_verlenging(index, g, termijn.deadline);
                termijn.deadline = verlenging.deadline_erna;
                verlengingen.push(verlenging);
            }
            Soort::Uitspraak if termijn.vervuld.is_none() => termijn.vervul(index, g),
            Soort::Afsluiting if termijn.vervuld.is_some() && afsluiting.is_none() => {
                afsluiting = Some(index)
            }
            _ => {}
        }
    }
    Cyclus {
        nummer,
        heropend,
        gebeurtenissen: bereik,
        termijn,
        verlengingen,
        afsluiting,
    }
}

/// Art. 4.3: an extension counts only when it is announced in time, with a reason, and
/// names a new deadline later than the current one.
fn beoordeel_verlenging(index: usize, g: &Gebeurtenis, deadline: NaiveDate) -> Verlenging {
    let mut gebreken = Vec::new();
    if g.datum > deadline {
        gebreken.push(Verlengingsgebrek::TeLaat);
    }
    if g.toelichting.is_none() {
        gebreken.push(Verlengingsgebrek::ZonderReden);
    }
    let nieuw = g.termijn.filter(|t| *t > deadline);
    if nieuw.is_none() {
        gebreken.push(Verlengingsgebrek::ZonderNieuweTermijn);
    }
    let deadline_erna = match nieuw {
        Some(nieuw) if gebreken.is_empty() => nieuw,
        _ => deadline,
    };
    Verlenging {
        index,
        deadline_ervoor: deadline,
        deadline_erna,
        gebreken,
    }
}

fn beroepen(events: &[Gebeurtenis], termen: &Termen, kalender: &Kalender) -> Vec<Beroep> {
    let mut beroepen: Vec<Beroep> = Vec::new();
    let mut laatste_uitspraak = None;
    for (index, g) in events.iter().enumerate() {
        match g.soort {
            Soort::Uitspraak => laatste_uitspraak = Some(index),
            Soort::Beroep => {
                // The loader rejects a beroep without an uitspraak before it.
                let Some(uitspraak) = laatste_uitspraak else {
                    continue;
                };
                let u = &events[uitspraak];
                let mut beroepstermijn = Termijn::nieuw(
                    Termijnsoort::Beroep,
                    u.datum,
                    kalender.weken_na(u.datum, termen.beroepstermijn_weken),
                    Some(u.line),
                );
                beroepstermijn.vervul(index, g);
                let behandeltermijn = termen.beroep_afhandeltermijn_weken.map(|weken| {
                    Termijn::nieuw(
                        Termijnsoort::Beroepsbehandeling,
                        g.datum,
                        kalender.weken_na(g.datum, weken),
                        Some(g.line),
                    )
                });
                beroepen.push(Beroep {
                    index,
                    uitspraak,
                    beroepstermijn,
                    beroepsuitspraak: None,
                    behandeltermijn,
                });
            }
            Soort::Beroepsuitspraak => {
                if let Some(beroep) = beroepen.last_mut().filter(|b| b.beroepsuitspraak.is_none()) {
                    beroep.beroepsuitspraak = Some(index);
                    if let Some(t) = beroep.behandeltermijn.as_mut() {
                        t.vervul(index, g);
                    }
                }
            }
            _ => {}
        }
    }
    beroepen
}
