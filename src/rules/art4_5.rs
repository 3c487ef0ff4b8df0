//! Article 4.5: closing the complaint.
//!
//! **art-4.5-afsluiting** (warning): once decided, the complainant receives a written
//! confirmation that the complaint is closed (`afsluiting`). A cycle with an uitspraak and
//! no afsluiting after it has not been closed. A withdrawn complaint needs no closing.
//!
//! Example: an uitspraak on 4 March 2025 and no afsluiting after it raises
//! art-4.5-afsluiting, pointing at the uitspraak.

use super::{Bevinding, Bron, Context, Ernst, Regel, RegelId};
use crate::verloop::Cyclus;

pub const AFSLUITING: Regel = Regel {
    id: RegelId::Art45Afsluiting,
    artikel: "4.5",
    ernst: &[Ernst::Warning],
    titel: |_, _| "Schriftelijke bevestiging van de afsluiting".to_string(),
    uitleg: |_, _| {
        "Na de uitspraak krijgt de klager een schriftelijke bevestiging dat de klacht is \
         afgehandeld, met de genomen stappen. Zonder die bevestiging is de klacht niet \
         afgesloten."
            .to_string()
    },
};

pub fn afsluiting(ctx: &Context<'_>, cyclus: &Cyclus) -> Option<Bevinding> {
    let uitspraak = &ctx.zaak.gebeurtenissen[cyclus.uitspraak()?];
    if cyclus.afsluiting.is_some() || ctx.verloop.is_ingetrokken() {
        return None;
    }
    let mut b = ctx.bevinding(
        RegelId::Art45Afsluiting,
        Ernst::Warning,
        format!(
            "uitspraak van {} maar geen schriftelijke bevestiging van de afsluiting",
            super::dmj(uitspraak.datum)
        ),
    );
    b.datum = Some(uitspraak.datum);
    b.bron = Bron::Gebeurtenissen;
    b.line = Some(uitspraak.line);
    Some(b)
}

#[cfg(test)]
mod tests {
    use crate::rules::testhulp::*;

    const REGEL: &str = "art-4.5-afsluiting";

    #[test]
    fn afgesloten_na_de_uitspraak() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "ongegrond"),
                ("2025-03-05", "afsluiting", ""),
            ],
        );
        assert!(bevindingen(&zaak, "2025-06-01", REGEL).is_empty());
    }

    #[test]
    fn uitspraak_zonder_afsluiting() {
        let zaak = zaak("2025-03-03", &[("2025-03-04", "uitspraak", "ongegrond")]);
        let b = bevindingen(&zaak, "2025-06-01", REGEL);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].ernst, Ernst::Warning);
        assert_eq!(b[0].line, Some(2));
    }

    #[test]
    fn afsluiting_voor_de_uitspraak_telt_niet() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "afsluiting", ""),
                ("2025-03-05", "uitspraak", "ongegrond"),
            ],
        );
        assert_eq!(bevindingen(&zaak, "2025-06-01", REGEL).len(), 1);
    }

    #[test]
    fn elke_cyclus_wordt_afgesloten() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "ongegrond"),
                ("2025-03-05", "afsluiting", ""),
                ("2025-04-01", "heropend", ""),
                ("2025-04-10", "uitspraak", "ongegrond"),
            ],
        );
        let b = bevindingen(&zaak, "2025-06-01", REGEL);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].line, Some(5));
    }

    #[test]
    fn ingetrokken_klacht_hoeft_niet_afgesloten() {
        let zaak = zaak(
            "2025-03-03",
            &[
                ("2025-03-04", "uitspraak", "ongegrond"),
                ("2025-03-06", "ingetrokken", ""),
            ],
        );
        assert!(bevindingen(&zaak, "2025-06-01", REGEL).is_empty());
    }
}
