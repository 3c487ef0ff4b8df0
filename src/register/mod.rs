//! Reading the register: `klachten.csv`, `gebeurtenissen.csv`, the optional
//! `reglement.toml` and the case files under `zaken/`, into a typed [`Register`].
//!
//! The two CSV files are read side by side by the csv crate ([`lezer`]): `klachten.csv` on
//! the calling thread, `gebeurtenissen.csv` on a thread of its own, with its records read
//! ahead on another ([`vooruit`]). Each row becomes a [`Zaak`] or a
//! [`Gebeurtenis`](crate::model::Gebeurtenis) ([`klachten`], [`gebeurtenissen`]), its
//! recurring texts kept once ([`tekstbank`]). Then one pass ([`samenhang`]) checks that
//! the rows fit together and gives every case its events. Every row that cannot be used
//! becomes an [`Invoerfout`] naming file, line, column and value; the rest is still
//! loaded. The peildatum is applied here: cases received and events dated after it are
//! left out (and counted), so that the register's state at any past day can be
//! reproduced.

pub(crate) mod codering;
mod dossiers;
pub(crate) mod gebeurtenissen;
mod invoerfout;
pub(crate) mod klachten;
pub mod lezer;
mod reglement;
mod samenhang;
mod tekstbank;
pub mod toegang;
mod velden;
mod vooruit;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use crate::bevinding::{
    GEBEURTENISSEN_CSV, KLACHTEN_CSV, REGLEMENT_MD, REGLEMENT_TOML, ZAKEN_MAP,
};
pub use dossiers::Dossier;
pub use invoerfout::Invoerfout;
pub use reglement::{Reglement, Termen, Versie};

use crate::model::{Tekst, Zaak};
use crate::persoonsgegevens::{Geheimen, Zoeknaam};
use crate::Fout;
use gebeurtenissen::{Reeks, Reeksen};
use lezer::{Csvlezer, GenegeerdeKolom, Kolom, Recordfout, Records, Rij};
use samenhang::Samenhang;
pub(crate) use tekstbank::Tekstbank;
use toegang::{Registermap, Weigering};
use vooruit::Voorlezer;

/// How many records were read and what became of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aantallen {
    /// Every record of klachten.csv, valid or not.
    pub zaken_gelezen: usize,
    /// Records of klachten.csv that are invalid or duplicates (their case is not checked).
    pub zaken_ongeldig: usize,
    /// Valid cases received after the peildatum.
    pub zaken_na_peildatum: usize,
    /// Every record of gebeurtenissen.csv, valid or not.
    pub gebeurtenissen_gelezen: usize,
    pub gebeurtenissen_ongeldig: usize,
    /// Valid events dated after the peildatum, or of cases received after it.
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
    /// The SHA-256 of `klachten.csv` and of `gebeurtenissen.csv` as they were read (for
    /// the evidence stamp); None for a file that was not read to its end.
    pub sha256: [Option<String>; 2],
    /// Sorted by file, line and column.
    pub invoerfouten: Vec<Invoerfout>,
    /// Non-fatal remarks on the files (unknown columns), in Dutch.
    pub waarschuwingen: Vec<String>,
    pub aantallen: Aantallen,
    /// The name and contact of the other rows of `klachten.csv` with a case's number
    /// (duplicates, invalid rows), and, once checked, those its row held in earlier
    /// versions in Git ([`crate::history::Historie::vroegere_geheimen`]): that case's texts
    /// must not show them either.
    pub andere_geheimen: HashMap<Tekst, Geheimen>,
}

/// What no text of case `zaak` may show: its complainant's name and contact, and those of
/// every other row of `klachten.csv` with its number (`andere`, see
/// [`Register::andere_geheimen`]). Every output asks this one function.
pub fn geheimen(zaak: &Zaak, andere: &HashMap<Tekst, Geheimen>) -> Geheimen {
    let eigen = Geheimen::van(zaak.klager.as_deref(), zaak.contact.as_deref());
    match andere.get(&zaak.id) {
        Some(ook) => eigen.samen(ook),
        None => eigen,
    }
}

impl Register {
    /// What no text of case `zaak` may show (see [`geheimen`]).
    pub fn geheimen(&self, zaak: &Zaak) -> Geheimen {
        geheimen(zaak, &self.andere_geheimen)
    }
}

/// Whether `id` is a valid case number: 1 to 64 ASCII letters, digits, `-`, `_`, `.`, not
/// starting with `.`. This also makes it safe as a file name on the site.
pub fn is_geldig_zaaknummer(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

impl Register {
    /// Loads the register in `pad` as it stands at `peildatum`.
    ///
    /// Fails (the check cannot run) only when the folder or `klachten.csv` is missing or
    /// unreadable, or `reglement.toml` is invalid; everything else is an input error.
    /// Which files are read, and how much of them, [`toegang`] decides.
    pub fn laad(pad: &Path, peildatum: NaiveDate) -> Result<Register, Fout> {
        let map = Registermap::open(pad)
            .ok()
            .filter(|_| pad.is_dir())
            .ok_or_else(|| {
                Fout::new(format!(
                    "register niet gevonden: {} is geen map",
                    pad.display()
                ))
            })?;
        let map = &map;
        let reglement = Reglement::laad(map)?;
        // Both files are read side by side; the events go to their cases once both are
        // read.
        let (mut klachten, mut samenhang, (mut gebeurtenissen, reeksen)) =
            std::thread::scope(|draden| {
                let gebeurtenissen = draden.spawn(|| lees_gebeurtenissen(map));
                let mut samenhang = Samenhang::new(peildatum);
                let klachten = lees_klachten(map, pad, |rij| match rij {
                    Ingelezen::Geldig(zaak) => samenhang.neem_zaak(zaak),
                    Ingelezen::Ongeldig(id, line, geheimen) => {
                        samenhang.neem_ongeldig(id, line, geheimen)
                    }
                })?;
                let gebeurtenissen = gebeurtenissen.join().unwrap_or_else(|_| {
                    let fout = Invoerfout::bestand(GEBEURTENISSEN_CSV, "bestand niet te lezen");
                    (Leesverslag::met_fout(fout), Vec::new())
                });
                Ok::<_, Fout>((klachten, samenhang, gebeurtenissen))
            })?;
        samenhang.verdeel(reeksen);
        // Whether a text of the register that is shown outside any case (a column's name, a
        // case file's) may name a complainant. The complainants' values are gathered at the
        // first such text; only the first MAX_GETOETST texts are looked up, the others are
        // taken to name one.
        let getoetst = std::cell::Cell::new(0);
        let klagerwaarden = std::cell::OnceCell::new();
        let noemt_klager = |naam: &str| {
            getoetst.set(getoetst.get() + 1);
            if getoetst.get() > MAX_GETOETST {
                return true;
            }
            let waarden = klagerwaarden.get_or_init(|| samenhang.klagerwaarden());
            waarden.noemt(&Zoeknaam::new(naam))
        };
        // Each file's notes, the one on its ignored columns first: made now that the name
        // and contact of every row of klachten.csv are known.
        let mut waarschuwingen = Vec::new();
        for verslag in [&mut klachten, &mut gebeurtenissen] {
            waarschuwingen.extend(verslag.kolomnotitie(noemt_klager));
            waarschuwingen.append(&mut verslag.waarschuwingen);
        }

        let dossiers::Teksten {
            dossiers,
            fouten: dossierfouten,
            notities: dossiernotities,
            reglement: reglement_tekst,
        } = dossiers::lees(
            map,
            |naam| samenhang.ken(naam),
            |naam| is_zaaknummer_met_cijfer(naam) && !noemt_klager(naam),
        );
        let andere_geheimen = samenhang.andere_geheimen();
        let mut invoerfouten = klachten.fouten;
        invoerfouten.extend(gebeurtenissen.fouten);
        invoerfouten.extend(dossierfouten);
        invoerfouten.extend(samenhang.neem_fouten());
        // Every error of a row of a case hides the name and contact of every row with that
        // case's number (an error hid its own row's where it was made: `velden`).
        for fout in &mut invoerfouten {
            let geheimen = fout
                .zaak
                .as_deref()
                .map(|id| samenhang.geheimen(id, &andere_geheimen));
            fout.afschermen(&geheimen.unwrap_or_default());
        }
        // What is left: events dated before their case was received or out of order, found
        // once each case has all its events; their values are dates and kinds of event.
        let (zaken, mut samenhangfouten, aantallen) = samenhang.zaken();
        for fout in &mut samenhangfouten {
            let geheimen = fout.zaak.as_deref().and_then(|id| andere_geheimen.get(id));
            fout.afschermen(geheimen.unwrap_or(&Geheimen::GEEN));
        }
        invoerfouten.extend(samenhangfouten);
        invoerfouten.sort();
        waarschuwingen.extend(dossiernotities);
        Ok(Register {
            pad: pad.to_path_buf(),
            peildatum,
            reglement,
            zaken,
            dossiers,
            reglement_tekst,
            sha256: [klachten.sha256, gebeurtenissen.sha256],
            invoerfouten,
            waarschuwingen,
            andere_geheimen,
            aantallen: Aantallen {
                zaken_gelezen: klachten.records,
                zaken_ongeldig: klachten.ongeldig + aantallen.zaken_ongeldig,
                gebeurtenissen_gelezen: gebeurtenissen.records,
                gebeurtenissen_ongeldig: gebeurtenissen.ongeldig
                    + aantallen.gebeurtenissen_ongeldig,
                ..aantallen
            },
        })
    }
}

/// What reading one CSV file yields besides its rows.
#[derive(Default)]
struct Leesverslag {
    fouten: Vec<Invoerfout>,
    waarschuwingen: Vec<String>,
    /// Every record, valid or not.
    records: usize,
    ongeldig: usize,
    /// The SHA-256 of the file as it was read, when it was read to its end.
    sha256: Option<String>,
    /// The file's name.
    bestand: &'static str,
    /// Header names that match no column, or name one a second time.
    genegeerde_kolommen: Vec<GenegeerdeKolom>,
    /// Whether the header has every required column.
    kop_compleet: bool,
}

impl Leesverslag {
    /// The note on the columns of the file that are not read: one per file, as the
    /// contract asks. A header's cell is a register keeper's text, and is named only where
    /// it reads as the name of a column ([`is_kolomnaam`]) in a header that has every
    /// required column (when it lacks one, its first line is likely a row of data), and no
    /// complainant's name or contact holds it nor it one of them (`noemt_klager`); other
    /// cells are counted.
    fn kolomnotitie(&self, noemt_klager: impl Fn(&str) -> bool) -> Option<String> {
        if self.genegeerde_kolommen.is_empty() {
            return None;
        }
        let (getoond, verborgen): (Vec<_>, Vec<_>) =
            self.genegeerde_kolommen.iter().partition(|kolom| {
                self.kop_compleet && is_kolomnaam(&kolom.naam) && !noemt_klager(&kolom.naam)
            });
        let getoond: Vec<String> = getoond.iter().map(|kolom| kolom.to_string()).collect();
        let naam = self.bestand;
        Some(match (getoond.len(), verborgen.len()) {
            (_, 0) => format!(
                "{naam}: kolom(men) genegeerd (onbekend of dubbel): {}",
                getoond.join(", ")
            ),
            (0, n) => {
                format!("{naam}: {n} kolom(men) genegeerd (onbekend of dubbel; {NIET_GETOOND})")
            }
            (_, n) => format!(
                "{naam}: kolom(men) genegeerd (onbekend of dubbel): {} en {n} andere \
                 ({NIET_GETOOND})",
                getoond.join(", ")
            ),
        })
    }

    /// A file that yields nothing but `fout`.
    fn met_fout(fout: Invoerfout) -> Leesverslag {
        Leesverslag {
            fouten: vec![fout],
            ..Leesverslag::default()
        }
    }
}

/// What a record of a file became.
enum Ingelezen<T> {
    /// A valid row.
    Geldig(T),
    /// An invalid row with a case number: that number, the row's line, and the name and
    /// contact it holds (its case is not checked, and they are hidden too).
    Ongeldig(Tekst, u32, Geheimen),
}

/// How a file's records are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lezen {
    /// On the calling thread, where its rows are made.
    Hier,
    /// Ahead, on a thread of its own ([`vooruit`]); rows are made on the calling thread.
    Vooruit,
}

/// Reads every record of the file `naam` in the register `map`: turns each into a row with
/// `lees` (None when it is invalid, with its input errors), and hands the rows, in file
/// order, one at a time to `bewaar`.
fn lees_bestand<T>(
    map: &Registermap,
    naam: &'static str,
    kolommen: &'static [Kolom],
    lezen: Lezen,
    lees: impl Fn(&Rij<'_>, &mut Vec<Invoerfout>, &mut Tekstbank) -> Option<T>,
    mut bewaar: impl FnMut(Ingelezen<T>),
) -> Result<Leesverslag, Weigering> {
    let mut lezer = Csvlezer::open(map, naam, kolommen)?;
    let mut uit = Leesverslag::default();
    uit.fouten
        .extend(lezer.ontbrekende_kolommen.iter().map(|kolom| Invoerfout {
            kolom: Some((*kolom).to_string()),
            ..Invoerfout::rij(
                naam,
                lezer.kopregel,
                format!("verplichte kolom {kolom} ontbreekt in de kopregel"),
            )
        }));
    if let Some(Recordfout { line, bericht }) = lezer.kopfout.take() {
        uit.fouten.push(Invoerfout::rij(naam, line, bericht));
    }
    uit.bestand = naam;
    uit.genegeerde_kolommen = std::mem::take(&mut lezer.genegeerde_kolommen);
    // The file's error already says which column is missing; no row can be valid.
    let compleet = lezer.ontbrekende_kolommen.is_empty();
    uit.kop_compleet = compleet;
    let mut rijen = |records: &mut dyn Records| {
        let mut teksten = Tekstbank::default();
        while let Some(rij) = records.volgende() {
            uit.records += 1;
            let ingelezen = match rij {
                Ok(rij) => match compleet
                    .then(|| lees(&rij, &mut uit.fouten, &mut teksten))
                    .flatten()
                {
                    Some(waarde) => Some(Ingelezen::Geldig(waarde)),
                    None => {
                        uit.ongeldig += 1;
                        ongeldig(&rij, kolommen, &mut teksten)
                    }
                },
                Err(Recordfout { line, bericht }) => {
                    uit.ongeldig += 1;
                    uit.fouten.push(Invoerfout::rij(naam, line, bericht));
                    // A record with too many or too few fields, or an unclosed quote: its
                    // case is known as far as its first field can be read.
                    let rij = records.afgewezen_rij();
                    rij.and_then(|rij| ongeldig(&rij, kolommen, &mut teksten))
                }
            };
            if let Some(ingelezen) = ingelezen {
                bewaar(ingelezen);
            }
        }
    };
    if lezen == Lezen::Vooruit {
        lezer = std::thread::scope(|draden| {
            let mut vooruit = Voorlezer::new(lezer, draden);
            rijen(&mut vooruit);
            vooruit.af()
        });
    } else {
        rijen(&mut lezer);
    }
    uit.waarschuwingen
        .extend(codering::notitie(naam, lezer.codering()));
    uit.sha256 = lezer.sha256();
    Ok(uit)
}

/// How many texts shown outside any case (names of ignored columns and of case files of no
/// case) are looked up among the complainants' names and contacts at most: each look-up
/// searches all of them (some milliseconds at a million cases), and a header or a folder
/// may hold thousands of such texts.
const MAX_GETOETST: usize = 32;

/// Whether `naam` reads as a case number: valid as one, and with a digit (a person's name
/// has none).
fn is_zaaknummer_met_cijfer(naam: &str) -> bool {
    is_geldig_zaaknummer(naam) && naam.bytes().any(|b| b.is_ascii_digit())
}

/// Why the note on ignored columns leaves out some of their names.
const NIET_GETOOND: &str = "namen niet getoond: ze kunnen persoonsgegevens bevatten";

/// Whether a header's cell reads as the name of a column, and so may be shown: 1 to 64
/// lower-case ASCII letters, digits, spaces and `-_.()/` (the reader has put it in lower
/// case), starting with a letter.
fn is_kolomnaam(naam: &str) -> bool {
    (1..=64).contains(&naam.len())
        && naam.starts_with(|c: char| c.is_ascii_lowercase())
        && naam
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b" -_.()/".contains(&b))
}

/// An invalid row with a case number: its case is not checked, and the name and contact
/// it holds are hidden too.
fn ongeldig<T>(rij: &Rij<'_>, kolommen: &[Kolom], teksten: &mut Tekstbank) -> Option<Ingelezen<T>> {
    let id = rij.veld(0).ok().filter(|id| !id.is_empty())?;
    let geheimen = velden::eigen_geheimen(rij, kolommen);
    Some(Ingelezen::Ongeldig(
        teksten.zaaknummer(id),
        rij.line,
        geheimen,
    ))
}

/// Reads klachten.csv, handing its valid cases and the case numbers of its invalid rows
/// (with their own name and contact) to `neem`, one row at a time.
fn lees_klachten(
    map: &Registermap,
    pad: &Path,
    neem: impl FnMut(Ingelezen<Zaak>),
) -> Result<Leesverslag, Fout> {
    let bestand = lees_bestand(
        map,
        KLACHTEN_CSV,
        &klachten::KOLOMMEN,
        // Not the file that `check` waits for: a thread of its own would only take
        // processor time from the events' threads (see `vooruit`).
        Lezen::Hier,
        klachten::lees_zaak,
        neem,
    );
    let bestand = bestand.map_err(|fout| {
        let pad = pad.join(KLACHTEN_CSV);
        match fout {
            Weigering::Ontbreekt => Fout::new(format!("{} ontbreekt", pad.display())),
            weigering => Fout::new(format!("{} {weigering}", pad.display())),
        }
    })?;
    Ok(bestand)
}

/// Reads gebeurtenissen.csv: its valid events in file order, in runs of one case.
fn lees_gebeurtenissen(map: &Registermap) -> (Leesverslag, Vec<Reeks>) {
    let mut reeksen = Reeksen::default();
    let verslag = lees_bestand(
        map,
        GEBEURTENISSEN_CSV,
        &gebeurtenissen::KOLOMMEN,
        // The larger file, the one `check` waits for (see `vooruit`).
        Lezen::Vooruit,
        gebeurtenissen::lees_gebeurtenis,
        |rij| {
            // An invalid event is counted in the file's report; its case number is not
            // needed here.
            if let Ingelezen::Geldig((zaak, gebeurtenis)) = rij {
                reeksen.voeg_toe(zaak, gebeurtenis);
            }
        },
    );
    let verslag = verslag.unwrap_or_else(|fout| {
        Leesverslag::met_fout(match fout {
            Weigering::Ontbreekt => Invoerfout::bestand(
                GEBEURTENISSEN_CSV,
                "bestand ontbreekt; de zaken worden gecontroleerd als zaken zonder gebeurtenissen",
            ),
            weigering => Invoerfout::bestand(
                GEBEURTENISSEN_CSV,
                format!("bestand {weigering}; de zaken worden gecontroleerd als zaken zonder gebeurtenissen"),
            ),
        })
    });
    (verslag, reeksen.af())
}
