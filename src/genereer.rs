//! Synthetic registers for benchmarks: `klachten genereer --zaken N --out DIR`. The rows are
//! realistic in shape and size (about five events per case, a minority handled late), and
//! the same seed always gives the same files. Written streaming, so any size fits.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::calendar::Kalender;

/// A small deterministic generator (xorshift64*), so no dependency is needed.
struct Toeval(u64);

impl Toeval {
    fn getal(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn onder(&mut self, n: u64) -> u64 {
        self.getal() % n.max(1)
    }

    fn kies<'a>(&mut self, uit: &[&'a str]) -> &'a str {
        uit[self.onder(uit.len() as u64) as usize]
    }

    fn kans(&mut self, procent: u64) -> bool {
        self.onder(100) < procent
    }
}

const DIENSTEN: [&str; 7] = [
    "preventie",
    "re-integratie",
    "re-integratie",
    "casemanagement",
    "casemanagement",
    "preventie",
    "re-integratie",
];
const KANALEN: [&str; 6] = [
    "email",
    "email",
    "webformulier",
    "brief",
    "email",
    "webformulier",
];
const CATEGORIEEN: [&str; 7] = [
    "communicatie",
    "bejegening",
    "deskundigheid",
    "planning",
    "bereikbaarheid",
    "privacy",
    "facturatie",
];
const BEHANDELAARS: [&str; 8] = [
    "M. de Boer",
    "S. Yilmaz",
    "R. Vermeulen",
    "L. Jansen",
    "P. Bakker",
    "F. Haddou",
    "G. Smits",
    "H. Wouters",
];
const NAMEN: [&str; 8] = [
    "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Graaf", "Mulder",
];
const OMSCHRIJVINGEN: [&str; 5] = [
    "Klant is niet geïnformeerd over het verplaatsen van de afspraak met de coach",
    "Terugbelverzoek over het trajectplan is na twee weken nog niet opgevolgd",
    "Advies van de re-integratiecoach sloot niet aan bij de belastbaarheid volgens de bedrijfsarts",
    "Rapportage met medische details is zonder toestemming naar de werkgever gestuurd",
    "Factuur ontvangen voor een sessie die door de coach zelf was afgezegd",
];

/// Writes a synthetic register of `zaken` cases to `map` (created when missing).
pub fn genereer(map: &Path, zaken: u64, zaad: u64) -> io::Result<()> {
    fs::create_dir_all(map)?;
    let mut klachten = BufWriter::with_capacity(1 << 20, File::create(map.join("klachten.csv"))?);
    let mut events =
        BufWriter::with_capacity(1 << 20, File::create(map.join("gebeurtenissen.csv"))?);
    writeln!(
        klachten,
        "zaak,ontvangen,kanaal,dienst,behandelaar,klager,contact,omschrijving,categorie,beklaagde"
    )?;
    writeln!(
        events,
        "zaak,datum,soort,door,oordeel,termijn,toelichting,regel"
    )?;
    let kalender = Kalender::standaard();
    let mut t = Toeval(zaad.max(1));
    let begin = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap_or_default();
    let dagen = 780;
    for n in 0..zaken {
        let ontvangen = dag_na(begin, t.onder(dagen));
        let zaak = format!("SYN-{n:07}");
        let behandelaar = t.kies(&BEHANDELAARS);
        let dienst = if t.kans(2) {
            "overig"
        } else {
            t.kies(&DIENSTEN)
        };
        let naam = t.kies(&NAMEN);
        writeln!(
            klachten,
            "{zaak},{ontvangen},{},{dienst},{behandelaar},K. {naam},k.{}@example.nl,\"{}\",{},{}",
            t.kies(&KANALEN),
            naam.replace(' ', ""),
            t.kies(&OMSCHRIJVINGEN),
            t.kies(&CATEGORIEEN),
            t.kies(&BEHANDELAARS),
        )?;
        let laat = t.kans(10);
        let ack = kalender.werkdagen_na(
            ontvangen,
            if laat && t.kans(40) {
                7
            } else {
                1 + t.onder(4) as u32
            },
        );
        writeln!(
            events,
            "{zaak},{ack},ontvangstbevestiging,{behandelaar},,,,"
        )?;
        if t.kans(50) {
            let gesprek = dag_na(ack, 3 + t.onder(6));
            writeln!(events, "{zaak},{gesprek},gesprek,{behandelaar},,,,")?;
        }
        let deadline = kalender.weken_na(ontvangen, 4);
        let mut uitspraak = dag_na(ontvangen, 12 + t.onder(15)).min(deadline);
        if t.kans(8) {
            let nieuw = dag_na(deadline, 14);
            writeln!(
                events,
                "{zaak},{},verlenging,{behandelaar},,{nieuw},\"Aanvullende informatie van de werkgever nodig\",",
                dag_na(deadline, 0)
            )?;
            uitspraak = dag_na(deadline, 1 + t.onder(12));
        } else if laat {
            uitspraak = dag_na(deadline, 1 + t.onder(10));
        }
        let oordeel = ["gegrond", "deels-gegrond", "ongegrond", "ongegrond"][t.onder(4) as usize];
        writeln!(
            events,
            "{zaak},{uitspraak},uitspraak,{behandelaar},{oordeel},,,"
        )?;
        if oordeel != "ongegrond" && !t.kans(5) {
            writeln!(
                events,
                "{zaak},{},maatregel,{behandelaar},,,\"Werkinstructie aangepast en besproken in het team\",",
                dag_na(uitspraak, t.onder(5))
            )?;
        }
        writeln!(
            events,
            "{zaak},{},afsluiting,{behandelaar},,,,",
            dag_na(uitspraak, 1)
        )?;
        if t.kans(4) {
            let beroep = dag_na(uitspraak, 3 + t.onder(12));
            writeln!(events, "{zaak},{beroep},beroep,,,,,")?;
            writeln!(
                events,
                "{zaak},{},beroepsuitspraak,directie,ongegrond,,,",
                dag_na(beroep, 10 + t.onder(10))
            )?;
        }
    }
    klachten.flush()?;
    events.flush()
}

fn dag_na(dag: NaiveDate, n: u64) -> NaiveDate {
    dag.checked_add_days(Days::new(n)).unwrap_or(dag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hetzelfde_zaad_geeft_dezelfde_bestanden_en_een_geldig_register() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        genereer(a.path(), 500, 7).unwrap();
        genereer(b.path(), 500, 7).unwrap();
        for bestand in ["klachten.csv", "gebeurtenissen.csv"] {
            assert_eq!(
                fs::read(a.path().join(bestand)).unwrap(),
                fs::read(b.path().join(bestand)).unwrap()
            );
        }
        let peildatum = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let register = crate::Register::laad(a.path(), peildatum).unwrap();
        assert_eq!(register.invoerfouten, []);
        assert_eq!(register.zaken.len(), 500);
        assert!(register.aantallen.gebeurtenissen_gelezen > 1500);
        let uitkomst = crate::controleer(register);
        assert!(uitkomst.samenvatting.errors > 0, "a minority is late");
        assert!(uitkomst.samenvatting.errors < 250, "most are in order");
    }
}
