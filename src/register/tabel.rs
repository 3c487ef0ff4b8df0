//! Reading one CSV file of the register in either dialect: comma or semicolon (detected
//! from the header line), with or without a byte-order mark, LF or CRLF, quoted fields
//! that may span lines. Headers match case-insensitively and in any order.
//!
//! The reader streams: the csv crate's parser (`csv_core`) reads straight out of the file
//! into one reused record per reader, so the memory a reader owns does not grow with the
//! file. A file is mapped into memory (see [`kaart`]) and read where it lies, without being
//! copied; one that cannot be mapped (a pipe, say) is read a block at a time. A large file
//! is read in parts side by side, several per core (see [`Tabel::lees`]); each part is
//! parsed and interpreted by the same thread, while its records are still in that core's
//! cache.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::ops::{Deref, Range};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};

use chrono::NaiveDate;
use memmap2::Mmap;

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

/// Files smaller than this per part are read in one go: splitting them gains nothing.
const KLEINSTE_DEEL: u64 = 1 << 20;

/// Parts per thread: with several, a thread that is done early takes another part, and
/// the threads finish close together.
const DELEN_PER_DRAAD: usize = 8;

/// At most this many parts: each keeps its file open until the seams are checked, and a
/// machine with many cores should not run out of file descriptors.
const MEESTE_DELEN: usize = 256;

/// A CSV file opened for reading, with its header resolved against the expected columns.
pub struct Tabel {
    /// The file, when read from one (a table from memory is never split into parts).
    pad: Option<PathBuf>,
    /// The file mapped into memory, when it could be.
    kaart: Option<Arc<Mmap>>,
    scheidingsteken: u8,
    /// The reader that read the header, positioned at the first record.
    lezer: Recordlezer,
    /// Bytes before the offsets that records report: the byte-order mark, if any.
    bom: u64,
    /// Where the records begin, as an offset in the file, and the file's length.
    begin: u64,
    lengte: u64,
    /// Where the records begin, as a place a part may start; known when the header lies
    /// within its first line.
    eerste_grens: Option<Grens>,
    /// For every expected column (in the order given to [`Tabel::open`]): its index in the
    /// record, when the header has it.
    pub posities: Vec<Option<usize>>,
    /// Header names that match no expected column.
    pub onbekende_kolommen: Vec<String>,
    /// Expected required columns the header lacks.
    pub ontbrekende_kolommen: Vec<&'static str>,
    /// Number of fields in the header.
    pub breedte: usize,
}

/// Bytes read at a time from a file that is not mapped.
const BLOK: usize = 1 << 17;

/// Where a reader finds its bytes.
enum Invoer {
    /// A stream, read a block at a time.
    Stroom(Box<dyn Read + Send>),
    /// A file mapped into memory as a whole.
    Kaart(Arc<Mmap>),
}

/// The bytes a reader parses: its own block, refilled from a stream, or the whole mapped
/// file.
enum Blok {
    Eigen(Box<[u8]>),
    Kaart(Arc<Mmap>),
}

impl Deref for Blok {
    type Target = [u8];

    #[inline(always)]
    fn deref(&self) -> &[u8] {
        match self {
            Blok::Eigen(blok) => blok,
            Blok::Kaart(kaart) => kaart,
        }
    }
}

/// `bestand` mapped into memory, or None where it cannot be (an empty file, a pipe), and
/// is read as a stream instead.
///
/// A mapped file is read where it lies: no copy into a buffer, and the scan for where
/// parts begin reads the same pages as the parts. The price is that the file must not
/// change while it is read: a register is not written to during a run, and a file cut
/// short in the middle of one ends the run (the system's SIGBUS) instead of showing half
/// of it.
fn kaart(bestand: &File, lengte: u64) -> Option<Arc<Mmap>> {
    if lengte == 0 {
        return None;
    }
    // SAFETY: the map is only ever read, and lives as long as the readers that hold it.
    // What the compiler cannot see is another process writing the file meanwhile; see
    // above.
    unsafe { Mmap::map(bestand) }.ok().map(Arc::new)
}

/// Reads the records of a CSV text one after another with `csv_core`, the parser the csv
/// crate itself is built on, straight out of a block of the file: each record's fields,
/// where it starts and on which line.
///
/// A record's line is the line of its first byte: 1 plus the `\n` before it (`csv_core`
/// counts them, quoted line breaks included). Line ends between records (blank lines, and
/// the `\n` of a `\r\n` whose `\r` ended the record before) are passed over here, exactly
/// as `csv_core` would pass them over, so that the first byte is known.
struct Recordlezer {
    /// The stream `blok` is refilled from; none for a mapped file.
    bron: Option<Box<dyn Read + Send>>,
    kern: csv_core::Reader,
    blok: Blok,
    /// The unread bytes of `blok`.
    pos: usize,
    eind: usize,
    /// The input has no more bytes.
    op: bool,
    /// Offset in the file of `blok[pos]`.
    gelezen: u64,
    /// The record read last: its fields' bytes one after another, where each ends, where
    /// the reading of it began (the offset the csv crate gives a record: right after the
    /// record before) and its line.
    velden: Vec<u8>,
    lengte: usize,
    einden: Vec<usize>,
    aantal: usize,
    begin: u64,
    line: u64,
    scheidingsteken: u8,
    /// Where in `blok` the record read last lies, when it was read without `csv_core`
    /// (see [`Recordlezer::zonder_csv_core`]); its fields then lie in `blok`
    /// itself, separated by `scheidingsteken`.
    regel: Option<Range<usize>>,
    /// Whether usual records are read without `csv_core` (always, but in the test that
    /// compares both ways, and once a file's records turn out mostly unusual).
    snel: bool,
    /// Whether the record read last that way had quoted fields.
    aangehaald: bool,
    /// How many records were read that way, and how many not.
    via_snel: u64,
    buiten_snel: u64,
}

impl Recordlezer {
    /// Reads `invoer` from offset `gelezen` of the file, on line `line`: a stream starts
    /// there, a mapped file is read from there.
    fn nieuw(invoer: Invoer, scheidingsteken: u8, gelezen: u64, line: u64) -> Recordlezer {
        let mut kern = csv_core::ReaderBuilder::new()
            .delimiter(scheidingsteken)
            .build();
        kern.set_line(line);
        let (bron, blok, pos, eind) = match invoer {
            Invoer::Stroom(bron) => (Some(bron), Blok::Eigen(vec![0; BLOK].into()), 0, 0),
            Invoer::Kaart(kaart) => {
                let eind = kaart.len();
                let pos = usize::try_from(gelezen).map_or(eind, |pos| pos.min(eind));
                (None, Blok::Kaart(kaart), pos, eind)
            }
        };
        Recordlezer {
            op: bron.is_none(),
            bron,
            kern,
            blok,
            pos,
            eind,
            gelezen,
            velden: vec![0; 1024],
            lengte: 0,
            einden: vec![0; 32],
            aantal: 0,
            begin: gelezen,
            line,
            scheidingsteken,
            regel: None,
            snel: true,
            aangehaald: false,
            via_snel: 0,
            buiten_snel: 0,
        }
    }

    /// Reads the next record; false at the end of the input.
    fn volgende(&mut self) -> io::Result<bool> {
        self.begin = self.gelezen;
        loop {
            let rest = &self.blok[self.pos..self.eind];
            let overgeslagen = rest
                .iter()
                .position(|&b| b != b'\r' && b != b'\n')
                .unwrap_or(rest.len());
            let regels = rest[..overgeslagen].iter().filter(|&&b| b == b'\n').count();
            self.kern.set_line(self.kern.line() + regels as u64);
            self.pos += overgeslagen;
            self.gelezen += overgeslagen as u64;
            if self.pos < self.eind || !self.vul()? {
                break;
            }
        }
        self.line = self.kern.line();
        self.lengte = 0;
        self.aantal = 0;
        self.regel = None;
        if self.zonder_csv_core() {
            return Ok(true);
        }
        loop {
            let (uitkomst, nin, nout, nend) = self.kern.read_record(
                &self.blok[self.pos..self.eind],
                &mut self.velden[self.lengte..],
                &mut self.einden[self.aantal..],
            );
            self.pos += nin;
            self.gelezen += nin as u64;
            self.lengte += nout;
            self.aantal += nend;
            match uitkomst {
                csv_core::ReadRecordResult::Record => return Ok(true),
                csv_core::ReadRecordResult::End => return Ok(false),
                // At the end of the input the parser is handed nothing, and finishes.
                csv_core::ReadRecordResult::InputEmpty => {
                    self.vul()?;
                }
                csv_core::ReadRecordResult::OutputFull => {
                    let lengte = self.velden.len() * 2;
                    self.velden.resize(lengte, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let lengte = self.einden.len() * 2;
                    self.einden.resize(lengte, 0);
                }
            }
        }
    }

    /// Reads the next record without `csv_core`, when it is a whole line of `blok` of
    /// plain fields ([`gewone_regel`], eight bytes at a time) or of plain and wholly quoted
    /// ones ([`aangehaalde_regel`]): exactly as `csv_core` reads it, in a fraction of the
    /// instructions. False, with nothing read, for any other record, which `csv_core`
    /// then reads.
    #[inline]
    fn zonder_csv_core(&mut self) -> bool {
        if !self.snel {
            return false;
        }
        let rest = &self.blok[self.pos..self.eind];
        // A file's records are mostly of one kind: the kind of the record before is tried
        // first.
        let gewoon = if self.aangehaald {
            None
        } else {
            gewone_regel(rest, self.scheidingsteken, &mut self.einden)
        };
        let regel = if let Some(regel) = gewoon {
            self.regel = Some(self.pos..self.pos + regel.eind);
            regel
        } else if let Some(regel) = aangehaalde_regel(
            rest,
            self.scheidingsteken,
            &mut self.velden,
            &mut self.einden,
        ) {
            // The fields were written out without their quotes, as `csv_core` does.
            self.lengte = regel.eind;
            self.aangehaald = regel.aangehaald;
            regel
        } else {
            // A file whose records are mostly of another kind is left to `csv_core`:
            // looking first would only cost time.
            self.buiten_snel += 1;
            self.snel = self.buiten_snel < 64 || self.buiten_snel < 2 * self.via_snel;
            return false;
        };
        self.via_snel += 1;
        self.aantal = regel.velden;
        self.pos += regel.na;
        self.gelezen += regel.na as u64;
        self.kern.set_line(self.kern.line() + regel.regels);
        true
    }

    /// Reads the next block once `blok` is used up; false at the end of the input.
    fn vul(&mut self) -> io::Result<bool> {
        let (Some(bron), Blok::Eigen(blok)) = (&mut self.bron, &mut self.blok) else {
            // A mapped file is one block.
            return Ok(false);
        };
        while !self.op {
            match bron.read(blok) {
                Ok(n) => {
                    (self.pos, self.eind, self.op) = (0, n, n == 0);
                    if n > 0 {
                        return Ok(true);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.op = true;
                    return Err(e);
                }
            }
        }
        Ok(false)
    }

    /// The record read last as a row, its offset counted after `bom` bytes.
    fn rij<'a>(&'a self, bom: u64, posities: &'a [Option<usize>]) -> Rij<'a> {
        let (velden, scheiding) = match &self.regel {
            Some(regel) => (self.blok.get(regel.clone()).unwrap_or_default(), 1),
            None => (self.velden.get(..self.lengte).unwrap_or_default(), 0),
        };
        Rij {
            line: u32::try_from(self.line).unwrap_or(u32::MAX),
            byte: self.begin.saturating_sub(bom),
            velden,
            einden: &self.einden[..self.aantal],
            scheiding,
            tekst: simdutf8::basic::from_utf8(velden).ok(),
            posities,
        }
    }
}

/// A line read by [`gewone_regel`]: how many fields it has, where its line end begins,
/// where the record ends as `csv_core` reads it (after the `\n`, or after the `\r` of a
/// `\r\n`), and how many `\n` that passes.
struct GewoneRegel {
    velden: usize,
    eind: usize,
    na: usize,
    regels: u64,
    /// Whether a field was quoted.
    aangehaald: bool,
}

/// Whether `b` ends a plain field's run of ordinary bytes: a control character (the line
/// end among them) or a quote.
#[inline(always)]
fn bijzonder(b: u8) -> bool {
    b < b' ' || b == b'"'
}

/// Every byte of a word that equals `teken` has its high bit set, and no other: exact,
/// since adding 0x7f to the low seven bits of a byte never carries into the next.
#[inline(always)]
fn gelijk_aan(woord: u64, teken: u8) -> u64 {
    const LAAG: u64 = 0x0101_0101_0101_0101;
    const ZEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = woord ^ (LAAG * u64::from(teken));
    !(((x & ZEVEN) + ZEVEN) | x) & !ZEVEN
}

/// Every byte of a word below 0x20 (a control character, `\n` and `\r` among them) has
/// its high bit set, and no other; exact for the same reason as [`gelijk_aan`].
#[inline(always)]
fn onder_spatie(woord: u64) -> u64 {
    const ZEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ZESTIG: u64 = 0x6060_6060_6060_6060;
    !(((woord & ZEVEN) + ZESTIG) | woord) & !ZEVEN
}

/// The line at the start of `rest`, when it is ended by `\n` or `\r\n` within `rest` and
/// holds no quote, no other `\r` and no other control character: its fields, each ending
/// at a separator, the last at the line end, with their ends written to `einden` (grown
/// when needed). None for any other line. Reads eight bytes at a time, looking for the
/// separator and for the bytes that end the plain case at once.
fn gewone_regel(rest: &[u8], scheidingsteken: u8, einden: &mut Vec<usize>) -> Option<GewoneRegel> {
    let mut velden = 0;
    let mut eindigt_op = |einden: &mut Vec<usize>, plek: usize| {
        if velden == einden.len() {
            einden.resize(2 * velden.max(16), 0);
        }
        einden[velden] = plek;
        velden += 1;
    };
    let mut begin = 0;
    let einde = loop {
        let Some(woord) = rest.get(begin..begin + 8) else {
            // The last bytes of the block, one by one.
            let plek = rest.get(begin..)?.iter().position(|&b| bijzonder(b));
            for (i, _) in rest[begin..plek.map_or(rest.len(), |p| begin + p)]
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == scheidingsteken)
            {
                eindigt_op(einden, begin + i);
            }
            break begin + plek?;
        };
        let woord = u64::from_le_bytes(woord.try_into().ok()?);
        let mut scheidingen = gelijk_aan(woord, scheidingsteken);
        let ander = onder_spatie(woord) | gelijk_aan(woord, b'"');
        let bij = (ander != 0).then(|| ander.trailing_zeros() as usize / 8);
        if let Some(bij) = bij {
            // Only the separators before it.
            scheidingen &= (1u64 << (8 * bij)) - 1;
        }
        while scheidingen != 0 {
            eindigt_op(einden, begin + scheidingen.trailing_zeros() as usize / 8);
            scheidingen &= scheidingen - 1;
        }
        if let Some(bij) = bij {
            break begin + bij;
        }
        begin += 8;
    };
    // As `csv_core` does: the record ends with the `\r` of a `\r\n`, and its `\n` is passed
    // over as the next record is read.
    let regels = match (rest[einde], rest.get(einde + 1)) {
        (b'\n', _) => 1,
        (b'\r', Some(b'\n')) => 0,
        _ => return None,
    };
    let na = einde + 1;
    eindigt_op(einden, einde);
    Some(GewoneRegel {
        velden,
        eind: einde,
        na,
        regels,
        aangehaald: false,
    })
}

/// The line at the start of `rest` when each of its fields is either plain (no quote, no
/// control character) or wholly quoted (`"..."` right after a separator, with no quote and
/// no line break inside): the usual line of a register whose descriptions hold commas.
/// Its fields are written out one after another into `velden`, without their quotes, and
/// their ends into `einden`, exactly as `csv_core` writes them; `eind` of the answer is
/// then the length written. None for any other line, `csv_core` reads it.
fn aangehaalde_regel(
    rest: &[u8],
    scheidingsteken: u8,
    velden: &mut Vec<u8>,
    einden: &mut Vec<usize>,
) -> Option<GewoneRegel> {
    let (mut lengte, mut aantal, mut plek) = (0, 0, 0);
    let mut aangehaald = false;
    loop {
        let veld = if rest.get(plek) == Some(&b'"') {
            aangehaald = true;
            let begin = plek + 1;
            let sluit = begin + memchr::memchr(b'"', rest.get(begin..)?)?;
            plek = sluit + 1;
            let veld = &rest[begin..sluit];
            if memchr::memchr2(b'\n', b'\r', veld).is_some() {
                return None;
            }
            veld
        } else {
            let begin = plek;
            plek += rest
                .get(begin..)?
                .iter()
                .position(|&b| b == scheidingsteken || bijzonder(b))?;
            &rest[begin..plek]
        };
        if velden.len() < lengte + veld.len() {
            velden.resize((lengte + veld.len()).max(2 * velden.len()), 0);
        }
        velden[lengte..lengte + veld.len()].copy_from_slice(veld);
        lengte += veld.len();
        if aantal == einden.len() {
            einden.resize(2 * aantal.max(16), 0);
        }
        einden[aantal] = lengte;
        aantal += 1;
        let regels = match (rest.get(plek), rest.get(plek + 1)) {
            (Some(&b), _) if b == scheidingsteken => {
                plek += 1;
                continue;
            }
            (Some(b'\n'), _) => 1,
            (Some(b'\r'), Some(b'\n')) => 0,
            _ => return None,
        };
        return Some(GewoneRegel {
            velden: aantal,
            eind: lengte,
            na: plek + 1,
            regels,
            aangehaald,
        });
    }
}

/// One record of a [`Tabel`], valid until the next is read.
pub struct Rij<'a> {
    pub line: u32,
    /// Byte offset of the record's start in what was read (after a byte-order mark), as the
    /// csv crate counts it: right after the record before, so before the line ends that
    /// separate them.
    pub byte: u64,
    /// The fields' bytes one after another, and where each field ends; each field after
    /// the first begins `scheiding` bytes after the end of the one before (1 when
    /// `velden` is the line itself, separators included; 0 when `csv_core` wrote the
    /// fields out without them).
    velden: &'a [u8],
    einden: &'a [usize],
    scheiding: usize,
    /// The whole record as text, when it is valid UTF-8 (checked once for all fields).
    tekst: Option<&'a str>,
    posities: &'a [Option<usize>],
}

/// A record that could not be used as a row: the file could not be read on, or it has
/// another number of fields than the header.
#[derive(Debug)]
pub struct Recordfout {
    pub line: u32,
    pub bericht: String,
}

impl Tabel {
    /// Opens `pad` and reads its header. `kolommen` lists the columns this file may have.
    pub fn open(pad: &Path, kolommen: &[Kolom]) -> Result<Tabel, Leesfout> {
        Tabel::open_met(pad, kolommen, true)
    }

    /// As [`Tabel::open`]; `in_kaart` says whether to map the file (the tests read files
    /// both ways).
    fn open_met(pad: &Path, kolommen: &[Kolom], in_kaart: bool) -> Result<Tabel, Leesfout> {
        let bestand = File::open(pad).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => Leesfout::Ontbreekt,
            _ => Leesfout::Onleesbaar(e),
        })?;
        let mut lengte = bestand.metadata().map(|m| m.len()).unwrap_or(0);
        let kaart = in_kaart.then(|| kaart(&bestand, lengte)).flatten();
        let mut tabel = match kaart {
            Some(kaart) => {
                lengte = kaart.len() as u64;
                let kop = memchr::memchr(b'\n', &kaart).map_or(kaart.len(), |eind| eind + 1);
                let kopregel = kaart[..kop].to_vec();
                Tabel::met_kop(kopregel, Invoer::Kaart(kaart), kolommen)
            }
            None => {
                let mut invoer = BufReader::with_capacity(1 << 16, bestand);
                let mut kopregel = Vec::new();
                invoer
                    .read_until(b'\n', &mut kopregel)
                    .map_err(Leesfout::Onleesbaar)?;
                Tabel::met_kop(kopregel, Invoer::Stroom(Box::new(invoer)), kolommen)
            }
        };
        tabel.pad = Some(pad.to_path_buf());
        tabel.lengte = lengte;
        Ok(tabel)
    }

    /// Reads a table from bytes in memory (an earlier version of a file, say).
    pub fn uit_bytes(inhoud: Vec<u8>, kolommen: &[Kolom]) -> Tabel {
        let mut invoer = io::Cursor::new(inhoud);
        let mut kopregel = Vec::new();
        // Reading from memory cannot fail.
        let _ = invoer.read_until(b'\n', &mut kopregel);
        Tabel::met_kop(kopregel, Invoer::Stroom(Box::new(invoer)), kolommen)
    }

    /// A table whose header line is `kopregel`: read already from a stream `invoer`, or
    /// the first line of a mapped file.
    fn met_kop(kopregel: Vec<u8>, invoer: Invoer, kolommen: &[Kolom]) -> Tabel {
        let voor = kopregel.len();
        let kopregel = zonder_bom(kopregel);
        let bom = (voor - kopregel.len()) as u64;
        let scheidingsteken = scheidingsteken(&kopregel);
        let (invoer, kaart) = match invoer {
            Invoer::Stroom(rest) => {
                let bron = io::Cursor::new(kopregel.clone()).chain(rest);
                (Invoer::Stroom(Box::new(bron)), None)
            }
            Invoer::Kaart(kaart) => (Invoer::Kaart(Arc::clone(&kaart)), Some(kaart)),
        };
        let mut lezer = Recordlezer::nieuw(invoer, scheidingsteken, bom, 1);
        // An empty file, or one whose header cannot be read, has no columns at all.
        let namen: Vec<String> = if lezer.volgende().unwrap_or(false) {
            let kop = lezer.rij(bom, &[]);
            (0..kop.einden.len())
                .map(|i| String::from_utf8_lossy(kop.veld(i)).trim().to_lowercase())
                .collect()
        } else {
            Vec::new()
        };
        let posities: Vec<Option<usize>> = kolommen
            .iter()
            .map(|k| namen.iter().position(|n| n == k.naam))
            .collect();
        // Unknown columns, and a known one named a second time: both are ignored, and
        // the file's warning says so.
        let onbekende_kolommen = namen
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .filter_map(|(i, n)| {
                if !kolommen.iter().any(|k| k.naam == n.as_str()) {
                    Some(n.clone())
                } else if namen.iter().position(|m| m == n) != Some(i) {
                    Some(format!("{n} (nogmaals)"))
                } else {
                    None
                }
            })
            .collect();
        let ontbrekende_kolommen = kolommen
            .iter()
            .zip(&posities)
            .filter(|(k, p)| k.verplicht && p.is_none())
            .map(|(k, _)| k.naam)
            .collect();
        let na_kop = lezer.gelezen - bom;
        let eerste_grens = usize::try_from(na_kop)
            .ok()
            .and_then(|tot| kopregel.get(..tot))
            .map(|kop| Grens {
                byte: bom + na_kop,
                einden: kop.iter().filter(|&&b| b == b'\n').count() as u64,
            });
        Tabel {
            pad: None,
            kaart,
            scheidingsteken,
            begin: bom + na_kop,
            bom,
            eerste_grens,
            lezer,
            lengte: 0,
            posities,
            onbekende_kolommen,
            ontbrekende_kolommen,
            breedte: namen.len(),
        }
    }

    /// The next record as it stands, whatever its number of fields (a missing field reads
    /// as empty): the history counts every row, valid or not. None at the end of the
    /// input, or where the reader cannot go on.
    pub fn volgende_ruw(&mut self) -> Option<Rij<'_>> {
        match self.lezer.volgende() {
            Ok(true) => Some(self.lezer.rij(self.bom, &self.posities)),
            Ok(false) | Err(_) => None,
        }
    }

    /// Reads every record, handing each (or the reason it could not be read) to `rij`
    /// together with the state of its part. A large file is split into parts of about equal
    /// size (up to [`DELEN_PER_DRAAD`] for each of `draden` threads) that are read side by
    /// side; each part's records come in file order, and the parts' states are returned in
    /// file order. Blank lines are skipped by the CSV reader itself. `begin` makes a part's
    /// state from about how many bytes the part holds.
    ///
    /// A part starts right after a line end outside quotes, judged by counting quotes
    /// from the start of the file (a quick scan that also counts the lines before it).
    /// That judgement is checked: the part before must end exactly there. If it does not
    /// (a stray quote inside an unquoted field can mislead the count), the parts after it
    /// are dropped and the part before reads on to the end. Either way the outcome is that
    /// of reading the file from start to end.
    pub fn lees<S, F>(self, draden: usize, begin: impl Fn(u64) -> S + Sync, rij: F) -> Vec<S>
    where
        S: Send,
        F: Fn(&mut S, Result<Rij<'_>, Recordfout>) + Sync,
    {
        let delen = if draden > 1 {
            draden.saturating_mul(DELEN_PER_DRAAD).min(MEESTE_DELEN)
        } else {
            1
        };
        self.lees_met(delen, KLEINSTE_DEEL, begin, rij)
    }

    fn lees_met<S, F>(
        self,
        delen: usize,
        kleinste_deel: u64,
        begin: impl Fn(u64) -> S + Sync,
        rij: F,
    ) -> Vec<S>
    where
        S: Send,
        F: Fn(&mut S, Result<Rij<'_>, Recordfout>) + Sync,
    {
        let Tabel {
            pad,
            kaart,
            scheidingsteken,
            lezer,
            bom,
            begin: eerste_byte,
            lengte,
            eerste_grens,
            posities,
            breedte,
            ..
        } = self;
        let omvang = lengte.saturating_sub(eerste_byte);
        let delen = delen.min(usize::try_from(omvang / kleinste_deel.max(1)).unwrap_or(usize::MAX));
        let mut eerste = Deellezer::nieuw(lezer, bom, &posities, breedte);
        // Parts need the file and the line ends before the first record.
        let (pad, eerste_grens) = match (pad, eerste_grens) {
            (Some(pad), Some(grens)) if delen > 1 => (pad, grens),
            _ => {
                let mut staat = begin(omvang);
                eerste.lees(Einde::Bestand, &mut staat, &rij);
                return vec![staat];
            }
        };

        // The parts are read on rayon's threads, several parts per thread, so that a
        // thread that finishes early takes the next part instead of waiting for the
        // others. A scan (here, on the thread that runs this scope) finds where each part
        // starts; a part is handed out as soon as its start is known, and learns where it
        // ends when the scan finds the next start. The scan is many times quicker than
        // reading, so it is nearly always there first.
        let deel = omvang / delen as u64;
        let nominaal: Vec<u64> = (1..delen as u64).map(|k| eerste_byte + deel * k).collect();
        let uitkomsten: Mutex<Vec<Deeluitkomst<'_, S>>> = Mutex::new(Vec::with_capacity(delen));
        let bewaar = |uitkomst| {
            uitkomsten
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(uitkomst);
        };
        let (eerste_zender, eerste_ontvanger) = mpsc::channel();
        rayon::scope(|scope| {
            let bron = Bestand {
                pad: &pad,
                kaart: kaart.as_ref(),
            };
            let (begin, rij, bewaar, posities) = (&begin, &rij, &bewaar, &posities);
            let eerste_einde = Einde::Na(nominaal[0], eerste_ontvanger);
            scope.spawn(move |_| {
                let mut staat = begin(deel);
                let afloop = eerste.lees(eerste_einde, &mut staat, rij);
                bewaar(Deeluitkomst {
                    plek: 0,
                    begin: eerste_grens.byte,
                    staat,
                    afloop,
                    lezer: Some(eerste),
                });
            });
            let mut zender = eerste_zender;
            let mut plek = 0;
            let _ = zoek_grenzen(bron, eerste_grens, &nominaal, |grens| {
                let _ = zender.send(Some(grens.byte));
                plek += 1;
                let (volgende_zender, ontvanger) = mpsc::channel();
                zender = volgende_zender;
                let einde = match nominaal.get(plek) {
                    Some(&vanaf) => Einde::Na(vanaf, ontvanger),
                    None => Einde::Bestand,
                };
                let plek = plek;
                scope.spawn(move |_| {
                    let mut staat = begin(deel);
                    let lezer =
                        Deellezer::vanaf(bron, scheidingsteken, &grens, bom, posities, breedte);
                    let (afloop, lezer) = match lezer {
                        Ok(mut lezer) => (lezer.lees(einde, &mut staat, rij), Some(lezer)),
                        Err(_) => (Afloop::Einde, None),
                    };
                    bewaar(Deeluitkomst {
                        plek,
                        begin: grens.byte,
                        staat,
                        afloop,
                        lezer,
                    });
                });
            });
            // The last part found reads on to the end of the file (as does every part
            // whose end the scan did not find).
            drop(zender);
        });

        // Check each seam in file order; at the first that does not hold, the part before
        // it reads on to the end instead of the parts after it.
        let mut uitkomsten = uitkomsten.into_inner().unwrap_or_else(|e| e.into_inner());
        uitkomsten.sort_by_key(|u| u.plek);
        let mut uit = Vec::with_capacity(uitkomsten.len());
        let mut uitkomsten = uitkomsten.into_iter().peekable();
        while let Some(mut huidig) = uitkomsten.next() {
            let naad_houdt = match (&huidig.afloop, uitkomsten.peek()) {
                (Afloop::Grens(tot), Some(volgend)) => {
                    *tot == volgend.begin && volgend.lezer.is_some()
                }
                _ => false,
            };
            if naad_houdt {
                uit.push(huidig.staat);
                continue;
            }
            if let (Afloop::Grens(_), Some(lezer)) = (&huidig.afloop, &mut huidig.lezer) {
                lezer.lees(Einde::Bestand, &mut huidig.staat, &rij);
            }
            uit.push(huidig.staat);
            break;
        }
        uit
    }
}

/// What became of one part: its state, how it ended, and its reader (which reads on to
/// the end of the file when the next part turns out not to start where this one ended).
struct Deeluitkomst<'p, S> {
    /// The part's place in the file: 0 for the first.
    plek: usize,
    /// Where the part starts.
    begin: u64,
    staat: S,
    afloop: Afloop,
    lezer: Option<Deellezer<'p>>,
}

/// Where a part ends.
enum Einde {
    /// At the end of the file.
    Bestand,
    /// Before the first record that starts at or after this offset.
    Bij(u64),
    /// As `Bij`, with the offset to come from the scan; it lies at or after the first.
    Na(u64, mpsc::Receiver<Option<u64>>),
}

/// How a part ended.
enum Afloop {
    /// Before a record that starts at this offset (read, not yet handed out).
    Grens(u64),
    /// At the end of the file, or at a read error that ends it.
    Einde,
}

/// The file a table's parts are read from: mapped, or to be opened by each.
#[derive(Clone, Copy)]
struct Bestand<'t> {
    pad: &'t Path,
    kaart: Option<&'t Arc<Mmap>>,
}

/// Where a part starts: just after a line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Grens {
    byte: u64,
    /// The number of `\n` before `byte`.
    einden: u64,
}

/// Reads one part of a file.
struct Deellezer<'p> {
    lezer: Recordlezer,
    /// Bytes before the offsets that rows report: the byte-order mark, if any.
    bom: u64,
    /// The record last read lies beyond the part's end and has not been handed out.
    wachtend: bool,
    posities: &'p [Option<usize>],
    breedte: usize,
}

impl<'p> Deellezer<'p> {
    fn nieuw(
        lezer: Recordlezer,
        bom: u64,
        posities: &'p [Option<usize>],
        breedte: usize,
    ) -> Deellezer<'p> {
        Deellezer {
            lezer,
            bom,
            wachtend: false,
            posities,
            breedte,
        }
    }

    /// A reader for the part that starts at `grens`.
    fn vanaf(
        bron: Bestand<'_>,
        scheidingsteken: u8,
        grens: &Grens,
        bom: u64,
        posities: &'p [Option<usize>],
        breedte: usize,
    ) -> io::Result<Deellezer<'p>> {
        let invoer = match bron.kaart {
            Some(kaart) => Invoer::Kaart(Arc::clone(kaart)),
            None => {
                let mut bestand = File::open(bron.pad)?;
                bestand.seek(SeekFrom::Start(grens.byte))?;
                Invoer::Stroom(Box::new(bestand))
            }
        };
        let line = grens.einden.saturating_add(1);
        let lezer = Recordlezer::nieuw(invoer, scheidingsteken, grens.byte, line);
        Ok(Deellezer::nieuw(lezer, bom, posities, breedte))
    }

    /// Hands the part's records to `rij`, up to `einde`.
    fn lees<S>(
        &mut self,
        mut einde: Einde,
        staat: &mut S,
        rij: &impl Fn(&mut S, Result<Rij<'_>, Recordfout>),
    ) -> Afloop {
        loop {
            if self.wachtend {
                self.wachtend = false;
            } else {
                match self.lezer.volgende() {
                    Ok(true) => {}
                    Ok(false) => return Afloop::Einde,
                    // The file ends there.
                    Err(fout) => {
                        let line = u32::try_from(self.lezer.kern.line()).unwrap_or(u32::MAX);
                        let bericht = format!("kan niet verder lezen: {fout}");
                        rij(staat, Err(Recordfout { line, bericht }));
                        return Afloop::Einde;
                    }
                }
            }
            let start = self.lezer.begin;
            if let Einde::Na(vanaf, _) = &einde {
                if start >= *vanaf {
                    einde = match std::mem::replace(&mut einde, Einde::Bestand) {
                        Einde::Na(_, ontvanger) => match ontvanger.recv() {
                            Ok(Some(tot)) => Einde::Bij(tot),
                            _ => Einde::Bestand,
                        },
                        ander => ander,
                    };
                }
            }
            if let Einde::Bij(tot) = einde {
                if start >= tot {
                    self.wachtend = true;
                    return Afloop::Grens(start);
                }
            }
            let rij_ = self.lezer.rij(self.bom, self.posities);
            if rij_.einden.len() != self.breedte {
                let bericht = format!(
                    "record heeft {} velden, de kopregel {}",
                    rij_.einden.len(),
                    self.breedte
                );
                rij(
                    staat,
                    Err(Recordfout {
                        line: rij_.line,
                        bericht,
                    }),
                );
                continue;
            }
            rij(staat, Ok(rij_));
        }
    }
}

impl<'a> Rij<'a> {
    /// Where field `index` lies in `velden`; empty for a field the record does not have.
    #[inline(always)]
    fn bereik(&self, index: usize) -> Range<usize> {
        match self.einden.get(index) {
            Some(&eind) => {
                let begin = index
                    .checked_sub(1)
                    .map_or(0, |vorig| self.einden[vorig] + self.scheiding);
                begin..eind
            }
            None => 0..0,
        }
    }

    /// The bytes of field `index`, untrimmed.
    fn veld(&self, index: usize) -> &'a [u8] {
        self.velden.get(self.bereik(index)).unwrap_or_default()
    }

    /// The raw value of expected column `kolom` (its index in the list given to
    /// [`Tabel::open`]), trimmed; empty when the header lacks the column.
    #[inline(always)]
    pub fn ruw(&self, kolom: usize) -> Result<&'a str, String> {
        let Some(&Some(index)) = self.posities.get(kolom) else {
            return Ok("");
        };
        let bereik = self.bereik(index);
        // Fast path: the record is valid UTF-8 and the field starts and ends on character
        // boundaries (which a field of valid UTF-8 always does).
        if let Some(veld) = self.tekst.and_then(|tekst| tekst.get(bereik.clone())) {
            return Ok(trim(veld));
        }
        let veld = self.velden.get(bereik).unwrap_or_default();
        match std::str::from_utf8(veld) {
            Ok(tekst) => Ok(trim(tekst)),
            Err(_) => Err(String::from_utf8_lossy(veld).trim().to_string()),
        }
    }
}

/// `str::trim`, quicker for the usual value that starts and ends with a visible ASCII
/// character (which is never whitespace).
#[inline(always)]
fn trim(tekst: &str) -> &str {
    match (tekst.as_bytes().first(), tekst.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => tekst,
        _ => tekst.trim(),
    }
}

/// How often `a` and `b` occur in `stuk`: counted per block of 255 bytes in one byte each,
/// which lets the compiler compare and add many bytes at a time.
fn tel(stuk: &[u8], a: u8, b: u8) -> (u64, u64) {
    let (mut na, mut nb) = (0u64, 0u64);
    for blok in stuk.chunks(255) {
        let (mut x, mut y) = (0u8, 0u8);
        for &c in blok {
            x += u8::from(c == a);
            y += u8::from(c == b);
        }
        na += u64::from(x);
        nb += u64::from(y);
    }
    (na, nb)
}

/// Finds, for each offset in `nominaal` (ascending), the first line end at or after it
/// that lies outside quotes, counting quotes and line ends from `begin` (where the records
/// start). A part starts right after it: after the `\r` of a `\r\n`, as the CSV reader
/// leaves the `\n` for the next record (where it counts as a blank line).
fn zoek_grenzen(
    bron: Bestand<'_>,
    begin: Grens,
    nominaal: &[u64],
    gevonden: impl FnMut(Grens),
) -> io::Result<()> {
    let mut zoeker = Grenszoeker {
        doelen: nominaal.iter().copied().peekable(),
        gevonden,
        laatste: None,
        offset: begin.byte,
        regels: begin.einden,
        aanhalingstekens: 0,
        vorige: 0,
    };
    if let Some(kaart) = bron.kaart {
        let vanaf = usize::try_from(begin.byte).unwrap_or(usize::MAX);
        zoeker.stuk(kaart.get(vanaf..).unwrap_or_default());
        return Ok(());
    }
    let mut bestand = File::open(bron.pad)?;
    bestand.seek(SeekFrom::Start(begin.byte))?;
    let mut blok = vec![0u8; 1 << 18];
    loop {
        let n = bestand.read(&mut blok)?;
        if n == 0 || !zoeker.stuk(&blok[..n]) {
            return Ok(());
        }
    }
}

/// The state of [`zoek_grenzen`] between one stretch of the file and the next.
struct Grenszoeker<D: Iterator<Item = u64>, G: FnMut(Grens)> {
    /// The offsets still to find a line end after.
    doelen: std::iter::Peekable<D>,
    gevonden: G,
    /// Where the last part found starts.
    laatste: Option<u64>,
    /// The offset of the next byte, and the line ends and quotes before it.
    offset: u64,
    regels: u64,
    aanhalingstekens: u64,
    /// The byte before it.
    vorige: u8,
}

impl<D: Iterator<Item = u64>, G: FnMut(Grens)> Grenszoeker<D, G> {
    /// Scans the next stretch of the file; false once every offset has its line end.
    fn stuk(&mut self, blok: &[u8]) -> bool {
        let n = blok.len();
        let mut i = 0;
        while i < n {
            let Some(&doel) = self.doelen.peek() else {
                return false;
            };
            // Up to the target: count in bulk (the compiler vectorises these loops).
            let tot = usize::try_from(doel.saturating_sub(self.offset))
                .map_or(n, |afstand| i.saturating_add(afstand))
                .clamp(i, n);
            if tot > i {
                let stuk = &blok[i..tot];
                let (n, q) = tel(stuk, b'\n', b'"');
                self.regels += n;
                self.aanhalingstekens += q;
                self.vorige = stuk[stuk.len() - 1];
                self.offset += (tot - i) as u64;
                i = tot;
                continue;
            }
            // At or past the target: byte by byte to the next line end outside quotes.
            let b = blok[i];
            i += 1;
            self.offset += 1;
            let buiten = self.aanhalingstekens % 2 == 0;
            match b {
                b'"' => self.aanhalingstekens += 1,
                b'\n' => self.regels += 1,
                _ => {}
            }
            let lijneinde = b == b'\r' || (b == b'\n' && self.vorige != b'\r');
            self.vorige = b;
            if lijneinde && buiten && self.laatste.is_none_or(|l| l < self.offset) {
                let offset = self.offset;
                self.laatste = Some(offset);
                (self.gevonden)(Grens {
                    byte: offset,
                    einden: self.regels,
                });
                self.doelen.next();
                while self.doelen.next_if(|&d| d <= offset).is_some() {}
            }
        }
        self.doelen.peek().is_some()
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
    // A register lists many rows of the same day one after another: the last date read on
    // this thread is remembered.
    thread_local!(static LAATSTE: Cell<Option<([u8; 10], NaiveDate)>> = const { Cell::new(None) });
    let Ok(tekens) = <[u8; 10]>::try_from(waarde.as_bytes()) else {
        return Err(Datumfout::Vorm);
    };
    if let Some((laatste, datum)) = LAATSTE.get() {
        if laatste == tekens {
            return Ok(datum);
        }
    }
    let datum = lees_datum(&tekens)?;
    LAATSTE.set(Some((tekens, datum)));
    Ok(datum)
}

fn lees_datum(b: &[u8; 10]) -> Result<NaiveDate, Datumfout> {
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

    /// Every record of `tekst`, as (line, offset, fields), read with or without the way
    /// around `csv_core` for usual lines; and how many went that way.
    fn records(tekst: &[u8], scheidingsteken: u8, snel: bool) -> (Vec<Record>, u64) {
        let bron = Box::new(io::Cursor::new(tekst.to_vec()));
        let mut lezer = Recordlezer::nieuw(Invoer::Stroom(bron), scheidingsteken, 0, 1);
        lezer.snel = snel;
        let mut uit = Vec::new();
        while lezer.volgende().expect("lezen") {
            let rij = lezer.rij(0, &[]);
            let velden = (0..rij.einden.len())
                .map(|i| rij.veld(i).to_vec())
                .collect();
            uit.push((rij.line, rij.byte, velden));
        }
        (uit, lezer.via_snel)
    }

    /// A record's line, offset and fields.
    type Record = (u32, u64, Vec<Vec<u8>>);

    #[test]
    fn gewone_regels_zoals_csv_core_ze_leest() {
        // Texts of bytes that matter to a CSV reader, in lines of every length (across the
        // eight-byte words and the end of the input), including the cases the plain way
        // must leave to csv_core: quotes, a lone `\r`, other control characters.
        let letters: &[u8] = b"ab,;,;  \"\r\n\n\t\xc3\xa9x";
        let mut toestand: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut volgend = || {
            toestand = toestand
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (toestand >> 33) as usize
        };
        let mut gewoon = 0;
        for ronde in 0..3_000 {
            let lengte = volgend() % 120;
            let mut tekst: Vec<u8> = (0..lengte)
                .map(|_| letters[volgend() % letters.len()])
                .collect();
            if ronde % 3 == 1 {
                // Lines of plain and quoted fields, as registers write them, now and then
                // with a doubled quote or a line break inside the quotes.
                let velden = [
                    "abc",
                    "",
                    " x ",
                    "\"a,b;c\"",
                    "\"\"",
                    "\"é ;\"",
                    "\"a\"\"b\"",
                    "\"r\nq\"",
                ];
                tekst.clear();
                for _ in 0..volgend() % 6 {
                    for v in 0..volgend() % 5 + 1 {
                        if v > 0 {
                            tekst.push([b',', b';'][volgend() % 2]);
                        }
                        tekst.extend_from_slice(velden[volgend() % velden.len()].as_bytes());
                    }
                    tekst.extend_from_slice([&b"\n"[..], b"\r\n"][volgend() % 2]);
                }
            }
            if ronde % 3 == 0 {
                // Mostly plain lines: drop the quotes and lone `\r`s.
                tekst.retain(|&b| b != b'"' && b != b'\t');
                tekst = tekst
                    .split(|&b| b == b'\r')
                    .collect::<Vec<_>>()
                    .join(&b"\r\n"[..]);
            }
            for scheidingsteken in [b',', b';'] {
                let (snel, via_snel) = records(&tekst, scheidingsteken, true);
                let (traag, _) = records(&tekst, scheidingsteken, false);
                assert_eq!(snel, traag, "{:?}", String::from_utf8_lossy(&tekst));
                gewoon += via_snel;
            }
        }
        assert!(gewoon > 10_000, "{gewoon}");
    }

    #[test]
    fn een_bestand_van_ongewone_regels_gaat_naar_csv_core() {
        // 200 lines with doubled quotes, then plain ones: the way around csv_core is given
        // up, and every record is still read as csv_core reads it.
        let mut tekst = Vec::new();
        for i in 0..200 {
            tekst.extend_from_slice(format!("z{i},\"zei \"\"nee\"\"\"\r\n").as_bytes());
        }
        for i in 0..50 {
            tekst.extend_from_slice(format!("z{i},gewoon\n").as_bytes());
        }
        let bron = Box::new(io::Cursor::new(tekst.clone()));
        let mut lezer = Recordlezer::nieuw(Invoer::Stroom(bron), b',', 0, 1);
        while lezer.volgende().expect("lezen") {}
        assert!(!lezer.snel);
        assert_eq!(lezer.via_snel, 0);
        let (snel, _) = records(&tekst, b',', true);
        let (traag, _) = records(&tekst, b',', false);
        assert_eq!(snel.len(), 250);
        assert_eq!(snel, traag);
        assert_eq!(snel[1].2[1], b"zei \"nee\"".to_vec());
    }

    #[test]
    fn gewone_regel_vindt_velden_en_regeleinde() {
        let mut einden = Vec::new();
        let regel =
            gewone_regel(b"ab,c,,defghijkl\r\nvolgende", b',', &mut einden).expect("gewone regel");
        assert_eq!(
            (regel.velden, regel.eind, regel.na, regel.regels),
            (4, 15, 16, 0)
        );
        assert_eq!(&einden[..4], &[2, 4, 5, 15]);
        let regel = gewone_regel(b"a;b\nc", b';', &mut einden).expect("gewone regel");
        assert_eq!(
            (regel.velden, regel.eind, regel.na, regel.regels),
            (2, 3, 4, 1)
        );
        // Quoted, a lone `\r`, a tab, or no line end within the block: left to csv_core.
        for tekst in [&b"a,\"b\"\n"[..], b"a\rb\n", b"a\tb\n", b"a,b,c"] {
            assert!(
                gewone_regel(tekst, b',', &mut einden).is_none(),
                "{tekst:?}"
            );
        }
    }

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
    fn onthouden_dag_loopt_niet_door_een_ander() {
        // Ten NUL bytes, on a thread that has read no day yet.
        assert_eq!(datum("\0\0\0\0\0\0\0\0\0\0"), Err(Datumfout::Vorm));
        // Days in both forms, each twice in a row and again later: every answer is the
        // day written, or its error.
        let eerste = d(2019, 12, 25);
        for _ in 0..2 {
            for stap in 0..1000 {
                let dag = eerste + chrono::Days::new(stap);
                for _ in 0..2 {
                    assert_eq!(datum(&dag.format("%Y-%m-%d").to_string()), Ok(dag));
                    assert_eq!(datum(&dag.format("%d-%m-%Y").to_string()), Ok(dag));
                }
                assert_eq!(datum("2023-02-29"), Err(Datumfout::BestaatNiet));
            }
        }
    }

    /// Every record as the reader hands it out: line and fields, or the error.
    type Gelezen = Vec<Result<(u32, u64, Vec<String>), (u32, String)>>;

    /// The columns of the test files.
    const KOLOMMEN: [Kolom; 3] = [
        Kolom {
            naam: "a",
            verplicht: true,
        },
        Kolom {
            naam: "b",
            verplicht: true,
        },
        Kolom {
            naam: "c",
            verplicht: false,
        },
    ];

    fn lees_alles(inhoud: &[u8], delen: usize, kleinste_deel: u64) -> Gelezen {
        let map = tempfile::tempdir().unwrap();
        let pad = map.path().join("t.csv");
        std::fs::write(&pad, inhoud).unwrap();
        // Mapped and as a stream, with the same outcome.
        let [in_kaart, als_stroom] = [true, false].map(|in_kaart| {
            let tabel = Tabel::open_met(&pad, &KOLOMMEN, in_kaart).unwrap();
            assert_eq!(tabel.kaart.is_some(), in_kaart && !inhoud.is_empty());
            lees_tabel(tabel, delen, kleinste_deel)
        });
        assert_eq!(in_kaart, als_stroom, "in kaart en als stroom gelezen");
        in_kaart
    }

    fn lees_tabel(tabel: Tabel, delen: usize, kleinste_deel: u64) -> Gelezen {
        let delen = tabel.lees_met(
            delen,
            kleinste_deel,
            |_| Vec::new(),
            |uit: &mut Gelezen, rij| {
                uit.push(match rij {
                    Ok(rij) => Ok((
                        rij.line,
                        rij.byte,
                        (0..3)
                            .map(|k| rij.ruw(k).map(String::from).unwrap_or_else(|e| e))
                            .collect(),
                    )),
                    Err(fout) => Err((fout.line, fout.bericht)),
                })
            },
        );
        delen.into_iter().flatten().collect()
    }

    /// A file that cannot be mapped, such as a named pipe, is read as a stream, with the
    /// outcome of reading the same text from a file.
    #[cfg(unix)]
    #[test]
    fn pijp_als_stroom_gelezen() {
        let inhoud = lastige_bestanden(40).swap_remove(0);
        let map = tempfile::tempdir().unwrap();
        let pad = map.path().join("pijp.csv");
        let gemaakt = std::process::Command::new("mkfifo").arg(&pad).status();
        assert!(
            gemaakt.is_ok_and(|s| s.success()),
            "mkfifo {}",
            pad.display()
        );
        let schrijver = {
            let (pad, inhoud) = (pad.clone(), inhoud.clone());
            std::thread::spawn(move || std::fs::write(pad, inhoud).unwrap())
        };
        let tabel = Tabel::open(&pad, &KOLOMMEN).unwrap();
        assert!(tabel.kaart.is_none());
        let gelezen = lees_tabel(tabel, 4, 1);
        schrijver.join().unwrap();
        assert_eq!(gelezen, lees_alles(&inhoud, 4, 1));
    }

    /// Files of `rijen` rows of every kind the reader must get right wherever a part
    /// begins: records that span lines, doubled quotes, blank lines, rows of the wrong
    /// width and values with spaces, in LF and CRLF, with a byte-order mark and semicolons,
    /// with a stray quote that misleads the scan, without a last line end, and with blank
    /// lines of CRLF or of lone `\r` (which the reader skips too).
    fn lastige_bestanden(rijen: usize) -> Vec<Vec<u8>> {
        let mut basis = String::from("a,b,c\n");
        for i in 0..rijen {
            match i % 7 {
                0 => basis.push_str(&format!("r{i},\"twee\nregels, met komma\",x\n")),
                1 => basis.push_str(&format!("r{i},\"aanhalings\"\"teken\",y\n")),
                2 => basis.push_str("\n\n"),
                3 => basis.push_str(&format!("r{i},te,veel,velden\n")),
                4 => basis.push_str(&format!(" r{i} ,\"\n\n\",\n")),
                _ => basis.push_str(&format!("r{i},b{i},c{i}\n")),
            }
        }
        // A quote inside an unquoted field is a literal for the reader, but throws off a
        // count of quotes: every part start after it is judged wrong. Early and late.
        let laat = rijen * 3 / 4 / 7 * 7 + 5;
        vec![
            basis.clone().into_bytes(),
            basis.replace('\n', "\r\n").into_bytes(),
            format!("\u{feff}{}", basis.replace(',', ";")).into_bytes(),
            basis.replacen("b5,c5", "b\"5,c5", 1).into_bytes(),
            basis
                .replacen(
                    &format!("b{laat},c{laat}"),
                    &format!("b\"{laat},c{laat}"),
                    1,
                )
                .into_bytes(),
            basis.trim_end().to_string().into_bytes(),
            basis.replace("\n\n", "\r\n\r\r\n\r\n").into_bytes(),
            basis
                .replace("\n\n", "\n\r\r\n")
                .replace('\n', "\r\n")
                .into_bytes(),
        ]
    }

    /// Reading in parts gives exactly what reading from start to end gives, wherever the
    /// parts begin.
    #[test]
    fn in_delen_lezen_is_hetzelfde_als_achter_elkaar() {
        for inhoud in &lastige_bestanden(300) {
            let achter_elkaar = lees_alles(inhoud, 1, 1);
            assert!(achter_elkaar.len() > 250);
            for delen in [2, 3, 7, 40] {
                for kleinste in [1, 64, 700] {
                    assert_eq!(
                        lees_alles(inhoud, delen, kleinste),
                        achter_elkaar,
                        "{delen} delen van minstens {kleinste} bytes"
                    );
                }
            }
        }
    }

    /// The same on random text: quotes, delimiters, every kind of line end, blank lines,
    /// stray bytes that are no UTF-8. Whatever the scan guesses, the parts agree with one
    /// reading from start to end, and nothing panics.
    #[test]
    fn in_delen_lezen_is_hetzelfde_op_willekeurige_tekst() {
        const STUKJES: [&[u8]; 12] = [
            b"a",
            b"bc",
            b",",
            b";",
            b"\"",
            b"\"\"",
            b"\n",
            b"\r\n",
            b"\r",
            b" ",
            "é".as_bytes(),
            b"\xff",
        ];
        let mut toestand: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut volgende = move || {
            toestand ^= toestand << 13;
            toestand ^= toestand >> 7;
            toestand ^= toestand << 17;
            toestand
        };
        for _ in 0..150 {
            let mut inhoud = b"a,b,c\n".to_vec();
            let lengte = 200 + volgende() % 3000;
            for _ in 0..lengte {
                inhoud.extend_from_slice(STUKJES[(volgende() % STUKJES.len() as u64) as usize]);
            }
            let achter_elkaar = lees_alles(&inhoud, 1, 1);
            for delen in [2, 5] {
                for kleinste in [1, 97] {
                    assert_eq!(
                        lees_alles(&inhoud, delen, kleinste),
                        achter_elkaar,
                        "{delen} delen van minstens {kleinste} bytes: {:?}",
                        String::from_utf8_lossy(&inhoud)
                    );
                }
            }
        }
    }

    #[test]
    fn in_veel_kleine_delen_lezen_is_hetzelfde_als_achter_elkaar() {
        for inhoud in lastige_bestanden(1000) {
            let achter_elkaar = lees_alles(&inhoud, 1, 1);
            // Up to more parts than the file has lines.
            for (delen, kleinste) in [(16, 1), (16, 1000), (2000, 1)] {
                assert_eq!(
                    lees_alles(&inhoud, delen, kleinste),
                    achter_elkaar,
                    "{delen} delen van minstens {kleinste} bytes"
                );
            }
        }
    }

    #[test]
    fn in_delen_lezen_vanuit_rayon_en_met_een_draad() {
        // The parts are tasks of a rayon scope: reading must finish, and give the same, in
        // a pool of one thread and from inside the pool's own tasks.
        let bestanden = lastige_bestanden(1000);
        let verwacht: Vec<Gelezen> = bestanden.iter().map(|b| lees_alles(b, 1, 1)).collect();
        for draden in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(draden)
                .build()
                .unwrap();
            pool.install(|| {
                use rayon::prelude::*;
                let gelezen: Vec<Gelezen> = (0..bestanden.len() * 2)
                    .into_par_iter()
                    .map(|k| lees_alles(&bestanden[k % bestanden.len()], 40, 1))
                    .collect();
                for (k, g) in gelezen.iter().enumerate() {
                    assert_eq!(g, &verwacht[k % bestanden.len()], "{draden} draden, {k}");
                }
                let (a, b) = rayon::join(
                    || lees_alles(&bestanden[0], 64, 1),
                    || lees_alles(&bestanden[1], 64, 1),
                );
                assert_eq!((a, b), (verwacht[0].clone(), verwacht[1].clone()));
            });
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
