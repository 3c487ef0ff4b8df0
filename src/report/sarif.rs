//! `--format sarif`: a SARIF 2.1.0 log, for GitHub code scanning and other consumers.
//! One rule entry per rule id plus `invoer` for input errors; each result points at the
//! CSV file and line it stems from, and carries a fingerprint that stays the same while
//! the finding does.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::Opties;
use crate::rules::{Bevinding, Ernst, RegelId};
use crate::Uitkomst;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn niveau(ernst: Ernst) -> &'static str {
    match ernst {
        Ernst::Error => "error",
        Ernst::Warning => "warning",
        Ernst::Info => "note",
    }
}

/// FNV-1a, 64 bits: a small, stable hash (the standard library's is not stable across
/// releases).
fn fnv(delen: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for deel in delen {
        for b in deel.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// What identifies a finding across runs: its rule, case, file, and the dates it is
/// about. Not the line (rows shift when others are added) and not the message wording.
pub fn vingerafdruk(b: &Bevinding) -> String {
    let dag = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    fnv(&[
        b.regel.id(),
        &b.zaak,
        &b.bron.pad(),
        &dag(b.deadline),
        &dag(b.datum),
    ])
}

fn locatie(uri: String, line: Option<u32>) -> Value {
    let mut fysiek = json!({ "artifactLocation": { "uri": uri } });
    if let Some(line) = line.filter(|l| *l >= 1) {
        fysiek["region"] = json!({ "startLine": line });
    }
    json!([{ "physicalLocation": fysiek }])
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    let mut regels: Vec<Value> = RegelId::ALLE
        .iter()
        .map(|r| {
            json!({
                "id": r.id(),
                "name": r.titel(),
                "shortDescription": { "text": r.titel() },
                "fullDescription": { "text": r.uitleg() },
                "help": { "text": format!("{} (artikel {} van het klachtenreglement)", r.uitleg(), r.artikel()) },
                "properties": { "artikel": r.artikel() }
            })
        })
        .collect();
    regels.push(json!({
        "id": "invoer",
        "name": "Invoerfout",
        "shortDescription": { "text": "Invoerfout in het register" },
        "help": { "text": "Een record of bestand van het register kon niet worden gebruikt; zie docs/register.md." },
        "defaultConfiguration": { "level": "error" }
    }));
    let index = |id: &str| {
        RegelId::ALLE
            .iter()
            .position(|r| r.id() == id)
            .unwrap_or(RegelId::ALLE.len())
    };

    let mut resultaten: Vec<Value> = uitkomst
        .bevindingen
        .iter()
        .map(|b| {
            let mut r = json!({
                "ruleId": b.regel.id(),
                "ruleIndex": index(b.regel.id()),
                "level": niveau(b.ernst),
                "message": { "text": format!("{}: {}", b.zaak, b.bericht) },
                "locations": locatie(opties.pad(&b.bron.pad()), b.line),
                "partialFingerprints": { "klachtenBevinding/v1": vingerafdruk(b) },
                "properties": { "zaak": &*b.zaak }
            });
            if matches!(b.regel, RegelId::Art7Registratie | RegelId::Art7Wijziging) {
                // As in JSON: the commit that registered or changed the row (null: uncommitted).
                r["properties"]["commit"] = json!(b.commit);
            }
            if let Some(j) = &b.verantwoording {
                r["suppressions"] = json!([{ "kind": "external", "justification": &**j }]);
            }
            r
        })
        .collect();
    resultaten.extend(uitkomst.register.invoerfouten.iter().map(|f| {
        let line = f.line.map(|l| l.to_string()).unwrap_or_default();
        json!({
            "ruleId": "invoer",
            "ruleIndex": RegelId::ALLE.len(),
            "level": "error",
            "message": { "text": match &f.kolom {
                Some(k) => format!("{k}: {}", f.bericht),
                None => f.bericht.clone(),
            } },
            "locations": locatie(opties.pad(&f.bestand), f.line),
            "partialFingerprints": { "klachtenInvoer/v1": fnv(&[&f.bestand, &line, f.kolom.as_deref().unwrap_or(""), &f.bericht]) }
        })
    }));
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "klachten",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": regels
            }},
            "columnKind": "unicodeCodePoints",
            "results": resultaten
        }]
    });
    serde_json::to_writer_pretty(&mut *uit, &log)?;
    writeln!(uit)
}
