//! Reading the register: `klachten.csv`, `gebeurtenissen.csv`, the optional
//! `reglement.toml` and the case files under `zaken/`, into a typed [`Register`].
//!
//! Every row that cannot be used becomes an [`Invoerfout`] naming file, line, column and
//! value; the rest is still loaded. The peildatum is applied here: cases received and
//! events dated after it are left out (and counted), so that the register's state at any
//! past day can be reproduced.

mod dossiers;
mod reglement;
pub mod tabel;

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

pub use dossiers::Dossier;
pub use reglement::Reglement;

use crate::model::{Dienst, Gebeurtenis, Kanaal, Oordeel, Soort, Tekst, Zaak};
use crate::rules::RegelId;
use crate::Fout;
use tabel::{Kolom, Leesfout, Rij, Tabel};

pub const KLACHTEN_CSV: &str = "klachten.csv";
pub const GEBEURTENISSEN_CSV: &str = "gebeurtenissen.csv";
pub const REGLEMENT_TOML: &str = "reglement.toml";
pub const REGLEMENT_MD: &str = "reglement.md";
pub const ZAKEN_MAP: &str = "zaken";

/// An input error: a record, value or file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Invoerfout {
    /// Relative to the register, with `/`.
    pub bestand: String,
    pub line: Option<u32>,
    pub kolom: Option<String>,
    pub waarde: Option<String>,
    pub bericht: String,
}

impl Invoerfout {
    fn bestand(bestand: &str, bericht: impl Into<String>) -> Invoerfout {
        Invoerfout {
            bestand: bestand.to_string(),
            line: None,
            kolom: None,
            waarde: None,
            bericht: bericht.into(),
        }
    }

    fn rij(bestand: &str, line: u32, bericht: impl Into<String>) -> Invoerfout {
        Invoerfout {
            line: Some(line),
            ..Invoerfout::bestand(bestand, bericht)
        }
    }

    fn veld(
        bestand: &str,
        line: u32,
        kolom: &str,
        waarde: &str,
        bericht: impl Into<String>,
    ) -> Invoerfout {
        Invoerfout {
            bestand: bestand.to_string(),
            line: Some(line),
            kolom: Some(kolom.to_string()),
            waarde: Some(waarde.to_string()),
            bericht: bericht.into(),
        }
    }
}

/// How many records were read and what became of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Telling {
    /// Every record of klachten.csv, valid or not.
    pub zaken_gelezen: usize,
    /// Records of klachten.csv that are invalid (their case is not checked).
    pub zaken_ongeldig: usize,
    /// Valid cases received after the peildatum.
    pub zaken_na_peildatum: usize,
    /// Every record of gebeurtenissen.csv, valid or not.
    pub gebeurtenissen_gelezen: usize,
    pub gebeurtenissen_ongeldig: usize,
    /// Valid events dated after the peildatum.
    pub gebeurtenissen_na_peildatum: usize,
}

/// The register as loaded at one peildatum.
#[derive(Debug)]
pub struct Register {
    pub pad: PathBuf,
    pub peildatum: NaiveDate,
    pub reglement: Reglement,
    /// Valid cases received on or before the peildatum, in file order, each with its
    /// valid events up to the peildatum.
    pub zaken: Vec<Zaak>,
    /// Case files by zaak, for the cases in `zaken`.
    pub dossiers: HashMap<Tekst, Dossier>,
    /// The regulation's own text (`reglement.md`), when present.
    pub reglement_tekst: Option<String>,
    /// Sorted by file, line and column.
    pub invoerfouten: Vec<Invoerfout>,
    /// Non-fatal remarks on the files (unknown columns), in Dutch.
    pub waarschuwingen: Vec<String>,
    pub telling: Telling,
}

pub(crate) mod k {
    //! Column indices of klachten.csv, in the order of `KLACHTEN_KOLOMMEN`.
    pub const ZAAK: usize = 0;
    pub const ONTVANGEN: usize = 1;
    pub const KANAAL: usize = 2;
    pub const DIENST: usize = 3;
    pub const BEHANDELAAR: usize = 4;
    pub const KLAGER: usize = 5;
    pub const CONTACT: usize = 6;
    pub const OMSCHRIJVING: usize = 7;
    pub const CATEGORIE: usize = 8;
    pub const BEKLAAGDE: usize = 9;
}

pub(crate) const KLACHTEN_KOLOMMEN: [Kolom; 10] = [
    Kolom {
        naam: "zaak",
        verplicht: true,
    },
    Kolom {
        naam: "ontvangen",
        verplicht: true,
    },
    Kolom {
        naam: "kanaal",
        verplicht: true,
    },
    Kolom {
        naam: "dienst",
        verplicht: true,
    },
    Kolom {
        naam: "behandelaar",
        verplicht: true,
    },
    Kolom {
        naam: "klager",
        verplicht: false,
    },
    Kolom {
        naam: "contact",
        verplicht: false,
    },
    Kolom {
        naam: "omschrijving",
        verplicht: false,
    },
    Kolom {
        naam: "categorie",
        verplicht: false,
    },
    Kolom {
        naam: "beklaagde",
        verplicht: false,
    },
];

pub(crate) mod g {
    //! Column indices of gebeurtenissen.csv, in the order of `GEBEURTENISSEN_KOLOMMEN`.
    pub const ZAAK: usize = 0;
    pub const DATUM: usize = 1;
    pub const SOORT: usize = 2;
    pub const DOOR: usize = 3;
    pub const OORDEEL: usize = 4;
    pub const TERMIJN: usize = 5;
    pub const TOELICHTING: usize = 6;
    pub const REGEL: usize = 7;
}

pub(crate) const GEBEURTENISSEN_KOLOMMEN: [Kolom; 8] = [
    Kolom {
        naam: "zaak",
        verplicht: true,
    },
    Kolom {
        naam: "datum",
        verplicht: true,
    },
    Kolom {
        naam: "soort",
        verplicht: true,
    },
    Kolom {
        naam: "door",
        verplicht: false,
    },
    Kolom {
        naam: "oordeel",
        verplicht: false,
    },
    Kolom {
        naam: "termijn",
        verplicht: false,
    },
    Kolom {
        naam: "toelichting",
        verplicht: false,
    },
    Kolom {
        naam: "regel",
        verplicht: false,
    },
];

/// Whether `id` is a valid case number: 1 to 64 ASCII letters, digits, `-`, `_`, `.`, not
/// starting with `.`. This also makes it safe as a file name on the site.
pub fn is_geldig_zaaknummer(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Interns repeated texts (handlers, staff, categories) so each is stored once.
#[derive(Default)]
struct Interner(FxHashMap<Box<str>, Tekst>);

impl Interner {
    fn tekst(&mut self, waarde: &str) -> Tekst {
        if let Some(t) = self.0.get(waarde) {
            return t.clone();
        }
        let t: Tekst = Arc::from(waarde);
        self.0.insert(waarde.into(), t.clone());
        t
    }

    fn optie(&mut self, waarde: &str) -> Option<Tekst> {
        (!waarde.is_empty()).then(|| self.tekst(waarde))
    }
}

fn optie(waarde: &str) -> Option<Box<str>> {
    (!waarde.is_empty()).then(|| waarde.into())
}

impl Register {
    /// Loads the register in `pad` as it stands at `peildatum`.
    ///
    /// Fails (the check cannot run) only when the folder or `klachten.csv` is missing or
    /// unreadable, or `reglement.toml` is invalid; everything else is an input error.
    pub fn laad(pad: &Path, peildatum: NaiveDate) -> Result<Register, Fout> {
        if !pad.is_dir() {
            return Err(Fout::new(format!(
                "register niet gevonden: {} is geen map",
                pad.display()
            )));
        }
        let reglement = Reglement::laad(pad)?;
        let klachten_pad = pad.join(KLACHTEN_CSV);
        let gebeurtenissen_pad = pad.join(GEBEURTENISSEN_CSV);

        // The two files are independent until events are matched to cases: read both at
        // once, on both cores.
        let (klachten, gebeurtenissen) = rayon::join(
            || lees_klachten(&klachten_pad),
            || lees_gebeurtenissen(&gebeurtenissen_pad),
        );
        let mut klachten = klachten?;
        let gebeurtenissen = gebeurtenissen.map(|mut g| {
            g.koppel(
                &klachten.index,
                &klachten.ongeldige_ids,
                &mut klachten.zaken,
            );
            g
        });

        let mut register = Register {
            pad: pad.to_path_buf(),
            peildatum,
            reglement,
            zaken: Vec::new(),
            dossiers: HashMap::new(),
            reglement_tekst: None,
            invoerfouten: klachten.fouten,
            waarschuwingen: klachten.waarschuwingen,
            telling: Telling {
                zaken_gelezen: klachten.gelezen,
                zaken_ongeldig: klachten.ongeldig,
                ..Telling::default()
            },
        };
        // Cases in klachten.csv that are not checked: invalid rows and those received
        // after the peildatum. A case file for one of them is no error.
        let mut niet_gecontroleerd = klachten.ongeldige_ids;
        niet_gecontroleerd.extend(
            klachten
                .zaken
                .iter()
                .filter(|z| z.ontvangen > peildatum)
                .map(|z| Box::from(&*z.id)),
        );
        register.koppel(klachten.zaken, gebeurtenissen);
        register.lees_dossiers(&niet_gecontroleerd);
        register.invoerfouten.sort();
        Ok(register)
    }

    /// Matches events to their cases, orders and validates them per case, and applies
    /// the peildatum.
    fn koppel(&mut self, zaken: Vec<Zaak>, gebeurtenissen: Result<Gebeurtenissen, Invoerfout>) {
        let peildatum = self.peildatum;
        let mut gebeurtenissen = match gebeurtenissen {
            Ok(g) => g,
            Err(fout) => {
                self.invoerfouten.push(fout);
                Gebeurtenissen::default()
            }
        };
        self.telling.gebeurtenissen_gelezen = gebeurtenissen.gelezen;
        self.telling.gebeurtenissen_ongeldig = gebeurtenissen.ongeldig;
        self.invoerfouten.append(&mut gebeurtenissen.fouten);
        self.waarschuwingen
            .append(&mut gebeurtenissen.waarschuwingen);

        self.zaken = zaken;
        let voor = self.zaken.len();
        let mut na_peildatum = 0;
        self.zaken.retain(|zaak| {
            let later = zaak.ontvangen > peildatum;
            if later {
                na_peildatum += zaak.gebeurtenissen.len();
            }
            !later
        });
        self.telling.zaken_na_peildatum = voor - self.zaken.len();
        self.telling.gebeurtenissen_na_peildatum += na_peildatum;
        let mut zaken = std::mem::take(&mut self.zaken);
        for zaak in &mut zaken {
            self.orden_gebeurtenissen(zaak);
        }
        self.zaken = zaken;
    }

    /// Puts a case's events in date order (file order within a day), leaves out those after
    /// the peildatum, and rejects those that cannot stand where they are.
    fn orden_gebeurtenissen(&mut self, zaak: &mut Zaak) {
        let peildatum = self.peildatum;
        // Stable: events on the same date keep their file order.
        zaak.gebeurtenissen.sort_by_key(|g| g.datum);
        let voor = zaak.gebeurtenissen.len();
        zaak.gebeurtenissen.retain(|g| g.datum <= peildatum);
        self.telling.gebeurtenissen_na_peildatum += voor - zaak.gebeurtenissen.len();

        let (mut uitspraak, mut beroep, mut afsluiting) = (false, false, false);
        let mut fouten = Vec::new();
        zaak.gebeurtenissen.retain(|g| {
            let fout = if g.datum < zaak.ontvangen {
                Some((
                    "datum",
                    g.datum.format("%Y-%m-%d").to_string(),
                    format!(
                        "gebeurtenis gedateerd voor de ontvangst van de klacht ({})",
                        zaak.ontvangen.format("%d-%m-%Y")
                    ),
                ))
            } else {
                match g.soort {
                    Soort::Beroep if !uitspraak => Some((
                        "soort",
                        g.soort.naam().to_string(),
                        "beroep zonder eerdere uitspraak".to_string(),
                    )),
                    Soort::Beroepsuitspraak if !beroep => Some((
                        "soort",
                        g.soort.naam().to_string(),
                        "beroepsuitspraak zonder eerder beroep".to_string(),
                    )),
                    Soort::Heropend if !afsluiting => Some((
                        "soort",
                        g.soort.naam().to_string(),
                        "heropend zonder eerdere afsluiting".to_string(),
                    )),
                    _ => None,
                }
            };
            if let Some((kolom, waarde, bericht)) = fout {
                fouten.push(Invoerfout::veld(
                    GEBEURTENISSEN_CSV,
                    g.line,
                    kolom,
                    &waarde,
                    bericht,
                ));
                return false;
            }
            match g.soort {
                Soort::Uitspraak => uitspraak = true,
                Soort::Beroep => beroep = true,
                Soort::Afsluiting => afsluiting = true,
                _ => {}
            }
            true
        });
        self.telling.gebeurtenissen_ongeldig += fouten.len();
        self.invoerfouten.append(&mut fouten);
    }

    fn lees_dossiers(&mut self, niet_gecontroleerd: &HashSet<Box<str>>) {
        let gecontroleerd: HashMap<&str, &Tekst> =
            self.zaken.iter().map(|z| (&*z.id, &z.id)).collect();
        let (dossiers, mut fouten, tekst) =
            dossiers::lees(&self.pad, |naam| match gecontroleerd.get(naam) {
                Some(id) => dossiers::Bekend::Gecontroleerd((*id).clone()),
                None if niet_gecontroleerd.contains(naam) => dossiers::Bekend::NietGecontroleerd,
                None => dossiers::Bekend::Onbekend,
            });
        self.invoerfouten.append(&mut fouten);
        self.dossiers = dossiers;
        self.reglement_tekst = tekst;
    }
}

/// What reading klachten.csv yields.
struct Klachten {
    zaken: Vec<Zaak>,
    /// Zaak → its index in `zaken`.
    index: FxHashMap<Tekst, u32>,
    ongeldige_ids: HashSet<Box<str>>,
    fouten: Vec<Invoerfout>,
    waarschuwingen: Vec<String>,
    gelezen: usize,
    ongeldig: usize,
}

fn open_tabel(
    pad: &Path,
    bestand: &str,
    kolommen: &[Kolom],
) -> Result<(Tabel, Vec<Invoerfout>, Vec<String>), Leesfout> {
    let tabel = Tabel::open(pad, kolommen)?;
    let fouten = tabel
        .ontbrekende_kolommen
        .iter()
        .map(|kolom| Invoerfout {
            bestand: bestand.to_string(),
            line: Some(1),
            kolom: Some((*kolom).to_string()),
            waarde: None,
            bericht: format!("verplichte kolom {kolom} ontbreekt in de kopregel"),
        })
        .collect();
    let waarschuwingen = if tabel.onbekende_kolommen.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{bestand}: onbekende kolom(men) genegeerd: {}",
            tabel.onbekende_kolommen.join(", ")
        )]
    };
    Ok((tabel, fouten, waarschuwingen))
}

fn lees_klachten(pad: &Path) -> Result<Klachten, Fout> {
    let (mut tabel, fouten, waarschuwingen) = open_tabel(pad, KLACHTEN_CSV, &KLACHTEN_KOLOMMEN)
        .map_err(|fout| match fout {
            Leesfout::Ontbreekt => Fout::new(format!("{} ontbreekt", pad.display())),
            Leesfout::Onleesbaar(e) => {
                Fout::new(format!("{} is niet te lezen: {e}", pad.display()))
            }
        })?;
    let mut uit = Klachten {
        zaken: Vec::new(),
        index: FxHashMap::default(),
        ongeldige_ids: Default::default(),
        fouten,
        waarschuwingen,
        gelezen: 0,
        ongeldig: 0,
    };
    let kolommen_compleet = tabel.ontbrekende_kolommen.is_empty();
    let mut namen = Interner::default();
    while let Some(rij) = tabel.volgende() {
        uit.gelezen += 1;
        let rij = match rij {
            Ok(rij) => rij,
            Err(fout) => {
                uit.ongeldig += 1;
                uit.fouten
                    .push(Invoerfout::rij(KLACHTEN_CSV, fout.line, fout.bericht));
                continue;
            }
        };
        let voor = uit.fouten.len();
        let zaak = if kolommen_compleet {
            lees_zaak(&rij, &mut uit.fouten, &mut namen)
        } else {
            // The file's error already says which column is missing; no row can be valid.
            None
        };
        match zaak {
            Some(zaak) => {
                if let Some(&eerste) = uit.index.get(&zaak.id) {
                    uit.ongeldig += 1;
                    let regel = uit.zaken[eerste as usize].line;
                    uit.fouten.push(Invoerfout::veld(
                        KLACHTEN_CSV,
                        rij.line,
                        "zaak",
                        &zaak.id,
                        format!("zaak {} komt al voor op regel {regel}", zaak.id),
                    ));
                } else {
                    uit.index.insert(zaak.id.clone(), uit.zaken.len() as u32);
                    uit.zaken.push(zaak);
                }
            }
            None => {
                uit.ongeldig += 1;
                debug_assert!(uit.fouten.len() > voor || !kolommen_compleet);
                if let Ok(id) = rij.ruw(k::ZAAK) {
                    if !id.is_empty() && !uit.index.contains_key(id) {
                        uit.ongeldige_ids.insert(id.into());
                    }
                }
            }
        }
    }
    Ok(uit)
}

/// Reads one row of klachten.csv; every problem becomes an input error.
fn lees_zaak(rij: &Rij<'_>, fouten: &mut Vec<Invoerfout>, namen: &mut Interner) -> Option<Zaak> {
    let mut veld = Veldlezer {
        bestand: KLACHTEN_CSV,
        rij,
        kolommen: &KLACHTEN_KOLOMMEN,
        fouten,
        geldig: true,
    };
    let id = veld.verplicht(k::ZAAK).unwrap_or_default();
    if !id.is_empty() && !is_geldig_zaaknummer(id) {
        veld.fout(
            k::ZAAK,
            id,
            "ongeldig zaaknummer: 1 tot 64 letters, cijfers, '-', '_' of '.', niet beginnend met '.'",
        );
    }
    let ontvangen = veld.datum(k::ONTVANGEN, true);
    let kanaal = veld.keuze(
        k::KANAAL,
        Kanaal::parse,
        "brief, email, webformulier, telefoon of mondeling",
    );
    let dienst = veld.keuze(
        k::DIENST,
        Dienst::parse,
        "preventie, re-integratie, casemanagement of overig",
    );
    let behandelaar = veld.verplicht(k::BEHANDELAAR).map(|b| namen.tekst(b));
    let klager = veld.tekst(k::KLAGER).and_then(optie);
    let contact = veld.tekst(k::CONTACT).and_then(optie);
    let omschrijving = veld.tekst(k::OMSCHRIJVING).and_then(optie);
    let categorie = veld.tekst(k::CATEGORIE).and_then(|c| namen.optie(c));
    let beklaagde = veld.tekst(k::BEKLAAGDE).and_then(|b| namen.optie(b));
    if !veld.geldig {
        return None;
    }
    Some(Zaak {
        id: Arc::from(id),
        ontvangen: ontvangen?,
        kanaal: kanaal?,
        dienst: dienst?,
        behandelaar: behandelaar?,
        klager,
        contact,
        omschrijving,
        categorie,
        beklaagde,
        line: rij.line,
        gebeurtenissen: Vec::new(),
    })
}

/// Reads typed values out of one row, collecting an input error for each bad one.
struct Veldlezer<'r, 'a> {
    bestand: &'static str,
    rij: &'r Rij<'a>,
    kolommen: &'static [Kolom],
    fouten: &'r mut Vec<Invoerfout>,
    geldig: bool,
}

impl<'a> Veldlezer<'_, 'a> {
    fn fout(&mut self, kolom: usize, waarde: &str, bericht: impl Into<String>) {
        self.geldig = false;
        self.fouten.push(Invoerfout::veld(
            self.bestand,
            self.rij.line,
            self.kolommen[kolom].naam,
            waarde,
            bericht,
        ));
    }

    /// The trimmed text of a column; None (with an error) when it is not UTF-8.
    fn tekst(&mut self, kolom: usize) -> Option<&'a str> {
        match self.rij.ruw(kolom) {
            Ok(tekst) => Some(tekst),
            Err(waarde) => {
                self.fout(kolom, &waarde, "geen geldige UTF-8-tekst");
                None
            }
        }
    }

    fn verplicht(&mut self, kolom: usize) -> Option<&'a str> {
        let tekst = self.tekst(kolom)?;
        if tekst.is_empty() {
            self.fout(
                kolom,
                "",
                format!("verplichte waarde {} ontbreekt", self.kolommen[kolom].naam),
            );
            return None;
        }
        Some(tekst)
    }

    fn datum(&mut self, kolom: usize, verplicht: bool) -> Option<NaiveDate> {
        let tekst = if verplicht {
            self.verplicht(kolom)?
        } else {
            self.tekst(kolom).filter(|t| !t.is_empty())?
        };
        match tabel::datum(tekst) {
            Ok(datum) => Some(datum),
            Err(fout) => {
                self.fout(kolom, tekst, fout.bericht());
                None
            }
        }
    }

    fn keuze<T>(
        &mut self,
        kolom: usize,
        parse: fn(&str) -> Option<T>,
        toegestaan: &str,
    ) -> Option<T> {
        let tekst = self.verplicht(kolom)?;
        let waarde = parse(tekst);
        if waarde.is_none() {
            self.fout(
                kolom,
                tekst,
                format!(
                    "onbekende waarde voor {}: verwacht {toegestaan}",
                    self.kolommen[kolom].naam
                ),
            );
        }
        waarde
    }
}

/// What reading gebeurtenissen.csv yields: the valid events grouped by zaak, in file order.
#[derive(Default)]
struct Gebeurtenissen {
    /// Zaak → its group in `groepen`.
    index: FxHashMap<Box<str>, u32>,
    groepen: Vec<Vec<Gebeurtenis>>,
    fouten: Vec<Invoerfout>,
    waarschuwingen: Vec<String>,
    gelezen: usize,
    ongeldig: usize,
}

impl Gebeurtenissen {
    /// Hands each group to its case. Events of an unknown case are input errors; those of a
    /// case whose own row is invalid go unchecked with it.
    fn koppel(
        &mut self,
        zaken_index: &FxHashMap<Tekst, u32>,
        ongeldige_ids: &HashSet<Box<str>>,
        zaken: &mut [Zaak],
    ) {
        for (id, &groep) in &self.index {
            let groep = std::mem::take(&mut self.groepen[groep as usize]);
            match zaken_index.get(&**id) {
                Some(&i) => zaken[i as usize].gebeurtenissen = groep,
                None => {
                    self.ongeldig += groep.len();
                    // The case's own row is invalid and reported already.
                    if ongeldige_ids.contains(id) {
                        continue;
                    }
                    for g in groep {
                        self.fouten.push(Invoerfout::veld(
                            GEBEURTENISSEN_CSV,
                            g.line,
                            "zaak",
                            id,
                            format!("zaak {id} staat niet in {KLACHTEN_CSV}"),
                        ));
                    }
                }
            }
        }
        self.index = FxHashMap::default();
        self.groepen = Vec::new();
    }
}

fn lees_gebeurtenissen(pad: &Path) -> Result<Gebeurtenissen, Invoerfout> {
    let (mut tabel, fouten, waarschuwingen) = open_tabel(
        pad,
        GEBEURTENISSEN_CSV,
        &GEBEURTENISSEN_KOLOMMEN,
    )
    .map_err(|fout| match fout {
        Leesfout::Ontbreekt => Invoerfout::bestand(
            GEBEURTENISSEN_CSV,
            "bestand ontbreekt; de zaken worden gecontroleerd als zaken zonder gebeurtenissen",
        ),
        Leesfout::Onleesbaar(e) => {
            Invoerfout::bestand(GEBEURTENISSEN_CSV, format!("bestand niet te lezen: {e}"))
        }
    })?;
    let mut uit = Gebeurtenissen {
        fouten,
        waarschuwingen,
        ..Gebeurtenissen::default()
    };
    let kolommen_compleet = tabel.ontbrekende_kolommen.is_empty();
    let mut namen = Interner::default();
    while let Some(rij) = tabel.volgende() {
        uit.gelezen += 1;
        let rij = match rij {
            Ok(rij) => rij,
            Err(fout) => {
                uit.ongeldig += 1;
                uit.fouten
                    .push(Invoerfout::rij(GEBEURTENISSEN_CSV, fout.line, fout.bericht));
                continue;
            }
        };
        if !kolommen_compleet {
            uit.ongeldig += 1;
            continue;
        }
        let Some((zaak, gebeurtenis)) = lees_gebeurtenis(&rij, &mut uit.fouten, &mut namen) else {
            uit.ongeldig += 1;
            continue;
        };
        let groep = match uit.index.get(zaak) {
            Some(&groep) => groep as usize,
            None => {
                uit.index.insert(zaak.into(), uit.groepen.len() as u32);
                uit.groepen.push(Vec::new());
                uit.groepen.len() - 1
            }
        };
        uit.groepen[groep].push(gebeurtenis);
    }
    Ok(uit)
}

fn lees_gebeurtenis<'a>(
    rij: &Rij<'a>,
    fouten: &mut Vec<Invoerfout>,
    namen: &mut Interner,
) -> Option<(&'a str, Gebeurtenis)> {
    let mut veld = Veldlezer {
        bestand: GEBEURTENISSEN_CSV,
        rij,
        kolommen: &GEBEURTENISSEN_KOLOMMEN,
        fouten,
        geldig: true,
    };
    let zaak = veld.verplicht(g::ZAAK);
    if let Some(id) = zaak {
        if !is_geldig_zaaknummer(id) {
            veld.fout(g::ZAAK, id, "ongeldig zaaknummer");
        }
    }
    let datum = veld.datum(g::DATUM, true);
    let soort = veld.keuze(
        g::SOORT,
        Soort::parse,
        "ontvangstbevestiging, informatieverzoek, gesprek, verlenging, uitspraak, maatregel, \
         afsluiting, heropend, beroep, beroepsuitspraak, ingetrokken of verantwoording",
    );
    let door = veld.tekst(g::DOOR).and_then(|d| namen.optie(d));
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
    let toelichting = veld.tekst(g::TOELICHTING).and_then(optie);
    let regel_tekst = veld.tekst(g::REGEL).unwrap_or_default();
    let regel = if regel_tekst.is_empty() {
        None
    } else {
        RegelId::parse(regel_tekst)
    };
    if soort == Some(Soort::Verantwoording) {
        if regel_tekst.is_empty() {
            veld.fout(
                g::REGEL,
                "",
                "verantwoording zonder regel: noem de regel die zij verantwoordt",
            );
        } else if regel.is_none() {
            veld.fout(g::REGEL, regel_tekst, "onbekende regel");
        }
        if door.is_none() {
            veld.fout(
                g::DOOR,
                "",
                "verantwoording zonder door: wie verantwoordt de bevinding?",
            );
        }
        if toelichting.is_none() {
            veld.fout(
                g::TOELICHTING,
                "",
                "verantwoording zonder toelichting: waarom is de bevinding aanvaard?",
            );
        }
    }
    if !veld.geldig {
        return None;
    }
    Some((
        zaak?,
        Gebeurtenis {
            datum: datum?,
            soort: soort?,
            door,
            oordeel,
            termijn,
            toelichting,
            regel,
            line: rij.line,
        },
    ))
}
