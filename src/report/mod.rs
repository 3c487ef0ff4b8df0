//! Printers: each turns an [`Uitkomst`] into one output format. They only show what the
//! check decided; none of them judges anything.

pub mod codequality;
pub mod csv;
pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use std::borrow::Cow;
use std::io::{self, Write};

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use crate::bevinding::{Bevinding, Ernst};
use crate::model::Zaak;
use crate::persoonsgegevens;
use crate::register::{Invoerfout, Register, KLACHTEN_CSV};
use crate::{Drempel, Uitkomst};

/// The output formats of `klachten check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    Text,
    Json,
    /// JUnit XML for Jenkins and GitLab test reports.
    Junit,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations), and a job summary where GitHub asks
    /// for one.
    Github,
    /// GitLab's Code Quality report.
    Codequality,
    /// A table for a spreadsheet: a row per finding and input error.
    Csv,
}

/// Everything a printer needs besides the outcome.
pub struct Opties {
    /// The `--register` path as given, for the paths printed in text formats.
    pub register: String,
    pub drempel: Drempel,
    /// Colour (text format, only on a terminal).
    pub kleur: bool,
}

impl Formaat {
    /// Whether the document owns stdout entirely, so that the notes and the closing
    /// summary line go to a log of their own ([`schrijf_log`], stderr): the CI formats and
    /// the spreadsheet.
    pub fn heeft_log(self) -> bool {
        matches!(
            self,
            Formaat::Junit | Formaat::Sarif | Formaat::Github | Formaat::Codequality | Formaat::Csv
        )
    }
}

/// The name every CI format gives input errors: the rule id of their annotations,
/// results and issues, the name of their JUnit test suite.
pub const INVOER: &str = "invoer";

/// Writes `uitkomst` in `formaat` to `uit`: the document only (see [`Formaat::heeft_log`]).
pub fn schrijf(
    uitkomst: &Uitkomst,
    formaat: Formaat,
    opties: &Opties,
    uit: &mut dyn Write,
) -> io::Result<()> {
    match formaat {
        Formaat::Text => text::schrijf(uitkomst, opties, uit),
        Formaat::Json => json::schrijf(uitkomst, opties, uit),
        Formaat::Junit => junit::schrijf(uitkomst, opties, uit),
        Formaat::Sarif => sarif::schrijf(uitkomst, opties, uit),
        Formaat::Github => github::schrijf(uitkomst, opties, uit),
        Formaat::Codequality => codequality::schrijf(uitkomst, opties, uit),
        Formaat::Csv => csv::schrijf(uitkomst, opties, uit),
    }
}

/// Writes every item of `items` in order, as `schrijf` formats it (given the item's index)
/// into a buffer. Stretches of items are formatted side by side: at a million cases the
/// printer would otherwise be the last part of the run with one core idle. A few buffers
/// are in use at a time, each reused, so memory does not grow with the output.
pub(crate) fn per_stuk<T: Sync>(
    items: &[T],
    uit: &mut dyn Write,
    schrijf: impl Fn(usize, &T, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    const PER_BUFFER: usize = 1024;
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); 4 * rayon::current_num_threads()];
    let per_ronde = PER_BUFFER * buffers.len();
    for ronde in (0..items.len()).step_by(per_ronde) {
        let klaar: Vec<io::Result<()>> = buffers
            .par_iter_mut()
            .enumerate()
            .map(|(k, buffer)| {
                buffer.clear();
                let begin = (ronde + k * PER_BUFFER).min(items.len());
                let eind = (begin + PER_BUFFER).min(items.len());
                (begin..eind).try_for_each(|i| schrijf(i, &items[i], buffer))
            })
            .collect();
        for (buffer, klaar) in buffers.iter().zip(klaar) {
            klaar?;
            uit.write_all(buffer)?;
        }
    }
    Ok(())
}

/// The notes and the closing summary line, for the log of a CI job (stderr). The note on a
/// skipped Git history is left out: `main` writes that one to stderr for every format.
pub fn schrijf_log(uitkomst: &Uitkomst, opties: &Opties, log: &mut dyn Write) -> io::Result<()> {
    let historie = uitkomst.historie.as_ref().and_then(|h| h.notitie.as_ref());
    for notitie in &uitkomst.notities {
        if Some(notitie) != historie {
            writeln!(
                log,
                "klachten: let op: {}",
                zonder_stuurtekens(notitie, false)
            )?;
        }
    }
    writeln!(
        log,
        "klachten: {}",
        text::samenvattingsregel(&uitkomst.samenvatting, uitkomst, opties)
    )
}

/// Whether a finding would count toward the exit status but does not because it is older
/// than `--since`. As decided by [`Drempel::telt`]; printers only say so.
pub fn voor_since(b: &Bevinding, drempel: Drempel) -> bool {
    drempel.since.is_some()
        && !drempel.telt(b)
        && Drempel {
            since: None,
            ..drempel
        }
        .telt(b)
}

/// How many findings count toward the exit status, as [`Drempel::telt`] decides. Input
/// errors always count and are counted apart.
pub fn tellend(uitkomst: &Uitkomst, drempel: Drempel) -> usize {
    uitkomst
        .bevindingen
        .iter()
        .filter(|b| drempel.telt(b))
        .count()
}

/// The value an input error may show: none from the columns that hold the complainant's
/// name and contact details (`klager`, `contact`), which never appear in any output.
pub fn invoerwaarde(f: &Invoerfout) -> Option<&str> {
    let persoonlijk =
        f.bestand == KLACHTEN_CSV && matches!(f.kolom.as_deref(), Some(KLAGER | CONTACT));
    f.waarde.as_deref().filter(|_| !persoonlijk)
}

/// The columns of klachten.csv with the complainant's name and contact details.
const KLAGER: &str = "klager";
const CONTACT: &str = "contact";

/// What an input error says, without its place: `datum: geen bestaande datum (waarde:
/// "31-02-2025")`.
pub fn invoerfout_tekst(f: &Invoerfout) -> String {
    let mut tekst = String::new();
    if let Some(kolom) = &f.kolom {
        tekst.push_str(kolom);
        tekst.push_str(": ");
    }
    tekst.push_str(&f.bericht);
    if let Some(waarde) = invoerwaarde(f).filter(|w| !w.is_empty()) {
        tekst.push_str(&format!(" (waarde: {waarde:?})"));
    }
    tekst
}

/// What a finding says in the CI formats: the case (`reglement` for a finding on no
/// case), the message, and whether it was accounted for, falls before `--since`, or is a
/// warning that counts because of `--strict`.
pub fn bevinding_tekst(b: &Bevinding, opties: &Opties) -> String {
    let mut tekst = format!("{}: {}", b.zaaknaam(), b.bericht);
    if let Some(j) = &b.verantwoording {
        tekst.push_str(&format!(" (verantwoord: {j})"));
    } else if voor_since(b, opties.drempel) {
        tekst.push_str(" (telt niet mee: van voor --since)");
    } else if b.ernst == Ernst::Warning && opties.drempel.telt(b) {
        tekst.push_str(" (telt mee: --strict)");
    }
    tekst
}

/// `tekst` with every control character (and every character that changes the direction
/// of text) written as an escape, `\u{1b}`: nothing from the register may steer a terminal
/// or a CI log (colours, cursor moves, a line that seems to come from the tool). With
/// `regeleinden`, `\r` and `\n` stay (GitHub's commands escape those themselves).
pub fn zonder_stuurtekens(tekst: &str, regeleinden: bool) -> Cow<'_, str> {
    let stuur = |c: char| {
        (c.is_control() && !(regeleinden && matches!(c, '\r' | '\n')))
            || persoonsgegevens::is_richtingteken(c)
    };
    if !tekst.chars().any(stuur) {
        return Cow::Borrowed(tekst);
    }
    let mut uit = String::with_capacity(tekst.len() + 8);
    for c in tekst.chars() {
        if stuur(c) {
            uit.extend(c.escape_unicode());
        } else {
            uit.push(c);
        }
    }
    Cow::Owned(uit)
}

/// The handler of case `zaak` as a printer shows it: with personal data and the case's own
/// name and contact redacted, like every name of staff (a surname shared with the
/// complainant stays: `persoonsgegevens::toon_zonder_naamwoorden`).
pub fn behandelaar<'z>(register: &Register, zaak: &'z Zaak) -> Cow<'z, str> {
    persoonsgegevens::toon_zonder_naamwoorden(&zaak.behandelaar, &register.geheimen(zaak))
}

/// The register path as the user gave it, relative and with `/`: the prefix of every path
/// in the text formats. An absolute path is made relative to the working directory
/// (`../elders/register` when it lies outside it); only where no relative path exists (on
/// another drive) does it stay absolute.
pub fn weergavepad(register: &Path) -> String {
    weergavepad_vanuit(register, std::env::current_dir().ok().as_deref())
}

fn weergavepad_vanuit(register: &Path, cwd: Option<&Path>) -> String {
    let pad: PathBuf = match cwd {
        Some(cwd) if register.is_absolute() && cwd.is_absolute() => {
            relatief(register, cwd).unwrap_or_else(|| register.to_path_buf())
        }
        _ => register.to_path_buf(),
    };
    let tekst = pad.to_string_lossy().replace('\\', "/");
    let tekst = tekst.trim_end_matches('/');
    if tekst.is_empty() {
        ".".to_string()
    } else {
        tekst.to_string()
    }
}

/// `doel` relative to `basis`, both absolute, by their components (no file system access).
fn relatief(doel: &Path, basis: &Path) -> Option<PathBuf> {
    use std::path::Component;
    fn delen(p: &Path) -> Vec<Component<'_>> {
        p.components().filter(|c| *c != Component::CurDir).collect()
    }
    let (doel, basis) = (delen(doel), delen(basis));
    // Another drive or root: no relative path.
    if doel.first() != basis.first() || basis.contains(&Component::ParentDir) {
        return None;
    }
    let gemeen = doel.iter().zip(&basis).take_while(|(a, b)| a == b).count();
    let mut uit = PathBuf::new();
    for _ in gemeen..basis.len() {
        uit.push("..");
    }
    for c in &doel[gemeen..] {
        uit.push(c);
    }
    Some(uit)
}

impl Opties {
    /// `register/gebeurtenissen.csv`: the path of a file of the register, for display.
    pub fn pad(&self, bestand: &str) -> String {
        if self.register == "." {
            bestand.to_string()
        } else {
            format!("{}/{bestand}", self.register)
        }
    }

    /// `register/gebeurtenissen.csv:31` for a finding.
    pub fn plek(&self, b: &Bevinding) -> String {
        match b.line {
            Some(line) => format!("{}:{line}", self.pad(&b.bron.pad())),
            None => self.pad(&b.bron.pad()),
        }
    }

    /// `register/gebeurtenissen.csv:12` for an input error.
    pub fn plek_fout(&self, f: &Invoerfout) -> String {
        match f.line {
            Some(line) => format!("{}:{line}", self.pad(&f.bestand)),
            None => self.pad(&f.bestand),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stuurtekens_worden_ontsnapt() {
        assert_eq!(
            zonder_stuurtekens("a\u{1b}[31mrood\u{7}\tb\nc\u{202e}d", false),
            "a\\u{1b}[31mrood\\u{7}\\u{9}b\\u{a}c\\u{202e}d"
        );
        assert_eq!(zonder_stuurtekens("a\r\nb\u{9b}c", true), "a\r\nb\\u{9b}c");
        assert!(matches!(
            zonder_stuurtekens("gewoon ë", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn weergavepad_is_nooit_absoluut() {
        let cwd = Some(Path::new("/werk/repo"));
        let vanuit = |p: &str| weergavepad_vanuit(Path::new(p), cwd);
        assert_eq!(vanuit("register"), "register");
        assert_eq!(vanuit("./register/"), "./register");
        assert_eq!(vanuit("/werk/repo/register"), "register");
        assert_eq!(vanuit("/werk/repo"), ".");
        assert_eq!(vanuit("/werk/ander/register"), "../ander/register");
        assert_eq!(vanuit("/tmp/x"), "../../tmp/x");
        assert_eq!(weergavepad_vanuit(Path::new("/tmp/x"), None), "/tmp/x");
    }
}
