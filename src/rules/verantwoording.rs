//! Article 9: where the regulation is silent, the management decides. A missed term can
//! never be undone, so management may account for a finding in the register itself with a
//! `verantwoording` event naming the rule (`regel`), who accounts for it (`door`) and why
//! (`toelichting`).
//!
//! Such a finding keeps its severity and is still reported, with the justification, but it
//! no longer fails the check. A `verantwoording` covers every finding of its rule on its
//! case; the first one for a rule supplies the justification.

use super::Bevinding;
use crate::model::{Soort, Tekst, Zaak};

/// Marks the findings of `zaak` that a `verantwoording` accounts for, with its
/// toelichting.
pub fn pas_toe(zaak: &Zaak, bevindingen: &mut [Bevinding]) {
    let verantwoordingen: Vec<_> = zaak
        .gebeurtenissen_van(Soort::Verantwoording)
        .filter_map(|g| Some((g.regel?, g.toelichting.as_ref()?)))
        .collect();
    if verantwoordingen.is_empty() {
        return;
    }
    for b in bevindingen
        .iter_mut()
        .filter(|b| b.zaak.as_ref() == Some(&zaak.id))
    {
        if let Some((_, toelichting)) = verantwoordingen.iter().find(|(regel, _)| *regel == b.regel)
        {
            b.verantwoording = Some(Tekst::clone(toelichting));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testhulp::*;

    #[test]
    fn verantwoording_dekt_alle_bevindingen_van_haar_regel() {
        let zaak = zaak(
            "2025-04-18",
            &[
                ("2025-04-30", "ontvangstbevestiging", ""),
                ("2025-05-02", "uitspraak", ""),
                (
                    "2025-05-10",
                    "verantwoording",
                    "regel=ART-4.2-ontvangstbevestiging;door=directie;toelichting=Storing in de mailserver",
                ),
                ("2025-05-11", "verantwoording", "regel=art-4.2-ontvangstbevestiging;door=directie;toelichting=Tweede"),
            ],
        );
        let mut b = bevindingen(&zaak, "2025-06-01", "art-4.2-ontvangstbevestiging");
        b.extend(bevindingen(&zaak, "2025-06-01", "art-4.4-oordeel"));
        pas_toe(&zaak, &mut b);
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[0].verantwoording.as_deref(),
            Some("Storing in de mailserver")
        );
        assert_eq!(b[0].ernst, Ernst::Error);
        assert!(b[1].verantwoording.is_none());
    }

    #[test]
    fn zonder_verantwoording_blijft_alles_staan() {
        let zaak = zaak("2025-04-18", &[("2025-04-30", "ontvangstbevestiging", "")]);
        let mut b = bevindingen(&zaak, "2025-06-01", "art-4.2-ontvangstbevestiging");
        pas_toe(&zaak, &mut b);
        assert!(!b[0].is_geaccepteerd());
    }
}
