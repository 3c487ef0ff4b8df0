//! `gebeurtenissen.csv`: one row per event in a complaint's handling, read into a
//! [`Gebeurtenis`] with the case number it belongs to.

use super::lezer::{Kolom, Rij};
use super::velden::Velden;
use super::{is_geldig_zaaknummer, Invoerfout, Tekstbank, GEBEURTENISSEN_CSV};
use crate::bevinding::RegelId;
use crate::datum;
use crate::model::{Gebeurtenis, Oordeel, Soort, Tekst};

/// Column indices of gebeurtenissen.csv, in the order of [`KOLOMMEN`].
pub(crate) mod g {
    pub const ZAAK: usize = 0;
    pub const DATUM: usize = 1;
    pub const SOORT: usize = 2;
    pub const DOOR: usize = 3;
    pub const OORDEEL: usize = 4;
    pub const TERMIJN: usize = 5;
    pub const TOELICHTING: usize = 6;
    pub const REGEL: usize = 7;
}

pub(crate) const KOLOMMEN: [Kolom; 8] = [
    Kolom::verplicht("zaak"),
    Kolom::verplicht("datum"),
    Kolom::verplicht("soort"),
    Kolom::optioneel("door"),
    Kolom::optioneel("oordeel"),
    Kolom::optioneel("termijn"),
    Kolom::optioneel("toelichting"),
    Kolom::optioneel("regel"),
];

/// Reads one row: its case number and the event; every problem becomes an input error in
/// `fouten`.
pub(crate) fn lees_gebeurtenis(
    rij: &Rij<'_>,
    fouten: &mut Vec<Invoerfout>,
    teksten: &mut Tekstbank,
) -> Option<(Tekst, Gebeurtenis)> {
    let mut veld = Velden::new(GEBEURTENISSEN_CSV, rij, &KOLOMMEN, fouten);
    let zaak = veld.verplicht(g::ZAAK);
    if let Some(id) = zaak {
        if !is_geldig_zaaknummer(id) {
            veld.fout(g::ZAAK, id, "ongeldig zaaknummer");
        }
    }
    let datum_tekst = veld.verplicht(g::DATUM);
    let datum = datum_tekst.and_then(|tekst| veld.datum_uit(g::DATUM, tekst));
    let soort = veld.keuze(
        g::SOORT,
        Soort::parse,
        "ontvangstbevestiging, informatieverzoek, gesprek, verlenging, uitspraak, maatregel, \
         afsluiting, heropend, beroep, beroepsuitspraak, ingetrokken of verantwoording",
    );
    let door = veld.tekst(g::DOOR).unwrap_or_default();
    let oordeel = match veld.tekst(g::OORDEEL) {
        Some("") | None => None,
        Some(tekst) => {
            let oordeel = Oordeel::parse(tekst);
            if oordeel.is_none() {
                veld.fout(
                    g::OORDEEL,
                    tekst,
                    "onbekende waarde voor oordeel: verwacht gegrond, deels-gegrond of ongegrond",
                );
            }
            oordeel
        }
    };
    let termijn = veld.datum(g::TERMIJN, false);
    let toelichting = veld.tekst(g::TOELICHTING).unwrap_or_default();
    let regel_tekst = veld.tekst(g::REGEL).unwrap_or_default();
    let regel = (!regel_tekst.is_empty())
        .then(|| RegelId::parse(regel_tekst))
        .flatten();
    if soort == Some(Soort::Verantwoording) {
        verantwoording_compleet(&mut veld, regel_tekst, regel, door, toelichting);
    }
    if !veld.is_geldig() {
        return None;
    }
    Some((
        teksten.zaaknummer(zaak?),
        Gebeurtenis {
            datum: datum?,
            datum_dag_eerst: datum_tekst.is_some_and(datum::is_dag_eerst),
            soort: soort?,
            door: teksten.naam_in(door),
            oordeel,
            termijn,
            toelichting: (!toelichting.is_empty()).then(|| toelichting.into()),
            regel,
            line: rij.line,
        },
    ))
}

/// Events of one case that follow each other in gebeurtenissen.csv, as the file lists
/// them: they go to their case together, with one look-up.
#[derive(Debug)]
pub(crate) struct Reeks {
    pub zaak: Tekst,
    pub gebeurtenissen: Vec<Gebeurtenis>,
}

/// The events of gebeurtenissen.csv as they are read, in runs of one case.
#[derive(Default)]
pub(crate) struct Reeksen {
    af: Vec<Reeks>,
    /// The case of the run being read, and its events so far.
    zaak: Option<Tekst>,
    gebeurtenissen: Vec<Gebeurtenis>,
}

impl Reeksen {
    /// Adds the next valid event, of case `zaak`.
    pub fn voeg_toe(&mut self, zaak: Tekst, gebeurtenis: Gebeurtenis) {
        if self.zaak.as_ref() != Some(&zaak) {
            self.sluit();
            self.zaak = Some(zaak);
        }
        self.gebeurtenissen.push(gebeurtenis);
    }

    /// Ends the run being read.
    fn sluit(&mut self) {
        if let Some(zaak) = self.zaak.take() {
            // Each run's list exactly as long as the run: growing them one event at a
            // time raised peak memory at a million cases from 866 to 916 MiB.
            let gebeurtenissen = self.gebeurtenissen.drain(..).collect();
            self.af.push(Reeks {
                zaak,
                gebeurtenissen,
            });
        }
    }

    /// Every run, in file order.
    pub fn af(mut self) -> Vec<Reeks> {
        self.sluit();
        self.af
    }
}

/// A verantwoording names the rule it accounts for, who accounts for it and why (article
/// 9), whatever its date.
fn verantwoording_compleet(
    veld: &mut Velden<'_, '_>,
    regel_tekst: &str,
    regel: Option<RegelId>,
    door: &str,
    toelichting: &str,
) {
    if regel_tekst.is_empty() {
        veld.fout(
            g::REGEL,
            "",
            "verantwoording zonder regel: noem de regel die zij verantwoordt",
        );
    } else if regel.is_none() {
        veld.fout(g::REGEL, regel_tekst, "onbekende regel");
    }
    if door.is_empty() {
        veld.fout(
            g::DOOR,
            "",
            "verantwoording zonder door: wie verantwoordt de bevinding?",
        );
    }
    if toelichting.is_empty() {
        veld.fout(
            g::TOELICHTING,
            "",
            "verantwoording zonder toelichting: waarom is de bevinding aanvaard?",
        );
    }
}
