//! How a row is known from one version of its file to the next, and what of it is
//! compared. A case is known by its zaak, an event by its case, its soort and its rank
//! among that case's rows of that soort in file order; the rank counts every row, valid
//! or not. Of a case only `ontvangen` is watched, of an event `datum` and `oordeel`:
//! dates compare as dates, the oordeel without regard to case.

use std::borrow::Cow;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::bevinding::RegelId;
use crate::datum;
use crate::model::{Dienst, Kanaal, Oordeel, Soort, Tekst};
use crate::persoonsgegevens::{Geheimen, Zin};
use crate::register::gebeurtenissen::{self, g};
use crate::register::klachten::{self, k};
use crate::register::lezer::{Csvlezer, Kolom, Rij};

/// Which of the two CSV files of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Bestand {
    Klachten,
    Gebeurtenissen,
}

impl Bestand {
    fn kolommen(self) -> &'static [Kolom] {
        match self {
            Bestand::Klachten => &klachten::KOLOMMEN,
            Bestand::Gebeurtenissen => &gebeurtenissen::KOLOMMEN,
        }
    }
}

/// The soort of every row of klachten.csv. Case rows are ranked like events, so a
/// duplicate case row (an input error) never takes the place of the case: the case is the
/// first row with its zaak, rank 1.
pub(crate) const ZAAKREGEL: u32 = u32::MAX;

/// A zaak and a soort (or [`ZAAKREGEL`]): the rows that are ranked together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Paar {
    pub zaak: u32,
    pub soort: u32,
}

/// The identity of a row across versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Sleutel {
    pub paar: Paar,
    /// 1 for the first row of its pair in file order.
    pub rang: u32,
}

impl Sleutel {
    pub fn is_zaakregel(self) -> bool {
        self.paar.soort == ZAAKREGEL
    }
}

/// Every case number and soort met in the history, stored once and known by number.
#[derive(Default)]
pub(crate) struct Namen {
    zaken: Vec<Tekst>,
    zaak_index: FxHashMap<Tekst, u32>,
    soorten: Vec<Box<str>>,
    soort_index: FxHashMap<Box<str>, u32>,
}

impl Namen {
    pub fn zaak(&mut self, zaak: &str) -> u32 {
        if let Some(&i) = self.zaak_index.get(zaak) {
            return i;
        }
        let i = self.zaken.len() as u32;
        let tekst: Tekst = zaak.into();
        self.zaken.push(tekst.clone());
        self.zaak_index.insert(tekst, i);
        i
    }

    /// Soorten are enumerated values: known without regard to case.
    pub fn soort(&mut self, soort: &str) -> u32 {
        let soort: Cow<str> = if soort.chars().any(char::is_uppercase) {
            Cow::Owned(soort.to_lowercase())
        } else {
            Cow::Borrowed(soort)
        };
        if let Some(&i) = self.soort_index.get(&*soort) {
            return i;
        }
        let i = self.soorten.len() as u32;
        self.soorten.push(soort.clone().into());
        self.soort_index.insert(soort.into(), i);
        i
    }

    /// The number of a case number met in the history.
    pub fn zaak_id(&self, zaak: &str) -> Option<u32> {
        self.zaak_index.get(zaak).copied()
    }

    pub fn zaaknaam(&self, zaak: u32) -> &Tekst {
        &self.zaken[zaak as usize]
    }

    /// The soort as the register wrote it (a value of the register, unless it is one the
    /// tool knows), or the tool's "zaakregel" for a row of klachten.csv.
    pub fn soortnaam(&self, soort: u32) -> Zin {
        match self.soorten.get(soort as usize) {
            Some(naam) if is_bekend("soort", naam) => Zin::default().eigen(naam),
            Some(naam) => Zin::default().waarde(naam),
            None => Zin::default().eigen("zaakregel"),
        }
    }

    /// "zaakregel", "gebeurtenis uitspraak", "gebeurtenis gesprek (nr. 2)".
    pub fn beschrijf(&self, sleutel: Sleutel) -> Zin {
        match sleutel.rang {
            _ if sleutel.is_zaakregel() => Zin::default().eigen("zaakregel"),
            1 => Zin::default()
                .eigen("gebeurtenis ")
                .en(self.soortnaam(sleutel.paar.soort)),
            n => Zin::default()
                .eigen("gebeurtenis ")
                .en(self.soortnaam(sleutel.paar.soort))
                .eigen(&format!(" (nr. {n})")),
        }
    }
}

/// A watched value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Waarde {
    Datum(NaiveDate),
    Tekst(Box<str>),
}

impl Waarde {
    /// A date, or the text as it stands when it is none (an input error of its own).
    pub fn datum(tekst: &str) -> Waarde {
        match datum::lees(tekst.trim()) {
            Ok(d) => Waarde::Datum(d),
            Err(_) => Waarde::Tekst(tekst.trim().into()),
        }
    }

    /// An enumerated value: without regard to case.
    pub fn opsomming(tekst: &str) -> Waarde {
        Waarde::Tekst(tekst.trim().to_lowercase().into())
    }

    /// As messages and the site show the value of column `kolom`: a date as DD-MM-YYYY,
    /// an empty text as "(leeg)" and a value the tool knows for the column ("gesprek",
    /// "gegrond", "email") in the tool's words; any other text as the register's value.
    /// (Hiding "gegrond" for a complainant called Gegrond would show a word of the name
    /// beside the findings that name the verdict.)
    pub fn zin(&self, kolom: &str) -> Zin {
        match self {
            Waarde::Datum(d) => Zin::default().eigen(&crate::datum::dmj(*d)),
            Waarde::Tekst(t) if t.is_empty() => Zin::default().eigen("(leeg)"),
            Waarde::Tekst(t) if is_bekend(kolom, t) => Zin::default().eigen(t),
            Waarde::Tekst(t) if kolom == "categorie" => Zin::default().gedeelde_waarde(t),
            Waarde::Tekst(t) => Zin::default().waarde(t),
        }
    }

    pub fn als_datum(&self) -> Option<NaiveDate> {
        match self {
            Waarde::Datum(d) => Some(*d),
            Waarde::Tekst(_) => None,
        }
    }
}

/// Whether `tekst` is a value the tool knows for column `kolom`.
fn is_bekend(kolom: &str, tekst: &str) -> bool {
    let tekst = tekst.trim();
    match kolom {
        "kanaal" => Kanaal::parse(tekst).is_some(),
        "dienst" => Dienst::parse(tekst).is_some(),
        "soort" => Soort::parse(tekst).is_some(),
        "oordeel" => Oordeel::parse(tekst).is_some(),
        "regel" => RegelId::parse(tekst).is_some(),
        _ => false,
    }
}

/// The watched values of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Bewaakt {
    Zaak { ontvangen: Waarde },
    Gebeurtenis { datum: Waarde, oordeel: Waarde },
}

/// One watched field that differs between two versions of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Veldverschil {
    pub veld: &'static str,
    pub oud: Waarde,
    pub nieuw: Waarde,
}

impl Bewaakt {
    /// `ontvangen` of a case, `datum` of an event.
    pub fn datum(&self) -> &Waarde {
        match self {
            Bewaakt::Zaak { ontvangen } => ontvangen,
            Bewaakt::Gebeurtenis { datum, .. } => datum,
        }
    }

    /// The name of the column [`Bewaakt::datum`] comes from.
    pub fn datumveld(&self) -> &'static str {
        match self {
            Bewaakt::Zaak { .. } => "ontvangen",
            Bewaakt::Gebeurtenis { .. } => "datum",
        }
    }

    /// The watched fields in which `nieuw` differs from `self`.
    pub fn verschillen(&self, nieuw: &Bewaakt) -> Vec<Veldverschil> {
        let velden: Vec<(&'static str, &Waarde, &Waarde)> = match (self, nieuw) {
            (Bewaakt::Zaak { ontvangen: a }, Bewaakt::Zaak { ontvangen: b }) => {
                vec![("ontvangen", a, b)]
            }
            (
                Bewaakt::Gebeurtenis {
                    datum: a,
                    oordeel: x,
                },
                Bewaakt::Gebeurtenis {
                    datum: b,
                    oordeel: y,
                },
            ) => vec![("datum", a, b), ("oordeel", x, y)],
            _ => Vec::new(),
        };
        velden
            .into_iter()
            .filter(|(_, a, b)| a != b)
            .map(|(veld, a, b)| Veldverschil {
                veld,
                oud: a.clone(),
                nieuw: b.clone(),
            })
            .collect()
    }
}

/// A row as read for following it through the versions.
#[derive(Debug, Clone)]
pub(crate) struct Gelezen {
    /// Byte offset of the row in its version of the file.
    pub start: usize,
    /// Line of the row; exact only when the file was read from its first row on.
    pub line: u32,
    /// None for a row without a zaak: it is no case's row.
    pub paar: Option<Paar>,
    pub bewaakt: Bewaakt,
}

fn veld<'a>(rij: &Rij<'a>, kolom: usize) -> Cow<'a, str> {
    rij.veld_zoals_getoond(kolom)
}

fn bewaakt(bestand: Bestand, rij: &Rij<'_>) -> Bewaakt {
    match bestand {
        Bestand::Klachten => Bewaakt::Zaak {
            ontvangen: Waarde::datum(&veld(rij, k::ONTVANGEN)),
        },
        Bestand::Gebeurtenissen => Bewaakt::Gebeurtenis {
            datum: Waarde::datum(&veld(rij, g::DATUM)),
            oordeel: Waarde::opsomming(&veld(rij, g::OORDEEL)),
        },
    }
}

/// The header `kop` followed by `deel` of a version, to be read as a table.
fn met_kop(kop: &[u8], deel: &[u8]) -> Vec<u8> {
    let mut invoer = Vec::with_capacity(kop.len() + deel.len());
    invoer.extend_from_slice(kop);
    invoer.extend_from_slice(deel);
    invoer
}

/// Reads the rows of `inhoud[begin..eind]`, a stretch of whole rows under the header `kop`.
pub(crate) fn lees_rijen(
    bestand: Bestand,
    kop: &[u8],
    inhoud: &[u8],
    begin: usize,
    eind: usize,
    namen: &mut Namen,
) -> Vec<Gelezen> {
    let invoer = met_kop(kop, inhoud.get(begin..eind).unwrap_or_default());
    let mut tabel = Csvlezer::uit_bytes(&invoer, bestand.kolommen());
    let gekend = tabel.heeft_kolom(0)
        && match bestand {
            Bestand::Klachten => true,
            Bestand::Gebeurtenissen => tabel.heeft_kolom(g::SOORT),
        };
    let mut uit = Vec::new();
    while let Some(rij) = tabel.volgende_ruw() {
        let zaak = veld(&rij, 0);
        let paar = (gekend && !zaak.is_empty()).then(|| Paar {
            zaak: namen.zaak(&zaak),
            soort: match bestand {
                Bestand::Klachten => ZAAKREGEL,
                Bestand::Gebeurtenissen => namen.soort(&veld(&rij, g::SOORT)),
            },
        });
        // The header was read first: the stretch starts right after it. The csv crate
        // places a record before the blank lines of `\n`s that precede it; a row starts
        // at its first byte.
        let mut start = begin + (rij.byte as usize).saturating_sub(kop.len());
        while matches!(inhoud.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        uit.push(Gelezen {
            start,
            line: rij.line,
            paar,
            bewaakt: bewaakt(bestand, &rij),
        });
    }
    uit
}

/// Every known column of one row, for showing what changed.
pub(crate) struct Volledig {
    pub bewaakt: Bewaakt,
    velden: Vec<(&'static str, String)>,
}

impl Volledig {
    /// The complainant's name and contact in this version of the row (none in a row of
    /// gebeurtenissen.csv).
    pub fn geheimen(&self) -> Geheimen {
        let waarde = |naam: &str| {
            self.velden
                .iter()
                .find(|(n, _)| *n == naam)
                .map(|(_, w)| w.as_str())
        };
        Geheimen::van(waarde("klager"), waarde("contact"))
    }
}

/// Reads the one row `rij` (its bytes) under the header `kop`.
pub(crate) fn lees_volledig(bestand: Bestand, kop: &[u8], rij: &[u8]) -> Option<Volledig> {
    let invoer = met_kop(kop, rij);
    let mut tabel = Csvlezer::uit_bytes(&invoer, bestand.kolommen());
    let aanwezig: Vec<bool> = (0..bestand.kolommen().len())
        .map(|i| tabel.heeft_kolom(i))
        .collect();
    let rij = tabel.volgende_ruw()?;
    let velden = bestand
        .kolommen()
        .iter()
        .zip(aanwezig)
        .enumerate()
        .filter(|(_, (_, aanwezig))| *aanwezig)
        .map(|(i, (kolom, _))| (kolom.naam, veld(&rij, i).into_owned()))
        .collect();
    Some(Volledig {
        bewaakt: bewaakt(bestand, &rij),
        velden,
    })
}

/// Columns whose values are personal data: the history says that they changed, not what
/// they said.
const ALLEEN_GEWIJZIGD: [&str; 2] = ["klager", "contact"];
/// Free text, shown between quotes.
const VRIJE_TEKST: [&str; 2] = ["omschrijving", "toelichting"];
/// Names of staff, shown as every output shows them: only the whole name or contact of the
/// complainant is hidden in them (`door` of an appeal or a withdrawal is the complainant's
/// side, see [`Soort::door_de_klager`]). A category is a value of the register like any
/// other: the site hides one that names a complainant everywhere (`statistiek::Gedeeld`).
const NAMEN: [&str; 3] = ["behandelaar", "beklaagde", "door"];
const DATUMS: [&str; 3] = ["ontvangen", "datum", "termijn"];
const OPSOMMINGEN: [&str; 5] = ["kanaal", "dienst", "soort", "oordeel", "regel"];

impl Volledig {
    fn veld(&self, naam: &str) -> &str {
        self.velden
            .iter()
            .find(|(n, _)| *n == naam)
            .map_or("", |(_, w)| w.as_str())
    }

    fn waarde(&self, naam: &str) -> Waarde {
        let tekst = self.veld(naam);
        if DATUMS.contains(&naam) {
            Waarde::datum(tekst)
        } else if OPSOMMINGEN.contains(&naam) {
            Waarde::opsomming(tekst)
        } else {
            Waarde::Tekst(tekst.trim().into())
        }
    }

    /// Whether this version of the row may be a step of the complainant's side: its soort
    /// says so, or is none the tool knows (the safe side).
    fn door_de_klager(&self) -> bool {
        Soort::parse(self.veld("soort").trim()).is_none_or(Soort::door_de_klager)
    }
}

/// Every column in which `nieuw` differs from `oud`, in Dutch: "datum 03-03-2025 →
/// 28-02-2025", "klager gewijzigd" (personal data is never shown). Dates compare as dates,
/// enumerated values without regard to case, the rest as trimmed text. The values are
/// quoted in a [`Zin`]: whoever shows it hides the case's names and contacts in them.
pub(crate) fn veldverschillen(oud: &Volledig, nieuw: &Volledig) -> Vec<Zin> {
    let mut namen: Vec<&'static str> = oud.velden.iter().map(|(n, _)| *n).collect();
    for (n, _) in &nieuw.velden {
        if !namen.contains(n) {
            namen.push(n);
        }
    }
    let klagerszijde = oud.door_de_klager() || nieuw.door_de_klager();
    namen
        .into_iter()
        .filter(|&naam| naam != "zaak")
        .filter_map(|naam| {
            let (a, b) = (oud.waarde(naam), nieuw.waarde(naam));
            (a != b).then(|| {
                let zin = Zin::default().eigen(naam);
                if ALLEEN_GEWIJZIGD.contains(&naam) {
                    zin.eigen(" gewijzigd")
                } else if VRIJE_TEKST.contains(&naam) {
                    zin.eigen(" „")
                        .en(a.zin(naam))
                        .eigen("” → „")
                        .en(b.zin(naam))
                        .eigen("”")
                } else if NAMEN.contains(&naam) && !(naam == "door" && klagerszijde) {
                    let medewerker = |w: &Waarde| match w {
                        Waarde::Tekst(t) if !t.is_empty() => Zin::default().naam(t),
                        w => w.zin(naam),
                    };
                    zin.eigen(" ")
                        .en(medewerker(&a))
                        .eigen(" → ")
                        .en(medewerker(&b))
                } else {
                    zin.eigen(" ").en(a.zin(naam)).eigen(" → ").en(b.zin(naam))
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KOP: &[u8] = b"zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving\n";
    const GEBEURTENIS_KOP: &[u8] = b"zaak,datum,soort,door,toelichting\n";

    fn versie(rij: &str) -> Volledig {
        lees_volledig(Bestand::Klachten, KOP, rij.as_bytes()).unwrap()
    }

    fn gebeurtenis(rij: &str) -> Volledig {
        lees_volledig(Bestand::Gebeurtenissen, GEBEURTENIS_KOP, rij.as_bytes()).unwrap()
    }

    fn getoond(oud: &Volledig, nu: &Volledig, geheimen: &Geheimen) -> Vec<String> {
        veldverschillen(oud, nu)
            .iter()
            .map(|zin| zin.toon(geheimen))
            .collect()
    }

    /// A changed description shows before and after without a word of the complainant's
    /// name; an empty one is the tool's "(leeg)", also for a complainant called Leeg.
    #[test]
    fn een_gewijzigde_omschrijving_zonder_de_naam_van_de_klager() {
        let oud = versie("KP-1,2025-03-03,email,preventie,B,Anna Leeg,a@x.nl,");
        let nu = versie("KP-1,2025-03-03,email,preventie,B,Anna Leeg,a@x.nl,Mevrouw Leeg belde");
        let geheimen = oud.geheimen().samen(&nu.geheimen());
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            ["omschrijving „(leeg)” → „Mevrouw [naam verwijderd] belde”"]
        );
    }

    /// A row of gebeurtenissen.csv holds no name of the complainant: the words of the
    /// case's name are hidden in its changed explanation when the change is shown. A
    /// colleague who shares the surname keeps it where `door` names staff, not where it
    /// names the complainant's side (an appeal).
    #[test]
    fn een_gewijzigde_toelichting_zonder_de_naam_van_de_klager() {
        let geheimen = Geheimen::van(Some("Karin Jansen"), None);
        let oud = gebeurtenis("KP-1,2025-03-10,gesprek,P. Jansen,");
        let nu = gebeurtenis("KP-1,2025-03-10,gesprek,J. Jansen,Mevrouw Jansen gebeld");
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            [
                "door P. Jansen → J. Jansen",
                "toelichting „(leeg)” → „Mevrouw [naam verwijderd] gebeld”"
            ]
        );
        let oud = gebeurtenis("KP-1,2025-03-10,beroep,Karin,");
        let nu = gebeurtenis("KP-1,2025-03-10,beroep,Mevrouw Jansen,");
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            ["door [naam verwijderd] → Mevrouw [naam verwijderd]"]
        );
    }

    /// A value the tool knows for its column is the tool's word, also when the
    /// complainant's name holds it: hiding it would show the word of the name beside the
    /// findings that name the verdict. A `door` of a row whose soort the tool does not know
    /// may be the complainant's side.
    #[test]
    fn een_bekende_waarde_blijft_staan() {
        let geheimen = Geheimen::van(Some("Jan Gesprek Brief Gegrond Zwartkop"), None);
        let oud = versie("KP-1,2025-03-03,brief,preventie,B,X,,");
        let nu = versie("KP-1,2025-03-03,email,preventie,B,X,,");
        assert_eq!(getoond(&oud, &nu, &geheimen), ["kanaal brief → email"]);
        let kop = b"zaak,datum,soort,door,oordeel\n";
        let lees = |rij: &str| lees_volledig(Bestand::Gebeurtenissen, kop, rij.as_bytes()).unwrap();
        let oud = lees("KP-1,2025-03-10,uitspraak,B,gegrond");
        let nu = lees("KP-1,2025-03-10,uitspraak,B,gegrond brief");
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            ["oordeel gegrond → [naam verwijderd] [naam verwijderd]"]
        );
        let oud = lees("KP-1,2025-03-10,beroep.,klager,");
        let nu = lees("KP-1,2025-03-10,beroep.,mevrouw Zwartkop,");
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            ["door klager → mevrouw [naam verwijderd]"]
        );
    }

    /// A category is a value of the register: a word of the name in it is hidden, as the
    /// site hides a category that names a complainant everywhere else.
    #[test]
    fn een_gewijzigde_categorie_zonder_de_naam_van_de_klager() {
        let geheimen = Geheimen::van(Some("Karin Jansen"), None);
        let kop = b"zaak,ontvangen,kanaal,dienst,behandelaar,categorie\n";
        let lees = |rij: &str| lees_volledig(Bestand::Klachten, kop, rij.as_bytes()).unwrap();
        let oud = lees("KP-1,2025-03-03,email,preventie,P. Jansen,bejegening");
        let nu = lees("KP-1,2025-03-03,email,preventie,J. Jansen,klacht Jansen");
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            [
                "behandelaar P. Jansen → J. Jansen",
                "categorie bejegening → klacht [naam verwijderd]"
            ]
        );
    }

    /// A value of another column, a date that is none say, is the register's: the words of
    /// the name go there too, the tool's words around it stay.
    #[test]
    fn een_ongeldige_datum_zonder_de_naam_van_de_klager() {
        let geheimen = Geheimen::van(Some("W. Termijn"), None);
        let oud = gebeurtenis("KP-1,2025-03-10,gesprek,B,");
        let nu = gebeurtenis("KP-1,termijn 10-03,gesprek,B,");
        assert_eq!(
            getoond(&oud, &nu, &geheimen),
            ["datum 10-03-2025 → [naam verwijderd] 10-03"]
        );
    }
}
