//! The register's own history in Git (article 7): when each row was first recorded on the
//! main line, and what changed afterwards. An auditor trusts this more than any date typed
//! into a CSV file.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::Tekst;
use crate::rules::{Bevinding, Bron};

/// How the history could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Historiestatus {
    /// Read in full.
    Gelezen,
    /// The register is not in a Git repository: the art-7 rules are skipped.
    GeenGit,
    /// A shallow clone: the history is incomplete, the art-7 rules are skipped.
    Ondiep,
}

impl Historiestatus {
    /// The value of `summary.history` in JSON.
    pub fn naam(self) -> &'static str {
        match self {
            Historiestatus::Gelezen => "gelezen",
            Historiestatus::GeenGit => "geen git",
            Historiestatus::Ondiep => "ondiep",
        }
    }
}

/// One change to a case's rows or narrative, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wijziging {
    /// Short commit id; None for uncommitted changes in the working tree.
    pub commit: Option<String>,
    /// The commit's date (committer date, in its own time zone); today for the working tree.
    pub datum: NaiveDate,
    pub auteur: String,
    pub bron: Bron,
    /// Line of the row in the current file, where it still exists.
    pub line: Option<u32>,
    /// What changed, in Dutch: "gebeurtenis uitspraak toegevoegd", "datum: 2025-03-03 → 2025-02-28".
    pub omschrijving: String,
}

/// What reading the history yielded.
#[derive(Debug, Clone)]
pub struct Historie {
    pub status: Historiestatus,
    /// Findings of art-7-registratie and art-7-wijziging.
    pub bevindingen: Vec<Bevinding>,
    /// Every change per case, in history order, for the case pages.
    pub per_zaak: HashMap<Tekst, Vec<Wijziging>>,
    /// A remark for stderr and the summary (the rules were skipped, and why).
    pub notitie: Option<String>,
}

mod git;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::register::tabel::{self, Kolom, Tabel};
use crate::register::{Register, GEBEURTENISSEN_CSV, KLACHTEN_CSV, ZAKEN_MAP};
use crate::rules::{Ernst, RegelId};

/// A value watched by art-7: dates compare as dates, other values case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Waarde {
    Datum(NaiveDate),
    Tekst(String),
}

impl Waarde {
    fn datum(tekst: &str) -> Waarde {
        match tabel::datum(tekst.trim()) {
            Ok(d) => Waarde::Datum(d),
            Err(_) => Waarde::Tekst(tekst.trim().to_string()),
        }
    }

    fn tekst(tekst: &str) -> Waarde {
        Waarde::Tekst(tekst.trim().to_lowercase())
    }

    fn toon(&self) -> String {
        match self {
            Waarde::Datum(d) => d.format("%Y-%m-%d").to_string(),
            Waarde::Tekst(t) if t.is_empty() => "(leeg)".to_string(),
            Waarde::Tekst(t) => t.clone(),
        }
    }
}

/// How a row is known across versions: a case by its zaak; an event by its case, its
/// soort and its rank among that case's rows of that soort in file order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Sleutel {
    Zaak(Tekst),
    Gebeurtenis(Tekst, String, u32),
}

impl Sleutel {
    fn zaak(&self) -> &Tekst {
        match self {
            Sleutel::Zaak(z) | Sleutel::Gebeurtenis(z, _, _) => z,
        }
    }
}

/// The watched fields of one row in one version: (field name, value), and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rij {
    velden: Vec<(&'static str, Waarde)>,
    line: u32,
}

type Versie = FxHashMap<Sleutel, Rij>;
type Rijen = Vec<(Sleutel, Rij)>;

/// One file followed through its versions. Registers grow at the end, so a new version is
/// compared with the previous one by their common prefix first: rows that end before the
/// first changed byte are kept as they were, and only the rest is read again.
#[derive(Default)]
struct Bestandsstand {
    inhoud: Vec<u8>,
    /// The header line, as it was read.
    kop: Vec<u8>,
    /// The rows in file order, with the byte offset where each starts.
    rijen: Vec<(Sleutel, usize)>,
    huidig: Versie,
    rangen: FxHashMap<(Tekst, String), u32>,
}

fn kolommen(klachten: bool) -> &'static [Kolom] {
    const K: [Kolom; 2] = [
        Kolom {
            naam: "zaak",
            verplicht: true,
        },
        Kolom {
            naam: "ontvangen",
            verplicht: true,
        },
    ];
    const G: [Kolom; 4] = [
        Kolom {
            naam: "zaak",
            verplicht: true,
        },
        Kolom {
            naam: "soort",
            verplicht: true,
        },
        Kolom {
            naam: "datum",
            verplicht: true,
        },
        Kolom {
            naam: "oordeel",
            verplicht: false,
        },
    ];
    if klachten {
        &K
    } else {
        &G
    }
}

/// The length of the longest common prefix; compared block by block, then byte by byte.
fn gemeenschappelijk_begin(a: &[u8], b: &[u8]) -> usize {
    const BLOK: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOK <= n && a[i..i + BLOK] == b[i..i + BLOK] {
        i += BLOK;
    }
    i + a[i..n]
        .iter()
        .zip(&b[i..n])
        .take_while(|(x, y)| x == y)
        .count()
}

fn kopregel(inhoud: &[u8]) -> &[u8] {
    match inhoud.iter().position(|&b| b == b'\n') {
        Some(i) => &inhoud[..=i],
        None => inhoud,
    }
}

impl Bestandsstand {
    /// Moves to the next version of `bestand` (None: deleted). Returns the rows gone from
    /// the old version's tail and the rows of the new one's tail.
    fn volgende(&mut self, bestand: &str, inhoud: Option<Vec<u8>>) -> (Rijen, Rijen) {
        let inhoud = inhoud.unwrap_or_default();
        let gemeen = gemeenschappelijk_begin(&self.inhoud, &inhoud);
        let kop_gelijk = !self.kop.is_empty() && kopregel(&inhoud) == self.kop.as_slice();
        // A row is unchanged when it ends within the common prefix: where the next row
        // starts, or for the last row at the end of a file that ends in a line break.
        let mut behouden = 0;
        if kop_gelijk {
            while let Some(volgende_start) = match self.rijen.get(behouden + 1) {
                Some((_, start)) => Some(*start),
                None if behouden < self.rijen.len() && self.inhoud.ends_with(b"\n") => {
                    Some(self.inhoud.len())
                }
                None => None,
            } {
                if volgende_start > gemeen {
                    break;
                }
                behouden += 1;
            }
        }
        // Where reading resumes: the first row not kept; everything when the header changed.
        let hervat = match self.rijen.get(behouden) {
            _ if !kop_gelijk => 0,
            Some((_, start)) => *start,
            None if behouden > 0 => self.inhoud.len(),
            None => 0,
        };
        let mut weg = Vec::new();
        let staart: Vec<(Sleutel, usize)> = if hervat == 0 {
            self.rijen.drain(..).collect()
        } else {
            self.rijen.drain(behouden..).collect()
        };
        for (sleutel, _) in staart {
            if let Sleutel::Gebeurtenis(zaak, soort, _) = &sleutel {
                if let Some(n) = self.rangen.get_mut(&(zaak.clone(), soort.clone())) {
                    *n = n.saturating_sub(1);
                }
            }
            if let Some(rij) = self.huidig.remove(&sleutel) {
                weg.push((sleutel, rij));
            }
        }
        let nieuw = self.lees(bestand, &inhoud, hervat);
        self.inhoud = inhoud;
        (weg, nieuw)
    }

    /// Reads the rows of `inhoud` from byte `hervat` on (0: the whole file).
    fn lees(&mut self, bestand: &str, inhoud: &[u8], hervat: usize) -> Vec<(Sleutel, Rij)> {
        let klachten = bestand == KLACHTEN_CSV;
        let kop = kopregel(inhoud).to_vec();
        let (invoer, regels_ervoor, verschuiving) = if hervat == 0 {
            (inhoud.to_vec(), 0u32, 0usize)
        } else {
            let mut invoer = kop.clone();
            invoer.extend_from_slice(inhoud.get(hervat..).unwrap_or_default());
            let regels = inhoud[..hervat].iter().filter(|&&b| b == b'\n').count() as u32;
            // The tail's first row is line 2 of what is read, line `regels + 1` of the file.
            (invoer, regels.saturating_sub(1), hervat - kop.len())
        };
        self.kop = kop;
        let mut tabel = Tabel::uit_bytes(invoer, kolommen(klachten));
        let mut nieuw = Vec::new();
        if !tabel.ontbrekende_kolommen.is_empty() {
            return nieuw;
        }
        while let Some(rij) = tabel.volgende() {
            let Ok(rij) = rij else { continue };
            let veld = |i: usize| rij.ruw(i).unwrap_or_default();
            let zaak: Tekst = veld(0).into();
            if zaak.is_empty() {
                continue;
            }
            let line = rij.line + regels_ervoor;
            let start = rij.byte as usize + verschuiving;
            let (sleutel, waarden) = if klachten {
                (
                    Sleutel::Zaak(zaak),
                    Rij {
                        velden: vec![("ontvangen", Waarde::datum(veld(1)))],
                        line,
                    },
                )
            } else {
                let soort = veld(1).to_lowercase();
                let rang = self
                    .rangen
                    .entry((zaak.clone(), soort.clone()))
                    .or_insert(0);
                *rang += 1;
                (
                    Sleutel::Gebeurtenis(zaak, soort, *rang),
                    Rij {
                        velden: vec![
                            ("datum", Waarde::datum(veld(2))),
                            ("oordeel", Waarde::tekst(veld(3))),
                        ],
                        line,
                    },
                )
            };
            // A duplicate case row: the first one is the case. Leaving it out of `rijen` only
            // makes the row before it count as longer, which rereads a little more.
            if self.huidig.contains_key(&sleutel) {
                continue;
            }
            self.rijen.push((sleutel.clone(), start));
            self.huidig.insert(sleutel.clone(), waarden.clone());
            nieuw.push((sleutel, waarden));
        }
        nieuw
    }
}

/// One version of the register's files: a commit, or the working tree (commit None).
struct Stap {
    commit: Option<String>,
    datum: NaiveDate,
    auteur: String,
    /// (file, its contents at this step)
    bestanden: Vec<(String, Inhoud)>,
}

/// A file's contents at a step.
enum Inhoud {
    /// The next version from the blob stream.
    Lezen,
    Tekst(Vec<u8>),
    Weg,
}

/// What the history says of one row.
struct Spoor {
    /// The step that first held it, and whether that was the first version of its file.
    eerste_stap: usize,
    vrijgesteld: bool,
    eerste: Rij,
    /// The first later step in which it differed from its first recording or was gone.
    wijziging: Option<(usize, String)>,
}

fn beschrijf(sleutel: &Sleutel) -> String {
    match sleutel {
        Sleutel::Zaak(_) => "zaakregel".to_string(),
        Sleutel::Gebeurtenis(_, soort, 1) => format!("gebeurtenis {soort}"),
        Sleutel::Gebeurtenis(_, soort, rang) => format!("gebeurtenis {soort} (nr. {rang})"),
    }
}

/// Reads the register's history and judges it by art-7. `vandaag` dates uncommitted
/// changes. Outside Git or in a shallow clone, the rules are skipped with a note.
pub fn lees(register: &Register, vandaag: NaiveDate) -> Historie {
    let overslaan = |status: Historiestatus, notitie: &str| Historie {
        status,
        bevindingen: Vec::new(),
        per_zaak: HashMap::new(),
        notitie: Some(notitie.to_string()),
    };
    let Some(repo) = git::repository(&register.pad) else {
        return overslaan(
            Historiestatus::GeenGit,
            "het register staat niet in een Git-repository: art-7-registratie en art-7-wijziging zijn overgeslagen",
        );
    };
    if repo.ondiep {
        return overslaan(
            Historiestatus::Ondiep,
            "de Git-historie is onvolledig (ondiepe kloon): art-7-registratie en art-7-wijziging zijn overgeslagen",
        );
    }
    let paden = [KLACHTEN_CSV, GEBEURTENISSEN_CSV, ZAKEN_MAP];
    let Some(commits) = git::commits(&repo, &paden) else {
        return overslaan(
            Historiestatus::GeenGit,
            "de Git-historie kon niet worden gelezen: art-7 is overgeslagen",
        );
    };
    let nodig: Vec<String> = commits
        .iter()
        .flat_map(|c| c.bestanden.iter())
        .filter(|(pad, _)| pad == KLACHTEN_CSV || pad == GEBEURTENISSEN_CSV)
        .filter_map(|(_, blob)| blob.clone())
        .collect();
    let Some(blobs) = git::blobstroom(&repo, nodig) else {
        return overslaan(
            Historiestatus::GeenGit,
            "de Git-historie kon niet worden gelezen: art-7 is overgeslagen",
        );
    };
    let mut stappen: Vec<Stap> = commits
        .into_iter()
        .map(|c| Stap {
            bestanden: c
                .bestanden
                .into_iter()
                .map(|(pad, blob)| {
                    let csv = pad == KLACHTEN_CSV || pad == GEBEURTENISSEN_CSV;
                    let inhoud = match blob {
                        None => Inhoud::Weg,
                        Some(_) if csv => Inhoud::Lezen,
                        Some(_) => Inhoud::Tekst(Vec::new()),
                    };
                    (pad, inhoud)
                })
                .collect(),
            commit: Some(c.kort),
            datum: c.datum,
            auteur: c.auteur,
        })
        .collect();
    if git::gewijzigd(&repo, &paden) {
        let lees = |pad: &str| std::fs::read(register.pad.join(pad)).ok();
        stappen.push(Stap {
            commit: None,
            datum: vandaag,
            auteur: "(niet vastgelegd)".to_string(),
            bestanden: [KLACHTEN_CSV, GEBEURTENISSEN_CSV]
                .iter()
                .map(|pad| {
                    (
                        pad.to_string(),
                        lees(pad).map_or(Inhoud::Weg, Inhoud::Tekst),
                    )
                })
                .collect(),
        });
    }
    volg(register, stappen, blobs).unwrap_or_else(|| {
        overslaan(
            Historiestatus::GeenGit,
            "de Git-historie kon niet volledig worden gelezen: art-7 is overgeslagen",
        )
    })
}

/// Follows every row through the steps and turns what it finds into findings.
fn volg(
    register: &Register,
    mut stappen: Vec<Stap>,
    mut blobs: git::Blobstroom,
) -> Option<Historie> {
    let mut sporen: FxHashMap<Sleutel, Spoor> = FxHashMap::default();
    let mut standen: FxHashMap<String, Bestandsstand> = FxHashMap::default();
    let mut per_zaak: HashMap<Tekst, Vec<Wijziging>> = HashMap::new();
    let mut wijziging =
        |zaak: &Tekst, stap: &Stap, bron: Bron, line: Option<u32>, omschrijving: String| {
            per_zaak.entry(zaak.clone()).or_default().push(Wijziging {
                commit: stap.commit.clone(),
                datum: stap.datum,
                auteur: stap.auteur.clone(),
                bron,
                line,
                omschrijving,
            });
        };
    // The contents are read once; the rest of each step is kept for the findings.
    let inhoud: Vec<Vec<(String, Inhoud)>> = stappen
        .iter_mut()
        .map(|s| std::mem::take(&mut s.bestanden))
        .collect();
    for (i, (stap, bestanden)) in stappen.iter().zip(inhoud).enumerate() {
        for (pad, inhoud) in bestanden {
            let inhoud = match inhoud {
                Inhoud::Lezen => Some(blobs.volgende()?),
                Inhoud::Tekst(tekst) => Some(tekst),
                Inhoud::Weg => None,
            };
            if let Some(naam) = pad
                .strip_prefix("zaken/")
                .and_then(|n| n.strip_suffix(".md"))
            {
                let zaak: Tekst = naam.into();
                let wat = if inhoud.is_some() {
                    "zaakdossier toegevoegd of gewijzigd"
                } else {
                    "zaakdossier verwijderd"
                };
                wijziging(
                    &zaak,
                    stap,
                    Bron::Dossier(zaak.clone()),
                    None,
                    wat.to_string(),
                );
                continue;
            }
            let bron = if pad == KLACHTEN_CSV {
                Bron::Klachten
            } else {
                Bron::Gebeurtenissen
            };
            let eerste_versie = !standen.contains_key(&pad);
            let stand = standen.entry(pad.clone()).or_default();
            let (weg, nieuw) = stand.volgende(&pad, inhoud);
            let mut was: FxHashMap<Sleutel, Rij> = weg.into_iter().collect();
            for (sleutel, rij) in nieuw {
                match was.remove(&sleutel) {
                    None => wijziging(
                        sleutel.zaak(),
                        stap,
                        bron.clone(),
                        Some(rij.line),
                        format!("{} vastgelegd", beschrijf(&sleutel)),
                    ),
                    Some(oud) => {
                        for ((veld, a), (_, b)) in oud.velden.iter().zip(&rij.velden) {
                            if a != b {
                                wijziging(
                                    sleutel.zaak(),
                                    stap,
                                    bron.clone(),
                                    Some(rij.line),
                                    format!(
                                        "{}: {veld} {} → {}",
                                        beschrijf(&sleutel),
                                        a.toon(),
                                        b.toon()
                                    ),
                                );
                            }
                        }
                    }
                }
                match sporen.get_mut(&sleutel) {
                    None => {
                        sporen.insert(
                            sleutel,
                            Spoor {
                                eerste_stap: i,
                                vrijgesteld: eerste_versie,
                                eerste: rij,
                                wijziging: None,
                            },
                        );
                    }
                    Some(spoor)
                        if spoor.wijziging.is_none() && spoor.eerste.velden != rij.velden =>
                    {
                        let verschil = spoor
                            .eerste
                            .velden
                            .iter()
                            .zip(&rij.velden)
                            .find(|((_, a), (_, b))| a != b)
                            .map(|((veld, a), (_, b))| {
                                format!("{veld} {} → {}", a.toon(), b.toon())
                            })
                            .unwrap_or_default();
                        spoor.wijziging = Some((i, verschil));
                    }
                    Some(_) => {}
                }
            }
            let mut weg: Vec<Sleutel> = was.into_keys().collect();
            weg.sort();
            for sleutel in weg {
                wijziging(
                    sleutel.zaak(),
                    stap,
                    bron.clone(),
                    None,
                    format!("{} verwijderd", beschrijf(&sleutel)),
                );
                if let Some(spoor) = sporen.get_mut(&sleutel) {
                    if spoor.wijziging.is_none() {
                        spoor.wijziging = Some((i, format!("{} verwijderd", beschrijf(&sleutel))));
                    }
                }
            }
        }
    }
    let laatste: FxHashMap<&str, Versie> = standen
        .iter_mut()
        .map(|(pad, stand)| (pad.as_str(), std::mem::take(&mut stand.huidig)))
        .collect();
    let bevindingen = bevindingen(register, &stappen, &sporen, &laatste);
    Some(Historie {
        status: Historiestatus::Gelezen,
        bevindingen,
        per_zaak,
        notitie: None,
    })
}

fn bevindingen(
    register: &Register,
    stappen: &[Stap],
    sporen: &FxHashMap<Sleutel, Spoor>,
    laatste: &FxHashMap<&str, Versie>,
) -> Vec<Bevinding> {
    let kalender = register.reglement.kalender();
    let termijn = register.reglement.registratie_werkdagen;
    // The current rows by line, to know each event of the register by its key.
    let mut per_regel: FxHashMap<u32, &Sleutel> = FxHashMap::default();
    if let Some(versie) = laatste.get(GEBEURTENISSEN_CSV) {
        for (sleutel, rij) in versie {
            per_regel.insert(rij.line, sleutel);
        }
    }
    let commit = |stap: &Stap| match &stap.commit {
        Some(kort) => format!("commit {kort}"),
        None => "een niet vastgelegde wijziging".to_string(),
    };
    let gewijzigd =
        |zaak: &Tekst, spoor: &Spoor, wat: String, bron: Bron, line: u32| -> Option<Bevinding> {
            let (stap, verschil) = spoor.wijziging.as_ref()?;
            let stap = &stappen[*stap];
            let mut b = Bevinding::new(
                zaak,
                RegelId::Art7Wijziging,
                Ernst::Warning,
                format!(
                    "{wat} later gewijzigd in {} van {}: {verschil}",
                    commit(stap),
                    crate::rules::dmj(stap.datum)
                ),
            );
            b.datum = Some(stap.datum);
            b.bron = bron;
            b.line = Some(line);
            b.commit = stap.commit.clone();
            Some(b)
        };
    let mut uit = Vec::new();
    let mut bekend: FxHashSet<&Sleutel> = FxHashSet::default();
    for zaak in &register.zaken {
        let sleutel = Sleutel::Zaak(zaak.id.clone());
        if let Some(spoor) = sporen.get(&sleutel) {
            uit.extend(gewijzigd(
                &zaak.id,
                spoor,
                "ontvangstdatum van de zaak".to_string(),
                Bron::Klachten,
                zaak.line,
            ));
        }
        for g in &zaak.gebeurtenissen {
            let Some(&sleutel) = per_regel.get(&g.line) else {
                continue;
            };
            bekend.insert(sleutel);
            let Some(spoor) = sporen.get(sleutel) else {
                continue;
            };
            let wat = format!("{} van {}", beschrijf(sleutel), crate::rules::dmj(g.datum));
            uit.extend(gewijzigd(
                &zaak.id,
                spoor,
                wat.clone(),
                Bron::Gebeurtenissen,
                g.line,
            ));
            let stap = &stappen[spoor.eerste_stap];
            let deadline = kalender.werkdagen_na(g.datum, termijn);
            if !spoor.vrijgesteld && stap.datum > deadline {
                let mut b = Bevinding::new(
                    &zaak.id,
                    RegelId::Art7Registratie,
                    Ernst::Warning,
                    format!(
                        "{wat} pas vastgelegd op {} in {}; uiterlijk {} ({termijn} werkdagen)",
                        crate::rules::dmj(stap.datum),
                        commit(stap),
                        crate::rules::dmj(deadline)
                    ),
                );
                b.deadline = Some(deadline);
                b.datum = Some(stap.datum);
                b.bron = Bron::Gebeurtenissen;
                b.line = Some(g.line);
                b.commit = stap.commit.clone();
                uit.push(b);
            }
        }
    }
    // Rows removed since: reported on their case's row, while the case is still there.
    let zaken: FxHashMap<&str, &crate::model::Zaak> =
        register.zaken.iter().map(|z| (&*z.id, z)).collect();
    let huidig = laatste.get(GEBEURTENISSEN_CSV);
    for (sleutel, spoor) in sporen {
        let Sleutel::Gebeurtenis(zaak, _, _) = sleutel else {
            continue;
        };
        if bekend.contains(sleutel) || huidig.is_some_and(|v| v.contains_key(sleutel)) {
            continue;
        }
        let Some(z) = zaken.get(&**zaak) else {
            continue;
        };
        let eerste_datum = spoor.eerste.velden.first().and_then(|(_, w)| match w {
            Waarde::Datum(d) => Some(*d),
            Waarde::Tekst(_) => None,
        });
        if eerste_datum.is_some_and(|d| d > register.peildatum) {
            continue;
        }
        uit.extend(gewijzigd(
            zaak,
            spoor,
            beschrijf(sleutel),
            Bron::Klachten,
            z.line,
        ));
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading versions one after the other gives what reading each afresh gives.
    #[test]
    fn stap_voor_stap_lezen_is_hetzelfde_als_opnieuw_lezen() {
        let kop = "zaak,datum,soort,oordeel\n";
        let mut rijen: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "KP-{},2025-03-{:02},{},\n",
                    i % 7,
                    i % 28 + 1,
                    ["gesprek", "uitspraak"][i % 2]
                )
            })
            .collect();
        let mut stand = Bestandsstand::default();
        let mut x: u64 = 12345;
        for stap in 0..300 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let plek = (x % (rijen.len() as u64 + 1)) as usize;
            match stap % 6 {
                0 | 1 => rijen.push(format!("KP-{},2025-04-{:02},gesprek,\n", x % 9, x % 28 + 1)),
                2 if plek < rijen.len() => {
                    rijen[plek] = format!("KP-{},2025-05-01,uitspraak,gegrond\n", x % 9)
                }
                3 => rijen.insert(
                    plek,
                    format!(
                        "KP-{},\"2025-06-01\",\"gesprek\",\"regel\nnog een regel\"\n",
                        x % 5
                    ),
                ),
                4 if plek < rijen.len() => {
                    rijen.remove(plek);
                }
                _ => {}
            }
            let mut inhoud = kop.as_bytes().to_vec();
            for r in &rijen {
                inhoud.extend_from_slice(r.as_bytes());
            }
            if stap % 50 == 49 {
                // A file without a final line break now and then.
                inhoud.pop();
            }
            if stap % 37 == 36 {
                // A different header now and then: a longer one, so that an offset of the
                // old version would point elsewhere in the new one.
                let kop = "zaak,datum,soort,oordeel,door,toelichting\n".as_bytes();
                inhoud.splice(..b"zaak,datum,soort,oordeel\n".len(), kop.iter().copied());
            }
            stand.volgende(GEBEURTENISSEN_CSV, Some(inhoud.clone()));
            let mut vers = Bestandsstand::default();
            vers.volgende(GEBEURTENISSEN_CSV, Some(inhoud));
            assert_eq!(stand.huidig, vers.huidig, "stap {stap}");
            assert_eq!(stand.rijen, vers.rijen, "stap {stap}");
        }
    }

    #[test]
    fn gemeenschappelijk_begin_over_blokgrenzen() {
        let a = vec![7u8; 10_000];
        let mut b = a.clone();
        b[8_193] = 0;
        assert_eq!(gemeenschappelijk_begin(&a, &b), 8_193);
        assert_eq!(gemeenschappelijk_begin(&a, &a[..5]), 5);
        assert_eq!(gemeenschappelijk_begin(&[], &a), 0);
    }
}
