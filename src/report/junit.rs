//! `--format junit`: JUnit XML for the test reports of Jenkins and GitLab.
//!
//! The test suite `klachten` has one `<testcase>` per case and rule with a finding:
//! `classname` is the zaak (`reglement` for a finding on no case), `name` the rule id,
//! `file` and `line` where its (first failing, else first) finding points. Each unaccepted
//! error finding is a `<failure>` whose message starts with `file:line:`, as the contract
//! asks; warnings (with `--strict` too), infos and accepted findings pass and are listed,
//! with the justification, in `<system-out>`, whose text says when a warning counts toward
//! the exit status. An error finding from before `--since` is still a failure; its message
//! says that it does not count. Input errors are failing test cases of a second test
//! suite, `invoer`: `classname` is `invoer`, `name` the file, line and column.
//!
//! Apart from the testcase attributes `file` and `line`, the document validates against the
//! JUnit schema of Jenkins' xUnit plugin (`tests/schemas/junit-10.xsd`). It holds only the
//! elements every JUnit reader knows (`testsuites`, `testsuite`, `testcase`, `failure`,
//! `system-out` of a test case): the options and the notes belong to the job log, where
//! [`super::schrijf_log`] writes them. No times or timestamps: the report depends only on
//! the register and the options.

use std::io::{self, Write};

use super::{bevinding_tekst, invoerfout_tekst, Opties, INVOER};
use crate::bevinding::{Bevinding, Ernst};
use crate::datum::Geschreven;
use crate::register::Invoerfout;
use crate::Uitkomst;

/// The name of the test suite of findings.
pub const ZAKEN: &str = "klachten";

/// Whether a finding is a `<failure>`: an error nobody accounted for, as the contract
/// says, also when it does not count toward the exit status (from before `--since`; its
/// message says so). Warnings pass, with `--strict` too: their text in `<system-out>` says
/// that they count.
fn faalt(b: &Bevinding) -> bool {
    b.ernst == Ernst::Error && !b.is_geaccepteerd()
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    // Findings are sorted by case, then rule: each test case is a run of equal keys.
    let groepen: Vec<&[Bevinding]> = uitkomst
        .bevindingen
        .chunk_by(|a, b| a.zaak == b.zaak && a.regel == b.regel)
        .collect();
    let fouten = &uitkomst.register.invoerfouten;
    let falend = groepen.iter().filter(|g| g.iter().any(faalt)).count();

    writeln!(uit, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        uit,
        r#"<testsuites name="klachten check" tests="{}" failures="{}" errors="0">"#,
        groepen.len() + fouten.len(),
        falend + fouten.len()
    )?;

    writeln!(
        uit,
        r#"  <testsuite name="{ZAKEN}" tests="{}" failures="{falend}" errors="0" skipped="0">"#,
        groepen.len()
    )?;
    for groep in &groepen {
        testcase(uit, groep, opties)?;
    }
    writeln!(uit, "  </testsuite>")?;

    writeln!(
        uit,
        r#"  <testsuite name="{INVOER}" tests="{0}" failures="{0}" errors="0" skipped="0">"#,
        fouten.len()
    )?;
    for f in fouten {
        invoertestcase(uit, f, opties)?;
    }
    writeln!(uit, "  </testsuite>")?;
    writeln!(uit, "</testsuites>")
}

/// One test case: the findings of one rule on one case.
fn testcase(uit: &mut dyn Write, groep: &[Bevinding], opties: &Opties) -> io::Result<()> {
    let Some(eerste) = groep.first() else {
        return Ok(());
    };
    let mislukt = |b: &&Bevinding| faalt(b);
    let wijst = groep.iter().find(mislukt).unwrap_or(eerste);
    write!(
        uit,
        r#"    <testcase classname="{}" name="{}" file="{}""#,
        attribuut(eerste.zaaknaam()),
        attribuut(eerste.regel.id()),
        attribuut(&opties.pad(&wijst.bron.pad()))
    )?;
    if let Some(line) = wijst.line {
        write!(uit, r#" line="{line}""#)?;
    }
    writeln!(uit, ">")?;
    for b in groep.iter().filter(mislukt) {
        let bericht = format!("{}: {}", opties.plek(b), bevinding_tekst(b, opties));
        writeln!(
            uit,
            r#"      <failure type="{}" message="{}">{}</failure>"#,
            attribuut(b.regel.id()),
            attribuut(&bericht),
            tekst(&details(&bericht, b))
        )?;
    }
    let geslaagd: Vec<&Bevinding> = groep.iter().filter(|b| !mislukt(b)).collect();
    if !geslaagd.is_empty() {
        write!(uit, "      <system-out>")?;
        for b in geslaagd {
            // An accounted-for finding's text ends with its justification.
            writeln!(
                uit,
                "{}",
                tekst(&format!(
                    "{}: {}: {}",
                    opties.plek(b),
                    b.ernst.label(),
                    bevinding_tekst(b, opties)
                ))
            )?;
        }
        writeln!(uit, "</system-out>")?;
    }
    writeln!(uit, "    </testcase>")
}

/// The body of a failure: the message, then the terms.
fn details(bericht: &str, b: &Bevinding) -> String {
    let mut regels = vec![bericht.to_string()];
    if let Some(d) = b.deadline {
        regels.push(format!("termijn: {}", Geschreven::jmd(d)));
    }
    if let Some(d) = b.datum {
        regels.push(format!("datum: {}", Geschreven::jmd(d)));
    }
    if let Some(c) = &b.commit {
        regels.push(format!("commit: {c}"));
    }
    regels.join("\n")
}

fn invoertestcase(uit: &mut dyn Write, f: &Invoerfout, opties: &Opties) -> io::Result<()> {
    let pad = opties.pad(&f.bestand);
    // Jenkins splits a classname at its dots into package and class: the file goes in the
    // name.
    let naam = match &f.kolom {
        Some(kolom) => format!("{} ({kolom})", opties.plek_fout(f)),
        None => opties.plek_fout(f),
    };
    write!(
        uit,
        r#"    <testcase classname="{INVOER}" name="{}" file="{}""#,
        attribuut(&naam),
        attribuut(&pad)
    )?;
    if let Some(line) = f.line {
        write!(uit, r#" line="{line}""#)?;
    }
    let bericht = format!("{}: {}", opties.plek_fout(f), invoerfout_tekst(f));
    writeln!(
        uit,
        r#">
      <failure type="{INVOER}" message="{}">{}</failure>
    </testcase>"#,
        attribuut(&bericht),
        tekst(&bericht)
    )
}

/// Whether XML 1.0 allows the character at all; others are left out.
fn toegestaan(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Escapes character data.
pub fn tekst(s: &str) -> String {
    ontsnap(s, false)
}

/// Escapes an attribute value in double quotes; line breaks and tabs survive as
/// character references (a parser would turn them into spaces otherwise).
pub fn attribuut(s: &str) -> String {
    ontsnap(s, true)
}

fn ontsnap(s: &str, in_attribuut: bool) -> String {
    let mut uit = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| toegestaan(c)) {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '\r' => uit.push_str("&#13;"),
            '"' if in_attribuut => uit.push_str("&quot;"),
            '\'' if in_attribuut => uit.push_str("&apos;"),
            '\n' if in_attribuut => uit.push_str("&#10;"),
            '\t' if in_attribuut => uit.push_str("&#9;"),
            c => uit.push(c),
        }
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ontsnapt_en_laat_verboden_tekens_weg() {
        assert_eq!(
            tekst("a < b & c > d\u{1}\u{FFFE}"),
            "a &lt; b &amp; c &gt; d"
        );
        assert_eq!(
            attribuut("\"x\" 'y'\n\tz\u{0}"),
            "&quot;x&quot; &apos;y&apos;&#10;&#9;z"
        );
        assert_eq!(tekst("]]>"), "]]&gt;");
    }
}
