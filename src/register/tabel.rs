//! Reading one CSV file of the register in either dialect: comma or semicolon (detected
//! from the header line), with or without a byte-order mark, LF or CRLF, quoted fields
//! that may span lines. Headers match case-insensitively and in any order.
//!
//! The reader streams: one reused record, so memory does not grow with the file.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

/// A column that a file may have. `verplicht` columns missing from the header make the
/// whole file an input error.
#[derive(Debug, Clone, Copy)]
pub struct Kolom {
    pub naam: &'static str,
    pub verplicht: bool,
}

/// What went wrong while reading a file, before any row could be judged.
#[derive(Debug)]
pub enum Leesfout {
    /// The file does not exist.
    Ontbreekt,
    /// The file exists but could not be read.
    Onleesbaar(io::Error),
}

/// A CSV file opened for reading, with its header resolved against the expected columns.
pub struct Tabel {
    lezer: csv::Reader<Box<dyn Read + Send>>,
    /// For every expected column (in the order given to [`Tabel::open`]): its index in the
    /// record, when the header has it.
    pub posities: Vec<Option<usize>>,
    /// Header names that match no expected column.
    pub onbekende_kolommen: Vec<String>,
    /// Expected required columns the header lacks.
    pub ontbrekende_kolommen: Vec<&'static str>,
    /// Number of fields in the header.
    pub breedte: usize,
    record: csv::ByteRecord,
    regels: Regels,
}

/// Line numbers from byte offsets. The csv crate's own line count is off with CRLF line
/// ends, so the input is watched for `\n` as it is read: a record starts on the line
/// after the last line break at or before its position (with CRLF the csv crate places a
/// record at the `\n` that ends the previous line). Only breaks not yet passed are kept.
#[derive(Clone, Default)]
struct Regels {
    /// (offset of a `\n`, whether the line it ends is blank)
    einden: Arc<Mutex<VecDeque<(u64, bool)>>>,
    voorbij: u32,
}

impl Regels {
    /// The 1-based line on which byte `byte` lies (bytes must come in order).
    fn van(&mut self, byte: u64) -> u32 {
        let mut einden = self.einden.lock().unwrap_or_else(|e| e.into_inner());
        // Breaks up to the record's position, then blank lines: a record never starts on
        // one, though the csv crate may place it before them.
        while einden.front().is_some_and(|&(e, leeg)| e <= byte || leeg) {
            einden.pop_front();
            self.voorbij = self.voorbij.saturating_add(1);
        }
        self.voorbij.saturating_add(1)
    }
}

/// Passes the input on, noting where every line break is.
struct Regelteller<R> {
    binnen: R,
    gelezen: u64,
    /// Whether the current line holds nothing but `\r` so far.
    leeg: bool,
    einden: Arc<Mutex<VecDeque<(u64, bool)>>>,
}

impl<R: Read> Read for Regelteller<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.binnen.read(buf)?;
        let mut einden = self.einden.lock().unwrap_or_else(|e| e.into_inner());
        for (i, &b) in buf[..n].iter().enumerate() {
            match b {
                b'\n' => {
                    einden.push_back((self.gelezen + i as u64, self.leeg));
                    self.leeg = true;
                }
                b'\r' => {}
                _ => self.leeg = false,
            }
        }
        self.gelezen += n as u64;
        Ok(n)
    }
}

/// One record of a [`Tabel`], valid until the next is read.
pub struct Rij<'a> {
    pub line: u32,
    /// Byte offset of the record's start in what was read.
    pub byte: u64,
    record: &'a csv::ByteRecord,
    posities: &'a [Option<usize>],
}

/// A record the CSV reader itself rejected (say, a quote that never closes).
#[derive(Debug)]
pub struct Recordfout {
    pub line: u32,
    pub bericht: String,
}

impl Tabel {
    /// Opens `pad` and reads its header. `kolommen` lists the columns this file may have.
    pub fn open(pad: &Path, kolommen: &[Kolom]) -> Result<Tabel, Leesfout> {
        let bestand = File::open(pad).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => Leesfout::Ontbreekt,
            _ => Leesfout::Onleesbaar(e),
        })?;
        Tabel::lees(BufReader::with_capacity(1 << 18, bestand), kolommen)
            .map_err(Leesfout::Onleesbaar)
    }

    /// Reads a table from bytes in memory (an earlier version of a file, say).
    pub fn uit_bytes(inhoud: Vec<u8>, kolommen: &[Kolom]) -> Tabel {
        let mut invoer = io::Cursor::new(inhoud);
        let mut kopregel = Vec::new();
        // Reading from memory cannot fail.
        let _ = invoer.read_until(b'\n', &mut kopregel);
        Tabel::met_kop(kopregel, invoer, kolommen)
    }

    fn lees(
        mut invoer: impl BufRead + Send + 'static,
        kolommen: &[Kolom],
    ) -> Result<Tabel, io::Error> {
        let mut kopregel = Vec::new();
        invoer.read_until(b'\n', &mut kopregel)?;
        Ok(Tabel::met_kop(kopregel, invoer, kolommen))
    }

    /// A table whose header line (`kopregel`) was read already from `invoer`.
    fn met_kop(kopregel: Vec<u8>, invoer: impl Read + Send + 'static, kolommen: &[Kolom]) -> Tabel {
        let kopregel = zonder_bom(kopregel);
        let scheidingsteken = scheidingsteken(&kopregel);
        let regels = Regels::default();
        let bron: Box<dyn Read + Send> = Box::new(Regelteller {
            binnen: io::Cursor::new(kopregel).chain(invoer),
            gelezen: 0,
            leeg: false,
            einden: regels.einden.clone(),
        });
        let mut lezer = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(scheidingsteken)
            .from_reader(bron);

        let mut kop = csv::ByteRecord::new();
        // An empty file, or one whose header cannot be read, has no columns at all.
        let gelezen = lezer.read_byte_record(&mut kop).unwrap_or(false);
        if !gelezen {
            kop.clear();
        }
        let namen: Vec<String> = kop
            .iter()
            .map(|veld| String::from_utf8_lossy(veld).trim().to_lowercase())
            .collect();
        let posities: Vec<Option<usize>> = kolommen
            .iter()
            .map(|k| namen.iter().position(|n| n == k.naam))
            .collect();
        let onbekende_kolommen = namen
            .iter()
            .filter(|n| !n.is_empty() && !kolommen.iter().any(|k| k.naam == n.as_str()))
            .cloned()
            .collect();
        let ontbrekende_kolommen = kolommen
            .iter()
            .zip(&posities)
            .filter(|(k, p)| k.verplicht && p.is_none())
            .map(|(k, _)| k.naam)
            .collect();
        Tabel {
            lezer,
            posities,
            onbekende_kolommen,
            ontbrekende_kolommen,
            breedte: namen.len(),
            record: csv::ByteRecord::new(),
            regels,
        }
    }

    /// The next record, `None` at the end of the file. Blank lines are skipped by the CSV
    /// reader itself.
    pub fn volgende(&mut self) -> Option<Result<Rij<'_>, Recordfout>> {
        match self.lezer.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let byte = self.record.position().map_or(0, |p| p.byte());
                let line = self.regels.van(byte);
                if self.record.len() != self.breedte {
                    return Some(Err(Recordfout {
                        line,
                        bericht: format!(
                            "record heeft {} velden, de kopregel {}",
                            self.record.len(),
                            self.breedte
                        ),
                    }));
                }
                Some(Ok(Rij {
                    line,
                    byte,
                    record: &self.record,
                    posities: &self.posities,
                }))
            }
            Err(fout) => {
                let byte = fout
                    .position()
                    .or(self.record.position())
                    .map_or(0, |p| p.byte());
                let line = self.regels.van(byte);
                let bericht = match fout.kind() {
                    csv::ErrorKind::Io(e) => format!("kan niet verder lezen: {e}"),
                    _ => "onleesbaar CSV-record".to_string(),
                };
                // An I/O error would repeat forever; end the file there.
                if matches!(fout.kind(), csv::ErrorKind::Io(_)) {
                    self.record.clear();
                    self.breedte = usize::MAX;
                    self.lezer = csv::Reader::from_reader(Box::new(io::empty()));
                }
                Some(Err(Recordfout { line, bericht }))
            }
        }
    }
}

impl Tabel {
    /// The next record as it stands, whatever its number of fields (a missing field reads
    /// as empty): the history counts every row, valid or not. None at the end of the
    /// input, or where the reader cannot go on.
    pub fn volgende_ruw(&mut self) -> Option<Rij<'_>> {
        match self.lezer.read_byte_record(&mut self.record) {
            Ok(true) => {
                let byte = self.record.position().map_or(0, |p| p.byte());
                Some(Rij {
                    line: self.regels.van(byte),
                    byte,
                    record: &self.record,
                    posities: &self.posities,
                })
            }
            Ok(false) | Err(_) => None,
        }
    }
}

impl<'a> Rij<'a> {
    /// The raw value of expected column `kolom` (its index in the list given to
    /// [`Tabel::open`]), trimmed; empty when the header lacks the column.
    pub fn ruw(&self, kolom: usize) -> Result<&'a str, String> {
        let Some(Some(index)) = self.posities.get(kolom) else {
            return Ok("");
        };
        let veld = self.record.get(*index).unwrap_or_default();
        match std::str::from_utf8(veld) {
            Ok(tekst) => Ok(tekst.trim()),
            Err(_) => Err(String::from_utf8_lossy(veld).trim().to_string()),
        }
    }
}

fn zonder_bom(mut regel: Vec<u8>) -> Vec<u8> {
    if regel.starts_with(&[0xEF, 0xBB, 0xBF]) {
        regel.drain(..3);
    }
    regel
}

/// Semicolon when the header has more semicolons than commas outside quotes, else comma.
fn scheidingsteken(kopregel: &[u8]) -> u8 {
    let mut binnen_aanhalingstekens = false;
    let (mut komma, mut puntkomma) = (0usize, 0usize);
    for &teken in kopregel {
        match teken {
            b'"' => binnen_aanhalingstekens = !binnen_aanhalingstekens,
            b',' if !binnen_aanhalingstekens => komma += 1,
            b';' if !binnen_aanhalingstekens => puntkomma += 1,
            _ => {}
        }
    }
    if puntkomma > komma {
        b';'
    } else {
        b','
    }
}

/// Why a date value was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datumfout {
    /// Not of the form `YYYY-MM-DD` or `DD-MM-YYYY`.
    Vorm,
    /// Of the right form, but no such day exists (`31-02-2025`).
    BestaatNiet,
}

impl Datumfout {
    pub fn bericht(self) -> &'static str {
        match self {
            Datumfout::Vorm => "geen datum: verwacht JJJJ-MM-DD of DD-MM-JJJJ",
            Datumfout::BestaatNiet => "geen bestaande datum",
        }
    }
}

/// Parses `YYYY-MM-DD` or `DD-MM-YYYY`.
pub fn datum(waarde: &str) -> Result<NaiveDate, Datumfout> {
    let b = waarde.as_bytes();
    if b.len() != 10 {
        return Err(Datumfout::Vorm);
    }
    let getal = |bereik: std::ops::Range<usize>| -> Option<u32> {
        b.get(bereik)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (jaar, maand, dag) = if b[4] == b'-' && b[7] == b'-' {
        (getal(0..4), getal(5..7), getal(8..10))
    } else if b[2] == b'-' && b[5] == b'-' {
        (getal(6..10), getal(3..5), getal(0..2))
    } else {
        return Err(Datumfout::Vorm);
    };
    let (Some(jaar), Some(maand), Some(dag)) = (jaar, maand, dag) else {
        return Err(Datumfout::Vorm);
    };
    // A four-digit year always fits in i32.
    NaiveDate::from_ymd_opt(jaar as i32, maand, dag).ok_or(Datumfout::BestaatNiet)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).unwrap()
    }

    #[test]
    fn beide_datumnotaties() {
        assert_eq!(datum("2025-04-28"), Ok(d(2025, 4, 28)));
        assert_eq!(datum("28-04-2025"), Ok(d(2025, 4, 28)));
    }

    #[test]
    fn onmogelijke_en_verkeerde_datums() {
        assert_eq!(datum("31-02-2025"), Err(Datumfout::BestaatNiet));
        assert_eq!(datum("2025-13-01"), Err(Datumfout::BestaatNiet));
        assert_eq!(datum("2025-02-29"), Err(Datumfout::BestaatNiet));
        assert_eq!(datum("2024-02-29"), Ok(d(2024, 2, 29)));
        for fout in [
            "",
            "2025/04/28",
            "28-4-2025",
            "2025-4-28",
            "28.04.2025",
            "2025-04-2x",
            "+025-04-28",
            "ééé",
            "2025-04-28T00",
        ] {
            assert_eq!(datum(fout), Err(Datumfout::Vorm), "{fout:?}");
        }
    }

    #[test]
    fn scheidingsteken_uit_kopregel() {
        assert_eq!(scheidingsteken(b"zaak,ontvangen,kanaal\n"), b',');
        assert_eq!(scheidingsteken(b"zaak;ontvangen;kanaal\r\n"), b';');
        assert_eq!(scheidingsteken(b"\"a,b\";c;d\n"), b';');
        assert_eq!(scheidingsteken(b"zaak\n"), b',');
    }
}
