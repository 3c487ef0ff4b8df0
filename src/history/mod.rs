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

fn lees_versie(bestand: &str, inhoud: Vec<u8>) -> Versie {
    let mut versie = Versie::default();
    let mut rangen: FxHashMap<(Tekst, String), u32> = FxHashMap::default();
    let klachten = bestand == KLACHTEN_CSV;
    let kolommen: &[Kolom] = if klachten {
        &[
            Kolom {
                naam: "zaak",
                verplicht: true,
            },
            Kolom {
                naam: "ontvangen",
                verplicht: true,
            },
        ]
    } else {
        &[
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
        ]
    };
    let mut tabel = Tabel::uit_bytes(inhoud, kolommen);
    if !tabel.ontbrekende_kolommen.is_empty() {
        return versie;
    }
    while let Some(rij) = tabel.volgende() {
        let Ok(rij) = rij else { continue };
        let veld = |i: usize| rij.ruw(i).unwrap_or_default();
        let zaak: Tekst = veld(0).into();
        if zaak.is_empty() {
            continue;
        }
        if klachten {
            versie.entry(Sleutel::Zaak(zaak)).or_insert_with(|| Rij {
                velden: vec![("ontvangen", Waarde::datum(veld(1)))],
                line: rij.line,
            });
        } else {
            let soort = veld(1).to_lowercase();
            let rang = rangen.entry((zaak.clone(), soort.clone())).or_insert(0);
            *rang += 1;
            versie.insert(
                Sleutel::Gebeurtenis(zaak, soort, *rang),
                Rij {
                    velden: vec![
                        ("datum", Waarde::datum(veld(2))),
                        ("oordeel", Waarde::tekst(veld(3))),
                    ],
                    line: rij.line,
                },
            );
        }
    }
    versie
}

/// One version of the register's files: a commit, or the working tree (commit None).
struct Stap {
    commit: Option<String>,
    datum: NaiveDate,
    auteur: String,
    /// (file, contents; None when deleted)
    bestanden: Vec<(String, Option<Vec<u8>>)>,
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
    let Some(mut inhoud) = git::blobs(&repo, &nodig).map(|v| v.into_iter()) else {
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
                    let tekst = if csv {
                        blob.and_then(|_| inhoud.next())
                    } else {
                        blob.map(|_| Vec::new())
                    };
                    (pad, tekst)
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
            bestanden: vec![
                (KLACHTEN_CSV.to_string(), lees(KLACHTEN_CSV)),
                (GEBEURTENISSEN_CSV.to_string(), lees(GEBEURTENISSEN_CSV)),
            ],
        });
    }
    volg(register, &stappen)
}

/// Follows every row through the steps and turns what it finds into findings.
fn volg(register: &Register, stappen: &[Stap]) -> Historie {
    let mut sporen: FxHashMap<Sleutel, Spoor> = FxHashMap::default();
    let mut vorige: FxHashMap<&str, Versie> = FxHashMap::default();
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
    for (i, stap) in stappen.iter().enumerate() {
        for (pad, inhoud) in &stap.bestanden {
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
            let eerste_versie = !vorige.contains_key(pad.as_str());
            let nieuw = inhoud
                .clone()
                .map(|b| lees_versie(pad, b))
                .unwrap_or_default();
            let oud = vorige.remove(pad.as_str()).unwrap_or_default();
            let mut sleutels: Vec<&Sleutel> = nieuw.keys().collect();
            sleutels.sort();
            for sleutel in sleutels {
                let rij = &nieuw[sleutel];
                match oud.get(sleutel) {
                    None => wijziging(
                        sleutel.zaak(),
                        stap,
                        bron.clone(),
                        Some(rij.line),
                        format!("{} vastgelegd", beschrijf(sleutel)),
                    ),
                    Some(was) if was.velden != rij.velden => {
                        for ((veld, a), (_, b)) in was.velden.iter().zip(&rij.velden) {
                            if a != b {
                                wijziging(
                                    sleutel.zaak(),
                                    stap,
                                    bron.clone(),
                                    Some(rij.line),
                                    format!(
                                        "{}: {veld} {} → {}",
                                        beschrijf(sleutel),
                                        a.toon(),
                                        b.toon()
                                    ),
                                );
                            }
                        }
                    }
                    Some(_) => {}
                }
                match sporen.get_mut(sleutel) {
                    None => {
                        sporen.insert(
                            sleutel.clone(),
                            Spoor {
                                eerste_stap: i,
                                vrijgesteld: eerste_versie,
                                eerste: rij.clone(),
                                wijziging: None,
                            },
                        );
                    }
                    Some(spoor)
                        if spoor.wijziging.is_none() && spoor.eerste.velden != rij.velden =>
                    {
                        let (veld, a, b) = spoor
                            .eerste
                            .velden
                            .iter()
                            .zip(&rij.velden)
                            .find(|((_, a), (_, b))| a != b)
                            .map(|((veld, a), (_, b))| (*veld, a.toon(), b.toon()))
                            .unwrap_or_default();
                        spoor.wijziging = Some((i, format!("{veld} {a} → {b}")));
                    }
                    Some(_) => {}
                }
            }
            let mut weg: Vec<&Sleutel> = oud.keys().filter(|s| !nieuw.contains_key(*s)).collect();
            weg.sort();
            for sleutel in weg {
                wijziging(
                    sleutel.zaak(),
                    stap,
                    bron.clone(),
                    None,
                    format!("{} verwijderd", beschrijf(sleutel)),
                );
                if let Some(spoor) = sporen.get_mut(sleutel) {
                    if spoor.wijziging.is_none() {
                        spoor.wijziging = Some((i, format!("{} verwijderd", beschrijf(sleutel))));
                    }
                }
            }
            vorige.insert(pad.as_str(), nieuw);
        }
    }
    let bevindingen = bevindingen(register, stappen, &sporen, &vorige);
    Historie {
        status: Historiestatus::Gelezen,
        bevindingen,
        per_zaak,
        notitie: None,
    }
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
