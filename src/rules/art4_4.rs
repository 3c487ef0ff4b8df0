//! Article 4.4: the written decision and measures.
//!
//! **art-4.4-oordeel** (error): the decision states whether the complaint is justified:
//! every uitspraak carries an oordeel (`gegrond`, `deels-gegrond`, `ongegrond`). A case
//! closed (afsluiting) with no decision before it in its cycle was never decided.
//!
//! **art-4.4-maatregel** (error): a complaint found justified, wholly or partly, calls for
//! measures to correct the situation and prevent recurrence: when the case's latest
//! uitspraak is gegrond or deels-gegrond, the case has a `maatregel` event.
//!
//! Example: an uitspraak `gegrond` on 10 March 2025 and no maatregel in the case raises
//! art-4.4-maatregel, pointing at the uitspraak.

use super::{Bevinding, Bron, Context, Ernst, Regel, RegelId};
use crate::model::Soort;

pub const OORDEEL: Regel = Regel {
    id: RegelId::Art44Oordeel,
    artikel: "4.4",
    ernst: &[Ernst::Error],
    titel: |_, _| "Schriftelijke uitspraak met oordeel".to_string(),
    uitleg: |_, _| {
        "De uitspraak zegt of de klacht gegrond, deels gegrond of ongegrond is. Een klacht \
         afsluiten zonder uitspraak, of een uitspraak zonder oordeel, voldoet niet."
            .to_string()
    },
};

pub const MAATREGEL: Regel = Regel {
    id: RegelId::Art44Maatregel,
    artikel: "4.4",
    ernst: &[Ernst::Error],
    titel: |_, _| "Maatregel bij een gegronde klacht".to_string(),
    uitleg: |_, _| {
        "Is een klacht (deels) gegrond, dan neemt de organisatie maatregelen om de situatie te \
         herstellen en herhaling te voorkomen. Die maatregel staat in het register."
            .to_string()
    },
};

pub fn oordeel(ctx: &Context<'_>) -> Vec<Bevinding> {
    let events = &ctx.zaak.gebeurtenissen;
    let mut bevindingen = Vec::new();
    for cyclus in &ctx.verloop.cycli {
        let mut uitspraak_gezien = false;
        for index in cyclus.gebeurtenissen.clone() {
            let g = &events[index];
            let bericht = match g.soort {
                Soort::Uitspraak => {
                    uitspraak_gezien = true;
                    if g.oordeel.is_some() {
                        continue;
                    }
                    format!(
                        "uitspraak van {} zonder oordeel (gegrond, deels-gegrond of ongegrond)",
                        super::dmj(g.datum)
                    )
                }
                Soort::Afsluiting if !uitspraak_gezien => {
                    format!("afgesloten op {} zonder uitspraak", super::dmj(g.datum))
                }
                _ => continue,
            };
            let mut b = ctx.bevinding(RegelId::Art44Oordeel, Ernst::Error, bericht);
            b.datum = Some(g.datum);
            b.bron = Bron::Gebeurtenissen;
            b.line = Some(g.line);
            bevindingen.push(b);
        }
    }
    bevindingen
}

pub fn maatregel(ctx: &Context<'_>) -> Option<Bevinding> {
    let events = &ctx.zaak.gebeurtenissen;
    let laatste = events.iter().rev().find(|g| g.soort == Soort::Uitspraak)?;
    let oordeel = laatste.oordeel.filter(|o| o.vraagt_maatregel())?;
    // A withdrawal ends obligations that have no deadline.
    if ctx.verloop.is_ingetrokken() || events.iter().any(|g| g.soort == Soort::Maatregel) {
        return None;
    }
    let mut b = ctx.bevinding(
        RegelId::Art44Maatregel,
        Ernst::Error,
        format!(
            "klacht {} verklaard op {}, maar geen maatregel geregistreerd",
            oordeel.naam(),
            super::dmj(laatste.datum)
        ),
    );
    b.datum = Some(laatste.datum);
    b.bron = Bron::Gebeurtenissen;
    b.line = Some(laatste.line);
    Some(b)
}

#[cfg(test)]
mod tests {
    use crate::rules::testhulp::*;

    const OORDEEL: &str = "art-4.4-oordeel";
    const MAATREGEL: &str = "art-4.4-maatregel";

    #[test]
    fn uitspraak_met_oordeel() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "ongegrond"),
                ("2025-03-05", "afsluiting", ""),
            ],
        );
        assert!(bevindingen(&zaak, "2025-06-01", OORDEEL).is_empty());
    }

    #[test]
    fn uitspraak_zonder_oordeel() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", ""),
                ("2025-03-05", "afsluiting", ""),
            ],
        );
        let b = bevindingen(&zaak, "2025-06-01", OORDEEL);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].line, Some(2));
        assert!(b[0].bericht.contains("zonder oordeel"));
    }

    #[test]
    fn afsluiting_zonder_uitspraak_in_de_cyclus() {
        let zaak = zaak(
            "2025-12-22",
            &[
                ("2025-12-23", "ontvangstbevestiging", ""),
                ("2025-12-31", "afsluiting", ""),
            ],
        );
        let b = bevindingen(&zaak, "2026-02-01", OORDEEL);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].bericht, "afgesloten op 31-12-2025 zonder uitspraak");
        assert_eq!(b[0].line, Some(3));
    }

    #[test]
    fn afsluiting_in_tweede_cyclus_zonder_nieuwe_uitspraak() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "ongegrond"),
                ("2025-03-05", "afsluiting", ""),
                ("2025-04-01", "heropend", ""),
                ("2025-04-10", "afsluiting", ""),
            ],
        );
        let b = bevindingen(&zaak, "2025-06-01", OORDEEL);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].line, Some(5));
    }

    #[test]
    fn gegronde_klacht_met_maatregel() {
        for oordeel in ["gegrond", "deels-gegrond"] {
            let zaak = zaak(
                "2025-03-03",
                &[
                    ("2025-03-04", "uitspraak", oordeel),
                    ("2025-03-20", "maatregel", ""),
                ],
            );
            assert!(bevindingen(&zaak, "2025-06-01", MAATREGEL).is_empty());
        }
    }

    #[test]
    fn gegronde_klacht_zonder_maatregel() {
        let zaak = zaak(
            "2025-03-03",
            &[("2025-03-10", "uitspraak", "deels-gegrond")],
        );
        let b = bevindingen(&zaak, "2025-06-01", MAATREGEL);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].bericht,
            "klacht deels-gegrond verklaard op 10-03-2025, maar geen maatregel geregistreerd"
        );
        assert_eq!(b[0].line, Some(2));
    }

    #[test]
    fn alleen_de_laatste_uitspraak_telt() {
        let later_ongegrond = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "gegrond"),
                ("2025-03-05", "afsluiting", ""),
                ("2025-03-10", "heropend", ""),
                ("2025-03-20", "uitspraak", "ongegrond"),
            ],
        );
        assert!(bevindingen(&later_ongegrond, "2025-06-01", MAATREGEL).is_empty());
        let later_gegrond = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "ongegrond"),
                ("2025-03-05", "afsluiting", ""),
                ("2025-03-10", "heropend", ""),
                ("2025-03-20", "uitspraak", "gegrond"),
            ],
        );
        assert_eq!(
            bevindingen(&later_gegrond, "2025-06-01", MAATREGEL)[0].line,
            Some(5)
        );
    }

    #[test]
    fn ongegrond_vraagt_geen_maatregel() {
        let zaak = zaak("2025-03-03", &[("2025-03-04", "uitspraak", "ongegrond")]);
        assert!(bevindingen(&zaak, "2025-06-01", MAATREGEL).is_empty());
    }
}
