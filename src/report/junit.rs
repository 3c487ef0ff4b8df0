//! `--format junit`: JUnit XML as GitLab, Jenkins and GitHub test reporters read it. One
//! test case per case and rule with a finding; an unaccounted error fails it. Input errors
//! are failing test cases of a suite of their own.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::Opties;
use crate::rules::{Bevinding, Ernst};
use crate::Uitkomst;

/// Text safe in XML: escaped, and without characters XML 1.0 does not allow.
pub fn xml(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    for c in tekst.chars() {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '"' => uit.push_str("&quot;"),
            '\'' => uit.push_str("&apos;"),
            '\t' | '\n' | '\r' => uit.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => uit.push('\u{fffd}'),
            c => uit.push(c),
        }
    }
    uit
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    // Findings are sorted by case and rule: group them.
    let mut gevallen: BTreeMap<(&str, &str), Vec<&Bevinding>> = BTreeMap::new();
    for b in &uitkomst.bevindingen {
        gevallen.entry((&b.zaak, b.regel.id())).or_default().push(b);
    }
    fn faalt(b: &&&Bevinding) -> bool {
        b.ernst == Ernst::Error && !b.is_geaccepteerd()
    }
    let mislukt = gevallen
        .values()
        .filter(|l| l.iter().any(|b| faalt(&b)))
        .count();
    let fouten = &uitkomst.register.invoerfouten;
    writeln!(uit, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        uit,
        "<testsuites name=\"klachten\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
        gevallen.len() + fouten.len(),
        mislukt + fouten.len()
    )?;
    writeln!(
        uit,
        "  <testsuite name=\"klachtenreglement\" tests=\"{}\" failures=\"{mislukt}\" errors=\"0\" skipped=\"0\" time=\"0\">",
        gevallen.len()
    )?;
    for ((zaak, regel), lijst) in &gevallen {
        let eerste = lijst[0];
        let plek = opties.pad(&eerste.bron.pad());
        write!(
            uit,
            "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"",
            xml(zaak),
            xml(regel),
            xml(&plek)
        )?;
        if let Some(line) = eerste.line {
            write!(uit, " line=\"{line}\"")?;
        }
        writeln!(uit, " time=\"0\">")?;
        for b in lijst.iter().filter(faalt) {
            let bron = match b.line {
                Some(line) => format!("{}:{line}", opties.pad(&b.bron.pad())),
                None => opties.pad(&b.bron.pad()),
            };
            let bericht = format!("{bron}: {}", b.bericht);
            writeln!(
                uit,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                xml(&bericht),
                xml(b.regel.id()),
                xml(&bericht)
            )?;
        }
        let uitleg: Vec<String> = lijst
            .iter()
            .filter(|b| !faalt(b))
            .map(|b| match &b.verantwoording {
                Some(j) => format!(
                    "{} ({}, verantwoord): {}. Verantwoording: {j}",
                    b.regel.id(),
                    b.ernst.label(),
                    b.bericht
                ),
                None => format!("{} ({}): {}", b.regel.id(), b.ernst.label(), b.bericht),
            })
            .collect();
        if !uitleg.is_empty() {
            writeln!(
                uit,
                "      <system-out>{}</system-out>",
                xml(&uitleg.join("\n"))
            )?;
        }
        writeln!(uit, "    </testcase>")?;
    }
    writeln!(uit, "  </testsuite>")?;
    writeln!(
        uit,
        "  <testsuite name=\"invoer\" tests=\"{0}\" failures=\"{0}\" errors=\"0\" skipped=\"0\" time=\"0\">",
        fouten.len()
    )?;
    for f in fouten {
        let bron = match f.line {
            Some(line) => format!("{}:{line}", opties.pad(&f.bestand)),
            None => opties.pad(&f.bestand),
        };
        let bericht = match &f.kolom {
            Some(k) => format!("{bron}: {k}: {}", f.bericht),
            None => format!("{bron}: {}", f.bericht),
        };
        write!(
            uit,
            "    <testcase classname=\"invoer\" name=\"{}\" file=\"{}\"",
            xml(&bron),
            xml(&opties.pad(&f.bestand))
        )?;
        if let Some(line) = f.line {
            write!(uit, " line=\"{line}\"")?;
        }
        writeln!(uit, " time=\"0\">")?;
        writeln!(
            uit,
            "      <failure message=\"{0}\" type=\"invoer\">{0}</failure>",
            xml(&bericht)
        )?;
        writeln!(uit, "    </testcase>")?;
    }
    writeln!(uit, "  </testsuite>")?;
    writeln!(uit, "</testsuites>")
}
