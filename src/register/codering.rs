//! The character encoding of a CSV file, and reading the file as UTF-8 whatever it was
//! saved in.
//!
//! Excel on Dutch Windows saves "CSV (gescheiden door lijstscheidingsteken)" in
//! Windows-1252, "Unicode-tekst" in UTF-16 with a byte-order mark, and "CSV UTF-8" in UTF-8
//! with one. A file is read as
//! - UTF-8, UTF-16 LE or UTF-16 BE when it starts with that byte-order mark;
//! - otherwise UTF-8, unless its first character outside ASCII is not valid UTF-8: then
//!   Windows-1252.
//!
//! The choice is made while the file streams past, in one pass. Up to the first byte
//! outside ASCII, UTF-8 and Windows-1252 read the same, and the bytes are passed on as
//! they are. That first byte decides: when it starts a valid UTF-8 character, the file is
//! UTF-8 to its end (a later byte that is not UTF-8 is an input error of its row, as in any
//! damaged UTF-8 file); when it does not, the file is Windows-1252 from there on. Dutch text
//! in Windows-1252 is never mistaken for UTF-8 this way: an accented letter there is one
//! byte, which UTF-8 only accepts followed by one or two bytes that are no letters. A UTF-8
//! file costs a scan for ASCII up to its first accented letter and nothing after it; only
//! the other encodings are decoded, by encoding_rs.

use std::io::{self, BufRead, Read};

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codering {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Codering {
    fn encoding(self) -> &'static Encoding {
        match self {
            Codering::Utf8 => encoding_rs::UTF_8,
            Codering::Utf16Le => UTF_16LE,
            Codering::Utf16Be => UTF_16BE,
            Codering::Windows1252 => WINDOWS_1252,
        }
    }

    fn decoder(self) -> Box<Decoder> {
        Box::new(self.encoding().new_decoder_without_bom_handling())
    }
}

/// The note for a file read as anything but UTF-8, in Dutch; None for UTF-8.
pub fn notitie(bestand: &str, codering: Codering) -> Option<String> {
    let hoe = match codering {
        Codering::Utf8 => return None,
        Codering::Windows1252 => {
            "Windows-1252 (geen geldige UTF-8; zo bewaart Excel \
             „CSV (gescheiden door lijstscheidingsteken)”)"
        }
        Codering::Utf16Le | Codering::Utf16Be => "UTF-16 (zo bewaart Excel „Unicode-tekst”)",
    };
    Some(format!(
        "{bestand}: gelezen als {hoe}; elke waarde is gelezen, maar bewaar het bestand \
         liever als „CSV UTF-8 (door komma's gescheiden)”"
    ))
}

/// The byte-order mark at the start of a file: the encoding it names, and its length.
fn bom(begin: &[u8]) -> Option<(Codering, usize)> {
    let (encoding, lengte) = Encoding::for_bom(begin)?;
    let codering = if encoding == UTF_16LE {
        Codering::Utf16Le
    } else if encoding == UTF_16BE {
        Codering::Utf16Be
    } else {
        Codering::Utf8
    };
    Some((codering, lengte))
}

/// What the bytes of a file without a byte-order mark say about its encoding, up to the
/// first byte outside ASCII.
#[derive(Debug, PartialEq, Eq)]
enum NaAscii {
    /// ASCII only: not decided yet.
    Ascii,
    /// The first byte outside ASCII starts a valid UTF-8 character.
    Utf8,
    /// The byte at this offset is the first outside ASCII, and starts no UTF-8 character:
    /// the file is Windows-1252 from there on.
    Windows1252(usize),
    /// The bytes from this offset may start a UTF-8 character that the bytes end within:
    /// the next bytes decide.
    Onvolledig(usize),
}

/// Looks for the first byte outside ASCII in `bytes`, which are followed by more unless
/// `einde`.
fn na_ascii(bytes: &[u8], einde: bool) -> NaAscii {
    // A file may be ASCII to its end: std's check takes half the time of finding where
    // ASCII ends (16 against 30 ms for the 234 MB of events of a million cases).
    if bytes.is_ascii() {
        return NaAscii::Ascii;
    }
    let i = Encoding::ascii_valid_up_to(bytes);
    // A UTF-8 character is at most four bytes long.
    match std::str::from_utf8(&bytes[i..bytes.len().min(i + 4)]) {
        Ok(_) => NaAscii::Utf8,
        Err(e) if e.valid_up_to() > 0 => NaAscii::Utf8,
        Err(e) if e.error_len().is_none() && !einde => NaAscii::Onvolledig(i),
        Err(_) => NaAscii::Windows1252(i),
    }
}

/// A whole file (an earlier version, say) as UTF-8 without byte-order mark, decided as
/// [`Tekstlezer`] decides it; the bytes themselves when they are UTF-8.
pub fn naar_utf8(mut inhoud: Vec<u8>) -> (Vec<u8>, Codering) {
    if let Some((codering, lengte)) = bom(&inhoud) {
        if codering == Codering::Utf8 {
            inhoud.drain(..lengte);
            return (inhoud, codering);
        }
        let (tekst, _) = codering
            .encoding()
            .decode_without_bom_handling(&inhoud[lengte..]);
        return (tekst.into_owned().into_bytes(), codering);
    }
    match na_ascii(&inhoud, true) {
        NaAscii::Ascii | NaAscii::Utf8 => (inhoud, Codering::Utf8),
        NaAscii::Windows1252(i) | NaAscii::Onvolledig(i) => {
            let mut uit = inhoud[..i].to_vec();
            let (rest, _) = WINDOWS_1252.decode_without_bom_handling(&inhoud[i..]);
            uit.extend_from_slice(rest.as_bytes());
            (uit, Codering::Windows1252)
        }
    }
}

const BUFFER: usize = 1 << 16;

/// Reads a file as UTF-8 without byte-order mark, in whatever encoding it was saved (see
/// the module's documentation): a buffered reader, like `std::io::BufReader`, whose
/// buffer holds UTF-8.
pub struct Tekstlezer<R> {
    binnen: R,
    /// UTF-8 ready to be read: `uit[begin..eind]`.
    uit: Box<[u8]>,
    begin: usize,
    eind: usize,
    /// Bytes read from `binnen` that were not passed on yet: the bytes to decode, or the
    /// start of a character that a read cut off. From `ruw_begin` on.
    ruw: Vec<u8>,
    ruw_begin: usize,
    staat: Staat,
    /// Whether `binnen` reached its end.
    einde: bool,
}

enum Staat {
    /// Nothing read yet: a byte-order mark may come.
    Begin,
    /// Only ASCII so far: UTF-8 or Windows-1252 is not decided yet.
    Ascii,
    /// UTF-8: the bytes are passed on as they are.
    Utf8,
    /// Decoded by encoding_rs; the decoder until it has finished.
    Decoderen(Codering, Option<Box<Decoder>>),
}

impl<R: Read> Tekstlezer<R> {
    pub fn new(binnen: R) -> Tekstlezer<R> {
        Tekstlezer {
            binnen,
            uit: vec![0; BUFFER].into_boxed_slice(),
            begin: 0,
            eind: 0,
            ruw: Vec::new(),
            ruw_begin: 0,
            staat: Staat::Begin,
            einde: false,
        }
    }

    /// The encoding the file is read in, as far as it was read: UTF-8 until it turns out
    /// to be otherwise.
    pub fn codering(&self) -> Codering {
        match self.staat {
            Staat::Begin | Staat::Ascii | Staat::Utf8 => Codering::Utf8,
            Staat::Decoderen(codering, _) => codering,
        }
    }

    pub fn into_inner(self) -> R {
        self.binnen
    }

    /// Keeps `uit[van..tot]` for the next fill.
    fn bewaar(&mut self, van: usize, tot: usize) {
        self.ruw.extend_from_slice(&self.uit[van..tot]);
    }

    /// Fills `uit` afresh: with at least one byte, unless the file is at its end.
    fn vul(&mut self) -> io::Result<()> {
        self.begin = 0;
        self.eind = 0;
        loop {
            match &mut self.staat {
                Staat::Utf8 => {
                    // Nothing is kept back once the file is known to be UTF-8: the states
                    // before it pass on what they kept before they turn to this one.
                    debug_assert_eq!(self.ruw_begin, self.ruw.len());
                    self.eind = lees(&mut self.binnen, &mut self.uit)?;
                    return Ok(());
                }
                Staat::Begin | Staat::Ascii => {
                    // What a read cut off comes first (a few bytes at most).
                    let bewaard = self.ruw.len() - self.ruw_begin;
                    self.uit[..bewaard].copy_from_slice(&self.ruw[self.ruw_begin..]);
                    self.ruw.clear();
                    self.ruw_begin = 0;
                    let n = if self.einde {
                        0
                    } else {
                        lees(&mut self.binnen, &mut self.uit[bewaard..])?
                    };
                    self.einde |= n == 0;
                    let lengte = bewaard + n;
                    if matches!(self.staat, Staat::Begin) {
                        // The longest byte-order mark is three bytes.
                        if lengte < 3 && !self.einde {
                            self.bewaar(0, lengte);
                            continue;
                        }
                        match bom(&self.uit[..lengte]) {
                            Some((Codering::Utf8, bom)) => {
                                self.staat = Staat::Utf8;
                                if bom < lengte {
                                    self.begin = bom;
                                    self.eind = lengte;
                                    return Ok(());
                                }
                                if self.einde {
                                    return Ok(());
                                }
                                continue;
                            }
                            Some((codering, bom)) => {
                                self.bewaar(bom, lengte);
                                self.staat = Staat::Decoderen(codering, Some(codering.decoder()));
                                continue;
                            }
                            None => self.staat = Staat::Ascii,
                        }
                    }
                    match na_ascii(&self.uit[..lengte], self.einde) {
                        NaAscii::Ascii => self.eind = lengte,
                        NaAscii::Utf8 => {
                            self.staat = Staat::Utf8;
                            self.eind = lengte;
                        }
                        NaAscii::Onvolledig(i) => {
                            self.bewaar(i, lengte);
                            self.eind = i;
                        }
                        NaAscii::Windows1252(i) => {
                            self.bewaar(i, lengte);
                            self.eind = i;
                            let codering = Codering::Windows1252;
                            self.staat = Staat::Decoderen(codering, Some(codering.decoder()));
                            // The rest is decoded into the same fill.
                            continue;
                        }
                    }
                    if self.eind > 0 || self.einde {
                        return Ok(());
                    }
                }
                Staat::Decoderen(_, decoder) => {
                    let Some(decodeerder) = decoder else {
                        // Finished: the end of the file.
                        return Ok(());
                    };
                    if self.ruw_begin == self.ruw.len() && !self.einde {
                        self.ruw.clear();
                        self.ruw_begin = 0;
                        self.ruw.resize(BUFFER, 0);
                        let n = match lees(&mut self.binnen, &mut self.ruw) {
                            Ok(n) => n,
                            Err(e) => {
                                self.ruw.clear();
                                return Err(e);
                            }
                        };
                        self.ruw.truncate(n);
                        self.einde |= n == 0;
                    }
                    let (resultaat, gelezen, geschreven, _) = decodeerder.decode_to_utf8(
                        &self.ruw[self.ruw_begin..],
                        &mut self.uit[self.eind..],
                        self.einde,
                    );
                    self.ruw_begin += gelezen;
                    self.eind += geschreven;
                    let klaar = self.einde && resultaat == CoderResult::InputEmpty;
                    if klaar {
                        // A decoder that finished must not be used again.
                        *decoder = None;
                    }
                    if self.eind > 0 || klaar {
                        return Ok(());
                    }
                }
            }
        }
    }
}

/// One read, tried again when a signal interrupted it.
fn lees(binnen: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match binnen.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            gelezen => return gelezen,
        }
    }
}

impl<R: Read> BufRead for Tekstlezer<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.begin == self.eind {
            self.vul()?;
        }
        Ok(&self.uit[self.begin..self.eind])
    }

    fn consume(&mut self, n: usize) {
        self.begin = (self.begin + n).min(self.eind);
    }
}

impl<R: Read> Read for Tekstlezer<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let klaar = self.fill_buf()?;
        let n = klaar.len().min(buf.len());
        buf[..n].copy_from_slice(&klaar[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Hands out its bytes `stap` at a time: every place a read can cut a file.
    pub(in crate::register) struct Druppel<'a> {
        pub bytes: &'a [u8],
        pub stap: usize,
    }

    impl Read for Druppel<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.stap.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// Reads `bytes` as a stream, `stap` bytes per read: the text and its encoding.
    fn gestroomd(bytes: &[u8], stap: usize) -> (String, Codering) {
        let mut lezer = Tekstlezer::new(Druppel { bytes, stap });
        let mut uit = Vec::new();
        lezer.read_to_end(&mut uit).unwrap();
        (String::from_utf8_lossy(&uit).into_owned(), lezer.codering())
    }

    /// Streamed with reads of any size, and whole: the same text and encoding.
    fn gelezen(bytes: &[u8]) -> (String, Codering) {
        let (heel, codering) = naar_utf8(bytes.to_vec());
        let heel = (String::from_utf8_lossy(&heel).into_owned(), codering);
        for stap in [1, 2, 3, 5, 7, BUFFER] {
            assert_eq!(gestroomd(bytes, stap), heel, "{bytes:?} per {stap}");
        }
        heel
    }

    fn windows_1252(tekst: &str) -> Vec<u8> {
        let (bytes, _, onmogelijk) = WINDOWS_1252.encode(tekst);
        assert!(!onmogelijk);
        bytes.into_owned()
    }

    fn utf16(tekst: &str, le: bool) -> Vec<u8> {
        let mut uit = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for eenheid in tekst.encode_utf16() {
            uit.extend(if le {
                eenheid.to_le_bytes()
            } else {
                eenheid.to_be_bytes()
            });
        }
        uit
    }

    const TEKST: &str = "zaak;klager;omschrijving\nKP-1;René Zoë;Naïef: € 12,50 te veel\n";

    #[test]
    fn utf8_met_en_zonder_bom() {
        assert_eq!(gelezen(TEKST.as_bytes()), (TEKST.into(), Codering::Utf8));
        let met_bom = [b"\xEF\xBB\xBF", TEKST.as_bytes()].concat();
        assert_eq!(gelezen(&met_bom), (TEKST.into(), Codering::Utf8));
        assert_eq!(gelezen(b"zaak\n"), ("zaak\n".into(), Codering::Utf8));
        assert_eq!(gelezen(b""), (String::new(), Codering::Utf8));
        assert_eq!(gelezen(b"\xEF\xBB\xBF"), (String::new(), Codering::Utf8));
        // Two bytes of the UTF-8 mark are no mark, and no UTF-8.
        assert_eq!(gelezen(b"\xEF\xBB"), ("ï»".into(), Codering::Windows1252));
    }

    #[test]
    fn windows_1252_zonder_bom() {
        let bytes = windows_1252(TEKST);
        assert_eq!(gelezen(&bytes), (TEKST.into(), Codering::Windows1252));
        // Late in a long file, after many reads of ASCII.
        let lang = format!("{}{TEKST}", "KP-0;x;y\n".repeat(20_000));
        assert_eq!(
            gelezen(&windows_1252(&lang)),
            (lang.clone(), Codering::Windows1252)
        );
        // The first byte outside ASCII at the very end of the file.
        assert_eq!(
            gelezen(b"a;b\n1;\xE9"),
            ("a;b\n1;é".into(), Codering::Windows1252)
        );
        // A byte that would start a four-byte UTF-8 character, cut off by the end.
        assert_eq!(gelezen(b"a\xF0\x9F"), ("aðŸ".into(), Codering::Windows1252));
    }

    #[test]
    fn utf16_met_bom() {
        let tab = TEKST.replace(';', "\t");
        assert_eq!(
            gelezen(&utf16(&tab, true)),
            (tab.clone(), Codering::Utf16Le)
        );
        assert_eq!(
            gelezen(&utf16(&tab, false)),
            (tab.clone(), Codering::Utf16Be)
        );
        // A character outside the BMP, in a surrogate pair.
        assert_eq!(
            gelezen(&utf16("a😀b", true)),
            ("a😀b".into(), Codering::Utf16Le)
        );
        // An odd last byte is no character.
        let mut oneven = utf16("ab", true);
        oneven.push(b'c');
        assert_eq!(gelezen(&oneven), ("ab\u{FFFD}".into(), Codering::Utf16Le));
    }

    /// The first character outside ASCII decides. A UTF-8 character before the first byte
    /// that is no UTF-8 keeps the file UTF-8: that byte stays as it is (an input error of
    /// its row); the character before it is not read again as Windows-1252.
    #[test]
    fn het_eerste_teken_buiten_ascii_beslist() {
        let gemengd = b"a;b\nZo\xC3\xAB;x\nRen\xE9;y\n";
        let (tekst, codering) = gelezen(gemengd);
        assert_eq!(codering, Codering::Utf8);
        assert_eq!(tekst, "a;b\nZoë;x\nRen\u{FFFD};y\n");
        let mut lezer = Tekstlezer::new(&gemengd[..]);
        let mut bytes = Vec::new();
        lezer.read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes, gemengd, "UTF-8 is passed on as it is");
        // The other way round: Windows-1252 first, so the UTF-8 bytes after it are read
        // as Windows-1252 too.
        let (tekst, codering) = gelezen(b"Ren\xE9;Zo\xC3\xAB\n");
        assert_eq!(codering, Codering::Windows1252);
        assert_eq!(tekst, "René;ZoÃ«\n");
        // A UTF-8 character cut by a read is still one character.
        assert_eq!(gestroomd("ë".as_bytes(), 1), ("ë".into(), Codering::Utf8));
        assert_eq!(gestroomd("a€".as_bytes(), 2), ("a€".into(), Codering::Utf8));
    }

    #[test]
    fn een_leesfout_komt_door() {
        struct Breekt(bool);
        impl Read for Breekt {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    return Err(io::Error::other("schijf weg"));
                }
                buf[..4].copy_from_slice(b"a\xE9b\n");
                Ok(4)
            }
        }
        let mut lezer = Tekstlezer::new(Breekt(false));
        assert_eq!(lezer.fill_buf().unwrap(), "aéb\n".as_bytes());
        let n = lezer.fill_buf().unwrap().len();
        lezer.consume(n);
        assert!(lezer.fill_buf().is_err());
    }

    #[test]
    fn notitie_alleen_buiten_utf8() {
        assert_eq!(notitie("klachten.csv", Codering::Utf8), None);
        let n = notitie("klachten.csv", Codering::Windows1252).unwrap();
        assert!(
            n.starts_with("klachten.csv: gelezen als Windows-1252"),
            "{n}"
        );
        assert!(notitie("x", Codering::Utf16Be).unwrap().contains("UTF-16"));
    }
}
