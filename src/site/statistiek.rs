//! The site's figures, each decided once here and read by every page: the counts of
//! findings, and per period (a quarter, a year, everything) the intake, the share of terms
//! kept, verdicts, measures, recurrence, appeals and the trend charts. Counted from the
//! check's outcome, never re-judged.
//!
//! One pass over the cases counts what happened per month ([`Maandcijfers`]); a period's
//! figures are the sum of its months. So a quarter, its year and "since the first
//! complaint" always agree, and the work grows with the rows and with the months that
//! hold data, never with the span between the first and the last date.
//!
//! How each figure is counted (the pages' "Zo is geteld" says the same in Dutch):
//! - a complaint counts in the month it was received;
//! - a decision, measure or appeal in the month of its date;
//! - a term (acknowledgement, decision) in the month of its deadline, once it was met or
//!   missed (a term still running, or released by a withdrawal, is not counted);
//! - a finding in the month of its date, else of its deadline, else of the case's receipt;
//!   each finding once: accounted for (verantwoord) when a verantwoording covers it,
//!   otherwise under its severity;
//! - a day after the peildatum (a deadline still ahead) counts as the peildatum.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::grafieken::{self, Grafiek, Reeks};
use super::weergave::{datum, zaakpad, Datum};
use crate::bevinding::{Bevinding, Ernst};
use crate::model::{Dienst, Gebeurtenis, Kanaal, Oordeel, Soort, Zaak};
use crate::persoonsgegevens::{
    toon, toon_zonder_naamwoorden, Geheimen, Klagerwaarden, Zin, Zoeknaam, NAAM_VERWIJDERD,
};
use crate::register::Register;
use crate::verloop::{Termijn, Termijnstatus, Verloop};

/// The longest handling time the chart of handling times shows week by week.
const MAX_DOORLOOPWEKEN: usize = 104;

/// The findings of a scope, each counted once: accounted for, or under its severity.
/// Every count of findings on the site is one of these.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Bevindingtelling {
    /// Errors not accounted for.
    pub overtredingen: usize,
    /// Warnings not accounted for.
    pub waarschuwingen: usize,
    /// Infos not accounted for.
    pub info: usize,
    /// Findings of any severity that a verantwoording accounts for.
    pub verantwoord: usize,
}

impl Bevindingtelling {
    pub fn tel(&mut self, b: &Bevinding) {
        match (b.is_geaccepteerd(), b.ernst) {
            (true, _) => self.verantwoord += 1,
            (false, Ernst::Error) => self.overtredingen += 1,
            (false, Ernst::Warning) => self.waarschuwingen += 1,
            (false, Ernst::Info) => self.info += 1,
        }
    }

    pub fn van<'b>(bevindingen: impl IntoIterator<Item = &'b Bevinding>) -> Bevindingtelling {
        let mut t = Bevindingtelling::default();
        for b in bevindingen {
            t.tel(b);
        }
        t
    }

    pub fn totaal(&self) -> usize {
        self.overtredingen + self.waarschuwingen + self.info + self.verantwoord
    }

    fn plus(&mut self, ander: &Bevindingtelling) {
        self.overtredingen += ander.overtredingen;
        self.waarschuwingen += ander.waarschuwingen;
        self.info += ander.info;
        self.verantwoord += ander.verantwoord;
    }
}

/// The kind of label a finding gets in lists: its severity, or "verantwoord".
pub fn telsoort(b: &Bevinding) -> &'static str {
    if b.is_geaccepteerd() {
        "verantwoord"
    } else {
        b.ernst.naam()
    }
}

/// The day a finding counts on in a period: its date, else its deadline, else the case's
/// receipt; never after the peildatum.
pub fn telt_op(b: &Bevinding, zaak: Option<&Zaak>, peildatum: NaiveDate) -> NaiveDate {
    b.datum
        .or(b.deadline)
        .or(zaak.map(|z| z.ontvangen))
        .unwrap_or(peildatum)
        .min(peildatum)
}

/// A stretch of days, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Periode {
    /// `2025`, `2025-K2`: also the page's file name.
    pub sleutel: String,
    pub titel: String,
    /// A short name for column headings: `2025`, `K2 2025`.
    pub kort: String,
    #[serde(skip)]
    pub van: NaiveDate,
    #[serde(skip)]
    pub tot: NaiveDate,
    pub is_jaar: bool,
}

impl Periode {
    pub fn jaar(jaar: i32) -> Option<Periode> {
        Some(Periode {
            sleutel: format!("{jaar}"),
            titel: format!("Jaar {jaar}"),
            kort: format!("{jaar}"),
            van: NaiveDate::from_ymd_opt(jaar, 1, 1)?,
            tot: NaiveDate::from_ymd_opt(jaar, 12, 31)?,
            is_jaar: true,
        })
    }

    pub fn kwartaal(jaar: i32, k: u32) -> Option<Periode> {
        let van = NaiveDate::from_ymd_opt(jaar, 3 * k.checked_sub(1)? + 1, 1)?;
        let tot = van.checked_add_months(Months::new(3))?.pred_opt()?;
        Some(Periode {
            sleutel: format!("{jaar}-K{k}"),
            titel: format!("{k}e kwartaal {jaar}"),
            kort: format!("K{k} {jaar}"),
            van,
            tot,
            is_jaar: false,
        })
    }

    /// The year and the quarter of `dag`.
    pub fn van_dag(dag: NaiveDate) -> Option<(Periode, Periode)> {
        Some((
            Periode::jaar(dag.year())?,
            Periode::kwartaal(dag.year(), kwartaal_van(dag))?,
        ))
    }

    /// Everything from `van` to the peildatum.
    pub fn alles(van: NaiveDate, peildatum: NaiveDate) -> Periode {
        Periode {
            sleutel: "alles".to_string(),
            titel: "Sinds de eerste klacht".to_string(),
            kort: "totaal".to_string(),
            van: van.min(peildatum),
            tot: peildatum,
            is_jaar: false,
        }
    }

    /// The quarter or year before this one.
    pub fn vorige(&self) -> Option<Periode> {
        let dag = self.van.pred_opt()?;
        if self.is_jaar {
            Periode::jaar(dag.year())
        } else {
            Periode::van_dag(dag).map(|(_, k)| k)
        }
    }

    /// The same quarter a year before; for a year, None (its previous period is that).
    pub fn jaar_eerder(&self) -> Option<Periode> {
        if self.is_jaar {
            return None;
        }
        Periode::kwartaal(self.van.year() - 1, kwartaal_van(self.van))
    }

    /// The days whose open cases the period's figures and charts show: the end of each of
    /// its months and its own end, none after the peildatum.
    pub fn einden(&self, peildatum: NaiveDate) -> Vec<NaiveDate> {
        self.maanden(peildatum)
            .into_iter()
            .filter_map(maandeinde)
            .chain([self.tot])
            .map(|d| d.min(peildatum))
            .collect()
    }

    pub fn bevat(&self, dag: NaiveDate) -> bool {
        self.van <= dag && dag <= self.tot
    }

    /// The months of the period up to `peildatum`.
    fn maanden(&self, peildatum: NaiveDate) -> Vec<Maand> {
        let (eerste, laatste) = (maand(self.van), maand(self.tot.min(peildatum)));
        let mut uit = Vec::new();
        let mut m = eerste;
        while m <= laatste && uit.len() < 1200 {
            uit.push(m);
            m = volgende_maand(m);
        }
        uit
    }
}

fn kwartaal_van(dag: NaiveDate) -> u32 {
    dag.month0() / 3 + 1
}

/// A month: (year, month 1 to 12).
type Maand = (i32, u32);

fn maand(dag: NaiveDate) -> Maand {
    (dag.year(), dag.month())
}

fn volgende_maand((jaar, m): Maand) -> Maand {
    if m == 12 {
        (jaar + 1, 1)
    } else {
        (jaar, m + 1)
    }
}

/// The last day of a month.
fn maandeinde((jaar, m): Maand) -> Option<NaiveDate> {
    let (j, v) = volgende_maand((jaar, m));
    NaiveDate::from_ymd_opt(j, v, 1)?.pred_opt()
}

const MAANDNAMEN: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

fn maandlabel((jaar, m): Maand) -> String {
    format!("{} {jaar}", MAANDNAMEN[(m as usize + 11) % 12])
}

/// One case with what the figures and pages need.
pub struct Zaakgegevens<'a> {
    pub zaak: &'a Zaak,
    pub verloop: Option<&'a Verloop>,
    pub bevindingen: &'a [Bevinding],
    /// The complainant's own name and contact, which no text of the case shows.
    geheimen: Geheimen,
    /// What the site hides of the values cases share.
    gedeeld: &'a Gedeeld,
    categorie: Option<Cow<'a, str>>,
    beklaagde: Option<Cow<'a, str>>,
    behandelaar: Cow<'a, str>,
    omschrijving: Option<Cow<'a, str>>,
}

/// The values that cases share and the site shows beside other cases' (in lists, filters,
/// charts, the public report) that name a complainant of any case, now or in an earlier
/// version: a category that holds a complainant's name or contact or a word of a name
/// ("klacht Jansen"), and a handler or person complained about called as a complainant
/// is, whole (a colleague may share a surname). Each is shown as "[naam verwijderd]"
/// wherever it appears; redacting it per case would leave it in the other cases.
#[derive(Default)]
pub struct Gedeeld {
    /// The categories of the cases that name a complainant, looked up once each.
    categorieen: BTreeSet<String>,
    medewerkers: BTreeSet<String>,
    /// Every complainant's names and contacts: for a category no case holds any more,
    /// quoted by a case's history.
    klagers: Klagerwaarden,
}

impl Gedeeld {
    /// Whether category `categorie` names a complainant of any case.
    fn noemt_klager(&self, categorie: &str) -> bool {
        self.klagers.houdt(&Zoeknaam::new(categorie))
    }

    pub fn van(register: &Register) -> Gedeeld {
        let mut klagers = Klagerwaarden::default();
        for zaak in &register.zaken {
            klagers.voeg_klager_toe(zaak.klager.as_deref(), zaak.contact.as_deref());
        }
        for geheimen in register.andere_geheimen.values() {
            geheimen.voeg_toe_aan(&mut klagers);
        }
        let categorieen: BTreeSet<&str> = register
            .zaken
            .iter()
            .filter_map(|z| z.categorie.as_deref())
            .collect();
        let medewerkers: BTreeSet<&str> = register
            .zaken
            .iter()
            .flat_map(|z| [Some(&*z.behandelaar), z.beklaagde.as_deref()])
            .flatten()
            .collect();
        let mut gedeeld = Gedeeld {
            klagers,
            ..Gedeeld::default()
        };
        gedeeld.categorieen = categorieen
            .into_iter()
            .filter(|c| gedeeld.noemt_klager(c))
            .map(str::to_string)
            .collect();
        gedeeld.medewerkers = medewerkers
            .into_iter()
            .filter(|m| gedeeld.klagers.is_een_waarde(&Zoeknaam::new(m)))
            .map(str::to_string)
            .collect();
        gedeeld
    }
}

/// Every name and free text the site reads of a case goes through these: as
/// `persoonsgegevens::toon` shows it, with the case's own name and contact redacted. The
/// complainant's name and contact themselves have no accessor.
impl<'a> Zaakgegevens<'a> {
    /// The case `zaak`, whose texts must not show `geheimen` (`Register::geheimen`) nor
    /// the shared values `gedeeld` hides.
    pub fn new(
        zaak: &'a Zaak,
        verloop: Option<&'a Verloop>,
        bevindingen: &'a [Bevinding],
        geheimen: Geheimen,
        gedeeld: &'a Gedeeld,
    ) -> Zaakgegevens<'a> {
        let getoond = |waarde: &'a str, verborgen: &BTreeSet<String>| {
            if verborgen.contains(waarde) {
                Cow::Borrowed(NAAM_VERWIJDERD)
            } else {
                toon_zonder_naamwoorden(waarde, &geheimen)
            }
        };
        Zaakgegevens {
            categorie: zaak
                .categorie
                .as_deref()
                .map(|t| getoond(t, &gedeeld.categorieen)),
            beklaagde: zaak
                .beklaagde
                .as_deref()
                .map(|t| getoond(t, &gedeeld.medewerkers)),
            behandelaar: getoond(&zaak.behandelaar, &gedeeld.medewerkers),
            omschrijving: zaak.omschrijving.as_deref().map(|t| toon(t, &geheimen)),
            geheimen,
            gedeeld,
            zaak,
            verloop,
            bevindingen,
        }
    }

    pub fn categorie(&self) -> Option<&str> {
        self.categorie.as_deref()
    }

    pub fn beklaagde(&self) -> Option<&str> {
        self.beklaagde.as_deref()
    }

    pub fn behandelaar(&self) -> &str {
        &self.behandelaar
    }

    pub fn omschrijving(&self) -> Option<&str> {
        self.omschrijving.as_deref()
    }

    /// Who took a step: a member of staff, shown as [`Zaakgegevens::toon_zonder_naamwoorden`]; for an
    /// appeal or a withdrawal, the complainant's side, whose name is hidden word by word
    /// as in every free text ("Mevrouw Jansen" for Karin Jansen).
    pub fn door<'g>(&self, g: &'g Gebeurtenis) -> Option<Cow<'g, str>> {
        let door = g.door.as_deref()?;
        Some(if g.soort.door_de_klager() {
            self.toon(door)
        } else {
            self.toon_zonder_naamwoorden(door)
        })
    }

    pub fn toelichting<'g>(&self, g: &'g Gebeurtenis) -> Option<Cow<'g, str>> {
        g.toelichting.as_deref().map(|t| self.toon(t))
    }

    /// Any other free text of the case, as shown.
    pub fn toon<'t>(&self, tekst: &'t str) -> Cow<'t, str> {
        toon(tekst, &self.geheimen)
    }

    /// The name of a member of staff (who took a step, who made a commit), as shown: a
    /// surname shared with the complainant stays; the complainant's whole name and contact
    /// do not. (A change in the case's history is shown by [`Zaakgegevens::wijziging`].)
    pub fn toon_zonder_naamwoorden<'t>(&self, tekst: &'t str) -> Cow<'t, str> {
        toon_zonder_naamwoorden(tekst, &self.geheimen)
    }

    /// The case's own name and contact, to redact its case file with.
    pub fn geheimen(&self) -> &Geheimen {
        &self.geheimen
    }

    /// A change in the case's history, as shown: the values it quotes without the case's
    /// names, and a category the site hides everywhere hidden there too.
    pub fn wijziging(&self, omschrijving: &Zin) -> String {
        omschrijving.toon_zonder(&self.geheimen, |categorie| {
            self.gedeeld.noemt_klager(categorie)
        })
    }
}

/// A share of terms met on time.
#[derive(Debug, Clone, Serialize)]
pub struct Aandeel {
    pub op_tijd: usize,
    pub totaal: usize,
    pub procent: String,
}

pub fn procent(deel: usize, totaal: usize) -> String {
    if totaal == 0 {
        "–".to_string()
    } else {
        format!(
            "{}%",
            grafieken::getal((deel as f64 * 1000.0 / totaal as f64).round() / 10.0)
        )
    }
}

/// Terms met on time (first) out of those met or missed (second).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Teller(pub usize, pub usize);

impl Teller {
    fn tel(&mut self, status: Termijnstatus) {
        match status {
            Termijnstatus::OpTijd => *self = Teller(self.0 + 1, self.1 + 1),
            Termijnstatus::TeLaat | Termijnstatus::Verlopen => self.1 += 1,
            Termijnstatus::Open | Termijnstatus::Vervallen => {}
        }
    }

    fn plus(&mut self, ander: Teller) {
        *self = Teller(self.0 + ander.0, self.1 + ander.1);
    }

    pub fn aandeel(self) -> Aandeel {
        Aandeel {
            op_tijd: self.0,
            totaal: self.1,
            procent: procent(self.0, self.1),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Telling {
    pub naam: String,
    pub aantal: usize,
}

/// A link to a case page.
#[derive(Debug, Clone, Serialize)]
pub struct Verwijzing {
    pub zaak: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MaatregelWeergave {
    pub zaak: String,
    pub href: String,
    pub datum: Datum,
    pub categorie: String,
    pub dienst: &'static str,
    pub toelichting: String,
    /// Later complaints in the same category and service: did it recur? The first few.
    pub herhaald_in: Vec<Verwijzing>,
    /// How many later complaints there were besides those listed.
    pub herhaald_meer: usize,
}

/// An appeal as the period report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct BeroepWeergave {
    pub zaak: String,
    pub href: String,
    pub ingesteld: Datum,
    pub uitspraak: Option<Datum>,
    pub oordeel: Option<&'static str>,
    pub door: String,
    /// Whether the organisation's own term for appeals was kept, where it set one.
    pub termijn: Option<&'static str>,
}

/// A report stays readable: at most this many measures, findings and appeals listed, this
/// many recurrences each. The case pages and the violations page have them all.
pub const MAX_LIJST: usize = 500;
const MAX_HERHAALD: usize = 5;

/// The verdicts as the figures name them; a decision without one is "zonder oordeel".
pub const OORDELEN: [&str; 4] = ["gegrond", "deels-gegrond", "ongegrond", "zonder oordeel"];

fn oordeelplek(oordeel: Option<Oordeel>) -> usize {
    match oordeel {
        Some(Oordeel::Gegrond) => 0,
        Some(Oordeel::DeelsGegrond) => 1,
        Some(Oordeel::Ongegrond) => 2,
        None => 3,
    }
}

/// Where a complaint received in a period stands at the peildatum, for the public
/// report: its latest verdict, or why it has none.
pub const EINDOORDELEN: [&str; 6] = [
    "gegrond",
    "deels gegrond",
    "ongegrond",
    "uitspraak zonder oordeel",
    "nog geen uitspraak",
    "ingetrokken",
];

/// What the complaints received in a month came to, by the peildatum: the public
/// report's figures, and the intake of the internal ones.
#[derive(Debug, Clone, Default)]
pub struct Cohort {
    pub ontvangen: usize,
    pub binnen_reglement: usize,
    pub per_dienst: [usize; 4],
    pub per_kanaal: [usize; 5],
    /// By category; "(geen)" when the register gives none.
    pub categorieen: BTreeMap<String, usize>,
    pub beklaagden: BTreeMap<String, usize>,
    pub eindoordeel: [usize; 6],
    /// The acknowledgement and decision terms of these complaints.
    pub ontvangstbevestiging: Teller,
    pub afhandeling: Teller,
    /// Days from receipt to the first decision, of those decided.
    pub doorlooptijden: Vec<u32>,
    /// Complaints whose latest verdict is (partly) justified, and of those with a measure.
    pub gegrond: usize,
    pub met_maatregel: usize,
    /// Complaints appealed, and the latest appeal decision of each.
    pub met_beroep: usize,
    pub beroepsoordeel: [usize; 4],
}

impl Cohort {
    fn plus(&mut self, ander: &Cohort) {
        self.ontvangen += ander.ontvangen;
        self.binnen_reglement += ander.binnen_reglement;
        optellen(&mut self.per_dienst, &ander.per_dienst);
        optellen(&mut self.per_kanaal, &ander.per_kanaal);
        samenvoegen(&mut self.categorieen, &ander.categorieen);
        samenvoegen(&mut self.beklaagden, &ander.beklaagden);
        optellen(&mut self.eindoordeel, &ander.eindoordeel);
        self.ontvangstbevestiging.plus(ander.ontvangstbevestiging);
        self.afhandeling.plus(ander.afhandeling);
        self.doorlooptijden.extend(&ander.doorlooptijden);
        self.gegrond += ander.gegrond;
        self.met_maatregel += ander.met_maatregel;
        self.met_beroep += ander.met_beroep;
        optellen(&mut self.beroepsoordeel, &ander.beroepsoordeel);
    }

    fn tel(&mut self, z: &Zaakgegevens<'_>, peildatum: NaiveDate) {
        let zaak = z.zaak;
        self.ontvangen += 1;
        self.binnen_reglement += usize::from(z.verloop.is_some());
        self.per_dienst[dienstplek(zaak.dienst)] += 1;
        self.per_kanaal[kanaalplek(zaak.kanaal)] += 1;
        *self
            .categorieen
            .entry(z.categorie().unwrap_or("(geen)").to_string())
            .or_default() += 1;
        if let Some(b) = z.beklaagde() {
            *self.beklaagden.entry(b.to_string()).or_default() += 1;
        }
        let laatste = |soort: Soort| zaak.gebeurtenissen.iter().rfind(|g| g.soort == soort);
        let ingetrokken = zaak
            .gebeurtenissen
            .iter()
            .any(|g| g.soort == Soort::Ingetrokken);
        let uitspraak = laatste(Soort::Uitspraak);
        self.eindoordeel[match (uitspraak, ingetrokken) {
            (Some(g), _) => oordeelplek(g.oordeel),
            (None, true) => 5,
            (None, false) => 4,
        }] += 1;
        if uitspraak
            .and_then(|g| g.oordeel)
            .is_some_and(Oordeel::vraagt_maatregel)
        {
            self.gegrond += 1;
            self.met_maatregel += usize::from(laatste(Soort::Maatregel).is_some());
        }
        if let Some(eerste) = zaak
            .gebeurtenissen
            .iter()
            .find(|g| g.soort == Soort::Uitspraak)
        {
            let dagen = (eerste.datum - zaak.ontvangen).num_days().max(0);
            self.doorlooptijden
                .push(u32::try_from(dagen).unwrap_or(u32::MAX));
        }
        if laatste(Soort::Beroep).is_some() {
            self.met_beroep += 1;
            if let Some(g) = laatste(Soort::Beroepsuitspraak) {
                self.beroepsoordeel[oordeelplek(g.oordeel)] += 1;
            }
        }
        if let Some(v) = z.verloop {
            self.ontvangstbevestiging
                .tel(v.ontvangstbevestiging.status(peildatum, v.ingetrokken));
            for c in &v.cycli {
                self.afhandeling
                    .tel(c.termijn.status(peildatum, v.ingetrokken));
            }
        }
    }
}

fn optellen<const N: usize>(doel: &mut [usize; N], bron: &[usize; N]) {
    for (d, b) in doel.iter_mut().zip(bron) {
        *d += b;
    }
}

fn samenvoegen(doel: &mut BTreeMap<String, usize>, bron: &BTreeMap<String, usize>) {
    for (naam, n) in bron {
        *doel.entry(naam.clone()).or_default() += n;
    }
}

pub fn dienstplek(dienst: Dienst) -> usize {
    Dienst::ALLE.iter().position(|d| *d == dienst).unwrap_or(0)
}

fn kanaalplek(kanaal: Kanaal) -> usize {
    Kanaal::ALLE.iter().position(|k| *k == kanaal).unwrap_or(0)
}

/// A finding or an event: (case, its place among the case's findings or events).
type Zaakplek = (usize, usize);

/// What happened in one month.
#[derive(Debug, Clone, Default)]
pub struct Maandcijfers {
    /// The complaints received in the month.
    pub cohort: Cohort,
    pub uitspraken: usize,
    pub oordelen: [usize; 4],
    pub beroepen: Vec<Zaakplek>,
    pub beroepsoordelen: [usize; 4],
    pub maatregelen: Vec<Zaakplek>,
    /// Terms whose deadline fell in the month.
    pub ontvangstbevestiging: Teller,
    pub afhandeling: Teller,
    pub bevindingen: Bevindingtelling,
    pub bevinding_plekken: Vec<Zaakplek>,
}

impl Maandcijfers {
    fn plus(&mut self, ander: &Maandcijfers) {
        self.cohort.plus(&ander.cohort);
        self.uitspraken += ander.uitspraken;
        optellen(&mut self.oordelen, &ander.oordelen);
        self.beroepen.extend(&ander.beroepen);
        optellen(&mut self.beroepsoordelen, &ander.beroepsoordelen);
        self.maatregelen.extend(&ander.maatregelen);
        self.ontvangstbevestiging.plus(ander.ontvangstbevestiging);
        self.afhandeling.plus(ander.afhandeling);
        self.bevindingen.plus(&ander.bevindingen);
        self.bevinding_plekken.extend(&ander.bevinding_plekken);
    }
}

/// Complaints count as alike when they share service and category.
type Soortgelijk<'a> = (Dienst, &'a str);

/// The figures of a register at its peildatum, month by month.
pub struct Statistiek<'a> {
    zaken: &'a [Zaakgegevens<'a>],
    /// The findings about the register as a whole (on no case); in [`Zaakplek`]s of findings
    /// they are case number `zaken.len()`.
    over_register: &'a [Bevinding],
    peildatum: NaiveDate,
    /// The handling term in weeks, for the handling-time chart.
    termijn_weken: u32,
    maanden: BTreeMap<Maand, Maandcijfers>,
    /// Per service and category, the receipt dates and case numbers, in order: did a
    /// complaint recur after a measure?
    soortgelijk: BTreeMap<Soortgelijk<'a>, Vec<(NaiveDate, &'a str)>>,
    /// The cases open at the end of each day asked for, by day.
    open: BTreeMap<NaiveDate, usize>,
}

impl<'a> Statistiek<'a> {
    /// Counts every case once, and every finding about the register as a whole.
    /// `termijn_weken` is the regulation's (longest) handling term.
    pub fn nieuw(
        zaken: &'a [Zaakgegevens<'a>],
        over_register: &'a [Bevinding],
        peildatum: NaiveDate,
        termijn_weken: u32,
    ) -> Statistiek<'a> {
        let mut maanden: BTreeMap<Maand, Maandcijfers> = BTreeMap::new();
        let mut soortgelijk: BTreeMap<Soortgelijk<'a>, Vec<(NaiveDate, &'a str)>> = BTreeMap::new();
        fn bij(
            maanden: &mut BTreeMap<Maand, Maandcijfers>,
            dag: NaiveDate,
            peildatum: NaiveDate,
        ) -> &mut Maandcijfers {
            maanden.entry(maand(dag.min(peildatum))).or_default()
        }
        for (i, z) in zaken.iter().enumerate() {
            let zaak = z.zaak;
            bij(&mut maanden, zaak.ontvangen, peildatum)
                .cohort
                .tel(z, peildatum);
            if let Some(categorie) = z.categorie() {
                soortgelijk
                    .entry((zaak.dienst, categorie))
                    .or_default()
                    .push((zaak.ontvangen, &zaak.id));
            }
            for (e, g) in zaak.gebeurtenissen.iter().enumerate() {
                match g.soort {
                    Soort::Uitspraak => {
                        let m = bij(&mut maanden, g.datum, peildatum);
                        m.uitspraken += 1;
                        m.oordelen[oordeelplek(g.oordeel)] += 1;
                    }
                    Soort::Beroep => bij(&mut maanden, g.datum, peildatum).beroepen.push((i, e)),
                    Soort::Beroepsuitspraak => {
                        bij(&mut maanden, g.datum, peildatum).beroepsoordelen
                            [oordeelplek(g.oordeel)] += 1
                    }
                    Soort::Maatregel => bij(&mut maanden, g.datum, peildatum)
                        .maatregelen
                        .push((i, e)),
                    _ => {}
                }
            }
            if let Some(v) = z.verloop {
                let status = |t: &Termijn| t.status(peildatum, v.ingetrokken);
                let t = &v.ontvangstbevestiging;
                bij(&mut maanden, t.deadline, peildatum)
                    .ontvangstbevestiging
                    .tel(status(t));
                for c in &v.cycli {
                    bij(&mut maanden, c.termijn.deadline, peildatum)
                        .afhandeling
                        .tel(status(&c.termijn));
                }
            }
            for (k, b) in z.bevindingen.iter().enumerate() {
                let m = bij(&mut maanden, telt_op(b, Some(zaak), peildatum), peildatum);
                m.bevindingen.tel(b);
                m.bevinding_plekken.push((i, k));
            }
        }
        for (k, b) in over_register.iter().enumerate() {
            let m = bij(&mut maanden, telt_op(b, None, peildatum), peildatum);
            m.bevindingen.tel(b);
            m.bevinding_plekken.push((zaken.len(), k));
        }
        for lijst in soortgelijk.values_mut() {
            lijst.sort();
        }
        Statistiek {
            zaken,
            over_register,
            peildatum,
            termijn_weken,
            maanden,
            soortgelijk,
            open: BTreeMap::new(),
        }
    }

    pub fn peildatum(&self) -> NaiveDate {
        self.peildatum
    }

    /// The finding at `plek` (a case, its place among the case's findings), and its case:
    /// none for a finding about the register as a whole.
    pub fn bevinding(&self, (i, k): Zaakplek) -> (&'a Bevinding, Option<&'a Zaak>) {
        match self.zaken.get(i) {
            Some(z) => (&z.bevindingen[k], Some(z.zaak)),
            None => (&self.over_register[k], None),
        }
    }

    /// The first day of the first month with data.
    pub fn eerste_dag(&self) -> NaiveDate {
        self.maanden
            .keys()
            .next()
            .and_then(|&(j, m)| NaiveDate::from_ymd_opt(j, m, 1))
            .unwrap_or(self.peildatum)
    }

    /// The years and quarters that hold data, and the peildatum's own, in time order: a
    /// year before its quarters.
    pub fn perioden(&self) -> Vec<Periode> {
        let mut sleutels: Vec<(i32, u32)> = self
            .maanden
            .keys()
            .flat_map(|&(j, m)| [(j, 0), (j, (m - 1) / 3 + 1)])
            .chain([
                (self.peildatum.year(), 0),
                (self.peildatum.year(), kwartaal_van(self.peildatum)),
            ])
            .collect();
        sleutels.sort_unstable();
        sleutels.dedup();
        sleutels
            .into_iter()
            .filter_map(|(j, k)| {
                if k == 0 {
                    Periode::jaar(j)
                } else {
                    Periode::kwartaal(j, k)
                }
            })
            .collect()
    }

    /// Counts the cases open at the end of each of `dagen`, in one pass over the cases:
    /// each case adds one to the days between its opening and its closing.
    pub fn tel_open(&mut self, dagen: impl IntoIterator<Item = NaiveDate>) {
        let mut dagen: Vec<NaiveDate> = dagen.into_iter().map(|d| d.min(self.peildatum)).collect();
        dagen.sort_unstable();
        dagen.dedup();
        let mut verschil = vec![0i64; dagen.len() + 1];
        for z in self.zaken {
            for (van, tot) in open_stukken(z.zaak) {
                let begin = dagen.partition_point(|d| *d < van);
                let eind = tot.map_or(dagen.len(), |t| dagen.partition_point(|d| *d < t));
                if begin < eind {
                    verschil[begin] += 1;
                    verschil[eind] -= 1;
                }
            }
        }
        let mut lopend = 0i64;
        for (dag, v) in dagen.into_iter().zip(verschil) {
            lopend += v;
            self.open.insert(dag, lopend.max(0) as usize);
        }
    }

    /// The cases open at the end of `dag` (at most the peildatum).
    fn open_op(&self, dag: NaiveDate) -> usize {
        let dag = dag.min(self.peildatum);
        match self.open.get(&dag) {
            Some(n) => *n,
            // Not asked for beforehand: counted now.
            None => self
                .zaken
                .iter()
                .filter(|z| {
                    open_stukken(z.zaak)
                        .iter()
                        .any(|(van, tot)| *van <= dag && tot.is_none_or(|t| dag < t))
                })
                .count(),
        }
    }

    /// The months of `periode` added up.
    pub fn som(&self, periode: &Periode) -> Maandcijfers {
        let mut som = Maandcijfers::default();
        for (_, m) in self.maanden.range(maand(periode.van)..=maand(periode.tot)) {
            som.plus(m);
        }
        som
    }

    /// Every month added up: the whole register, whatever the dates.
    pub fn alles(&self) -> Maandcijfers {
        let mut som = Maandcijfers::default();
        for m in self.maanden.values() {
            som.plus(m);
        }
        som
    }

    /// The figures of `periode`, with its charts when `met_grafieken`.
    pub fn cijfers(&self, periode: &Periode, met_grafieken: bool) -> Cijfers {
        let som = if periode.sleutel == "alles" {
            self.alles()
        } else {
            self.som(periode)
        };
        let grafieken = if met_grafieken {
            self.trendgrafieken(periode)
        } else {
            Vec::new()
        };
        self.cijfers_van(periode, som, grafieken)
    }

    fn cijfers_van(
        &self,
        periode: &Periode,
        mut som: Maandcijfers,
        grafieken: Vec<Grafiek>,
    ) -> Cijfers {
        let einde = periode.tot.min(self.peildatum);
        let c = &som.cohort;
        let per_dienst: BTreeMap<String, usize> = Dienst::ALLE
            .iter()
            .zip(c.per_dienst)
            .map(|(d, n)| (d.naam().to_string(), n))
            .collect();
        let oordelen = |lijst: &[usize; 4]| -> BTreeMap<String, usize> {
            OORDELEN
                .iter()
                .zip(lijst)
                .map(|(o, n)| (o.to_string(), *n))
                .collect()
        };
        som.maatregelen.sort_by_key(|&(i, e)| {
            let z = self.zaken[i].zaak;
            (z.gebeurtenissen[e].datum, &z.id)
        });
        let maatregelen = som
            .maatregelen
            .iter()
            .take(MAX_LIJST)
            .map(|&(i, e)| self.maatregel(i, e, einde))
            .collect();
        som.beroepen.sort_by_key(|&(i, e)| {
            let z = self.zaken[i].zaak;
            (z.gebeurtenissen[e].datum, &z.id)
        });
        let beroeplijst = som
            .beroepen
            .iter()
            .take(MAX_LIJST)
            .map(|&(i, e)| self.beroep(i, e))
            .collect();
        som.bevinding_plekken.sort_by_key(|&plek| {
            let (b, zaak) = self.bevinding(plek);
            (
                telt_op(b, zaak, self.peildatum),
                zaak.map(|z| &*z.id),
                plek.1,
            )
        });
        Cijfers {
            periode: periode.clone(),
            ontvangen: c.ontvangen,
            binnen_reglement: c.binnen_reglement,
            per_dienst: tellingen(per_dienst, 1),
            uitspraken: som.uitspraken,
            open_aan_eind: self.open_op(einde),
            ontvangstbevestiging: som.ontvangstbevestiging.aandeel(),
            afhandeling: som.afhandeling.aandeel(),
            oordelen: tellingen(oordelen(&som.oordelen), 1),
            maatregelen,
            maatregelen_totaal: som.maatregelen.len(),
            herhaling_categorie: tellingen(c.categorieen.clone(), 2),
            herhaling_beklaagde: tellingen(c.beklaagden.clone(), 2),
            beroepen: som.beroepen.len(),
            beroepsuitspraken: tellingen(oordelen(&som.beroepsoordelen), 1),
            beroeplijst,
            bevindingen: som.bevindingen,
            bevinding_plekken: som.bevinding_plekken,
            grafieken,
        }
    }

    fn maatregel(&self, i: usize, e: usize, einde: NaiveDate) -> MaatregelWeergave {
        let z = &self.zaken[i];
        let g = &z.zaak.gebeurtenissen[e];
        let later: &[(NaiveDate, &str)] = match z
            .categorie()
            .and_then(|c| self.soortgelijk.get(&(z.zaak.dienst, c)))
        {
            Some(lijst) => {
                let begin = lijst.partition_point(|(d, _)| *d <= g.datum);
                let eind = lijst.partition_point(|(d, _)| *d <= einde).max(begin);
                &lijst[begin..eind]
            }
            None => &[],
        };
        MaatregelWeergave {
            zaak: z.zaak.id.to_string(),
            href: format!("../{}", zaakpad(&z.zaak.id)),
            datum: datum(g.datum),
            categorie: z.categorie().unwrap_or("").to_string(),
            dienst: z.zaak.dienst.naam(),
            toelichting: z.toelichting(g).unwrap_or_default().into_owned(),
            herhaald_in: later
                .iter()
                .take(MAX_HERHAALD)
                .map(|(_, id)| Verwijzing {
                    zaak: id.to_string(),
                    href: format!("../{}", zaakpad(id)),
                })
                .collect(),
            herhaald_meer: later.len().saturating_sub(MAX_HERHAALD),
        }
    }

    fn beroep(&self, i: usize, e: usize) -> BeroepWeergave {
        let z = &self.zaken[i];
        let events = &z.zaak.gebeurtenissen;
        // The decision on this appeal: the first one after it, before any next appeal.
        let uitspraak = events[e + 1..]
            .iter()
            .take_while(|g| g.soort != Soort::Beroep)
            .find(|g| g.soort == Soort::Beroepsuitspraak);
        let termijn = z
            .verloop
            .and_then(|v| {
                v.beroepen
                    .iter()
                    .find(|b| b.index == e)
                    .and_then(|b| b.behandeltermijn.as_ref())
                    .map(|t| t.status(self.peildatum, v.ingetrokken))
            })
            .map(Termijnstatus::label);
        BeroepWeergave {
            zaak: z.zaak.id.to_string(),
            href: format!("../{}", zaakpad(&z.zaak.id)),
            ingesteld: datum(events[e].datum),
            uitspraak: uitspraak.map(|g| datum(g.datum)),
            oordeel: uitspraak.map(|g| OORDELEN[oordeelplek(g.oordeel)]),
            door: uitspraak
                .and_then(|g| z.door(g))
                .unwrap_or_default()
                .into_owned(),
            termijn,
        }
    }

    /// The six trend charts over the months of `periode` up to the peildatum (verdicts by
    /// quarter).
    pub fn trendgrafieken(&self, periode: &Periode) -> Vec<Grafiek> {
        let id = &periode.sleutel;
        let maanden = periode.maanden(self.peildatum);
        let labels: Vec<String> = maanden.iter().map(|&m| maandlabel(m)).collect();
        let leeg = Maandcijfers::default();
        let per_maand: Vec<&Maandcijfers> = maanden
            .iter()
            .map(|m| self.maanden.get(m).unwrap_or(&leeg))
            .collect();
        let som = self.som(periode);

        let instroom: Vec<Reeks> = Dienst::ALLE
            .iter()
            .enumerate()
            .map(|(d, dienst)| Reeks {
                naam: dienst.naam().to_string(),
                waarden: per_maand
                    .iter()
                    .map(|m| m.cohort.per_dienst[d] as f64)
                    .collect(),
            })
            .filter(|r| r.waarden.iter().any(|w| *w > 0.0))
            .collect();
        let percentage = |teller: fn(&Maandcijfers) -> Teller| -> Vec<f64> {
            per_maand
                .iter()
                .map(|m| {
                    let Teller(goed, totaal) = teller(m);
                    if totaal == 0 {
                        f64::NAN
                    } else {
                        goed as f64 * 100.0 / totaal as f64
                    }
                })
                .collect()
        };
        // Handling time in whole weeks, up to twice the term (at least 8, at most 104
        // weeks: a term `reglement.toml` sets to a thousand years would draw a bar per
        // week on every page); the rest in one last bar.
        let termijn = self.termijn_weken.max(1) as usize;
        let vakken = (2 * termijn).clamp(8, MAX_DOORLOOPWEKEN);
        let mut doorlooptijd = vec![0f64; vakken + 1];
        for dagen in &som.cohort.doorlooptijden {
            doorlooptijd[(*dagen as usize / 7).min(vakken)] += 1.0;
        }
        let weeklabels: Vec<String> = (0..=vakken)
            .map(|w| {
                if w == vakken {
                    format!("{w}+")
                } else {
                    format!("{w}–{}", w + 1)
                }
            })
            .collect();
        let open: Vec<f64> = maanden
            .iter()
            .map(|&m| {
                maandeinde(m)
                    .map(|einde| self.open_op(einde) as f64)
                    .unwrap_or(f64::NAN)
            })
            .collect();
        // Verdicts by quarter, in time order.
        let mut kwartalen: BTreeMap<(i32, u32), [f64; 4]> = BTreeMap::new();
        for (&(j, m), cijfers) in maanden.iter().zip(&per_maand) {
            if cijfers.uitspraken > 0 {
                let k = kwartalen.entry((j, (m - 1) / 3 + 1)).or_default();
                for (plek, n) in cijfers.oordelen.iter().enumerate() {
                    k[plek] += *n as f64;
                }
            }
        }
        let kwartaallabels: Vec<String> = kwartalen
            .keys()
            .map(|(jaar, k)| format!("K{k} {jaar}"))
            .collect();
        let oordeelreeksen: Vec<Reeks> = OORDELEN
            .iter()
            .enumerate()
            .map(|(i, naam)| Reeks {
                naam: naam.to_string(),
                waarden: kwartalen.values().map(|w| w[i]).collect(),
            })
            .filter(|r| r.waarden.iter().any(|w| *w > 0.0))
            .collect();
        let mut top: Vec<(&String, &usize)> = som.cohort.categorieen.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        top.truncate(8);
        vec![
            grafieken::gestapelde_staven(
                &format!("{id}-instroom"),
                "Ontvangen klachten per maand en dienst",
                &labels,
                &instroom,
                "klachten",
            ),
            grafieken::percentages(
                &format!("{id}-optijd"),
                "Termijnen op tijd, naar de maand waarin de termijn afliep",
                &labels,
                &[
                    Reeks {
                        naam: "ontvangstbevestiging".into(),
                        waarden: percentage(|m| m.ontvangstbevestiging),
                    },
                    Reeks {
                        naam: "uitspraak".into(),
                        waarden: percentage(|m| m.afhandeling),
                    },
                ],
            ),
            grafieken::verdeling(
                &format!("{id}-doorlooptijd"),
                "Weken van ontvangst tot de eerste uitspraak",
                &weeklabels,
                &doorlooptijd,
                Some((termijn, &format!("termijn {termijn} weken"))),
                "zaken",
            ),
            grafieken::lijn(
                &format!("{id}-open"),
                "Openstaande klachten aan het eind van de maand",
                &labels,
                &Reeks {
                    naam: "open".into(),
                    waarden: open,
                },
                "zaken",
            ),
            grafieken::gestapelde_staven(
                &format!("{id}-oordelen"),
                "Oordelen per kwartaal",
                &kwartaallabels,
                &oordeelreeksen,
                "uitspraken",
            ),
            grafieken::horizontale_staven(
                &format!("{id}-categorieen"),
                "Meest voorkomende categorieën",
                &top.iter().map(|(c, _)| c.to_string()).collect::<Vec<_>>(),
                &top.iter().map(|(_, n)| **n as f64).collect::<Vec<_>>(),
                "klachten",
            ),
        ]
    }
}

/// The stretches in which a case is open: from its receipt, closed by an afsluiting or
/// a withdrawal, opened again by a heropend. Each is (first open day, first closed day).
fn open_stukken(zaak: &Zaak) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut stukken = Vec::new();
    let mut sinds = Some(zaak.ontvangen);
    let events = &zaak.gebeurtenissen;
    for (i, g) in events.iter().enumerate() {
        // Only the state at the end of the day counts.
        if events.get(i + 1).is_some_and(|n| n.datum == g.datum) {
            continue;
        }
        let open = match events[..=i]
            .iter()
            .rev()
            .take_while(|e| e.datum == g.datum)
            .find(|e| {
                matches!(
                    e.soort,
                    Soort::Afsluiting | Soort::Ingetrokken | Soort::Heropend
                )
            }) {
            Some(e) => e.soort == Soort::Heropend,
            None => continue,
        };
        match (sinds, open) {
            (Some(van), false) => {
                stukken.push((van, Some(g.datum)));
                sinds = None;
            }
            (None, true) => sinds = Some(g.datum),
            _ => {}
        }
    }
    if let Some(van) = sinds {
        stukken.push((van, None));
    }
    stukken
}

fn tellingen(map: BTreeMap<String, usize>, minimum: usize) -> Vec<Telling> {
    let mut v: Vec<Telling> = map
        .into_iter()
        .filter(|(_, n)| *n >= minimum)
        .map(|(naam, aantal)| Telling { naam, aantal })
        .collect();
    v.sort_by(|a, b| b.aantal.cmp(&a.aantal).then_with(|| a.naam.cmp(&b.naam)));
    v
}

/// Key figures of a period beside those of the periods it is compared with.
#[derive(Debug, Clone, Serialize)]
pub struct Vergelijking {
    /// One per period: its short name, and its page when it has one.
    pub kolommen: Vec<Kolom>,
    pub regels: Vec<Vergelijkingsregel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kolom {
    pub naam: String,
    pub href: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Vergelijkingsregel {
    pub naam: &'static str,
    pub waarden: Vec<String>,
}

/// A key figure: its name and how it is read off a period's figures.
type Kerncijfer = (&'static str, fn(&Cijfers) -> String);

/// The key figures of `perioden` side by side, the first the report's own. `met_pagina`
/// holds the keys of the periods that have a page.
pub fn vergelijking(
    perioden: &[&Cijfers],
    met_pagina: &std::collections::BTreeSet<&str>,
) -> Vergelijking {
    fn aandeel(a: &Aandeel) -> String {
        if a.totaal == 0 {
            "–".to_string()
        } else {
            format!("{} ({} van {})", a.procent, a.op_tijd, a.totaal)
        }
    }
    fn gegrond(c: &Cijfers) -> usize {
        c.oordelen
            .iter()
            .filter(|t| t.naam == "gegrond" || t.naam == "deels-gegrond")
            .map(|t| t.aantal)
            .sum()
    }
    let regels: Vec<Kerncijfer> = vec![
        ("Ontvangen klachten", |c| c.ontvangen.to_string()),
        ("Uitspraken", |c| c.uitspraken.to_string()),
        ("Open aan het eind", |c| c.open_aan_eind.to_string()),
        ("Ontvangstbevestiging op tijd", |c| {
            aandeel(&c.ontvangstbevestiging)
        }),
        ("Uitspraak op tijd", |c| aandeel(&c.afhandeling)),
        ("Gegrond of deels gegrond", |c| gegrond(c).to_string()),
        ("Maatregelen", |c| c.maatregelen_totaal.to_string()),
        ("Beroepen", |c| c.beroepen.to_string()),
        ("Overtredingen", |c| c.bevindingen.overtredingen.to_string()),
        ("Waarschuwingen", |c| {
            c.bevindingen.waarschuwingen.to_string()
        }),
        ("Verantwoord", |c| c.bevindingen.verantwoord.to_string()),
    ];
    Vergelijking {
        kolommen: perioden
            .iter()
            .map(|c| Kolom {
                naam: c.periode.kort.clone(),
                href: met_pagina
                    .contains(c.periode.sleutel.as_str())
                    .then(|| format!("{}.html", c.periode.sleutel)),
            })
            .collect(),
        regels: regels
            .into_iter()
            .map(|(naam, waarde)| Vergelijkingsregel {
                naam,
                waarden: perioden.iter().map(|c| waarde(c)).collect(),
            })
            .collect(),
    }
}

/// The figures of one period.
#[derive(Debug, Clone, Serialize)]
pub struct Cijfers {
    pub periode: Periode,
    pub ontvangen: usize,
    pub binnen_reglement: usize,
    pub per_dienst: Vec<Telling>,
    pub uitspraken: usize,
    pub open_aan_eind: usize,
    pub ontvangstbevestiging: Aandeel,
    pub afhandeling: Aandeel,
    pub oordelen: Vec<Telling>,
    pub maatregelen: Vec<MaatregelWeergave>,
    /// All measures of the period; `maatregelen` lists at most [`MAX_LIJST`].
    pub maatregelen_totaal: usize,
    pub herhaling_categorie: Vec<Telling>,
    pub herhaling_beklaagde: Vec<Telling>,
    pub beroepen: usize,
    pub beroepsuitspraken: Vec<Telling>,
    /// The period's appeals, at most [`MAX_LIJST`].
    pub beroeplijst: Vec<BeroepWeergave>,
    pub bevindingen: Bevindingtelling,
    /// The period's findings (case, place among its findings), by the day they count on.
    #[serde(skip)]
    pub bevinding_plekken: Vec<Zaakplek>,
    pub grafieken: Vec<Grafiek>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testhulp;

    static GEEN_GEDEELD: std::sync::LazyLock<Gedeeld> = std::sync::LazyLock::new(Gedeeld::default);

    fn gegevens(zaken: &[Zaak]) -> Vec<Zaakgegevens<'_>> {
        zaken
            .iter()
            .map(|zaak| {
                let geheimen = Geheimen::van(zaak.klager.as_deref(), zaak.contact.as_deref());
                Zaakgegevens::new(zaak, None, &[], geheimen, &GEEN_GEDEELD)
            })
            .collect()
    }

    #[test]
    fn kwartalen_in_tijdsvolgorde() {
        let zaken: Vec<Zaak> = ["2024-11-04", "2025-02-03", "2025-05-05", "2026-01-05"]
            .iter()
            .map(|d| {
                let datum = testhulp::d(d) + chrono::Days::new(10);
                let spec = datum.format("%Y-%m-%d").to_string();
                testhulp::zaak(
                    d,
                    &[(Box::leak(spec.into_boxed_str()), "uitspraak", "ongegrond")],
                )
            })
            .collect();
        let gegevens = gegevens(&zaken);
        let peildatum = testhulp::d("2026-11-24");
        let s = Statistiek::nieuw(&gegevens, &[], peildatum, 4);
        let periode = Periode::alles(testhulp::d("2024-10-01"), peildatum);
        let grafieken = s.trendgrafieken(&periode);
        let oordelen = grafieken.iter().find(|g| g.id == "alles-oordelen").unwrap();
        let labels: Vec<&str> = oordelen.tabel.rijen.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(labels, ["K4 2024", "K1 2025", "K2 2025", "K1 2026"]);
    }

    #[test]
    fn perioden_alleen_met_gegevens_ook_bij_verre_datums() {
        // A case from 1990 and one from 2026: no pages for the years between.
        let zaken = vec![
            testhulp::zaak("1990-03-05", &[]),
            testhulp::zaak("2026-02-02", &[]),
        ];
        let gegevens = gegevens(&zaken);
        let s = Statistiek::nieuw(&gegevens, &[], testhulp::d("2026-11-24"), 4);
        let sleutels: Vec<String> = s.perioden().into_iter().map(|p| p.sleutel).collect();
        assert_eq!(sleutels, ["1990", "1990-K1", "2026", "2026-K1", "2026-K4"]);
    }

    #[test]
    fn open_aan_het_eind_telt_heropening_en_intrekking() {
        let zaken = vec![
            // Closed on 10 March, reopened on 1 April, closed again on 20 April.
            testhulp::zaak(
                "2025-03-03",
                &[
                    ("2025-03-07", "uitspraak", "ongegrond"),
                    ("2025-03-10", "afsluiting", ""),
                    ("2025-04-01", "heropend", ""),
                    ("2025-04-15", "uitspraak", "ongegrond"),
                    ("2025-04-20", "afsluiting", ""),
                ],
            ),
            // Withdrawn on 5 May.
            testhulp::zaak("2025-04-28", &[("2025-05-05", "ingetrokken", "")]),
        ];
        let gegevens = gegevens(&zaken);
        let mut s = Statistiek::nieuw(&gegevens, &[], testhulp::d("2025-12-31"), 4);
        let dagen = [
            "2025-03-02",
            "2025-03-03",
            "2025-03-09",
            "2025-03-10",
            "2025-04-01",
            "2025-04-19",
            "2025-04-20",
            "2025-04-30",
            "2025-05-05",
        ];
        let verwacht = [0, 1, 1, 0, 1, 1, 0, 1, 0];
        // Counted in one pass, and counted one day at a time: the same.
        let los: Vec<usize> = dagen.iter().map(|d| s.open_op(testhulp::d(d))).collect();
        s.tel_open(dagen.iter().map(|d| testhulp::d(d)));
        let samen: Vec<usize> = dagen.iter().map(|d| s.open[&testhulp::d(d)]).collect();
        assert_eq!(los, verwacht);
        assert_eq!(samen, verwacht);
    }

    #[test]
    fn bevindingen_tellen_eenmaal() {
        let mut b = Bevinding::new(
            &"KP-1".into(),
            crate::bevinding::RegelId::Art43Termijn,
            Ernst::Error,
            "x".into(),
        );
        let fout = b.clone();
        b.verantwoording = Some("directie".into());
        let verantwoord = b.clone();
        b.ernst = Ernst::Warning;
        b.verantwoording = None;
        let t = Bevindingtelling::van([&fout, &verantwoord, &b]);
        assert_eq!(
            t,
            Bevindingtelling {
                overtredingen: 1,
                waarschuwingen: 1,
                info: 0,
                verantwoord: 1
            }
        );
        assert_eq!(t.totaal(), 3);
    }
}
