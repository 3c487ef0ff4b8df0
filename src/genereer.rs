//! Synthetic registers for benchmarks and load tests: `klachten genereer --zaken N --out DIR`.
//!
//! The register looks like one a large organisation keeps: cases received from October 2024
//! to November 2026 in file order, the three services and a little `overig`, a pool of
//! handlers, free-text descriptions of realistic length (some quoted, with commas or a line
//! break), and about five events per case in the order a register grows: by date, the
//! cases interleaved. About one case in ten has something late or missing, so the check has
//! findings to report. Every generated row is valid: loading it gives no input errors.
//!
//! Deterministic: the same number of cases and seed give byte-identical files, on every
//! machine (a small PRNG of our own, no floating point). Streaming: cases are written as they
//! are made; only the events still ahead of the current day are held, so memory does not grow
//! with the register.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};

use crate::calendar::Kalender;
use crate::register::{GEBEURTENISSEN_CSV, KLACHTEN_CSV};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Instellingen {
    pub zaken: usize,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gegenereerd {
    pub zaken: usize,
    pub gebeurtenissen: usize,
}

/// Writes `klachten.csv` and `gebeurtenissen.csv` into `map` (created when missing).
pub fn genereer(map: &Path, instellingen: Instellingen) -> io::Result<Gegenereerd> {
    std::fs::create_dir_all(map)?;
    let klachten = BufWriter::with_capacity(1 << 16, File::create(map.join(KLACHTEN_CSV))?);
    let gebeurtenissen =
        BufWriter::with_capacity(1 << 16, File::create(map.join(GEBEURTENISSEN_CSV))?);
    schrijf(instellingen, klachten, gebeurtenissen)
}

/// The first and last day on which complaints are received; no event is dated later than
/// `LAATSTE` either (the register as it stands that day).
const EERSTE: (i32, u32, u32) = (2024, 10, 1);
const LAATSTE: (i32, u32, u32) = (2026, 11, 24);

fn dag((j, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(j, m, d).unwrap_or_default()
}

/// Writes a generated register to two writers (flushed at the end).
pub fn schrijf(
    instellingen: Instellingen,
    klachten: impl Write,
    gebeurtenissen: impl Write,
) -> io::Result<Gegenereerd> {
    let mut k = csv::Writer::from_writer(klachten);
    let mut g = csv::Writer::from_writer(gebeurtenissen);
    k.write_record([
        "zaak",
        "ontvangen",
        "kanaal",
        "dienst",
        "behandelaar",
        "klager",
        "contact",
        "omschrijving",
        "categorie",
        "beklaagde",
    ])?;
    g.write_record([
        "zaak",
        "datum",
        "soort",
        "door",
        "oordeel",
        "termijn",
        "toelichting",
        "regel",
    ])?;

    let mut rng = Rng::new(instellingen.seed);
    let kalender = Kalender::standaard();
    let (eerste, laatste) = (dag(EERSTE), dag(LAATSTE));
    let dagen = (laatste - eerste).num_days().max(1) as u64 + 1;
    let n = instellingen.zaken as u64;
    // A handler per ~2,000 cases a year, at least a small team.
    let behandelaars: Vec<String> = (0..(n / 2_000).clamp(6, 2_000))
        .map(|_| medewerker(&mut rng))
        .collect();
    let collega_s: Vec<String> = (0..(n / 1_000).clamp(10, 4_000))
        .map(|_| medewerker(&mut rng))
        .collect();

    // Events waiting for their day, earliest first; ties keep the order they were made in.
    let mut wachtrij: BinaryHeap<Reverse<Wachtend>> = BinaryHeap::new();
    let mut volgnummer = 0u64;
    let mut geschreven = Gegenereerd {
        zaken: 0,
        gebeurtenissen: 0,
    };
    let mut jaar = 0;
    let mut in_jaar = 0u32;
    let mut velden = Velden::default();
    for i in 0..n {
        let ontvangen = eerste + Days::new(i * dagen / n.max(1));
        // Every event dated before today is in the register by now.
        while wachtrij
            .peek()
            .is_some_and(|Reverse(w)| w.gebeurtenis.datum < ontvangen)
        {
            if let Some(Reverse(w)) = wachtrij.pop() {
                w.gebeurtenis.schrijf(&w.zaak, &mut velden, &mut g)?;
                geschreven.gebeurtenissen += 1;
            }
        }
        if ontvangen.year() != jaar {
            jaar = ontvangen.year();
            in_jaar = 0;
        }
        in_jaar += 1;
        let zaak = Zaak::maak(
            &mut rng,
            format!("KP-{jaar}-{in_jaar:06}"),
            ontvangen,
            &behandelaars,
            &collega_s,
        );
        zaak.schrijf(&mut velden, &mut k)?;
        geschreven.zaken += 1;
        let verloop = zaak.verloop(&mut rng, &kalender);
        for gebeurtenis in verloop.into_iter().filter(|e| e.datum <= laatste) {
            wachtrij.push(Reverse(Wachtend {
                volgnummer,
                zaak: zaak.id.clone(),
                gebeurtenis,
            }));
            volgnummer += 1;
        }
    }
    while let Some(Reverse(w)) = wachtrij.pop() {
        w.gebeurtenis.schrijf(&w.zaak, &mut velden, &mut g)?;
        geschreven.gebeurtenissen += 1;
    }
    k.flush()?;
    g.flush()?;
    Ok(geschreven)
}

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5EED_0FC1_AC47_3500)
    }

    fn volgende(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn onder(&mut self, n: u64) -> u64 {
        // Multiply-shift: unbiased enough for test data, and no division.
        ((u128::from(self.volgende()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `van..=tot`.
    fn tussen(&mut self, van: u64, tot: u64) -> u64 {
        van + self.onder(tot - van + 1)
    }

    /// True with a chance of `promille` in a thousand.
    fn kans(&mut self, promille: u64) -> bool {
        self.onder(1_000) < promille
    }

    fn kies<'a, T: ?Sized>(&mut self, uit: &'a [&'a T]) -> &'a T {
        uit[self.onder(uit.len() as u64) as usize]
    }
}

const VOORNAMEN: &[&str] = &[
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Emma",
    "Fatima",
    "Gerrit",
    "Hanneke",
    "Ibrahim",
    "Jan",
    "Karin",
    "Lars",
    "Mohamed",
    "Noor",
    "Olga",
    "Pieter",
    "Quinten",
    "Rosa",
    "Sanne",
    "Tim",
    "Ursula",
    "Vincent",
    "Willemijn",
    "Yara",
    "Zoë",
    "Henk",
    "Ilse",
    "Joost",
    "Lotte",
    "Sem",
];
const ACHTERNAMEN: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Yılmaz",
    "El Amrani",
    "Wolters",
    "Schouten",
];
const STRATEN: &[&str] = &[
    "Dorpsstraat",
    "Kerkstraat",
    "Stationsweg",
    "Schoolstraat",
    "Molenweg",
    "Julianalaan",
    "Beatrixstraat",
    "Industrieweg",
];
const PLAATSEN: &[&str] = &[
    "Utrecht",
    "Amersfoort",
    "Zwolle",
    "Groningen",
    "Eindhoven",
    "Den Haag",
    "Tilburg",
    "Arnhem",
    "Leeuwarden",
    "Maastricht",
];
const KLACHTZINNEN: &[&str] = &[
    "Werkgever ontving een dubbele factuur voor hetzelfde consult",
    "De casemanager belde niet terug, ondanks drie toezeggingen",
    "Afspraak twee keer op het laatste moment afgezegd",
    "Werkgever mist de onderbouwing in de probleemanalyse",
    "Toon van de coach werd als denigrerend ervaren",
    "Onduidelijke brief over het vervolg van het re-integratietraject",
    "Het rapport bevat feitelijke onjuistheden over de arbeidsongeschiktheid",
    "Medewerker voelde zich niet gehoord tijdens het spreekuur",
    "Gegevens zijn zonder toestemming gedeeld met de leidinggevende",
    "De wachttijd voor een afspraak was langer dan toegezegd",
    "Het advies kwam pas na de wettelijke termijn binnen",
    "Verslag van het gesprek is nooit toegestuurd",
    "De bedrijfsarts was slecht voorbereid op het consult",
    "Er is een verkeerde naam gebruikt in de correspondentie",
    "Klager kreeg tegenstrijdige informatie van twee medewerkers",
];
const TOEVOEGINGEN: &[&str] = &[
    "Klager wil excuses en een nieuw gesprek.",
    "Dit is niet de eerste keer; eerder is al mondeling geklaagd.",
    "Werkgever overweegt het contract op te zeggen.",
    "Klager vraagt om een andere casemanager.",
    "Gevolg: loonsanctie dreigt, volgens de werkgever.",
    "Telefonisch was niemand bereikbaar, ook niet via de centrale.",
    "Klager heeft de stukken als bijlage meegestuurd.",
];
const CATEGORIEEN: &[&str] = &[
    "communicatie",
    "bejegening",
    "deskundigheid",
    "planning",
    "facturatie",
    "privacy",
    "bereikbaarheid",
];
const AFDELINGEN: &[&str] = &[
    "afdeling Planning",
    "afdeling Administratie",
    "team Noord",
    "team Zuid",
    "frontoffice",
];
const REDENEN_VERLENGING: &[&str] = &[
    "Aanvullende informatie van de werkgever is nodig",
    "De betrokken medewerker is met verlof; hoor en wederhoor volgt daarna",
    "Dossier wordt opgevraagd bij de vorige arbodienst",
    "Extern advies van een tweede bedrijfsarts wordt afgewacht",
];

fn medewerker(rng: &mut Rng) -> String {
    let letter = char::from(b'A' + rng.onder(26) as u8);
    format!("{letter}. {}", rng.kies(ACHTERNAMEN))
}

/// One generated case, as its row and what its handling needs.
struct Zaak<'a> {
    id: String,
    ontvangen: NaiveDate,
    kanaal: &'static str,
    dienst: &'static str,
    behandelaar: &'a str,
    klager: String,
    contact: String,
    omschrijving: String,
    categorie: &'static str,
    beklaagde: String,
}

impl<'a> Zaak<'a> {
    fn maak(
        rng: &mut Rng,
        id: String,
        ontvangen: NaiveDate,
        behandelaars: &'a [String],
        collega_s: &[String],
    ) -> Zaak<'a> {
        let kanaal = match rng.onder(1_000) {
            0..=449 => "email",
            450..=799 => "webformulier",
            800..=969 => "brief",
            970..=989 => "telefoon",
            _ => "mondeling",
        };
        let dienst = match rng.onder(1_000) {
            0..=379 => "re-integratie",
            380..=699 => "casemanagement",
            700..=969 => "preventie",
            _ => "overig",
        };
        let voornaam = rng.kies(VOORNAMEN);
        let achternaam = rng.kies(ACHTERNAMEN);
        let klager = format!("{voornaam} {achternaam}");
        let contact = match rng.onder(10) {
            0..=5 => format!(
                "{}.{}@example.nl",
                voornaam.to_lowercase(),
                achternaam.to_lowercase().replace(' ', "")
            ),
            6..=8 => format!("06-{:08}", rng.onder(100_000_000)),
            // An address: holds a comma, so the field is quoted.
            _ => format!(
                "{} {}, {} {} {}",
                rng.kies(STRATEN),
                rng.tussen(1, 250),
                rng.tussen(1000, 9999),
                char::from(b'A' + rng.onder(26) as u8),
                rng.kies(PLAATSEN)
            ),
        };
        let mut omschrijving = rng.kies(KLACHTZINNEN).to_string();
        for _ in 0..rng.onder(3) {
            // Now and then a line break, as pasted from a letter: the field is then quoted.
            omschrijving.push_str(if rng.kans(50) { ".\n" } else { ". " });
            omschrijving.push_str(rng.kies(TOEVOEGINGEN));
            omschrijving.pop();
        }
        omschrijving.push('.');
        let mut zaak = Zaak {
            id,
            ontvangen,
            kanaal,
            dienst,
            behandelaar: &behandelaars[rng.onder(behandelaars.len() as u64) as usize],
            klager,
            contact,
            omschrijving,
            categorie: rng.kies(CATEGORIEEN),
            beklaagde: match rng.onder(10) {
                0..=4 => collega_s[rng.onder(collega_s.len() as u64) as usize].clone(),
                5..=6 => rng.kies(AFDELINGEN).to_string(),
                _ => String::new(),
            },
        };
        // Now and then the register lacks a detail (art-4.1).
        if rng.kans(8) {
            match rng.onder(3) {
                0 => zaak.klager.clear(),
                1 => zaak.contact.clear(),
                _ => zaak.omschrijving.clear(),
            }
        }
        zaak
    }

    fn schrijf<W: Write>(&self, velden: &mut Velden, uit: &mut csv::Writer<W>) -> io::Result<()> {
        velden.datum(self.ontvangen);
        uit.write_record([
            self.id.as_str(),
            velden.datum_tekst(),
            self.kanaal,
            self.dienst,
            self.behandelaar,
            self.klager.as_str(),
            self.contact.as_str(),
            self.omschrijving.as_str(),
            self.categorie,
            self.beklaagde.as_str(),
        ])?;
        Ok(())
    }

    /// The case's events in the order they happen (several may share a date).
    fn verloop(&self, rng: &mut Rng, kalender: &Kalender) -> Vec<Gebeurtenis<'a>> {
        let mut events = Vec::with_capacity(8);
        let ik = Door::Naam(self.behandelaar);
        let na = |d: NaiveDate, dagen: u64| d + Days::new(dagen);
        let binnen_reglement =
            !matches!(self.kanaal, "telefoon" | "mondeling") && self.dienst != "overig";

        // Art. 4.2: acknowledged within 1-4 working days; now and then late.
        let bevestiging = if rng.kans(30) {
            kalender.werkdagen_na(self.ontvangen, rng.tussen(6, 9) as u32)
        } else {
            kalender.werkdagen_na(self.ontvangen, rng.tussen(1, 4) as u32)
        };
        if !rng.kans(5) {
            events.push(Gebeurtenis::nieuw(bevestiging, "ontvangstbevestiging", ik));
        }
        // A withdrawal now and then, and that is the end of it.
        if rng.kans(10) {
            events.push(Gebeurtenis::nieuw(
                na(bevestiging, rng.tussen(1, 10)),
                "ingetrokken",
                Door::Geen,
            ));
            return events;
        }

        let mut deadline = kalender.weken_na(self.ontvangen, 4);
        let mut dag = bevestiging;
        if rng.kans(800) {
            dag = na(dag, rng.tussen(1, 6));
            events.push(Gebeurtenis::nieuw(dag, "gesprek", ik));
        }
        if rng.kans(450) {
            dag = na(dag, rng.tussen(1, 5));
            events.push(Gebeurtenis::nieuw(dag, "informatieverzoek", ik));
        }
        if rng.kans(250) {
            dag = na(dag, rng.tussen(1, 4));
            events.push(Gebeurtenis::nieuw(dag, "gesprek", ik));
        }
        // Art. 4.3: an extension, mostly in time and with a reason.
        if binnen_reglement && rng.kans(80) {
            let nieuw = na(deadline, 7 * rng.tussen(2, 4));
            let datum = (deadline - Days::new(rng.tussen(1, 5))).max(dag);
            let mut v = Gebeurtenis::nieuw(datum, "verlenging", ik);
            v.termijn = Some(nieuw);
            if !rng.kans(60) {
                v.toelichting = Some(rng.kies(REDENEN_VERLENGING));
            }
            if v.toelichting.is_some() {
                deadline = nieuw;
            }
            dag = v.datum;
            events.push(v);
        }
        // The decision: mostly within the term, some late.
        let uitspraak = if rng.kans(40) {
            na(deadline, rng.tussen(1, 15))
        } else {
            let ruimte = (deadline - dag).num_days().max(1) as u64;
            na(dag, rng.tussen(1, ruimte))
        };
        let oordeel = match rng.onder(1_000) {
            0..=549 => Some("ongegrond"),
            550..=799 => Some("deels-gegrond"),
            800..=994 => Some("gegrond"),
            _ => None,
        };
        let mut u = Gebeurtenis::nieuw(uitspraak, "uitspraak", ik);
        u.oordeel = oordeel;
        events.push(u);
        dag = uitspraak;
        if matches!(oordeel, Some("gegrond" | "deels-gegrond")) && !rng.kans(40) {
            events.push(Gebeurtenis::nieuw(
                na(dag, rng.tussen(0, 10)),
                "maatregel",
                ik,
            ));
        }
        if rng.kans(20) {
            // Not closed (art-4.5).
            return events;
        }
        dag = na(dag, rng.tussen(0, 5));
        events.push(Gebeurtenis::nieuw(dag, "afsluiting", ik));

        // Art. 5: an appeal now and then, mostly in time, decided by the management.
        if rng.kans(30) {
            let beroep = if rng.kans(100) {
                na(uitspraak, rng.tussen(15, 30))
            } else {
                na(uitspraak, rng.tussen(1, 14))
            };
            events.push(Gebeurtenis::nieuw(beroep.max(dag), "beroep", Door::Geen));
            let door = if rng.kans(50) { ik } else { Door::Directie };
            let mut b = Gebeurtenis::nieuw(
                na(beroep.max(dag), rng.tussen(7, 40)),
                "beroepsuitspraak",
                door,
            );
            b.oordeel = Some(if rng.kans(200) {
                "gegrond"
            } else {
                "ongegrond"
            });
            events.push(b);
        } else if rng.kans(5) {
            // Reopened with new information, decided and closed again.
            let heropend = na(dag, rng.tussen(3, 30));
            events.push(Gebeurtenis::nieuw(heropend, "heropend", Door::Geen));
            let mut u = Gebeurtenis::nieuw(na(heropend, rng.tussen(5, 25)), "uitspraak", ik);
            u.oordeel = Some("ongegrond");
            let afsluiting = na(u.datum, 1);
            events.push(u);
            events.push(Gebeurtenis::nieuw(afsluiting, "afsluiting", ik));
        }
        events
    }
}

#[derive(Clone, Copy)]
enum Door<'a> {
    Geen,
    Directie,
    Naam(&'a str),
}

struct Gebeurtenis<'a> {
    datum: NaiveDate,
    soort: &'static str,
    door: Door<'a>,
    oordeel: Option<&'static str>,
    termijn: Option<NaiveDate>,
    toelichting: Option<&'static str>,
}

impl<'a> Gebeurtenis<'a> {
    fn nieuw(datum: NaiveDate, soort: &'static str, door: Door<'a>) -> Gebeurtenis<'a> {
        Gebeurtenis {
            datum,
            soort,
            door,
            oordeel: None,
            termijn: None,
            toelichting: None,
        }
    }

    fn schrijf<W: Write>(
        &self,
        zaak: &str,
        velden: &mut Velden,
        uit: &mut csv::Writer<W>,
    ) -> io::Result<()> {
        velden.datum(self.datum);
        let mut termijn = [0u8; 10];
        let termijn = match self.termijn {
            Some(t) => {
                schrijf_datum(t, &mut termijn);
                std::str::from_utf8(&termijn).unwrap_or_default()
            }
            None => "",
        };
        uit.write_record([
            zaak,
            velden.datum_tekst(),
            self.soort,
            match self.door {
                Door::Geen => "",
                Door::Directie => "directie",
                Door::Naam(naam) => naam,
            },
            self.oordeel.unwrap_or_default(),
            termijn,
            self.toelichting.unwrap_or_default(),
            "",
        ])?;
        Ok(())
    }
}

/// An event waiting in the queue: ordered by date, then by the order it was made in.
struct Wachtend<'a> {
    volgnummer: u64,
    zaak: String,
    gebeurtenis: Gebeurtenis<'a>,
}

impl Wachtend<'_> {
    fn sleutel(&self) -> (NaiveDate, u64) {
        (self.gebeurtenis.datum, self.volgnummer)
    }
}

impl PartialEq for Wachtend<'_> {
    fn eq(&self, ander: &Self) -> bool {
        self.sleutel() == ander.sleutel()
    }
}

impl Eq for Wachtend<'_> {}

impl PartialOrd for Wachtend<'_> {
    fn partial_cmp(&self, ander: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(ander))
    }
}

impl Ord for Wachtend<'_> {
    fn cmp(&self, ander: &Self) -> std::cmp::Ordering {
        self.sleutel().cmp(&ander.sleutel())
    }
}

/// A scratch buffer for formatting dates without allocating.
#[derive(Default)]
struct Velden {
    datum: [u8; 10],
}

impl Velden {
    fn datum(&mut self, d: NaiveDate) {
        schrijf_datum(d, &mut self.datum);
    }

    fn datum_tekst(&self) -> &str {
        std::str::from_utf8(&self.datum).unwrap_or_default()
    }
}

/// `YYYY-MM-DD` into `uit` (years 0 to 9999).
fn schrijf_datum(d: NaiveDate, uit: &mut [u8; 10]) {
    let (j, m, dag) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    let cijfers = [
        j / 1000,
        j / 100 % 10,
        j / 10 % 10,
        j % 10,
        m / 10,
        m % 10,
        dag / 10,
        dag % 10,
    ];
    let posities = [0, 1, 2, 3, 5, 6, 8, 9];
    for (p, c) in posities.into_iter().zip(cijfers) {
        uit[p] = b'0' + c as u8;
    }
    uit[4] = b'-';
    uit[7] = b'-';
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datum_als_tekst() {
        let mut b = [0u8; 10];
        schrijf_datum(dag((2025, 4, 8)), &mut b);
        assert_eq!(&b, b"2025-04-08");
    }

    #[test]
    fn zelfde_zaad_zelfde_register() {
        let maak = |seed| {
            let (mut k, mut g) = (Vec::new(), Vec::new());
            let n = schrijf(Instellingen { zaken: 300, seed }, &mut k, &mut g).unwrap();
            (n, k, g)
        };
        let (a, b, c) = (maak(7), maak(7), maak(8));
        assert_eq!(a, b);
        assert_ne!(a.1, c.1);
    }
}
