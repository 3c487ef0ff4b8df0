//! Article 6 (confidentiality): personal data in case narratives.
//!
//! **art-6-persoonsgegevens**: a case narrative (`zaken/<zaak>.md`) holds an e-mail address,
//! a Dutch phone number, a BSN (nine digits passing the elfproef) or an IBAN (passing its
//! mod-97 check). [`zoek`] finds every occurrence, [`redigeer`] replaces each one by a
//! placeholder such as "[BSN verwijderd]" for the static site.
//!
//! The scanner is hand-written, works on the UTF-8 bytes of the text and is linear in its
//! length: every detector only looks a bounded distance ahead of a candidate start (e-mail
//! addresses are found from their `@`, and the stretches scanned around two `@`s do not
//! overlap). All patterns consist of ASCII characters (an e-mail address may also hold
//! non-ASCII letters, found per `char`), so every finding starts and ends on a char boundary.
//!
//! Detection choices, made to avoid false positives in ordinary Dutch prose (dates like
//! 12-03-2025, case ids like ZW-2025-014, amounts like € 1.250,00, times like 14:30,
//! postcodes like 1234 AB, invoice numbers):
//!
//! - **Numbers stand alone.** A phone number or BSN must not touch a letter or digit (any
//!   script), nor continue a longer number or code: `-` or `/` next to a letter or digit
//!   (`ZW-0612345678`, `INV-111222333`) and `.`, `,` or `:` next to a digit
//!   (`1.111.222.333`, `111222333,00`, `111222333,-`) count as part of the same token.
//! - **E-mail**: `local@domain.tld`. The local part holds letters, digits and `._%+-`;
//!   leading dots and underscores are left out (Markdown emphasis `_jan@x.nl_`). The
//!   domain holds at least two dot-separated labels of letters, digits and hyphens; the last
//!   label (the TLD) has at least two letters. A trailing `.` or `-` (end of a sentence) is
//!   not part of the address. Non-ASCII letters are allowed in both parts. In
//!   `mailto:jan@x.nl` only the address is matched, so a redacted link keeps its `mailto:`.
//! - **Phone number**: a national number `0` + 9 digits (the digit after the `0` is not
//!   `0`), or an international one `+31`/`0031` + 9 digits, optionally with `(0)` after the
//!   country code. Groups may be separated by a space (also a no-break space), `-`, `.`, `/`
//!   or such a sign with spaces around it (`010 - 1234567`); a national area code may be
//!   written in parentheses: `(010) 123 4567`. The first group is the area code or the whole
//!   number: nationally `06` or 3–4 digits (or all 10), internationally 1–3 digits (or all
//!   9); later groups have at least 2 digits. Date-shaped starts are refused: `DD-MM-YYYY …`
//!   (groups of 2, 2 and 4 digits) and `DD-MM-YY …` (2, 2, 2 with the same punctuation
//!   twice, then a different separator). A plain 10-digit number starting with `0` (which
//!   might be an invoice number) is indistinguishable from a landline number and is reported.
//! - **BSN**: nine digits passing the elfproef, written as one run (`111222333`) or as three
//!   groups of three with the same separator: `111.222.333`, `111 222 333` or
//!   `111-222-333`. A number directly after `€` or `EUR` (an amount) is not a BSN. About one
//!   in eleven arbitrary 9-digit numbers passes the elfproef, so a 9-digit invoice number
//!   may be reported; 8-digit BSNs are out of scope.
//! - **IBAN**: two letters, two check digits and the BBAN, case-insensitive, either compact
//!   (`NL91ABNA0417164300`) or in the printed form: groups of four separated by single
//!   spaces, the last group 1–4 characters (`NL91 ABNA 0417 1643 00`). It must pass the
//!   mod-97 check and, for the countries in the IBAN registry this module knows (NL among
//!   them), have the country's length; unknown country codes need 15–34 characters. It must
//!   not touch a letter or digit.
//! - **Overlaps**: findings never overlap. Priority is e-mail, IBAN, phone number, BSN: a
//!   number inside an e-mail address or an IBAN is not reported separately.
//!
//! Example: "Bel mevrouw op 06-12345678." is reported as a telefoonnummer on line 1 and
//! shown on the site as "Bel mevrouw op [telefoonnummer verwijderd]."

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A kind of personal data that must not appear in a case narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Persoonsgegeven {
    Email,
    Telefoonnummer,
    Bsn,
    Iban,
}

impl Persoonsgegeven {
    /// Dutch noun for messages: "e-mailadres", "telefoonnummer", "BSN", "IBAN".
    pub fn naam(self) -> &'static str {
        match self {
            Persoonsgegeven::Email => "e-mailadres",
            Persoonsgegeven::Telefoonnummer => "telefoonnummer",
            Persoonsgegeven::Bsn => "BSN",
            Persoonsgegeven::Iban => "IBAN",
        }
    }

    /// What the site shows instead: "[e-mailadres verwijderd]", "[telefoonnummer
    /// verwijderd]", "[BSN verwijderd]", "[IBAN verwijderd]".
    pub fn vervanging(self) -> &'static str {
        match self {
            Persoonsgegeven::Email => "[e-mailadres verwijderd]",
            Persoonsgegeven::Telefoonnummer => "[telefoonnummer verwijderd]",
            Persoonsgegeven::Bsn => "[BSN verwijderd]",
            Persoonsgegeven::Iban => "[IBAN verwijderd]",
        }
    }
}

/// One occurrence of personal data in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vondst {
    pub soort: Persoonsgegeven,
    /// Byte range in the text: `begin..eind`, both on char boundaries.
    pub begin: usize,
    pub eind: usize,
    /// 1-based line of the start.
    pub line: u32,
}

/// Every occurrence of personal data in `tekst`, in order, non-overlapping.
pub fn zoek(tekst: &str) -> Vec<Vondst> {
    let mut gevonden = zoek_emails(tekst);
    gevonden = voeg_toe(gevonden, zoek_ibans(tekst));
    gevonden = voeg_toe(gevonden, zoek_telefoonnummers(tekst));
    gevonden = voeg_toe(gevonden, zoek_bsns(tekst));
    nummer_regels(tekst, &mut gevonden);
    gevonden
}

/// `tekst` with every occurrence replaced by its [`Persoonsgegeven::vervanging`].
pub fn redigeer(tekst: &str) -> String {
    redigeer_met(tekst, &zoek(tekst))
}

/// Whether `cijfers` is a BSN: exactly nine ASCII digits, not all zeros, passing the
/// elfproef `(9·d1 + 8·d2 + … + 2·d8 − 1·d9) mod 11 == 0`.
pub fn is_bsn(cijfers: &str) -> bool {
    let Ok(d) = <[u8; 9]>::try_from(cijfers.as_bytes()) else {
        return false;
    };
    d.iter().all(u8::is_ascii_digit) && elfproef(&d)
}

/// Whether `tekst` is an IBAN: two letters, two digits and 11–30 letters or digits
/// (case-insensitive; spaces between groups are ignored), passing the mod-97 check. For
/// the countries in the IBAN registry known to this module the length must match (18 for
/// NL); other country codes need 15–34 characters.
pub fn is_iban(tekst: &str) -> bool {
    let mut buf = [0u8; MAX_IBAN];
    let mut n = 0;
    for c in tekst.chars() {
        if c == ' ' || c == '\u{a0}' {
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return false;
        }
        match buf.get_mut(n) {
            Some(plek) => *plek = c as u8,
            None => return false,
        }
        n += 1;
    }
    buf.get(..n).is_some_and(iban_geldig)
}

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

const MAX_IBAN: usize = 34;
const MIN_IBAN: usize = 15;

/// The byte at `i`, or 0 past the end (0 matches none of the classes used here).
fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// Longest digit run [`cijfers`] measures; longer runs are never a single group of
/// anything detected here, and the cap keeps every look-ahead bounded.
const MAX_CIJFERS: usize = 16;

/// Number of ASCII digits from `i` on (at most [`MAX_CIJFERS`]), and the index just
/// after them.
fn cijfers(b: &[u8], i: usize) -> (usize, usize) {
    let n = b.get(i..).map_or(0, |r| {
        r.iter()
            .take(MAX_CIJFERS)
            .take_while(|c| c.is_ascii_digit())
            .count()
    });
    (n, i + n)
}

/// Length in bytes of a space (' ' or U+00A0 no-break space) at `i`, or 0.
fn spatie(b: &[u8], i: usize) -> usize {
    match byte(b, i) {
        b' ' => 1,
        0xC2 if byte(b, i + 1) == 0xA0 => 2,
        _ => 0,
    }
}

/// Whether punctuation `teken` glues the token it touches to `buur` (the char on its
/// other side) into one longer number or code.
fn verbindt(teken: char, buur: Option<char>) -> bool {
    let Some(buur) = buur else {
        return false;
    };
    match teken {
        '-' | '/' => buur.is_ascii_alphanumeric(),
        '.' | ':' => buur.is_ascii_digit(),
        ',' => buur.is_ascii_digit() || buur == '-',
        _ => false,
    }
}

/// Whether a number may start at byte `i`: nothing alphanumeric right before it, and it
/// does not continue a longer number or code.
fn links_vrij(tekst: &str, i: usize) -> bool {
    let Some(voor) = tekst.get(..i) else {
        return false;
    };
    let mut terug = voor.chars().rev();
    match terug.next() {
        None => true,
        Some(c) => !c.is_alphanumeric() && !verbindt(c, terug.next()),
    }
}

/// Whether a number may end at byte `i` (the mirror image of [`links_vrij`]).
fn rechts_vrij(tekst: &str, i: usize) -> bool {
    let Some(na) = tekst.get(i..) else {
        return false;
    };
    let mut verder = na.chars();
    match verder.next() {
        None => true,
        Some(c) => !c.is_alphanumeric() && !verbindt(c, verder.next()),
    }
}

/// Whether the char before byte `i` is not alphanumeric (a weaker boundary for IBANs).
/// Each maximal run of letters and digits of `tekst`, with its byte offset.
fn alnum_runs(tekst: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut begin: Option<usize> = None;
    tekst
        .char_indices()
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(move |c| match (c, begin) {
            (Some((i, c)), None) if c.is_alphanumeric() => {
                begin = Some(i);
                None
            }
            (Some((_, c)), Some(_)) if c.is_alphanumeric() => None,
            (Some((i, _)), Some(b)) => {
                begin = None;
                Some((b, &tekst[b..i]))
            }
            (None, Some(b)) => Some((b, &tekst[b..])),
            _ => None,
        })
}

fn geen_alnum_voor(tekst: &str, i: usize) -> bool {
    tekst
        .get(..i)
        .is_some_and(|v| !v.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Whether the char at byte `i` is not alphanumeric.
fn geen_alnum_na(tekst: &str, i: usize) -> bool {
    tekst
        .get(i..)
        .is_some_and(|v| !v.chars().next().is_some_and(char::is_alphanumeric))
}

fn vondst(soort: Persoonsgegeven, begin: usize, eind: usize) -> Vondst {
    Vondst {
        soort,
        begin,
        eind,
        line: 0,
    }
}

/// Adds the `kandidaten` (sorted, non-overlapping) that overlap nothing in `gevonden`
/// (sorted, non-overlapping), keeping the result sorted.
fn voeg_toe(mut gevonden: Vec<Vondst>, kandidaten: Vec<Vondst>) -> Vec<Vondst> {
    let vrij: Vec<Vondst> = kandidaten
        .into_iter()
        .filter(|k| {
            let idx = gevonden.partition_point(|v| v.eind <= k.begin);
            gevonden.get(idx).is_none_or(|v| v.begin >= k.eind)
        })
        .collect();
    if !vrij.is_empty() {
        gevonden.extend(vrij);
        gevonden.sort_by_key(|v| v.begin);
    }
    gevonden
}

/// Fills in the 1-based line of every finding (sorted by `begin`) in one pass.
fn nummer_regels(tekst: &str, gevonden: &mut [Vondst]) {
    let b = tekst.as_bytes();
    let mut regel: u32 = 1;
    let mut pos = 0;
    for v in gevonden {
        let stuk = b.get(pos..v.begin).unwrap_or(&[]);
        let n = stuk.iter().filter(|&&c| c == b'\n').count();
        regel = regel.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        v.line = regel;
        pos = v.begin.max(pos);
    }
}

// ---------------------------------------------------------------------------------------
// E-mail addresses
// ---------------------------------------------------------------------------------------

fn is_lokaal_teken(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
    } else {
        c.is_alphanumeric()
    }
}

fn is_domein_teken(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `domein` is at least two labels with an alphabetic TLD of two or more letters.
fn is_domein(domein: &str) -> bool {
    let mut labels = 0;
    let mut laatste = "";
    for label in domein.split('.') {
        if label.is_empty() || label.starts_with('-') || label.ends_with('-') {
            return false;
        }
        labels += 1;
        laatste = label;
    }
    labels >= 2 && laatste.chars().count() >= 2 && laatste.chars().all(char::is_alphabetic)
}

fn zoek_emails(tekst: &str) -> Vec<Vondst> {
    let b = tekst.as_bytes();
    let mut uit = Vec::new();
    // No address may start before `vrij` (the end of the previous one).
    let mut vrij = 0;
    let mut zoek_vanaf = 0;
    while let Some(rel) = b.get(zoek_vanaf..).and_then(|r| memchr::memchr(b'@', r)) {
        let at = zoek_vanaf + rel;
        zoek_vanaf = at + 1;

        // The local part: walk back from the '@' (never further than the previous '@',
        // which is no local-part character, so this is linear overall).
        let mut begin = at;
        if let Some(voor) = tekst.get(vrij..at) {
            for (idx, c) in voor.char_indices().rev() {
                if !is_lokaal_teken(c) {
                    break;
                }
                begin = vrij + idx;
            }
        }
        while begin < at && matches!(byte(b, begin), b'.' | b'_') {
            begin += 1;
        }
        if begin == at || byte(b, at - 1) == b'.' {
            continue;
        }

        // The domain: walk forward up to the first character that cannot be in it.
        let mut eind = at + 1;
        if let Some(na) = tekst.get(at + 1..) {
            for (idx, c) in na.char_indices() {
                if !is_domein_teken(c) {
                    break;
                }
                eind = at + 1 + idx + c.len_utf8();
            }
        }
        while eind > at + 1 && matches!(byte(b, eind - 1), b'.' | b'-') {
            eind -= 1;
        }
        if !tekst.get(at + 1..eind).is_some_and(is_domein) {
            continue;
        }
        uit.push(vondst(Persoonsgegeven::Email, begin, eind));
        vrij = eind;
        zoek_vanaf = eind;
    }
    uit
}

// ---------------------------------------------------------------------------------------
// IBANs
// ---------------------------------------------------------------------------------------

/// IBAN lengths per country, from the SWIFT IBAN registry.
const IBAN_LENGTES: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NL", 18),
    (b"NO", 15),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"SA", 24),
    (b"SC", 31),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
];

/// Whether the compact, ASCII-alphanumeric `iban` (any case) is a valid IBAN.
fn iban_geldig(iban: &[u8]) -> bool {
    let (Some(kop), Some(rest)) = (iban.get(..4), iban.get(4..)) else {
        return false;
    };
    if !(MIN_IBAN..=MAX_IBAN).contains(&iban.len()) || !iban.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let land = [
        byte(kop, 0).to_ascii_uppercase(),
        byte(kop, 1).to_ascii_uppercase(),
    ];
    if !land.iter().all(u8::is_ascii_uppercase)
        || !byte(kop, 2).is_ascii_digit()
        || !byte(kop, 3).is_ascii_digit()
    {
        return false;
    }
    if let Some((_, lengte)) = IBAN_LENGTES.iter().find(|(code, _)| **code == land) {
        if iban.len() != *lengte {
            return false;
        }
    }
    // Mod-97 over the BBAN followed by the first four characters, letters as 10..=35.
    let mut rest_97: u32 = 0;
    for &c in rest.iter().chain(kop) {
        rest_97 = if c.is_ascii_digit() {
            (rest_97 * 10 + u32::from(c - b'0')) % 97
        } else {
            (rest_97 * 100 + u32::from(c.to_ascii_uppercase() - b'A') + 10) % 97
        };
    }
    rest_97 == 1
}

/// The end of an IBAN starting at byte `i`, compact or in groups of four.
fn iban_op(tekst: &str, i: usize) -> Option<usize> {
    let b = tekst.as_bytes();
    if !(byte(b, i).is_ascii_alphabetic()
        && byte(b, i + 1).is_ascii_alphabetic()
        && byte(b, i + 2).is_ascii_digit()
        && byte(b, i + 3).is_ascii_digit())
    {
        return None;
    }
    let run = |start: usize| {
        b.get(start..).map_or(0, |r| {
            r.iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .take(MAX_IBAN + 1)
                .count()
        })
    };
    let eerste = run(i);
    if eerste >= MIN_IBAN {
        // Compact form: the whole alphanumeric run is the IBAN.
        let eind = i + eerste;
        let geldig = b.get(i..eind).is_some_and(iban_geldig) && geen_alnum_na(tekst, eind);
        return geldig.then_some(eind);
    }
    if eerste != 4 {
        return None;
    }
    // Printed form: groups of four separated by one space, the last one 1-4 long.
    let mut buf = [0u8; MAX_IBAN];
    let mut n = 0;
    let mut pos = i;
    let mut groep = 4;
    let mut beste = None;
    loop {
        for k in 0..groep {
            if let Some(plek) = buf.get_mut(n) {
                *plek = byte(b, pos + k);
                n += 1;
            } else {
                return beste;
            }
        }
        pos += groep;
        if n >= MIN_IBAN && buf.get(..n).is_some_and(iban_geldig) && geen_alnum_na(tekst, pos) {
            beste = Some(pos);
        }
        if groep < 4 {
            return beste;
        }
        let s = spatie(b, pos);
        if s == 0 {
            return beste;
        }
        groep = run(pos + s);
        if groep == 0 || groep > 4 {
            return beste;
        }
        pos += s;
    }
}

fn zoek_ibans(tekst: &str) -> Vec<Vondst> {
    let b = tekst.as_bytes();
    let mut uit = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if byte(b, i).is_ascii_alphabetic() && geen_alnum_voor(tekst, i) {
            if let Some(eind) = iban_op(tekst, i) {
                uit.push(vondst(Persoonsgegeven::Iban, i, eind));
                i = eind;
                continue;
            }
        }
        i += 1;
    }
    uit
}

// ---------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------

/// A separator between digit groups at `i`: a space, `-`, `.` or `/`, the latter three
/// optionally with a space on either side. Returns the index after it and its kind (the
/// punctuation sign, or b' ' for a bare space).
fn scheiding(b: &[u8], i: usize) -> Option<(usize, u8)> {
    let mut p = i + spatie(b, i);
    let mut soort = b' ';
    if matches!(byte(b, p), b'-' | b'.' | b'/') {
        soort = byte(b, p);
        p += 1;
        p += spatie(b, p);
    }
    (p > i).then_some((p, soort))
}

/// Digit groups of a phone number: their lengths and the separator before each.
struct Groepen {
    lengtes: [usize; 10],
    scheidingen: [u8; 10],
    aantal: usize,
}

impl Groepen {
    fn lengte(&self, k: usize) -> usize {
        if k < self.aantal {
            self.lengtes.get(k).copied().unwrap_or(0)
        } else {
            0
        }
    }

    fn scheiding(&self, k: usize) -> u8 {
        if k < self.aantal {
            self.scheidingen.get(k).copied().unwrap_or(0)
        } else {
            0
        }
    }

    fn voeg_toe(&mut self, lengte: usize, scheiding: u8) -> bool {
        match (
            self.lengtes.get_mut(self.aantal),
            self.scheidingen.get_mut(self.aantal),
        ) {
            (Some(l), Some(s)) => {
                *l = lengte;
                *s = scheiding;
                self.aantal += 1;
                true
            }
            _ => false,
        }
    }
}

/// The end of a Dutch phone number starting at byte `start` (`0`, `+` or `(`).
fn telefoonnummer_op(b: &[u8], start: usize) -> Option<usize> {
    let mut pos = start;
    let internationaal = if byte(b, pos) == b'+' && b.get(pos + 1..pos + 3) == Some(b"31") {
        pos += 3;
        true
    } else if b.get(pos..pos + 4) == Some(b"0031") {
        pos += 4;
        true
    } else {
        false
    };
    let mut groepen = Groepen {
        lengtes: [0; 10],
        scheidingen: [0; 10],
        aantal: 0,
    };
    let mut totaal = 0;
    let mut soort = 0;
    let nodig = if internationaal { 9 } else { 10 };
    // Where the first digit group starts, to recognise the 2-digit area code "06".
    let eerste_groep;
    if internationaal {
        pos = scheiding(b, pos).map_or(pos, |(p, _)| p);
        if b.get(pos..pos + 3) == Some(b"(0)") {
            pos += 3;
            pos = scheiding(b, pos).map_or(pos, |(p, _)| p);
        }
        if !matches!(byte(b, pos), b'1'..=b'9') {
            return None;
        }
        eerste_groep = pos;
    } else if byte(b, pos) == b'(' {
        // An area code in parentheses: "(010) 123 4567", "(06) 12345678".
        pos += 1;
        eerste_groep = pos;
        let (n, p) = cijfers(b, pos);
        if byte(b, pos) != b'0'
            || !matches!(byte(b, pos + 1), b'1'..=b'9')
            || !(2..=4).contains(&n)
            || byte(b, p) != b')'
        {
            return None;
        }
        groepen.voeg_toe(n, 0);
        totaal = n;
        pos = p + 1;
        if let Some((p, s)) = scheiding(b, pos) {
            pos = p;
            soort = s;
        }
        if !byte(b, pos).is_ascii_digit() {
            return None;
        }
    } else {
        if byte(b, pos) != b'0' || !matches!(byte(b, pos + 1), b'1'..=b'9') {
            return None;
        }
        eerste_groep = pos;
    }
    // Digit groups until `nodig` digits in all.
    loop {
        let (n, p) = cijfers(b, pos);
        if n == 0 {
            return None;
        }
        totaal += n;
        if totaal > nodig || !groepen.voeg_toe(n, soort) {
            return None;
        }
        pos = p;
        if totaal == nodig {
            break;
        }
        let (na, s) = scheiding(b, pos)?;
        if !byte(b, na).is_ascii_digit() {
            return None;
        }
        pos = na;
        soort = s;
    }
    if byte(b, pos).is_ascii_digit() {
        return None;
    }

    // The first group is the area code or the whole number.
    let g0 = groepen.lengte(0);
    let eerste_ok = if internationaal {
        g0 == nodig || (1..=3).contains(&g0)
    } else {
        g0 == nodig || (3..=4).contains(&g0) || (g0 == 2 && byte(b, eerste_groep + 1) == b'6')
    };
    if !eerste_ok || (1..groepen.aantal).any(|k| groepen.lengte(k) < 2) {
        return None;
    }
    if !internationaal && g0 == 2 && groepen.lengte(1) == 2 {
        // A date: DD-MM-YYYY ..., or DD-MM-YY followed by something else.
        let g2 = groepen.lengte(2);
        let s1 = groepen.scheiding(1);
        let s2 = groepen.scheiding(2);
        let s3 = groepen.scheiding(3);
        if g2 == 4 || (g2 == 2 && s1 != b' ' && s1 == s2 && s3 != s1) {
            return None;
        }
    }
    Some(pos)
}

fn zoek_telefoonnummers(tekst: &str) -> Vec<Vondst> {
    let b = tekst.as_bytes();
    let mut uit = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if matches!(byte(b, i), b'0' | b'+' | b'(') && links_vrij(tekst, i) {
            if let Some(eind) = telefoonnummer_op(b, i) {
                if rechts_vrij(tekst, eind) {
                    uit.push(vondst(Persoonsgegeven::Telefoonnummer, i, eind));
                    i = eind;
                    continue;
                }
            }
        }
        i += 1;
    }
    uit
}

// ---------------------------------------------------------------------------------------
// BSNs
// ---------------------------------------------------------------------------------------

fn elfproef(d: &[u8; 9]) -> bool {
    if d.iter().all(|&c| c == b'0') {
        return false;
    }
    let som: i32 = d
        .iter()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(&c, gewicht)| i32::from(c.wrapping_sub(b'0')) * gewicht)
        .sum();
    som.rem_euclid(11) == 0
}

/// Whether the number at byte `i` is an amount: directly after `€` or `EUR` (one space
/// allowed in between).
fn na_valuta(tekst: &str, i: usize) -> bool {
    let b = tekst.as_bytes();
    let mut p = i;
    if p >= 1 && byte(b, p - 1) == b' ' {
        p -= 1;
    } else if p >= 2 && byte(b, p - 2) == 0xC2 && byte(b, p - 1) == 0xA0 {
        p -= 2;
    }
    let voor = b.get(..p).unwrap_or(&[]);
    voor.ends_with("€".as_bytes())
        || voor
            .get(voor.len().saturating_sub(3)..)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"EUR"))
}

/// The end of a BSN starting at byte `i`: nine digits, or three groups of three.
fn bsn_op(b: &[u8], i: usize) -> Option<usize> {
    let mut d = [0u8; 9];
    let (n, p) = cijfers(b, i);
    let eind = if n == 9 {
        d = <[u8; 9]>::try_from(b.get(i..p)?).ok()?;
        p
    } else if n == 3 {
        let sep = byte(b, p);
        if !matches!(sep, b'.' | b' ' | b'-') {
            return None;
        }
        let (n2, p2) = cijfers(b, p + 1);
        let (n3, p3) = cijfers(b, p2 + 1);
        if n2 != 3 || byte(b, p2) != sep || n3 != 3 {
            return None;
        }
        for (k, bereik) in [(0, i..p), (3, p + 1..p2), (6, p2 + 1..p3)] {
            for (plek, &c) in d.get_mut(k..k + 3)?.iter_mut().zip(b.get(bereik)?) {
                *plek = c;
            }
        }
        p3
    } else {
        return None;
    };
    elfproef(&d).then_some(eind)
}

fn zoek_bsns(tekst: &str) -> Vec<Vondst> {
    let b = tekst.as_bytes();
    let mut uit = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if byte(b, i).is_ascii_digit() && links_vrij(tekst, i) && !na_valuta(tekst, i) {
            if let Some(eind) = bsn_op(b, i) {
                if rechts_vrij(tekst, eind) {
                    uit.push(vondst(Persoonsgegeven::Bsn, i, eind));
                    i = eind;
                    continue;
                }
            }
        }
        i += 1;
    }
    uit
}

// ---------------------------------------------------------------------------------------
// What a reader sees
// ---------------------------------------------------------------------------------------

/// What the site shows in place of the complainant's own name.
pub const NAAM_VERWIJDERD: &str = "[naam verwijderd]";
/// What the site shows in place of the complainant's own contact details.
pub const CONTACT_VERWIJDERD: &str = "[contactgegevens verwijderd]";
/// What every output shows in place of a value of the `klager` or `contact` column itself:
/// that there was a value, not what it was.
pub const VERBORGEN: &str = "[verborgen]";

/// Every placeholder the redaction writes.
const ALLE_VERVANGINGEN: [&str; 7] = [
    "[e-mailadres verwijderd]",
    "[telefoonnummer verwijderd]",
    "[BSN verwijderd]",
    "[IBAN verwijderd]",
    NAAM_VERWIJDERD,
    CONTACT_VERWIJDERD,
    VERBORGEN,
];

/// [`ALLE_VERVANGINGEN`] in lower case, as [`Zicht`] compares texts.
fn kleine_vervangingen() -> &'static [String] {
    static KLEIN: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| ALLE_VERVANGINGEN.iter().map(|v| v.to_lowercase()).collect());
    &KLEIN
}

/// A value shorter than this (in characters, after normalising) is not looked for: two
/// letters would match inside ordinary words everywhere.
const KORTSTE_GEHEIM: usize = 3;

/// The values one case's texts must never show: the complainant's own name (`klager`)
/// and contact details (`contact`), each normalised as [`Zicht`] normalises a text; and
/// the words of the name, so that "Mevrouw Jansen belde" does not show the surname of
/// "Karin Jansen".
///
/// A word of a name is one that [`naamwoorden`] gives, and it is looked for where no
/// letter or digit adjoins it: "Jansen" hides "Jansen," and "JANSEN", not "Jansens" or "Janssen". Words
/// are looked for in the register's own texts (a description, a case file, an
/// explanation), not in the tool's messages and not in the columns that name staff (see
/// [`toon_zonder_naamwoorden`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geheimen {
    waarden: Vec<(String, &'static str)>,
    naamwoorden: Naamwoorden,
}

impl Geheimen {
    /// No values: texts that belong to no case pass the scanner only.
    pub const GEEN: Geheimen = Geheimen {
        waarden: Vec::new(),
        naamwoorden: Naamwoorden::GEEN,
    };

    /// The values of one case (or one row of `klachten.csv`).
    pub fn van(klager: Option<&str>, contact: Option<&str>) -> Geheimen {
        let mut g = Geheimen::default();
        g.voeg_toe(klager, NAAM_VERWIJDERD);
        g.voeg_toe(contact, CONTACT_VERWIJDERD);
        g
    }

    fn voeg_toe(&mut self, waarde: Option<&str>, vervanging: &'static str) {
        let Some(waarde) = waarde else { return };
        let z = zicht(waarde);
        let vorm = z.tekst.trim_matches([' ', '\n']).to_string();
        // The words of the name; of an e-mail contact, those before its `@`
        // (hanneke.brouwer@example.nl is Hanneke Brouwer, also when `klager` is empty).
        let naamdeel = if vervanging == NAAM_VERWIJDERD {
            Some(vorm.as_str())
        } else {
            vorm.split_once('@').map(|(lokaal, _)| lokaal)
        };
        self.naamwoorden
            .voeg_toe(naamwoorden(naamdeel.unwrap_or_default()).filter(|w| *w != vorm));
        if vorm.chars().count() >= KORTSTE_GEHEIM && !self.waarden.iter().any(|(w, _)| *w == vorm) {
            self.waarden.push((vorm, vervanging));
        }
    }

    /// Whether there is nothing to hide (a row of gebeurtenissen.csv holds no name).
    pub fn is_leeg(&self) -> bool {
        self.waarden.is_empty() && self.naamwoorden.is_leeg()
    }

    /// Adds `nieuw` to the values of case `zaak` in `per_zaak` (another row of its number,
    /// an earlier version of its row).
    pub fn voeg_bij<K, S>(per_zaak: &mut HashMap<K, Geheimen, S>, zaak: K, nieuw: Geheimen)
    where
        K: Eq + Hash,
        S: BuildHasher,
    {
        let eerder = per_zaak.remove(&zaak).unwrap_or_default();
        per_zaak.insert(zaak, nieuw.samen(&eerder));
    }

    /// The values, normalised.
    #[cfg(test)]
    pub fn waarden(&self) -> impl Iterator<Item = &str> {
        self.waarden.iter().map(|(waarde, _)| waarde.as_str())
    }

    /// Adds these values to `alle`, each name as a name.
    pub fn voeg_toe_aan(&self, alle: &mut Klagerwaarden) {
        for (waarde, vervanging) in &self.waarden {
            if *vervanging == NAAM_VERWIJDERD {
                alle.voeg_naam_toe(waarde);
            } else {
                alle.voeg_contact_toe(waarde);
            }
        }
    }

    /// These values and those of `ander` (two rows of one case number, say).
    pub fn samen(mut self, ander: &Geheimen) -> Geheimen {
        for (waarde, vervanging) in &ander.waarden {
            if !self.waarden.iter().any(|(w, _)| w == waarde) {
                self.waarden.push((waarde.clone(), vervanging));
            }
        }
        self.naamwoorden
            .voeg_toe(ander.naamwoorden.0.iter().map(String::as_str));
        self
    }
}

/// The words of a case's names, sorted and each once. A text is looked up in them word by
/// word ([`Zicht::redactie`]), so that a `klager` value of thousands of words (a hostile
/// register) costs a text no more than one of three.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Naamwoorden(Vec<String>);

impl Naamwoorden {
    const GEEN: Naamwoorden = Naamwoorden(Vec::new());

    fn voeg_toe<'w>(&mut self, woorden: impl Iterator<Item = &'w str>) {
        let voor = self.0.len();
        self.0.extend(woorden.map(str::to_string));
        if self.0.len() > voor {
            self.0.sort_unstable();
            self.0.dedup();
        }
    }

    fn bevat(&self, woord: &str) -> bool {
        self.0.binary_search_by(|w| w.as_str().cmp(woord)).is_ok()
    }

    fn is_leeg(&self) -> bool {
        self.0.is_empty()
    }
}

/// Words that a `klager` value may hold besides a name: a form of address, a title or a
/// role ("Mevrouw de Vries", "Drs. P. Vos", "Cliënt 14", "Werkgever Bakkerij Jansen",
/// "Moeder van Sanne Bos"), read alike (without accents); and the names of mailboxes that an
/// e-mail contact may start with (`info@`, `contact@`). They are ordinary words of every
/// case's texts ("de werkgever belde"), and are not looked for on their own; the whole value
/// still is. Words that are also surnames (Voogd, Zoon, Koster) are not among them.
const GEEN_NAAM: [&str; 56] = [
    // Forms of address and titles.
    "mevrouw",
    "meneer",
    "heer",
    "mevr",
    "dhr",
    "mej",
    "mejuffrouw",
    "drs",
    "ing",
    "prof",
    "jhr",
    // Who complains, or on whose behalf.
    "familie",
    "fam",
    "klant",
    "client",
    "klager",
    "klaagster",
    "deelnemer",
    "cursist",
    "werkgever",
    "werknemer",
    "vader",
    "moeder",
    "ouder",
    "ouders",
    "dochter",
    "partner",
    "echtgenoot",
    "echtgenote",
    "advocaat",
    "gemachtigde",
    "vertegenwoordiger",
    "bewindvoerder",
    "anoniem",
    "onbekend",
    "namens",
    // Mailboxes (also of departments, whose names are categories too).
    "info",
    "klachten",
    "communicatie",
    "service",
    "support",
    "helpdesk",
    "receptie",
    "facturatie",
    "planning",
    "personeelszaken",
    "contact",
    "mail",
    "email",
    "post",
    "office",
    "kantoor",
    "admin",
    "administratie",
    "secretariaat",
    "noreply",
];

/// The words of a name read alike (lower case): each run of letters and digits of at
/// least [`KORTSTE_GEHEIM`] characters with a letter in it (a number in a `klager` value,
/// "Cliënt 2025", is no name, and would hide every date), that is not one of the
/// [`TUSSENVOEGSELS`] or [`GEEN_NAAM`].
fn naamwoorden(naam: &str) -> impl Iterator<Item = &str> {
    naam.split(|c: char| !c.is_alphanumeric()).filter(|woord| {
        woord.chars().count() >= KORTSTE_GEHEIM
            && woord.chars().any(char::is_alphabetic)
            && !TUSSENVOEGSELS.contains(woord)
            && !GEEN_NAAM.contains(woord)
    })
}

/// A text shown outside any case (the name of a column, of a case file), read as redaction
/// reads a text ([`Zicht`]: lower case, without accents, single spaces), to be looked up
/// among the complainants' values ([`Klagerwaarden`]).
pub struct Zoeknaam(String);

impl Zoeknaam {
    pub fn new(naam: &str) -> Zoeknaam {
        Zoeknaam(zicht(naam).tekst.trim_matches([' ', '\n']).to_string())
    }
}

/// The names and contacts of a register's complainants, gathered once so that texts shown
/// outside any case can be looked up among them.
///
/// A text names a value when, read alike, one holds the other: a column `jansen` names
/// "K. Jansen", a column `k. jansen extra` does too. A text also names a complainant when
/// it holds a word of their name, or of their e-mail address before the `@`, with no letter
/// right before or after it: a case file `Vos1.md` names "Willemijn Vos", a column
/// `evaluatie` does not name "Eva de Wit". Texts, values and words shorter than
/// [`KORTSTE_GEHEIM`] characters are not looked for, as in redaction. A look-up is one
/// search through all values for the text, and two hash look-ups for each part of the text
/// that could be a value or a word.
/// Looking at every row for every text instead took some 9 ms per text at 100,000 cases:
/// with 32 extra columns in klachten.csv, `check` took 0.47 to 0.61 s, and takes 0.19 to
/// 0.33 s this way (see docs/performance.md).
#[derive(Default)]
pub struct Klagerwaarden {
    /// Every value, read alike, with a NUL byte before each and after the last: no value
    /// holds one, as the reading leaves control characters out.
    tekst: String,
    /// The hashes of the values of at least [`KORTSTE_GEHEIM`] characters.
    hashes: rustc_hash::FxHashSet<u64>,
    /// The hashes of the words of the names (see [`Klagerwaarden::voeg_naam_toe`]). A word
    /// is known by its hash alone: two words of one hash would hide a text that names
    /// neither, never show one.
    naamwoorden: rustc_hash::FxHashSet<u64>,
}

/// Words of a Dutch name that are ordinary words too ("Jan van der Berg"): not looked for
/// on their own.
const TUSSENVOEGSELS: [&str; 13] = [
    "van", "der", "den", "het", "ten", "ter", "tot", "uit", "aan", "bij", "von", "des", "del",
];

impl Klagerwaarden {
    /// Adds a complainant's contact, as the register holds it: the value, and when it is
    /// an e-mail address, the words of the part before its `@` as words of a name
    /// (`hanneke.brouwer@example.nl` holds the name "Hanneke Brouwer"; the domain is no
    /// name).
    pub fn voeg_contact_toe(&mut self, contact: &str) {
        let vorm = self.voeg_vorm_toe(contact);
        if let Some(at) = self.tekst[vorm.clone()].find('@') {
            self.voeg_naamwoorden_toe(vorm.start..vorm.start + at);
        }
    }

    /// Adds a row's complainant: its name and contact, where it has them.
    pub fn voeg_klager_toe(&mut self, klager: Option<&str>, contact: Option<&str>) {
        if let Some(klager) = klager {
            self.voeg_naam_toe(klager);
        }
        if let Some(contact) = contact {
            self.voeg_contact_toe(contact);
        }
    }

    /// Adds a complainant's name: the value, as [`Klagerwaarden::voeg_contact_toe`], and
    /// each of its words that [`naamwoorden`] gives.
    pub fn voeg_naam_toe(&mut self, naam: &str) {
        let vorm = self.voeg_vorm_toe(naam);
        self.voeg_naamwoorden_toe(vorm);
    }

    /// Adds the words of `tekst[deel]` as words of a name.
    fn voeg_naamwoorden_toe(&mut self, deel: std::ops::Range<usize>) {
        for woord in naamwoorden(&self.tekst[deel]) {
            self.naamwoorden.insert(hash(woord));
        }
    }

    /// Adds a value read alike; where it stands in `tekst`.
    fn voeg_vorm_toe(&mut self, waarde: &str) -> std::ops::Range<usize> {
        let waarde = waarde.trim_matches(' ');
        if self.tekst.is_empty() {
            self.tekst.push('\0');
        }
        let begin = self.tekst.len();
        // Most values are read as they are written, but for letter case.
        if is_gewoon(waarde) {
            self.tekst.push_str(waarde);
            self.tekst[begin..].make_ascii_lowercase();
        } else {
            self.tekst.push_str(&Zoeknaam::new(waarde).0);
        }
        let vorm = &self.tekst[begin..];
        if vorm.chars().count() >= KORTSTE_GEHEIM {
            self.hashes.insert(hash(vorm));
        }
        let eind = self.tekst.len();
        self.tekst.push('\0');
        begin..eind
    }

    /// Whether showing `naam` could show one of the values, or part of one.
    pub fn noemt(&self, naam: &Zoeknaam) -> bool {
        // A value that holds the text.
        let tekst = naam.0.as_str();
        (tekst.chars().count() >= KORTSTE_GEHEIM
            && memchr::memmem::find(self.tekst.as_bytes(), tekst.as_bytes()).is_some())
            || self.houdt(naam)
    }

    /// Whether `naam` holds one of the values or a word of a name: a category "klacht
    /// Jansen" for a complainant Karin Jansen. Unlike [`Klagerwaarden::noemt`], a text that
    /// is only part of a value does not count: "communicatie" is no name for a complainant
    /// whose contact is `communicatie@gemeente.nl`.
    pub fn houdt(&self, naam: &Zoeknaam) -> bool {
        let naam = naam.0.as_str();
        // A value, or a word of a name, that the text holds: a part of it, from one
        // character to another. A word of a name counts where no letter adjoins it, so
        // that `vos1` holds "Vos" but `evaluatie` does not hold "Eva".
        let grenzen: Vec<usize> = naam
            .char_indices()
            .map(|(i, _)| i)
            .chain([naam.len()])
            .collect();
        let letter_voor = |i: usize| {
            naam[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        };
        let letter_na = |i: usize| naam[i..].chars().next().is_some_and(char::is_alphabetic);
        grenzen.iter().enumerate().any(|(i, &begin)| {
            let einden = grenzen.get(i + KORTSTE_GEHEIM..).unwrap_or_default();
            einden.iter().any(|&eind| {
                let deel = &naam[begin..eind];
                let h = hash(deel);
                self.is_waarde(deel, h)
                    || (self.naamwoorden.contains(&h) && !letter_voor(begin) && !letter_na(eind))
            })
        })
    }

    /// Whether `naam` is one of the values, whole: a handler called as a complainant is.
    pub fn is_een_waarde(&self, naam: &Zoeknaam) -> bool {
        let naam = naam.0.as_str();
        naam.chars().count() >= KORTSTE_GEHEIM && self.is_waarde(naam, hash(naam))
    }

    /// Whether `deel`, of hash `h`, is one of the values, whole.
    fn is_waarde(&self, deel: &str, h: u64) -> bool {
        self.hashes.contains(&h)
            && memchr::memmem::find(self.tekst.as_bytes(), format!("\0{deel}\0").as_bytes())
                .is_some()
    }
}

/// A text's hash, the same in every run.
fn hash(tekst: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(tekst.as_bytes());
    h.finish()
}

/// What was found in the text a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gevonden {
    Gegeven(Persoonsgegeven),
    /// The case's own `klager` value.
    Naam,
    /// The case's own `contact` value.
    Contact,
}

/// The text a reader sees, assembled from pieces of a source (one text, or the text
/// events of a Markdown document), with for every byte the source character it stands
/// for. The scanner and the case's own values are looked for in this text, never in the
/// source, so that what a reader sees is what is judged.
///
/// Normalised as a reader takes it in: a run of white space (spaces, tabs, line breaks,
/// no-break spaces) is one space; characters that show as nothing (soft hyphens,
/// zero-width spaces and joiners, direction marks and overrides, variation selectors:
/// Unicode's default-ignorable code points) and control characters are left out;
/// full-width forms and mathematical digits are read as the ASCII characters they look
/// like; letters are compared in lower case.
#[derive(Default)]
pub struct Zicht {
    tekst: String,
    /// Per byte of `tekst`: the piece and byte range of the source character it stands
    /// for; [`GEEN_BRON`] for a space or boundary no source character stands for.
    herkomst: Vec<Herkomst>,
    /// Source characters that are removed from what is shown whatever is found:
    /// direction overrides and isolates, which would show a text in another order than
    /// the one judged here.
    wissen: Vec<Herkomst>,
    /// Whether the text is one piece that is its own normalised form but for letter
    /// case (see [`Zicht::gewoon`]): then byte `i` stands for byte `i` of piece 0, and
    /// `herkomst` stays empty.
    een_op_een: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Herkomst {
    stuk: u32,
    begin: u32,
    eind: u32,
}

const GEEN_BRON: Herkomst = Herkomst {
    stuk: u32::MAX,
    begin: 0,
    eind: 0,
};

/// Whether `c` shows as nothing: Unicode's default-ignorable code points
/// (DerivedCoreProperties.txt), and control characters other than white space.
fn is_onzichtbaar(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
        || (c.is_control() && !c.is_whitespace())
}

/// Whether `c` changes the order in which the text around it is shown (bidirectional
/// embeddings, overrides and isolates).
pub fn is_richtingteken(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The ASCII character that `c` looks like, for full-width forms (`０６`) and
/// mathematical digits (`𝟎𝟔`).
fn als_ascii(c: char) -> char {
    let n = u32::from(c);
    let gelijk = match n {
        0xFF01..=0xFF5E => n - 0xFEE0,
        0x1D7CE..=0x1D7FF => u32::from(b'0') + (n - 0x1D7CE) % 10,
        _ => return c,
    };
    char::from_u32(gelijk).unwrap_or(c)
}

impl Zicht {
    /// The text `tekst` (one piece, number 0) when it needs no normalising but lower case:
    /// printable ASCII with single spaces ([`is_gewoon`]), as most values of a register
    /// are. The same outcome as [`Zicht::stuk`], without a map from byte to byte: at 100,000
    /// cases the map made `check` take a fifth longer.
    fn gewoon(tekst: &str) -> Zicht {
        let begin = tekst.len() - tekst.trim_start_matches(' ').len();
        Zicht {
            tekst: tekst.to_ascii_lowercase(),
            herkomst: Vec::new(),
            wissen: Vec::new(),
            een_op_een: begin == 0,
        }
    }

    /// The source character byte `i` of the text stands for.
    fn bron(&self, i: usize) -> Herkomst {
        if self.een_op_een {
            Herkomst {
                stuk: 0,
                begin: i as u32,
                eind: i as u32 + 1,
            }
        } else {
            self.herkomst.get(i).copied().unwrap_or(GEEN_BRON)
        }
    }

    /// Appends piece number `stuk` of the source, `tekst`.
    pub fn stuk(&mut self, stuk: u32, tekst: &str) {
        for (i, c) in tekst.char_indices() {
            let bron = Herkomst {
                stuk,
                begin: i as u32,
                eind: (i + c.len_utf8()) as u32,
            };
            if is_richtingteken(c) {
                self.wissen.push(bron);
            }
            if c.is_whitespace() {
                self.spatie(bron);
            } else if !is_onzichtbaar(c) {
                // Decomposed, without accents: a name written with "é" as one character
                // or as "e" and a combining accent (as some editors save it) reads the
                // same, and so does one written without the accent.
                let basis = als_ascii(c).nfd().filter(|d| !is_combining_mark(*d));
                for klein in basis.flat_map(char::to_lowercase) {
                    let mut buf = [0u8; 4];
                    let s = match klein {
                        // Written out as a name may be spelled elsewhere: "Weiß" as
                        // "WEISS", the Dutch ligature "ĳ" as "ij".
                        'ß' => "ss",
                        'ĳ' => "ij",
                        _ => klein.encode_utf8(&mut buf),
                    };
                    self.tekst.push_str(s);
                    self.herkomst.extend(std::iter::repeat_n(bron, s.len()));
                }
            }
        }
    }

    /// White space that no source character stands for (a line break the renderer shows
    /// as a space).
    pub fn witruimte(&mut self) {
        self.spatie(GEEN_BRON);
    }

    fn spatie(&mut self, bron: Herkomst) {
        if !matches!(self.tekst.as_bytes().last(), None | Some(b' ' | b'\n')) {
            self.tekst.push(' ');
            self.herkomst.push(bron);
        }
    }

    /// A boundary between blocks (paragraphs, table cells): nothing is recognised across
    /// it.
    pub fn grens(&mut self) {
        match self.tekst.as_bytes().last() {
            None | Some(b'\n') => {}
            Some(b' ') => {
                self.tekst.pop();
                self.tekst.push('\n');
                if let Some(h) = self.herkomst.last_mut() {
                    *h = GEEN_BRON;
                }
            }
            Some(_) => {
                self.tekst.push('\n');
                self.herkomst.push(GEEN_BRON);
            }
        }
    }

    /// The normalised text, as the scanner sees it.
    pub fn tekst(&self) -> &str {
        &self.tekst
    }

    /// Everything to remove from the source: each occurrence of personal data or of one
    /// of `geheimen`, mapped back onto the pieces.
    pub fn redactie(&self, geheimen: &Geheimen) -> Redactie {
        self.redactie_met(geheimen, &geheimen.naamwoorden)
    }

    /// As [`Zicht::redactie`], looking for `naamwoorden` as the words of the names.
    fn redactie_met(&self, geheimen: &Geheimen, naamwoorden: &Naamwoorden) -> Redactie {
        let scanner = zoek(&self.tekst);
        let mut treffers: Vec<(usize, usize, Gevonden, &'static str)> = scanner
            .iter()
            .map(|v| {
                (
                    v.begin,
                    v.eind,
                    Gevonden::Gegeven(v.soort),
                    v.soort.vervanging(),
                )
            })
            .collect();
        // A placeholder already in the text is left alone, whatever the case's own values
        // are: redacting twice changes nothing.
        let mut vervangingen: Vec<(usize, usize)> = Vec::new();
        if !geheimen.waarden.is_empty() {
            for klein in kleine_vervangingen() {
                vervangingen.extend(
                    vind_alle(&self.tekst, klein)
                        .into_iter()
                        .map(|b| (b, b + klein.len())),
                );
            }
            vervangingen.sort_unstable();
        }
        // Where `naald` stands in the text, but for inside a placeholder.
        let vervangingen = &vervangingen;
        let buiten_vervangingen = |naald: &str| {
            let lengte = naald.len();
            vind_alle(&self.tekst, naald)
                .into_iter()
                .filter(move |&begin| {
                    let i = vervangingen.partition_point(|&(_, e)| e <= begin);
                    vervangingen
                        .get(i)
                        .is_none_or(|&(b, _)| b >= begin + lengte)
                })
        };
        for (waarde, vervanging) in &geheimen.waarden {
            let soort = if *vervanging == NAAM_VERWIJDERD {
                Gevonden::Naam
            } else {
                Gevonden::Contact
            };
            for begin in buiten_vervangingen(waarde) {
                treffers.push((begin, begin + waarde.len(), soort, vervanging));
            }
        }
        // A word of a name stands where no letter or digit adjoins it: it is a whole run of
        // letters and digits of the text, looked up among the words.
        if !naamwoorden.is_leeg() {
            for (begin, woord) in alnum_runs(&self.tekst) {
                let eind = begin + woord.len();
                let in_vervanging = {
                    let i = vervangingen.partition_point(|&(_, e)| e <= begin);
                    vervangingen.get(i).is_some_and(|&(b, _)| b < eind)
                };
                if naamwoorden.bevat(woord) && !in_vervanging {
                    treffers.push((begin, eind, Gevonden::Naam, NAAM_VERWIJDERD));
                }
            }
        }
        treffers.sort_by_key(|t| (t.0, std::cmp::Reverse(t.1)));

        let mut weglatingen: Vec<Weglating> = Vec::new();
        let mut vondsten = Vec::new();
        let mut tot = 0;
        for (begin, eind, soort, vervanging) in treffers {
            if begin < tot {
                // Overlaps the one before: widen that one.
                if eind > tot {
                    self.weg(tot, eind, None, &mut weglatingen);
                    tot = eind;
                }
                continue;
            }
            self.weg(begin, eind, Some(vervanging), &mut weglatingen);
            if let Some(bron) = self.eerste_bron(begin, eind) {
                vondsten.push(Vondstplek {
                    soort,
                    stuk: bron.stuk,
                    byte: bron.begin,
                });
            }
            tot = eind;
        }
        weglatingen.extend(self.wissen.iter().map(|h| Weglating {
            stuk: h.stuk,
            begin: h.begin,
            eind: h.eind,
            vervanging: None,
        }));
        weglatingen.sort_by_key(|w| (w.stuk, w.begin, std::cmp::Reverse(w.eind)));
        Redactie {
            weglatingen,
            vondsten,
            scanner: scanner
                .iter()
                .filter_map(|v| {
                    let bron = self.eerste_bron(v.begin, v.eind)?;
                    Some(Vondstplek {
                        soort: Gevonden::Gegeven(v.soort),
                        stuk: bron.stuk,
                        byte: bron.begin,
                    })
                })
                .collect(),
        }
    }

    /// The first source character among bytes `begin..eind` of the text.
    fn eerste_bron(&self, begin: usize, eind: usize) -> Option<Herkomst> {
        (begin..eind.min(self.tekst.len()))
            .map(|i| self.bron(i))
            .find(|h| h.stuk != u32::MAX)
    }

    /// Adds what bytes `begin..eind` of the text stand for to `weglatingen`: per piece,
    /// from its first source character to its last. The placeholder goes with the first.
    fn weg(
        &self,
        begin: usize,
        eind: usize,
        mut vervanging: Option<&'static str>,
        weglatingen: &mut Vec<Weglating>,
    ) {
        let mut huidig: Option<Weglating> = None;
        let bronnen = (begin..eind.min(self.tekst.len())).map(|i| self.bron(i));
        for h in bronnen.filter(|h| h.stuk != u32::MAX) {
            match &mut huidig {
                Some(w) if w.stuk == h.stuk => w.eind = w.eind.max(h.eind),
                _ => {
                    weglatingen.extend(huidig.take());
                    huidig = Some(Weglating {
                        stuk: h.stuk,
                        begin: h.begin,
                        eind: h.eind,
                        vervanging: vervanging.take(),
                    });
                }
            }
        }
        weglatingen.extend(huidig);
    }
}

/// A stretch of one piece of the source to leave out, and what to show in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Weglating {
    stuk: u32,
    begin: u32,
    eind: u32,
    vervanging: Option<&'static str>,
}

/// Where `naald` occurs in `hooi`, not overlapping. Most texts and values are short, and
/// for them comparing byte by byte is quicker than preparing a search (preparing took a
/// few percent of `build` at 100,000 cases); longer ones get a prepared search, linear in
/// their length.
fn vind_alle(hooi: &str, naald: &str) -> Vec<usize> {
    let (h, n) = (hooi.as_bytes(), naald.as_bytes());
    let Some(&eerste) = n.first() else {
        return Vec::new();
    };
    if h.len() < n.len() || memchr::memchr(eerste, h).is_none() {
        return Vec::new();
    }
    if h.len().saturating_mul(n.len()) > 1 << 14 {
        return memchr::memmem::find_iter(h, n).collect();
    }
    // Compared only where the first byte is.
    let mut uit = Vec::new();
    let mut vrij = 0;
    for i in memchr::memchr_iter(eerste, h) {
        if i >= vrij && h[i..].starts_with(n) {
            uit.push(i);
            vrij = i + n.len();
        }
    }
    uit
}

/// Where something was found: the piece and the byte in it where the source of the
/// occurrence begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vondstplek {
    pub soort: Gevonden,
    pub stuk: u32,
    pub byte: u32,
}

/// What [`Zicht::redactie`] decided for a source: what to leave out of each piece, and
/// what was found where.
#[derive(Debug, Clone, Default)]
pub struct Redactie {
    /// Sorted by piece and start.
    weglatingen: Vec<Weglating>,
    /// Every occurrence that is redacted, in the order of the text.
    pub vondsten: Vec<Vondstplek>,
    /// What the scanner alone found (e-mail addresses, phone numbers, BSNs, IBANs), in
    /// the order of the text: what art-6-persoonsgegevens judges.
    pub scanner: Vec<Vondstplek>,
}

impl Redactie {
    /// Whether nothing is left out.
    pub fn is_leeg(&self) -> bool {
        self.weglatingen.is_empty()
    }

    /// Piece number `stuk` of the source, `tekst`, as it is shown.
    pub fn pas_toe<'t>(&self, stuk: u32, tekst: &'t str) -> Cow<'t, str> {
        let begin = self.weglatingen.partition_point(|w| w.stuk < stuk);
        let eind = self.weglatingen.partition_point(|w| w.stuk <= stuk);
        let Some(hier) = self.weglatingen.get(begin..eind).filter(|h| !h.is_empty()) else {
            return Cow::Borrowed(tekst);
        };
        let mut uit = String::with_capacity(tekst.len());
        let mut pos = 0;
        for w in hier {
            let (b, e) = (w.begin as usize, w.eind as usize);
            if b >= pos {
                uit.push_str(tekst.get(pos..b).unwrap_or_default());
            }
            uit.push_str(w.vervanging.unwrap_or_default());
            pos = pos.max(e);
        }
        uit.push_str(tekst.get(pos..).unwrap_or_default());
        Cow::Owned(uit)
    }
}

/// `tekst` as every output shows a free-text value of the register: with every e-mail
/// address, phone number, BSN and IBAN, and every one of `geheimen`, replaced by a
/// placeholder, found in the text as a reader sees it (see [`Zicht`]), and without
/// direction overrides.
///
/// This function, or [`toon_zonder_naamwoorden`] for staff names and the tool's own
/// messages, is the one way every such value takes to an output: the site's pages, the
/// text, JSON, JUnit, SARIF and GitHub formats, input errors and the messages of findings.
pub fn toon<'t>(tekst: &'t str, geheimen: &Geheimen) -> Cow<'t, str> {
    toon_met(tekst, geheimen, &geheimen.naamwoorden)
}

/// As [`toon`], in place: `tekst` becomes what every output may show of it.
pub fn toon_in_plaats(tekst: &mut String, geheimen: &Geheimen) {
    if let Cow::Owned(getoond) = toon(tekst, geheimen) {
        *tekst = getoond;
    }
}

/// As [`toon`], without looking for the words of the names on their own (the whole name
/// and contact still go): for the texts that the tool writes itself (a finding's message,
/// an input error's), whose words "klager" or "termijn" must stay whatever the
/// complainant is called, and for the names of staff (`behandelaar`, `beklaagde`), who may
/// share a surname with a complainant.
pub fn toon_zonder_naamwoorden<'t>(tekst: &'t str, geheimen: &Geheimen) -> Cow<'t, str> {
    toon_met(tekst, geheimen, &GEEN_WOORDEN)
}

/// As [`toon_zonder_naamwoorden`], in place.
pub fn toon_in_plaats_zonder_naamwoorden(tekst: &mut String, geheimen: &Geheimen) {
    if let Cow::Owned(getoond) = toon_zonder_naamwoorden(tekst, geheimen) {
        *tekst = getoond;
    }
}

/// A sentence the tool writes that quotes values of the register: "gebeurtenis gesprek:
/// toelichting „(leeg)” → „Mevrouw Jansen gebeld”". The tool's words and the values are
/// kept apart until the sentence is shown ([`Zin::toon`]): a quoted value is a text of the
/// register and hides the words of the complainant's name, the tool's words do not (a
/// complainant called "W. Termijn" leaves "termijn" alone), nor do the names of staff
/// (a colleague may share the complainant's surname).
///
/// The sentence is one string with the stretches that are values marked: the case pages
/// keep one for every change of every row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Zin {
    tekst: String,
    /// The stretches of `tekst` that are values of the register, in order, each marked
    /// when cases share it ([`Zin::gedeelde_waarde`]).
    waarden: Vec<(std::ops::Range<u32>, bool)>,
}

impl Zin {
    /// The sentence with the tool's words `tekst` added.
    pub fn eigen(mut self, tekst: &str) -> Zin {
        self.tekst.push_str(tekst);
        self
    }

    /// The sentence with the name of a member of staff `tekst` added: shown as the tool's
    /// words are, with only the whole name or contact hidden.
    pub fn naam(self, tekst: &str) -> Zin {
        self.eigen(tekst)
    }

    /// The sentence with the register's value `tekst` added.
    pub fn waarde(self, tekst: &str) -> Zin {
        self.met_waarde(tekst, false)
    }

    /// The sentence with a value that cases share (a category) added: shown as a value of
    /// the register, and hidden whole where it names a complainant of any case
    /// ([`Zin::toon_zonder`]).
    pub fn gedeelde_waarde(self, tekst: &str) -> Zin {
        self.met_waarde(tekst, true)
    }

    fn met_waarde(mut self, tekst: &str, gedeeld: bool) -> Zin {
        let begin = self.tekst.len() as u32;
        self.tekst.push_str(tekst);
        self.waarden.push((begin..self.tekst.len() as u32, gedeeld));
        self
    }

    /// The sentence with `ander` added.
    pub fn en(mut self, ander: Zin) -> Zin {
        let verschuiving = self.tekst.len() as u32;
        self.tekst.push_str(&ander.tekst);
        self.waarden.extend(
            ander
                .waarden
                .into_iter()
                .map(|(r, gedeeld)| (r.start + verschuiving..r.end + verschuiving, gedeeld)),
        );
        self
    }

    /// The sentence as every output may show it: each quoted value as [`toon`] shows a free
    /// text, then the whole as [`toon_zonder_naamwoorden`] shows the tool's texts and the
    /// names of staff (the whole name or contact may span a value and the words around
    /// it).
    pub fn toon(&self, geheimen: &Geheimen) -> String {
        self.toon_zonder(geheimen, |_| false)
    }

    /// As [`Zin::toon`], with each shared value that `verborgen` names shown as
    /// "[naam verwijderd]" whole: a category that names a complainant of another case, which
    /// the site hides everywhere (`statistiek::Gedeeld`).
    pub fn toon_zonder(&self, geheimen: &Geheimen, verborgen: impl Fn(&str) -> bool) -> String {
        let mut tekst = String::with_capacity(self.tekst.len());
        let mut vanaf = 0;
        for (r, gedeeld) in &self.waarden {
            let (begin, eind) = (r.start as usize, r.end as usize);
            let waarde = self.tekst.get(begin..eind).unwrap_or_default();
            tekst.push_str(self.tekst.get(vanaf..begin).unwrap_or_default());
            if *gedeeld && verborgen(waarde) {
                tekst.push_str(NAAM_VERWIJDERD);
            } else {
                tekst.push_str(&toon(waarde, geheimen));
            }
            vanaf = eind;
        }
        tekst.push_str(self.tekst.get(vanaf..).unwrap_or_default());
        toon_in_plaats_zonder_naamwoorden(&mut tekst, geheimen);
        tekst
    }
}

/// No words of names: for [`toon_zonder_naamwoorden`].
static GEEN_WOORDEN: Naamwoorden = Naamwoorden::GEEN;

/// `tekst` redacted with `geheimen`'s values and the words `naamwoorden`.
fn toon_met<'t>(tekst: &'t str, geheimen: &Geheimen, naamwoorden: &Naamwoorden) -> Cow<'t, str> {
    let mut getoond = Cow::Borrowed(tekst);
    // A placeholder can free a number that a name glued to it hid ("Jansen0612345678"):
    // look again until nothing more is found.
    for _ in 0..MAX_RONDEN {
        match een_ronde(&getoond, geheimen, naamwoorden) {
            Some(verder) => getoond = Cow::Owned(verder),
            None => break,
        }
    }
    getoond
}

/// How often a text is looked at again after a redaction (see [`toon`]). Each round
/// removes at least one digit or `@`, or one of the case's own values; more than a few
/// rounds only a text made for it needs.
pub const MAX_RONDEN: usize = 8;

/// `tekst` redacted once, or None when nothing was found.
fn een_ronde(tekst: &str, geheimen: &Geheimen, naamwoorden: &Naamwoorden) -> Option<String> {
    if geheimen.waarden.is_empty() && is_gewoon(tekst) {
        // The text is its own normalised form: the scanner alone decides.
        let gevonden = zoek(tekst);
        return (!gevonden.is_empty()).then(|| redigeer_met(tekst, &gevonden));
    }
    let redactie = zicht(tekst).redactie_met(geheimen, naamwoorden);
    (!redactie.is_leeg()).then(|| redactie.pas_toe(0, tekst).into_owned())
}

/// The text a reader sees of `tekst`, one piece.
fn zicht(tekst: &str) -> Zicht {
    if is_gewoon(tekst) {
        let z = Zicht::gewoon(tekst);
        if z.een_op_een {
            return z;
        }
    }
    let mut z = Zicht::default();
    z.stuk(0, tekst);
    z
}

/// Whether `tekst` is already as [`Zicht`] would make it, but for letter case: printable
/// ASCII with single spaces. The scanner treats letter case alike.
fn is_gewoon(tekst: &str) -> bool {
    let mut spatie = false;
    tekst.bytes().all(|c| {
        let goed = c.is_ascii_graphic() || (c == b' ' && !spatie);
        spatie = c == b' ';
        goed
    })
}

/// `tekst` with the occurrences `gevonden` (sorted, not overlapping) replaced.
fn redigeer_met(tekst: &str, gevonden: &[Vondst]) -> String {
    let mut uit = String::with_capacity(tekst.len());
    let mut pos = 0;
    for v in gevonden {
        uit.push_str(tekst.get(pos..v.begin).unwrap_or(""));
        uit.push_str(v.soort.vervanging());
        pos = v.eind;
    }
    uit.push_str(tekst.get(pos..).unwrap_or(""));
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted values of a sentence hide the words of the name, the tool's words and
    /// the names of staff do not; the whole name goes everywhere.
    #[test]
    fn een_zin_verbergt_woorden_van_de_naam_alleen_in_wat_hij_aanhaalt() {
        let geheimen = Geheimen::van(Some("Willem Termijn"), Some("w@termijn.nl"));
        let zin = Zin::default()
            .eigen("termijn verstreken: „")
            .waarde("termijn gemist, Willem gebeld")
            .eigen("” door ")
            .naam("P. Termijn")
            .eigen(", melder Willem Termijn");
        assert_eq!(
            zin.toon(&geheimen),
            "termijn verstreken: „[naam verwijderd] gemist, [naam verwijderd] gebeld” door \
             P. Termijn, melder [naam verwijderd]"
        );
    }
    use Persoonsgegeven::*;

    /// The findings as (kind, matched text, line).
    fn vind(tekst: &str) -> Vec<(Persoonsgegeven, &str, u32)> {
        zoek(tekst)
            .into_iter()
            .map(|v| {
                (
                    v.soort,
                    tekst.get(v.begin..v.eind).unwrap_or("<ongeldig>"),
                    v.line,
                )
            })
            .collect()
    }

    fn soorten(tekst: &str) -> Vec<(Persoonsgegeven, &str)> {
        vind(tekst).into_iter().map(|(s, t, _)| (s, t)).collect()
    }

    fn controleer_invarianten(tekst: &str) {
        let vondsten = zoek(tekst);
        let mut vorig_eind = 0;
        for v in &vondsten {
            assert!(v.begin < v.eind, "{v:?} in {tekst:?}");
            assert!(v.begin >= vorig_eind, "overlap {vondsten:?} in {tekst:?}");
            assert!(tekst.get(v.begin..v.eind).is_some(), "{v:?} in {tekst:?}");
            assert!(v.line >= 1);
            vorig_eind = v.eind;
        }
        let r = redigeer(tekst);
        if vondsten.is_empty() {
            assert_eq!(r, tekst);
        }
    }

    // --- names -------------------------------------------------------------------------

    #[test]
    fn namen_en_vervangingen() {
        assert_eq!(Email.naam(), "e-mailadres");
        assert_eq!(Telefoonnummer.naam(), "telefoonnummer");
        assert_eq!(Bsn.naam(), "BSN");
        assert_eq!(Iban.naam(), "IBAN");
        assert_eq!(Email.vervanging(), "[e-mailadres verwijderd]");
        assert_eq!(Telefoonnummer.vervanging(), "[telefoonnummer verwijderd]");
        assert_eq!(Bsn.vervanging(), "[BSN verwijderd]");
        assert_eq!(Iban.vervanging(), "[IBAN verwijderd]");
    }

    // --- is_bsn ------------------------------------------------------------------------

    /// The elfproef computed independently, for the test values.
    fn elfproef_som(s: &str) -> i32 {
        s.bytes()
            .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
            .map(|(c, w)| i32::from(c - b'0') * w)
            .sum()
    }

    #[test]
    fn bsn_elfproef() {
        // 9+8+7+12+10+8+9+6-3 = 66 = 6*11
        assert_eq!(elfproef_som("111222333"), 66);
        assert!(is_bsn("111222333"));
        // 9+16+21+24+25+24+21+16-9 = 147, 147 mod 11 = 4
        assert_eq!(elfproef_som("123456789"), 147);
        assert!(!is_bsn("123456789"));
        // 156 - 2 = 154 = 14*11
        assert_eq!(elfproef_som("123456782"), 154);
        assert!(is_bsn("123456782"));
        assert!(!is_bsn("000000000"));
        assert!(!is_bsn("11122233"));
        assert!(!is_bsn("1112223330"));
        assert!(!is_bsn("11122233a"));
        assert!(!is_bsn("111 222 333"));
        assert!(!is_bsn(" 111222333"));
        assert!(!is_bsn("１１１２２２３３３"));
        assert!(!is_bsn(""));
        assert!(!is_bsn("ééééééééé"));
    }

    #[test]
    fn bsn_negatieve_som() {
        // Only the last digit: -9, not a multiple of 11 (rem_euclid, not %).
        assert!(!is_bsn("000000009"));
        // 2*1 - 2 = 0: all-but-zero number whose sum is 0 passes.
        assert!(is_bsn("000000012"));
    }

    // --- is_iban -----------------------------------------------------------------------

    #[test]
    fn iban_controle() {
        assert!(is_iban("NL91ABNA0417164300"));
        assert!(is_iban("NL91 ABNA 0417 1643 00"));
        assert!(is_iban("nl91abna0417164300"));
        assert!(is_iban("GB82WEST12345698765432"));
        assert!(is_iban("GB82 WEST 1234 5698 7654 32"));
        assert!(is_iban("DE89370400440532013000"));
        assert!(is_iban("BE68539007547034"));
        assert!(!is_iban("NL91ABNA0417164301"));
        assert!(!is_iban("NL92ABNA0417164300"));
        assert!(!is_iban("NL91ABNA04171643"));
        assert!(!is_iban("NL91ABNA041716430000"));
        assert!(!is_iban("NL91-ABNA-0417-1643-00"));
        assert!(!is_iban("91NLABNA0417164300"));
        assert!(!is_iban("NL9AABNA0417164300"));
        assert!(!is_iban("NL91"));
        assert!(!is_iban(""));
        assert!(!is_iban("NL91ABNA0417164300NL91ABNA0417164300"));
        assert!(!is_iban("NL91ABNÅ0417164300"));
    }

    #[test]
    fn iban_onbekend_land_alleen_mod97() {
        // "XX" is not in the length table: any length 15..=34 with a valid checksum.
        let iban = maak_iban("XX", "ABCD1234567890");
        assert!(is_iban(&iban), "{iban}");
        let mut fout = iban.clone();
        fout.push('0');
        assert!(!is_iban(&fout));
    }

    /// Computes the check digits for `land` + `bban`.
    fn maak_iban(land: &str, bban: &str) -> String {
        for cc in 0..100 {
            let kandidaat = format!("{land}{cc:02}{bban}");
            if iban_geldig(kandidaat.as_bytes()) {
                return kandidaat;
            }
        }
        String::new()
    }

    // --- e-mail ------------------------------------------------------------------------

    #[test]
    fn email_in_tekst() {
        assert_eq!(
            soorten("Mail naar jan.jansen@voorbeeld.nl voor meer."),
            vec![(Email, "jan.jansen@voorbeeld.nl")]
        );
        assert_eq!(
            soorten("a.b-c_d+tag%x@sub.domein-x.co.uk"),
            vec![(Email, "a.b-c_d+tag%x@sub.domein-x.co.uk")]
        );
    }

    #[test]
    fn email_leestekens_en_randen() {
        assert_eq!(soorten("jan@x.nl"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("Mail: jan@x.nl."), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("(jan@x.nl)"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("\"jan@x.nl\","), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("<jan@x.nl>"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("'jan@x.nl'"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("jan@x.nl-"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("...jan@x.nl"), vec![(Email, "jan@x.nl")]);
        assert_eq!(
            soorten("jan@x.nl;piet@y.be"),
            vec![(Email, "jan@x.nl"), (Email, "piet@y.be")]
        );
    }

    #[test]
    fn email_in_markdown() {
        assert_eq!(
            soorten("[mail](mailto:jan@x.nl)"),
            vec![(Email, "jan@x.nl")]
        );
        assert_eq!(
            soorten("[jan@x.nl](mailto:jan@x.nl)"),
            vec![(Email, "jan@x.nl"), (Email, "jan@x.nl")]
        );
        assert_eq!(soorten("- klager: jan@x.nl\n"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("| jan@x.nl | ja |"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("`jan@x.nl`"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("**jan@x.nl**"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("_jan@x.nl_"), vec![(Email, "jan@x.nl")]);
    }

    #[test]
    fn geen_email() {
        for tekst in [
            "@jan",
            "jan@",
            "@",
            "@@",
            "jan@localhost",
            "jan@x.n",
            "jan@x.nl1",
            "jan@10.0.0.1",
            "jan@x..nl",
            "jan@-x.nl",
            "jan.@x.nl",
            ".@x.nl",
            "zie @x.nl",
            "jan @ x.nl",
            "a@b@c",
        ] {
            assert_eq!(soorten(tekst), vec![], "{tekst}");
        }
    }

    #[test]
    fn email_met_niet_ascii() {
        assert_eq!(
            soorten("José (josé.müller@café.nl) schreef"),
            vec![(Email, "josé.müller@café.nl")]
        );
        assert_eq!(soorten("📧jan@x.nl🙂"), vec![(Email, "jan@x.nl")]);
        assert_eq!(soorten("é jan@x.éé ë"), vec![(Email, "jan@x.éé")]);
    }

    // --- phone numbers -----------------------------------------------------------------

    const TELEFOONNUMMERS: &[&str] = &[
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "06 12 34 56 78",
        "06-12-34-56-78",
        "06.12345678",
        "06/12345678",
        "(06) 12345678",
        "(06)-12345678",
        "010-1234567",
        "010 - 123 45 67",
        "(010) 123 4567",
        "020 123 4567",
        "020\u{a0}123\u{a0}4567",
        "020.123.4567",
        "0111-123456",
        "085-1234567",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "+31(0)612345678",
        "+31 (0) 6 1234 5678",
        "+31-6-12345678",
        "+31 20 123 4567",
        "0031 6 12345678",
        "0031612345678",
    ];

    #[test]
    fn telefoonnummers_gevonden() {
        for nummer in TELEFOONNUMMERS {
            let tekst = format!("Bel {nummer} morgen.");
            assert_eq!(soorten(&tekst), vec![(Telefoonnummer, *nummer)], "{tekst}");
            assert_eq!(soorten(nummer), vec![(Telefoonnummer, *nummer)], "{nummer}");
            let tekst = format!("tel.: {nummer}.");
            assert_eq!(soorten(&tekst), vec![(Telefoonnummer, *nummer)], "{tekst}");
        }
    }

    #[test]
    fn telefoonnummers_in_markdown() {
        assert_eq!(
            soorten("- telefoon: 06-12345678\n- e-mail: jan@x.nl\n"),
            vec![(Telefoonnummer, "06-12345678"), (Email, "jan@x.nl")]
        );
        assert_eq!(
            soorten("| Naam | Telefoon |\n|---|---|\n| Jan | 0612345678 |"),
            vec![(Telefoonnummer, "0612345678")]
        );
        assert_eq!(
            soorten("`0612345678`"),
            vec![(Telefoonnummer, "0612345678")]
        );
        assert_eq!(
            soorten("[bel](tel:+31612345678)"),
            vec![(Telefoonnummer, "+31612345678")]
        );
        assert_eq!(
            soorten("[06-12345678](tel:0612345678)"),
            vec![
                (Telefoonnummer, "06-12345678"),
                (Telefoonnummer, "0612345678")
            ]
        );
        assert_eq!(
            soorten("*06-12345678*"),
            vec![(Telefoonnummer, "06-12345678")]
        );
    }

    #[test]
    fn meerdere_telefoonnummers_achter_elkaar() {
        assert_eq!(
            soorten("0612345678 0687654321"),
            vec![
                (Telefoonnummer, "0612345678"),
                (Telefoonnummer, "0687654321")
            ]
        );
        assert_eq!(
            soorten("06 1234 5678 of 010 123 4567"),
            vec![
                (Telefoonnummer, "06 1234 5678"),
                (Telefoonnummer, "010 123 4567")
            ]
        );
        assert_eq!(
            soorten("010-1234567 / 06-12345678"),
            vec![
                (Telefoonnummer, "010-1234567"),
                (Telefoonnummer, "06-12345678")
            ]
        );
    }

    #[test]
    fn geen_telefoonnummer() {
        for tekst in [
            "12-03-2025",
            "Op 06-03-2025 om 14:30 ontvangen.",
            "Op 01-03-2025 12 klachten",
            "Op 06-03-2025 12 klachten",
            "06-03-2025 1430 uur",
            "06/03/2025 12 keer",
            "06-03-25 1234",
            "06-03-25 12-34",
            "ZW-2025-014",
            "zaak ZW-0612345678",
            "factuur F0612345678",
            "factuur 2025/0612345678",
            "1234567890",
            "06123456789",
            "061234567",
            "0612345678901",
            "+32 2 123 45 67",
            "+31 6 1234567",
            "+31 0 12345678",
            "0012345678",
            "06 1 2345678",
            "06123 45678",
            "01 23456789",
            "(01) 23456789",
            "0,0612345678",
            "0612345678,50",
            "0612345678.5",
            "x0612345678",
            "0612345678x",
            "é0612345678",
            "0612345678ë",
            "06-12345678-2",
            "€ 1.250,00",
            "1234 AB Rotterdam",
            "14:30",
            "2025",
        ] {
            let gevonden: Vec<_> = soorten(tekst)
                .into_iter()
                .filter(|(s, _)| *s == Telefoonnummer)
                .collect();
            assert_eq!(gevonden, vec![], "{tekst}");
        }
    }

    // --- BSN ---------------------------------------------------------------------------

    #[test]
    fn bsn_gevonden() {
        assert_eq!(soorten("BSN 111222333."), vec![(Bsn, "111222333")]);
        assert_eq!(soorten("111222333"), vec![(Bsn, "111222333")]);
        assert_eq!(soorten("bsn: 111.222.333"), vec![(Bsn, "111.222.333")]);
        assert_eq!(
            soorten("bsn 111 222 333 bekend"),
            vec![(Bsn, "111 222 333")]
        );
        assert_eq!(soorten("bsn 111-222-333"), vec![(Bsn, "111-222-333")]);
        assert_eq!(soorten("(123456782)"), vec![(Bsn, "123456782")]);
        assert_eq!(soorten("- BSN: 111222333\n"), vec![(Bsn, "111222333")]);
        assert_eq!(soorten("| 111222333 |"), vec![(Bsn, "111222333")]);
        assert_eq!(soorten("`111222333`"), vec![(Bsn, "111222333")]);
        assert_eq!(soorten("nr.111222333"), vec![(Bsn, "111222333")]);
    }

    #[test]
    fn geen_bsn() {
        for tekst in [
            "123456789",
            "BSN 123.456.789",
            "1112223334",
            "11122233",
            "111.222.3330",
            "111.222-333",
            "111 222.333",
            "1111.222.333",
            "1.111.222.333",
            "INV-111222333",
            "factuur 2025-111222333",
            "NL111222333B01",
            "x111222333",
            "111222333x",
            "é111222333",
            "111222333ë",
            "€ 111.222.333",
            "€111222333",
            "EUR 111.222.333",
            "111.222.333,00",
            "111.222.333,-",
            "111222333:00",
            "000000000",
            "ZW-2025-014",
            "€ 1.250,00",
            "1234 AB",
        ] {
            assert_eq!(soorten(tekst), vec![], "{tekst}");
        }
    }

    // --- IBAN --------------------------------------------------------------------------

    #[test]
    fn iban_gevonden() {
        assert_eq!(
            soorten("IBAN: NL91ABNA0417164300."),
            vec![(Iban, "NL91ABNA0417164300")]
        );
        assert_eq!(
            soorten("rekening NL91 ABNA 0417 1643 00 is van de klager"),
            vec![(Iban, "NL91 ABNA 0417 1643 00")]
        );
        assert_eq!(
            soorten("nl91 abna 0417 1643 00"),
            vec![(Iban, "nl91 abna 0417 1643 00")]
        );
        assert_eq!(
            soorten("GB82 WEST 1234 5698 7654 32"),
            vec![(Iban, "GB82 WEST 1234 5698 7654 32")]
        );
        assert_eq!(
            soorten("GB82WEST12345698765432"),
            vec![(Iban, "GB82WEST12345698765432")]
        );
        // The last group is a full group of four, followed by more words.
        assert_eq!(
            soorten("DE89 3704 0044 0532 0130 00 ABCD efgh"),
            vec![(Iban, "DE89 3704 0044 0532 0130 00")]
        );
        assert_eq!(
            soorten("BE68 5390 0754 7034 ABCD"),
            vec![(Iban, "BE68 5390 0754 7034")]
        );
        assert_eq!(
            soorten("| NL91ABNA0417164300 |"),
            vec![(Iban, "NL91ABNA0417164300")]
        );
        assert_eq!(
            soorten("`NL91 ABNA 0417 1643 00`"),
            vec![(Iban, "NL91 ABNA 0417 1643 00")]
        );
        assert_eq!(
            soorten("NL91\u{a0}ABNA\u{a0}0417\u{a0}1643\u{a0}00"),
            vec![(Iban, "NL91\u{a0}ABNA\u{a0}0417\u{a0}1643\u{a0}00")]
        );
    }

    #[test]
    fn geen_iban() {
        for tekst in [
            "NL91ABNA0417164301",
            "XNL91ABNA0417164300",
            "NL91ABNA0417164300X",
            "éNL91ABNA0417164300",
            "NL91ABNA0417164300ë",
            "NL91ABNA04171643",
            "NL91  ABNA 0417 1643 00",
            "NL91 ABNA0417164300",
            "NL91-ABNA-0417-1643-00",
            "ZW20 2501 4",
        ] {
            let ibans: Vec<_> = soorten(tekst)
                .into_iter()
                .filter(|(s, _)| *s == Iban)
                .collect();
            assert_eq!(ibans, vec![], "{tekst}");
        }
    }

    #[test]
    fn lange_reeksen_zijn_niets() {
        for tekst in [
            "0612345678901234567890",
            "111222333111222333",
            "111222333 111222333 1",
            "NL91ABNA0417164300NL91ABNA0417164300",
            "+3161234567890",
        ] {
            let gevonden = soorten(tekst);
            assert!(
                gevonden.iter().all(|(_, t)| *t == "111222333"),
                "{tekst}: {gevonden:?}"
            );
        }
        assert_eq!(
            soorten("111222333 111222333 1"),
            vec![(Bsn, "111222333"), (Bsn, "111222333")]
        );
    }

    // --- overlaps ----------------------------------------------------------------------

    #[test]
    fn telefoonnummer_wint_van_bsn() {
        // Ten digits starting with 0: a phone number, the nine after it are no BSN.
        assert_eq!(soorten("0111222333"), vec![(Telefoonnummer, "0111222333")]);
    }

    #[test]
    fn iban_wint_van_telefoonnummer() {
        // "0417 1643 00" alone would be a phone number.
        assert_eq!(
            soorten("0417 1643 00"),
            vec![(Telefoonnummer, "0417 1643 00")]
        );
        assert_eq!(
            soorten("NL91 ABNA 0417 1643 00"),
            vec![(Iban, "NL91 ABNA 0417 1643 00")]
        );
    }

    #[test]
    fn email_wint() {
        assert_eq!(
            soorten("0612345678@voorbeeld.nl"),
            vec![(Email, "0612345678@voorbeeld.nl")]
        );
        assert_eq!(
            soorten("111222333@voorbeeld.nl"),
            vec![(Email, "111222333@voorbeeld.nl")]
        );
        assert_eq!(
            soorten("jan.0612345678@x.nl"),
            vec![(Email, "jan.0612345678@x.nl")]
        );
        assert_eq!(
            soorten("nl91abna0417164300@x.nl"),
            vec![(Email, "nl91abna0417164300@x.nl")]
        );
    }

    // --- ordinary prose ----------------------------------------------------------------

    #[test]
    fn gewoon_proza_zonder_vondsten() {
        let tekst = "# Zaak ZW-2025-014\n\
            \n\
            Klacht ontvangen op 12-03-2025 om 14:30 (dossier ZW-2025-014, factuur \
            F2025-00123, factuurnummer 2025-0042 en INV-111222333). Het bedrag van \
            € 1.250,00 (EUR 999.999.999) is op 01-04-2025 terugbetaald. Adres: \
            Dorpsstraat 12, 1234 AB Rotterdam. In 2024 waren er 17 klachten; \
            zie artikel 4.3 en versie 1.2.3. Datum 2025-03-12T14:30. \
            Telefonisch contact gehad op 06-03-2025 12 keer.\n";
        assert_eq!(vind(tekst), vec![]);
        assert_eq!(redigeer(tekst), tekst);
    }

    // --- multi-byte text ---------------------------------------------------------------

    #[test]
    fn niet_ascii_rond_vondsten() {
        let tekst =
            "Café ë: 06-12345678 🙂 é jan@x.nl 👍 BSN 111222333 — ÏBAN NL91ABNA0417164300 ☕";
        assert_eq!(
            soorten(tekst),
            vec![
                (Telefoonnummer, "06-12345678"),
                (Email, "jan@x.nl"),
                (Bsn, "111222333"),
                (Iban, "NL91ABNA0417164300"),
            ]
        );
        assert_eq!(
            redigeer(tekst),
            "Café ë: [telefoonnummer verwijderd] 🙂 é [e-mailadres verwijderd] 👍 BSN \
             [BSN verwijderd] — ÏBAN [IBAN verwijderd] ☕"
        );
        assert_eq!(
            soorten("🙂0612345678🙂111222333🙂"),
            vec![(Telefoonnummer, "0612345678"), (Bsn, "111222333")]
        );
    }

    // --- redigeer ----------------------------------------------------------------------

    #[test]
    fn redigeer_vervangt_alles() {
        let tekst = "Klager (jan@x.nl, 06-12345678) met BSN 111.222.333 betaalde via \
                     NL91 ABNA 0417 1643 00.";
        assert_eq!(
            redigeer(tekst),
            "Klager ([e-mailadres verwijderd], [telefoonnummer verwijderd]) met BSN \
             [BSN verwijderd] betaalde via [IBAN verwijderd]."
        );
        assert_eq!(
            redigeer("[mail](mailto:jan@x.nl)"),
            "[mail](mailto:[e-mailadres verwijderd])"
        );
        assert_eq!(redigeer("0612345678"), "[telefoonnummer verwijderd]");
        assert_eq!(redigeer("geen gegevens"), "geen gegevens");
        assert_eq!(redigeer(""), "");
    }

    #[test]
    fn redigeer_laat_geen_gegevens_over() {
        let tekst = "jan@x.nl 0612345678 111222333 NL91ABNA0417164300";
        let r = redigeer(tekst);
        assert!(zoek(&r).is_empty(), "{r}");
    }

    // --- line numbers and positions ----------------------------------------------------

    #[test]
    fn regelnummers() {
        let tekst = "jan@x.nl\n\nregel drie: 0612345678\nregel vier\n\n111222333 en piet@y.nl\n";
        assert_eq!(
            vind(tekst),
            vec![
                (Email, "jan@x.nl", 1),
                (Telefoonnummer, "0612345678", 3),
                (Bsn, "111222333", 6),
                (Email, "piet@y.nl", 6),
            ]
        );
        let crlf = "eerste\r\ntweede jan@x.nl\r\n";
        assert_eq!(vind(crlf), vec![(Email, "jan@x.nl", 2)]);
    }

    #[test]
    fn posities_in_bytes() {
        let tekst = "é 0612345678";
        let v = zoek(tekst);
        assert_eq!(
            v,
            vec![Vondst {
                soort: Telefoonnummer,
                begin: 3,
                eind: 13,
                line: 1
            }]
        );
    }

    #[test]
    fn begin_en_einde_van_tekst() {
        assert_eq!(
            soorten("0612345678 midden 111222333"),
            vec![(Telefoonnummer, "0612345678"), (Bsn, "111222333")]
        );
        assert_eq!(
            soorten("NL91ABNA0417164300 en jan@x.nl"),
            vec![(Iban, "NL91ABNA0417164300"), (Email, "jan@x.nl")]
        );
    }

    // --- what a reader sees ------------------------------------------------------------

    fn zichtbaar(tekst: &str) -> String {
        let mut z = Zicht::default();
        z.stuk(0, tekst);
        z.tekst().to_string()
    }

    /// A name with accents, written in the text with combining accents (decomposed, as
    /// some editors save it) or without accents, is still the complainant's.
    #[test]
    fn een_naam_met_accenten_in_elke_schrijfwijze() {
        let g = Geheimen::van(Some("Jérôme Dupont"), None);
        for tekst in [
            "Gesprek met Jérôme Dupont gevoerd.",
            "Gesprek met Je\u{301}ro\u{302}me Dupont gevoerd.",
            "Gesprek met JEROME dupont gevoerd.",
        ] {
            assert_eq!(
                toon(tekst, &g),
                "Gesprek met [naam verwijderd] gevoerd.",
                "{tekst:?}"
            );
        }
        // Accents elsewhere stay as they were.
        assert_eq!(toon("Zoë belde over de café", &g), "Zoë belde over de café");
        // "ß" reads as "ss" and the ligature "ĳ" as "ij", in the name and in the text.
        let g = Geheimen::van(Some("Ĳsbrand Weiß"), None);
        assert_eq!(
            toon("IJSBRAND WEISS en Ijsbrand weiss belden; Ĳsselmeer", &g),
            "[naam verwijderd] en [naam verwijderd] belden; Ĳsselmeer"
        );
        let g = Geheimen::van(Some("Lieke Bĳl"), None);
        assert_eq!(
            toon("mevrouw Bijl belde", &g),
            "mevrouw [naam verwijderd] belde"
        );
    }

    #[test]
    fn toon_vindt_wat_een_lezer_ziet() {
        let g = Geheimen::GEEN;
        for (tekst, verwacht) in [
            (
                "bel 06\u{200B}12345678 nu",
                "bel [telefoonnummer verwijderd] nu",
            ),
            ("bel 06-1234\u{AD}5678", "bel [telefoonnummer verwijderd]"),
            ("mail jan\u{2060}@x.nl", "mail [e-mailadres verwijderd]"),
            ("０６１２３４５６７８", "[telefoonnummer verwijderd]"),
            ("𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "[telefoonnummer verwijderd]"),
            ("bsn 111\u{0}222\u{1}333", "bsn [BSN verwijderd]"),
            ("NL91\u{FEFF}ABNA0417164300", "[IBAN verwijderd]"),
            // Direction overrides are taken out, so what is shown is what was judged.
            ("\u{202E}abc\u{202C} def", "abc def"),
            ("gewone tekst", "gewone tekst"),
        ] {
            assert_eq!(toon(tekst, &g), verwacht, "{tekst:?}");
        }
        assert!(matches!(toon("niets te zien", &g), Cow::Borrowed(_)));
    }

    #[test]
    fn toon_verwijdert_de_eigen_gegevens_van_de_klager() {
        let g = Geheimen::van(Some(" Anouk de Vries "), Some("Dorpsstraat 12, Rotterdam"));
        assert_eq!(
            toon(
                "Gesprek met ANOUK  DE\nVRIES over Dorpsstraat\u{A0}12, rotterdam.",
                &g
            ),
            "Gesprek met [naam verwijderd] over [contactgegevens verwijderd]."
        );
        assert_eq!(toon("Anouk\u{200B} de Vries", &g), "[naam verwijderd]");
        // Too short to look for: two letters would match inside ordinary words.
        let kort = Geheimen::van(Some("Al"), None);
        assert_eq!(toon("Algemeen", &kort), "Algemeen");
        // A value that is part of a placeholder does not eat it: redacting twice changes
        // nothing.
        let raar = Geheimen::van(Some("verwijderd"), Some("naam"));
        let een = toon("naam 06-12345678 verwijderd", &raar);
        assert_eq!(
            een,
            "[contactgegevens verwijderd] [telefoonnummer verwijderd] [naam verwijderd]"
        );
        assert_eq!(toon(&een, &raar), een);
        for soort in [Email, Telefoonnummer, Bsn, Iban] {
            assert!(ALLE_VERVANGINGEN.contains(&soort.vervanging()));
        }
        // A name that overlaps an e-mail address: one placeholder for both.
        let g = Geheimen::van(Some("jan jansen"), None);
        assert_eq!(
            toon("van Jan Jansen@x.nl af", &g),
            "van [naam verwijderd] af"
        );
    }

    /// A complainant called by a word of their name ("Mevrouw Jansen", "Karin") is not
    /// shown in their case's texts either; a longer word that holds it is ("Janssen").
    #[test]
    fn een_woord_van_de_naam_wordt_ook_verwijderd() {
        let g = Geheimen::van(Some("Karin van der Jansen-Bakker"), Some("k@example.nl"));
        for (tekst, verwacht) in [
            (
                "Mevrouw Jansen belde; KARIN kreeg geen antwoord.",
                "Mevrouw [naam verwijderd] belde; [naam verwijderd] kreeg geen antwoord.",
            ),
            // Written apart, with an accent, at the edges of the text.
            ("bakker", "[naam verwijderd]"),
            ("Jänsen (zus) 2x", "[naam verwijderd] (zus) 2x"),
            ("Jansen1 jansen_2", "Jansen1 [naam verwijderd]_2"),
            // Only where no letter or digit adjoins it.
            (
                "Janssen, Jansens, bakkerij en 1jansen blijven",
                "Janssen, Jansens, bakkerij en 1jansen blijven",
            ),
            // Tussenvoegsels are ordinary words.
            ("van der Berg", "van der Berg"),
            // The whole name is one placeholder, not one per word.
            (
                "Karin van der Jansen-Bakker belde",
                "[naam verwijderd] belde",
            ),
        ] {
            assert_eq!(toon(tekst, &g), verwacht, "{tekst:?}");
        }
        // Redacting twice changes nothing, also for a name whose word is in a placeholder.
        let raar = Geheimen::van(Some("Naam Verwijderd"), None);
        let een = toon("naam en verwijderd", &raar);
        assert_eq!(een, "[naam verwijderd] en [naam verwijderd]");
        assert_eq!(toon(&een, &raar), een);
        // A value of thousands of words hides every one of them, and is hidden whole; a
        // text is looked up word by word, not searched for each word (50 rows of 5,000
        // words once took seconds).
        let veel: Vec<String> = (0..5000).map(|i| format!("w{i:04}")).collect();
        let veel = veel.join(" ");
        let g = Geheimen::van(Some(&veel), None).samen(&Geheimen::van(Some("Anouk Visser"), None));
        assert_eq!(g.naamwoorden.0.len(), 5002);
        assert_eq!(toon(&format!("x {veel} y"), &g), "x [naam verwijderd] y");
        assert_eq!(
            toon("w0000 w4999 Visser", &g),
            "[naam verwijderd] [naam verwijderd] [naam verwijderd]"
        );
        // Two letters are not looked for; nor a number, nor a form of address or a role.
        let kort = Geheimen::van(Some("Bo Li"), None);
        assert_eq!(toon("Bo belde Li", &kort), "Bo belde Li");
        let rol = Geheimen::van(Some("Mevrouw Cliënt 2025"), None);
        assert_eq!(
            toon("Mevrouw belde op 03-03-2025 als client", &rol),
            "Mevrouw belde op 03-03-2025 als client"
        );
        let aanhef = Geheimen::van(Some("Dhr. A. Visser"), None);
        assert_eq!(
            toon("dhr. Visser belde", &aanhef),
            "dhr. [naam verwijderd] belde"
        );
        // A title, or who complains on whose behalf: in re-integration texts "werkgever"
        // and "werknemer" are everyday words.
        let titel = Geheimen::van(Some("Drs. Ing. P. Vos"), None);
        assert_eq!(
            toon("drs. Vos belde de ING", &titel),
            "drs. [naam verwijderd] belde de ING"
        );
        let werkgever = Geheimen::van(Some("Werkgever Bakkerij Jansen"), None);
        assert_eq!(
            toon(
                "De werkgever (Bakkerij Jansen) sprak de werknemer",
                &werkgever
            ),
            "De werkgever ([naam verwijderd] [naam verwijderd]) sprak de werknemer"
        );
        let ouder = Geheimen::van(Some("Moeder van Sanne Bos"), None);
        assert_eq!(
            toon("Moeder belde over Sanne", &ouder),
            "Moeder belde over [naam verwijderd]"
        );
    }

    /// The tool's own messages and the names of staff keep their words: only the whole
    /// name and contact are hidden there.
    #[test]
    fn zonder_naamwoorden_blijven_hele_waarden_verborgen() {
        let g = Geheimen::van(Some("W. Termijn"), Some("w@example.nl"));
        let bericht = "termijn verstreken; W. Termijn, w@example.nl";
        assert_eq!(
            toon_zonder_naamwoorden(bericht, &g),
            "termijn verstreken; [naam verwijderd], [e-mailadres verwijderd]"
        );
        assert_eq!(
            toon(bericht, &g),
            "[naam verwijderd] verstreken; [naam verwijderd], [e-mailadres verwijderd]"
        );
        // The words of an e-mail contact before its `@` are a name's, also without a
        // `klager`; a mailbox's name and the domain are not.
        let g = Geheimen::van(None, Some("hanneke.brouwer@example.nl"));
        assert_eq!(
            toon("Hanneke Brouwer belde; example.nl en contact opgenomen", &g),
            "[naam verwijderd] [naam verwijderd] belde; example.nl en contact opgenomen"
        );
        let g = Geheimen::van(Some("P. de Wit"), Some("info.contact@example.nl"));
        assert_eq!(toon("info en contact", &g), "info en contact");
        // Words of two rows of one case come together.
        let samen =
            Geheimen::van(Some("Piet Jansen"), None).samen(&Geheimen::van(Some("P. de Wit"), None));
        assert_eq!(
            toon("Wit en Piet", &samen),
            "[naam verwijderd] en [naam verwijderd]"
        );
    }

    #[test]
    fn stukken_worden_samen_gelezen_maar_niet_over_een_grens() {
        let stukken = ["bel 06-1234", "5678 of ", "jan@", "x.nl"];
        let mut z = Zicht::default();
        for (i, s) in stukken.iter().enumerate() {
            z.stuk(i as u32, s);
        }
        let r = z.redactie(&Geheimen::GEEN);
        let getoond: Vec<String> = stukken
            .iter()
            .enumerate()
            .map(|(i, s)| r.pas_toe(i as u32, s).into_owned())
            .collect();
        assert_eq!(
            getoond,
            [
                "bel [telefoonnummer verwijderd]",
                " of ",
                "[e-mailadres verwijderd]",
                ""
            ]
        );
        assert_eq!(
            r.scanner
                .iter()
                .map(|v| (v.stuk, v.byte))
                .collect::<Vec<_>>(),
            [(0, 4), (2, 0)]
        );
        let mut z = Zicht::default();
        z.stuk(0, "06-1234");
        z.grens();
        z.stuk(1, "5678");
        assert!(z.redactie(&Geheimen::GEEN).is_leeg());
        assert_eq!(z.tekst(), "06-1234\n5678");
    }

    /// Pieces of text that redaction has to get right together.
    const TEKSTSTUKJES: &[&str] = &[
        "0",
        "6",
        "1",
        "-",
        " ",
        "  ",
        "\n",
        "\u{200B}",
        "\u{AD}",
        "\u{202E}",
        "@",
        "x",
        ".nl",
        "jan",
        "Jan",
        "JAN",
        "ja\u{200B}n",
        "Jansen",
        "０",
        "111222333",
        "0612345678",
        "NL91",
        "ABNA",
        "0417",
        "1643",
        "00",
        "é",
        "\u{a0}",
        "[naam verwijderd]",
        "a.b",
    ];

    /// A text of at most `max` random pieces.
    fn willekeurige_tekst(toeval: &mut Toeval, max: u64) -> String {
        let mut tekst = String::new();
        for _ in 0..toeval.volgende() % max {
            let k = (toeval.volgende() % TEKSTSTUKJES.len() as u64) as usize;
            tekst.push_str(TEKSTSTUKJES[k]);
        }
        tekst
    }

    /// The fast path for plain ASCII against the general one, on random text.
    #[test]
    fn gewone_tekst_snel_en_langzaam_gelijk() {
        let mut toeval = Toeval(0x5A_0C47);
        let g = Geheimen::van(Some("Jan Jansen"), Some("jan@x.nl"));
        let mut getoetst = 0;
        for _ in 0..6000 {
            let tekst = willekeurige_tekst(&mut toeval, 16);
            if !is_gewoon(&tekst) {
                continue;
            }
            getoetst += 1;
            let snel = zicht(&tekst).redactie(&g);
            let mut z = Zicht::default();
            z.stuk(0, &tekst);
            let langzaam = z.redactie(&g);
            assert_eq!(
                snel.pas_toe(0, &tekst),
                langzaam.pas_toe(0, &tekst),
                "{tekst:?}"
            );
            assert_eq!(snel.scanner, langzaam.scanner, "{tekst:?}");
        }
        assert!(getoetst > 500, "{getoetst}");
    }

    #[test]
    fn toon_laat_niets_over() {
        let mut toeval = Toeval(0x007E_570F_700E);
        let g = Geheimen::van(Some("Jan Jansen"), Some("jan@x.nl"));
        for _ in 0..3000 {
            let tekst = willekeurige_tekst(&mut toeval, 24);
            let getoond = toon(&tekst, &g);
            let zicht = zichtbaar(&getoond);
            assert!(zoek(&zicht).is_empty(), "{tekst:?} → {getoond:?}");
            for geheim in ["jan jansen", "jan@x.nl"] {
                assert!(!zicht.contains(geheim), "{tekst:?} → {getoond:?}");
            }
            assert!(!getoond.chars().any(is_richtingteken), "{getoond:?}");
            assert_eq!(toon(&getoond, &g), getoond, "twice the same");
        }
    }

    // --- robustness --------------------------------------------------------------------

    #[test]
    fn lege_en_rare_invoer() {
        for tekst in [
            "",
            " ",
            "\n",
            "@",
            "+",
            "+31",
            "0031",
            "(",
            "(0",
            "(0)",
            "+31 (0)",
            "06",
            "06-",
            "06 - ",
            "NL",
            "NL9",
            "NL91",
            "NL91 ",
            "NL91 ABNA",
            "111.",
            "111.222.",
            "€",
            "€ ",
            "EUR",
            "\u{a0}",
            "\u{c2}",
            "0\u{a0}",
            "a@b.",
            "@.nl",
            "\0",
            "0\u{0}0612345678",
        ] {
            controleer_invarianten(tekst);
        }
        assert!(zoek("").is_empty());
    }

    /// A small deterministic pseudo-random generator (xorshift), so no extra crates.
    struct Toeval(u64);

    impl Toeval {
        fn volgende(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        /// A number below `n`.
        fn onder(&mut self, n: usize) -> usize {
            (self.volgende() % n as u64) as usize
        }
    }

    #[test]
    fn willekeurige_bytes_geven_geen_paniek() {
        let mut toeval = Toeval(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let lengte = (toeval.volgende() % 200) as usize;
            let bytes: Vec<u8> = (0..lengte).map(|_| toeval.volgende() as u8).collect();
            let tekst = String::from_utf8_lossy(&bytes);
            controleer_invarianten(&tekst);
        }
    }

    #[test]
    fn willekeurige_stukjes_geven_geen_paniek() {
        const STUKJES: &[&str] = &[
            "0",
            "6",
            "1",
            "3",
            "9",
            "-",
            " ",
            ".",
            "/",
            ",",
            ":",
            "(",
            ")",
            "+",
            "+31",
            "0031",
            "(0)",
            "@",
            "x",
            "nl",
            "NL91",
            "ABNA",
            "0417",
            "é",
            "🙂",
            "€",
            "\u{a0}",
            "\n",
            "111222333",
            "0612345678",
            "jan",
            "_",
            "EUR",
        ];
        let mut toeval = Toeval(0x0123_4567_89AB_CDEF);
        for _ in 0..5000 {
            let lengte = (toeval.volgende() % 30) as usize;
            let mut tekst = String::new();
            for _ in 0..lengte {
                let k = (toeval.volgende() % STUKJES.len() as u64) as usize;
                tekst.push_str(STUKJES.get(k).copied().unwrap_or(""));
            }
            controleer_invarianten(&tekst);
        }
    }

    #[test]
    fn grote_invoer_blijft_lineair() {
        // Pathological inputs for a naive scanner; these must finish quickly.
        let apenstaartjes = "a@".repeat(200_000);
        assert!(zoek(&apenstaartjes).is_empty());
        let lokaal = format!("{}@", "a".repeat(400_000));
        assert!(zoek(&lokaal).is_empty());
        let domein = format!("a@{}", "b.".repeat(200_000));
        assert!(zoek(&domein).is_empty());
        let cijfers = "0".repeat(400_000);
        assert!(zoek(&cijfers).is_empty());
        let groepen = "0 6 ".repeat(200_000);
        assert!(zoek(&groepen).is_empty());
        let tweetallen = "06 ".repeat(200_000);
        assert_eq!(zoek(&tweetallen).len(), 40_000);
        let iban = "NL91 ".repeat(100_000);
        assert!(zoek(&iban).is_empty());
        let veel = "jan@x.nl 0612345678 111222333 ".repeat(10_000);
        assert_eq!(zoek(&veel).len(), 30_000);
    }

    #[test]
    fn een_naam_noemt_een_waarde_die_hem_bevat_of_die_hij_bevat() {
        let noemt = |waarde: &str, naam: &str| {
            let mut waarden = Klagerwaarden::default();
            waarden.voeg_contact_toe(waarde);
            waarden.noemt(&Zoeknaam::new(naam))
        };
        assert!(noemt("K. Jansen", "jansen"));
        assert!(noemt(" jansen ", "opmerking jansen"));
        assert!(noemt("k.jansen@example.nl", "example"));
        assert!(noemt("Özdemir", "özdemir"));
        // Read as redaction reads them: without accents, with single spaces.
        assert!(noemt("Özdemir", "ozdemir"));
        assert!(noemt("Willemijn  Vos", "willemijn vos"));
        assert!(noemt("K. Jansen", "K.\u{a0}Jansen"));
        assert!(!noemt("K. Jansen", "opmerking"));
        // Shorter than three characters: not looked for, as in redaction.
        assert!(!noemt("K. Jansen", "k."));
        assert!(!noemt("Al", "balans"));
        // Values stay apart: no text is found across two of them.
        let mut waarden = Klagerwaarden::default();
        for waarde in Geheimen::van(Some("Willemijn Vos"), Some("06 1234 5678")).waarden() {
            waarden.voeg_contact_toe(waarde);
        }
        assert!(waarden.noemt(&Zoeknaam::new("vos")));
        assert!(waarden.noemt(&Zoeknaam::new("willemijn vos extra")));
        assert!(!waarden.noemt(&Zoeknaam::new("categorie")));
        assert!(!waarden.noemt(&Zoeknaam::new("vos 06")));
        assert!(!Klagerwaarden::default().noemt(&Zoeknaam::new("jansen")));
    }

    #[test]
    fn een_naam_noemt_een_klager_wiens_naamwoord_hij_bevat() {
        let mut waarden = Klagerwaarden::default();
        waarden.voeg_naam_toe("Willemijn Vos");
        waarden.voeg_naam_toe("Jo van der Berg-Özdemir");
        waarden.voeg_naam_toe("Ed van Voorst tot Voorst");
        waarden.voeg_contact_toe("k.jansen@example.nl");
        let noemt = |naam: &str| waarden.noemt(&Zoeknaam::new(naam));
        // A word of a name, inside a text: a case file or a column named after them.
        assert!(noemt("Vos1"));
        assert!(noemt("KP-2026-vos"));
        assert!(noemt("willemijn2"));
        assert!(noemt("berg3"));
        assert!(noemt("ozdemir-2026"));
        // Words shorter than three letters, and the tussenvoegsels, are ordinary words.
        assert!(!noemt("jo-2026"));
        assert!(!noemt("vandaag"));
        assert!(!noemt("tot_2026"));
        assert!(noemt("voorst_2026"));
        assert!(!noemt("KP-2026-014"));
        // A word of a name inside another word is not the name.
        assert!(!noemt("vossenjacht"));
        assert!(!noemt("ijsberg"));
        assert!(noemt("berg_3"));
        // A contact is looked for whole, and an e-mail address's part before the `@` by
        // its words: "jansen" is a name, "example" is not.
        assert!(noemt("jansen1"));
        assert!(!noemt("voorbeeld-example1"));
        assert!(noemt("k.jansen@example.nl"));
        // The value itself, and a text it holds, as before.
        assert!(noemt("willemijn vos"));
        assert!(noemt("llemijn v"));
    }

    /// What [`Klagerwaarden::noemt`] means, value by value: read alike, one holds the other,
    /// letter case aside, when the part held has at least [`KORTSTE_GEHEIM`] characters; or
    /// the text holds a word of a name (a value marked `true`; of a contact, the part
    /// before an `@`) with a letter in it, but for the tussenvoegsels and the words that
    /// are no name, with no letter right before or after it.
    fn noemt_een_voor_een(waarden: &[(&str, bool)], naam: &Zoeknaam) -> bool {
        let houdt = |tekst: &str, deel: &str| {
            deel.chars().count() >= KORTSTE_GEHEIM
                && tekst
                    .as_bytes()
                    .windows(deel.len())
                    .any(|stuk| stuk.eq_ignore_ascii_case(deel.as_bytes()))
        };
        // As `houdt`, where no letter stands right before or after the part held.
        let houdt_als_woord = |tekst: &str, deel: &str| {
            deel.chars().count() >= KORTSTE_GEHEIM
                && tekst.char_indices().any(|(i, _)| {
                    let rest = &tekst.as_bytes()[i..];
                    rest.len() >= deel.len()
                        && rest[..deel.len()].eq_ignore_ascii_case(deel.as_bytes())
                        && tekst.is_char_boundary(i + deel.len())
                        && !tekst[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphabetic)
                        && !tekst[i + deel.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic)
                })
        };
        waarden.iter().any(|&(waarde, is_naam)| {
            let waarde = waarde.trim_matches(' ');
            let vorm = if is_gewoon(waarde) {
                waarde.to_string()
            } else {
                Zoeknaam::new(waarde).0
            };
            // A name's words, or those of an e-mail address before its `@`.
            let naamdeel = if is_naam {
                Some(vorm.as_str())
            } else {
                vorm.find('@').map(|at| &vorm[..at])
            };
            let mut woorden = naamdeel
                .unwrap_or_default()
                .split(|c: char| !c.is_alphanumeric());
            houdt(&vorm, &naam.0)
                || houdt(&naam.0, &vorm)
                || woorden.any(|woord| {
                    let klein = woord.to_lowercase();
                    !TUSSENVOEGSELS.contains(&klein.as_str())
                        && !GEEN_NAAM.contains(&klein.as_str())
                        && woord.chars().any(char::is_alphabetic)
                        && houdt_als_woord(&naam.0, woord)
                })
        })
    }

    #[test]
    fn klagerwaarden_noemen_wat_de_waarden_een_voor_een_noemen() {
        let stukken = [
            "K.",
            "Jansen",
            "jansen",
            "JANSEN",
            "de",
            "Vries",
            "Özdemir",
            "ozdemir",
            "Ö",
            "Yılmaz",
            "ß",
            "straße",
            "Willemijn",
            "Vos",
            "vos1",
            "van",
            "Der",
            "@",
            "example.nl",
            "06",
            "1234",
            "5678",
            "\u{a0}",
            "\u{200b}",
            "é",
            "e\u{301}",
            "Al",
            "balans",
            "extra",
            "-",
            ".",
            "_",
        ];
        let mut t = Toeval(0x2545_f491_4f6c_dd1d);
        let tekst = |t: &mut Toeval| {
            let lengte = 1 + t.onder(4);
            let lijm = [" ", "", "  "][t.onder(3)];
            (0..lengte)
                .map(|_| stukken[t.onder(stukken.len())])
                .collect::<Vec<_>>()
                .join(lijm)
        };
        let mut ja = 0;
        for _ in 0..300 {
            // Each value a name or a contact.
            let waarden: Vec<(String, bool)> = (0..t.onder(6))
                .map(|_| (tekst(&mut t), t.onder(2) == 0))
                .collect();
            let waarden: Vec<(&str, bool)> =
                waarden.iter().map(|(w, n)| (w.as_str(), *n)).collect();
            let mut index = Klagerwaarden::default();
            for &(waarde, is_naam) in &waarden {
                if is_naam {
                    index.voeg_naam_toe(waarde);
                } else {
                    index.voeg_contact_toe(waarde);
                }
            }
            for _ in 0..10 {
                // A text of its own, or one made from a value: part of it, or it and more.
                let naam = match (waarden.len(), t.onder(3)) {
                    (0, _) | (_, 0) => tekst(&mut t),
                    (n, 1) => {
                        let waarde: Vec<char> = waarden[t.onder(n)].0.chars().collect();
                        let begin = t.onder(waarde.len() + 1);
                        let eind = begin + t.onder(waarde.len() + 1 - begin);
                        waarde[begin..eind].iter().collect()
                    }
                    (n, _) => format!("{} {}", waarden[t.onder(n)].0, tekst(&mut t)),
                };
                let naam = Zoeknaam::new(&naam);
                let verwacht = noemt_een_voor_een(&waarden, &naam);
                assert_eq!(index.noemt(&naam), verwacht, "{:?} in {waarden:?}", naam.0);
                ja += usize::from(verwacht);
            }
        }
        // Both answers are exercised.
        assert!((300..2700).contains(&ja), "{ja}");
    }

    /// `een_ronde` takes a shortcut for a text that is already as a reader sees it and a
    /// case without name or contact: the scanner on the text itself. It must redact
    /// exactly what the general way (the text's `Zicht`) redacts.
    #[test]
    fn de_korte_weg_redigeert_als_de_algemene() {
        let stukken = [
            "klacht",
            "over",
            "Jansen",
            "de",
            "bel",
            "mail",
            "k.jansen@example.nl",
            "info@krachtig.nl.",
            "@",
            "06-12345678",
            "0612345678",
            "+31612345678",
            "020-1234567",
            "(020)",
            "1234567",
            "111222333",
            "bsn:111222333",
            "123456789",
            "NL91ABNA0417164300",
            "NL91",
            "ABNA",
            "0417",
            "1643",
            "00",
            "2026-03-14",
            "14-3",
            "nr.",
            "12",
            "Jansen0612345678",
            "x@y",
            "a.b@c.d",
            "tel.",
            "+31",
            "6",
            "1234",
            "5678",
            ",",
            ".",
            ";",
            "-",
            "/",
        ];
        let mut t = Toeval(0x9e37_79b9_7f4a_7c15);
        let mut geredigeerd = 0;
        for _ in 0..3000 {
            let lengte = 1 + t.onder(8);
            let delen: Vec<&str> = (0..lengte)
                .map(|_| stukken[t.onder(stukken.len())])
                .collect();
            // Glued together or with one space: both are as a reader sees them.
            let lijm = if t.onder(3) == 0 { "" } else { " " };
            let tekst = delen.join(lijm);
            assert!(is_gewoon(&tekst), "{tekst:?}");
            let algemeen = zicht(&tekst).redactie(&Geheimen::GEEN);
            let algemeen = (!algemeen.is_leeg()).then(|| algemeen.pas_toe(0, &tekst).into_owned());
            let kort = een_ronde(&tekst, &Geheimen::GEEN, &GEEN_WOORDEN);
            assert_eq!(kort, algemeen, "{tekst:?}");
            geredigeerd += usize::from(kort.is_some());
        }
        // Both ways are exercised: texts with something to redact and texts without.
        assert!((500..2500).contains(&geredigeerd), "{geredigeerd}");
    }
}
