//! Typed values out of one row, with an input error for each bad one.

use chrono::NaiveDate;

use super::lezer::{Kolom, Rij};
use super::Invoerfout;
use crate::datum;
use crate::persoonsgegevens::Geheimen;

/// The `klager` and `contact` values of a row, as far as its file has those columns.
pub(crate) fn eigen_geheimen(rij: &Rij<'_>, kolommen: &[Kolom]) -> Geheimen {
    let waarde = |naam: &str| {
        kolommen
            .iter()
            .position(|k| k.naam == naam)
            .map(|k| rij.veld_zoals_getoond(k))
    };
    let (klager, contact) = (waarde("klager"), waarde("contact"));
    Geheimen::van(klager.as_deref(), contact.as_deref())
}

/// Reads the fields of one row of `bestand`, collecting an input error for each bad one.
pub(crate) struct Velden<'r, 'a> {
    bestand: &'static str,
    rij: &'r Rij<'a>,
    kolommen: &'static [Kolom],
    fouten: &'r mut Vec<Invoerfout>,
    geldig: bool,
    /// The row's own name and contact (a row of `klachten.csv`), read when the first
    /// error needs them.
    geheimen: Option<Geheimen>,
}

impl<'r, 'a> Velden<'r, 'a> {
    pub fn new(
        bestand: &'static str,
        rij: &'r Rij<'a>,
        kolommen: &'static [Kolom],
        fouten: &'r mut Vec<Invoerfout>,
    ) -> Velden<'r, 'a> {
        Velden {
            bestand,
            rij,
            kolommen,
            fouten,
            geldig: true,
            geheimen: None,
        }
    }

    /// Whether every field read so far was valid.
    pub fn is_geldig(&self) -> bool {
        self.geldig
    }

    pub fn fout(&mut self, kolom: usize, waarde: &str, bericht: impl Into<String>) {
        self.geldig = false;
        let mut fout = Invoerfout::veld(
            self.bestand,
            self.rij.line,
            self.kolommen[kolom].naam,
            waarde,
            bericht,
        );
        // Column 0 is the zaak in both files.
        if let Some(id) = self.rij.veld(0).ok().filter(|id| !id.is_empty()) {
            fout.zaak = Some(id.into());
        }
        // A row's own name and contact are known only here, also when the row is invalid
        // and never becomes a case.
        let geheimen = self
            .geheimen
            .get_or_insert_with(|| eigen_geheimen(self.rij, self.kolommen));
        fout.afschermen(geheimen);
        self.fouten.push(fout);
    }

    /// The trimmed text of a column (empty when absent); None (with an error) when it is
    /// not UTF-8.
    pub fn tekst(&mut self, kolom: usize) -> Option<&'a str> {
        match self.rij.veld(kolom) {
            Ok(tekst) => Some(tekst),
            Err(waarde) => {
                self.fout(kolom, &waarde, "geen geldige UTF-8-tekst");
                None
            }
        }
    }

    /// The text of a required column; None (with an error) when it is empty.
    pub fn verplicht(&mut self, kolom: usize) -> Option<&'a str> {
        let tekst = self.tekst(kolom)?;
        if tekst.is_empty() {
            let bericht = format!("verplichte waarde {} ontbreekt", self.kolommen[kolom].naam);
            self.fout(kolom, "", bericht);
            return None;
        }
        Some(tekst)
    }

    /// The date in a column; an empty optional one is None without error.
    pub fn datum(&mut self, kolom: usize, verplicht: bool) -> Option<NaiveDate> {
        let tekst = if verplicht {
            self.verplicht(kolom)?
        } else {
            self.tekst(kolom).filter(|t| !t.is_empty())?
        };
        self.datum_uit(kolom, tekst)
    }

    /// The date written as `tekst` in `kolom`.
    pub fn datum_uit(&mut self, kolom: usize, tekst: &str) -> Option<NaiveDate> {
        match datum::lees(tekst) {
            Ok(datum) => Some(datum),
            Err(fout) => {
                self.fout(kolom, tekst, fout.bericht());
                None
            }
        }
    }

    /// One of an enumerated set of values, in a required column.
    pub fn keuze<T>(
        &mut self,
        kolom: usize,
        parse: fn(&str) -> Option<T>,
        toegestaan: &str,
    ) -> Option<T> {
        let tekst = self.verplicht(kolom)?;
        let waarde = parse(tekst);
        if waarde.is_none() {
            let bericht = format!(
                "onbekende waarde voor {}: verwacht {toegestaan}",
                self.kolommen[kolom].naam
            );
            self.fout(kolom, tekst, bericht);
        }
        waarde
    }
}
