//! `--format github`: GitHub Actions workflow commands, one per finding and input error,
//! so that they show as annotations on the changed lines. Only workflow commands go to
//! stdout; the closing summary goes to stderr.

use std::io::{self, Write};

use super::Opties;
use crate::rules::Ernst;
use crate::Uitkomst;

/// Escapes a message as GitHub requires.
pub fn data(tekst: &str) -> String {
    tekst
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`) as GitHub requires.
pub fn eigenschap(tekst: &str) -> String {
    data(tekst).replace(':', "%3A").replace(',', "%2C")
}

fn commando(
    uit: &mut dyn Write,
    niveau: &str,
    bestand: &str,
    line: Option<u32>,
    titel: &str,
    bericht: &str,
) -> io::Result<()> {
    let mut eigenschappen = format!("file={}", eigenschap(bestand));
    if let Some(line) = line {
        eigenschappen.push_str(&format!(",line={line}"));
    }
    eigenschappen.push_str(&format!(",title={}", eigenschap(titel)));
    writeln!(uit, "::{niveau} {eigenschappen}::{}", data(bericht))
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    for b in &uitkomst.bevindingen {
        let niveau = match (b.ernst, b.is_geaccepteerd()) {
            (_, true) | (Ernst::Info, _) => "notice",
            (Ernst::Error, false) => "error",
            (Ernst::Warning, false) => "warning",
        };
        let mut bericht = format!("{}: {}", b.zaak, b.bericht);
        if let Some(j) = &b.verantwoording {
            bericht.push_str(&format!(" (verantwoord: {j})"));
        }
        commando(
            uit,
            niveau,
            &opties.pad(&b.bron.pad()),
            b.line,
            b.regel.id(),
            &bericht,
        )?;
    }
    for f in &uitkomst.register.invoerfouten {
        let mut bericht = match &f.kolom {
            Some(kolom) => format!("{kolom}: {}", f.bericht),
            None => f.bericht.clone(),
        };
        if let Some(waarde) = f.waarde.as_deref().filter(|w| !w.is_empty()) {
            bericht.push_str(&format!(" (waarde: {waarde:?})"));
        }
        commando(
            uit,
            "error",
            &opties.pad(&f.bestand),
            f.line,
            "invoer",
            &bericht,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ontsnappen_zoals_github_het_wil() {
        assert_eq!(data("100% klaar\r\nregel 2"), "100%25 klaar%0D%0Aregel 2");
        assert_eq!(eigenschap("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
