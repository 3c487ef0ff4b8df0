//! `--format csv`: the findings and input errors as a table for a spreadsheet, one row
//! each (see docs/spreadsheet.md for the columns). The site offers the same table as
//! `bevindingen.csv`.
//!
//! Every table for a spreadsheet is written by [`Spreadsheet`]: UTF-8 with a byte-order
//! mark (without it Excel reads the file as Windows-1252) and `;` as separator (Dutch Excel
//! splits on it when the file is opened with a double click), and no cell that a
//! spreadsheet would run as a formula.

use std::borrow::Cow;
use std::io::{self, Write};

use super::{invoerfout_tekst, Opties};
use crate::bevinding::Bevinding;
use crate::datum::dmj;
use crate::register::Invoerfout;
use crate::{Drempel, Uitkomst};

/// The columns of the findings table.
pub const KOLOMMEN: [&str; 10] = [
    "zaak",
    "regel",
    "ernst",
    "bericht",
    "termijn",
    "datum",
    "bestand",
    "regelnummer",
    "telt mee",
    "verantwoording",
];

/// The `ernst` of an input error.
pub const INVOERFOUT: &str = "invoerfout";

/// A table written for a spreadsheet.
pub struct Spreadsheet<W: Write> {
    csv: ::csv::Writer<W>,
}

impl<W: Write> Spreadsheet<W> {
    /// Starts the table in `uit` with its header `kop`.
    pub fn nieuw(mut uit: W, kop: &[&str]) -> io::Result<Spreadsheet<W>> {
        uit.write_all(b"\xEF\xBB\xBF")?;
        let csv = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(uit);
        let mut tabel = Spreadsheet { csv };
        tabel.rij(kop.iter().copied())?;
        Ok(tabel)
    }

    /// Writes one row; every cell made safe with [`veilig`], and without control
    /// characters but line breaks (the table is printed to a terminal or a CI log too:
    /// [`super::zonder_stuurtekens`]).
    pub fn rij<'a>(&mut self, cellen: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        let cellen = cellen
            .into_iter()
            .map(|cel| veilig(&super::zonder_stuurtekens(cel, true)).into_owned());
        self.csv.write_record(cellen).map_err(io::Error::from)
    }

    /// Writes out what is buffered.
    pub fn sluit(mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

/// A cell as a spreadsheet may show it: one that starts with `=`, `+`, `-` or `@` (or with
/// a tab or carriage return before one), which Excel and LibreOffice would run as a
/// formula, gets a `'` before it, so that it shows as the text it is.
pub fn veilig(cel: &str) -> Cow<'_, str> {
    match cel.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cel}")),
        _ => Cow::Borrowed(cel),
    }
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    schrijf_bevindingen(uitkomst, opties.drempel, uit)
}

/// The findings table: a row per finding, then a row per input error. Whether a finding
/// counts follows `drempel` (`--strict`, `--since`).
pub fn schrijf_bevindingen(
    uitkomst: &Uitkomst,
    drempel: Drempel,
    uit: &mut dyn Write,
) -> io::Result<()> {
    let mut tabel = Spreadsheet::nieuw(uit, &KOLOMMEN)?;
    for b in &uitkomst.bevindingen {
        tabel.rij(bevinding(b, drempel).iter().map(String::as_str))?;
    }
    for f in &uitkomst.register.invoerfouten {
        tabel.rij(invoerfout(f).iter().map(String::as_str))?;
    }
    tabel.sluit()
}

fn ja_nee(waar: bool) -> String {
    if waar { "ja" } else { "nee" }.to_string()
}

fn bevinding(b: &Bevinding, drempel: Drempel) -> [String; 10] {
    [
        b.zaak.as_deref().unwrap_or_default().to_string(),
        b.regel.id().to_string(),
        b.ernst.label().to_string(),
        b.bericht.clone(),
        b.deadline.map(dmj).unwrap_or_default(),
        b.datum.map(dmj).unwrap_or_default(),
        b.bron.pad().into_owned(),
        b.line.map(|l| l.to_string()).unwrap_or_default(),
        ja_nee(drempel.telt(b)),
        b.verantwoording.as_deref().unwrap_or_default().to_string(),
    ]
}

/// An input error always counts; its message names the column and the value (never one
/// of the complainant's name or contact details).
fn invoerfout(f: &Invoerfout) -> [String; 10] {
    [
        String::new(),
        String::new(),
        INVOERFOUT.to_string(),
        invoerfout_tekst(f),
        String::new(),
        String::new(),
        f.bestand.clone(),
        f.line.map(|l| l.to_string()).unwrap_or_default(),
        ja_nee(true),
        String::new(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formules_worden_tekst() {
        for cel in ["=1+1", "+31 6 12345678", "-2", "@SOM(A1)", "\t=1", "\r=1"] {
            assert_eq!(veilig(cel), format!("'{cel}"));
        }
        for cel in ["", "KP-1", "01-02-2025", "geen = formule", "'=1"] {
            assert_eq!(veilig(cel), cel);
        }
    }

    #[test]
    fn bom_puntkomma_en_crlf() {
        let mut uit = Vec::new();
        let mut tabel = Spreadsheet::nieuw(&mut uit, &["a", "b"]).unwrap();
        tabel.rij(["x;y", "=GEVAAR()"]).unwrap();
        tabel.rij(["regel\neen", ""]).unwrap();
        tabel.sluit().unwrap();
        assert_eq!(
            String::from_utf8(uit).unwrap(),
            "\u{FEFF}a;b\r\n\"x;y\";'=GEVAAR()\r\n\"regel\neen\";\r\n"
        );
    }
}
