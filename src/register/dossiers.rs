//! The case files: `zaken/<zaak>.md`, one Markdown narrative per complaint, and the
//! regulation's own text, `reglement.md`.

use std::collections::HashMap;

use super::codering::{self, Codering};
use super::samenhang::Bekend;
use super::toegang::{Registermap, Weigering, MAX_DOSSIER, MAX_REGLEMENT_MD};
use super::{Invoerfout, REGLEMENT_MD, ZAKEN_MAP};
use crate::model::Tekst;

/// The narrative of one case.
#[derive(Debug, Clone)]
pub struct Dossier {
    /// Relative to the register: `zaken/<zaak>.md`.
    pub bestand: String,
    pub tekst: String,
}

/// What reading the case files and `reglement.md` yields.
pub struct Teksten {
    pub dossiers: HashMap<Tekst, Dossier>,
    pub fouten: Vec<Invoerfout>,
    /// One per file read as Windows-1252 or UTF-16.
    pub notities: Vec<String>,
    pub reglement: Option<String>,
}

/// Reads every `zaken/*.md` (in name order) for the cases that are checked, and
/// `reglement.md`, each in the encoding it was saved in, as the CSV files are (see
/// [`codering`]). A file named after no case is an input error; so is one that is not
/// read (see [`toegang`](super::toegang): outside the register, no regular file, larger
/// than its bound, not UTF-8 throughout), and it is not shown.
///
/// The input error for a file named after no case names it only when `noembaar` says its
/// name may be shown (a case file may be named anything: after its complainant, say).
pub fn lees(
    register: &Registermap,
    ken: impl Fn(&str) -> Bekend,
    noembaar: impl Fn(&str) -> bool,
) -> Teksten {
    let mut dossiers = HashMap::new();
    let mut fouten = Vec::new();
    let mut notities = Vec::new();
    match register.map(ZAKEN_MAP) {
        Ok(map) => lees_map(
            register,
            &map,
            &ken,
            &noembaar,
            &mut dossiers,
            &mut fouten,
            &mut notities,
        ),
        Err(Weigering::Ontbreekt) => {}
        Err(weigering) => fouten.push(Invoerfout::bestand(ZAKEN_MAP, weigering.to_string())),
    }
    let reglement = match register.lees(REGLEMENT_MD, MAX_REGLEMENT_MD) {
        Ok(bytes) => match als_tekst(REGLEMENT_MD, bytes, &mut notities) {
            Some(tekst) => Some(tekst),
            None => {
                fouten.push(Invoerfout::bestand(
                    REGLEMENT_MD,
                    "geen geldige UTF-8-tekst; het reglement wordt niet getoond",
                ));
                None
            }
        },
        Err(Weigering::Ontbreekt) => None,
        Err(weigering) => {
            fouten.push(Invoerfout::bestand(
                REGLEMENT_MD,
                format!("bestand {weigering}; het reglement wordt niet getoond"),
            ));
            None
        }
    };
    Teksten {
        dossiers,
        fouten,
        notities,
        reglement,
    }
}

/// A file's bytes as text, decoded as a CSV file is; a note when it was not UTF-8. None
/// when it is UTF-8 with a byte further on that is not.
fn als_tekst(bestand: &str, bytes: Vec<u8>, notities: &mut Vec<String>) -> Option<String> {
    let (bytes, gelezen_als) = codering::naar_utf8(bytes);
    let tekst = String::from_utf8(bytes).ok()?;
    if gelezen_als != Codering::Utf8 {
        notities.push(format!(
            "{bestand}: gelezen als {}; bewaar het bestand liever als UTF-8",
            match gelezen_als {
                Codering::Windows1252 => "Windows-1252",
                _ => "UTF-16",
            }
        ));
    }
    Some(tekst)
}

/// The case files in the folder `map` (`zaken/`, resolved).
fn lees_map(
    register: &Registermap,
    map: &std::path::Path,
    ken: &impl Fn(&str) -> Bekend,
    noembaar: &impl Fn(&str) -> bool,
    dossiers: &mut HashMap<Tekst, Dossier>,
    fouten: &mut Vec<Invoerfout>,
    notities: &mut Vec<String>,
) {
    let namen = walkdir::WalkDir::new(map)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter();
    for item in namen {
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                fouten.push(Invoerfout::bestand(
                    ZAKEN_MAP,
                    format!("map niet volledig te lezen: {e}"),
                ));
                continue;
            }
        };
        let naam = item.file_name().to_string_lossy();
        let Some(zaak) = naam.strip_suffix(".md") else {
            continue;
        };
        let bestand = format!("{ZAKEN_MAP}/{naam}");
        match ken(zaak) {
            Bekend::Onbekend if noembaar(zaak) => fouten.push(Invoerfout {
                waarde: Some(zaak.to_string()),
                ..Invoerfout::bestand(
                    &bestand,
                    format!("zaakdossier voor {zaak}, maar die zaak staat niet in klachten.csv"),
                )
            }),
            Bekend::Onbekend => fouten.push(Invoerfout::bestand(
                ZAKEN_MAP,
                "een zaakdossier voor een zaak die niet in klachten.csv staat; de naam van het \
                 bestand is geen zaaknummer of kan persoonsgegevens bevatten en wordt niet getoond",
            )),
            Bekend::NietGecontroleerd => {}
            Bekend::Gecontroleerd(id) => match register.lees(&bestand, MAX_DOSSIER) {
                Ok(bytes) => match als_tekst(&bestand, bytes, notities) {
                    Some(tekst) => {
                        dossiers.insert(id, Dossier { bestand, tekst });
                    }
                    None => fouten.push(Invoerfout::bestand(
                        &bestand,
                        "geen geldige UTF-8-tekst; het dossier wordt niet getoond",
                    )),
                },
                Err(weigering) => fouten.push(Invoerfout::bestand(
                    &bestand,
                    format!("bestand {weigering}; het dossier wordt niet getoond"),
                )),
            },
        }
    }
}
