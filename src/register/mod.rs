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
mod zaakindex;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

pub use dossiers::Dossier;
pub use reglement::Reglement;

use crate::model::{
    Dienst, Gebeurtenis, Kanaal, Naam, Naamkaart, Namen, Oordeel, Soort, Tekst, Toelichting,
    Toelichtingen, Zaak, Zaakteksten,
};
use crate::rules::RegelId;
use crate::Fout;
use tabel::{Kolom, Leesfout, Recordfout, Rij, Tabel};
use zaakindex::{Dubbel, Zaakindex};

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
    /// The names the cases and events point at.
    pub namen: Namen,
    /// The events' toelichtingen (with [`Teksten::AlleenAanwezigheid`], only those of
    /// verantwoordingen).
    pub toelichtingen: Toelichtingen,
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

/// The name in a value, if it is not empty.
fn naam_in(namen: &mut Namen, waarde: &str) -> Option<Naam> {
    (!waarde.is_empty()).then(|| namen.naam(waarde))
}

/// Whether loading keeps the texts the rules do not read: the complainant's name and
/// contact details, the description, and the events' toelichtingen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Teksten {
    /// Kept: the site shows the description, with the complainant's name and contact
    /// details redacted from it, and every toelichting.
    #[default]
    Bewaren,
    /// Only whether each is there, which is all the rules need (articles 4.1 and 4.3);
    /// but a verantwoording's toelichting, which is the justification findings carry.
    AlleenAanwezigheid,
}

impl Register {
    /// Loads the register in `pad` as it stands at `peildatum`, with the cases' texts.
    ///
    /// Fails (the check cannot run) only when the folder or `klachten.csv` is missing or
    /// unreadable, or `reglement.toml` is invalid; everything else is an input error.
    pub fn laad(pad: &Path, peildatum: NaiveDate) -> Result<Register, Fout> {
        Register::laad_met(pad, peildatum, Teksten::Bewaren)
    }

    /// As [`Register::laad`], keeping the cases' texts or not.
    pub fn laad_met(pad: &Path, peildatum: NaiveDate, teksten: Teksten) -> Result<Register, Fout> {
        if !pad.is_dir() {
            return Err(Fout::new(format!(
                "register niet gevonden: {} is geen map",
                pad.display()
            )));
        }
        let reglement = Reglement::laad(pad)?;
        let klachten_pad = pad.join(KLACHTEN_CSV);
        let klachten = open_tabel(&klachten_pad, KLACHTEN_CSV, &KLACHTEN_KOLOMMEN).map_err(
            |fout| match fout {
                Leesfout::Ontbreekt => Fout::new(format!("{} ontbreekt", klachten_pad.display())),
                Leesfout::Onleesbaar(e) => {
                    Fout::new(format!("{} is niet te lezen: {e}", klachten_pad.display()))
                }
            },
        )?;
        let gebeurtenissen = open_tabel(
            &pad.join(GEBEURTENISSEN_CSV),
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
        });

        // klachten.csv first, so that each event can go straight to its case as it is
        // read. Each file is read in parts side by side (see `Tabel::lees`).
        let klachten = lees_klachten(klachten, teksten);
        let mut register = Register {
            pad: pad.to_path_buf(),
            peildatum,
            reglement,
            zaken: Vec::new(),
            namen: klachten.namen,
            toelichtingen: Toelichtingen::default(),
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
        let zaken = klachten.zaken;
        let (index, dubbel) = Zaakindex::bouw(
            &zaken,
            &klachten.zaaknummers,
            peildatum,
            rayon::current_num_threads(),
        );
        register.telling.zaken_ongeldig += dubbel.len();
        register.invoerfouten.extend(dubbel.iter().map(|d| {
            let (zaak, eerste) = (&zaken[d.later], &zaken[d.eerste]);
            Invoerfout::veld(
                KLACHTEN_CSV,
                zaak.line,
                "zaak",
                &zaak.id,
                format!("zaak {} komt al voor op regel {}", zaak.id, eerste.line),
            )
        }));

        // A valid row whose number an invalid row above it already had is a duplicate
        // too: the later row is the error, and neither is checked.
        let mut na_ongeldig: Vec<usize> = Vec::new();
        for (id, &eerste) in &klachten.ongeldige_ids {
            let Some(plek) = index.get(id) else { continue };
            let zaak = &zaken[plek.index as usize];
            if zaak.line > eerste {
                na_ongeldig.push(plek.index as usize);
                register.invoerfouten.push(Invoerfout::veld(
                    KLACHTEN_CSV,
                    zaak.line,
                    "zaak",
                    &zaak.id,
                    format!("zaak {} komt al voor op regel {eerste}", zaak.id),
                ));
            }
        }
        register.telling.zaken_ongeldig += na_ongeldig.len();

        let partijen = match gebeurtenissen {
            Ok(tabel) => register.lees_gebeurtenissen(
                tabel,
                &index,
                &klachten.ongeldige_ids,
                zaken.len(),
                teksten,
            ),
            Err(fout) => {
                register.invoerfouten.push(fout);
                Partijen::geen(zaken.len())
            }
        };
        register.lees_dossiers(&zaken, &index, &klachten.ongeldige_ids);
        drop(index);
        register.zaken = zaken;
        register.orden_gebeurtenissen(partijen, &dubbel, &na_ongeldig);
        register.invoerfouten.sort();
        Ok(register)
    }

    /// Reads gebeurtenissen.csv: the valid events, each with the position of its case
    /// among the `aantal_zaken` valid rows of klachten.csv, gathered per range of cases in
    /// file order. The events of a case received after the peildatum are only counted:
    /// that case is left out.
    fn lees_gebeurtenissen(
        &mut self,
        (tabel, fouten, waarschuwingen): (Tabel, Vec<Invoerfout>, Vec<String>),
        index: &Zaakindex<'_>,
        ongeldige_ids: &Ongeldig,
        aantal_zaken: usize,
        teksten: Teksten,
    ) -> Partijen {
        self.invoerfouten.extend(fouten);
        self.waarschuwingen.extend(waarschuwingen);
        let verdeling = Verdeling::voor(aantal_zaken);
        let context = GebeurtenisContext {
            kolommen_compleet: tabel.ontbrekende_kolommen.is_empty(),
            index,
            ongeldige_ids,
            verdeling: &verdeling,
            teksten,
        };
        let delen = tabel.lees(
            rayon::current_num_threads(),
            |_| GebeurtenissenDeel::nieuw(&verdeling),
            |deel, rij| deel.rij(rij, &context),
        );

        // Each range of cases gets its batches from every part, in file order, each with
        // how its part's numbers of names and toelichtingen become the register's.
        let mut per_bereik: Vec<Vec<(usize, Partij)>> = std::iter::repeat_with(Vec::new)
            .take(verdeling.bereiken())
            .collect();
        let mut omzettingen = Vec::with_capacity(delen.len());
        for (plek, mut deel) in delen.into_iter().enumerate() {
            deel.zoek_zaken(&context);
            let telling = &mut self.telling;
            telling.gebeurtenissen_gelezen += deel.gelezen;
            telling.gebeurtenissen_ongeldig += deel.ongeldig;
            telling.gebeurtenissen_na_peildatum += deel.na_peildatum;
            self.invoerfouten.extend(deel.fouten);
            omzettingen.push(Omzetting {
                namen: self.namen.neem_op(&deel.namen),
                verschuiving: self.toelichtingen.neem_op(deel.toelichtingen),
            });
            for (bereik, partijen) in per_bereik.iter_mut().zip(deel.per_bereik) {
                bereik.extend(partijen.into_iter().map(|partij| (plek, partij)));
            }
        }
        Partijen {
            verdeling,
            per_bereik,
            omzettingen,
        }
    }

    /// Gives each case its events, in order, and rejects those that cannot stand: range of
    /// cases by range, side by side. Then leaves out the duplicate rows (`dubbel`, and
    /// `na_ongeldig`: rows after an invalid one of the same number, whose events go
    /// unchecked with them) and the cases received after the peildatum.
    fn orden_gebeurtenissen(
        &mut self,
        partijen: Partijen,
        dubbel: &[Dubbel],
        na_ongeldig: &[usize],
    ) {
        let peildatum = self.peildatum;
        let mut weg = vec![Weg::Nee; self.zaken.len()];
        for d in dubbel {
            weg[d.later] = Weg::Dubbel;
        }
        for &index in na_ongeldig {
            weg[index] = Weg::NaOngeldig;
        }
        let Partijen {
            verdeling,
            per_bereik,
            omzettingen,
        } = partijen;
        let mut bereiken = Vec::with_capacity(verdeling.bereiken());
        let mut rest = self.zaken.as_mut_slice();
        for (bereik, partijen) in per_bereik.into_iter().enumerate() {
            let bereik = verdeling.bereik(bereik);
            let (zaken, verder) = rest.split_at_mut(bereik.len().min(rest.len()));
            rest = verder;
            bereiken.push((
                zaken,
                &weg[bereik.start..bereik.end],
                bereik.start,
                partijen,
            ));
        }
        let uit = bereiken
            .into_par_iter()
            .map(|(zaken, weg, begin, partijen)| {
                verdeel(zaken, begin, partijen, &omzettingen);
                orden_bereik(zaken, weg, peildatum)
            })
            .reduce(Geordend::default, Geordend::samen);
        self.telling.gebeurtenissen_na_peildatum += uit.na_peildatum;
        self.telling.gebeurtenissen_ongeldig += uit.ongeldig_mee + uit.fouten.len();
        self.invoerfouten.extend(uit.fouten);
        self.telling.zaken_na_peildatum += uit.zaken_na_peildatum;

        // Usually nothing is left out, and the million cases need not be walked again.
        if uit.zaken_na_peildatum > 0 || !dubbel.is_empty() || !na_ongeldig.is_empty() {
            let mut weg = weg.into_iter();
            self.zaken.retain(|zaak| {
                let weg = weg.next().unwrap_or(Weg::Nee);
                weg == Weg::Nee && zaak.ontvangen <= peildatum
            });
        }
    }

    /// Reads the case files. Those of cases in klachten.csv that are not checked (an
    /// invalid row, received after the peildatum) are skipped without error.
    fn lees_dossiers(&mut self, zaken: &[Zaak], index: &Zaakindex<'_>, ongeldige_ids: &Ongeldig) {
        let (dossiers, mut fouten, tekst) =
            dossiers::lees(&self.pad, |naam| match index.get(naam) {
                Some(plek) if plek.na_peildatum => dossiers::Bekend::NietGecontroleerd,
                Some(plek) => {
                    dossiers::Bekend::Gecontroleerd(zaken[plek.index as usize].id.clone())
                }
                None if ongeldige_ids.contains_key(naam) => dossiers::Bekend::NietGecontroleerd,
                None => dossiers::Bekend::Onbekend,
            });
        self.invoerfouten.append(&mut fouten);
        self.dossiers = dossiers;
        self.reglement_tekst = tekst;
    }
}

/// The cases split into consecutive ranges, one per thread, so that events can be given to
/// their cases side by side.
struct Verdeling {
    zaken: usize,
    bereiken: usize,
}

/// Ranges per thread: with several, a thread that is done early takes another range.
const BEREIKEN_PER_DRAAD: usize = 4;

impl Verdeling {
    /// The ranges for `zaken` cases on this machine.
    fn voor(zaken: usize) -> Verdeling {
        Verdeling::nieuw(zaken, rayon::current_num_threads() * BEREIKEN_PER_DRAAD)
    }

    fn nieuw(zaken: usize, bereiken: usize) -> Verdeling {
        Verdeling {
            zaken,
            bereiken: bereiken.clamp(1, zaken.max(1)),
        }
    }

    fn bereiken(&self) -> usize {
        self.bereiken
    }

    /// The range that case number `zaak` (an index) falls in.
    fn van(&self, zaak: u32) -> usize {
        (zaak as usize * self.bereiken) / self.zaken.max(1)
    }

    /// The cases of range `bereik`: exactly those for which `van` gives `bereik`.
    fn bereik(&self, bereik: usize) -> Range<usize> {
        let grens = |b: usize| (b * self.zaken).div_ceil(self.bereiken);
        grens(bereik)..grens(bereik + 1)
    }
}

/// A batch of valid events, each with the position of its case.
type Partij = Vec<(u32, Gebeurtenis)>;

/// The events of gebeurtenissen.csv in batches, per range of cases.
struct Partijen {
    verdeling: Verdeling,
    /// Per range: batches of events, each with the part of the file it comes from, in file
    /// order.
    per_bereik: Vec<Vec<(usize, Partij)>>,
    /// Per part of the file: what its numbers of names and toelichtingen are in the
    /// register.
    omzettingen: Vec<Omzetting>,
}

impl Partijen {
    /// No events (there is no gebeurtenissen.csv) for `zaken` cases.
    fn geen(zaken: usize) -> Partijen {
        let verdeling = Verdeling::voor(zaken);
        Partijen {
            per_bereik: std::iter::repeat_with(Vec::new)
                .take(verdeling.bereiken())
                .collect(),
            verdeling,
            omzettingen: Vec::new(),
        }
    }
}

/// What the numbers one part of a file gave its names and toelichtingen are in the
/// register.
struct Omzetting {
    namen: Naamkaart,
    verschuiving: u32,
}

impl Omzetting {
    fn gebeurtenis(&self, gebeurtenis: &mut Gebeurtenis) {
        gebeurtenis.door = gebeurtenis.door.map(|naam| self.namen.naam(naam));
        gebeurtenis.toelichting = gebeurtenis
            .toelichting
            .map(|t| Toelichtingen::verschoven(t, self.verschuiving));
    }

    fn zaak(&self, zaak: &mut Zaak) {
        zaak.behandelaar = self.namen.naam(zaak.behandelaar);
        zaak.categorie = zaak.categorie.map(|naam| self.namen.naam(naam));
        zaak.beklaagde = zaak.beklaagde.map(|naam| self.namen.naam(naam));
    }
}

/// Gives the cases `zaken` (the first at position `begin`) their events from `partijen`
/// (in file order, each batch with its part's `omzettingen`), each case's list allocated
/// once at its size, and each batch freed once its events are placed.
fn verdeel(
    zaken: &mut [Zaak],
    begin: usize,
    partijen: Vec<(usize, Partij)>,
    omzettingen: &[Omzetting],
) {
    let mut aantallen = vec![0usize; zaken.len()];
    for (zaak, _) in partijen.iter().flat_map(|(_, partij)| partij) {
        aantallen[*zaak as usize - begin] += 1;
    }
    for (deel, partij) in partijen {
        let omzetting = &omzettingen[deel];
        for (zaak, mut gebeurtenis) in partij {
            omzetting.gebeurtenis(&mut gebeurtenis);
            let plek = zaak as usize - begin;
            let lijst = &mut zaken[plek].gebeurtenissen;
            if lijst.capacity() == 0 {
                lijst.reserve_exact(aantallen[plek]);
            }
            lijst.push(gebeurtenis);
        }
    }
}

/// Whether a valid row of klachten.csv is left out as a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weg {
    Nee,
    /// A later row of a case number that a valid row above it has.
    Dubbel,
    /// A row of a case number that an invalid row above it has; its events count as
    /// invalid.
    NaOngeldig,
}

/// What ordering a range of cases' events yields.
#[derive(Default)]
struct Geordend {
    /// Events after the peildatum.
    na_peildatum: usize,
    /// Events of rows left out after an invalid one.
    ongeldig_mee: usize,
    fouten: Vec<Invoerfout>,
    zaken_na_peildatum: usize,
}

impl Geordend {
    fn samen(mut self, mut ander: Geordend) -> Geordend {
        self.na_peildatum += ander.na_peildatum;
        self.ongeldig_mee += ander.ongeldig_mee;
        self.fouten.append(&mut ander.fouten);
        self.zaken_na_peildatum += ander.zaken_na_peildatum;
        self
    }
}

/// Orders the events of each case of a range that is checked (see
/// [`orden_gebeurtenissen`]); `weg` says which are duplicates.
fn orden_bereik(zaken: &mut [Zaak], weg: &[Weg], peildatum: NaiveDate) -> Geordend {
    let mut uit = Geordend::default();
    for (zaak, weg) in zaken.iter_mut().zip(weg) {
        match weg {
            Weg::Dubbel => {}
            Weg::NaOngeldig => uit.ongeldig_mee += zaak.gebeurtenissen.len(),
            Weg::Nee if zaak.ontvangen > peildatum => uit.zaken_na_peildatum += 1,
            Weg::Nee => {
                let (na_peildatum, mut fouten) = orden_gebeurtenissen(zaak, peildatum);
                uit.na_peildatum += na_peildatum;
                uit.fouten.append(&mut fouten);
            }
        }
    }
    uit
}

/// Events are gathered in batches of this many (1 MiB), so that memory can be used again
/// batch by batch once they are with their cases: the allocator keeps what is freed and
/// hands it out for the cases' own lists (larger batches came fresh from the system and
/// cost some 40,000 more page faults at a million cases).
const PARTIJ: usize = (1 << 20) / std::mem::size_of::<(u32, Gebeurtenis)>();

/// Events whose case is looked up together: lookups that do not wait for each other let
/// the processor overlap their cache misses.
const OPZOEKEN_PER_KEER: usize = 256;

/// What every part of gebeurtenissen.csv needs to know.
struct GebeurtenisContext<'c> {
    kolommen_compleet: bool,
    index: &'c Zaakindex<'c>,
    ongeldige_ids: &'c Ongeldig,
    verdeling: &'c Verdeling,
    teksten: Teksten,
}

/// What one part of gebeurtenissen.csv yields.
struct GebeurtenissenDeel {
    /// Per range of cases: valid events with the index of their case, in file order.
    per_bereik: Vec<Vec<Partij>>,
    /// Valid events whose case is yet to be looked up, with where their case number is
    /// in `zaaknummers`.
    wachtend: Vec<(Range<usize>, Gebeurtenis)>,
    zaaknummers: String,
    fouten: Vec<Invoerfout>,
    gelezen: usize,
    ongeldig: usize,
    na_peildatum: usize,
    /// The names and toelichtingen of this part's events, numbered here.
    namen: Namen,
    toelichtingen: Toelichtingen,
}

impl GebeurtenissenDeel {
    fn nieuw(verdeling: &Verdeling) -> GebeurtenissenDeel {
        GebeurtenissenDeel {
            per_bereik: std::iter::repeat_with(Vec::new)
                .take(verdeling.bereiken())
                .collect(),
            wachtend: Vec::with_capacity(OPZOEKEN_PER_KEER),
            zaaknummers: String::new(),
            fouten: Vec::new(),
            gelezen: 0,
            ongeldig: 0,
            na_peildatum: 0,
            namen: Namen::default(),
            toelichtingen: Toelichtingen::default(),
        }
    }

    fn rij(&mut self, rij: Result<Rij<'_>, Recordfout>, context: &GebeurtenisContext<'_>) {
        self.gelezen += 1;
        let Some(rij) = leesbare_rij(
            GEBEURTENISSEN_CSV,
            rij,
            &mut self.ongeldig,
            &mut self.fouten,
        ) else {
            return;
        };
        if !context.kolommen_compleet {
            self.ongeldig += 1;
            return;
        }
        let Some((id, gebeurtenis)) = lees_gebeurtenis(
            &rij,
            &mut self.fouten,
            &mut self.namen,
            &mut self.toelichtingen,
            context.teksten,
        ) else {
            self.ongeldig += 1;
            return;
        };
        let begin = self.zaaknummers.len();
        self.zaaknummers.push_str(id);
        self.wachtend
            .push((begin..self.zaaknummers.len(), gebeurtenis));
        if self.wachtend.len() == OPZOEKEN_PER_KEER {
            self.zoek_zaken(context);
        }
    }

    /// Looks up the cases of the waiting events and files each event with its case.
    fn zoek_zaken(&mut self, context: &GebeurtenisContext<'_>) {
        let zaaknummers = &self.zaaknummers;
        let ids: Vec<&str> = self
            .wachtend
            .iter()
            .map(|(id, _)| &zaaknummers[id.clone()])
            .collect();
        let mut plekken = Vec::with_capacity(ids.len());
        context.index.zoek_alle(&ids, &mut plekken);
        for ((id, gebeurtenis), plek) in self.wachtend.drain(..).zip(plekken) {
            match plek {
                Some(plek) if plek.na_peildatum => self.na_peildatum += 1,
                Some(plek) => {
                    let partijen = &mut self.per_bereik[context.verdeling.van(plek.index)];
                    if partijen.last().is_none_or(|p| p.len() == PARTIJ) {
                        partijen.push(Vec::with_capacity(PARTIJ));
                    }
                    if let Some(partij) = partijen.last_mut() {
                        partij.push((plek.index, gebeurtenis));
                    }
                }
                // The case's own row is invalid and reported; its events go unchecked
                // with it.
                None if context.ongeldige_ids.contains_key(&zaaknummers[id.clone()]) => {
                    self.ongeldig += 1
                }
                None => {
                    let id = &zaaknummers[id];
                    self.ongeldig += 1;
                    self.fouten.push(Invoerfout::veld(
                        GEBEURTENISSEN_CSV,
                        gebeurtenis.line,
                        "zaak",
                        id,
                        format!("zaak {id} staat niet in {KLACHTEN_CSV}"),
                    ));
                }
            }
        }
        self.zaaknummers.clear();
    }
}

/// Puts a case's events in date order (file order within a day), leaves out those after
/// the peildatum, and rejects those that cannot stand where they are. Returns how many
/// were left out, and the input errors.
fn orden_gebeurtenissen(zaak: &mut Zaak, peildatum: NaiveDate) -> (usize, Vec<Invoerfout>) {
    // Stable: events on the same date keep their file order.
    zaak.gebeurtenissen.sort_by_key(|g| g.datum);
    let voor = zaak.gebeurtenissen.len();
    zaak.gebeurtenissen.retain(|g| g.datum <= peildatum);
    let na_peildatum = voor - zaak.gebeurtenissen.len();

    let (mut uitspraak, mut beroep, mut afsluiting) = (false, false, false);
    let mut fouten = Vec::new();
    zaak.gebeurtenissen.retain(|g| {
        let fout = if g.datum < zaak.ontvangen {
            let zoals_geschreven = if g.datum_dag_eerst {
                "%d-%m-%Y"
            } else {
                "%Y-%m-%d"
            };
            Some((
                "datum",
                g.datum.format(zoals_geschreven).to_string(),
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
    (na_peildatum, fouten)
}

/// The case numbers of invalid rows of klachten.csv, each with the line of its first.
type Ongeldig = HashMap<Box<str>, u32>;

/// What reading klachten.csv yields.
struct Klachten {
    /// Valid rows in file order; a case number may occur more than once.
    zaken: Vec<Zaak>,
    /// The case numbers of `zaken`, one after another.
    zaaknummers: String,
    ongeldige_ids: Ongeldig,
    /// The names the cases point at.
    namen: Namen,
    fouten: Vec<Invoerfout>,
    waarschuwingen: Vec<String>,
    gelezen: usize,
    ongeldig: usize,
}

/// What one part of klachten.csv yields.
#[derive(Default)]
struct KlachtenDeel {
    /// About how many bytes the part holds.
    omvang: u64,
    /// Where the part's first valid row starts.
    eerste_byte: Option<u64>,
    /// Valid rows, in file order.
    zaken: Vec<Zaak>,
    /// Their case numbers, one after another.
    zaaknummers: String,
    /// Case numbers of invalid rows, with their lines.
    ongeldige_ids: Vec<(Box<str>, u32)>,
    fouten: Vec<Invoerfout>,
    gelezen: usize,
    ongeldig: usize,
    /// The names of this part's cases, numbered here.
    namen: Namen,
}

/// After this many cases a part knows about how long its rows are, and makes room for all
/// of its cases at once: a list that grows step by step is copied into fresh memory at
/// every step.
const PROEF: usize = 256;

impl KlachtenDeel {
    fn voor(omvang: u64) -> KlachtenDeel {
        KlachtenDeel {
            omvang,
            ..KlachtenDeel::default()
        }
    }

    /// Makes room for the cases the rest of the part is expected to hold, judged by the
    /// bytes its first [`PROEF`] cases took up to `byte`. A guess: the list still grows
    /// when it falls short.
    fn maak_ruimte(&mut self, byte: u64) {
        let Some(begin) = self.eerste_byte else {
            return;
        };
        let per_zaak = byte.saturating_sub(begin) / (PROEF as u64 - 1);
        if per_zaak == 0 {
            return;
        }
        let verwacht = usize::try_from(self.omvang / per_zaak).unwrap_or(usize::MAX);
        let ruimte = verwacht.saturating_add(verwacht / 32);
        // Room that cannot be had is no error: the list grows as it needs.
        let _ = self
            .zaken
            .try_reserve_exact(ruimte.saturating_sub(self.zaken.len()));
    }

    fn rij(&mut self, rij: Result<Rij<'_>, Recordfout>, kolommen_compleet: bool, teksten: Teksten) {
        self.gelezen += 1;
        let Some(rij) = leesbare_rij(KLACHTEN_CSV, rij, &mut self.ongeldig, &mut self.fouten)
        else {
            return;
        };
        let voor = self.fouten.len();
        let zaak = if kolommen_compleet {
            lees_zaak(&rij, &mut self.fouten, &mut self.namen, teksten)
        } else {
            // The file's error already says which column is missing; no row can be valid.
            None
        };
        match zaak {
            Some(zaak) => {
                self.eerste_byte.get_or_insert(rij.byte);
                self.zaaknummers.push_str(&zaak.id);
                self.zaken.push(zaak);
                if self.zaken.len() == PROEF {
                    self.maak_ruimte(rij.byte);
                }
            }
            None => {
                self.ongeldig += 1;
                debug_assert!(self.fouten.len() > voor || !kolommen_compleet);
                if let Ok(id) = rij.ruw(k::ZAAK) {
                    if !id.is_empty() {
                        self.ongeldige_ids.push((id.into(), rij.line));
                    }
                }
            }
        }
    }
}

/// The row, or `None` when the record itself is malformed: that is an input error of
/// `bestand` and an invalid row.
fn leesbare_rij<'r>(
    bestand: &str,
    rij: Result<Rij<'r>, Recordfout>,
    ongeldig: &mut usize,
    fouten: &mut Vec<Invoerfout>,
) -> Option<Rij<'r>> {
    rij.map_err(|fout| {
        *ongeldig += 1;
        fouten.push(Invoerfout::rij(bestand, fout.line, fout.bericht));
    })
    .ok()
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
            "{bestand}: kolom(men) genegeerd (onbekend of dubbel): {}",
            tabel.onbekende_kolommen.join(", ")
        )]
    };
    Ok((tabel, fouten, waarschuwingen))
}

fn lees_klachten(
    (tabel, fouten, waarschuwingen): (Tabel, Vec<Invoerfout>, Vec<String>),
    teksten: Teksten,
) -> Klachten {
    let kolommen_compleet = tabel.ontbrekende_kolommen.is_empty();
    let delen = tabel.lees(
        rayon::current_num_threads(),
        KlachtenDeel::voor,
        |deel, rij| deel.rij(rij, kolommen_compleet, teksten),
    );
    let mut uit = Klachten {
        zaken: Vec::new(),
        zaaknummers: String::new(),
        ongeldige_ids: Ongeldig::default(),
        namen: Namen::default(),
        fouten,
        waarschuwingen,
        gelezen: 0,
        ongeldig: 0,
    };
    // The cases of all parts go into one list of exactly the right size, each part's
    // moved by both cores.
    uit.zaken = Vec::with_capacity(delen.iter().map(|deel| deel.zaken.len()).sum());
    uit.zaaknummers = String::with_capacity(delen.iter().map(|deel| deel.zaaknummers.len()).sum());
    for mut deel in delen {
        uit.gelezen += deel.gelezen;
        uit.ongeldig += deel.ongeldig;
        uit.fouten.append(&mut deel.fouten);
        for (id, line) in deel.ongeldige_ids {
            uit.ongeldige_ids.entry(id).or_insert(line);
        }
        let omzetting = Omzetting {
            namen: uit.namen.neem_op(&deel.namen),
            verschuiving: 0,
        };
        uit.zaken
            .par_extend(deel.zaken.into_par_iter().map(|mut zaak| {
                omzetting.zaak(&mut zaak);
                zaak
            }));
        uit.zaaknummers.push_str(&deel.zaaknummers);
    }
    uit
}

/// Reads one row of klachten.csv; every problem becomes an input error.
fn lees_zaak(
    rij: &Rij<'_>,
    fouten: &mut Vec<Invoerfout>,
    namen: &mut Namen,
    teksten: Teksten,
) -> Option<Zaak> {
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
    let behandelaar = veld.verplicht(k::BEHANDELAAR).map(|b| namen.naam(b));
    let klager = veld.tekst(k::KLAGER);
    let contact = veld.tekst(k::CONTACT);
    let omschrijving = veld.tekst(k::OMSCHRIJVING);
    let categorie = veld.tekst(k::CATEGORIE).and_then(|c| naam_in(namen, c));
    let beklaagde = veld.tekst(k::BEKLAAGDE).and_then(|b| naam_in(namen, b));
    if !veld.geldig {
        return None;
    }
    Some(Zaak {
        id: Arc::from(id),
        ontvangen: ontvangen?,
        kanaal: kanaal?,
        dienst: dienst?,
        behandelaar: behandelaar?,
        teksten: match teksten {
            Teksten::Bewaren => Zaakteksten::new(klager?, contact?, omschrijving?),
            Teksten::AlleenAanwezigheid => {
                Zaakteksten::zonder_tekst(klager?, contact?, omschrijving?)
            }
        },
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
    #[inline(always)]
    fn tekst(&mut self, kolom: usize) -> Option<&'a str> {
        match self.rij.ruw(kolom) {
            Ok(tekst) => Some(tekst),
            Err(waarde) => {
                self.fout(kolom, &waarde, "geen geldige UTF-8-tekst");
                None
            }
        }
    }

    #[inline(always)]
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
        self.datum_uit(kolom, tekst)
    }

    /// The date written as `tekst` in `kolom`.
    fn datum_uit(&mut self, kolom: usize, tekst: &str) -> Option<NaiveDate> {
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

fn lees_gebeurtenis<'a>(
    rij: &Rij<'a>,
    fouten: &mut Vec<Invoerfout>,
    namen: &mut Namen,
    toelichtingen: &mut Toelichtingen,
    teksten: Teksten,
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
    let datum_tekst = veld.verplicht(g::DATUM);
    let datum = datum_tekst.and_then(|tekst| veld.datum_uit(g::DATUM, tekst));
    // A valid date is ten characters, with a dash third when the day comes first.
    let datum_dag_eerst = datum_tekst.is_some_and(|tekst| tekst.as_bytes().get(2) == Some(&b'-'));
    let soort = veld.keuze(
        g::SOORT,
        Soort::parse,
        "ontvangstbevestiging, informatieverzoek, gesprek, verlenging, uitspraak, maatregel, \
         afsluiting, heropend, beroep, beroepsuitspraak, ingetrokken of verantwoording",
    );
    let door = veld.tekst(g::DOOR).and_then(|d| naam_in(namen, d));
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
    let toelichting_tekst = veld.tekst(g::TOELICHTING).unwrap_or_default();
    let regel_tekst = veld.tekst(g::REGEL).unwrap_or_default();
    let regel = (!regel_tekst.is_empty())
        .then(|| RegelId::parse(regel_tekst))
        .flatten();
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
        if toelichting_tekst.is_empty() {
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
    let toelichting = (!toelichting_tekst.is_empty()).then(|| match (teksten, soort) {
        (Teksten::AlleenAanwezigheid, Some(s)) if s != Soort::Verantwoording => {
            Toelichting::NIET_BEWAARD
        }
        _ => toelichtingen.bewaar(toelichting_tekst),
    });
    Some((
        zaak?,
        Gebeurtenis {
            datum: datum?,
            datum_dag_eerst,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn een_deel_maakt_ruimte_voor_de_zaken_die_het_nog_verwacht() {
        // A part of 100,000 bytes whose first PROEF rows took 100 bytes each.
        let mut deel = KlachtenDeel::voor(100_000);
        deel.eerste_byte = Some(1_000);
        deel.maak_ruimte(1_000 + (PROEF as u64 - 1) * 100);
        let ruimte = deel.zaken.capacity();
        assert!((1_000..=1_100).contains(&ruimte), "{ruimte}");
    }

    #[test]
    fn ruimte_die_niet_te_krijgen_is_laat_de_lijst_zoals_zij_is() {
        let mut deel = KlachtenDeel::voor(u64::MAX);
        deel.eerste_byte = Some(0);
        deel.maak_ruimte(PROEF as u64 - 1);
        assert_eq!(deel.zaken.capacity(), 0);
        // Rows of no length at all give no guess.
        deel.maak_ruimte(0);
        assert_eq!(deel.zaken.capacity(), 0);
    }
}
