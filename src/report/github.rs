//! `--format github`: GitHub Actions workflow commands, one line per finding and input
//! error, which GitHub shows as annotations on the register's files (and on a pull
//! request's diff). Nothing else goes to stdout; the summary goes to stderr (see
//! [`super::schrijf`]).
//!
//! `::error` for error findings and input errors, `::warning` for warnings, `::notice`
//! for infos and for findings accounted for by a verantwoording. Each command carries
//! `file=`, `line=` (not for an error about a whole file) and `title=` (the rule id, or
//! `invoer`). Values are escaped as the Actions toolkit does: `%`, CR and LF in the
//! message; also `:` and `,` in properties.

use std::io::{self, Write};

use super::{bevinding_tekst, invoerfout_tekst, Opties};
use crate::bevinding::{Bevinding, Ernst};
use crate::Uitkomst;

/// The title of an input error's annotation.
pub const INVOER: &str = "invoer";

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    for b in &uitkomst.bevindingen {
        let pad = opties.pad(&b.bron.pad());
        let tekst = bevinding_tekst(b, opties);
        opdracht(uit, soort(b), &pad, b.line, b.regel.id(), &tekst)?;
    }
    for f in &uitkomst.register.invoerfouten {
        let pad = opties.pad(&f.bestand);
        opdracht(uit, "error", &pad, f.line, INVOER, &invoerfout_tekst(f))?;
    }
    historie(uitkomst, uit)
}

/// A Git history that is there but could not be read whole: a notice of its own, on no
/// file.
fn historie(uitkomst: &Uitkomst, uit: &mut dyn Write) -> io::Result<()> {
    match uitkomst.historie_onvolledig() {
        Some(notitie) => writeln!(uit, "::notice title=git-historie::{}", gegeven(notitie)),
        None => Ok(()),
    }
}

/// The workflow command for a finding.
fn soort(b: &Bevinding) -> &'static str {
    if b.is_geaccepteerd() {
        return "notice";
    }
    match b.ernst {
        Ernst::Error => "error",
        Ernst::Warning => "warning",
        Ernst::Info => "notice",
    }
}

/// One line: `::error file=F,line=N,title=T::message`.
fn opdracht(
    uit: &mut dyn Write,
    soort: &str,
    pad: &str,
    line: Option<u32>,
    titel: &str,
    tekst: &str,
) -> io::Result<()> {
    write!(uit, "::{soort} file={}", eigenschap(pad))?;
    if let Some(line) = line {
        write!(uit, ",line={line}")?;
    }
    writeln!(uit, ",title={}::{}", eigenschap(titel), gegeven(tekst))
}

/// Escapes a command's message (the toolkit's `escapeData`).
pub fn gegeven(tekst: &str) -> String {
    let tekst = super::zonder_stuurtekens(tekst, true);
    let mut uit = String::with_capacity(tekst.len());
    for c in tekst.chars() {
        match c {
            '%' => uit.push_str("%25"),
            '\r' => uit.push_str("%0D"),
            '\n' => uit.push_str("%0A"),
            c => uit.push(c),
        }
    }
    uit
}

/// Escapes a property value (the toolkit's `escapeProperty`): as a message, and `:` and `,`
/// too (the escapes of a message hold neither).
pub fn eigenschap(tekst: &str) -> String {
    gegeven(tekst).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ontsnapt_zoals_de_toolkit() {
        assert_eq!(
            gegeven("100% klaar\r\nnu: a, b"),
            "100%25 klaar%0D%0Anu: a, b"
        );
        assert_eq!(
            eigenschap("map, met: 100%\n"),
            "map%2C met%3A 100%25%0A".to_string()
        );
    }

    #[test]
    fn geen_line_voor_een_heel_bestand() {
        let mut uit = Vec::new();
        opdracht(&mut uit, "error", "r/g.csv", None, INVOER, "ontbreekt").unwrap();
        assert_eq!(
            String::from_utf8(uit).unwrap(),
            "::error file=r/g.csv,title=invoer::ontbreekt\n"
        );
    }
}
