//! `--format text`: what a complaint handler reads in a terminal. Findings grouped per
//! case, input errors as `file:line: column: message`, and one closing summary line.

use std::fmt::{self, Display};
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{invoerfout_tekst, zonder_stuurtekens, Opties};
use crate::bevinding::{Bevinding, Ernst};
use crate::datum::dmj;
use crate::register::REGLEMENT_TOML;
use crate::{Samenvatting, Uitkomst};

const ROOD: Style = AnsiColor::Red.on_default().bold();
const GEEL: Style = AnsiColor::Yellow.on_default().bold();
const BLAUW: Style = AnsiColor::Blue.on_default();
const GROEN: Style = AnsiColor::Green.on_default();
const VET: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

struct Stijl(bool);

impl Stijl {
    fn verf(&self, stijl: Style, tekst: &str) -> String {
        if self.0 {
            format!("{}{tekst}{}", stijl.render(), stijl.render_reset())
        } else {
            tekst.to_string()
        }
    }

    /// `tekst` in `stijl` when writing in colour, written straight to the output.
    fn verfd<T: Display>(&self, stijl: Style, tekst: T) -> Geverfd<T> {
        Geverfd {
            stijl: self.0.then_some(stijl),
            tekst,
        }
    }
}

struct Geverfd<T> {
    stijl: Option<Style>,
    tekst: T,
}

impl<T: Display> Display for Geverfd<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.stijl {
            Some(stijl) => write!(
                f,
                "{}{}{}",
                stijl.render(),
                self.tekst,
                stijl.render_reset()
            ),
            None => self.tekst.fmt(f),
        }
    }
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let stijl = Stijl(opties.kleur);
    // Where each case's findings begin, for its heading; findings come grouped by case.
    let mut koppen: Vec<(usize, &crate::model::Zaak)> = uitkomst
        .register
        .zaken
        .iter()
        .zip(&uitkomst.zaken)
        .filter(|(_, oordeel)| !oordeel.bevindingen.is_empty())
        .map(|(zaak, oordeel)| (oordeel.bevindingen.start, zaak))
        .collect();
    koppen.sort_unstable_by_key(|(begin, _)| *begin);

    let bevindingen = &uitkomst.bevindingen;
    super::per_stuk(bevindingen, uit, |i, b, uit| {
        let vorige = i.checked_sub(1).map(|v| bevindingen[v].zaak.as_deref());
        if vorige != Some(b.zaak.as_deref()) {
            if vorige.is_some() {
                writeln!(uit)?;
            }
            let kop = koppen.partition_point(|(begin, _)| *begin < i);
            match koppen
                .get(kop)
                .filter(|(begin, zaak)| *begin == i && Some(&zaak.id) == b.zaak.as_ref())
            {
                // Findings on no case come first, under a heading of their own.
                _ if b.zaak.is_none() => writeln!(
                    uit,
                    "{}",
                    stijl.verfd(VET, format_args!("Reglement ({REGLEMENT_TOML})"))
                )?,
                Some((_, z)) => writeln!(
                    uit,
                    "{}",
                    stijl.verfd(
                        VET,
                        format_args!(
                            "{} ({}, ontvangen {}, behandelaar {})",
                            z.id,
                            z.dienst.naam(),
                            dmj(z.ontvangen),
                            zonder_stuurtekens(&super::behandelaar(&uitkomst.register, z), false)
                        )
                    )
                )?,
                None => writeln!(uit, "{}", stijl.verfd(VET, b.zaaknaam()))?,
            }
        }
        schrijf_bevinding(b, opties, &stijl, uit)
    })?;
    let vorige = bevindingen.last().map(|b| b.zaak.as_deref());

    let fouten = &uitkomst.register.invoerfouten;
    if !fouten.is_empty() {
        if vorige.is_some() {
            writeln!(uit)?;
        }
        writeln!(uit, "{}", stijl.verf(VET, "Invoerfouten"))?;
        for f in fouten {
            let regel = format!("{}: {}", opties.plek_fout(f), invoerfout_tekst(f));
            writeln!(
                uit,
                "  {}",
                stijl.verf(ROOD, &zonder_stuurtekens(&regel, false))
            )?;
        }
    }
    for notitie in &uitkomst.notities {
        let notitie = zonder_stuurtekens(notitie, false);
        writeln!(uit, "{}", stijl.verf(DIM, &format!("let op: {notitie}")))?;
    }
    if !uitkomst.bevindingen.is_empty() || !fouten.is_empty() || !uitkomst.notities.is_empty() {
        writeln!(uit)?;
    }
    writeln!(
        uit,
        "{}",
        samenvattingsregel(&uitkomst.samenvatting, uitkomst, opties)
    )
}

fn schrijf_bevinding(
    b: &Bevinding,
    opties: &Opties,
    stijl: &Stijl,
    uit: &mut dyn Write,
) -> io::Result<()> {
    let (label, kleur) = match (b.ernst, b.is_geaccepteerd()) {
        (_, true) => ("verantwoord", GROEN),
        (Ernst::Error, false) => ("overtreding", ROOD),
        (Ernst::Warning, false) => ("waarschuwing", GEEL),
        (Ernst::Info, false) => ("info", BLAUW),
    };
    let telt = if super::voor_since(b, opties.drempel) {
        " (telt niet mee: van voor --since)"
    } else {
        ""
    };
    writeln!(
        uit,
        "  {} {} {}{telt}",
        stijl.verfd(kleur, format_args!("{label:<12}")),
        stijl.verfd(VET, b.regel.id()),
        zonder_stuurtekens(&b.bericht, false)
    )?;
    writeln!(uit, "  {:<12} {}", "", stijl.verfd(DIM, opties.plek(b)))?;
    if let Some(j) = &b.verantwoording {
        writeln!(
            uit,
            "  {:<12} {}",
            "",
            stijl.verf(
                GROEN,
                &format!("verantwoording: {}", zonder_stuurtekens(j, false))
            )
        )?;
    }
    Ok(())
}

/// `1 zaak`, `2 zaken`.
pub(crate) fn meervoud(n: usize, een: &str, meer: &str) -> String {
    if n == 1 {
        format!("1 {een}")
    } else {
        format!("{n} {meer}")
    }
}

/// One line: what was read, what was found, how many findings count toward the exit
/// status, and whether the check passes.
pub fn samenvattingsregel(s: &Samenvatting, uitkomst: &Uitkomst, opties: &Opties) -> String {
    let mut delen = vec![format!(
        "{} gelezen, {} gecontroleerd",
        meervoud(s.cases, "zaak", "zaken"),
        s.checked
    )];
    if s.out_of_scope > 0 {
        delen.push(format!("{} buiten het reglement", s.out_of_scope));
    }
    if s.left_out > 0 {
        delen.push(format!("{} na de peildatum", s.left_out));
    }
    if s.invalid > 0 {
        delen.push(format!("{} ongeldig", s.invalid));
    }
    let mut bevindingen = format!(
        "{}, {}, {} ter informatie",
        meervoud(s.errors, "overtreding", "overtredingen"),
        meervoud(s.warnings, "waarschuwing", "waarschuwingen"),
        s.infos
    );
    if s.accepted > 0 {
        bevindingen.push_str(&format!(" ({} verantwoord)", s.accepted));
    }
    if uitkomst.historie_onvolledig().is_some() {
        bevindingen.push_str("; Git-historie onvolledig, art. 7 niet getoetst");
    }
    let tellend = match super::tellend(uitkomst, opties.drempel) {
        0 => "geen bevinding telt mee".to_string(),
        1 => "1 bevinding telt mee".to_string(),
        n => format!("{n} bevindingen tellen mee"),
    };
    let oordeel = if uitkomst.slaagt(opties.drempel) {
        "geslaagd"
    } else {
        "niet geslaagd"
    };
    format!(
        "{}; {}; {tellend}; {}; peildatum {}: {oordeel}",
        delen.join(", "),
        bevindingen,
        meervoud(s.input_errors, "invoerfout", "invoerfouten"),
        dmj(uitkomst.register.peildatum)
    )
}
