//! The public annual report (`perioden/<jaar>-openbaar.html`): what public bodies (Awb
//! 9:12a) and youth and care providers publish about their complaints each year. It is
//! meant to leave the organisation, so it holds figures only: no case numbers, no names of
//! staff, handlers or complainants, and no free text from the register. A category,
//! service or verdict with fewer than [`DREMPEL`] complaints is folded into "overig", so
//! that no one can be recognised in a small group.
//!
//! Every figure is about the complaints received in the year, with where they stood at
//! the peildatum, beside the same figures of the year before.

use chrono::Datelike;
use serde::Serialize;

use super::statistiek::{procent, Cohort, Periode, Statistiek, EINDOORDELEN, OORDELEN};
use crate::datum::dmj;
use crate::model::Dienst;
use crate::register::{Reglement, Termen, Versie};
use crate::rules::termijn_kort;

/// The smallest group the report names.
pub const DREMPEL: usize = 5;

/// One line of a table: a name and a value per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tabelregel {
    pub naam: String,
    pub waarden: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Jaarverslag {
    pub titel: String,
    pub jaar: i32,
    /// The years shown, this one first.
    pub kolommen: Vec<String>,
    pub kern: Vec<Tabelregel>,
    pub diensten: Vec<Tabelregel>,
    pub categorieen: Vec<Tabelregel>,
    pub oordelen: Vec<Tabelregel>,
    pub beroepsoordelen: Vec<Tabelregel>,
    pub drempel: usize,
    /// The acknowledgement term of the complaints counted, per version where the versions
    /// of the years shown differ.
    pub ontvangstbevestiging: Termijntekst,
    /// The handling term, likewise.
    pub afhandeltermijn: Termijntekst,
    pub peildatum: String,
    /// Whether the year before is shown beside this one.
    pub met_vorig_jaar: bool,
}

/// Named counts per year (this year first), folded: a name stays when some year shown
/// holds at least [`DREMPEL`] complaints of it; in a year in which it holds fewer, its
/// count is shown as "–" and added to "overig". A name with fewer in every year, and a
/// group already called "overig", are added up as "overig". Named lines come largest
/// first (this year, then the name).
pub fn vouw(lijnen: Vec<(String, Vec<usize>)>) -> Vec<Tabelregel> {
    let jaren = lijnen.first().map_or(0, |(_, w)| w.len());
    let mut overig = vec![0usize; jaren];
    let mut genoemd: Vec<(String, Vec<usize>)> = Vec::new();
    for (naam, waarden) in lijnen {
        if naam != "overig" && waarden.iter().any(|w| *w >= DREMPEL) {
            for (o, w) in overig.iter_mut().zip(&waarden) {
                if *w < DREMPEL {
                    *o += w;
                }
            }
            genoemd.push((naam, waarden));
        } else {
            for (o, w) in overig.iter_mut().zip(&waarden) {
                *o += w;
            }
        }
    }
    genoemd.sort_by(|a, b| b.1[0].cmp(&a.1[0]).then_with(|| a.0.cmp(&b.0)));
    let mut regels: Vec<Tabelregel> = genoemd
        .into_iter()
        .map(|(naam, waarden)| Tabelregel {
            naam,
            waarden: waarden
                .iter()
                .map(|w| {
                    if *w >= DREMPEL {
                        w.to_string()
                    } else {
                        "–".to_string()
                    }
                })
                .collect(),
        })
        .collect();
    if overig.iter().any(|w| *w > 0) {
        regels.push(Tabelregel {
            naam: "overig".to_string(),
            waarden: overig.iter().map(usize::to_string).collect(),
        });
    }
    regels
}

fn mediaan(dagen: &[u32]) -> Option<u32> {
    let mut d = dagen.to_vec();
    d.sort_unstable();
    let n = d.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(d[n / 2]),
        _ => Some((d[n / 2 - 1] + d[n / 2]) / 2),
    }
}

impl Jaarverslag {
    pub fn van(stat: &Statistiek<'_>, jaar: &Periode, reglement: &Reglement) -> Jaarverslag {
        let nu = stat.som(jaar).cohort;
        let vorig = jaar.vorige().map(|p| stat.som(&p).cohort);
        let vorig = vorig.filter(|c| c.ontvangen > 0);
        let mut cohorten: Vec<&Cohort> = vec![&nu];
        let mut kolommen = vec![jaar.kort.clone()];
        if let (Some(c), Some(p)) = (&vorig, jaar.vorige()) {
            cohorten.push(c);
            kolommen.push(p.kort);
        }
        let regel = |naam: &str, waarde: &dyn Fn(&Cohort) -> String| Tabelregel {
            naam: naam.to_string(),
            waarden: cohorten.iter().map(|c| waarde(c)).collect(),
        };
        let per = |namen: &[&str], telling: &dyn Fn(&Cohort) -> Vec<usize>| {
            vouw(
                namen
                    .iter()
                    .enumerate()
                    .map(|(i, naam)| {
                        (
                            naam.to_string(),
                            cohorten.iter().map(|c| telling(c)[i]).collect(),
                        )
                    })
                    .collect(),
            )
        };
        let mut categorienamen: Vec<&str> = cohorten
            .iter()
            .flat_map(|c| c.categorieen.keys().map(String::as_str))
            .collect();
        categorienamen.sort_unstable();
        categorienamen.dedup();
        let categorieen = vouw(
            categorienamen
                .iter()
                .map(|naam| {
                    let waarden = cohorten
                        .iter()
                        .map(|c| c.categorieen.get(*naam).copied().unwrap_or(0))
                        .collect();
                    let naam = if *naam == "(geen)" {
                        "zonder categorie"
                    } else {
                        naam
                    };
                    (naam.to_string(), waarden)
                })
                .collect(),
        );
        // The terms of the versions by which the complaints of the years shown were judged.
        let begin = jaar
            .vorige()
            .filter(|_| cohorten.len() > 1)
            .map_or(jaar.van, |p| p.van);
        let mut versies = reglement.versies_tussen(begin, jaar.tot);
        if versies.is_empty() {
            versies.push(&reglement.eerste);
        }
        let ontvangst = per_versie(
            &versies,
            |t| t.ontvangstbevestiging_werkdagen,
            "werkdag",
            "werkdagen",
        );
        let afhandeling = per_versie(&versies, |t| t.afhandeltermijn_weken, "week", "weken");
        let kern = vec![
            regel("Ontvangen klachten", &|c| c.ontvangen.to_string()),
            regel("Getoetst aan het reglement", &|c| {
                c.binnen_reglement.to_string()
            }),
            regel(
                &format!(
                    "Ontvangst bevestigd binnen {}",
                    ontvangst.kort.as_deref().unwrap_or("de termijn")
                ),
                &|c| procent(c.ontvangstbevestiging.0, c.ontvangstbevestiging.1),
            ),
            regel(
                &match &afhandeling.kort {
                    Some(weken) => format!("Uitspraak binnen de termijn ({weken}, of verlengd)"),
                    None => "Uitspraak binnen de termijn (of verlengd)".to_string(),
                },
                &|c| procent(c.afhandeling.0, c.afhandeling.1),
            ),
            regel("Doorlooptijd tot de uitspraak, mediaan", &|c| {
                mediaan(&c.doorlooptijden).map_or("–".to_string(), |d| format!("{d} dagen"))
            }),
            regel("Gegrond of deels gegrond", &|c| c.gegrond.to_string()),
            regel("Daarvan met een vastgelegde maatregel", &|c| {
                c.met_maatregel.to_string()
            }),
            regel("Klachten waartegen beroep is ingesteld", &|c| {
                c.met_beroep.to_string()
            }),
        ];
        let diensten: Vec<&str> = Dienst::ALLE.iter().map(|d| d.naam()).collect();
        Jaarverslag {
            titel: format!("Openbaar jaarverslag klachten {}", jaar.kort),
            jaar: jaar.van.year(),
            met_vorig_jaar: kolommen.len() > 1,
            kolommen,
            kern,
            diensten: per(&diensten, &|c| c.per_dienst.to_vec()),
            categorieen,
            oordelen: per(&EINDOORDELEN, &|c| c.eindoordeel.to_vec()),
            beroepsoordelen: per(&OORDELEN, &|c| c.beroepsoordeel.to_vec()),
            drempel: DREMPEL,
            ontvangstbevestiging: ontvangst,
            afhandeltermijn: afhandeling,
            peildatum: dmj(stat.peildatum()),
        }
    }
}

/// A term over some versions of the regulation: "5 werkdagen", then where a later version
/// changed it, from when and to what.
#[derive(Debug, Clone, Serialize)]
pub struct Termijntekst {
    /// The term when every version sets the same one.
    pub kort: Option<String>,
    /// The term of the first version.
    pub eerste: String,
    /// (from, term) for each later version that changed it.
    pub latere: Vec<(String, String)>,
}

/// The term `waarde` of `versies` (in order).
fn per_versie(
    versies: &[&Versie],
    waarde: fn(&Termen) -> u32,
    enkelvoud: &'static str,
    meervoud: &'static str,
) -> Termijntekst {
    let tekst = |v: &Versie| termijn_kort(waarde(&v.termen), enkelvoud, meervoud).to_string();
    let mut latere = Vec::new();
    for paar in versies.windows(2) {
        if waarde(&paar[1].termen) != waarde(&paar[0].termen) {
            latere.push((dmj(paar[1].vanaf), tekst(paar[1])));
        }
    }
    let eerste = versies.first().map(|v| tekst(v)).unwrap_or_default();
    Termijntekst {
        kort: latere.is_empty().then(|| eerste.clone()),
        eerste,
        latere,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lijn(naam: &str, w: &[usize]) -> (String, Vec<usize>) {
        (naam.to_string(), w.to_vec())
    }

    #[test]
    fn kleine_groepen_gaan_naar_overig() {
        let v = vouw(vec![
            lijn("communicatie", &[12, 9]),
            lijn("bejegening", &[5, 0]),
            lijn("planning", &[4, 20]),
            lijn("privacy", &[7, 2]),
            lijn("facturatie", &[3, 4]),
            lijn("overig", &[1, 1]),
            lijn("leeg", &[0, 0]),
        ]);
        let namen: Vec<(&str, Vec<&str>)> = v
            .iter()
            .map(|r| {
                (
                    r.naam.as_str(),
                    r.waarden.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            namen,
            [
                ("communicatie", vec!["12", "9"]),
                ("privacy", vec!["7", "–"]),
                ("bejegening", vec!["5", "–"]),
                ("planning", vec!["–", "20"]),
                // planning's 4, privacy's 2, facturatie and overig itself.
                ("overig", vec!["8", "7"]),
            ]
        );
        // No count below the threshold stands beside a name.
        for r in &v {
            if r.naam != "overig" {
                for w in &r.waarden {
                    assert!(w == "–" || w.parse::<usize>().unwrap() >= DREMPEL);
                }
            }
        }
    }

    #[test]
    fn zonder_kleine_groepen_geen_overig() {
        let v = vouw(vec![lijn("a", &[5]), lijn("b", &[6])]);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].naam, "b");
        assert!(vouw(Vec::new()).is_empty());
    }

    #[test]
    fn mediaan_van_even_en_oneven() {
        assert_eq!(mediaan(&[]), None);
        assert_eq!(mediaan(&[9, 1, 5]), Some(5));
        assert_eq!(mediaan(&[10, 2, 4, 8]), Some(6));
    }
}
