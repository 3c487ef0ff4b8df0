//! Figures for management reviews: per period (a quarter, a year, or everything up to the
//! peildatum) the intake, the share of terms kept, verdicts, measures, recurrence and
//! appeals, and the trend charts. Counted from the check's outcome, never re-judged.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::grafieken::{self, Grafiek, Reeks};
use super::weergave::{datum, Datum};
use crate::bevinding::{Bevinding, Ernst};
use crate::model::{Dienst, Oordeel, Soort, Zaak};
use crate::verloop::{Termijnstatus, Verloop};

/// A stretch of days, both ends included.
#[derive(Debug, Clone, Serialize)]
pub struct Periode {
    /// `2025`, `2025-K2`: also the page's file name.
    pub sleutel: String,
    pub titel: String,
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
            van: NaiveDate::from_ymd_opt(jaar, 1, 1)?,
            tot: NaiveDate::from_ymd_opt(jaar, 12, 31)?,
            is_jaar: true,
        })
    }

    pub fn kwartaal(jaar: i32, k: u32) -> Option<Periode> {
        let van = NaiveDate::from_ymd_opt(jaar, 3 * (k - 1) + 1, 1)?;
        let tot = van.checked_add_months(Months::new(3))?.pred_opt()?;
        Some(Periode {
            sleutel: format!("{jaar}-K{k}"),
            titel: format!("{k}e kwartaal {jaar}"),
            van,
            tot,
            is_jaar: false,
        })
    }

    pub fn van_dag(dag: NaiveDate) -> Option<(Periode, Periode)> {
        Some((
            Periode::jaar(dag.year())?,
            Periode::kwartaal(dag.year(), dag.month0() / 3 + 1)?,
        ))
    }

    fn bevat(&self, dag: NaiveDate) -> bool {
        self.van <= dag && dag <= self.tot
    }

    /// The months of the period, as (first day, label).
    fn maanden(&self) -> Vec<(NaiveDate, String)> {
        let mut uit = Vec::new();
        let mut m = self.van.with_day(1).unwrap_or(self.van);
        while m <= self.tot && uit.len() < 1200 {
            uit.push((m, maandlabel(m)));
            match m.checked_add_months(Months::new(1)) {
                Some(volgende) => m = volgende,
                None => break,
            }
        }
        uit
    }
}

const MAANDEN: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

fn maandlabel(dag: NaiveDate) -> String {
    format!("{} {}", MAANDEN[dag.month0() as usize], dag.year())
}

/// One case with what the figures need.
pub struct Zaakgegevens<'a> {
    pub zaak: &'a Zaak,
    pub verloop: Option<&'a Verloop>,
    pub bevindingen: &'a [Bevinding],
}

impl<'a> Zaakgegevens<'a> {
    pub fn categorie(&self) -> Option<&'a str> {
        self.zaak.categorie.as_deref()
    }

    pub fn beklaagde(&self) -> Option<&'a str> {
        self.zaak.beklaagde.as_deref()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Aandeel {
    pub op_tijd: usize,
    pub totaal: usize,
    pub procent: String,
}

fn aandeel(op_tijd: usize, totaal: usize) -> Aandeel {
    Aandeel {
        op_tijd,
        totaal,
        procent: if totaal == 0 {
            "–".to_string()
        } else {
            format!(
                "{}%",
                grafieken::getal((op_tijd as f64 * 1000.0 / totaal as f64).round() / 10.0)
            )
        },
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

/// A report stays readable: at most this many measures listed, this many recurrences each.
pub const MAX_MAATREGELEN: usize = 500;
const MAX_HERHAALD: usize = 5;

/// Complaints count as alike when they share service and category.
type Soortgelijk<'a> = (Dienst, Option<&'a str>);

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
    /// All measures of the period; `maatregelen` lists at most [`MAX_MAATREGELEN`].
    pub maatregelen_totaal: usize,
    pub herhaling_categorie: Vec<Telling>,
    pub herhaling_beklaagde: Vec<Telling>,
    pub beroepen: usize,
    pub beroepsuitspraken: Vec<Telling>,
    pub overtredingen: usize,
    pub verantwoord: usize,
    pub waarschuwingen: usize,
    pub grafieken: Vec<Grafiek>,
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

/// Whether a case is still open at the end of `dag`: received, not withdrawn and its last
/// cycle not closed by then.
fn open_op(zaak: &Zaak, dag: NaiveDate) -> bool {
    if zaak.ontvangen > dag {
        return false;
    }
    let mut open = true;
    for g in zaak.gebeurtenissen.iter().take_while(|g| g.datum <= dag) {
        match g.soort {
            Soort::Afsluiting | Soort::Ingetrokken => open = false,
            Soort::Heropend => open = true,
            _ => {}
        }
    }
    open
}

/// The complaints alike to `zaak` received after `dag`, up to `einde`.
fn later_soortgelijk<'a>(
    soortgelijk: &'a BTreeMap<Soortgelijk<'a>, Vec<(NaiveDate, &'a str)>>,
    zaak: &Zaakgegevens<'a>,
    dag: NaiveDate,
    einde: NaiveDate,
) -> &'a [(NaiveDate, &'a str)] {
    let Some(categorie) = zaak.categorie() else {
        return &[];
    };
    match soortgelijk.get(&(zaak.zaak.dienst, Some(categorie))) {
        Some(lijst) => {
            let begin = lijst.partition_point(|(d, _)| *d <= dag);
            let eind = lijst.partition_point(|(d, _)| *d <= einde).max(begin);
            &lijst[begin..eind]
        }
        None => &[],
    }
}

/// The figures of `periode`, with its charts when `met_grafieken`.
pub fn cijfers<'a>(
    zaken: &[Zaakgegevens<'a>],
    periode: &Periode,
    peildatum: NaiveDate,
    met_grafieken: bool,
) -> Cijfers {
    let einde = periode.tot.min(peildatum);
    let mut per_dienst: BTreeMap<String, usize> = BTreeMap::new();
    let mut categorieen: BTreeMap<String, usize> = BTreeMap::new();
    let mut beklaagden: BTreeMap<String, usize> = BTreeMap::new();
    let mut oordelen: BTreeMap<String, usize> = BTreeMap::new();
    let mut beroepsoordelen: BTreeMap<String, usize> = BTreeMap::new();
    let (mut ontvangen, mut binnen, mut uitspraken, mut open, mut beroepen) = (0, 0, 0, 0, 0);
    let (mut ack_goed, mut ack_totaal, mut afh_goed, mut afh_totaal) = (0, 0, 0, 0);
    let (mut overtredingen, mut verantwoord, mut waarschuwingen) = (0, 0, 0);
    let mut maatregelen = Vec::new();
    for z in zaken {
        let zaak = z.zaak;
        if periode.bevat(zaak.ontvangen) {
            ontvangen += 1;
            binnen += usize::from(z.verloop.is_some());
            *per_dienst
                .entry(zaak.dienst.naam().to_string())
                .or_default() += 1;
            *categorieen
                .entry(z.categorie().unwrap_or("(geen)").to_string())
                .or_default() += 1;
            if let Some(b) = z.beklaagde() {
                *beklaagden.entry(b.to_string()).or_default() += 1;
            }
        }
        if open_op(zaak, einde) {
            open += 1;
        }
        for g in zaak
            .gebeurtenissen
            .iter()
            .filter(|g| periode.bevat(g.datum))
        {
            match g.soort {
                Soort::Uitspraak => {
                    uitspraken += 1;
                    *oordelen
                        .entry(
                            g.oordeel
                                .map_or("zonder oordeel", Oordeel::naam)
                                .to_string(),
                        )
                        .or_default() += 1;
                }
                Soort::Beroep => beroepen += 1,
                Soort::Beroepsuitspraak => {
                    *beroepsoordelen
                        .entry(
                            g.oordeel
                                .map_or("zonder oordeel", Oordeel::naam)
                                .to_string(),
                        )
                        .or_default() += 1
                }
                Soort::Maatregel => {
                    maatregelen.push((z, g.datum, g.toelichting.as_deref().unwrap_or_default()))
                }
                _ => {}
            }
        }
        if let Some(v) = z.verloop {
            let ack = &v.ontvangstbevestiging;
            if periode.bevat(ack.deadline) {
                match ack.status(peildatum, v.ingetrokken) {
                    Termijnstatus::OpTijd => {
                        (ack_goed, ack_totaal) = (ack_goed + 1, ack_totaal + 1)
                    }
                    Termijnstatus::TeLaat | Termijnstatus::Verlopen => ack_totaal += 1,
                    _ => {}
                }
            }
            for c in v.cycli.iter().filter(|c| periode.bevat(c.termijn.deadline)) {
                match c.termijn.status(peildatum, v.ingetrokken) {
                    Termijnstatus::OpTijd => {
                        (afh_goed, afh_totaal) = (afh_goed + 1, afh_totaal + 1)
                    }
                    Termijnstatus::TeLaat | Termijnstatus::Verlopen => afh_totaal += 1,
                    _ => {}
                }
            }
        }
        for b in z.bevindingen {
            let dag = b.datum.or(b.deadline);
            if !dag.is_some_and(|d| periode.bevat(d)) {
                continue;
            }
            match (b.ernst, b.is_geaccepteerd()) {
                (Ernst::Error, false) => overtredingen += 1,
                (Ernst::Error, true) => verantwoord += 1,
                (Ernst::Warning, _) => waarschuwingen += 1,
                _ => {}
            }
        }
    }
    // Complaints by service and category, in order of receipt: did one recur after a measure?
    let mut soortgelijk: BTreeMap<Soortgelijk<'_>, Vec<(NaiveDate, &str)>> = BTreeMap::new();
    if !maatregelen.is_empty() {
        for z in zaken {
            soortgelijk
                .entry((z.zaak.dienst, z.categorie()))
                .or_default()
                .push((z.zaak.ontvangen, &z.zaak.id));
        }
        for lijst in soortgelijk.values_mut() {
            lijst.sort();
        }
    }
    let later =
        |zaak: &Zaakgegevens<'a>, dag: NaiveDate| later_soortgelijk(&soortgelijk, zaak, dag, einde);
    let maatregelen_totaal = maatregelen.len();
    maatregelen.sort_by(|a, b| (a.1, &a.0.zaak.id).cmp(&(b.1, &b.0.zaak.id)));
    let maatregelen = maatregelen
        .into_iter()
        .take(MAX_MAATREGELEN)
        .map(|(z, dag, toelichting)| MaatregelWeergave {
            zaak: z.zaak.id.to_string(),
            href: format!("../{}", super::weergave::zaakpad(&z.zaak.id)),
            datum: datum(dag),
            categorie: z.categorie().unwrap_or("").to_string(),
            dienst: z.zaak.dienst.naam(),
            toelichting: toelichting.to_string(),
            herhaald_in: later(z, dag)
                .iter()
                .take(MAX_HERHAALD)
                .map(|(_, id)| Verwijzing {
                    zaak: id.to_string(),
                    href: format!("../{}", super::weergave::zaakpad(id)),
                })
                .collect(),
            herhaald_meer: later(z, dag).len().saturating_sub(MAX_HERHAALD),
        })
        .collect();
    let grafieken = if met_grafieken {
        trendgrafieken(zaken, periode, peildatum, &periode.sleutel)
    } else {
        Vec::new()
    };
    Cijfers {
        periode: periode.clone(),
        ontvangen,
        binnen_reglement: binnen,
        per_dienst: tellingen(per_dienst, 1),
        uitspraken,
        open_aan_eind: open,
        ontvangstbevestiging: aandeel(ack_goed, ack_totaal),
        afhandeling: aandeel(afh_goed, afh_totaal),
        oordelen: tellingen(oordelen, 1),
        maatregelen,
        maatregelen_totaal,
        herhaling_categorie: tellingen(categorieen, 2),
        herhaling_beklaagde: tellingen(beklaagden, 2),
        beroepen,
        beroepsuitspraken: tellingen(beroepsoordelen, 1),
        overtredingen,
        verantwoord,
        waarschuwingen,
        grafieken,
    }
}

/// The six trend charts over `periode`, month by month (verdicts by quarter).
pub fn trendgrafieken(
    zaken: &[Zaakgegevens<'_>],
    periode: &Periode,
    peildatum: NaiveDate,
    id: &str,
) -> Vec<Grafiek> {
    let maanden: Vec<(NaiveDate, String)> = periode
        .maanden()
        .into_iter()
        .filter(|(m, _)| *m <= peildatum)
        .collect();
    let labels: Vec<String> = maanden.iter().map(|(_, l)| l.clone()).collect();
    let maand_van = |dag: NaiveDate| maanden.iter().rposition(|(m, _)| *m <= dag);
    let n = maanden.len();

    // Monthly intake by service.
    let mut instroom: Vec<Vec<f64>> = vec![vec![0.0; n]; Dienst::ALLE.len()];
    // On-time share per month of deadline, both terms.
    let mut ack = vec![(0usize, 0usize); n];
    let mut afh = vec![(0usize, 0usize); n];
    // Handling time (receipt to first decision) in weeks.
    let mut doorlooptijd = [0f64; 9];
    // Keyed by (year, quarter), so that the quarters come in time order.
    let mut kwartalen: BTreeMap<(i32, u32), [f64; 3]> = BTreeMap::new();
    let mut categorieen: BTreeMap<String, usize> = BTreeMap::new();
    for z in zaken {
        let zaak = z.zaak;
        if periode.bevat(zaak.ontvangen) {
            if let Some(m) = maand_van(zaak.ontvangen) {
                if let Some(d) = Dienst::ALLE.iter().position(|d| *d == zaak.dienst) {
                    instroom[d][m] += 1.0;
                }
            }
            *categorieen
                .entry(z.categorie().unwrap_or("(geen)").to_string())
                .or_default() += 1;
        }
        for g in zaak
            .gebeurtenissen
            .iter()
            .filter(|g| g.soort == Soort::Uitspraak && periode.bevat(g.datum))
        {
            let sleutel = (g.datum.year(), g.datum.month0() / 3 + 1);
            let plek = match g.oordeel {
                Some(Oordeel::Gegrond) => 0,
                Some(Oordeel::DeelsGegrond) => 1,
                _ => 2,
            };
            kwartalen.entry(sleutel).or_default()[plek] += 1.0;
        }
        let Some(v) = z.verloop else { continue };
        let tel = |lijst: &mut Vec<(usize, usize)>, deadline: NaiveDate, status: Termijnstatus| {
            if !periode.bevat(deadline) {
                return;
            }
            if let Some(m) = maand_van(deadline) {
                match status {
                    Termijnstatus::OpTijd => lijst[m] = (lijst[m].0 + 1, lijst[m].1 + 1),
                    Termijnstatus::TeLaat | Termijnstatus::Verlopen => lijst[m].1 += 1,
                    _ => {}
                }
            }
        };
        let t = &v.ontvangstbevestiging;
        tel(&mut ack, t.deadline, t.status(peildatum, v.ingetrokken));
        for c in &v.cycli {
            tel(
                &mut afh,
                c.termijn.deadline,
                c.termijn.status(peildatum, v.ingetrokken),
            );
        }
        if let (Some(c), true) = (v.cycli.first(), periode.bevat(zaak.ontvangen)) {
            if let Some(op) = c.termijn.vervuld_op {
                let weken = ((op - zaak.ontvangen).num_days().max(0) / 7) as usize;
                doorlooptijd[weken.min(8)] += 1.0;
            }
        }
    }
    let procent = |l: &[(usize, usize)]| -> Vec<f64> {
        l.iter()
            .map(|(goed, totaal)| {
                if *totaal == 0 {
                    f64::NAN
                } else {
                    *goed as f64 * 100.0 / *totaal as f64
                }
            })
            .collect()
    };
    let open: Vec<f64> = maanden
        .iter()
        .map(|(m, _)| {
            let einde = m
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(*m)
                .min(peildatum);
            zaken.iter().filter(|z| open_op(z.zaak, einde)).count() as f64
        })
        .collect();
    let mut top: Vec<(String, usize)> = categorieen.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(8);
    let kwartaallabels: Vec<String> = kwartalen
        .keys()
        .map(|(jaar, k)| format!("K{k} {jaar}"))
        .collect();
    let oordeelreeksen: Vec<Reeks> = ["gegrond", "deels-gegrond", "ongegrond of zonder oordeel"]
        .iter()
        .enumerate()
        .map(|(i, naam)| Reeks {
            naam: naam.to_string(),
            waarden: kwartalen.values().map(|w| w[i]).collect(),
        })
        .collect();
    let weeklabels: Vec<String> = (0..9)
        .map(|w| {
            if w == 8 {
                "8+ wk".to_string()
            } else {
                format!("{w}–{} wk", w + 1)
            }
        })
        .collect();
    vec![
        grafieken::gestapelde_staven(
            &format!("{id}-instroom"),
            "Ontvangen klachten per maand en dienst",
            &labels,
            &Dienst::ALLE
                .iter()
                .zip(instroom)
                .map(|(d, waarden)| Reeks {
                    naam: d.naam().to_string(),
                    waarden,
                })
                .filter(|r| r.waarden.iter().any(|w| *w > 0.0))
                .collect::<Vec<_>>(),
            "klachten",
        ),
        grafieken::percentages(
            &format!("{id}-optijd"),
            "Termijnen op tijd per maand (naar maand waarin de termijn afliep)",
            &labels,
            &[
                Reeks {
                    naam: "ontvangstbevestiging".into(),
                    waarden: procent(&ack),
                },
                Reeks {
                    naam: "uitspraak".into(),
                    waarden: procent(&afh),
                },
            ],
        ),
        grafieken::verdeling(
            &format!("{id}-doorlooptijd"),
            "Doorlooptijd tot de eerste uitspraak",
            &weeklabels,
            &doorlooptijd,
            Some((4, "termijn 4 weken")),
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
            &top.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>(),
            &top.iter().map(|(_, n)| *n as f64).collect::<Vec<_>>(),
            "klachten",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testhulp;

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
        let gegevens: Vec<Zaakgegevens<'_>> = zaken
            .iter()
            .map(|zaak| Zaakgegevens {
                zaak,
                verloop: None,
                bevindingen: &[],
            })
            .collect();
        let periode = Periode {
            sleutel: "alles".into(),
            titel: "Alles".into(),
            van: testhulp::d("2024-10-01"),
            tot: testhulp::d("2026-11-24"),
            is_jaar: false,
        };
        let grafieken = trendgrafieken(&gegevens, &periode, testhulp::d("2026-11-24"), "t");
        let oordelen = grafieken.iter().find(|g| g.id == "t-oordelen").unwrap();
        let labels: Vec<&str> = oordelen.tabel.rijen.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(labels, ["K4 2024", "K1 2025", "K2 2025", "K1 2026"]);
    }
}
