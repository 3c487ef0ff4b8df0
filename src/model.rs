//! The domain in types: a zaak (complaint case), its gebeurtenissen (events) and the
//! enumerated values the register allows.
//!
//! Every value loaded from the register remembers the line it came from, so that any
//! finding can point back at it. The complainant's name and contact details are kept
//! only to recognise and redact them; no output prints them.

use chrono::NaiveDate;
use std::num::NonZeroU32;
use std::sync::Arc;

use rustc_hash::FxHashMap;

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

/// The value among `alle` whose name is `waarde`, in any case. A register nearly always
/// writes a value as it is named, so that is tried first: a comparison of whole words
/// instead of one of byte after byte.
fn kies<T: Copy>(alle: &[T], naam: fn(T) -> &'static str, waarde: &str) -> Option<T> {
    let gelijk = alle.iter().copied().find(|&w| naam(w) == waarde);
    gelijk.or_else(|| {
        alle.iter()
            .copied()
            .find(|&w| naam(w).eq_ignore_ascii_case(waarde))
    })
}

/// A shared, immutable piece of text: a case number, which every finding of the case
/// carries.
pub type Tekst = Arc<str>;

/// A name in the register: a handler, an employee, a category. Names repeat across
/// thousands of rows, so each is stored once, in the register's [`Namen`], and a case or
/// event holds only its number there: four bytes instead of a pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Naam(NonZeroU32);

impl Naam {
    fn plek(self) -> usize {
        self.0.get() as usize - 1
    }

    fn op(plek: usize) -> Naam {
        // More than four billion distinct names cannot be held in memory anyway.
        Naam(
            NonZeroU32::new(u32::try_from(plek + 1).unwrap_or(u32::MAX)).unwrap_or(NonZeroU32::MIN),
        )
    }
}

/// Every distinct name of a register, once, with the form in which two names are the same
/// person for article 5 (trimmed, in lower case).
#[derive(Debug, Clone, Default)]
pub struct Namen {
    teksten: Vec<Box<str>>,
    /// Per name: the number of its form for comparing.
    vormen: Vec<u32>,
    op_tekst: FxHashMap<Box<str>, Naam>,
    op_vorm: FxHashMap<String, u32>,
}

impl Namen {
    /// The number of `tekst`, which gets one when it is new.
    pub fn naam(&mut self, tekst: &str) -> Naam {
        if let Some(&naam) = self.op_tekst.get(tekst) {
            return naam;
        }
        let naam = Naam::op(self.teksten.len());
        let vorm = tekst.trim().to_lowercase();
        let aantal = self.op_vorm.len() as u32;
        self.vormen
            .push(*self.op_vorm.entry(vorm).or_insert(aantal));
        self.teksten.push(tekst.into());
        self.op_tekst.insert(tekst.into(), naam);
        naam
    }

    pub fn tekst(&self, naam: Naam) -> &str {
        self.teksten.get(naam.plek()).map_or("", |t| t)
    }

    /// Whether two names are the same person: equal but for case and surrounding spaces.
    pub fn zelfde(&self, a: Naam, b: Naam) -> bool {
        a == b || self.vormen.get(a.plek()) == self.vormen.get(b.plek())
    }

    /// Takes in the names of `ander` (a part of the register read on its own): what its
    /// names are numbered here.
    pub fn neem_op(&mut self, ander: &Namen) -> Naamkaart {
        Naamkaart(ander.teksten.iter().map(|tekst| self.naam(tekst)).collect())
    }
}

/// What the names of one part of a register are numbered in the whole: see
/// [`Namen::neem_op`].
#[derive(Debug, Clone, Default)]
pub struct Naamkaart(Vec<Naam>);

impl Naamkaart {
    pub fn naam(&self, naam: Naam) -> Naam {
        self.0.get(naam.plek()).copied().unwrap_or(naam)
    }
}

/// An event's toelichting: its number in the register's [`Toelichtingen`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Toelichting(NonZeroU32);

impl Toelichting {
    /// A toelichting whose text was not kept: `check` only needs to know it is there, but
    /// for a verantwoording's.
    pub const NIET_BEWAARD: Toelichting = Toelichting(NonZeroU32::MIN);
}

/// The toelichtingen of a register's events, each by its number.
#[derive(Debug, Clone)]
pub struct Toelichtingen {
    /// The first is the empty text of [`Toelichting::NIET_BEWAARD`].
    teksten: Vec<Box<str>>,
}

impl Default for Toelichtingen {
    fn default() -> Toelichtingen {
        Toelichtingen {
            teksten: vec![Box::default()],
        }
    }
}

impl Toelichtingen {
    pub fn bewaar(&mut self, tekst: &str) -> Toelichting {
        self.teksten.push(tekst.into());
        // More than four billion texts cannot be held in memory anyway.
        Toelichting(
            NonZeroU32::new(u32::try_from(self.teksten.len()).unwrap_or(u32::MAX))
                .unwrap_or(NonZeroU32::MIN),
        )
    }

    /// The text; empty for one that was not kept.
    pub fn tekst(&self, toelichting: Toelichting) -> &str {
        self.teksten
            .get(toelichting.0.get() as usize - 1)
            .map_or("", |t| t)
    }

    /// Takes in the texts of `ander` (a part of the register read on its own): the number
    /// here of its text number `t` is `t + verschuiving`, but for one not kept.
    pub fn neem_op(&mut self, ander: Toelichtingen) -> u32 {
        let verschuiving = (self.teksten.len() - 1) as u32;
        self.teksten.extend(ander.teksten.into_iter().skip(1));
        verschuiving
    }

    /// The number here of `toelichting`, taken in from a part with `verschuiving`.
    pub fn verschoven(toelichting: Toelichting, verschuiving: u32) -> Toelichting {
        if toelichting == Toelichting::NIET_BEWAARD {
            return toelichting;
        }
        Toelichting(toelichting.0.saturating_add(verschuiving))
    }
}

/// One complaint: a valid row of `klachten.csv`.
#[derive(Debug, Clone)]
pub struct Zaak {
    pub id: Tekst,
    pub ontvangen: NaiveDate,
    pub kanaal: Kanaal,
    pub dienst: Dienst,
    pub behandelaar: Naam,
    /// The complainant's name and contact details and the description (see
    /// [`Zaak::klager`], [`Zaak::contact`], [`Zaak::omschrijving`]).
    pub teksten: Zaakteksten,
    pub categorie: Option<Naam>,
    pub beklaagde: Option<Naam>,
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
    pub door: Option<Naam>,
    pub oordeel: Option<Oordeel>,
    /// For a verlenging: the new deadline.
    pub termijn: Option<NaiveDate>,
    pub toelichting: Option<Toelichting>,
    /// For a verantwoording: the rule id it accounts for (validated, canonical spelling).
    pub regel: Option<RegelId>,
    /// Line of the row in `gebeurtenissen.csv` (header = line 1).
    pub line: u32,
}

#[cfg(test)]
mod tests {
    use super::{
        Dienst, Gebeurtenis, Kanaal, Namen, Oordeel, Soort, Toelichting, Toelichtingen, Zaak,
        Zaakteksten,
    };

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
    fn namen_eenmaal_bewaard_en_gelijk_op_hoofdletters_na() {
        let mut namen = Namen::default();
        let a = namen.naam("J. de Vries");
        assert_eq!(namen.naam("J. de Vries"), a);
        let hoofdletters = namen.naam("J. DE VRIES");
        let ander = namen.naam("J. de Vriess");
        let accent = namen.naam("Ö. Yılmaz");
        assert_ne!(hoofdletters, a);
        assert_eq!(namen.tekst(hoofdletters), "J. DE VRIES");
        assert!(namen.zelfde(a, hoofdletters) && namen.zelfde(hoofdletters, a));
        assert!(!namen.zelfde(a, ander));
        let klein = namen.naam("ö. yılmaz");
        assert!(namen.zelfde(accent, klein));

        // A part's names, numbered in another order, keep their texts in the whole.
        let mut deel = Namen::default();
        let (x, y) = (deel.naam("Nieuw"), deel.naam("j. de vries"));
        let kaart = namen.neem_op(&deel);
        assert_eq!(namen.tekst(kaart.naam(x)), "Nieuw");
        assert_eq!(namen.tekst(kaart.naam(y)), "j. de vries");
        assert!(namen.zelfde(kaart.naam(y), a));
        assert_eq!(namen.naam("J. de Vries"), a);
    }

    #[test]
    fn toelichtingen_van_delen_houden_hun_tekst() {
        let mut geheel = Toelichtingen::default();
        let eerste = geheel.bewaar("eerste");
        let mut deel = Toelichtingen::default();
        let (a, b) = (deel.bewaar("a"), deel.bewaar("b"));
        let verschuiving = geheel.neem_op(deel);
        assert_eq!(geheel.tekst(eerste), "eerste");
        assert_eq!(
            geheel.tekst(Toelichtingen::verschoven(a, verschuiving)),
            "a"
        );
        assert_eq!(
            geheel.tekst(Toelichtingen::verschoven(b, verschuiving)),
            "b"
        );
        let niet = Toelichtingen::verschoven(Toelichting::NIET_BEWAARD, verschuiving);
        assert_eq!(niet, Toelichting::NIET_BEWAARD);
        assert_eq!(geheel.tekst(niet), "");
    }

    #[test]
    fn zaken_en_gebeurtenissen_blijven_klein() {
        // A million cases hold some four million events: each byte here is 4 MB there.
        assert!(std::mem::size_of::<Gebeurtenis>() <= 24);
        assert!(std::mem::size_of::<Zaak>() <= 104);
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
