//! Article 6: confidentiality.
//!
//! **art-6-persoonsgegevens** (warning): all information about a complaint is confidential.
//! The case file `zaken/<zaak>.md` is shared more widely than the register's personal
//! columns, so it should not hold personal data: an e-mail address, a Dutch phone number, a
//! BSN (nine digits passing the elfproef) or an IBAN (passing its mod-97 check). The site
//! shows every such occurrence redacted; this rule asks for it to be removed at the source.
//!
//! The rule judges the text a reader of the site sees, as `markdown::vondsten` assembles
//! it with the site's own rendering (entities and escapes decoded, comments left out), so
//! whatever the site redacts raises this finding; and the file as written, so that personal
//! data in a comment or a link's address counts too. The line is that of the first
//! occurrence in the file.
//!
//! Example: a case file that reads "bel mevrouw op 06-12345678" raises
//! art-6-persoonsgegevens pointing at that line.

use std::collections::BTreeMap;

use super::{Bevinding, Bron, Ernst, Regel, RegelId};
use crate::markdown;
use crate::model::Tekst;
use crate::persoonsgegevens::{Geheimen, Persoonsgegeven};
use crate::register::Dossier;

pub const PERSOONSGEGEVENS: Regel = Regel {
    id: RegelId::Art6Persoonsgegevens,
    artikel: "6",
    ernst: &[Ernst::Warning],
    titel: |_, _| "Persoonsgegevens in het zaakdossier".to_string(),
    uitleg: |_, _| {
        "Alle informatie over een klacht is vertrouwelijk. Een zaakdossier bevat daarom geen \
         e-mailadressen, telefoonnummers, burgerservicenummers of rekeningnummers; de site toont \
         ze onleesbaar gemaakt."
            .to_string()
    },
};

/// The finding on case `zaak`'s case file, judged as the site shows it to a reader with
/// `geheimen` (the case's own name and contact) redacted: a number that a name glued to it
/// hid is found, here as there.
pub fn persoonsgegevens(zaak: &Tekst, dossier: &Dossier, geheimen: &Geheimen) -> Option<Bevinding> {
    let vondsten = markdown::vondsten(&dossier.tekst, geheimen);
    let &(_, eerste) = vondsten.first()?;
    let mut aantallen: BTreeMap<Persoonsgegeven, usize> = BTreeMap::new();
    for (soort, _) in &vondsten {
        *aantallen.entry(*soort).or_default() += 1;
    }
    let soorten: Vec<String> = aantallen
        .iter()
        .map(|(soort, n)| format!("{n}× {}", soort.naam()))
        .collect();
    let soorten: Vec<&str> = soorten.iter().map(String::as_str).collect();
    let mut b = Bevinding::new(
        zaak,
        RegelId::Art6Persoonsgegevens,
        Ernst::Warning,
        format!(
            "zaakdossier bevat persoonsgegevens ({}), eerste op regel {}; de site toont ze onleesbaar gemaakt",
            super::opsomming(&soorten),
            eerste
        ),
    );
    b.bron = Bron::Dossier(zaak.clone());
    b.line = Some(eerste);
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dossier(tekst: &str) -> Dossier {
        Dossier {
            bestand: "zaken/KP-1.md".into(),
            tekst: tekst.into(),
        }
    }

    #[test]
    fn dossier_zonder_persoonsgegevens() {
        let zaak: Tekst = "KP-1".into();
        let d = dossier("# KP-1\n\nGesprek op 12-03-2025 met de klager; zaak ZW-2025-014.\n");
        assert!(persoonsgegevens(&zaak, &d, &Geheimen::GEEN).is_none());
    }

    #[test]
    fn dossier_met_persoonsgegevens_wijst_de_eerste_regel_aan() {
        let zaak: Tekst = "KP-1".into();
        let d = dossier("# KP-1\n\nBel 06-12345678 of mail k@example.nl.\nRekening NL91ABNA0417164300, BSN 111222333.\n");
        let b = persoonsgegevens(&zaak, &d, &Geheimen::GEEN).unwrap();
        assert_eq!(b.regel, RegelId::Art6Persoonsgegevens);
        assert_eq!(b.ernst, Ernst::Warning);
        assert_eq!(b.bron, Bron::Dossier(zaak.clone()));
        assert_eq!(b.bron.pad(), "zaken/KP-1.md");
        assert_eq!(b.line, Some(3));
        assert!(
            b.bericht
                .contains("1× e-mailadres, 1× telefoonnummer, 1× BSN en 1× IBAN"),
            "{}",
            b.bericht
        );
        assert_eq!((b.deadline, b.datum), (None, None));
    }
}
