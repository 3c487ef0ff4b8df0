//! The domain in types: a zaak (complaint case), its gebeurtenissen (events) and the
//! enumerated values the register allows.
//!
//! Every value loaded from the register remembers the line it came from, so that any
//! finding can point back at it. The complainant's name and contact details are kept
//! only to recognise and redact them; no output prints them.

use chrono::NaiveDate;
use std::sync::Arc;

use crate::rules::RegelId;

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
        Kanaal::ALLE
            .into_iter()
            .find(|k| k.naam().eq_ignore_ascii_case(waarde))
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
        Dienst::ALLE
            .into_iter()
            .find(|d| d.naam().eq_ignore_ascii_case(waarde))
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
        Soort::ALLE
            .into_iter()
            .find(|s| s.naam().eq_ignore_ascii_case(waarde))
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
        Oordeel::ALLE
            .into_iter()
            .find(|o| o.naam().eq_ignore_ascii_case(waarde))
    }
}

/// A shared, immutable piece of text. Names of handlers, staff and categories repeat
/// across thousands of rows; the loader interns them so that each is stored once.
pub type Tekst = Arc<str>;

/// One complaint: a valid row of `klachten.csv`.
#[derive(Debug, Clone)]
pub struct Zaak {
    pub id: Tekst,
    pub ontvangen: NaiveDate,
    pub kanaal: Kanaal,
    pub dienst: Dienst,
    pub behandelaar: Tekst,
    /// The complainant's name and contact details and the description (see
    /// [`Zaak::klager`], [`Zaak::contact`], [`Zaak::omschrijving`]).
    pub teksten: Zaakteksten,
    pub categorie: Option<Tekst>,
    pub beklaagde: Option<Tekst>,
    /// Line of the row in `klachten.csv` (header = line 1).
    pub line: u32,
    /// The case's valid events up to the peildatum, in date order (file order within a day).
    pub gebeurtenissen: Vec<Gebeurtenis>,
}

impl Zaak {
    /// Personal data: used only to find and redact it, never shown.
    pub fn klager(&self) -> Option<&str> {
        self.teksten.klager()
    }

    /// Personal data: used only to find and redact it, never shown.
    pub fn contact(&self) -> Option<&str> {
        self.teksten.contact()
    }

    pub fn omschrijving(&self) -> Option<&str> {
        self.teksten.omschrijving()
    }

    /// Whether the register gives the complainant's name, contact details and a
    /// description (also when their texts were not kept).
    pub fn heeft_klager(&self) -> bool {
        self.teksten.heeft_klager()
    }

    pub fn heeft_contact(&self) -> bool {
        self.teksten.heeft_contact()
    }

    pub fn heeft_omschrijving(&self) -> bool {
        self.teksten.heeft_omschrijving()
    }

    /// The case's events of one kind, in order.
    pub fn gebeurtenissen_van(&self, soort: Soort) -> impl Iterator<Item = &Gebeurtenis> {
        self.gebeurtenissen.iter().filter(move |g| g.soort == soort)
    }
}

/// A case's own texts (complainant, contact details, description) in one allocation: a
/// million cases need a million allocations for them instead of three million. An empty
/// text is an absent one.
///
/// The texts themselves may be left out ([`Zaakteksten::zonder_tekst`]): `check` only needs
/// to know which are there (article 4.1), and then keeps no names or contact details in
/// memory at all.
#[derive(Debug, Clone, Default)]
pub struct Zaakteksten {
    /// The three texts one after another, or empty when they were left out.
    tekst: Box<str>,
    /// Where the complainant's name, the contact details and the description end: the
    /// lengths are kept also when the texts are not.
    grenzen: [u32; 3],
}

impl Zaakteksten {
    /// The three texts; an empty one counts as absent.
    pub fn new(klager: &str, contact: &str, omschrijving: &str) -> Zaakteksten {
        let mut tekst = String::with_capacity(klager.len() + contact.len() + omschrijving.len());
        tekst.push_str(klager);
        tekst.push_str(contact);
        tekst.push_str(omschrijving);
        Zaakteksten {
            tekst: tekst.into_boxed_str(),
            grenzen: Zaakteksten::grenzen(klager, contact, omschrijving),
        }
    }

    /// Only whether each text is there: the accessors give `None`, the `heeft_*` methods
    /// still answer.
    pub fn zonder_tekst(klager: &str, contact: &str, omschrijving: &str) -> Zaakteksten {
        Zaakteksten {
            tekst: Box::default(),
            grenzen: Zaakteksten::grenzen(klager, contact, omschrijving),
        }
    }

    fn grenzen(klager: &str, contact: &str, omschrijving: &str) -> [u32; 3] {
        // A CSV field longer than 4 GiB cannot be read into memory anyway.
        let lengte = |tekst: &str| u32::try_from(tekst.len()).unwrap_or(u32::MAX);
        let k = lengte(klager);
        let c = k.saturating_add(lengte(contact));
        [k, c, c.saturating_add(lengte(omschrijving))]
    }

    /// The text between two boundaries, when the texts were kept and it is not empty.
    fn deel(&self, begin: u32, eind: u32) -> Option<&str> {
        let deel = self.tekst.get(begin as usize..eind as usize)?;
        (!deel.is_empty()).then_some(deel)
    }

    pub fn klager(&self) -> Option<&str> {
        self.deel(0, self.grenzen[0])
    }

    pub fn contact(&self) -> Option<&str> {
        self.deel(self.grenzen[0], self.grenzen[1])
    }

    pub fn omschrijving(&self) -> Option<&str> {
        self.deel(self.grenzen[1], self.grenzen[2])
    }

    pub fn heeft_klager(&self) -> bool {
        self.grenzen[0] > 0
    }

    pub fn heeft_contact(&self) -> bool {
        self.grenzen[1] > self.grenzen[0]
    }

    pub fn heeft_omschrijving(&self) -> bool {
        self.grenzen[2] > self.grenzen[1]
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
    pub toelichting: Option<Box<str>>,
    /// For a verantwoording: the rule id it accounts for (validated, canonical spelling).
    pub regel: Option<RegelId>,
    /// Line of the row in `gebeurtenissen.csv` (header = line 1).
    pub line: u32,
}

#[cfg(test)]
mod tests {
    use super::{Gebeurtenis, Zaak, Zaakteksten};

    #[test]
    fn zaken_en_gebeurtenissen_blijven_klein() {
        // A million cases hold some four million events: each byte here is 4 MB there.
        assert!(std::mem::size_of::<Gebeurtenis>() <= 56);
        assert!(std::mem::size_of::<Zaak>() <= 136);
    }

    #[test]
    fn zaakteksten_geven_elk_deel_terug_en_leeg_is_afwezig() {
        let t = Zaakteksten::new("Één Klager", "", "Omschrijving");
        assert_eq!(t.klager(), Some("Één Klager"));
        assert_eq!(t.contact(), None);
        assert_eq!(t.omschrijving(), Some("Omschrijving"));
        let t = Zaakteksten::new("", "a@b.nl", "");
        assert_eq!(
            (t.klager(), t.contact(), t.omschrijving()),
            (None, Some("a@b.nl"), None)
        );
        let t = Zaakteksten::default();
        assert_eq!(
            (t.klager(), t.contact(), t.omschrijving()),
            (None, None, None)
        );
    }

    #[test]
    fn zonder_tekst_blijft_alleen_bekend_wat_er_is() {
        let t = Zaakteksten::zonder_tekst("Één Klager", "", "Omschrijving");
        assert_eq!(
            (t.klager(), t.contact(), t.omschrijving()),
            (None, None, None)
        );
        assert_eq!(
            (t.heeft_klager(), t.heeft_contact(), t.heeft_omschrijving()),
            (true, false, true)
        );
        let t = Zaakteksten::new("", "a@b.nl", "");
        assert_eq!(
            (t.heeft_klager(), t.heeft_contact(), t.heeft_omschrijving()),
            (false, true, false)
        );
        let t = Zaakteksten::zonder_tekst("", "", "");
        assert_eq!(
            (t.heeft_klager(), t.heeft_contact(), t.heeft_omschrijving()),
            (false, false, false)
        );
    }
}
