//! Article 4.1: what a complaint must contain.
//!
//! **art-4.1-gegevens** (warning): the complainant's name (`klager`), contact details
//! (`contact`) or a description of the complaint (`omschrijving`) is missing. Without them
//! the complaint cannot be handled or answered. This rule applies to every case, also those
//! outside the regulation.
//!
//! Example: a case with an empty `contact` column gets "ontbreekt in het register:
//! contactgegevens van de klager".

use super::{Bevinding, Ernst, Regel, RegelId};
use crate::model::Zaak;

pub const GEGEVENS: Regel = Regel {
    id: RegelId::Art41Gegevens,
    artikel: "4.1",
    ernst: &[Ernst::Warning],
    titel: |_, _| "Gegevens van de klacht onvolledig".to_string(),
    uitleg: |_, _| {
        "Een klacht bevat de naam en contactgegevens van de klager en een omschrijving van de \
         klacht. Ontbreekt een daarvan in het register, dan kan de klacht niet goed worden \
         behandeld of beantwoord."
            .to_string()
    },
};

pub fn gegevens(zaak: &Zaak) -> Option<Bevinding> {
    let ontbrekend: Vec<&str> = [
        (zaak.klager.is_none(), "naam van de klager"),
        (zaak.contact.is_none(), "contactgegevens van de klager"),
        (zaak.omschrijving.is_none(), "omschrijving van de klacht"),
    ]
    .into_iter()
    .filter_map(|(ontbreekt, wat)| ontbreekt.then_some(wat))
    .collect();
    if ontbrekend.is_empty() {
        return None;
    }
    let mut b = Bevinding::new(
        &zaak.id,
        RegelId::Art41Gegevens,
        Ernst::Warning,
        format!(
            "ontbreekt in het register: {}",
            super::opsomming(&ontbrekend)
        ),
    );
    b.line = Some(zaak.line);
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_zaak;

    #[test]
    fn volledige_klacht() {
        assert!(gegevens(&test_zaak("2025-01-06")).is_none());
    }

    #[test]
    fn ontbrekende_gegevens_in_een_bevinding() {
        let mut zaak = test_zaak("2025-01-06");
        zaak.contact = None;
        let b = gegevens(&zaak).unwrap();
        assert_eq!(b.ernst, Ernst::Warning);
        assert_eq!(
            b.bericht,
            "ontbreekt in het register: contactgegevens van de klager"
        );
        zaak.klager = None;
        zaak.omschrijving = None;
        let b = gegevens(&zaak).unwrap();
        assert_eq!(
            b.bericht,
            "ontbreekt in het register: naam van de klager, contactgegevens van de klager en omschrijving van de klacht"
        );
        assert_eq!(b.line, Some(zaak.line));
    }
}
