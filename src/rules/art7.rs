//! Article 7: the register is the record of every complaint and what was done with it.
//! Its Git history shows when each row was really recorded and whether it was changed
//! afterwards; `crate::history` reads that history, this module judges it.
//!
//! **art-7-registratie** (warning): an event was first committed on the register's main
//! line more than `registratie_werkdagen` (default 5) working days after its `datum`.
//! Rows already present in the first commit that holds their file predate the history and
//! are not judged. The finding's `deadline` is `datum` plus those working days, its `date`
//! the day of that commit.
//!
//! **art-7-wijziging** (warning): the `ontvangen` of a case, or the `datum` or `oordeel` of
//! an event, differs in a later commit from what was first recorded, or a later commit
//! removed the row (a changed soort removes one event and records another). Once per row,
//! dated on the first such commit, without deadline. A removed row is reported on its
//! case's row, unless the case itself is gone.
//!
//! Example: an uitspraak dated 30-04-2025 that first appears in a commit of 13-05-2025
//! raises art-7-registratie (deadline 08-05-2025); changing its datum to 29-04-2025 in a
//! later commit raises art-7-wijziging naming that commit, the field and both values.

use super::{dmj, Bevinding, Bron, Context, Ernst, Regel, RegelId};
use crate::history::rij::{Paar, Sleutel, ZAAKREGEL};
use crate::history::spoor::{Afwijkingsoort, Spoor};
use crate::history::{Historielezing, Stap};
use crate::persoonsgegevens::{Geheimen, Zin};

pub const REGISTRATIE: Regel = Regel {
    id: RegelId::Art7Registratie,
    artikel: "7",
    ernst: &[Ernst::Warning],
    titel: |_, _| "Gebeurtenis tijdig geregistreerd".to_string(),
    uitleg: |r, _| {
        format!(
            "Elke klacht staat in het centrale register. Een gebeurtenis wordt binnen {} \
             vastgelegd; de Git-historie van het register laat zien wanneer dat werkelijk \
             gebeurde.",
            super::termijn(r.registratie_werkdagen, "werkdag", "werkdagen")
        )
    },
};

pub const WIJZIGING: Regel = Regel {
    id: RegelId::Art7Wijziging,
    artikel: "7",
    ernst: &[Ernst::Warning],
    titel: |_, _| "Geregistreerde gegevens later gewijzigd".to_string(),
    uitleg: |_, _| {
        "Een datum, soort of oordeel die later in het register is gewijzigd, wordt \
         gesignaleerd: terugdateren is precies waar een auditor naar kijkt."
            .to_string()
    },
};

/// "commit 1a2b3c4 van 13-05-2025", or the working tree's "niet vastgelegde wijziging".
pub(super) fn waar(stap: &Stap) -> String {
    match &stap.commit {
        Some(kort) => format!("commit {kort} van {}", dmj(stap.datum)),
        None => format!(
            "een niet vastgelegde wijziging (werkmap, {})",
            dmj(stap.datum)
        ),
    }
}

/// The art-7-wijziging message about row `sleutel` (`wat`), if it deviated from its first
/// recording, and the step where it did. The values it quotes are the register's: whoever
/// shows it hides the case's names in them.
fn afwijking<'v>(
    verslag: &'v Historielezing,
    sleutel: Sleutel,
    spoor: &Spoor,
    wat: Zin,
) -> Option<(Zin, &'v Stap)> {
    let afwijking = spoor.afwijking.as_ref()?;
    let stap = verslag.stappen.get(afwijking.stap)?;
    let in_stap = |gedaan: &str| {
        wat.clone().eigen(&format!(
            " {gedaan} na de eerste registratie, in {}: ",
            waar(stap)
        ))
    };
    let bericht = match &afwijking.wat {
        Afwijkingsoort::Velden(velden) => {
            let mut zin = in_stap("gewijzigd");
            for (i, v) in velden.iter().enumerate() {
                if i > 0 {
                    zin = zin.eigen(", ");
                }
                zin = zin
                    .eigen(v.veld)
                    .eigen(" ")
                    .en(v.oud.zin(v.veld))
                    .eigen(" → ")
                    .en(v.nieuw.zin(v.veld));
            }
            zin
        }
        Afwijkingsoort::AndereSoort(soort) => in_stap("gewijzigd")
            .eigen("soort ")
            .en(verslag.namen.soortnaam(sleutel.paar.soort))
            .eigen(" → ")
            .en(verslag.namen.soortnaam(*soort)),
        Afwijkingsoort::Verwijderd => in_stap("verwijderd")
            .eigen(spoor.eerste.datumveld())
            .eigen(" ")
            .en(spoor.eerste.datum().zin(spoor.eerste.datumveld()))
            .eigen(" → (verwijderd)"),
    };
    Some((bericht, stap))
}

/// Judges the history of one case: its own row, its events, and the events removed since.
/// `geheimen` gives what the case's texts may not show.
pub(crate) fn beoordeel_zaak<'g>(
    ctx: &Context<'_>,
    verslag: &Historielezing,
    geheimen: &dyn Fn() -> &'g Geheimen,
) -> Vec<Bevinding> {
    let zaak = ctx.zaak;
    let termijn = ctx.reglement.registratie_werkdagen;
    let sporen = &verslag.sporen.per_sleutel;
    // The art-7-wijziging finding of one row, pointing at `bron`, line `line`.
    let wijziging = |sleutel: Sleutel, spoor: &Spoor, wat: Zin, bron: Bron, line: u32| {
        let (bericht, stap) = afwijking(verslag, sleutel, spoor, wat)?;
        let bericht = bericht.toon(geheimen());
        let mut b = Bevinding::new(&zaak.id, RegelId::Art7Wijziging, Ernst::Warning, bericht);
        b.datum = Some(stap.datum);
        b.bron = bron;
        b.line = Some(line);
        b.commit = stap.commit.clone();
        Some(b)
    };
    let mut uit = Vec::new();
    let Some(id) = verslag.namen.zaak_id(&zaak.id) else {
        return uit;
    };
    let zaakregel = Sleutel {
        paar: Paar {
            zaak: id,
            soort: ZAAKREGEL,
        },
        rang: 1,
    };
    if let Some(spoor) = sporen.get(&zaakregel) {
        uit.extend(wijziging(
            zaakregel,
            spoor,
            Zin::default().eigen("zaakregel"),
            Bron::Klachten,
            zaak.line,
        ));
    }
    for g in &zaak.gebeurtenissen {
        let Some(sleutel) = verslag.gebeurtenissen.get(&g.line) else {
            continue;
        };
        let Some(spoor) = sporen.get(sleutel) else {
            continue;
        };
        let wat = format!("{} van {}", g.soort.naam(), dmj(g.datum));
        uit.extend(wijziging(
            *sleutel,
            spoor,
            Zin::default().eigen(&wat),
            Bron::Gebeurtenissen,
            g.line,
        ));
        let Some(stap) = verslag.stappen.get(spoor.eerste_stap) else {
            continue;
        };
        let deadline = ctx.kalender.werkdagen_na(g.datum, termijn);
        if !spoor.vrijgesteld && stap.datum > deadline {
            let mut b = Bevinding::new(
                &zaak.id,
                RegelId::Art7Registratie,
                Ernst::Warning,
                format!(
                    "{wat} pas geregistreerd in {}; uiterlijk {} ({} na de datum)",
                    waar(stap),
                    dmj(deadline),
                    match termijn {
                        1 => "1 werkdag".to_string(),
                        n => format!("{n} werkdagen"),
                    }
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
    // Events removed since, reported on the case's row (while the event was dated on or
    // before the peildatum when first recorded).
    for sleutel in verslag.verwijderd.get(&id).into_iter().flatten() {
        let Some(spoor) = sporen.get(sleutel) else {
            continue;
        };
        let datum = spoor.eerste.datum().als_datum();
        if datum.is_some_and(|d| d > ctx.peildatum) {
            continue;
        }
        let wat = match datum {
            Some(d) => verslag
                .namen
                .beschrijf(*sleutel)
                .eigen(&format!(" van {}", dmj(d))),
            None => verslag.namen.beschrijf(*sleutel),
        };
        uit.extend(wijziging(*sleutel, spoor, wat, Bron::Klachten, zaak.line));
    }
    uit
}
