//! The register's own history in Git (article 7): when each row was first recorded on the
//! main line, and what changed afterwards. An auditor trusts this more than any date typed
//! into a CSV file.
//!
//! The history is the first-parent line of HEAD, plus the working tree when the register's
//! files have uncommitted changes (one more step, dated today). `git` lists the commits
//! that changed the register's files and streams those versions; `bestand` follows each
//! CSV file from version to version and says which rows were recorded, changed or removed;
//! `rij` says how a row is known across versions and what of it is watched; `spoor`
//! keeps each row's first recording and first deviation; `logboek` keeps every change per
//! case for the case pages. `reglement.toml` is followed too, version by version, for
//! article 9. This module only reads: what it read ([`Historielezing`]) is judged by
//! `rules::art7` and `rules::art9`.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::bevinding::Bron;
use crate::model::Tekst;
use crate::register::toegang::{Registermap, Weigering};

/// How the history could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Historiestatus {
    /// Read in full.
    Gelezen,
    /// The register is not in a Git repository: the art-7 rules are skipped.
    GeenGit,
    /// A shallow clone: the history is incomplete, the art-7 rules are skipped.
    Ondiep,
    /// The register is in a Git repository, but its history could not be read whole:
    /// Git refused the repository (another user's), failed half-way, or a commit's date
    /// or a version of a file could not be read. The art-7 rules are skipped; unlike the
    /// cases above this is shown in every format and fails the check under `--strict`.
    Onvolledig,
}

impl Historiestatus {
    /// The value of `summary.history` in JSON.
    pub fn naam(self) -> &'static str {
        match self {
            Historiestatus::Gelezen => "gelezen",
            Historiestatus::GeenGit => "geen git",
            Historiestatus::Ondiep => "ondiep",
            Historiestatus::Onvolledig => "onvolledig",
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
    /// Line of the row in the current version of its file, where it still exists.
    pub line: Option<u32>,
    /// What changed, in Dutch: "gebeurtenis uitspraak vastgelegd (datum 03-03-2025)",
    /// "gebeurtenis uitspraak: datum 03-03-2025 → 28-02-2025", "zaakdossier verwijderd";
    /// shown with the case's names and contacts hidden in the values it quotes.
    pub omschrijving: Zin,
}

/// What reading the history yielded.
pub struct Historie {
    pub status: Historiestatus,
    /// What art 7 judges; None when the history was not read.
    pub lezing: Option<Box<Historielezing>>,
    /// Every change per case, in history order, for the case pages.
    pub per_zaak: HashMap<Tekst, Vec<Wijziging>>,
    /// Per case, the complainant's names and contacts its row held in earlier versions:
    /// its texts must hide these too, in `check` as on the site.
    pub vroegere_geheimen: HashMap<Tekst, Geheimen>,
    /// Where the register's folder stands in Git (for the evidence stamp); None outside
    /// Git.
    pub bronstand: Option<Bronstand>,
    /// A remark for stderr and the summary (the rules were skipped, and why).
    pub notitie: Option<String>,
}

mod bestand;
pub(crate) mod git;

pub use git::Bronstand;
mod logboek;
pub(crate) mod rij;
pub(crate) mod spoor;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::bevinding::{GEBEURTENISSEN_CSV, KLACHTEN_CSV, REGLEMENT_TOML, ZAKEN_MAP};
use crate::persoonsgegevens::{Geheimen, Zin};
use bestand::{Bestandsstand, Overgang};
use logboek::Logboek;
use rij::{Bestand, Namen, Sleutel};
use spoor::Sporen;

/// One version of the register's files: a commit on the main line, or the working tree.
#[derive(Debug, Clone)]
pub(crate) struct Stap {
    /// Short commit id; None for the working tree.
    pub commit: Option<String>,
    /// The commit's date in its own time zone; today for the working tree.
    pub datum: NaiveDate,
    pub auteur: String,
}

/// What art 7 and art 9 judge: the steps, each row's track, where each row stands now, and
/// the versions of `reglement.toml`.
pub struct Historielezing {
    pub(crate) stappen: Vec<Stap>,
    pub(crate) sporen: Sporen,
    pub(crate) namen: Namen,
    /// The key of each row of gebeurtenissen.csv as it stands now, by line.
    pub(crate) gebeurtenissen: FxHashMap<u32, Sleutel>,
    /// Per case (its number in `namen`): the events removed since they were first
    /// recorded, in key order.
    pub(crate) verwijderd: FxHashMap<u32, Vec<Sleutel>>,
    /// Every version of `reglement.toml` along the steps, in order: the step (index into
    /// `stappen`) and the file's bytes, None where the step removed it.
    pub(crate) reglement: Vec<(usize, Option<Vec<u8>>)>,
}

fn bestand(pad: &str) -> Option<Bestand> {
    match pad {
        KLACHTEN_CSV => Some(Bestand::Klachten),
        GEBEURTENISSEN_CSV => Some(Bestand::Gebeurtenissen),
        _ => None,
    }
}

/// The zaak of a case file's path, `zaken/<zaak>.md`.
fn dossier(pad: &str) -> Option<&str> {
    pad.strip_prefix("zaken/")?
        .strip_suffix(".md")
        .filter(|naam| !naam.contains('/'))
}

/// Whether the history keeps every change per case ([`Historie::per_zaak`]), which only
/// the case pages of the site show. The findings are the same either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wijzigingen {
    #[default]
    Bijhouden,
    Weglaten,
}

/// Everything gathered while following the steps.
#[derive(Default)]
struct Volger {
    namen: Namen,
    sporen: Sporen,
    /// None when the changes per case are not kept.
    logboek: Option<Logboek>,
    /// Per case: the complainant's names and contacts of every version of its rows that
    /// changed or were removed (a duplicate row, say). Kept whether or not the changes are:
    /// `check` hides them as the site does.
    geheimen: FxHashMap<u32, Geheimen>,
    /// Each CSV file's current version, from the first step that held it on.
    standen: Vec<(Bestand, Bestandsstand)>,
}

impl Volger {
    /// Takes in the version of file `welk` at step `i` (None: deleted). Returns the
    /// previous version's memory.
    fn versie(&mut self, i: usize, welk: Bestand, inhoud: Option<Vec<u8>>) -> Vec<u8> {
        let plek = match self.standen.iter().position(|(b, _)| *b == welk) {
            Some(plek) => plek,
            None => {
                self.standen.push((welk, Bestandsstand::new(welk)));
                self.standen.len() - 1
            }
        };
        let eerste_versie = self.standen[plek].1.is_nieuw();
        let (overgangen, oud) = self.standen[plek].1.volgende(inhoud, &mut self.namen);
        for o in &overgangen {
            self.sporen.verwerk(i, eerste_versie, o);
            match o {
                Overgang::Gewijzigd {
                    sleutel, geheimen, ..
                }
                | Overgang::Verwijderd {
                    sleutel, geheimen, ..
                } if !geheimen.is_leeg() => {
                    Geheimen::voeg_bij(&mut self.geheimen, sleutel.paar.zaak, geheimen.clone());
                }
                _ => {}
            }
            if let Some(logboek) = &mut self.logboek {
                logboek.overgang(i, welk, o, &self.namen);
            }
        }
        oud
    }

    fn dossier(&mut self, i: usize, naam: &str, bestaat: bool) {
        let zaak = self.namen.zaak(naam);
        if let Some(logboek) = &mut self.logboek {
            logboek.dossier(i, zaak, self.namen.zaaknaam(zaak), bestaat);
        }
    }
}

fn overgeslagen(status: Historiestatus, reden: &str) -> Historie {
    Historie {
        status,
        lezing: None,
        per_zaak: HashMap::new(),
        vroegere_geheimen: HashMap::new(),
        bronstand: None,
        notitie: Some(format!(
            "{reden}: art-7-registratie, art-7-wijziging en art-9-wijziging zijn overgeslagen"
        )),
    }
}

/// Reads the history of the register in folder `pad`. `vandaag` dates uncommitted
/// changes. Outside Git or in a shallow clone nothing is read, with a note, never an error;
/// a history that is there but cannot be read whole is [`Historiestatus::Onvolledig`].
pub fn lees(pad: &Path, vandaag: NaiveDate, wijzigingen: Wijzigingen) -> Historie {
    let mut historie = match gitstand(pad) {
        Ok(stand) => volg(pad, stand, vandaag, wijzigingen)
            .unwrap_or_else(|| onvolledig("Git faalde bij het lezen van de versies")),
        Err(historie) => historie,
    };
    historie.bronstand = git::bronstand(pad);
    historie
}

/// The repository, the commits that changed the register and what the working tree
/// changed.
struct Gitstand {
    repo: git::Repository,
    commits: Vec<git::Commit>,
    werkmap: Vec<String>,
}

// Called once per run: the size of the history that says why it was skipped is no cost.
#[allow(clippy::result_large_err)]
fn gitstand(pad: &Path) -> Result<Gitstand, Historie> {
    let repo = match git::repository(pad) {
        git::Vondst::Repository(repo) => repo,
        git::Vondst::Geen => {
            return Err(overgeslagen(
                Historiestatus::GeenGit,
                "het register staat niet in een Git-repository",
            ))
        }
        git::Vondst::GeenProgramma => return Err(overgeslagen(
            Historiestatus::GeenGit,
            "het programma git is niet gevonden, dus de historie van het register is niet te lezen",
        )),
        git::Vondst::Geweigerd(remedie) => {
            return Err(onvolledig(&format!(
                "Git weigert de repository omdat die van een andere gebruiker is; \
                 vertrouwt u haar, geef dan eerst: {remedie}"
            )))
        }
    };
    if repo.ondiep {
        return Err(overgeslagen(
            Historiestatus::Ondiep,
            "de Git-historie is onvolledig (een ondiepe kloon; haal de hele historie op, in CI met fetch-depth: 0)",
        ));
    }
    let paden = [KLACHTEN_CSV, GEBEURTENISSEN_CSV, ZAKEN_MAP, REGLEMENT_TOML];
    let stand = git::commits(&repo, &paden).and_then(|commits| {
        let werkmap = git::gewijzigd(&repo, &paden).ok_or("git status faalde")?;
        Ok((commits, werkmap))
    });
    match stand {
        Ok((commits, werkmap)) => Ok(Gitstand {
            repo,
            commits,
            werkmap,
        }),
        Err(reden) => Err(onvolledig(&reden)),
    }
}

/// A history that is there but could not be read whole, and why: the art-7 rules are
/// skipped, and every format says so.
pub fn onvolledig(reden: &str) -> Historie {
    Historie {
        status: Historiestatus::Onvolledig,
        lezing: None,
        per_zaak: HashMap::new(),
        vroegere_geheimen: HashMap::new(),
        bronstand: None,
        notitie: Some(format!(
            "de Git-historie van het register is niet volledig te lezen ({reden}): \
             art-7-registratie, art-7-wijziging en art-9-wijziging zijn overgeslagen"
        )),
    }
}

/// Follows every row through the steps. None when Git fails on the way.
fn volg(
    pad: &Path,
    stand: Gitstand,
    vandaag: NaiveDate,
    wijzigingen: Wijzigingen,
) -> Option<Historie> {
    let Gitstand {
        repo,
        commits,
        werkmap,
    } = stand;
    let repo = &repo;
    // The versions read, in the order the steps below take them in.
    let gelezen = |pad: &str| bestand(pad).is_some() || pad == REGLEMENT_TOML;
    let blobs: Vec<String> = commits
        .iter()
        .flat_map(|c| &c.bestanden)
        .filter(|(pad, _)| gelezen(pad))
        .filter_map(|(_, blob)| blob.clone())
        .collect();
    let mut stroom = git::blobstroom(repo, blobs)?;

    let mut v = Volger {
        logboek: (wijzigingen == Wijzigingen::Bijhouden).then(Logboek::default),
        ..Volger::default()
    };
    let mut stappen: Vec<Stap> = Vec::with_capacity(commits.len() + 1);
    let mut reglement: Vec<(usize, Option<Vec<u8>>)> = Vec::new();
    for commit in commits {
        let i = stappen.len();
        stappen.push(Stap {
            commit: Some(commit.kort),
            datum: commit.datum,
            auteur: commit.auteur,
        });
        for (pad, blob) in commit.bestanden {
            if let Some(welk) = bestand(&pad) {
                let inhoud = match blob {
                    Some(_) => Some(stroom.volgende()?),
                    None => None,
                };
                stroom.geef_terug(v.versie(i, welk, inhoud));
            } else if pad == REGLEMENT_TOML {
                let inhoud = match blob {
                    Some(_) => Some(stroom.volgende()?),
                    None => None,
                };
                reglement.push((i, inhoud));
            } else if let Some(naam) = dossier(&pad) {
                v.dossier(i, naam, blob.is_some());
            }
        }
    }
    if !werkmap.is_empty() {
        let i = stappen.len();
        stappen.push(Stap {
            commit: None,
            datum: vandaag,
            auteur: "(niet vastgelegd)".to_string(),
        });
        let mut werkmap = werkmap;
        werkmap.sort();
        werkmap.dedup();
        let register = Registermap::open(pad).ok()?;
        for bestandspad in werkmap {
            let plek = pad.join(&bestandspad);
            if let Some(welk) = bestand(&bestandspad) {
                // Only what the register itself reads: a regular file inside its folder
                // (a named pipe was read once already), read whole.
                let inhoud = match register.lees(&bestandspad, u64::MAX) {
                    Ok(inhoud) => Some(inhoud),
                    Err(Weigering::Ontbreekt) => None,
                    // Unreadable now: leave it as committed.
                    Err(_) => continue,
                };
                v.versie(i, welk, inhoud);
            } else if bestandspad == REGLEMENT_TOML {
                match std::fs::read(&plek) {
                    Ok(inhoud) => reglement.push((i, Some(inhoud))),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => reglement.push((i, None)),
                    // Unreadable now: leave it as committed.
                    Err(_) => {}
                }
            } else if let Some(naam) = dossier(&bestandspad) {
                v.dossier(i, naam, plek.exists());
            }
        }
    }
    let Volger {
        mut namen,
        sporen,
        logboek,
        geheimen,
        standen,
    } = v;

    // Where each row stands now.
    let mut regels: FxHashMap<(Bestand, Sleutel), u32> = FxHashMap::default();
    for (welk, stand) in &standen {
        for (sleutel, line) in stand.regels(&mut namen) {
            regels.insert((*welk, sleutel), line);
        }
    }
    let huidig: FxHashSet<Sleutel> = regels.keys().map(|(_, sleutel)| *sleutel).collect();
    let mut verwijderd: FxHashMap<u32, Vec<Sleutel>> = FxHashMap::default();
    for (sleutel, spoor) in &sporen.per_sleutel {
        if !sleutel.is_zaakregel() && spoor.afwijking.is_some() && !huidig.contains(sleutel) {
            verwijderd
                .entry(sleutel.paar.zaak)
                .or_default()
                .push(*sleutel);
        }
    }
    for sleutels in verwijderd.values_mut() {
        sleutels.sort();
    }
    let lezing = Historielezing {
        gebeurtenissen: regels
            .iter()
            .filter(|((welk, _), _)| *welk == Bestand::Gebeurtenissen)
            .map(|((_, sleutel), line)| (*line, *sleutel))
            .collect(),
        verwijderd,
        reglement,
        stappen,
        sporen,
        namen,
    };
    let per_zaak = logboek
        .map(|logboek| logboek.per_zaak(&lezing.stappen, &lezing.namen, &regels))
        .unwrap_or_default();
    let vroegere_geheimen = geheimen
        .into_iter()
        .map(|(zaak, geheimen)| (lezing.namen.zaaknaam(zaak).clone(), geheimen))
        .collect();
    Some(Historie {
        status: Historiestatus::Gelezen,
        lezing: Some(Box::new(lezing)),
        per_zaak,
        vroegere_geheimen,
        bronstand: None,
        notitie: None,
    })
}
