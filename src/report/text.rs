//! `--format text`: what a complaint handler reads in a terminal. Findings grouped per
//! case, input errors as `file:line: column: message`, and one closing summary line.

use std::collections::HashMap;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{invoerfout_tekst, Opties};
use crate::rules::{dmj, Bevinding, Ernst};
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
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let stijl = Stijl(opties.kleur);
    let zaken: HashMap<&str, &crate::model::Zaak> = uitkomst
        .register
        .zaken
        .iter()
        .map(|z| (&*z.id, z))
        .collect();

    let mut vorige: Option<&str> = None;
    for b in &uitkomst.bevindingen {
        if vorige != Some(&*b.zaak) {
            if vorige.is_some() {
                writeln!(uit)?;
            }
            let kop = match zaken.get(&*b.zaak) {
                Some(z) => format!(
                    "{} ({}, ontvangen {}, behandelaar {})",
                    z.id,
                    z.dienst.naam(),
                    dmj(z.ontvangen),
                    z.behandelaar
                ),
                None => b.zaak.to_string(),
            };
            writeln!(uit, "{}", stijl.verf(VET, &kop))?;
            vorige = Some(&b.zaak);
        }
        schrijf_bevinding(b, opties, &stijl, uit)?;
    }

    let fouten = &uitkomst.register.invoerfouten;
    if !fouten.is_empty() {
        if vorige.is_some() {
            writeln!(uit)?;
        }
        writeln!(uit, "{}", stijl.verf(VET, "Invoerfouten"))?;
        for f in fouten {
            let regel = format!("{}: {}", opties.plek_fout(f), invoerfout_tekst(f));
            writeln!(uit, "  {}", stijl.verf(ROOD, &regel))?;
        }
    }
    for notitie in &uitkomst.notities {
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
    let telt = if opties.drempel.telt(b) || b.is_geaccepteerd() || b.ernst != Ernst::Error {
        ""
    } else {
        " (telt niet mee: van voor --since)"
    };
    writeln!(
        uit,
        "  {} {} {}{telt}",
        stijl.verf(kleur, &format!("{label:<12}")),
        stijl.verf(VET, b.regel.id()),
        b.bericht
    )?;
    writeln!(uit, "  {:<12} {}", "", stijl.verf(DIM, &opties.plek(b)))?;
    if let Some(j) = &b.verantwoording {
        writeln!(
            uit,
            "  {:<12} {}",
            "",
            stijl.verf(GROEN, &format!("verantwoording: {j}"))
        )?;
    }
    Ok(())
}

fn meervoud(n: usize, een: &str, meer: &str) -> String {
    if n == 1 {
        format!("1 {een}")
    } else {
        format!("{n} {meer}")
    }
}

/// One line: what was read, what was found, and whether the check passes.
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
    let oordeel = if uitkomst.slaagt(opties.drempel) {
        "geslaagd"
    } else {
        "niet geslaagd"
    };
    format!(
        "{}; {}; {}; peildatum {}: {oordeel}",
        delen.join(", "),
        bevindingen,
        meervoud(s.input_errors, "invoerfout", "invoerfouten"),
        dmj(uitkomst.register.peildatum)
    )
}
