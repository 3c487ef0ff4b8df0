//! Article 4.2: acknowledgement of receipt.
//!
//! **art-4.2-ontvangstbevestiging**: the complainant receives an acknowledgement within
//! `ontvangstbevestiging_werkdagen` (5) working days after the complaint was received. A
//! decision (uitspraak) sent within that time acknowledges receipt too.
//!
//! - error: the first acknowledgement or decision came after the deadline; or there is none,
//!   the deadline has passed at the peildatum, and the complaint was not withdrawn by then.
//! - warning: there is none yet, and the deadline falls within `waarschuwing_werkdagen`
//!   working days of the peildatum.
//!
//! Example: received Friday 18 April 2025; Easter Monday (21 April) and Koningsdag (26
//! April, a Saturday) make the deadline Monday 28 April. An acknowledgement on 30 April is
//! two working days late.

use super::{Bevinding, Context, Ernst, Regel, RegelId};
use crate::model::Soort;
use crate::verloop::Termijnstatus;

pub const ONTVANGSTBEVESTIGING: Regel = Regel {
    id: RegelId::Art42Ontvangstbevestiging,
    artikel: "4.2",
    ernst: &[Ernst::Error, Ernst::Warning],
    titel: |_, t| {
        format!(
            "Ontvangstbevestiging binnen {}",
            super::termijn(t.ontvangstbevestiging_werkdagen, "werkdag", "werkdagen")
        )
    },
    uitleg: |_, t| {
        format!(
            "Binnen {} na ontvangst krijgt de klager een schriftelijke of digitale \
             ontvangstbevestiging. Weekenden, feestdagen en sluitingsdagen tellen niet mee. Een \
             uitspraak binnen die tijd geldt ook als bevestiging. Een waarschuwing volgt als de \
             termijn binnenkort afloopt.",
            super::termijn(t.ontvangstbevestiging_werkdagen, "werkdag", "werkdagen")
        )
    },
};

pub fn ontvangstbevestiging(ctx: &Context<'_>) -> Option<Bevinding> {
    let termijn = &ctx.verloop.ontvangstbevestiging;
    let dagen = super::termijn_kort(
        ctx.termen.ontvangstbevestiging_werkdagen,
        "werkdag",
        "werkdagen",
    );
    let (ernst, bericht) = match termijn.status(ctx.peildatum, ctx.verloop.ingetrokken) {
        Termijnstatus::TeLaat => {
            let index = termijn.vervuld?;
            let g = &ctx.zaak.gebeurtenissen[index];
            let wat = match g.soort {
                Soort::Uitspraak => {
                    "eerste reactie (uitspraak, zonder eerdere ontvangstbevestiging)"
                }
                _ => "ontvangstbevestiging",
            };
            let mut b = ctx.bevinding(
                RegelId::Art42Ontvangstbevestiging,
                Ernst::Error,
                format!(
                    "{wat} {}: termijn van {dagen} verliep op {}, verstuurd op {}",
                    ctx.te_laat_werkdagen(termijn.deadline, g.datum),
                    super::dmj(termijn.deadline),
                    super::dmj(g.datum)
                ),
            );
            b.deadline = Some(termijn.deadline);
            b.datum = Some(g.datum);
            b.bron = super::Bron::Gebeurtenissen;
            b.line = Some(g.line);
            return Some(b);
        }
        Termijnstatus::Verlopen => (
            Ernst::Error,
            format!(
                "geen ontvangstbevestiging verstuurd: termijn van {dagen} verliep op {}",
                super::dmj(termijn.deadline)
            ),
        ),
        Termijnstatus::Open if ctx.binnenkort(termijn.deadline) => (
            Ernst::Warning,
            format!(
                "ontvangstbevestiging nog niet verstuurd: termijn van {dagen} verloopt op {}",
                super::dmj(termijn.deadline)
            ),
        ),
        _ => return None,
    };
    let mut b = ctx.bevinding(RegelId::Art42Ontvangstbevestiging, ernst, bericht);
    b.deadline = Some(termijn.deadline);
    b.line = Some(ctx.zaak.line);
    Some(b)
}

#[cfg(test)]
mod tests {
    use crate::rules::testhulp::*;

    const REGEL: &str = "art-4.2-ontvangstbevestiging";

    #[test]
    fn op_de_laatste_dag_na_pasen_en_koningsdag_is_op_tijd() {
        // Fri 18 April 2025: Easter Monday 21 April, Koningsdag Sat 26 April → Mon 28 April.
        let zaak = zaak("2025-04-18", &[("2025-04-28", "ontvangstbevestiging", "")]);
        assert!(bevindingen(&zaak, "2025-06-01", REGEL).is_empty());
    }

    #[test]
    fn twee_werkdagen_te_laat() {
        let zaak = zaak("2025-04-18", &[("2025-04-30", "ontvangstbevestiging", "")]);
        let b = bevindingen(&zaak, "2025-06-01", REGEL);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].ernst, Ernst::Error);
        assert_eq!(
            b[0].bericht,
            "ontvangstbevestiging 2 werkdagen te laat: termijn van 5 werkdagen verliep op 28-04-2025, verstuurd op 30-04-2025"
        );
        assert_eq!(
            (b[0].deadline, b[0].datum),
            (Some(d("2025-04-28")), Some(d("2025-04-30")))
        );
        assert_eq!(b[0].line, Some(2));
    }

    #[test]
    fn kerst_schuift_de_termijn() {
        // Mon 22 December 2025: 25 and 26 December → Wed 31 December.
        let op_tijd = zaak("2025-12-22", &[("2025-12-31", "ontvangstbevestiging", "")]);
        assert!(bevindingen(&op_tijd, "2026-02-01", REGEL).is_empty());
        let te_laat = zaak("2025-12-22", &[("2026-01-02", "ontvangstbevestiging", "")]);
        let b = bevindingen(&te_laat, "2026-02-01", REGEL);
        // 1 January is a holiday: Friday 2 January is the first working day after the deadline.
        assert!(
            b[0].bericht
                .starts_with("ontvangstbevestiging 1 werkdag te laat"),
            "{}",
            b[0].bericht
        );
    }

    #[test]
    fn een_tijdige_uitspraak_bevestigt_ook_de_ontvangst() {
        let zaak = zaak("2025-03-03", &[("2025-03-07", "uitspraak", "ongegrond")]);
        assert!(bevindingen(&zaak, "2025-06-01", REGEL).is_empty());
    }

    #[test]
    fn ontbrekende_bevestiging_na_de_termijn_is_een_overtreding() {
        // Sat 25 April 2026: 27 April (Koningsdag) and 5 May → deadline Mon 4 May.
        let zaak = zaak("2026-04-25", &[]);
        assert!(bevindingen(&zaak, "2026-05-04", REGEL)
            .iter()
            .all(|b| b.ernst == Ernst::Warning));
        let b = bevindingen(&zaak, "2026-05-05", REGEL);
        assert_eq!(b[0].ernst, Ernst::Error);
        assert_eq!(b[0].deadline, Some(d("2026-05-04")));
        assert_eq!(b[0].datum, None);
        assert_eq!(b[0].bron, Bron::Klachten);
    }

    #[test]
    fn waarschuwing_binnen_twee_werkdagen() {
        // Deadline Mon 4 May 2026. Peildatum Thu 30 April: 2nd working day after it is
        // Mon 4 May (1 May is a Friday, no holiday) → warning. Peildatum Wed 29 April → none.
        let zaak = zaak("2026-04-25", &[]);
        assert_eq!(
            bevindingen(&zaak, "2026-04-30", REGEL)[0].ernst,
            Ernst::Warning
        );
        assert!(bevindingen(&zaak, "2026-04-29", REGEL).is_empty());
    }

    #[test]
    fn intrekking_voor_de_deadline_ontslaat() {
        let zaak = zaak("2026-04-25", &[("2026-04-29", "ingetrokken", "")]);
        assert!(bevindingen(&zaak, "2026-06-01", REGEL).is_empty());
    }

    #[test]
    fn intrekking_na_de_deadline_ontslaat_niet() {
        let zaak = zaak("2026-04-25", &[("2026-05-06", "ingetrokken", "")]);
        assert_eq!(
            bevindingen(&zaak, "2026-06-01", REGEL)[0].ernst,
            Ernst::Error
        );
    }
}
