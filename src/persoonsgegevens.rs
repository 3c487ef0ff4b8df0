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
    let mut uit = String::with_capacity(tekst.len());
    let mut pos = 0;
    for v in zoek(tekst) {
        uit.push_str(tekst.get(pos..v.begin).unwrap_or(""));
        uit.push_str(v.soort.vervanging());
        pos = v.eind;
    }
    uit.push_str(tekst.get(pos..).unwrap_or(""));
    uit
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
    while let Some(rel) = b
        .get(zoek_vanaf..)
        .and_then(|r| r.iter().position(|&c| c == b'@'))
    {
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

#[cfg(test)]
mod tests {
    use super::*;
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
}
