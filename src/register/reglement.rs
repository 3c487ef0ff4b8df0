//! `reglement.toml`: the regulation's parameters. Absent, the built-in defaults encode the
//! regulation of 1 October 2024. Present, it is read strictly: an unknown key, a wrong type
//! or an impossible value stops the run with the key and what was expected.
//!
//! The regulation changes over time (article 9). The top-level keys are its first version,
//! in force from `inwerkingtreding`; each `[[wijziging]]` block starts a new version on its
//! `vanaf`, setting any of the four terms (the others carry over). A case is judged by the
//! version in force on the day it was received ([`Reglement::versie_op`]). The calendar and
//! the warning and registration terms hold for every version.

use chrono::NaiveDate;
use serde::Deserialize;

use super::toegang::{Registermap, Weigering, MAX_REGLEMENT_TOML};
use super::REGLEMENT_TOML;
use crate::calendar::Kalender;
use crate::Fout;

/// The four terms a version of the regulation sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Termen {
    /// Art. 4.2: the acknowledgement is due within this many working days.
    pub ontvangstbevestiging_werkdagen: u32,
    /// Art. 4.3: the decision is due within this many weeks.
    pub afhandeltermijn_weken: u32,
    /// Art. 5: an appeal is made within this many weeks of the decision.
    pub beroepstermijn_weken: u32,
    /// Not in the regulation; when set, appeals must be decided within this many weeks.
    pub beroep_afhandeltermijn_weken: Option<u32>,
}

impl Default for Termen {
    fn default() -> Termen {
        Termen {
            ontvangstbevestiging_werkdagen: 5,
            afhandeltermijn_weken: 4,
            beroepstermijn_weken: 2,
            beroep_afhandeltermijn_weken: None,
        }
    }
}

impl Termen {
    /// Each term by its key in `reglement.toml`, in the file's order; `None` for a term
    /// that is not set.
    pub fn per_sleutel(&self) -> [(&'static str, Option<u32>); 4] {
        [
            (
                "ontvangstbevestiging_werkdagen",
                Some(self.ontvangstbevestiging_werkdagen),
            ),
            ("afhandeltermijn_weken", Some(self.afhandeltermijn_weken)),
            ("beroepstermijn_weken", Some(self.beroepstermijn_weken)),
            (
                "beroep_afhandeltermijn_weken",
                self.beroep_afhandeltermijn_weken,
            ),
        ]
    }
}

/// One version of the regulation: the terms in force from `vanaf` until the next version
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versie {
    /// `inwerkingtreding` for the first version, the wijziging's `vanaf` for the others.
    pub vanaf: NaiveDate,
    /// The regulation's name; a wijziging without one keeps the name before it.
    pub naam: String,
    /// Who decided the wijziging (`besluit`), when the file says so.
    pub besluit: Option<String>,
    pub termen: Termen,
    /// The line in `reglement.toml` of the key that sets `vanaf` (or `inwerkingtreding`);
    /// None where the file does not write it.
    pub line: Option<u32>,
}

/// The regulation's parameters: its versions, and the calendar they all share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reglement {
    /// The first version: the top-level keys, in force from `inwerkingtreding`.
    pub eerste: Versie,
    /// The versions each `[[wijziging]]` starts, in the order of their `vanaf` (each later
    /// than the one before it and than `inwerkingtreding`).
    pub wijzigingen: Vec<Versie>,
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
            eerste: Versie {
                vanaf: NaiveDate::from_ymd_opt(2024, 10, 1).unwrap_or_default(),
                naam: "Klachtenreglement Krachtig Perspectief".to_string(),
                besluit: None,
                termen: Termen::default(),
                line: None,
            },
            wijzigingen: Vec::new(),
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
                Ok(tekst) => Reglement::lees(&tekst).map(Reglement::afgeschermd),
                Err(_) => Err(Fout::new(format!(
                    "{REGLEMENT_TOML}: geen geldige UTF-8-tekst"
                ))),
            },
            Err(Weigering::Ontbreekt) => Ok(Reglement::default()),
            Err(weigering) => Err(Fout::new(format!("{REGLEMENT_TOML} {weigering}"))),
        }
    }

    /// The regulation as every output shows it: the names and decisions of its versions,
    /// which the site and the JSON output show, through `persoonsgegevens::toon` like every
    /// text of the register.
    fn afgeschermd(mut self) -> Reglement {
        let geen = crate::persoonsgegevens::Geheimen::GEEN;
        for versie in std::iter::once(&mut self.eerste).chain(self.wijzigingen.iter_mut()) {
            versie.naam = crate::persoonsgegevens::toon(&versie.naam, &geen).into_owned();
            if let Some(besluit) = &mut versie.besluit {
                *besluit = crate::persoonsgegevens::toon(besluit, &geen).into_owned();
            }
        }
        self
    }

    /// Parses the text of a `reglement.toml`.
    pub fn lees(tekst: &str) -> Result<Reglement, Fout> {
        let tabel: toml::Table = tekst.parse().map_err(|e: toml::de::Error| {
            let plek = e
                .span()
                .map(|s| format!(" (regel {})", regelnummer(tekst, s.start)))
                .unwrap_or_default();
            Fout::new(format!(
                "{REGLEMENT_TOML}: geen geldige TOML{plek}: {}",
                een_regel(e.message())
            ))
        })?;
        let mut reglement = Reglement::default();
        let mut wijzigingen = None;
        for (sleutel, waarde) in &tabel {
            let fout = |verwacht: &str| {
                Fout::new(format!(
                    "{REGLEMENT_TOML}: sleutel {sleutel}: verwacht {verwacht}, gevonden {}",
                    weergave(waarde)
                ))
            };
            match zet_term(&mut reglement.eerste.termen, sleutel, waarde) {
                Some(Ok(())) => continue,
                Some(Err(verwacht)) => return Err(fout(verwacht)),
                None => {}
            }
            match sleutel.as_str() {
                "naam" => reglement.eerste.naam = tekstwaarde(waarde).ok_or_else(|| fout(TEKST))?,
                "inwerkingtreding" => {
                    reglement.eerste.vanaf = toml_datum(waarde).ok_or_else(|| fout(DATUM))?
                }
                "termijnenwet" => {
                    reglement.termijnenwet = waarde.as_bool().ok_or_else(|| fout(JA_NEE))?
                }
                "goede_vrijdag" => {
                    reglement.goede_vrijdag = waarde.as_bool().ok_or_else(|| fout(JA_NEE))?
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
                        getal(waarde, 0).ok_or_else(|| fout(WERKDAGEN))?
                }
                "registratie_werkdagen" => {
                    reglement.registratie_werkdagen =
                        getal(waarde, 0).ok_or_else(|| fout(WERKDAGEN))?
                }
                "wijziging" => {
                    wijzigingen = Some(
                        waarde
                            .as_array()
                            .filter(|lijst| lijst.iter().all(toml::Value::is_table))
                            .ok_or_else(|| {
                                fout("[[wijziging]]-blokken, elk een tabel met ten minste vanaf")
                            })?,
                    )
                }
                _ => {
                    return Err(Fout::new(format!(
                        "{REGLEMENT_TOML}: onbekende sleutel {sleutel}; bekend zijn: {}",
                        SLEUTELS.join(", ")
                    )))
                }
            }
        }
        // Each wijziging carries over what the version before it set: read them in order,
        // after the first version is complete.
        for (i, blok) in wijzigingen.into_iter().flatten().enumerate() {
            let vorige = reglement.wijzigingen.last().unwrap_or(&reglement.eerste);
            let versie = wijziging(i + 1, blok, vorige)?;
            reglement.wijzigingen.push(versie);
        }
        reglement.plaats_regels(tekst);
        Ok(reglement)
    }

    /// Finds the lines on which the versions start, for findings that point at them. The
    /// text has been read without error; should the second reading fail all the same,
    /// the lines stay unknown.
    fn plaats_regels(&mut self, tekst: &str) {
        #[derive(Deserialize)]
        struct Plekken {
            inwerkingtreding: Option<toml::Spanned<toml::Value>>,
            #[serde(default)]
            wijziging: Vec<Wijzigingplek>,
        }
        #[derive(Deserialize)]
        struct Wijzigingplek {
            vanaf: Option<toml::Spanned<toml::Value>>,
        }
        let Ok(plekken) = toml::from_str::<Plekken>(tekst) else {
            return;
        };
        let regel = |waarde: &toml::Spanned<toml::Value>| regelnummer(tekst, waarde.span().start);
        self.eerste.line = plekken.inwerkingtreding.as_ref().map(regel);
        for (versie, plek) in self.wijzigingen.iter_mut().zip(&plekken.wijziging) {
            versie.line = plek.vanaf.as_ref().map(regel);
        }
    }

    /// The first day of the regulation: complaints received earlier fall outside it.
    pub fn inwerkingtreding(&self) -> NaiveDate {
        self.eerste.vanaf
    }

    /// Every version, the first first.
    pub fn versies(&self) -> impl DoubleEndedIterator<Item = &Versie> + Clone {
        std::iter::once(&self.eerste).chain(&self.wijzigingen)
    }

    /// The version in force on `dag`: the last whose start is on or before it. None
    /// before the regulation took effect.
    pub fn versie_op(&self, dag: NaiveDate) -> Option<&Versie> {
        // The wijzigingen are in order of `vanaf` (checked when read): a binary search,
        // as every case asks this, and a file may hold thousands of them.
        match self.wijzigingen.partition_point(|v| v.vanaf <= dag) {
            0 => (self.eerste.vanaf <= dag).then_some(&self.eerste),
            n => self.wijzigingen.get(n - 1),
        }
    }

    /// The version in force on `dag`, or the first when `dag` lies before it: the version
    /// a page names when it names one (its title, say).
    pub fn geldend_op(&self, dag: NaiveDate) -> &Versie {
        self.versie_op(dag).unwrap_or(&self.eerste)
    }

    /// The version that starts on `vanaf`.
    pub fn versie_vanaf(&self, vanaf: NaiveDate) -> Option<&Versie> {
        self.versies().find(|v| v.vanaf == vanaf)
    }

    /// The last day of `versie`: the day before the next version starts; None for the
    /// last version.
    pub fn tot(&self, versie: &Versie) -> Option<NaiveDate> {
        self.versies()
            .map(|v| v.vanaf)
            .find(|&vanaf| vanaf > versie.vanaf)
            .and_then(|vanaf| vanaf.pred_opt())
    }

    /// The versions in force on some day from `van` to `tot`, both included.
    pub fn versies_tussen(&self, van: NaiveDate, tot: NaiveDate) -> Vec<&Versie> {
        self.versies()
            .filter(|v| v.vanaf <= tot && self.tot(v).is_none_or(|eind| eind >= van))
            .collect()
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

/// What a date, a text and a term must look like, as the errors say.
const DATUM: &str = "een datum zonder aanhalingstekens, zoals 2024-10-01";
const TEKST: &str = "een niet-lege tekst tussen aanhalingstekens";
const TERMIJN: &str = "een geheel getal van minstens 1 en hoogstens 52000";
const WERKDAGEN: &str = "een geheel getal van minstens 0 en hoogstens 52000";
const JA_NEE: &str = "true of false";

/// Sets the term `sleutel` of `termen` from `waarde`. None when `sleutel` is no term;
/// `Some(Err(expected))` when the value is not a term.
fn zet_term(
    termen: &mut Termen,
    sleutel: &str,
    waarde: &toml::Value,
) -> Option<Result<(), &'static str>> {
    let term = || getal(waarde, 1).ok_or(TERMIJN);
    match sleutel {
        "ontvangstbevestiging_werkdagen" => {
            Some(term().map(|n| termen.ontvangstbevestiging_werkdagen = n))
        }
        "afhandeltermijn_weken" => Some(term().map(|n| termen.afhandeltermijn_weken = n)),
        "beroepstermijn_weken" => Some(term().map(|n| termen.beroepstermijn_weken = n)),
        "beroep_afhandeltermijn_weken" => {
            Some(term().map(|n| termen.beroep_afhandeltermijn_weken = Some(n)))
        }
        _ => None,
    }
}

/// Reads the `positie`-th `[[wijziging]]` block (1-based), which follows `vorige` (the
/// first version, for the first block).
fn wijziging(positie: usize, blok: &toml::Value, vorige: &Versie) -> Result<Versie, Fout> {
    let tabel = blok.as_table().cloned().unwrap_or_default();
    let vanaf = tabel.get("vanaf");
    // The block is named by its position, and by its start where that can be read.
    let wie = match vanaf.and_then(toml_datum) {
        Some(dag) => format!("wijziging {positie} (vanaf {dag})"),
        None => format!("wijziging {positie}"),
    };
    let mut versie = Versie {
        vanaf: vorige.vanaf,
        naam: vorige.naam.clone(),
        besluit: None,
        termen: vorige.termen,
        line: None,
    };
    for (sleutel, waarde) in &tabel {
        let fout = |verwacht: &str| {
            Fout::new(format!(
                "{REGLEMENT_TOML}: {wie}: sleutel {sleutel}: verwacht {verwacht}, gevonden {}",
                weergave(waarde)
            ))
        };
        match zet_term(&mut versie.termen, sleutel, waarde) {
            Some(Ok(())) => continue,
            Some(Err(verwacht)) => return Err(fout(verwacht)),
            None => {}
        }
        match sleutel.as_str() {
            "vanaf" => versie.vanaf = toml_datum(waarde).ok_or_else(|| fout(DATUM))?,
            "naam" => versie.naam = tekstwaarde(waarde).ok_or_else(|| fout(TEKST))?,
            "besluit" => versie.besluit = Some(tekstwaarde(waarde).ok_or_else(|| fout(TEKST))?),
            _ => {
                let waarom = if SLEUTELS.contains(&sleutel.as_str()) {
                    "hoort bovenaan het bestand, niet in een wijziging"
                } else {
                    "is onbekend"
                };
                return Err(Fout::new(format!(
                    "{REGLEMENT_TOML}: {wie}: sleutel {sleutel} {waarom}; een wijziging kent: {}",
                    WIJZIGINGSSLEUTELS.join(", ")
                )));
            }
        }
    }
    if vanaf.is_none() {
        return Err(Fout::new(format!(
            "{REGLEMENT_TOML}: {wie}: sleutel vanaf ontbreekt: een wijziging noemt de dag \
             vanaf wanneer zij geldt, zoals vanaf = 2026-01-01"
        )));
    }
    if versie.vanaf <= vorige.vanaf {
        let eerder = if positie == 1 {
            format!("inwerkingtreding ({})", vorige.vanaf)
        } else {
            format!("de vanaf van wijziging {} ({})", positie - 1, vorige.vanaf)
        };
        return Err(Fout::new(format!(
            "{REGLEMENT_TOML}: {wie}: sleutel vanaf: moet later zijn dan {eerder}; \
             wijzigingen staan in de volgorde waarin zij ingaan"
        )));
    }
    Ok(versie)
}

/// The top-level keys.
const SLEUTELS: [&str; 12] = [
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
    "wijziging",
];

/// The keys of a `[[wijziging]]` block.
const WIJZIGINGSSLEUTELS: [&str; 7] = [
    "vanaf",
    "naam",
    "besluit",
    "ontvangstbevestiging_werkdagen",
    "afhandeltermijn_weken",
    "beroepstermijn_weken",
    "beroep_afhandeltermijn_weken",
];

/// The line (1-based) of byte `offset` of `tekst`.
fn regelnummer(tekst: &str, offset: usize) -> u32 {
    let voor = tekst.as_bytes().get(..offset).unwrap_or_default();
    let n = voor.iter().filter(|&&b| b == b'\n').count() + 1;
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A text that is not empty.
fn tekstwaarde(waarde: &toml::Value) -> Option<String> {
    waarde
        .as_str()
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

/// A whole number of at least `minimum` and at most [`MAX_TERMIJN`].
fn getal(waarde: &toml::Value, minimum: i64) -> Option<u32> {
    let n = waarde.as_integer()?;
    (minimum..=MAX_TERMIJN).contains(&n).then_some(n as u32)
}

/// The largest term, in weeks or working days: a thousand years of weeks. Terms beyond it
/// are no terms; the bound keeps every date computed from a term within chrono's range.
const MAX_TERMIJN: i64 = 52_000;

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

    fn d(tekst: &str) -> NaiveDate {
        NaiveDate::parse_from_str(tekst, "%Y-%m-%d").unwrap()
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
        assert_eq!(r.eerste.naam, "Ons reglement");
        assert_eq!(r.inwerkingtreding(), d("2025-01-01"));
        assert_eq!(r.eerste.line, Some(3));
        assert_eq!(
            r.eerste.termen,
            Termen {
                ontvangstbevestiging_werkdagen: 3,
                afhandeltermijn_weken: 6,
                beroepstermijn_weken: 3,
                beroep_afhandeltermijn_weken: Some(4),
            }
        );
        assert!(r.wijzigingen.is_empty());
        assert!(!r.termijnenwet);
        assert!(r.goede_vrijdag);
        assert_eq!(r.sluitingsdagen.len(), 2);
        assert_eq!(r.waarschuwing_werkdagen, 0);
        assert_eq!(r.registratie_werkdagen, 0);
    }

    const MET_WIJZIGINGEN: &str = r#"naam = "Klachtenreglement"
inwerkingtreding = 2024-10-01
beroepstermijn_weken = 3

[[wijziging]]
vanaf = 2026-01-01
ontvangstbevestiging_werkdagen = 3
afhandeltermijn_weken = 6
besluit = "Directiebesluit 2025-14"

[[wijziging]]
naam = "Klachtenregeling"
vanaf = 2026-07-01
beroep_afhandeltermijn_weken = 4
"#;

    #[test]
    fn wijzigingen_nemen_de_termijnen_van_de_versie_ervoor_over() {
        let r = Reglement::lees(MET_WIJZIGINGEN).unwrap();
        let versies: Vec<&Versie> = r.versies().collect();
        assert_eq!(versies.len(), 3);
        assert_eq!(
            versies.iter().map(|v| v.vanaf).collect::<Vec<_>>(),
            [d("2024-10-01"), d("2026-01-01"), d("2026-07-01")]
        );
        assert_eq!(
            versies.iter().map(|v| v.line).collect::<Vec<_>>(),
            [Some(2), Some(6), Some(13)]
        );
        let termen: Vec<Termen> = versies.iter().map(|v| v.termen).collect();
        assert_eq!(
            termen[1],
            Termen {
                ontvangstbevestiging_werkdagen: 3,
                afhandeltermijn_weken: 6,
                beroepstermijn_weken: 3,
                beroep_afhandeltermijn_weken: None,
            }
        );
        assert_eq!(
            termen[2],
            Termen {
                beroep_afhandeltermijn_weken: Some(4),
                ..termen[1]
            }
        );
        // The name carries over, the decision is the wijziging's own.
        assert_eq!(versies[1].naam, "Klachtenreglement");
        assert_eq!(versies[2].naam, "Klachtenregeling");
        assert_eq!(
            versies[1].besluit.as_deref(),
            Some("Directiebesluit 2025-14")
        );
        assert_eq!(versies[2].besluit, None);
    }

    #[test]
    fn de_versie_van_een_dag() {
        let r = Reglement::lees(MET_WIJZIGINGEN).unwrap();
        let vanaf = |dag: &str| r.versie_op(d(dag)).map(|v| v.vanaf);
        assert_eq!(vanaf("2024-09-30"), None);
        assert_eq!(vanaf("2024-10-01"), Some(d("2024-10-01")));
        assert_eq!(vanaf("2025-12-31"), Some(d("2024-10-01")));
        assert_eq!(vanaf("2026-01-01"), Some(d("2026-01-01")));
        assert_eq!(vanaf("2026-06-30"), Some(d("2026-01-01")));
        assert_eq!(vanaf("2030-01-01"), Some(d("2026-07-01")));
        assert_eq!(r.geldend_op(d("2020-01-01")).vanaf, d("2024-10-01"));
        assert_eq!(r.tot(&r.eerste), Some(d("2025-12-31")));
        assert_eq!(r.tot(&r.wijzigingen[1]), None);
        let tussen = |van: &str, tot: &str| -> Vec<NaiveDate> {
            r.versies_tussen(d(van), d(tot))
                .iter()
                .map(|v| v.vanaf)
                .collect()
        };
        assert_eq!(tussen("2025-01-01", "2025-12-31"), [d("2024-10-01")]);
        assert_eq!(
            tussen("2025-10-01", "2026-03-31"),
            [d("2024-10-01"), d("2026-01-01")]
        );
        assert_eq!(tussen("2026-01-01", "2026-03-31"), [d("2026-01-01")]);
        assert_eq!(tussen("2023-01-01", "2023-12-31"), Vec::<NaiveDate>::new());
    }

    #[test]
    fn lege_lijst_van_wijzigingen() {
        let r = Reglement::lees("wijziging = []\n").unwrap();
        assert_eq!(r, Reglement::default());
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
            ("wijziging = 3", "wijziging"),
            ("[wijziging]\nvanaf = 2026-01-01", "wijziging"),
        ] {
            let f = fout(tekst);
            assert!(
                f.contains(sleutel) && f.contains("verwacht") && !f.contains('\n'),
                "{tekst}: {f}"
            );
        }
    }

    /// Every configuration error of a wijziging is one line that names the file, the
    /// wijziging (by its vanaf where it can be read, always by its position) and the key.
    #[test]
    fn fouten_in_een_wijziging() {
        let begin = "inwerkingtreding = 2024-10-01\n\n[[wijziging]]\nvanaf = 2026-01-01\n";
        for (blokken, wie, sleutel, wat) in [
            // An unknown key.
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nafhandeltermijn = 6\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "afhandeltermijn",
                "onbekend",
            ),
            // Keys that hold for every version stay at the top.
            (
                "[[wijziging]]\nvanaf = 2026-07-01\ntermijnenwet = false\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "termijnenwet",
                "bovenaan",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nsluitingsdagen = [2026-12-24]\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "sluitingsdagen",
                "bovenaan",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nwaarschuwing_werkdagen = 1\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "waarschuwing_werkdagen",
                "bovenaan",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nregistratie_werkdagen = 1\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "registratie_werkdagen",
                "bovenaan",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\ngoede_vrijdag = true\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "goede_vrijdag",
                "bovenaan",
            ),
            (
                "[[wijziging]]\ninwerkingtreding = 2026-07-01\n",
                "wijziging 2",
                "inwerkingtreding",
                "bovenaan",
            ),
            // A missing vanaf.
            (
                "[[wijziging]]\nafhandeltermijn_weken = 6\n",
                "wijziging 2",
                "vanaf",
                "ontbreekt",
            ),
            // Out of order, or on the same day as the one before.
            (
                "[[wijziging]]\nvanaf = 2025-07-01\n",
                "wijziging 2 (vanaf 2025-07-01)",
                "vanaf",
                "later zijn dan de vanaf van wijziging 1 (2026-01-01)",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-01-01\n",
                "wijziging 2 (vanaf 2026-01-01)",
                "vanaf",
                "later zijn dan de vanaf van wijziging 1",
            ),
            // Bad values.
            (
                "[[wijziging]]\nvanaf = \"2026-07-01\"\n",
                "wijziging 2",
                "vanaf",
                "zonder aanhalingstekens",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01T00:00:00\n",
                "wijziging 2",
                "vanaf",
                "verwacht een datum",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nafhandeltermijn_weken = 0\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "afhandeltermijn_weken",
                "minstens 1",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nberoep_afhandeltermijn_weken = \"4\"\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "beroep_afhandeltermijn_weken",
                "minstens 1",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nbesluit = \"\"\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "besluit",
                "niet-lege tekst",
            ),
            (
                "[[wijziging]]\nvanaf = 2026-07-01\nnaam = 7\n",
                "wijziging 2 (vanaf 2026-07-01)",
                "naam",
                "niet-lege tekst",
            ),
        ] {
            let tekst = format!("{begin}\n{blokken}");
            let f = fout(&tekst);
            let verwacht = format!("reglement.toml: {wie}: sleutel {sleutel}");
            assert!(
                f.starts_with(&verwacht),
                "{tekst}\n{f}\nverwacht: {verwacht}"
            );
            assert!(f.contains(wat), "{tekst}\n{f}");
            assert!(!f.contains('\n'), "{f}");
        }
    }

    #[test]
    fn de_eerste_wijziging_begint_na_de_inwerkingtreding() {
        for vanaf in ["2024-10-01", "2024-06-01"] {
            let f = fout(&format!(
                "inwerkingtreding = 2024-10-01\n[[wijziging]]\nvanaf = {vanaf}\n"
            ));
            assert_eq!(
                f,
                format!(
                    "reglement.toml: wijziging 1 (vanaf {vanaf}): sleutel vanaf: moet later \
                     zijn dan inwerkingtreding (2024-10-01); wijzigingen staan in de volgorde \
                     waarin zij ingaan"
                )
            );
        }
        // Also when inwerkingtreding is left at its default.
        let f = fout("[[wijziging]]\nvanaf = 2024-01-01\n");
        assert!(f.contains("inwerkingtreding (2024-10-01)"), "{f}");
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
