//! `--format json`: one JSON document, streamed finding by finding. The keys are part of
//! the contract; see `docs/json.md`.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::Opties;
use crate::bevinding::Bevinding;
use crate::datum::Geschreven;
use crate::Uitkomst;

#[derive(Serialize)]
struct Samenvatting<'a> {
    cases: usize,
    checked: usize,
    out_of_scope: usize,
    left_out: usize,
    invalid: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    accepted: usize,
    input_errors: usize,
    events: usize,
    events_left_out: usize,
    events_invalid: usize,
    /// Findings that count toward the exit status, with the `--strict` and `--since` given.
    counting: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<&'a str>,
    versions: Vec<Versie<'a>>,
    source: Herkomst,
}

/// An entry of `summary.versions`: one version of the regulation.
#[derive(Serialize)]
struct Versie<'a> {
    start: Datum,
    naam: &'a str,
    besluit: Option<&'a str>,
    ontvangstbevestiging_werkdagen: u32,
    afhandeltermijn_weken: u32,
    beroepstermijn_weken: u32,
    beroep_afhandeltermijn_weken: Option<u32>,
}

/// `summary.source`: the evidence stamp (see `crate::stempel`).
#[derive(Serialize)]
struct Herkomst {
    commit: Option<String>,
    uncommitted_changes: Option<bool>,
    sha256: Sha256,
    version: &'static str,
    as_of: Datum,
}

#[derive(Serialize)]
struct Sha256 {
    #[serde(rename = "klachten.csv")]
    klachten: Option<String>,
    #[serde(rename = "gebeurtenissen.csv")]
    gebeurtenissen: Option<String>,
}

#[derive(Serialize)]
struct Finding<'a> {
    case: Option<&'a str>,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    deadline: Option<Datum>,
    date: Option<Datum>,
    file: Cow<'a, str>,
    line: Option<u32>,
    accepted: bool,
    justification: Option<&'a str>,
    reglement_vanaf: Option<Datum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<Option<&'a str>>,
}

#[derive(Serialize)]
struct InputError<'a> {
    file: &'a str,
    line: Option<u32>,
    column: Option<&'a str>,
    value: Option<&'a str>,
    message: &'a str,
}

/// A date as `YYYY-MM-DD`.
struct Datum(NaiveDate);

impl Serialize for Datum {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Geschreven::jmd(self.0))
    }
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let s = &uitkomst.samenvatting;
    let peildatum = uitkomst.register.peildatum;
    let stempel = uitkomst.stempel.clone();
    let samenvatting = Samenvatting {
        cases: s.cases,
        checked: s.checked,
        out_of_scope: s.out_of_scope,
        left_out: s.left_out,
        invalid: s.invalid,
        errors: s.errors,
        warnings: s.warnings,
        infos: s.infos,
        accepted: s.accepted,
        input_errors: s.input_errors,
        events: s.events,
        events_left_out: s.events_left_out,
        events_invalid: s.events_invalid,
        counting: super::tellend(uitkomst, opties.drempel),
        history: uitkomst.historie.as_ref().map(|h| h.status.naam()),
        versions: uitkomst
            .register
            .reglement
            .versies()
            .map(|v| Versie {
                start: Datum(v.vanaf),
                naam: &v.naam,
                besluit: v.besluit.as_deref(),
                ontvangstbevestiging_werkdagen: v.termen.ontvangstbevestiging_werkdagen,
                afhandeltermijn_weken: v.termen.afhandeltermijn_weken,
                beroepstermijn_weken: v.termen.beroepstermijn_weken,
                beroep_afhandeltermijn_weken: v.termen.beroep_afhandeltermijn_weken,
            })
            .collect(),
        source: Herkomst {
            commit: stempel.commit,
            uncommitted_changes: stempel.gewijzigd,
            sha256: Sha256 {
                klachten: stempel.klachten,
                gebeurtenissen: stempel.gebeurtenissen,
            },
            version: stempel.versie,
            as_of: Datum(peildatum),
        },
    };
    write!(
        uit,
        "{{\n  \"as_of\": \"{}\",\n  \"summary\": ",
        Geschreven::jmd(peildatum)
    )?;
    serde_json::to_writer(&mut *uit, &samenvatting)?;
    write!(uit, ",\n  \"findings\": [")?;
    super::per_stuk(&uitkomst.bevindingen, uit, |i, b, buffer| {
        buffer.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        serde_json::to_writer(&mut *buffer, &finding(b))?;
        Ok(())
    })?;
    if !uitkomst.bevindingen.is_empty() {
        uit.write_all(b"\n  ")?;
    }
    write!(uit, "],\n  \"input_errors\": [")?;
    for (i, f) in uitkomst.register.invoerfouten.iter().enumerate() {
        uit.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        serde_json::to_writer(
            &mut *uit,
            &InputError {
                file: &f.bestand,
                line: f.line,
                column: f.kolom.as_deref(),
                value: super::invoerwaarde(f),
                message: &f.bericht,
            },
        )?;
    }
    if !uitkomst.register.invoerfouten.is_empty() {
        uit.write_all(b"\n  ")?;
    }
    write!(uit, "],\n  \"notes\": ")?;
    serde_json::to_writer(&mut *uit, &uitkomst.notities)?;
    uit.write_all(b"\n}\n")
}

fn finding(b: &Bevinding) -> Finding<'_> {
    let uit_historie = b.regel.uit_historie();
    Finding {
        case: b.zaak.as_deref(),
        rule: b.regel.id(),
        severity: b.ernst.naam(),
        message: &b.bericht,
        deadline: b.deadline.map(Datum),
        date: b.datum.map(Datum),
        file: b.bron.pad(),
        line: b.line,
        accepted: b.is_geaccepteerd(),
        justification: b.verantwoording.as_deref(),
        reglement_vanaf: b.reglement_vanaf.map(Datum),
        commit: uit_historie.then_some(b.commit.as_deref()),
    }
}
