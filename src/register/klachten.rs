//! `klachten.csv`: one row per complaint, read into a [`Zaak`].

use std::sync::Arc;

use super::lezer::{Kolom, Rij};
use super::velden::Velden;
use super::{is_geldig_zaaknummer, Invoerfout, Tekstbank, KLACHTEN_CSV};
use crate::model::{Dienst, Kanaal, Zaak};

/// Column indices of klachten.csv, in the order of [`KOLOMMEN`].
pub(crate) mod k {
    pub const ZAAK: usize = 0;
    pub const ONTVANGEN: usize = 1;
    pub const KANAAL: usize = 2;
    pub const DIENST: usize = 3;
    pub const BEHANDELAAR: usize = 4;
    pub const KLAGER: usize = 5;
    pub const CONTACT: usize = 6;
    pub const OMSCHRIJVING: usize = 7;
    pub const CATEGORIE: usize = 8;
    pub const BEKLAAGDE: usize = 9;
}

pub(crate) const KOLOMMEN: [Kolom; 10] = [
    Kolom::verplicht("zaak"),
    Kolom::verplicht("ontvangen"),
    Kolom::verplicht("kanaal"),
    Kolom::verplicht("dienst"),
    Kolom::verplicht("behandelaar"),
    Kolom::optioneel("klager"),
    Kolom::optioneel("contact"),
    Kolom::optioneel("omschrijving"),
    Kolom::optioneel("categorie"),
    Kolom::optioneel("beklaagde"),
];

/// Reads one row; every problem becomes an input error in `fouten`.
pub(crate) fn lees_zaak(
    rij: &Rij<'_>,
    fouten: &mut Vec<Invoerfout>,
    teksten: &mut Tekstbank,
) -> Option<Zaak> {
    let mut veld = Velden::new(KLACHTEN_CSV, rij, &KOLOMMEN, fouten);
    let id = veld.verplicht(k::ZAAK).unwrap_or_default();
    if !id.is_empty() && !is_geldig_zaaknummer(id) {
        veld.fout(
            k::ZAAK,
            id,
            "ongeldig zaaknummer: 1 tot 64 letters, cijfers, '-', '_' of '.', niet beginnend met '.'",
        );
    }
    let ontvangen = veld.datum(k::ONTVANGEN, true);
    let kanaal = veld.keuze(
        k::KANAAL,
        Kanaal::parse,
        "brief, email, webformulier, telefoon of mondeling",
    );
    let dienst = veld.keuze(
        k::DIENST,
        Dienst::parse,
        "preventie, re-integratie, casemanagement of overig",
    );
    let behandelaar = veld.verplicht(k::BEHANDELAAR).map(|b| teksten.naam(b));
    let klager = veld.tekst(k::KLAGER);
    let contact = veld.tekst(k::CONTACT);
    let omschrijving = veld.tekst(k::OMSCHRIJVING);
    let categorie = veld.tekst(k::CATEGORIE);
    let beklaagde = veld.tekst(k::BEKLAAGDE);
    if !veld.is_geldig() {
        return None;
    }
    let eigen = |tekst: Option<&str>| tekst.filter(|t| !t.is_empty()).map(Arc::from);
    Some(Zaak {
        id: Arc::from(id),
        ontvangen: ontvangen?,
        kanaal: kanaal?,
        dienst: dienst?,
        behandelaar: behandelaar?,
        klager: eigen(klager),
        contact: eigen(contact),
        omschrijving: eigen(omschrijving),
        categorie: teksten.naam_in(categorie?),
        beklaagde: teksten.naam_in(beklaagde?),
        line: rij.line,
        gebeurtenissen: Vec::new(),
    })
}
