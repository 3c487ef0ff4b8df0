//! Line numbers against an independent count: random files of both kinds, with every line
//! end (LF, CRLF, CR), a byte-order mark or not, blank lines before the header and between
//! rows, quoted fields over several lines, and a last line with or without its line end.
//! Every row holds one bad date, so each row is one input error on the line where its
//! record starts; the test works out that line while writing the file.

mod common;

use chrono::NaiveDate;
use common::*;
use klachten::Register;

/// The default seed: a run of `cargo test` always tries the same files.
const SEED: u64 = 0x7E6E_1202_2026;
const RONDEN: u64 = 150;

/// A file being written, with the line the next byte goes on.
struct Bestand {
    tekst: String,
    regeleinde: &'static str,
    regel: u32,
}

impl Bestand {
    fn new(t: &mut Toeval, regeleinde: &'static str, kop: &str) -> Bestand {
        let mut bestand = Bestand {
            tekst: String::new(),
            regeleinde,
            regel: 1,
        };
        if t.een_op(3) {
            bestand.tekst.push('\u{feff}');
        }
        bestand.lege_regels(t);
        bestand.schrijf(kop);
        bestand
    }

    /// Up to two blank lines, now and then.
    fn lege_regels(&mut self, t: &mut Toeval) {
        for _ in 0..*t.kies(&[0, 0, 0, 1, 2]) {
            self.schrijf("");
        }
    }

    /// One line, or a record over several (its quoted line breaks are this file's own);
    /// returns the line it starts on.
    fn schrijf(&mut self, record: &str) -> u32 {
        let begin = self.regel;
        let record = record.replace('\n', self.regeleinde);
        self.tekst.push_str(&record);
        self.tekst.push_str(self.regeleinde);
        self.regel += 1 + record.matches(self.regeleinde).count() as u32;
        begin
    }

    /// The text, now and then without the last line end.
    fn af(mut self, t: &mut Toeval) -> String {
        if t.een_op(3) {
            self.tekst
                .truncate(self.tekst.len() - self.regeleinde.len());
        }
        self.tekst
    }
}

/// Fields as a register keeper's spreadsheet may write them.
const OMSCHRIJVINGEN: [&str; 5] = [
    "x",
    "\"twee\nregels\"",
    "\"drie\n\nregels, met een komma\"",
    "\"met \"\"aanhalingstekens\"\"\"",
    "\"\"",
];

#[test]
fn elke_invoerfout_staat_op_de_regel_waar_haar_record_begint() {
    for ronde in 0..RONDEN {
        let mut t = Toeval(SEED ^ ronde.wrapping_mul(0x9E37_79B9));
        let regeleinde = *t.kies(&["\n", "\r\n", "\r"]);

        let mut klachten = Bestand::new(&mut t, regeleinde, KLACHTEN_KOP.trim_end());
        let mut verwacht = Vec::new();
        for i in 0..1 + t.onder(12) {
            klachten.lege_regels(&mut t);
            let rij = format!(
                "KP-{i},x,email,preventie,A,J,j@x.nl,{},,",
                t.kies(&OMSCHRIJVINGEN)
            );
            verwacht.push(("klachten.csv", klachten.schrijf(&rij)));
        }
        let mut gebeurtenissen = Bestand::new(&mut t, regeleinde, GEBEURTENISSEN_KOP.trim_end());
        for i in 0..t.onder(12) {
            gebeurtenissen.lege_regels(&mut t);
            let rij = format!("KP-{i},32-01-2025,gesprek,A,,,{},", t.kies(&OMSCHRIJVINGEN));
            verwacht.push(("gebeurtenissen.csv", gebeurtenissen.schrijf(&rij)));
        }

        let f = Fixture::leeg();
        f.schrijf("klachten.csv", klachten.af(&mut t));
        f.schrijf("gebeurtenissen.csv", gebeurtenissen.af(&mut t));
        let peildatum = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let register = Register::laad(f.pad(), peildatum).expect("laden");
        let mut gevonden: Vec<(&str, u32)> = register
            .invoerfouten
            .iter()
            .map(|fout| (fout.bestand.as_str(), fout.line.unwrap_or(0)))
            .collect();
        gevonden.sort();
        verwacht.sort();
        assert_eq!(
            gevonden, verwacht,
            "ronde {ronde} ({regeleinde:?}): {:#?}",
            register.invoerfouten
        );
    }
}
