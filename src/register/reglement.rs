//! `reglement.toml`: the regulation's parameters. Absent, the built-in defaults encode the
//! regulation of 1 October 2024. Present, it is read strictly: an unknown key, a wrong type
//! or an impossible value stops the run with the key and what was expected.

use chrono::NaiveDate;

use super::toegang::{Registermap, Weigering, MAX_REGLEMENT_TOML};
use super::REGLEMENT_TOML;
use crate::calendar::Kalender;
use crate::Fout;

/// The regulation's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reglement {
    pub naam: String,
    /// Complaints received on or after this day fall under the regulation (art. 8).
    pub inwerkingtreding: NaiveDate,
    /// Art. 4.2: the acknowledgement is due within this many working days.
    pub ontvangstbevestiging_werkdagen: u32,
    /// Art. 4.3: the decision is due within this many weeks.
    pub afhandeltermijn_weken: u32,
    /// Art. 5: an appeal is made within this many weeks of the decision.
    pub beroepstermijn_weken: u32,
    /// Not in the regulation; when set, appeals must be decided within this many weeks.
    pub beroep_afhandeltermijn_weken: Option<u32>,
    /// Move a term in weeks that ends on a non-working day to the next working day.
    pub termijnenwet: bool,
    pub goede_vrijdag: bool,
    pub sluitingsdagen: Vec<NaiveDate>,
    /// Warn when an open deadline is at most this many working days away.
    pub waarschuwing_werkdagen: u32,
    /// Art. 7: an event should be in the register within this many working days.
    pub registratie_werkdagen: u32,
}

impl Default for Reglement {
    fn default() -> Reglement {
        Reglement {
            naam: "Klachtenreglement Krachtig Perspectief".to_string(),
            inwerkingtreding: NaiveDate::from_ymd_opt(2024, 10, 1).unwrap_or_default(),
            ontvangstbevestiging_werkdagen: 5,
            afhandeltermijn_weken: 4,
            beroepstermijn_weken: 2,
            beroep_afhandeltermijn_weken: None,
            termijnenwet: true,
            goede_vrijdag: false,
            sluitingsdagen: Vec::new(),
            waarschuwing_werkdagen: 2,
            registratie_werkdagen: 5,
        }
    }
}

impl Reglement {
    /// Reads `reglement.toml` from the register, or the defaults when it is absent. A file
    /// that is not read (outside the register, no regular file, larger than
    /// [`MAX_REGLEMENT_TOML`]) stops the run like a bad one: the defaults could judge by
    /// another regulation than the organisation's.
    pub fn laad(register: &Registermap) -> Result<Reglement, Fout> {
        match register.lees(REGLEMENT_TOML, MAX_REGLEMENT_TOML) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(tekst) => Reglement::lees(&tekst),
                Err(_) => Err(Fout::new(format!(
                    "{REGLEMENT_TOML}: geen geldige UTF-8-tekst"
                ))),
            },
            Err(Weigering::Ontbreekt) => Ok(Reglement::default()),
            Err(weigering) => Err(Fout::new(format!("{REGLEMENT_TOML} {weigering}"))),
        }
    }

    /// Parses the text of a `reglement.toml`.
    pub fn lees(tekst: &str) -> Result<Reglement, Fout> {
        let tabel: toml::Table = tekst.parse().map_err(|e: toml::de::Error| {
            let plek = e
                .span()
                .map(|s| {
                    let voor = tekst.as_bytes().get(..s.start).unwrap_or_default();
                    let regel = voor.iter().filter(|&&b| b == b'\n').count() + 1;
                    format!(" (regel {regel})")
                })
                .unwrap_or_default();
            Fout::new(format!(
                "{REGLEMENT_TOML}: geen geldige TOML{plek}: {}",
                een_regel(e.message())
            ))
        })?;
        let mut reglement = Reglement::default();
        for (sleutel, waarde) in &tabel {
            let fout = |verwacht: &str| {
                Fout::new(format!(
                    "{REGLEMENT_TOML}: sleutel {sleutel}: verwacht {verwacht}, gevonden {}",
                    weergave(waarde)
                ))
            };
            match sleutel.as_str() {
                "naam" => {
                    reglement.naam = waarde
                        .as_str()
                        .filter(|s| !s.trim().is_empty())
                        .ok_or_else(|| fout("een niet-lege tekst tussen aanhalingstekens"))?
                        .to_string()
                }
                "inwerkingtreding" => {
                    reglement.inwerkingtreding = toml_datum(waarde).ok_or_else(|| {
                        fout("een datum zonder aanhalingstekens, zoals 2024-10-01")
                    })?
                }
                "ontvangstbevestiging_werkdagen" => {
                    reglement.ontvangstbevestiging_werkdagen =
                        getal(waarde, 1).ok_or_else(|| fout("een geheel getal van minstens 1"))?
                }
                "afhandeltermijn_weken" => {
                    reglement.afhandeltermijn_weken =
                        getal(waarde, 1).ok_or_else(|| fout("een geheel getal van minstens 1"))?
                }
                "beroepstermijn_weken" => {
                    reglement.beroepstermijn_weken =
                        getal(waarde, 1).ok_or_else(|| fout("een geheel getal van minstens 1"))?
                }
                "beroep_afhandeltermijn_weken" => {
                    reglement.beroep_afhandeltermijn_weken = Some(
                        getal(waarde, 1).ok_or_else(|| fout("een geheel getal van minstens 1"))?,
                    )
                }
                "termijnenwet" => {
                    reglement.termijnenwet =
                        waarde.as_bool().ok_or_else(|| fout("true of false"))?
                }
                "goede_vrijdag" => {
                    reglement.goede_vrijdag =
                        waarde.as_bool().ok_or_else(|| fout("true of false"))?
                }
                "sluitingsdagen" => {
                    let verwacht =
                        "een lijst van datums zonder aanhalingstekens, zoals [2025-12-24]";
                    let lijst = waarde.as_array().ok_or_else(|| fout(verwacht))?;
                    let mut dagen = lijst
                        .iter()
                        .map(toml_datum)
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| fout(verwacht))?;
                    dagen.sort();
                    dagen.dedup();
                    reglement.sluitingsdagen = dagen;
                }
                "waarschuwing_werkdagen" => {
                    reglement.waarschuwing_werkdagen =
                        getal(waarde, 0).ok_or_else(|| fout("een geheel getal van minstens 0"))?
                }
                "registratie_werkdagen" => {
                    reglement.registratie_werkdagen =
                        getal(waarde, 0).ok_or_else(|| fout("een geheel getal van minstens 0"))?
                }
                _ => {
                    return Err(Fout::new(format!(
                        "{REGLEMENT_TOML}: onbekende sleutel {sleutel}; bekend zijn: {}",
                        SLEUTELS.join(", ")
                    )))
                }
            }
        }
        Ok(reglement)
    }

    /// The working-day calendar these parameters define.
    pub fn kalender(&self) -> Kalender {
        Kalender::new(
            self.goede_vrijdag,
            self.sluitingsdagen.clone(),
            self.termijnenwet,
        )
    }
}

const SLEUTELS: [&str; 11] = [
    "naam",
    "inwerkingtreding",
    "ontvangstbevestiging_werkdagen",
    "afhandeltermijn_weken",
    "beroepstermijn_weken",
    "beroep_afhandeltermijn_weken",
    "termijnenwet",
    "goede_vrijdag",
    "sluitingsdagen",
    "waarschuwing_werkdagen",
    "registratie_werkdagen",
];

/// A whole number of at least `minimum` that fits the terms' type. Terms beyond a
/// thousand years are no terms.
fn getal(waarde: &toml::Value, minimum: i64) -> Option<u32> {
    let n = waarde.as_integer()?;
    (minimum..=52_000).contains(&n).then_some(n as u32)
}

/// A TOML value as its author wrote it, on one line: the reason for stopping is one line.
fn weergave(waarde: &toml::Value) -> String {
    match waarde {
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::String(s) => format!("\"{}\"", s.replace('\n', "\\n")),
        _ => een_regel(&waarde.to_string()),
    }
}

/// Joins the lines of a (parser's) message into one.
fn een_regel(tekst: &str) -> String {
    tekst
        .lines()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A TOML local date (`2024-10-01`, no quotes, no time).
fn toml_datum(waarde: &toml::Value) -> Option<NaiveDate> {
    let datum = waarde.as_datetime()?;
    if datum.time.is_some() || datum.offset.is_some() {
        return None;
    }
    let d = datum.date?;
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fout(tekst: &str) -> String {
        Reglement::lees(tekst).unwrap_err().to_string()
    }

    #[test]
    fn leeg_bestand_geeft_de_standaard() {
        assert_eq!(Reglement::lees("").unwrap(), Reglement::default());
    }

    #[test]
    fn alle_sleutels() {
        let r = Reglement::lees(
            r#"
naam = "Ons reglement"
inwerkingtreding = 2025-01-01
ontvangstbevestiging_werkdagen = 3
afhandeltermijn_weken = 6
beroepstermijn_weken = 3
beroep_afhandeltermijn_weken = 4
termijnenwet = false
goede_vrijdag = true
sluitingsdagen = [2025-12-24, 2025-12-24, 2025-05-30]
waarschuwing_werkdagen = 0
registratie_werkdagen = 0
"#,
        )
        .unwrap();
        assert_eq!(r.naam, "Ons reglement");
        assert_eq!(
            r.inwerkingtreding,
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        );
        assert_eq!(r.ontvangstbevestiging_werkdagen, 3);
        assert_eq!(r.afhandeltermijn_weken, 6);
        assert_eq!(r.beroepstermijn_weken, 3);
        assert_eq!(r.beroep_afhandeltermijn_weken, Some(4));
        assert!(!r.termijnenwet);
        assert!(r.goede_vrijdag);
        assert_eq!(r.sluitingsdagen.len(), 2);
        assert_eq!(r.waarschuwing_werkdagen, 0);
        assert_eq!(r.registratie_werkdagen, 0);
    }

    #[test]
    fn onbekende_sleutel() {
        let f = fout("afhandeltermijn = 4");
        assert!(
            f.contains("reglement.toml") && f.contains("afhandeltermijn"),
            "{f}"
        );
    }

    #[test]
    fn datum_als_tekst_is_een_verkeerd_type() {
        let f = fout(r#"inwerkingtreding = "2025-01-01""#);
        assert!(
            f.contains("inwerkingtreding") && f.contains("zonder aanhalingstekens"),
            "{f}"
        );
    }

    #[test]
    fn onmogelijke_waarden() {
        for (tekst, sleutel) in [
            ("afhandeltermijn_weken = 0", "afhandeltermijn_weken"),
            (
                "ontvangstbevestiging_werkdagen = -1",
                "ontvangstbevestiging_werkdagen",
            ),
            ("beroepstermijn_weken = 2.5", "beroepstermijn_weken"),
            (
                "beroep_afhandeltermijn_weken = 0",
                "beroep_afhandeltermijn_weken",
            ),
            ("waarschuwing_werkdagen = -1", "waarschuwing_werkdagen"),
            ("termijnenwet = \"ja\"", "termijnenwet"),
            ("sluitingsdagen = 2025-12-24", "sluitingsdagen"),
            ("sluitingsdagen = [\"2025-12-24\"]", "sluitingsdagen"),
            ("inwerkingtreding = 2025-01-01T10:00:00", "inwerkingtreding"),
            ("naam = 3", "naam"),
        ] {
            let f = fout(tekst);
            assert!(
                f.contains(sleutel) && f.contains("verwacht"),
                "{tekst}: {f}"
            );
        }
    }

    #[test]
    fn kapotte_toml_noemt_de_regel() {
        let f = fout("naam = \"x\"\nafhandeltermijn_weken = = 4\n");
        assert!(f.contains("regel 2"), "{f}");
        // The parser's message spans lines; the reason to stop is one line.
        let f = fout("afhandeltermijn_weken = \n");
        assert!(f.contains("regel 1") && !f.contains('\n'), "{f}");
    }

    #[test]
    fn een_tijdstip_is_geen_datum_en_wordt_getoond_zoals_geschreven() {
        let f = fout("inwerkingtreding = 2024-10-01T00:00:00\n");
        assert!(f.ends_with("gevonden 2024-10-01T00:00:00"), "{f}");
        let f = fout("termijnenwet = \"\"\"\nregel een\nregel twee\"\"\"\n");
        assert!(f.ends_with(r#"gevonden "regel een\nregel twee""#), "{f}");
    }
}
