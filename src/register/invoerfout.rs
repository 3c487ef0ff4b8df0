//! An input error: what the loader says about a record, value or file it could not use.

use crate::model::Tekst;
use crate::persoonsgegevens::{self, toon_in_plaats, toon_in_plaats_zonder_naamwoorden, Geheimen};

/// An input error: a record, value or file that could not be used.
///
/// Every output shows it as it stands once the register is loaded: the value of a
/// `klager` or `contact` column is [`persoonsgegevens::VERBORGEN`], and any other value and
/// the message have passed `persoonsgegevens::toon` with the complainant's own name and
/// contact of the row's case ([`Invoerfout::afschermen`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Invoerfout {
    /// Relative to the register, with `/`.
    pub bestand: String,
    pub line: Option<u32>,
    pub kolom: Option<String>,
    pub waarde: Option<String>,
    pub bericht: String,
    /// The case of the row, when its zaak could be read.
    pub zaak: Option<Tekst>,
}

impl Invoerfout {
    pub(crate) fn bestand(bestand: &str, bericht: impl Into<String>) -> Invoerfout {
        Invoerfout {
            bestand: bestand.to_string(),
            line: None,
            kolom: None,
            waarde: None,
            bericht: bericht.into(),
            zaak: None,
        }
    }

    /// The same error, about a row of case `zaak`.
    pub(crate) fn van_zaak(self, zaak: &Tekst) -> Invoerfout {
        Invoerfout {
            zaak: Some(zaak.clone()),
            ..self
        }
    }

    /// The error as every output may show it: without the value of a `klager` or
    /// `contact` column (it says there was one), and with personal data and `geheimen`
    /// redacted from any other value, from the message, and from the file's name (a case
    /// file may be named anything).
    ///
    /// The words of the complainant's name are looked for in the value only: the message
    /// is the tool's own text, and a file's name is checked against every complainant's
    /// words where it is read (`Klagerwaarden`).
    pub(crate) fn afschermen(&mut self, geheimen: &Geheimen) {
        toon_in_plaats_zonder_naamwoorden(&mut self.bestand, geheimen);
        if let Some(waarde) = &mut self.waarde {
            if matches!(self.kolom.as_deref(), Some("klager" | "contact")) {
                if !waarde.is_empty() {
                    *waarde = persoonsgegevens::VERBORGEN.to_string();
                }
            } else {
                toon_in_plaats(waarde, geheimen);
            }
        }
        toon_in_plaats_zonder_naamwoorden(&mut self.bericht, geheimen);
    }

    pub(crate) fn rij(bestand: &str, line: u32, bericht: impl Into<String>) -> Invoerfout {
        Invoerfout {
            line: Some(line),
            ..Invoerfout::bestand(bestand, bericht)
        }
    }

    pub(crate) fn veld(
        bestand: &str,
        line: u32,
        kolom: &str,
        waarde: &str,
        bericht: impl Into<String>,
    ) -> Invoerfout {
        Invoerfout {
            kolom: Some(kolom.to_string()),
            waarde: Some(waarde.to_string()),
            ..Invoerfout::rij(bestand, line, bericht)
        }
    }
}
