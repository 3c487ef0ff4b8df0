//! Article 5: the appeal (beroep).
//!
//! **art-5-beroepstermijn** (warning): a complainant who is not satisfied can say so within
//! `beroepstermijn_weken` (2) weeks of the decision. A later beroep is flagged; the
//! organisation may still handle it.
//!
//! **art-5-onafhankelijk** (error): the appeal is judged by the management (`directie`) or
//! another employee who was not involved in the first handling. The beroepsuitspraak's
//! `door` must be filled in and differ from the handler (behandelaar), the person
//! complained about (beklaagde), and everyone who did anything in the case before the
//! beroep (a `verantwoording` aside).
//!
//! **art-5-beroepsbehandeling** (error): only when `beroep_afhandeltermijn_weken` is set,
//! which the regulation itself does not do: the beroepsuitspraak comes within that many
//! weeks of the beroep.
//!
//! Example: behandelaar "J. de Vries" decides the complaint and later also the appeal:
//! art-5-onafhankelijk.

use super::{Bevinding, Bron, Context, Ernst, Regel, RegelId};
use crate::model::{zelfde_persoon, Gebeurtenis, Soort};
use crate::verloop::{Beroep, Termijnstatus};

pub const BEROEPSTERMIJN: Regel = Regel {
    id: RegelId::Art5Beroepstermijn,
    artikel: "5",
    ernst: &[Ernst::Warning],
    titel: |_, t| {
        format!(
            "Beroep binnen {} na de uitspraak",
            super::termijn(t.beroepstermijn_weken, "week", "weken")
        )
    },
    uitleg: |_, t| {
        format!(
            "Een klager die het niet eens is met de afhandeling, laat dat binnen {} na de \
             uitspraak weten. Een later beroep wordt gesignaleerd; de organisatie mag het nog \
             behandelen.",
            super::termijn(t.beroepstermijn_weken, "week", "weken")
        )
    },
};

pub const ONAFHANKELIJK: Regel = Regel {
    id: RegelId::Art5Onafhankelijk,
    artikel: "5",
    ernst: &[Ernst::Error],
    titel: |_, _| "Beroep beoordeeld door een onafhankelijke".to_string(),
    uitleg: |_, _| {
        "Een beroep wordt beoordeeld door de directie of een medewerker die niet bij de eerste \
         afhandeling betrokken was: niet de behandelaar, niet de beklaagde en niemand die eerder \
         in de zaak optrad."
            .to_string()
    },
};

pub const BEROEPSBEHANDELING: Regel = Regel {
    id: RegelId::Art5Beroepsbehandeling,
    artikel: "5",
    ernst: &[Ernst::Error],
    titel: |_, t| match t.beroep_afhandeltermijn_weken {
        Some(weken) => format!(
            "Beroep binnen {} behandeld",
            super::termijn(weken, "week", "weken")
        ),
        None => "Beroep binnen de termijn behandeld".to_string(),
    },
    uitleg: |_, t| match t.beroep_afhandeltermijn_weken {
        Some(weken) => format!(
            "Het reglement noemt geen termijn voor de behandeling van een beroep. De organisatie \
             heeft er zelf een vastgesteld: het beroep wordt binnen {} beslist.",
            super::termijn(weken, "week", "weken")
        ),
        None => "Het reglement noemt geen termijn voor de behandeling van een beroep, en de \
                 organisatie heeft er geen vastgesteld; deze regel is daarom niet van toepassing."
            .to_string(),
    },
};

pub fn beroepstermijn(ctx: &Context<'_>, beroep: &Beroep) -> Option<Bevinding> {
    let termijn = &beroep.beroepstermijn;
    let g = &ctx.zaak.gebeurtenissen[beroep.index];
    if g.datum <= termijn.deadline {
        return None;
    }
    let mut b = ctx.bevinding(
        RegelId::Art5Beroepstermijn,
        Ernst::Warning,
        format!(
            "beroep {}: de beroepstermijn van {} na de uitspraak van {} verliep op {}, beroep ingesteld op {}",
            super::te_laat_dagen(termijn.deadline, g.datum),
            super::termijn_kort(ctx.termen.beroepstermijn_weken, "week", "weken"),
            super::dmj(termijn.start),
            super::dmj(termijn.deadline),
            super::dmj(g.datum)
        ),
    );
    b.deadline = Some(termijn.deadline);
    b.datum = Some(g.datum);
    b.bron = Bron::Gebeurtenissen;
    b.line = Some(g.line);
    Some(b)
}

pub fn onafhankelijk(ctx: &Context<'_>) -> Vec<Bevinding> {
    let events = &ctx.zaak.gebeurtenissen;
    let mut bevindingen = Vec::new();
    let mut beroep: Option<&Gebeurtenis> = None;
    for g in events {
        match g.soort {
            Soort::Beroep => beroep = Some(g),
            Soort::Beroepsuitspraak => {
                // The loader rejects a beroepsuitspraak without a beroep before it.
                let Some(beroep) = beroep else { continue };
                if let Some(reden) = betrokkenheid(ctx, g, beroep) {
                    let mut b = ctx.bevinding(
                        RegelId::Art5Onafhankelijk,
                        Ernst::Error,
                        format!("beroepsuitspraak van {} {reden}", super::dmj(g.datum)),
                    );
                    b.datum = Some(g.datum);
                    b.bron = Bron::Gebeurtenissen;
                    b.line = Some(g.line);
                    bevindingen.push(b);
                }
            }
            _ => {}
        }
    }
    bevindingen
}

/// Why the one who decided the appeal was not independent, if so.
fn betrokkenheid(
    ctx: &Context<'_>,
    uitspraak: &Gebeurtenis,
    beroep: &Gebeurtenis,
) -> Option<String> {
    let Some(door) = uitspraak.door.as_deref() else {
        return Some("zonder vermelding door wie: onafhankelijkheid niet aantoonbaar".to_string());
    };
    // The same person whatever the case of the letters.
    let zelfde = |ander: &str| zelfde_persoon(ander, door);
    let zaak = ctx.zaak;
    if zelfde(&zaak.behandelaar) {
        return Some(format!("door {door}, de behandelaar van de klacht"));
    }
    if zaak.beklaagde.as_deref().is_some_and(zelfde) {
        return Some(format!("door {door}, over wie de klacht gaat"));
    }
    zaak.gebeurtenissen
        .iter()
        .filter(|g| g.datum < beroep.datum && g.soort != Soort::Verantwoording)
        .find(|g| g.door.as_deref().is_some_and(zelfde))
        .map(|g| {
            format!(
                "door {door}, betrokken bij de eerste afhandeling ({} op {})",
                g.soort.naam(),
                super::dmj(g.datum)
            )
        })
}

pub fn beroepsbehandeling(ctx: &Context<'_>, beroep: &Beroep) -> Option<Bevinding> {
    let termijn = beroep.behandeltermijn.as_ref()?;
    let weken = super::termijn_kort(ctx.termen.beroep_afhandeltermijn_weken?, "week", "weken");
    let events = &ctx.zaak.gebeurtenissen;
    let mut b = match termijn.status(ctx.peildatum, ctx.verloop.ingetrokken) {
        Termijnstatus::TeLaat => {
            let g = &events[termijn.vervuld?];
            let mut b = ctx.bevinding(
                RegelId::Art5Beroepsbehandeling,
                Ernst::Error,
                format!(
                    "beroepsuitspraak {}: termijn van {weken} verliep op {}, beroepsuitspraak op {}",
                    super::te_laat_dagen(termijn.deadline, g.datum),
                    super::dmj(termijn.deadline),
                    super::dmj(g.datum)
                ),
            );
            b.datum = Some(g.datum);
            b.bron = Bron::Gebeurtenissen;
            b.line = Some(g.line);
            b
        }
        Termijnstatus::Verlopen => {
            let g = &events[beroep.index];
            let mut b = ctx.bevinding(
                RegelId::Art5Beroepsbehandeling,
                Ernst::Error,
                format!(
                    "geen beroepsuitspraak op het beroep van {}: termijn van {weken} verliep op {}",
                    super::dmj(g.datum),
                    super::dmj(termijn.deadline)
                ),
            );
            b.bron = Bron::Gebeurtenissen;
            b.line = Some(g.line);
            b
        }
        _ => return None,
    };
    b.deadline = Some(termijn.deadline);
    Some(b)
}

#[cfg(test)]
mod tests {
    use crate::rules::testhulp::*;

    const TERMIJN: &str = "art-5-beroepstermijn";
    const ONAFHANKELIJK: &str = "art-5-onafhankelijk";
    const BEHANDELING: &str = "art-5-beroepsbehandeling";

    fn afgehandeld() -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            ("2025-04-01", "ontvangstbevestiging", "door=Behandelaar"),
            ("2025-04-10", "gesprek", "door=P. Jansen"),
            (
                "2025-04-14",
                "uitspraak",
                "oordeel=ongegrond;door=Behandelaar",
            ),
            ("2025-04-15", "afsluiting", "door=Behandelaar"),
        ]
    }

    #[test]
    fn beroep_op_de_verschoven_laatste_dag() {
        // Uitspraak Mon 14 April 2025 + 2 weeks = Mon 28 April (Koningsdag was Sat 26 April):
        // a working day, so no shift.
        let mut events = afgehandeld();
        events.push(("2025-04-28", "beroep", "door=klager"));
        assert!(bevindingen(&zaak("2025-03-31", &events), "2025-06-01", TERMIJN).is_empty());
        events.pop();
        events.push(("2025-04-29", "beroep", "door=klager"));
        let b = bevindingen(&zaak("2025-03-31", &events), "2025-06-01", TERMIJN);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].ernst, Ernst::Warning);
        assert_eq!(
            (b[0].deadline, b[0].datum),
            (Some(d("2025-04-28")), Some(d("2025-04-29")))
        );
    }

    #[test]
    fn beroepstermijn_over_hemelvaart() {
        // Uitspraak Thu 15 May 2025 + 2 weeks = Thu 29 May, Ascension Day → Fri 30 May.
        let events = [
            ("2025-05-13", "ontvangstbevestiging", ""),
            ("2025-05-15", "uitspraak", "ongegrond"),
            ("2025-05-30", "beroep", ""),
        ];
        assert!(bevindingen(&zaak("2025-05-12", &events), "2025-07-01", TERMIJN).is_empty());
    }

    #[test]
    fn directie_beslist_onafhankelijk() {
        let mut events = afgehandeld();
        events.push(("2025-04-20", "beroep", ""));
        events.push((
            "2025-05-01",
            "beroepsuitspraak",
            "oordeel=ongegrond;door=directie",
        ));
        assert!(bevindingen(&zaak("2025-03-31", &events), "2025-06-01", ONAFHANKELIJK).is_empty());
    }

    #[test]
    fn behandelaar_beklaagde_of_betrokkene_is_niet_onafhankelijk() {
        for (door, verwacht) in [
            ("door= behandelaar ", "de behandelaar"),
            ("door=T. Beklaagd", "over wie de klacht gaat"),
            (
                "door=p. jansen",
                "betrokken bij de eerste afhandeling (gesprek op 10-04-2025)",
            ),
            ("", "zonder vermelding door wie"),
        ] {
            let mut events = afgehandeld();
            events.push(("2025-04-20", "beroep", ""));
            let spec = format!("oordeel=ongegrond;{door}");
            let spec: &'static str = Box::leak(spec.into_boxed_str());
            events.push(("2025-05-01", "beroepsuitspraak", spec));
            let b = bevindingen(&zaak("2025-03-31", &events), "2025-06-01", ONAFHANKELIJK);
            assert_eq!(b.len(), 1, "{door}");
            assert!(b[0].bericht.contains(verwacht), "{door}: {}", b[0].bericht);
            assert_eq!(b[0].line, Some(7));
        }
    }

    #[test]
    fn wie_alleen_verantwoordde_of_pas_later_kwam_is_onafhankelijk() {
        let mut events = afgehandeld();
        events.push((
            "2025-04-16",
            "verantwoording",
            "door=Q. Kwaliteit;regel=art-4.5-afsluiting;toelichting=x",
        ));
        events.push(("2025-04-20", "beroep", ""));
        events.push(("2025-04-20", "gesprek", "door=R. Later"));
        events.push((
            "2025-05-01",
            "beroepsuitspraak",
            "oordeel=ongegrond;door=q. kwaliteit",
        ));
        assert!(bevindingen(&zaak("2025-03-31", &events), "2025-06-01", ONAFHANKELIJK).is_empty());
        let n = events.len();
        events[n - 1].2 = "oordeel=ongegrond;door=R. Later";
        assert!(bevindingen(&zaak("2025-03-31", &events), "2025-06-01", ONAFHANKELIJK).is_empty());
    }

    #[test]
    fn beroepsbehandeling_alleen_met_ingestelde_termijn() {
        let mut events = afgehandeld();
        events.push(("2025-04-22", "beroep", ""));
        let zonder = zaak("2025-03-31", &events);
        assert!(bevindingen(&zonder, "2025-09-01", BEHANDELING).is_empty());

        let mut reglement = Reglement::default();
        reglement.eerste.termen.beroep_afhandeltermijn_weken = Some(4);
        // Tue 22 April 2025 + 4 weeks = Tue 20 May.
        let b = bevindingen_met(&zonder, "2025-09-01", BEHANDELING, &reglement);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].deadline, Some(d("2025-05-20")));
        assert_eq!(b[0].line, Some(6));
        assert!(bevindingen_met(&zonder, "2025-05-20", BEHANDELING, &reglement).is_empty());

        events.push((
            "2025-05-21",
            "beroepsuitspraak",
            "oordeel=ongegrond;door=directie",
        ));
        let laat = zaak("2025-03-31", &events);
        let b = bevindingen_met(&laat, "2025-09-01", BEHANDELING, &reglement);
        assert_eq!(b[0].datum, Some(d("2025-05-21")));
        assert_eq!(b[0].line, Some(7));
        events.pop();
        events.push((
            "2025-05-20",
            "beroepsuitspraak",
            "oordeel=ongegrond;door=directie",
        ));
        assert!(bevindingen_met(
            &zaak("2025-03-31", &events),
            "2025-09-01",
            BEHANDELING,
            &reglement
        )
        .is_empty());
    }
}
