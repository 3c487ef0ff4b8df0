//! The domain in types: a zaak (complaint case), its gebeurtenissen (events) and the
//! enumerated values the register allows.
//!
//! Every value loaded from the register remembers the line it came from, so that any
//! finding can point back at it. The complainant's name and contact details are kept
//! only to recognise and redact them; no output prints them.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::bevinding::RegelId;

/// The channel through which a complaint arrived (article 1: a complaint is written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kanaal {
    Brief,
    Email,
    Webformulier,
    Telefoon,
    Mondeling,
}

impl Kanaal {
    pub const ALLE: [Kanaal; 5] = [
        Kanaal::Brief,
        Kanaal::Email,
        Kanaal::Webformulier,
        Kanaal::Telefoon,
        Kanaal::Mondeling,
    ];

    /// The value as written in the register.
    pub fn naam(self) -> &'static str {
        match self {
            Kanaal::Brief => "brief",
            Kanaal::Email => "email",
            Kanaal::Webformulier => "webformulier",
            Kanaal::Telefoon => "telefoon",
            Kanaal::Mondeling => "mondeling",
        }
    }

    /// Article 1 defines a complaint as a written expression of dissatisfaction.
    pub fn is_schriftelijk(self) -> bool {
        matches!(self, Kanaal::Brief | Kanaal::Email | Kanaal::Webformulier)
    }

    pub fn parse(waarde: &str) -> Option<Kanaal> {
        kies(&Kanaal::ALLE, Kanaal::naam, waarde)
    }
}

/// The service a complaint is about (article 3: the regulation covers three services).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dienst {
    Preventie,
    ReIntegratie,
    Casemanagement,
    Overig,
}

impl Dienst {
    pub const ALLE: [Dienst; 4] = [
        Dienst::Preventie,
        Dienst::ReIntegratie,
        Dienst::Casemanagement,
        Dienst::Overig,
    ];

    pub fn naam(self) -> &'static str {
        match self {
            Dienst::Preventie => "preventie",
            Dienst::ReIntegratie => "re-integratie",
            Dienst::Casemanagement => "casemanagement",
            Dienst::Overig => "overig",
        }
    }

    /// Whether the regulation applies to complaints about this service (article 3).
    pub fn valt_onder_reglement(self) -> bool {
        self != Dienst::Overig
    }

    pub fn parse(waarde: &str) -> Option<Dienst> {
        kies(&Dienst::ALLE, Dienst::naam, waarde)
    }
}

/// The kind of an event in a complaint's handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Soort {
    Ontvangstbevestiging,
    Informatieverzoek,
    Gesprek,
    Verlenging,
    Uitspraak,
    Maatregel,
    Afsluiting,
    Heropend,
    Beroep,
    Beroepsuitspraak,
    Ingetrokken,
    Verantwoording,
}

impl Soort {
    pub const ALLE: [Soort; 12] = [
        Soort::Ontvangstbevestiging,
        Soort::Informatieverzoek,
        Soort::Gesprek,
        Soort::Verlenging,
        Soort::Uitspraak,
        Soort::Maatregel,
        Soort::Afsluiting,
        Soort::Heropend,
        Soort::Beroep,
        Soort::Beroepsuitspraak,
        Soort::Ingetrokken,
        Soort::Verantwoording,
    ];

    pub fn naam(self) -> &'static str {
        match self {
            Soort::Ontvangstbevestiging => "ontvangstbevestiging",
            Soort::Informatieverzoek => "informatieverzoek",
            Soort::Gesprek => "gesprek",
            Soort::Verlenging => "verlenging",
            Soort::Uitspraak => "uitspraak",
            Soort::Maatregel => "maatregel",
            Soort::Afsluiting => "afsluiting",
            Soort::Heropend => "heropend",
            Soort::Beroep => "beroep",
            Soort::Beroepsuitspraak => "beroepsuitspraak",
            Soort::Ingetrokken => "ingetrokken",
            Soort::Verantwoording => "verantwoording",
        }
    }

    pub fn parse(waarde: &str) -> Option<Soort> {
        kies(&Soort::ALLE, Soort::naam, waarde)
    }

    /// Whether `door` of this step names the complainant's side (who lodged an appeal or
    /// withdrew the complaint) rather than a member of staff: its outputs hide the words of
    /// the complainant's name in it, as in a free text.
    pub fn door_de_klager(self) -> bool {
        matches!(self, Soort::Beroep | Soort::Ingetrokken)
    }
}

/// The verdict of an uitspraak or beroepsuitspraak (article 4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Oordeel {
    Gegrond,
    DeelsGegrond,
    Ongegrond,
}

impl Oordeel {
    pub const ALLE: [Oordeel; 3] = [Oordeel::Gegrond, Oordeel::DeelsGegrond, Oordeel::Ongegrond];

    pub fn naam(self) -> &'static str {
        match self {
            Oordeel::Gegrond => "gegrond",
            Oordeel::DeelsGegrond => "deels-gegrond",
            Oordeel::Ongegrond => "ongegrond",
        }
    }

    /// A justified (or partly justified) complaint calls for measures (article 4.4).
    pub fn vraagt_maatregel(self) -> bool {
        matches!(self, Oordeel::Gegrond | Oordeel::DeelsGegrond)
    }

    pub fn parse(waarde: &str) -> Option<Oordeel> {
        kies(&Oordeel::ALLE, Oordeel::naam, waarde)
    }
}

/// The value among `alle` whose name is `waarde`, in any case.
fn kies<T: Copy>(alle: &[T], naam: fn(T) -> &'static str, waarde: &str) -> Option<T> {
    alle.iter()
        .copied()
        .find(|&w| naam(w).eq_ignore_ascii_case(waarde))
}

/// A shared, immutable piece of text: a case number, a name, a description. Names recur
/// across thousands of rows and are stored once (see `register::Tekstbank`); a case
/// number is carried by every finding of its case.
pub type Tekst = Arc<str>;

/// Whether two names are the same person (article 5): equal but for case and surrounding
/// spaces.
pub fn zelfde_persoon(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// One complaint: a valid row of `klachten.csv`.
#[derive(Debug, Clone)]
pub struct Zaak {
    pub id: Tekst,
    pub ontvangen: NaiveDate,
    pub kanaal: Kanaal,
    pub dienst: Dienst,
    pub behandelaar: Tekst,
    /// The complainant's name. Personal data: used only to find and redact it, never shown.
    pub klager: Option<Tekst>,
    /// The complainant's contact details. Personal data, as `klager`.
    pub contact: Option<Tekst>,
    pub omschrijving: Option<Tekst>,
    pub categorie: Option<Tekst>,
    pub beklaagde: Option<Tekst>,
    /// Line of the row in `klachten.csv` (header = line 1).
    pub line: u32,
    /// The case's valid events up to the peildatum, in date order (file order within a day).
    pub gebeurtenissen: Vec<Gebeurtenis>,
}

impl Zaak {
    /// The case's events of one kind, in order.
    pub fn gebeurtenissen_van(&self, soort: Soort) -> impl Iterator<Item = &Gebeurtenis> {
        self.gebeurtenissen.iter().filter(move |g| g.soort == soort)
    }
}

/// One event: a valid row of `gebeurtenissen.csv`.
#[derive(Debug, Clone)]
pub struct Gebeurtenis {
    pub datum: NaiveDate,
    /// Whether `datum` was written day first (`DD-MM-YYYY`), so that an input error about
    /// it can show the value as written.
    pub datum_dag_eerst: bool,
    pub soort: Soort,
    pub door: Option<Tekst>,
    pub oordeel: Option<Oordeel>,
    /// For a verlenging: the new deadline.
    pub termijn: Option<NaiveDate>,
    pub toelichting: Option<Tekst>,
    /// For a verantwoording: the rule id it accounts for (validated, canonical spelling).
    pub regel: Option<RegelId>,
    /// Line of the row in `gebeurtenissen.csv` (header = line 1).
    pub line: u32,
}

#[cfg(test)]
mod tests {
    use super::{zelfde_persoon, Dienst, Kanaal, Oordeel, Soort};

    #[test]
    fn waarden_in_elke_schrijfwijze_van_hoofdletters() {
        for soort in Soort::ALLE {
            assert_eq!(Soort::parse(soort.naam()), Some(soort));
            assert_eq!(Soort::parse(&soort.naam().to_uppercase()), Some(soort));
        }
        assert_eq!(
            Soort::parse("Beroepsuitspraak"),
            Some(Soort::Beroepsuitspraak)
        );
        assert_eq!(Kanaal::parse("WebFormulier"), Some(Kanaal::Webformulier));
        assert_eq!(Dienst::parse("Re-Integratie"), Some(Dienst::ReIntegratie));
        assert_eq!(Oordeel::parse("DEELS-gegrond"), Some(Oordeel::DeelsGegrond));
        for onbekend in [
            "",
            "uitspraken",
            "uitspraa",
            "re integratie",
            "e-mail",
            "gegrond ",
        ] {
            assert_eq!(Soort::parse(onbekend), None, "{onbekend:?}");
            assert_eq!(Kanaal::parse(onbekend), None, "{onbekend:?}");
            assert_eq!(Dienst::parse(onbekend), None, "{onbekend:?}");
            assert_eq!(Oordeel::parse(onbekend), None, "{onbekend:?}");
        }
    }

    #[test]
    fn dezelfde_persoon_op_hoofdletters_en_spaties_na() {
        assert!(zelfde_persoon("J. de Vries", " j. DE VRIES "));
        assert!(zelfde_persoon("Ö. Yılmaz", "ö. yılmaz"));
        assert!(!zelfde_persoon("J. de Vries", "J. de Vriess"));
        assert!(!zelfde_persoon("", "x"));
    }
}
