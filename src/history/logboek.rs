//! Every change to a case, as its page lists it under "Wijzigingshistorie": its row, its
//! events and its case file, step by step, with author, date and what changed, column by
//! column.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::bestand::Overgang;
use super::rij::{Bestand, Bewaakt, Namen, Sleutel};
use super::{Stap, Wijziging};
use crate::bevinding::Bron;
use crate::model::Tekst;
use crate::persoonsgegevens::Zin;

struct Logregel {
    zaak: u32,
    stap: usize,
    /// The row it concerns, to find its current line at the end.
    rij: Option<(Bestand, Sleutel)>,
    bron: Bron,
    omschrijving: Zin,
}

#[derive(Default)]
pub(crate) struct Logboek {
    regels: Vec<Logregel>,
    /// The cases whose case file exists at the step being followed.
    dossiers: rustc_hash::FxHashSet<u32>,
}

fn bron(bestand: Bestand) -> Bron {
    match bestand {
        Bestand::Klachten => Bron::Klachten,
        Bestand::Gebeurtenissen => Bron::Gebeurtenissen,
    }
}

fn eerste_waarde(bewaakt: &Bewaakt) -> Zin {
    Zin::default()
        .eigen(bewaakt.datumveld())
        .eigen(" ")
        .en(bewaakt.datum().zin(bewaakt.datumveld()))
}

impl Logboek {
    /// Notes what step `stap` did to a row of `bestand`.
    pub fn overgang(&mut self, stap: usize, bestand: Bestand, o: &Overgang, namen: &Namen) {
        let (sleutel, omschrijvingen) = match o {
            Overgang::Vastgelegd {
                sleutel,
                bewaakt,
                in_plaats_van: None,
            } => (
                *sleutel,
                vec![namen
                    .beschrijf(*sleutel)
                    .eigen(" vastgelegd (")
                    .en(eerste_waarde(bewaakt))
                    .eigen(")")],
            ),
            Overgang::Vastgelegd {
                sleutel,
                in_plaats_van: Some(was),
                ..
            } => (
                *sleutel,
                vec![namen
                    .beschrijf(*was)
                    .eigen(": soort ")
                    .en(namen.soortnaam(was.paar.soort))
                    .eigen(" → ")
                    .en(namen.soortnaam(sleutel.paar.soort))],
            ),
            Overgang::Gewijzigd {
                sleutel, velden, ..
            } => (
                *sleutel,
                velden
                    .iter()
                    .map(|v| namen.beschrijf(*sleutel).eigen(": ").en(v.clone()))
                    .collect(),
            ),
            // Shown as the soort change above.
            Overgang::Verwijderd {
                nieuwe_soort: Some(_),
                ..
            } => return,
            Overgang::Verwijderd {
                sleutel,
                nieuwe_soort: None,
                ..
            } => (
                *sleutel,
                vec![namen.beschrijf(*sleutel).eigen(" verwijderd")],
            ),
        };
        // Duplicate case rows are input errors, not the case: only the case's own row.
        if sleutel.is_zaakregel() && sleutel.rang != 1 {
            return;
        }
        for omschrijving in omschrijvingen {
            self.regels.push(Logregel {
                zaak: sleutel.paar.zaak,
                stap,
                rij: Some((bestand, sleutel)),
                bron: bron(bestand),
                omschrijving,
            });
        }
    }

    /// Notes that step `stap` added or changed (`bestaat`) or deleted a case file.
    pub fn dossier(&mut self, stap: usize, zaak: u32, naam: &Tekst, bestaat: bool) {
        let omschrijving = match (bestaat, self.dossiers.contains(&zaak)) {
            (true, false) => "zaakdossier toegevoegd",
            (true, true) => "zaakdossier gewijzigd",
            (false, _) => "zaakdossier verwijderd",
        };
        if bestaat {
            self.dossiers.insert(zaak);
        } else {
            self.dossiers.remove(&zaak);
        }
        self.regels.push(Logregel {
            zaak,
            stap,
            rij: None,
            bron: Bron::Dossier(naam.clone()),
            omschrijving: Zin::default().eigen(omschrijving),
        });
    }

    /// The changes per case, each with the current line of its row where it still exists.
    pub fn per_zaak(
        self,
        stappen: &[Stap],
        namen: &Namen,
        regels: &FxHashMap<(Bestand, Sleutel), u32>,
    ) -> HashMap<Tekst, Vec<Wijziging>> {
        let mut uit: HashMap<Tekst, Vec<Wijziging>> = HashMap::new();
        for r in self.regels {
            let Some(stap) = stappen.get(r.stap) else {
                continue;
            };
            uit.entry(namen.zaaknaam(r.zaak).clone())
                .or_default()
                .push(Wijziging {
                    commit: stap.commit.clone(),
                    datum: stap.datum,
                    auteur: stap.auteur.clone(),
                    bron: r.bron,
                    line: r.rij.and_then(|rij| regels.get(&rij).copied()),
                    omschrijving: r.omschrijving,
                });
        }
        uit
    }
}
