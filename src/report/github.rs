//! `--format github`: GitHub Actions workflow commands, one line per finding and input
//! error, which GitHub shows as annotations on the register's files (and on a pull
//! request's diff). Nothing else goes to stdout; the summary line goes to stderr (see
//! [`super::schrijf_log`]).
//!
//! The kind of command follows the contract ([`soort`]): `::error` for error findings and
//! input errors, `::warning` for warnings, `::notice` for infos and accepted findings. A
//! finding that does not count toward the exit status keeps its kind and says so in its
//! message. Each command carries `file=`, `line=` (not for an error about a whole file) and
//! `title=` (the rule id, or `invoer`). Values are escaped as
//! the Actions toolkit does: `%`, CR and LF in the message; also `:` and `,` in properties.
//!
//! GitHub shows at most [`PER_SOORT`] annotations of each kind per step: the findings that
//! count come first, then the input errors, then the findings that do not count, so that
//! what GitHub leaves out matters least. When `GITHUB_STEP_SUMMARY` names a file, a
//! Markdown job summary is appended to it ([`schrijf_samenvatting`]) with the counts, what
//! counts and why, every finding that counts, and how many annotations GitHub left out.

use std::fs::OpenOptions;
use std::io::{self, Write};

use super::text::meervoud;
use super::{bevinding_tekst, invoerfout_tekst, tellend, voor_since, Opties, INVOER};
use crate::bevinding::{Bevinding, Ernst, RegelId};
use crate::datum::dmj;
use crate::{Drempel, Uitkomst};

/// The annotations GitHub shows of each kind (error, warning, notice) per step.
pub const PER_SOORT: usize = 10;
/// The annotations GitHub shows per job, of all steps and kinds together.
pub const PER_JOB: usize = 50;
/// The environment variable that names the file of the step's job summary.
pub const STAPSAMENVATTING: &str = "GITHUB_STEP_SUMMARY";
/// Findings and input errors listed in the job summary, each: GitHub takes at most 1 MiB
/// of summary per step.
pub const MAX_RIJEN: usize = 1000;

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let drempel = opties.drempel;
    for b in uitkomst.bevindingen.iter().filter(|b| drempel.telt(b)) {
        bevinding(uit, b, opties)?;
    }
    for f in &uitkomst.register.invoerfouten {
        let pad = opties.pad(&f.bestand);
        opdracht(uit, "error", &pad, f.line, INVOER, &invoerfout_tekst(f))?;
    }
    for b in uitkomst.bevindingen.iter().filter(|b| !drempel.telt(b)) {
        bevinding(uit, b, opties)?;
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

fn bevinding(uit: &mut dyn Write, b: &Bevinding, opties: &Opties) -> io::Result<()> {
    let pad = opties.pad(&b.bron.pad());
    let tekst = bevinding_tekst(b, opties);
    opdracht(uit, soort(b), &pad, b.line, b.regel.id(), &tekst)
}

/// The workflow command for a finding: by its severity, `::notice` when accepted.
fn soort(b: &Bevinding) -> &'static str {
    match getoond(b) {
        Ernst::Error => "error",
        Ernst::Warning => "warning",
        Ernst::Info => "notice",
    }
}

/// The severity a finding is annotated at: its own, an info when accepted.
fn getoond(b: &Bevinding) -> Ernst {
    if b.is_geaccepteerd() {
        Ernst::Info
    } else {
        b.ernst
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

/// Appends the job summary ([`schrijf_samenvatting`]) to the file that `GITHUB_STEP_SUMMARY`
/// names, as GitHub expects; nothing when the variable is not set (outside GitHub Actions).
pub fn schrijf_stapsamenvatting(uitkomst: &Uitkomst, opties: &Opties) -> io::Result<()> {
    let Some(pad) = std::env::var_os(STAPSAMENVATTING).filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let mut tekst = Vec::new();
    schrijf_samenvatting(uitkomst, opties, &mut tekst)?;
    let met_pad = |e: io::Error| {
        let pad = std::path::Path::new(&pad).display();
        io::Error::new(e.kind(), format!("{STAPSAMENVATTING} {pad}: {e}"))
    };
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(&pad)
        .and_then(|mut bestand| bestand.write_all(&tekst))
        .map_err(met_pad)
}

/// The job summary in GitHub's Markdown: the outcome, what counts toward the exit status
/// and why, the findings per rule and severity, the findings and input errors that count
/// (with file and line), and how many annotations GitHub's limits leave out. Text from the
/// register is escaped ([`md`]), so it shows as written and never becomes markup.
pub fn schrijf_samenvatting(
    uitkomst: &Uitkomst,
    opties: &Opties,
    uit: &mut dyn Write,
) -> io::Result<()> {
    kop(uitkomst, opties, uit)?;
    wat_meetelt(uitkomst, opties.drempel, uit)?;
    per_regel(uitkomst, opties.drempel, uit)?;
    wat_faalt(uitkomst, opties, uit)?;
    annotaties(uitkomst, uit)
}

/// The outcome, the summary line and the notes.
fn kop(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let oordeel = if uitkomst.slaagt(opties.drempel) {
        "geslaagd"
    } else {
        "niet geslaagd"
    };
    let regel = super::text::samenvattingsregel(&uitkomst.samenvatting, uitkomst, opties);
    // A blank line first: the file may hold the summaries of earlier steps.
    writeln!(uit, "\n## Klachtenregister: {oordeel}\n")?;
    writeln!(uit, "Register {}: {}\n", md(&opties.register), md(&regel))?;
    for notitie in &uitkomst.notities {
        writeln!(uit, "- let op: {}", md(notitie))?;
    }
    if !uitkomst.notities.is_empty() {
        writeln!(uit)?;
    }
    Ok(())
}

/// What counts toward the exit status with the options given, and how many do.
fn wat_meetelt(uitkomst: &Uitkomst, drempel: Drempel, uit: &mut dyn Write) -> io::Result<()> {
    let bevindingen = &uitkomst.bevindingen;
    writeln!(uit, "### Wat meetelt\n")?;
    write!(uit, "Mee telt elke overtreding")?;
    if drempel.strict {
        write!(uit, " en, door `--strict`, elke waarschuwing")?;
    }
    write!(uit, " die niet verantwoord is")?;
    if let Some(since) = drempel.since {
        write!(
            uit,
            ", behalve als zowel de termijn als de datum voor {} ligt (`--since`)",
            dmj(since)
        )?;
    }
    writeln!(uit, ". Invoerfouten tellen altijd mee.\n")?;
    let n = tellend(uitkomst, drempel);
    write!(
        uit,
        "**{n} van de {} bevindingen {} mee, en {}.**",
        bevindingen.len(),
        if n == 1 { "telt" } else { "tellen" },
        meervoud(
            uitkomst.register.invoerfouten.len(),
            "invoerfout",
            "invoerfouten"
        )
    )?;
    let oud = bevindingen
        .iter()
        .filter(|b| voor_since(b, drempel))
        .count();
    if oud > 0 {
        write!(
            uit,
            " {} niet mee omdat ze van voor `--since` {}.",
            meervoud(oud, "bevinding telt", "bevindingen tellen"),
            if oud == 1 { "is" } else { "zijn" }
        )?;
    }
    writeln!(uit, "\n")
}

/// The column of a severity in the tables: error, warning, info.
fn kolom(ernst: Ernst) -> usize {
    match ernst {
        Ernst::Error => 0,
        Ernst::Warning => 1,
        Ernst::Info => 2,
    }
}

/// A table of the findings per rule: per severity, accepted, and counting.
fn per_regel(uitkomst: &Uitkomst, drempel: Drempel, uit: &mut dyn Write) -> io::Result<()> {
    if uitkomst.bevindingen.is_empty() {
        return Ok(());
    }
    let mut per_regel = vec![[0usize; 5]; RegelId::ALLE.len()];
    for b in &uitkomst.bevindingen {
        let rij = &mut per_regel[b.regel.nummer()];
        rij[kolom(b.ernst)] += 1;
        rij[3] += usize::from(b.is_geaccepteerd());
        rij[4] += usize::from(drempel.telt(b));
    }
    writeln!(
        uit,
        "| regel | overtredingen | waarschuwingen | informatie | verantwoord | telt mee |\n\
         | --- | ---: | ---: | ---: | ---: | ---: |"
    )?;
    let mut totaal = [0usize; 5];
    for (regel, rij) in RegelId::ALLE.iter().zip(&per_regel) {
        if rij[..3].iter().sum::<usize>() == 0 {
            continue;
        }
        write!(uit, "| `{}` |", regel.id())?;
        for (t, n) in totaal.iter_mut().zip(rij) {
            *t += n;
            write!(uit, " {n} |")?;
        }
        writeln!(uit)?;
    }
    write!(uit, "| **alle** |")?;
    for n in totaal {
        write!(uit, " **{n}** |")?;
    }
    writeln!(uit, "\n")
}

/// The findings that count and the input errors, as tables with their file and line.
fn wat_faalt(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let n = tellend(uitkomst, opties.drempel);
    if n > 0 {
        writeln!(uit, "### Bevindingen die meetellen\n")?;
        writeln!(
            uit,
            "| plek | zaak | regel | ernst | bericht |\n| --- | --- | --- | --- | --- |"
        )?;
        let tellend = uitkomst
            .bevindingen
            .iter()
            .filter(|b| opties.drempel.telt(b));
        for b in tellend.take(MAX_RIJEN) {
            writeln!(
                uit,
                "| {} | {} | `{}` | {} | {} |",
                md(&opties.plek(b)),
                md(b.zaaknaam()),
                b.regel.id(),
                b.ernst.label(),
                md(&b.bericht)
            )?;
        }
        weggelaten_rijen(uit, n)?;
    }
    let fouten = &uitkomst.register.invoerfouten;
    if !fouten.is_empty() {
        writeln!(uit, "### Invoerfouten\n")?;
        writeln!(uit, "| plek | fout |\n| --- | --- |")?;
        for f in fouten.iter().take(MAX_RIJEN) {
            let (plek, fout) = (opties.plek_fout(f), invoerfout_tekst(f));
            writeln!(uit, "| {} | {} |", md(&plek), md(&fout))?;
        }
        weggelaten_rijen(uit, fouten.len())?;
    }
    Ok(())
}

/// How many annotations this step wrote of each kind, and how many GitHub leaves out.
fn annotaties(uitkomst: &Uitkomst, uit: &mut dyn Write) -> io::Result<()> {
    let mut per_soort = [0usize; 3];
    for b in &uitkomst.bevindingen {
        per_soort[kolom(getoond(b))] += 1;
    }
    per_soort[kolom(Ernst::Error)] += uitkomst.register.invoerfouten.len();
    let weg = per_soort.map(|n| n.saturating_sub(PER_SOORT));
    let [e, w, n] = per_soort;
    writeln!(uit, "### Annotaties\n")?;
    write!(
        uit,
        "Deze stap schreef {} annotaties ({e} error, {w} warning, {n} notice). GitHub toont \
         per stap hoogstens {PER_SOORT} van elke soort, en per job hoogstens {PER_JOB}: ",
        e + w + n
    )?;
    match weg.iter().sum::<usize>() {
        0 => writeln!(uit, "geen is weggelaten.")?,
        totaal => writeln!(
            uit,
            "{totaal} zijn weggelaten ({} error, {} warning, {} notice). Wat meetelt komt \
             eerst, dus weggelaten zijn de minst belangrijke; de volledige lijst geeft \
             `klachten check`.",
            weg[0], weg[1], weg[2]
        )?,
    }
    writeln!(uit)
}

/// The line under a table that shows at most [`MAX_RIJEN`] of `n` rows.
fn weggelaten_rijen(uit: &mut dyn Write, n: usize) -> io::Result<()> {
    if n > MAX_RIJEN {
        writeln!(
            uit,
            "\n… en nog {}, die niet in deze samenvatting passen; `klachten check` toont ze alle.",
            n - MAX_RIJEN
        )?;
    }
    writeln!(uit)
}

/// Text from the register as Markdown that shows as written, in a paragraph or a table cell:
/// HTML's special characters as entities, Markdown's punctuation escaped with a backslash,
/// line breaks and other control characters as spaces.
fn md(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    for c in tekst.chars() {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '#' | '!' => {
                uit.push('\\');
                uit.push(c);
            }
            c if c.is_control() => uit.push(' '),
            c => uit.push(c),
        }
    }
    uit
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
    fn markdown_toont_tekst_zoals_hij_is() {
        assert_eq!(
            md("<script>a & b</script>"),
            "&lt;script&gt;a &amp; b&lt;/script&gt;"
        );
        assert_eq!(
            md("a|b *c* _d_ `e` [f](g) ~h~ $i$ #j !k \\"),
            "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~h\\~ \\$i\\$ \\#j \\!k \\\\"
        );
        assert_eq!(md("regel 1\r\nregel 2\u{1}"), "regel 1  regel 2 ");
        assert_eq!(
            md("SL-2025-014: 3 dagen te laat"),
            "SL-2025-014: 3 dagen te laat"
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
