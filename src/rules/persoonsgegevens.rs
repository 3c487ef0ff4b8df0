//! Finding personal data in free text: e-mail addresses, Dutch phone numbers, BSNs (nine
//! digits passing the elfproef) and IBANs (passing their mod-97 check). Used by rule
//! art-6-persoonsgegevens and by the site, which shows every occurrence redacted.
//!
//! The scanner works on bytes in one pass and only ever cuts the text at ASCII bytes, so
//! any UTF-8 input is safe. It prefers missing an odd notation over flagging dates, case
//! numbers, amounts or postcodes in ordinary Dutch prose.

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Persoonsgegeven {
    Email,
    Telefoonnummer,
    Bsn,
    Iban,
}

impl Persoonsgegeven {
    /// The Dutch noun, for messages.
    pub fn naam(self) -> &'static str {
        match self {
            Persoonsgegeven::Email => "e-mailadres",
            Persoonsgegeven::Telefoonnummer => "telefoonnummer",
            Persoonsgegeven::Bsn => "BSN",
            Persoonsgegeven::Iban => "IBAN",
        }
    }

    /// What the site shows instead.
    pub fn vervanging(self) -> &'static str {
        match self {
            Persoonsgegeven::Email => "[e-mailadres verwijderd]",
            Persoonsgegeven::Telefoonnummer => "[telefoonnummer verwijderd]",
            Persoonsgegeven::Bsn => "[BSN verwijderd]",
            Persoonsgegeven::Iban => "[IBAN verwijderd]",
        }
    }
}

/// One occurrence: its kind, byte range and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vondst {
    pub soort: Persoonsgegeven,
    pub begin: usize,
    pub eind: usize,
    pub line: u32,
}

/// Every occurrence in `tekst`, in order, without overlap.
pub fn zoek(tekst: &str) -> Vec<Vondst> {
    let b = tekst.as_bytes();
    let mut vondsten = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    let mut geteld_tot = 0;
    while i < b.len() {
        let gevonden = email(b, i)
            .map(|e| (Persoonsgegeven::Email, e))
            .or_else(|| iban(b, i).map(|e| (Persoonsgegeven::Iban, e)))
            .or_else(|| telefoon(b, i).map(|e| (Persoonsgegeven::Telefoonnummer, e)))
            .or_else(|| bsn(b, i).map(|e| (Persoonsgegeven::Bsn, e)));
        match gevonden {
            Some((soort, eind)) => {
                line += b[geteld_tot..i].iter().filter(|&&c| c == b'\n').count() as u32;
                geteld_tot = i;
                vondsten.push(Vondst {
                    soort,
                    begin: i,
                    eind,
                    line,
                });
                i = eind;
            }
            None => i += 1,
        }
    }
    vondsten
}

/// `tekst` with every occurrence replaced by its [`Persoonsgegeven::vervanging`].
pub fn redigeer(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    let mut vanaf = 0;
    for v in zoek(tekst) {
        // Matches start and end at ASCII bytes, so these are char boundaries.
        uit.push_str(tekst.get(vanaf..v.begin).unwrap_or_default());
        uit.push_str(v.soort.vervanging());
        vanaf = v.eind;
    }
    uit.push_str(tekst.get(vanaf..).unwrap_or_default());
    uit
}

fn is_woordteken(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Whether position `i` starts a new token: no letter or digit just before it, nor a
/// separator inside a word or number ("ZW-2025", "12.345").
fn begint_token(b: &[u8], i: usize) -> bool {
    let voor = |n: usize| i.checked_sub(n).and_then(|j| b.get(j)).copied();
    match voor(1) {
        None => true,
        Some(c) if is_woordteken(c) => false,
        Some(b'-' | b'.' | b'/' | b'+') => !voor(2).is_some_and(|c| c.is_ascii_alphanumeric()),
        Some(_) => true,
    }
}

/// Whether position `i` ends a token.
fn eindigt_token(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        None => true,
        Some(&c) if is_woordteken(c) => false,
        // "12-" followed by more digits continues a number (a date, a case id).
        Some(b'-' | b'/' | b'.') => !b.get(i + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    }
}

fn is_lokaal(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"._%+-'".contains(&c)
}

fn is_domein(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'.'
}

/// An e-mail address starting at `i`: local part, `@`, a domain with a dot and a TLD of at
/// least two letters.
fn email(b: &[u8], i: usize) -> Option<usize> {
    if !is_lokaal(b[i]) || b[i] == b'.' || (i > 0 && is_lokaal(b[i - 1])) {
        return None;
    }
    let mut at = i;
    while at < b.len() && is_lokaal(b[at]) {
        at += 1;
    }
    if at == i || b.get(at) != Some(&b'@') {
        return None;
    }
    let mut eind = at + 1;
    while eind < b.len() && is_domein(b[eind]) {
        eind += 1;
    }
    // No trailing dots or hyphens (the end of a sentence).
    while eind > at + 1 && matches!(b[eind - 1], b'.' | b'-') {
        eind -= 1;
    }
    let domein = &b[at + 1..eind];
    let punt = domein.iter().rposition(|&c| c == b'.')?;
    let tld = &domein[punt + 1..];
    (punt > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(eind)
}

/// Collects digits from `i`, allowing single separators (space, `-`, `.`, `(`, `)`) between
/// groups; returns the digits and the end of the last digit.
fn cijfergroepen(b: &[u8], mut i: usize, max: usize) -> (Vec<u8>, usize) {
    let mut cijfers = Vec::with_capacity(max);
    let mut eind = i;
    while i < b.len() && cijfers.len() < max {
        let c = b[i];
        if c.is_ascii_digit() {
            cijfers.push(c - b'0');
            i += 1;
            eind = i;
        } else if matches!(c, b' ' | b'-' | b'.' | b'(' | b')')
            && i > 0
            && (b[i - 1].is_ascii_digit() || b[i - 1] == b')' || b[i - 1] == b'(')
        {
            i += 1;
            // "(0)" in "+31 (0)6 ...": skip the optional zero.
            if c == b'(' && b.get(i) == Some(&b'0') && b.get(i + 1) == Some(&b')') {
                i += 2;
            }
        } else {
            break;
        }
    }
    (cijfers, eind)
}

/// A Dutch phone number at `i`: `0` and nine more digits, or `+31`/`0031` and nine digits,
/// in groups. Date-like groupings (`12-03-2025`) are no phone numbers.
fn telefoon(b: &[u8], i: usize) -> Option<usize> {
    if !begint_token(b, i) {
        return None;
    }
    let (na_landcode, internationaal) = if b[i..].starts_with(b"+31") {
        (i + 3, true)
    } else if b[i..].starts_with(b"0031") {
        (i + 4, true)
    } else if b[i] == b'0' {
        (i, false)
    } else {
        return None;
    };
    let start = if internationaal {
        // "+31 6", "+31-6", "+31 (0)6", "+316".
        let mut j = na_landcode;
        while j < b.len() && matches!(b[j], b' ' | b'-') {
            j += 1;
        }
        if b[j..].starts_with(b"(0)") {
            j += 3;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
        }
        j
    } else {
        na_landcode
    };
    let verwacht = if internationaal { 9 } else { 10 };
    let (cijfers, eind) = cijfergroepen(b, start, verwacht);
    if cijfers.len() != verwacht || !eindigt_token(b, eind) {
        return None;
    }
    if !internationaal && cijfers.get(1) == Some(&0) {
        // "00..." is an international prefix, not a Dutch number.
        return None;
    }
    if internationaal && cijfers.first() == Some(&0) {
        return None;
    }
    // A date written DD-MM-YYYY has groups 2-2-4: no phone number contains that.
    let tekst = &b[start..eind];
    let groepen: Vec<usize> = tekst
        .split(|c| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(<[u8]>::len)
        .collect();
    if groepen.windows(3).any(|w| w == [2, 2, 4]) {
        return None;
    }
    Some(eind)
}

/// A BSN at `i`: nine digits (plain or as `123.456.789` / `123 456 789`) that pass the
/// elfproef, as a token of its own.
fn bsn(b: &[u8], i: usize) -> Option<usize> {
    if !b[i].is_ascii_digit() || !begint_token(b, i) {
        return None;
    }
    let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let eind = if run == 9 {
        i + 9
    } else if run == 3 {
        let sep = *b.get(i + 3)?;
        if !matches!(sep, b'.' | b' ') {
            return None;
        }
        let drie = |j: usize| {
            b.get(j..j + 3)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        };
        if !(drie(i + 4) && b.get(i + 7) == Some(&sep) && drie(i + 8)) {
            return None;
        }
        i + 11
    } else {
        return None;
    };
    if !eindigt_token(b, eind) || b.get(eind).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let cijfers: String = b[i..eind]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .map(|&c| c as char)
        .collect();
    is_bsn(&cijfers).then_some(eind)
}

/// Nine ASCII digits passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), not all
/// zeros.
pub fn is_bsn(cijfers: &str) -> bool {
    let b = cijfers.as_bytes();
    if b.len() != 9 || !b.iter().all(u8::is_ascii_digit) || b.iter().all(|&c| c == b'0') {
        return false;
    }
    let som: i64 = b
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let d = i64::from(c - b'0');
            if i == 8 {
                -d
            } else {
                d * (9 - i as i64)
            }
        })
        .sum();
    som.rem_euclid(11) == 0
}

/// An IBAN at `i`: two letters, two check digits, then 11 to 30 letters and digits,
/// compact or in groups of four separated by single spaces, passing mod-97.
fn iban(b: &[u8], i: usize) -> Option<usize> {
    if i != 0 && is_woordteken(b[i - 1]) {
        return None;
    }
    let kop = b.get(i..i + 4)?;
    if !(kop[0].is_ascii_alphabetic()
        && kop[1].is_ascii_alphabetic()
        && kop[2].is_ascii_digit()
        && kop[3].is_ascii_digit())
    {
        return None;
    }
    let mut compact = Vec::with_capacity(34);
    let mut j = i;
    let mut eind = i;
    while j < b.len() && compact.len() < 34 {
        if b[j].is_ascii_alphanumeric() {
            compact.push(b[j].to_ascii_uppercase());
            j += 1;
            eind = j;
        } else if b[j] == b' '
            && compact.len() % 4 == 0
            && b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            j += 1;
        } else {
            break;
        }
    }
    if b.get(eind).is_some_and(|&c| is_woordteken(c)) {
        return None;
    }
    let tekst = std::str::from_utf8(&compact).ok()?;
    is_iban(tekst).then_some(eind)
}

/// Whether `tekst` (spaces allowed) is an IBAN with valid check digits. Dutch IBANs must
/// have 18 characters.
pub fn is_iban(tekst: &str) -> bool {
    let compact: Vec<u8> = tekst
        .bytes()
        .filter(|c| *c != b' ')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(15..=34).contains(&compact.len()) || !compact.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if !(compact[0].is_ascii_alphabetic()
        && compact[1].is_ascii_alphabetic()
        && compact[2].is_ascii_digit()
        && compact[3].is_ascii_digit())
    {
        return false;
    }
    if compact.starts_with(b"NL") && compact.len() != 18 {
        return false;
    }
    let mut rest: u32 = 0;
    for &c in compact[4..].iter().chain(&compact[..4]) {
        let waarde = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rest = if waarde >= 10 {
            (rest * 100 + waarde) % 97
        } else {
            (rest * 10 + waarde) % 97
        };
    }
    rest == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soorten(tekst: &str) -> Vec<(Persoonsgegeven, &str)> {
        zoek(tekst)
            .into_iter()
            .map(|v| (v.soort, &tekst[v.begin..v.eind]))
            .collect()
    }

    use Persoonsgegeven::*;

    #[test]
    fn emailadressen() {
        assert_eq!(
            soorten("Mail naar j.jansen@example.nl."),
            [(Email, "j.jansen@example.nl")]
        );
        assert_eq!(
            soorten("[mail](mailto:a-b+c@sub.voorbeeld.org)"),
            [(Email, "a-b+c@sub.voorbeeld.org")]
        );
        assert_eq!(soorten("x@y"), []);
        assert_eq!(soorten("@voorbeeld.nl"), []);
        assert_eq!(soorten("`k@voorbeeld.nl`"), [(Email, "k@voorbeeld.nl")]);
    }

    #[test]
    fn telefoonnummers() {
        for nummer in [
            "06-12345678",
            "06 1234 5678",
            "0612345678",
            "010-1234567",
            "020 123 4567",
            "+31 6 12345678",
            "+31 (0)6 12345678",
            "0031 6 12345678",
            "085-1234567",
            "+316-12345678",
        ] {
            let tekst = format!("Bel {nummer}, graag.");
            assert_eq!(soorten(&tekst), [(Telefoonnummer, nummer)], "{nummer}");
        }
    }

    #[test]
    fn geen_telefoonnummers() {
        for tekst in [
            "op 12-03-2025 om 14:30",
            "zaak ZW-2025-014",
            "bedrag € 1.250,00",
            "postcode 1234 AB",
            "factuur 2025-000123",
            "in 2025 en 2026",
            "06-1234567",
            "061234567890",
            "000-123-4567",
            "datum 03-03-2025-04",
        ] {
            assert_eq!(soorten(tekst), [], "{tekst}");
        }
    }

    #[test]
    fn bsn_met_elfproef() {
        assert!(is_bsn("111222333"));
        assert!(!is_bsn("123456789"));
        assert!(!is_bsn("000000000"));
        assert!(!is_bsn("11122233"));
        assert_eq!(soorten("BSN 111222333."), [(Bsn, "111222333")]);
        assert_eq!(soorten("BSN 111.222.333"), [(Bsn, "111.222.333")]);
        assert_eq!(soorten("nummer 123456789"), []);
        assert_eq!(soorten("1111222333"), []);
        assert_eq!(soorten("ZW-111222333"), []);
    }

    #[test]
    fn iban_met_mod97() {
        assert!(is_iban("NL91ABNA0417164300"));
        assert!(is_iban("NL91 ABNA 0417 1643 00"));
        assert!(!is_iban("NL91ABNA0417164301"));
        assert!(is_iban("GB82WEST12345698765432"));
        assert_eq!(
            soorten("rekening NL91ABNA0417164300."),
            [(Iban, "NL91ABNA0417164300")]
        );
        assert_eq!(
            soorten("rekening NL91 ABNA 0417 1643 00 graag"),
            [(Iban, "NL91 ABNA 0417 1643 00")]
        );
        assert_eq!(
            soorten("nl91abna0417164300"),
            [(Iban, "nl91abna0417164300")]
        );
        assert_eq!(soorten("NL91ABNA0417164301"), []);
    }

    #[test]
    fn regels_en_volgorde() {
        let tekst = "# Dossier\n\nMevrouw (é) belde van 06-12345678.\n- mail: a@b.nl\n| BSN | 111222333 |\n";
        let v = zoek(tekst);
        assert_eq!(
            v.iter().map(|v| (v.soort, v.line)).collect::<Vec<_>>(),
            [(Telefoonnummer, 3), (Email, 4), (Bsn, 5)]
        );
    }

    #[test]
    fn redigeren() {
        assert_eq!(
            redigeer("Bel 06-12345678 of mail ë@x.nl / a@b.nl 🙂"),
            "Bel [telefoonnummer verwijderd] of mail ë@x.nl / [e-mailadres verwijderd] 🙂"
        );
        assert_eq!(redigeer(""), "");
    }

    #[test]
    fn rommel_geeft_geen_paniek() {
        let mut x: u64 = 0x1234_5678_9abc_def1;
        for _ in 0..300 {
            let bytes: Vec<u8> = (0..200)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let alfabet = b"0123456789 -.()+@aZN\n\xc3\xa9L";
                    alfabet[(x % alfabet.len() as u64) as usize]
                })
                .collect();
            let tekst = String::from_utf8_lossy(&bytes);
            let _ = redigeer(&tekst);
        }
    }
}
