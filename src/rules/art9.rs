//! Article 9: the organisation may amend the regulation; a complaint is still judged by the
//! version in force on the day it was received (`crate::register::Reglement::versie_op`).
//! An amendment is a new `[[wijziging]]` in `reglement.toml`, starting on or after the day
//! it is recorded. `crate::history` reads every version of the file along the register's
//! main line; this module judges each change.
//!
//! **art-9-wijziging** (warning): a commit changed `reglement.toml` retroactively: some day
//! D before the commit's date is judged differently by the file after the commit than by
//! the file before it. Either D falls under the regulation in one and not in the other
//! (`inwerkingtreding` moved), or the four terms in force on D differ (a term edited in
//! place, a `vanaf` moved, a wijziging added or removed with a `vanaf` before the commit's
//! date). One finding per such commit, on no case, pointing at the line of the current
//! file where the version in force on the earliest such day starts, dated on the commit.
//! A wijziging added with a `vanaf` on or after its commit's date, and changes of `naam`,
//! `besluit` or the calendar, raise nothing. The first commit that holds the file is not
//! judged; a version that cannot be read is skipped with a note.
//!
//! Example: editing `afhandeltermijn_weken = 4` into `6` at the top of the file in a commit
//! of 07-12-2026 changes how complaints received from the `inwerkingtreding` on are
//! judged: "een klacht ontvangen op 01-10-2024 wordt nu anders beoordeeld:
//! afhandeltermijn_weken 4 → 6".

use chrono::NaiveDate;

use super::art7::waar;
use super::{dmj, Bevinding, Bron, Ernst, Regel, RegelId};
use crate::bevinding::REGLEMENT_TOML;
use crate::history::{Historielezing, Stap};
use crate::register::{Reglement, Termen};

pub const WIJZIGING: Regel = Regel {
    id: RegelId::Art9Wijziging,
    artikel: "9",
    ernst: &[Ernst::Warning],
    titel: |_, _| "Reglement niet met terugwerkende kracht gewijzigd".to_string(),
    uitleg: |_, _| {
        "Het reglement mag worden gewijzigd, maar een klacht wordt beoordeeld naar de versie \
         die gold op de dag dat zij binnenkwam. Een wijziging staat daarom als nieuw \
         [[wijziging]]-blok in reglement.toml, met een vanaf op of na de dag waarop zij wordt \
         vastgelegd. Een commit die verandert hoe een eerdere dag wordt beoordeeld (een \
         termijn ter plekke aangepast, de inwerkingtreding of een vanaf verschoven, een \
         wijziging toegevoegd of verwijderd met een vanaf in het verleden) wordt gesignaleerd: \
         zo is te zien wanneer de regels achteraf zijn veranderd."
            .to_string()
    },
};

/// How one reading of `reglement.toml` judges a day: outside the regulation (None), or by
/// these terms.
type Oordeel = Option<Termen>;

/// The earliest day before `voor` that `oud` and `nieuw` judge differently, with how each
/// judges it. Each reading changes its judgement only on the start of a version, so the
/// earliest such day is a start in one of the two.
pub fn terugwerkend(
    oud: &Reglement,
    nieuw: &Reglement,
    voor: NaiveDate,
) -> Option<(NaiveDate, Oordeel, Oordeel)> {
    let mut dagen: Vec<NaiveDate> = oud
        .versies()
        .chain(nieuw.versies())
        .map(|v| v.vanaf)
        .filter(|&dag| dag < voor)
        .collect();
    dagen.sort_unstable();
    dagen.dedup();
    dagen.into_iter().find_map(|dag| {
        let was = oud.versie_op(dag).map(|v| v.termen);
        let wordt = nieuw.versie_op(dag).map(|v| v.termen);
        (was != wordt).then_some((dag, was, wordt))
    })
}

/// Judges every change of `reglement.toml` that `verslag` read. `huidig` is the file as
/// the check reads it now, whose lines the findings point at. Returns the findings and
/// the notes on versions that could not be read.
pub fn beoordeel(huidig: &Reglement, verslag: &Historielezing) -> (Vec<Bevinding>, Vec<String>) {
    let mut bevindingen = Vec::new();
    let mut notities = Vec::new();
    let mut vorige: Option<Reglement> = None;
    for (index, inhoud) in &verslag.reglement {
        let Some(stap) = verslag.stappen.get(*index) else {
            continue;
        };
        let gelezen = match inhoud {
            // A removed file means the built-in defaults, as for a register without one.
            None if vorige.is_some() => Reglement::default(),
            None => continue,
            Some(bytes) => match lees(bytes) {
                Ok(reglement) => reglement,
                Err(reden) => {
                    notities.push(format!(
                        "{REGLEMENT_TOML} in {} is niet te lezen en is bij art-9-wijziging \
                         overgeslagen ({reden})",
                        waar(stap)
                    ));
                    continue;
                }
            },
        };
        // The first version that holds the file is where its history starts.
        if let Some(oud) = &vorige {
            bevindingen.extend(bevinding(huidig, oud, &gelezen, stap));
        }
        vorige = Some(gelezen);
    }
    (bevindingen, notities)
}

/// A version as the check reads `reglement.toml`: UTF-8, read strictly.
fn lees(bytes: &[u8]) -> Result<Reglement, String> {
    let tekst = std::str::from_utf8(bytes).map_err(|_| "geen UTF-8".to_string())?;
    Reglement::lees(tekst).map_err(|f| f.to_string())
}

/// The finding of one commit that changed the file from `oud` into `nieuw`, if that was
/// retroactive.
fn bevinding(
    huidig: &Reglement,
    oud: &Reglement,
    nieuw: &Reglement,
    stap: &Stap,
) -> Option<Bevinding> {
    let (dag, was, wordt) = terugwerkend(oud, nieuw, stap.datum)?;
    let ontvangen = format!("een klacht ontvangen op {}", dmj(dag));
    let inwerkingtreding = format!(
        "inwerkingtreding {} → {}",
        dmj(oud.inwerkingtreding()),
        dmj(nieuw.inwerkingtreding())
    );
    let hoe = match (was, wordt) {
        (Some(was), Some(wordt)) => {
            let verschil: Vec<String> = was
                .per_sleutel()
                .into_iter()
                .zip(wordt.per_sleutel())
                .filter(|((_, a), (_, b))| a != b)
                .map(|((sleutel, a), (_, b))| format!("{sleutel} {} → {}", toon(a), toon(b)))
                .collect();
            format!(
                "{ontvangen} wordt nu anders beoordeeld: {}",
                verschil.join(", ")
            )
        }
        (None, Some(wordt)) => format!(
            "{ontvangen} valt nu onder het reglement ({inwerkingtreding}), met {}",
            termen(&wordt)
        ),
        (Some(was), None) => format!(
            "{ontvangen} valt nu buiten het reglement ({inwerkingtreding}); eerder gold {}",
            termen(&was)
        ),
        (None, None) => return None,
    };
    let mut b = Bevinding::over_register(
        RegelId::Art9Wijziging,
        Ernst::Warning,
        format!(
            "{REGLEMENT_TOML} met terugwerkende kracht gewijzigd in {}: {hoe}",
            waar(stap)
        ),
    );
    b.datum = Some(stap.datum);
    b.bron = Bron::Reglement;
    // Where the version that now judges that day starts, as the contract says; line 1 when
    // the current file has none (the day lies before the regulation now, or the file does
    // not write the key).
    b.line = Some(huidig.versie_op(dag).and_then(|v| v.line).unwrap_or(1));
    b.commit = stap.commit.clone();
    Some(b)
}

/// A term's value, `(geen)` for one that is not set.
fn toon(waarde: Option<u32>) -> String {
    waarde.map_or_else(|| "(geen)".to_string(), |n| n.to_string())
}

/// "ontvangstbevestiging_werkdagen 5, afhandeltermijn_weken 4, beroepstermijn_weken 2".
fn termen(termen: &Termen) -> String {
    termen
        .per_sleutel()
        .into_iter()
        .filter_map(|(sleutel, waarde)| waarde.map(|n| format!("{sleutel} {n}")))
        .collect::<Vec<_>>()
        .join(", ")
}
