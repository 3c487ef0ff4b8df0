//! Article 4.3: handling within the term, and extending it.
//!
//! **art-4.3-termijn**: each cycle of handling ends in a decision (uitspraak) within
//! `afhandeltermijn_weken` (4) weeks of its start, or by the deadline of a valid extension.
//! A term in weeks that ends on a weekend or holiday runs on to the next working day.
//!
//! - error: the cycle's decision came after its deadline; or there is none, the deadline
//!   has passed at the peildatum, and the complaint was not withdrawn by then.
//! - warning: no decision yet, and the deadline falls within `waarschuwing_werkdagen`
//!   working days of the peildatum.
//!
//! **art-4.3-verlenging** (error): an extension before the decision must be announced no
//! later than the current deadline, give the complainant a reason (`toelichting`), and name
//! a new deadline (`termijn`) later than the current one. One that fails any of these does
//! not move the deadline.
//!
//! Example: received Thursday 1 May 2025, the four weeks end on Thursday 29 May, Ascension
//! Day, so the decision is due Friday 30 May.

use super::{Bevinding, Bron, Context, Ernst, Regel, RegelId};
use crate::verloop::{Cyclus, Termijnstatus};

pub const TERMIJN: Regel = Regel {
    id: RegelId::Art43Termijn,
    artikel: "4.3",
    ernst: &[Ernst::Error, Ernst::Warning],
    titel: |_, t| {
        format!(
            "Afhandeling binnen {}",
            super::termijn(t.afhandeltermijn_weken, "week", "weken")
        )
    },
    uitleg: |_, t| {
        format!(
            "De klacht wordt binnen {} afgehandeld met een uitspraak. Valt de laatste dag in \
             het weekend of op een feestdag, dan loopt de termijn door tot de eerstvolgende \
             werkdag. Na een heropening begint een nieuwe termijn. Een geldige verlenging \
             verschuift de termijn.",
            super::termijn(t.afhandeltermijn_weken, "week", "weken")
        )
    },
};

pub const VERLENGING: Regel = Regel {
    id: RegelId::Art43Verlenging,
    artikel: "4.3",
    ernst: &[Ernst::Error],
    titel: |_, _| "Verlenging tijdig en met reden".to_string(),
    uitleg: |_, _| {
        "Als meer tijd nodig is, hoort de klager dat op tijd (uiterlijk op de laatste dag van de \
         termijn), met de reden en een nieuwe termijn. Een verlenging die te laat komt, geen \
         reden noemt of geen latere termijn geeft, telt niet."
            .to_string()
    },
};

pub fn termijn(ctx: &Context<'_>, cyclus: &Cyclus) -> Option<Bevinding> {
    let termijn = &cyclus.termijn;
    let wie = cyclus_label(ctx, cyclus);
    // The term of the case's version, and whether a valid extension moved its end.
    let weken = super::termijn_kort(ctx.termen.afhandeltermijn_weken, "week", "weken");
    let verlengd = if termijn.deadline != termijn.oorspronkelijk {
        " (verlengd)"
    } else {
        ""
    };
    let (ernst, bericht) = match termijn.status(ctx.peildatum, ctx.verloop.ingetrokken) {
        Termijnstatus::TeLaat => {
            let g = &ctx.zaak.gebeurtenissen[termijn.vervuld?];
            let mut b = ctx.bevinding(
                RegelId::Art43Termijn,
                Ernst::Error,
                format!(
                    "{wie}uitspraak {}: termijn van {weken}{verlengd} verliep op {}, uitspraak op {}",
                    super::te_laat_dagen(termijn.deadline, g.datum),
                    super::dmj(termijn.deadline),
                    super::dmj(g.datum)
                ),
            );
            b.deadline = Some(termijn.deadline);
            b.datum = Some(g.datum);
            b.bron = Bron::Gebeurtenissen;
            b.line = Some(g.line);
            return Some(b);
        }
        Termijnstatus::Verlopen => (
            Ernst::Error,
            format!(
                "{wie}geen uitspraak: termijn van {weken}{verlengd} verliep op {}",
                super::dmj(termijn.deadline)
            ),
        ),
        Termijnstatus::Open if ctx.binnenkort(termijn.deadline) => (
            Ernst::Warning,
            format!(
                "{wie}nog geen uitspraak: termijn van {weken}{verlengd} verloopt op {}",
                super::dmj(termijn.deadline)
            ),
        ),
        _ => return None,
    };
    let mut b = ctx.bevinding(RegelId::Art43Termijn, ernst, bericht);
    b.deadline = Some(termijn.deadline);
    ctx.wijs_naar_start(&mut b, termijn.start_line);
    Some(b)
}

pub fn verlenging(ctx: &Context<'_>, cyclus: &Cyclus) -> Vec<Bevinding> {
    let wie = cyclus_label(ctx, cyclus);
    cyclus
        .verlengingen
        .iter()
        .filter(|v| !v.gebreken.is_empty())
        .filter(|v| !ctx.verloop.vervallen(v.deadline_ervoor))
        .map(|v| {
            let g = &ctx.zaak.gebeurtenissen[v.index];
            let gebreken: Vec<&str> = v.gebreken.iter().map(|g| g.label()).collect();
            let mut b = ctx.bevinding(
                RegelId::Art43Verlenging,
                Ernst::Error,
                format!(
                    "{wie}verlenging van {} telt niet: {}; de termijn blijft {}",
                    super::dmj(g.datum),
                    super::opsomming(&gebreken),
                    super::dmj(v.deadline_ervoor)
                ),
            );
            b.deadline = Some(v.deadline_ervoor);
            b.datum = Some(g.datum);
            b.bron = Bron::Gebeurtenissen;
            b.line = Some(g.line);
            b
        })
        .collect()
}

/// "cyclus 2 (heropend op 03-03-2025): " for a cycle after a reopening, else nothing.
fn cyclus_label(ctx: &Context<'_>, cyclus: &Cyclus) -> String {
    match cyclus.heropend {
        Some(i) => format!(
            "cyclus {} (heropend op {}): ",
            cyclus.nummer,
            super::dmj(ctx.zaak.gebeurtenissen[i].datum)
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testhulp::*;

    const TERMIJN: &str = "art-4.3-termijn";
    const VERLENGING: &str = "art-4.3-verlenging";

    #[test]
    fn hemelvaart_schuift_de_termijn_naar_vrijdag() {
        // Thu 1 May 2025 + 4 weeks = Thu 29 May, Ascension Day → Fri 30 May.
        let op_tijd = zaak("2025-05-01", &[("2025-05-30", "uitspraak", "ongegrond")]);
        assert!(bevindingen(&op_tijd, "2025-08-01", TERMIJN).is_empty());
        let te_laat = zaak("2025-05-01", &[("2025-06-02", "uitspraak", "ongegrond")]);
        let b = bevindingen(&te_laat, "2025-08-01", TERMIJN);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].bericht,
            "uitspraak 3 dagen te laat: termijn van 4 weken verliep op 30-05-2025, uitspraak op 02-06-2025"
        );
        assert_eq!(
            (b[0].deadline, b[0].datum),
            (Some(d("2025-05-30")), Some(d("2025-06-02")))
        );
        assert_eq!(b[0].bron, Bron::Gebeurtenissen);
    }

    #[test]
    fn koningsdag_op_maandag_na_een_zaterdag() {
        // Sat 28 March 2026 + 4 weeks = Sat 25 April; Mon 27 April is Koningsdag → Tue 28 April.
        let zaak = zaak("2026-03-28", &[]);
        assert!(bevindingen(&zaak, "2026-04-28", TERMIJN)
            .iter()
            .all(|b| b.ernst == Ernst::Warning));
        let b = bevindingen(&zaak, "2026-04-29", TERMIJN);
        assert_eq!(b[0].ernst, Ernst::Error);
        assert_eq!(b[0].deadline, Some(d("2026-04-28")));
        assert_eq!(
            b[0].bericht,
            "geen uitspraak: termijn van 4 weken verliep op 28-04-2026"
        );
        assert_eq!(b[0].line, Some(2));
        assert_eq!(b[0].bron, Bron::Klachten);
    }

    #[test]
    fn waarschuwing_voor_een_naderende_termijn() {
        // Deadline Tue 28 April 2026. Peildatum Thu 23 April: the 2nd working day after it
        // is Tue 28 April, since Mon 27 April is Koningsdag → warning. Wed 22 April → none.
        let zaak = zaak("2026-03-28", &[]);
        let b = bevindingen(&zaak, "2026-04-23", TERMIJN);
        assert_eq!(b[0].ernst, Ernst::Warning);
        assert_eq!(
            b[0].bericht,
            "nog geen uitspraak: termijn van 4 weken verloopt op 28-04-2026"
        );
        assert!(bevindingen(&zaak, "2026-04-22", TERMIJN).is_empty());
    }

    #[test]
    fn geldige_verlenging_verschuift_de_termijn() {
        let zaak = zaak(
            "2025-05-01",
            &[
                (
                    "2025-05-28",
                    "verlenging",
                    "termijn=2025-06-13;toelichting=extern advies nodig",
                ),
                ("2025-06-12", "uitspraak", "gegrond"),
            ],
        );
        assert!(bevindingen(&zaak, "2025-08-01", TERMIJN).is_empty());
        assert!(bevindingen(&zaak, "2025-08-01", VERLENGING).is_empty());
    }

    #[test]
    fn na_een_geldige_verlenging_zegt_de_bevinding_dat_de_termijn_verlengd_is() {
        // Extended to Fri 13 June 2025; the uitspraak on Mon 16 June is one working day,
        // three days, late. Still open at the peildatum: an error after the new deadline,
        // a warning two working days before it.
        let verlenging = (
            "2025-05-28",
            "verlenging",
            "termijn=2025-06-13;toelichting=extern advies nodig",
        );
        let te_laat = zaak(
            "2025-05-01",
            &[verlenging, ("2025-06-16", "uitspraak", "gegrond")],
        );
        let b = bevindingen(&te_laat, "2025-08-01", TERMIJN);
        assert_eq!(
            b[0].bericht,
            "uitspraak 3 dagen te laat: termijn van 4 weken (verlengd) verliep op 13-06-2025, uitspraak op 16-06-2025"
        );
        let open = zaak("2025-05-01", &[verlenging]);
        let b = bevindingen(&open, "2025-06-16", TERMIJN);
        assert_eq!(
            b[0].bericht,
            "geen uitspraak: termijn van 4 weken (verlengd) verliep op 13-06-2025"
        );
        let b = bevindingen(&open, "2025-06-11", TERMIJN);
        assert_eq!(b[0].ernst, Ernst::Warning);
        assert_eq!(
            b[0].bericht,
            "nog geen uitspraak: termijn van 4 weken (verlengd) verloopt op 13-06-2025"
        );
    }

    #[test]
    fn verlenging_op_de_verschoven_deadline_is_nog_op_tijd() {
        // Deadline Fri 30 May 2025 (after Ascension Day): an extension that day still counts.
        let zaak = zaak(
            "2025-05-01",
            &[
                (
                    "2025-05-30",
                    "verlenging",
                    "termijn=2025-06-13;toelichting=ziekte behandelaar",
                ),
                ("2025-06-13", "uitspraak", "ongegrond"),
            ],
        );
        assert!(bevindingen(&zaak, "2025-08-01", VERLENGING).is_empty());
        assert!(bevindingen(&zaak, "2025-08-01", TERMIJN).is_empty());
    }

    #[test]
    fn te_late_verlenging_telt_niet() {
        let zaak = zaak(
            "2025-05-01",
            &[
                (
                    "2025-06-02",
                    "verlenging",
                    "termijn=2025-06-13;toelichting=drukte",
                ),
                ("2025-06-12", "uitspraak", "ongegrond"),
            ],
        );
        let v = bevindingen(&zaak, "2025-08-01", VERLENGING);
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].bericht,
            "verlenging van 02-06-2025 telt niet: pas na het verlopen van de termijn gemeld; de termijn blijft 30-05-2025"
        );
        assert_eq!(v[0].line, Some(2));
        let t = bevindingen(&zaak, "2025-08-01", TERMIJN);
        assert_eq!(t[0].deadline, Some(d("2025-05-30")));
    }

    #[test]
    fn verlenging_zonder_reden_of_zonder_nieuwe_termijn() {
        let zonder_reden = zaak(
            "2025-05-01",
            &[
                ("2025-05-20", "verlenging", "termijn=2025-06-13"),
                ("2025-06-12", "uitspraak", "ongegrond"),
            ],
        );
        let v = bevindingen(&zonder_reden, "2025-08-01", VERLENGING);
        assert!(
            v[0].bericht.contains("zonder opgave van reden"),
            "{}",
            v[0].bericht
        );
        assert_eq!(bevindingen(&zonder_reden, "2025-08-01", TERMIJN).len(), 1);

        let zonder_termijn = zaak(
            "2025-05-01",
            &[
                ("2025-05-20", "verlenging", "toelichting=drukte"),
                ("2025-05-28", "uitspraak", "ongegrond"),
            ],
        );
        let v = bevindingen(&zonder_termijn, "2025-08-01", VERLENGING);
        assert!(
            v[0].bericht.contains("zonder nieuwe termijn"),
            "{}",
            v[0].bericht
        );

        let eerdere_termijn = zaak(
            "2025-05-01",
            &[(
                "2025-05-20",
                "verlenging",
                "termijn=2025-05-30;toelichting=drukte",
            )],
        );
        let v = bevindingen(&eerdere_termijn, "2025-05-21", VERLENGING);
        assert!(
            v[0].bericht.contains("zonder nieuwe termijn"),
            "{}",
            v[0].bericht
        );
    }

    #[test]
    fn verlenging_na_de_uitspraak_wordt_niet_beoordeeld() {
        let zaak = zaak(
            "2025-05-01",
            &[
                ("2025-05-20", "uitspraak", "ongegrond"),
                ("2025-07-20", "verlenging", ""),
            ],
        );
        assert!(bevindingen(&zaak, "2025-08-01", VERLENGING).is_empty());
    }

    #[test]
    fn tweede_cyclus_na_heropening() {
        // First cycle fine; reopened Fri 19 December 2025 + 4 weeks = Fri 16 January 2026.
        let zaak = zaak(
            "2025-11-03",
            &[
                ("2025-11-04", "ontvangstbevestiging", ""),
                ("2025-11-20", "uitspraak", "ongegrond"),
                ("2025-11-21", "afsluiting", ""),
                ("2025-12-19", "heropend", ""),
                ("2026-01-19", "uitspraak", "ongegrond"),
                ("2026-01-20", "afsluiting", ""),
            ],
        );
        let b = bevindingen(&zaak, "2026-03-01", TERMIJN);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].bericht,
            "cyclus 2 (heropend op 19-12-2025): uitspraak 3 dagen te laat: termijn van 4 weken verliep op 16-01-2026, uitspraak op 19-01-2026"
        );
        assert_eq!(b[0].line, Some(6));
    }

    #[test]
    fn open_tweede_cyclus_wijst_naar_de_heropening() {
        let zaak = zaak(
            "2025-11-03",
            &[
                ("2025-11-04", "ontvangstbevestiging", ""),
                ("2025-11-20", "uitspraak", "ongegrond"),
                ("2025-11-21", "afsluiting", ""),
                ("2025-12-19", "heropend", ""),
            ],
        );
        let b = bevindingen(&zaak, "2026-03-01", TERMIJN);
        assert_eq!(b[0].ernst, Ernst::Error);
        assert_eq!(b[0].bron, Bron::Gebeurtenissen);
        assert_eq!(b[0].line, Some(5));
    }

    #[test]
    fn intrekking_voor_de_deadline() {
        let zaak = zaak(
            "2025-05-01",
            &[
                ("2025-05-02", "ontvangstbevestiging", ""),
                ("2025-05-15", "ingetrokken", ""),
            ],
        );
        assert!(bevindingen(&zaak, "2025-08-01", TERMIJN).is_empty());
        let laat = zaak_met_intrekking_na_deadline();
        assert_eq!(
            bevindingen(&laat, "2025-08-01", TERMIJN)[0].ernst,
            Ernst::Error
        );
    }

    fn zaak_met_intrekking_na_deadline() -> crate::model::Zaak {
        zaak(
            "2025-05-01",
            &[
                ("2025-05-02", "ontvangstbevestiging", ""),
                ("2025-06-02", "ingetrokken", ""),
            ],
        )
    }
}
