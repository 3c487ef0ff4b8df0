//! Reading one CSV file of the register with the csv crate, in any dialect: comma,
//! semicolon or tab (detected from the header line), in UTF-8, UTF-16 or Windows-1252
//! (decoded to UTF-8 as it streams past: [`super::codering`]), LF, CRLF or CR line ends,
//! quoted fields that may span lines. Header names match the expected columns
//! case-insensitively and in any order.
//!
//! The file is streamed through one reused [`csv::ByteRecord`] (or, read ahead, through a
//! few bundles of them: `super::vooruit`), so the reader's memory does not grow with the
//! file. A file that changes while it is read yields what was there, or
//! an error for the record where reading stopped; never a crash.
//!
//! Bounds: a record (with any blank lines before it) is at most [`MAX_RECORD`] bytes; the
//! reader stops at a longer one with an input error, as its end cannot be found without
//! reading on, and a file that never ends (a pipe fed from `/dev/zero`) would have it read
//! on for ever. A field is at most [`MAX_VELD`] bytes; a longer one makes its row an input
//! error. So the reader's memory is bounded whatever the file holds.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, Read};

use sha2::{Digest, Sha256};

use super::codering::{Codering, Tekstlezer};

use super::toegang::{Registermap, Weigering};

/// A column that a file may have. `verplicht` columns missing from the header make the
/// whole file an input error.
#[derive(Debug, Clone, Copy)]
pub struct Kolom {
    pub naam: &'static str,
    pub verplicht: bool,
}

impl Kolom {
    pub const fn verplicht(naam: &'static str) -> Kolom {
        Kolom {
            naam,
            verplicht: true,
        }
    }

    pub const fn optioneel(naam: &'static str) -> Kolom {
        Kolom {
            naam,
            verplicht: false,
        }
    }
}

/// A header name that is not read: it matches no expected column, or (`nogmaals`) names
/// one a second time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenegeerdeKolom {
    /// As the header writes it, trimmed and in lower case.
    pub naam: String,
    pub nogmaals: bool,
}

impl std::fmt::Display for GenegeerdeKolom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.nogmaals {
            write!(f, "{} (nogmaals)", self.naam)
        } else {
            f.write_str(&self.naam)
        }
    }
}

/// A record that cannot be a row: it has another number of fields than the header or a
/// field longer than [`MAX_VELD`], or its quote never closes, or the file could not be
/// read on from there (a record longer than [`MAX_RECORD`], say).
#[derive(Debug)]
pub struct Recordfout {
    pub line: u32,
    pub bericht: String,
}

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The longest record that is read: 1 MiB.
pub const MAX_RECORD: u64 = 1 << 20;
/// The longest field that is read: 64 KiB.
pub const MAX_VELD: usize = 64 << 10;

/// A record longer than [`MAX_RECORD`]: why the reader stops.
#[derive(Debug)]
struct TeLang;

impl std::fmt::Display for TeLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "record langer dan {}; het bestand wordt vanaf hier niet gelezen",
            super::toegang::grootte(MAX_RECORD)
        )
    }
}

impl std::error::Error for TeLang {}

/// A CSV file opened for reading, its header matched to the expected columns.
pub struct Csvlezer<R: Read> {
    csv: csv::Reader<Regelinvoer<R>>,
    record: csv::ByteRecord,
    /// The line on which the record read last starts.
    line: u32,
    /// For every expected column (in the order given to [`Csvlezer::open`]): its index in
    /// the record, when the header has it.
    posities: Vec<Option<usize>>,
    /// Header names that match no expected column, or name one a second time.
    pub genegeerde_kolommen: Vec<GenegeerdeKolom>,
    /// Expected required columns the header lacks.
    pub ontbrekende_kolommen: Vec<&'static str>,
    /// The line the header is on: 1, or later after blank lines. A file without a header
    /// (empty, or blank lines only) has it on line 1.
    pub kopregel: u32,
    /// Number of fields in the header.
    breedte: usize,
    /// Whether reading stopped at an error.
    gestopt: bool,
    /// Why the header could not be read (it is longer than [`MAX_RECORD`], say): the
    /// file's error; nothing after it is read.
    pub kopfout: Option<Recordfout>,
    /// Whether the file was read to its end.
    uitgelezen: bool,
    /// Whether `record` holds the record read last.
    record_gelezen: bool,
}

/// One record: the line it starts on (header = line 1), its byte offset in the file's text
/// as read (decoded to UTF-8, after the byte-order mark; where the csv crate began reading
/// it: blank lines before it may lie in between), and its fields by expected column.
pub struct Rij<'a> {
    pub line: u32,
    pub byte: u64,
    record: &'a csv::ByteRecord,
    /// The record's fields one after another, when they are valid UTF-8 (as the csv
    /// crate's `StringRecord` checks them: once for the record).
    tekst: Option<&'a str>,
    posities: &'a [Option<usize>],
}

impl Csvlezer<Tekstlezer<Vingerafdruk<File>>> {
    /// Opens the file `naam` of the register `map` (see [`Registermap::open_stroom`]) and
    /// reads its header. `kolommen` lists the columns it may have.
    pub fn open(map: &Registermap, naam: &str, kolommen: &[Kolom]) -> Result<Self, Weigering> {
        let bestand = map.open_stroom(naam)?;
        // The fingerprint is of the bytes on disk; everything after the decoding sees UTF-8.
        let invoer = Tekstlezer::new(Vingerafdruk::new(bestand));
        Csvlezer::nieuw(invoer, kolommen).map_err(Weigering::Onleesbaar)
    }

    /// The encoding the file is read in, as far as it was read.
    pub fn codering(&self) -> Codering {
        self.csv.get_ref().binnen.codering()
    }

    /// The SHA-256 of the file's bytes, in lower-case hex, once it was read to its end;
    /// None when reading stopped before.
    pub fn sha256(self) -> Option<String> {
        if !self.uitgelezen {
            return None;
        }
        Some(self.csv.into_inner().binnen.into_inner().sha256())
    }
}

/// Passes a file's bytes on as they are read, and takes their SHA-256 on the way: the
/// evidence stamp names exactly the bytes that were checked.
pub struct Vingerafdruk<R> {
    binnen: R,
    hasher: Sha256,
}

impl<R> Vingerafdruk<R> {
    fn new(binnen: R) -> Vingerafdruk<R> {
        Vingerafdruk {
            binnen,
            hasher: Sha256::new(),
        }
    }

    fn sha256(self) -> String {
        format!("{:x}", self.hasher.finalize())
    }
}

impl<R: Read> Read for Vingerafdruk<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.binnen.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// A file's records one after another, as rows are made of them: [`Csvlezer`] itself, or
/// one reading ahead on a thread of its own (`super::vooruit::Voorlezer`).
pub trait Records {
    /// The next record, or why it cannot be a row; None at the end of the file, and after
    /// an error that stops reading.
    fn volgende(&mut self) -> Option<Result<Rij<'_>, Recordfout>>;

    /// The record that [`Records::volgende`] last turned down, as far as it was read (its
    /// fields as the csv crate split them): to know its case. Only to be asked right after
    /// `volgende` gave an error; None when that error left no record.
    fn afgewezen_rij(&self) -> Option<Rij<'_>>;
}

impl<'b> Csvlezer<&'b [u8]> {
    /// Reads a table from UTF-8 bytes in memory (an earlier version of a file, say,
    /// decoded with [`super::codering::naar_utf8`]).
    pub fn uit_bytes(inhoud: &'b [u8], kolommen: &[Kolom]) -> Self {
        let dialect = Dialect::van(inhoud);
        Csvlezer::met_dialect(&inhoud[dialect.bom..], Vec::new(), &dialect, kolommen)
    }
}

/// How a file writes its records, as its header tells.
struct Dialect {
    /// Length of the byte-order mark, if any.
    bom: usize,
    scheidingsteken: u8,
}

impl Dialect {
    fn van(begin: &[u8]) -> Dialect {
        let bom = if begin.starts_with(BOM) { BOM.len() } else { 0 };
        let kopregel = eerste_regel(zonder_lege_regels(&begin[bom..]));
        Dialect {
            bom,
            scheidingsteken: scheidingsteken(kopregel),
        }
    }
}

impl<R: BufRead> Csvlezer<R> {
    /// Reads the header first, whole, to find its separator (however few bytes each read
    /// brings: a named pipe), then hands it to the csv reader before the rest.
    fn nieuw(mut invoer: R, kolommen: &[Kolom]) -> io::Result<Self> {
        let mut kop = lees_kopregel(&mut invoer)?;
        let dialect = Dialect::van(&kop);
        kop.drain(..dialect.bom);
        Ok(Csvlezer::met_dialect(invoer, kop, &dialect, kolommen))
    }
}

impl<R: Read> Csvlezer<R> {
    /// A reader of `invoer`, a file after its byte-order mark, whose first bytes (of its
    /// header) were read already: `kop`.
    fn met_dialect(invoer: R, kop: Vec<u8>, dialect: &Dialect, kolommen: &[Kolom]) -> Self {
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(dialect.scheidingsteken)
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(Regelinvoer::new(invoer, kop));
        let mut record = csv::ByteRecord::new();
        // An empty file, or one whose header cannot be read, has no columns at all.
        let (namen, kopfout): (Vec<String>, _) = match lees_record(&mut csv, &mut record) {
            // A quote the header opens and never closes takes in the whole file: no row is
            // read, and none of its text is a column's name.
            Ok(true) if csv.get_ref().stand == Stand::Einde => (
                Vec::new(),
                Some(Recordfout {
                    line: regel_van(&csv, &record),
                    bericht: "aanhalingsteken niet gesloten in de kopregel: het veld loopt door \
                              tot het einde van het bestand, dat niet is gelezen"
                        .to_string(),
                }),
            ),
            Ok(true) => {
                let namen = record.iter();
                let namen = namen.map(|naam| String::from_utf8_lossy(naam).trim().to_lowercase());
                (namen.collect(), None)
            }
            Ok(false) => (Vec::new(), None),
            Err(fout) => (Vec::new(), Some(leesfout(&csv, &fout))),
        };
        let kopregel = if namen.is_empty() {
            1
        } else {
            regel_van(&csv, &record)
        };
        begin_volgend_record(&mut csv);
        let posities: Vec<Option<usize>> = kolommen
            .iter()
            .map(|k| namen.iter().position(|n| n == k.naam))
            .collect();
        // Unknown columns, and a known one named a second time: both are ignored, and the
        // file's warning says so.
        let genegeerde_kolommen = namen
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .filter_map(|(i, n)| {
                let bekend = kolommen.iter().any(|k| k.naam == n.as_str());
                let nogmaals = namen.iter().position(|m| m == n) != Some(i);
                (!bekend || nogmaals).then(|| GenegeerdeKolom {
                    naam: n.clone(),
                    nogmaals: bekend,
                })
            })
            .collect();
        // A header that could not be read lacks no column: its error says what went wrong.
        let ontbrekende_kolommen = kolommen
            .iter()
            .zip(&posities)
            .filter(|(k, p)| k.verplicht && p.is_none() && kopfout.is_none())
            .map(|(k, _)| k.naam)
            .collect();
        Csvlezer {
            csv,
            record,
            line: kopregel,
            posities,
            genegeerde_kolommen,
            ontbrekende_kolommen,
            kopregel,
            breedte: namen.len(),
            gestopt: kopfout.is_some(),
            kopfout,
            uitgelezen: false,
            record_gelezen: false,
        }
    }

    /// For every expected column: its index in the records, when the header has it.
    pub fn kolommen(&self) -> &[Option<usize>] {
        &self.posities
    }

    /// Whether the record read last has as many fields as the header and none longer than
    /// [`MAX_VELD`].
    fn controleer_breedte(&self) -> Result<(), Recordfout> {
        let record = &self.record;
        let velden = record.len();
        let bericht = if velden != self.breedte {
            format!("record heeft {velden} velden, de kopregel {}", self.breedte)
        } else if let Some(k) = (record.as_slice().len() > MAX_VELD)
            // No field is longer than the record's fields together.
            .then(|| {
                let mut lengtes = record.iter().enumerate().map(|(i, veld)| {
                    // A CRLF's `\r` ends the last field: it is the line end's, not the field's.
                    veld.len() - usize::from(i + 1 == velden && veld.ends_with(b"\r"))
                });
                lengtes.position(|lengte| lengte > MAX_VELD)
            })
            .flatten()
        {
            format!(
                "veld {} is langer dan {}; de rij wordt niet gelezen",
                k + 1,
                super::toegang::grootte(MAX_VELD as u64)
            )
        } else {
            return Ok(());
        };
        Err(Recordfout {
            line: self.line,
            bericht,
        })
    }

    /// Whether the header has expected column `kolom`.
    pub fn heeft_kolom(&self, kolom: usize) -> bool {
        self.posities.get(kolom).is_some_and(Option::is_some)
    }

    /// The next record as it stands, whatever its number of fields (a missing field reads
    /// as empty): the history counts every row, valid or not. None at the end of the input,
    /// and where the reader cannot go on.
    pub fn volgende_ruw(&mut self) -> Option<Rij<'_>> {
        self.lees()?.ok()?;
        Some(self.rij())
    }

    /// Reads the next record into `self.record`.
    fn lees(&mut self) -> Option<Result<(), Recordfout>> {
        if self.gestopt || self.uitgelezen {
            return None;
        }
        self.record_gelezen = false;
        match lees_record(&mut self.csv, &mut self.record) {
            Ok(true) => {
                self.line = regel_van(&self.csv, &self.record);
                begin_volgend_record(&mut self.csv);
                self.record_gelezen = true;
                Some(Ok(()))
            }
            Ok(false) => {
                self.uitgelezen = true;
                None
            }
            Err(fout) => {
                self.gestopt = true;
                Some(Err(leesfout(&self.csv, &fout)))
            }
        }
    }

    fn rij(&self) -> Rij<'_> {
        Rij::van(&self.record, self.line, &self.posities)
    }

    /// Swaps the record read last for `record` (to hand it to another thread); the
    /// reader no longer has it.
    pub(super) fn wissel_record(&mut self, record: &mut csv::ByteRecord) {
        std::mem::swap(&mut self.record, record);
        self.record_gelezen = false;
    }
}

impl<R: Read> Records for Csvlezer<R> {
    /// A quoted field that is never closed runs to the end of the file, and takes every
    /// row after it: that record is an error that stops reading, never a row.
    fn volgende(&mut self) -> Option<Result<Rij<'_>, Recordfout>> {
        if let Err(fout) = self.lees()? {
            return Some(Err(fout));
        }
        if self.csv.get_ref().stand == Stand::Einde {
            self.gestopt = true;
            return Some(Err(Recordfout {
                line: self.line,
                bericht: "aanhalingsteken niet gesloten: het veld loopt door tot het einde van \
                          het bestand, dat vanaf hier niet is gelezen"
                    .to_string(),
            }));
        }
        match self.controleer_breedte() {
            Ok(()) => Some(Ok(self.rij())),
            Err(fout) => Some(Err(fout)),
        }
    }

    fn afgewezen_rij(&self) -> Option<Rij<'_>> {
        self.record_gelezen.then(|| self.rij())
    }
}

/// The error that stops reading `csv`, on the line the reader had reached.
fn leesfout<R: Read>(csv: &csv::Reader<Regelinvoer<R>>, fout: &csv::Error) -> Recordfout {
    let line = u32::try_from(csv.position().line()).unwrap_or(u32::MAX);
    let te_lang = match fout.kind() {
        csv::ErrorKind::Io(e) => e.get_ref().is_some_and(|e| e.is::<TeLang>()),
        _ => false,
    };
    let bericht = if te_lang {
        TeLang.to_string()
    } else {
        format!("kan niet verder lezen: {fout}")
    };
    Recordfout { line, bericht }
}

/// Reads the next record of `csv` into `record`, as the file has it: a line of nothing but
/// `\r`s is a blank line (the csv crate skips those of `\n`s), and a record of a file
/// with CR line ends gets its `\r`s and `\n`s back (see [`Regelinvoer`]).
fn lees_record<R: Read>(
    csv: &mut csv::Reader<Regelinvoer<R>>,
    record: &mut csv::ByteRecord,
) -> csv::Result<bool> {
    loop {
        if !csv.read_byte_record(record)? {
            return Ok(false);
        }
        if is_lege_regel(csv, record) {
            continue;
        }
        if csv.get_ref().is_cr() && memchr::memchr2(b'\r', b'\n', record.as_slice()).is_some() {
            let positie = record.position().cloned();
            *record = record
                .iter()
                .map(|veld| veld.iter().map(|&b| wissel_cr_lf(b)).collect::<Vec<u8>>())
                .collect();
            record.set_position(positie);
        }
        return Ok(true);
    }
}

/// Whether `record`, which `csv` has just read, is a line of nothing but `\r`s (as a blank
/// line of a CRLF file reads): one field of `\r`s that took, besides blank lines before
/// it, just its own bytes and a line end. A quoted `"\r"` took its quotes too, and is a
/// record.
fn is_lege_regel<R: Read>(csv: &csv::Reader<Regelinvoer<R>>, record: &csv::ByteRecord) -> bool {
    if record.len() != 1 {
        return false;
    }
    let veld = &record[0];
    let (begin, eind) = (record.position(), csv.position());
    let bytes = eind.byte() - begin.map_or(0, csv::Position::byte);
    let regels = eind.line() - begin.map_or(1, csv::Position::line);
    !veld.is_empty() && veld.iter().all(|&b| b == b'\r') && bytes == regels + veld.len() as u64
}

/// Marks where the record after the one `csv` has just read begins: the limit on a
/// record's length ([`MAX_RECORD`]) counts from there.
fn begin_volgend_record<R: Read>(csv: &mut csv::Reader<Regelinvoer<R>>) {
    let eind = csv.position().byte();
    csv.get_mut().record_begin = eind;
}

/// The first line of `record`, which `csv` has just read (with [`lees_record`]): the lines
/// up to where it ends, less the line ends inside it (in quoted fields, which keep them)
/// and the one that ended it.
fn regel_van<R: Read>(csv: &csv::Reader<Regelinvoer<R>>, record: &csv::ByteRecord) -> u32 {
    let eind = csv.position();
    let invoer = csv.get_ref();
    // The line end that ended the record; none when it ran to the end of the file.
    let afgesloten = u64::from(invoer.stand != Stand::Einde);
    let regeleinde = if invoer.is_cr() { b'\r' } else { b'\n' };
    let binnen = memchr::memchr_iter(regeleinde, record.as_slice()).count() as u64;
    u32::try_from(eind.line().saturating_sub(binnen + afgesloten)).unwrap_or(u32::MAX)
}

impl<'a> Rij<'a> {
    pub(super) fn van(
        record: &'a csv::ByteRecord,
        line: u32,
        posities: &'a [Option<usize>],
    ) -> Rij<'a> {
        Rij {
            line,
            byte: record.position().map_or(0, |p| p.byte()),
            record,
            tekst: std::str::from_utf8(record.as_slice()).ok(),
            posities,
        }
    }

    /// The value of expected column `kolom` (its index in the list given to
    /// [`Csvlezer::open`]), trimmed; empty when the header lacks the column or the record
    /// the field. Not UTF-8: the value as far as it can be shown.
    pub fn veld(&self, kolom: usize) -> Result<&'a str, String> {
        let Some(&Some(index)) = self.posities.get(kolom) else {
            return Ok("");
        };
        let Some(bereik) = self.record.range(index) else {
            return Ok("");
        };
        // A field of valid UTF-8 starts and ends on character boundaries of the record.
        if let Some(veld) = self.tekst.and_then(|tekst| tekst.get(bereik.clone())) {
            return Ok(veld.trim());
        }
        let bytes = self.record.as_slice().get(bereik).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(tekst) => Ok(tekst.trim()),
            Err(_) => Err(String::from_utf8_lossy(bytes).trim().to_string()),
        }
    }

    /// As [`Rij::veld`], a value that is not UTF-8 as far as it can be shown.
    pub fn veld_zoals_getoond(&self, kolom: usize) -> std::borrow::Cow<'a, str> {
        match self.veld(kolom) {
            Ok(tekst) => tekst.into(),
            Err(getoond) => getoond.into(),
        }
    }
}

/// The header line: up to the first line end.
fn eerste_regel(begin: &[u8]) -> &[u8] {
    let eind = memchr::memchr2(b'\r', b'\n', begin).unwrap_or(begin.len());
    &begin[..eind]
}

/// `begin` after the blank lines it starts with (line ends only), which the csv crate
/// passes over before the header.
pub fn zonder_lege_regels(begin: &[u8]) -> &[u8] {
    let blanco = begin
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .count();
    &begin[blanco..]
}

/// The header's bytes up to its first line end (not included) or the end of the file,
/// with any blank lines before it, read from `invoer` however few bytes each read brings;
/// at most [`MAX_RECORD`] of them.
fn lees_kopregel(invoer: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut kop = Vec::new();
    // Whether the header itself has begun, after any blank lines.
    let mut begonnen = false;
    loop {
        let stuk = match invoer.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            antwoord => antwoord?,
        };
        let ruimte = usize::try_from(MAX_RECORD).unwrap_or(usize::MAX) - kop.len();
        let stuk = &stuk[..stuk.len().min(ruimte)];
        let blanco = if begonnen {
            0
        } else {
            stuk.len() - zonder_lege_regels(stuk).len()
        };
        begonnen |= blanco < stuk.len();
        let n = blanco + eerste_regel(&stuk[blanco..]).len();
        let klaar = stuk.is_empty() || (begonnen && n < stuk.len());
        kop.extend_from_slice(&stuk[..n]);
        invoer.consume(n);
        if klaar {
            return Ok(kop);
        }
    }
}

/// The separator that occurs most often in the header outside quotes: comma, semicolon or
/// tab (on a tie, in that order).
fn scheidingsteken(kopregel: &[u8]) -> u8 {
    let mut binnen_aanhalingstekens = false;
    let mut aantallen = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    for &teken in kopregel {
        match teken {
            b'"' => binnen_aanhalingstekens = !binnen_aanhalingstekens,
            _ if binnen_aanhalingstekens => {}
            _ => {
                if let Some((_, n)) = aantallen.iter_mut().find(|(t, _)| *t == teken) {
                    *n += 1;
                }
            }
        }
    }
    // The first of the most frequent.
    aantallen
        .iter()
        .fold(
            (b',', 0),
            |beste, &(t, n)| if n > beste.1 { (t, n) } else { beste },
        )
        .0
}

/// The file's bytes as the csv crate reads them, every line ended by a `\n`: the csv crate
/// then counts the lines itself ([`csv::Position::line`], one more than the `\n`s before a
/// position), and [`Csvlezer`] works out each record's first line from where it ends.
///
/// - The header's line end decides the file's: `\n` (LF, or CRLF), or `\r` (old Mac files,
///   Excel's "CSV (Macintosh)") when no `\n` follows the `\r`s that end it. It is found as
///   the bytes pass, however long the header or short the reads.
/// - In a file with CR line ends, `\r` and `\n` trade places as they pass; they trade back
///   in the rare record that holds either ([`lees_record`]). So only the file's own kind of
///   line end ends a line: a lone `\r` in a file of LF or CRLF lines, or a `\n` in a file
///   of CR lines, is part of its field.
/// - After the file's last byte comes a `\n` (the csv crate counts it as a line after the
///   last, which no record or error is placed on). A record that still runs on to the end
///   is inside a quoted field that was never closed.
/// - A record (with any blank lines before it) is at most [`MAX_RECORD`] bytes.
struct Regelinvoer<R> {
    binnen: R,
    /// Whether the file has CR line ends; None until its first line end has passed.
    cr: Option<bool>,
    /// Bytes read ahead (the header, to find its separator; what follows the `\r`s that end
    /// it, to find its line end); handed out first by the next reads.
    vooruit: VecDeque<u8>,
    /// Bytes handed to the csv reader so far.
    uitgegeven: u64,
    /// Where the record being read began: the end of the one before.
    record_begin: u64,
    /// How far the file has been handed out.
    stand: Stand,
}

/// How far [`Regelinvoer`] has handed out its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stand {
    /// Bytes of the file.
    Bezig,
    /// The line end after the file's last byte.
    Afgesloten,
    /// The end of the file, after that line end: a record read then ran to the end of the
    /// file inside a quoted field.
    Einde,
}

/// How many `\r`s after the header are looked at to see whether a `\n` follows (see
/// [`heeft_cr_regels`]): a longer run of them ends CR lines.
const CR_VOORUIT: usize = 4096;

impl<R> Regelinvoer<R> {
    /// Reads `binnen`, after `kop`: bytes of the file's header read from it already.
    fn new(binnen: R, kop: Vec<u8>) -> Regelinvoer<R> {
        Regelinvoer {
            binnen,
            cr: None,
            vooruit: kop.into(),
            uitgegeven: 0,
            record_begin: 0,
            stand: Stand::Bezig,
        }
    }

    fn is_cr(&self) -> bool {
        self.cr == Some(true)
    }
}

impl<R: Read> Regelinvoer<R> {
    /// Decides the file's line end when `stuk`, read just now, holds the first one; reads
    /// ahead (into `vooruit`) when `stuk` ends in the `\r`s of that line end.
    fn beslis(&mut self, stuk: &[u8]) -> io::Result<()> {
        let Some(eerste) = stuk.iter().position(|&b| b == b'\r' || b == b'\n') else {
            return Ok(());
        };
        let mut cr = heeft_cr_regels(&stuk[eerste..]);
        if cr.is_none() {
            // `stuk` ends in `\r`s: the bytes after it decide, together with them (at most
            // `CR_VOORUIT` bytes on).
            let mut gezien = stuk[eerste..].to_vec();
            while cr.is_none() {
                let mut meer = [0; 512];
                let n = self.binnen.read(&mut meer)?;
                self.vooruit.extend(&meer[..n]);
                gezien.extend_from_slice(&meer[..n]);
                // `\r`s up to the end of the file end CR lines.
                cr = heeft_cr_regels(&gezien).or((n == 0).then_some(true));
            }
        }
        self.cr = cr;
        Ok(())
    }
}

/// Whether a file has CR line ends, from its bytes from the header's first line-end byte
/// on: a `\n` there, or after the `\r`s there, ends LF (or CRLF) lines; anything else
/// after `\r`s, and a run of [`CR_VOORUIT`] `\r`s, CR lines. None while `vanaf` holds
/// fewer `\r`s than that and nothing else. (The history reads a file's header by the same
/// rule.)
pub fn heeft_cr_regels(vanaf: &[u8]) -> Option<bool> {
    match vanaf.iter().take(CR_VOORUIT).position(|&b| b != b'\r') {
        Some(i) => Some(vanaf[i] != b'\n'),
        None if vanaf.len() >= CR_VOORUIT => Some(true),
        None => None,
    }
}

/// A byte of a file with CR line ends as the csv crate reads it, and back.
fn wissel_cr_lf(byte: u8) -> u8 {
    match byte {
        b'\r' => b'\n',
        b'\n' => b'\r',
        byte => byte,
    }
}

impl<R: Read> Read for Regelinvoer<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.stand != Stand::Bezig {
            self.stand = Stand::Einde;
            return Ok(0);
        }
        // The csv reader asks for more only while its record goes on: everything handed
        // out since the record before ended belongs to it. No read hands out more than the
        // record may still take, so where the limit falls does not depend on how many
        // bytes each read brings.
        let genomen = self.uitgegeven.saturating_sub(self.record_begin);
        if genomen >= MAX_RECORD {
            return Err(io::Error::other(TeLang));
        }
        let ruimte = usize::try_from(MAX_RECORD - genomen).unwrap_or(usize::MAX);
        let lengte = ruimte.min(buf.len());
        let buf = &mut buf[..lengte];
        let mut n = if self.vooruit.is_empty() {
            self.binnen.read(buf)?
        } else {
            self.vooruit.read(buf)?
        };
        if n == 0 {
            buf[0] = b'\n';
            n = 1;
            self.stand = Stand::Afgesloten;
        } else {
            if self.cr.is_none() {
                self.beslis(&buf[..n])?;
            }
            if self.is_cr() {
                buf[..n].iter_mut().for_each(|b| *b = wissel_cr_lf(*b));
            }
        }
        self.uitgegeven += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::super::codering::tests::Druppel;
    use super::*;

    const KOLOMMEN: [Kolom; 2] = [Kolom::verplicht("a"), Kolom::optioneel("b")];

    /// The folder that holds `bestand`, as a register.
    fn register(bestand: &std::path::Path) -> Registermap {
        Registermap::open(bestand.parent().unwrap()).unwrap()
    }

    /// Every record of `tekst` as (line, a, b).
    fn rijen(tekst: &[u8]) -> Vec<(u32, String, String)> {
        rijen_van(Csvlezer::uit_bytes(tekst, &KOLOMMEN))
    }

    /// As [`rijen`], with the file handed over `stap` bytes per read.
    fn rijen_per(stap: usize, tekst: &[u8]) -> Vec<(u32, String, String)> {
        let invoer = io::BufReader::with_capacity(stap, Druppel { bytes: tekst, stap });
        rijen_van(Csvlezer::nieuw(invoer, &KOLOMMEN).unwrap())
    }

    fn rijen_van<R: Read>(mut lezer: Csvlezer<R>) -> Vec<(u32, String, String)> {
        let mut uit = Vec::new();
        while let Some(rij) = lezer.volgende_ruw() {
            let veld = |k| rij.veld_zoals_getoond(k).into_owned();
            uit.push((rij.line, veld(0), veld(1)));
        }
        uit
    }

    fn r(line: u32, a: &str, b: &str) -> (u32, String, String) {
        (line, a.to_string(), b.to_string())
    }

    #[test]
    fn de_regel_waarop_een_record_begint_bij_elk_regeleinde() {
        let verwacht = vec![r(3, "1", "x"), r(4, "2", "y\nz"), r(7, "3", "")];
        assert_eq!(rijen(b"a,b\n\n1,x\n2,\"y\nz\"\n\n3,\n"), verwacht);
        assert_eq!(rijen(b"a,b\r\n\r\n1,x\r\n2,\"y\nz\"\r\n\r\n3,"), verwacht);
        assert_eq!(rijen(b"a,b\r\r1,x\r2,\"y\rz\"\r\r3,\r"), {
            let mut v = verwacht.clone();
            v[1].2 = "y\rz".to_string();
            v
        });
        // Line ends mixed within one file, and a CRLF inside quotes.
        assert_eq!(
            rijen(b"a;b\n1;x\r\n\n2;\"y\r\nz\"\n3;\r\n"),
            vec![r(2, "1", "x"), r(4, "2", "y\r\nz"), r(6, "3", "")]
        );
    }

    #[test]
    fn een_aanhalingsteken_dat_niet_sluit_loopt_tot_het_einde() {
        assert_eq!(
            rijen(b"a,b\n1,x\n2,\"nooit dicht\n"),
            vec![r(2, "1", "x"), r(3, "2", "nooit dicht")]
        );
        assert_eq!(
            rijen(b"a,b\n1,x\n2,\"nooit\ndicht"),
            vec![r(2, "1", "x"), r(3, "2", "nooit\ndicht")]
        );
        assert_eq!(
            rijen(b"a,b\r\n1,x\r\n2,y"),
            vec![r(2, "1", "x"), r(3, "2", "y")]
        );
    }

    /// Only the file's own kind of line end ends a line: a lone `\r` in a file of CRLF
    /// lines is part of its field, and so is a lone `\n` in a file of CR lines (both keep
    /// it).
    #[test]
    fn een_los_regeleinde_van_de_andere_soort_hoort_bij_het_veld() {
        let verwacht = |veld: &str| vec![r(2, "1", veld), r(3, "2", "z")];
        assert_eq!(rijen(b"a,b\r\n1,x\ry\r\n2,z\r\n"), verwacht("x\ry"));
        assert_eq!(rijen(b"a,b\n1,x\ry\n2,z\n"), verwacht("x\ry"));
        assert_eq!(rijen(b"a,b\r1,x\ny\r2,z\r"), verwacht("x\ny"));
        assert_eq!(rijen(b"a,b\r1,\"x\ny\"\r2,z"), verwacht("x\ny"));
        // So a CRLF line in a file of CR lines ends at its CR, and its LF starts the next
        // line: a quote after it no longer opens a quoted field.
        assert_eq!(
            rijen(b"a,b\r1,x\r\n\"2\",z\r"),
            vec![r(2, "1", "x"), r(3, "\"2\"", "z")]
        );
    }

    /// The header's line end decides the file's, found as the bytes pass: a `\r` more
    /// before the header's CRLF does not make a file of CR lines, a CR file may start with
    /// blank lines, and neither reads of one byte nor a header longer than a read (or than
    /// the decoder's buffer) change that.
    #[test]
    fn het_regeleinde_na_de_kopregel_beslist() {
        // A header longer than a read: its long first column is left out of the rows.
        let lange_kop = format!("{},a,b", "h".repeat(70_000));
        for (tekst, (een, twee)) in [
            (b"a,b\r\r\n1,x\r\n\r\r\n2,z\r\n".to_vec(), (2, 4)),
            (b"a,b\r\r1,x\r\r\r2,z\r".to_vec(), (3, 6)),
            (b"a,b\r1,x\r2,z".to_vec(), (2, 3)),
            (b"a,b\n1,x\n2,z\n".to_vec(), (2, 3)),
            (format!("{lange_kop}\r,1,x\r,2,z\r").into_bytes(), (2, 3)),
            // A run of `\r`s after the header as long as the limit ends CR lines, whatever
            // follows; a shorter one before a `\n`, LF lines.
            (
                format!("a,b{}1,x\r2,z", "\r".repeat(CR_VOORUIT)).into_bytes(),
                (4097, 4098),
            ),
            (
                format!("a,b{}\n1,x\n2,z", "\r".repeat(CR_VOORUIT - 1)).into_bytes(),
                (2, 3),
            ),
            (
                format!("{lange_kop}\r\n,1,x\r\n,2,z\r\n").into_bytes(),
                (2, 3),
            ),
        ] {
            let verwacht = vec![r(een, "1", "x"), r(twee, "2", "z")];
            assert_eq!(rijen(&tekst), verwacht);
            for stap in [1, 2, 3, 7] {
                assert_eq!(rijen_per(stap, &tekst), verwacht, "per {stap}");
            }
        }
    }

    /// The separator is the header's, however its bytes arrive: a stream that hands over a
    /// few bytes at a time (a named pipe) gives the same rows as a file read whole.
    #[test]
    fn het_scheidingsteken_van_de_hele_kopregel() {
        let tekst = "a;b;\"c,d\"\r\n1;x,y;z\r\n2;z;\r\n".as_bytes();
        let verwacht = vec![r(2, "1", "x,y"), r(3, "2", "z")];
        assert_eq!(rijen(tekst), verwacht);
        for stap in [1, 2, 3, 7] {
            assert_eq!(rijen_per(stap, tekst), verwacht, "per {stap}");
        }
        // A byte-order mark arriving a byte at a time, and a header that is the whole file.
        let met_bom = [BOM, b"a\tb\n1\tx".as_slice()].concat();
        assert_eq!(rijen_per(1, &met_bom), vec![r(2, "1", "x")]);
        assert_eq!(rijen_per(1, b"a;b"), vec![]);
        // As a register file is read: decoded (here from Windows-1252) a byte at a time.
        let invoer = Tekstlezer::new(Druppel {
            bytes: b"a;b\r\n1;\xe9,\xe8\r\n",
            stap: 1,
        });
        let lezer = Csvlezer::nieuw(invoer, &KOLOMMEN).unwrap();
        assert_eq!(rijen_van(lezer), vec![r(2, "1", "é,è")]);
        // Blank lines before the header: the separator is the header's, not a blank line's
        // (which was `,`: the header a single column).
        for tekst in [
            &b"\r\n\r\na;b\r\n1;x,y\r\n"[..],
            b"\n\na;b\n1;x,y\n",
            b"\r\ra;b\r1;x,y\r",
        ] {
            assert_eq!(rijen(tekst), vec![r(4, "1", "x,y")], "{tekst:?}");
            for stap in [1, 2, 3, 7] {
                assert_eq!(rijen_per(stap, tekst), vec![r(4, "1", "x,y")], "per {stap}");
            }
        }
    }

    /// A line of nothing but `\r`s is blank; a record of one quoted `\r` or of `""` is a
    /// record.
    #[test]
    fn een_regel_van_alleen_cr_is_leeg() {
        assert_eq!(
            rijen(b"a,b\r\n\r\n\r\r\n1,x\r\n\"\"\r\n\"\r\"\r\n\r"),
            vec![r(4, "1", "x"), r(5, "", ""), r(6, "", "")]
        );
    }

    /// A record (with the blank lines before it) of exactly [`MAX_RECORD`] bytes is read,
    /// one byte more is not, however many bytes each read brings (a named pipe): the limit
    /// once fell anywhere in the last read before it.
    #[test]
    fn de_recordgrens_hangt_niet_af_van_de_leesgrootte() {
        // After the header: blank lines, then the record `1,2` with its line end.
        let leeg = MAX_RECORD as usize - "1,2\n".len();
        for (blanco, verwacht) in [
            (leeg, vec![r(leeg as u32 + 2, "1", "2")]),
            (leeg + 1, vec![]),
        ] {
            let tekst = [b"a,b\n".as_slice(), &vec![b'\n'; blanco], b"1,2\n"].concat();
            assert_eq!(rijen(&tekst), verwacht, "{blanco}");
            for stap in [1, 7, 5000] {
                assert_eq!(rijen_per(stap, &tekst), verwacht, "{blanco}, per {stap}");
            }
        }
    }

    /// The limits are the file's: a field of exactly 64 KiB before a CRLF is read, blank
    /// lines up to the end do not make a record, and a quoted field that is never closed is
    /// that error (not a record that is too long) when the file ends before the limit.
    #[test]
    fn de_grenzen_gelden_voor_het_bestand() {
        let veld = "y".repeat(MAX_VELD);
        let tekst = format!("a,b\r\n1,{veld}\r\n");
        let mut lezer = Csvlezer::uit_bytes(tekst.as_bytes(), &KOLOMMEN);
        assert!(lezer.volgende().unwrap().is_ok());
        assert!(lezer.volgende().is_none());

        let mut tekst = b"a,b\n".to_vec();
        tekst.resize(tekst.len() + MAX_RECORD as usize - 1, b'\n');
        assert!(Csvlezer::uit_bytes(&tekst, &KOLOMMEN).volgende().is_none());

        let mut tekst = b"a,b\n1,\"".to_vec();
        tekst.resize(MAX_RECORD as usize - 16, b'z');
        let mut lezer = Csvlezer::uit_bytes(&tekst, &KOLOMMEN);
        let fout = lezer.volgende().unwrap().err().unwrap();
        assert_eq!(fout.line, 2);
        assert!(fout.bericht.starts_with("aanhalingsteken niet gesloten"));
    }

    #[test]
    fn kopregel_in_elke_volgorde_en_schrijfwijze() {
        let mut lezer = Csvlezer::uit_bytes(b"\xEF\xBB\xBF B ;A;c;a\n2;1;x;y\n", &KOLOMMEN);
        let genegeerd: Vec<String> = lezer
            .genegeerde_kolommen
            .iter()
            .map(|k| k.to_string())
            .collect();
        assert_eq!(genegeerd, ["c", "a (nogmaals)"]);
        assert!(lezer.ontbrekende_kolommen.is_empty());
        let rij = lezer.volgende().unwrap().unwrap();
        assert_eq!((rij.line, rij.veld(0), rij.veld(1)), (2, Ok("1"), Ok("2")));

        let lezer = Csvlezer::uit_bytes(b"b,c\n", &KOLOMMEN);
        assert_eq!(lezer.ontbrekende_kolommen, ["a"]);
        let lezer = Csvlezer::uit_bytes(b"", &KOLOMMEN);
        assert_eq!(lezer.ontbrekende_kolommen, ["a"]);
    }

    #[test]
    fn een_open_aanhalingsteken_aan_het_einde_is_een_fout_die_het_lezen_stopt() {
        for tekst in [
            &b"a,b\n1,x\n2,\"nooit dicht\n3,y\n"[..],
            b"a,b\n1,x\n2,\"nooit dicht",
            b"a,b\r\n1,x\r\n2,\"nooit\r\n3,y\r\n",
            b"a,b\r1,x\r2,\"nooit\r3,y\r",
        ] {
            let mut lezer = Csvlezer::uit_bytes(tekst, &KOLOMMEN);
            assert_eq!(lezer.volgende().unwrap().unwrap().line, 2);
            let fout = lezer.volgende().unwrap().err().unwrap();
            assert_eq!(fout.line, 3);
            assert!(fout.bericht.starts_with("aanhalingsteken niet gesloten"));
            assert_eq!(lezer.afgewezen_rij().unwrap().veld(0), Ok("2"));
            assert!(lezer.volgende().is_none());
        }
        // Closed quotes, doubled ones and a last line without a line end are no error; nor
        // is a quote inside an unquoted field there (the csv crate takes it as it is).
        for tekst in [
            &b"a,b\n1,\"x \"\"y\"\"\"\n2,\"z\""[..],
            b"a,b\n1,\"x\ny\"\n2,z",
            b"a,b\n1,x\"y\n2,z\"w",
            b"a,b\r1,\"x\ry\"\r2,z",
        ] {
            let mut lezer = Csvlezer::uit_bytes(tekst, &KOLOMMEN);
            assert!(lezer.volgende().unwrap().is_ok());
            assert!(lezer.volgende().unwrap().is_ok());
            assert!(lezer.volgende().is_none());
        }
    }

    #[test]
    fn scheidingsteken_uit_de_kopregel() {
        assert_eq!(scheidingsteken(b"a,b,c"), b',');
        assert_eq!(scheidingsteken(b"a;b;c"), b';');
        assert_eq!(scheidingsteken(b"a\tb\tc"), b'\t');
        assert_eq!(scheidingsteken(b"\"a;b\"\tc"), b'\t');
        assert_eq!(scheidingsteken(b"a, b\tc;d"), b',');
        assert_eq!(scheidingsteken(b"zaak"), b',');
        assert_eq!(rijen(b"a\tb\r\n1\t\"x\ty\"\r\n"), vec![r(2, "1", "x\ty")]);
    }

    /// A file in Windows-1252 or UTF-16 is read as its text; its fingerprint is of its
    /// bytes as they are on disk.
    #[test]
    fn een_bestand_in_een_andere_codering() {
        let map = tempfile::tempdir().unwrap();
        let pad = map.path().join("x.csv");
        let mut utf16 = vec![0xFE, 0xFF];
        utf16.extend(
            "a\tb\r\nZoë\t€ 5\r\n"
                .encode_utf16()
                .flat_map(u16::to_be_bytes),
        );
        for (inhoud, codering) in [
            (b"a;b\r\nZo\xEB;\x80 5\r\n".to_vec(), Codering::Windows1252),
            (utf16, Codering::Utf16Be),
            ("a,b\nZoë,€ 5\n".as_bytes().to_vec(), Codering::Utf8),
        ] {
            std::fs::write(&pad, &inhoud).unwrap();
            let mut lezer = Csvlezer::open(&register(&pad), "x.csv", &KOLOMMEN).unwrap();
            let rij = lezer.volgende().unwrap().unwrap();
            assert_eq!(
                (rij.line, rij.veld(0), rij.veld(1)),
                (2, Ok("Zoë"), Ok("€ 5"))
            );
            assert!(lezer.volgende().is_none());
            assert_eq!(lezer.codering(), codering);
            let verwacht = format!("{:x}", Sha256::digest(&inhoud));
            assert_eq!(lezer.sha256(), Some(verwacht));
        }
    }

    #[test]
    fn een_record_met_een_ander_aantal_velden() {
        let mut lezer = Csvlezer::uit_bytes(b"a,b\n1\n1,2,3\n1,2\n", &KOLOMMEN);
        let fout = lezer.volgende().unwrap().err().unwrap();
        assert_eq!(
            (fout.line, fout.bericht.as_str()),
            (2, "record heeft 1 velden, de kopregel 2")
        );
        assert_eq!(lezer.volgende().unwrap().err().unwrap().line, 3);
        assert_eq!(lezer.volgende().unwrap().unwrap().line, 4);
        assert!(lezer.volgende().is_none());
    }

    #[test]
    fn een_te_lang_record_of_veld_is_een_fout_en_het_geheugen_blijft_begrensd() {
        // A field just over the bound: its row is an error, the next one is read.
        let mut tekst = b"a,b\n1,".to_vec();
        tekst.extend(std::iter::repeat_n(b'x', MAX_VELD + 1));
        tekst.extend_from_slice(b"\n2,y\n");
        let mut lezer = Csvlezer::uit_bytes(&tekst, &KOLOMMEN);
        let fout = lezer.volgende().unwrap().err().unwrap();
        assert_eq!(fout.line, 2);
        assert!(
            fout.bericht.contains("veld 2 is langer dan 64 KiB"),
            "{}",
            fout.bericht
        );
        assert_eq!(lezer.volgende().unwrap().unwrap().line, 3);

        // A record that never ends (zeros, no line end): reading stops after the bound.
        struct Nullen(u64);
        impl Read for Nullen {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                buf.fill(0);
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
        }
        let mut bron = Nullen(0);
        let mut begin = b"a,b\n1,2\n".to_vec();
        begin.extend_from_slice(&[0; 16]);
        let invoer = io::Cursor::new(begin).chain(&mut bron);
        let mut lezer = Csvlezer::nieuw(io::BufReader::new(invoer), &KOLOMMEN).unwrap();
        assert_eq!(lezer.volgende().unwrap().unwrap().line, 2);
        let fout = lezer.volgende().unwrap().err().unwrap();
        assert_eq!(fout.line, 3);
        assert!(
            fout.bericht.starts_with("record langer dan 1 MiB"),
            "{}",
            fout.bericht
        );
        assert!(lezer.volgende().is_none());
        drop(lezer);
        assert!(bron.0 < MAX_RECORD + (1 << 17), "{} bytes read", bron.0);

        // The header too, and a quoted field full of line ends.
        let mut lang = b"a,\"".to_vec();
        lang.extend(std::iter::repeat_n(b'\n', MAX_RECORD as usize + 10));
        let mut lezer = Csvlezer::uit_bytes(&lang, &KOLOMMEN);
        assert!(lezer.volgende().is_none());
    }

    #[test]
    fn geen_utf8_wordt_getoond_zoals_het_kan() {
        let mut lezer = Csvlezer::uit_bytes(b"a,b\n\xE9t\xE9, ok \n", &KOLOMMEN);
        let rij = lezer.volgende().unwrap().unwrap();
        assert_eq!(rij.veld(0), Err("\u{FFFD}t\u{FFFD}".to_string()));
        assert_eq!(rij.veld(1), Ok("ok"));
    }

    #[test]
    fn de_vingerafdruk_is_die_van_het_gelezen_bestand() {
        let map = tempfile::tempdir().unwrap();
        let sha256 = |inhoud: &[u8]| {
            let pad = map.path().join("x.csv");
            std::fs::write(&pad, inhoud).unwrap();
            let mut lezer = Csvlezer::open(&register(&pad), "x.csv", &KOLOMMEN).unwrap();
            while lezer.volgende().is_some() {}
            lezer.sha256()
        };
        assert_eq!(
            sha256(b"").as_deref(),
            Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        );
        assert_eq!(
            sha256(b"abc").as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        // The byte-order mark is part of the file.
        let met_bom = sha256(b"\xEF\xBB\xBFa,b\n1,2\n");
        assert_ne!(met_bom, sha256(b"a,b\n1,2\n"));
        // Not read to its end: no fingerprint.
        let pad = map.path().join("y.csv");
        std::fs::write(&pad, b"a,b\n1,2\n3,4\n").unwrap();
        let mut lezer = Csvlezer::open(&register(&pad), "y.csv", &KOLOMMEN).unwrap();
        lezer.volgende();
        assert_eq!(lezer.sha256(), None);
    }

    #[test]
    fn een_leesfout_halverwege_noemt_de_regel_en_stopt() {
        struct Breekt(usize);
        impl Read for Breekt {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let tekst = b"a,b\n1,2\n3,4\n";
                if self.0 >= tekst.len() {
                    return Err(io::Error::other("schijf weg"));
                }
                buf[0] = tekst[self.0];
                self.0 += 1;
                Ok(1)
            }
        }
        let mut lezer = Csvlezer::nieuw(io::BufReader::new(Breekt(0)), &KOLOMMEN).unwrap();
        assert_eq!(lezer.volgende().unwrap().unwrap().line, 2);
        assert_eq!(lezer.volgende().unwrap().unwrap().line, 3);
        let fout = lezer.volgende().unwrap().err().unwrap();
        assert!(fout.bericht.contains("schijf weg"), "{}", fout.bericht);
        assert_eq!(fout.line, 4);
        assert!(lezer.volgende().is_none());
    }
}
