//! `--format sarif`: one SARIF 2.1.0 log for code scanning (GitHub) and other SARIF
//! viewers, valid against the OASIS schema (tested in `tests/formaten.rs`).
//!
//! - `tool.driver.rules` has one entry per rule id, in [`RegelId::ALLE`] order, and a last
//!   one, `invoer`, for input errors; each result names its rule by `ruleId` and
//!   `ruleIndex`. There is no `helpUri`: the rules are documented in `docs/rules.md`, which
//!   has no absolute address a SARIF viewer could open; `help.text` says what the rule
//!   checks instead.
//! - Levels: error → `error`, warning → `warning`, info → `note`. A finding accounted for
//!   by a verantwoording keeps its level and carries an external suppression with the
//!   justification.
//! - Every result has a `physicalLocation` whose `uri` is the `--register` path as given
//!   joined with the file (relative, `/`, percent-encoded where a URI needs it), and a
//!   `region.startLine` unless the error is about a whole file.
//! - `partialFingerprints["klachten/v1"]` identifies the finding across commits and runs;
//!   see [`vingerafdruk`].
//! - The run's `properties`: `as_of`, the peildatum, and `counting`, how many findings
//!   count toward the exit status (each result says whether it does in `counts`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::{bevinding_tekst, invoerfout_tekst, Opties, INVOER};
use crate::bevinding::{Bevinding, Ernst, RegelId};
use crate::datum::{jmd, Geschreven};
use crate::register::Invoerfout;
use crate::register::{Reglement, Termen};
use crate::rules;
use crate::Uitkomst;

/// The key under `partialFingerprints`.
pub const VINGERAFDRUK: &str = "klachten/v1";
/// The `$schema` of the log: SchemaStore's address of the SARIF 2.1.0 schema, which names
/// the version. The tests validate against the OASIS original (`tests/schemas/`).
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Tekst<'a> {
    text: Cow<'a, str>,
}

#[derive(Serialize)]
struct Hulp {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Regelbeschrijving<'a> {
    id: &'a str,
    name: String,
    short_description: Tekst<'a>,
    full_description: Tekst<'a>,
    help: Hulp,
    properties: RegelEigenschappen<'a>,
}

#[derive(Serialize)]
struct RegelEigenschappen<'a> {
    /// The article of the regulation, `4.2`.
    article: &'a str,
    tags: [&'a str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Resultaat<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Tekst<'a>,
    locations: [Locatie; 1],
    partial_fingerprints: Vingerafdrukken,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<[Onderdrukking<'a>; 1]>,
    properties: Eigenschappen<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Locatie {
    physical_location: FysiekeLocatie,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FysiekeLocatie {
    artifact_location: Artefact,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Regio>,
}

#[derive(Serialize)]
struct Artefact {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Regio {
    start_line: u32,
}

#[derive(Serialize)]
struct Vingerafdrukken {
    #[serde(rename = "klachten/v1")]
    v1: String,
}

#[derive(Serialize)]
struct Onderdrukking<'a> {
    kind: &'static str,
    justification: &'a str,
}

/// What a result says beyond the message, for viewers that show properties and for
/// scripts; the keys follow the JSON format's.
#[derive(Serialize, Default)]
struct Eigenschappen<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// For the art-7 rules: the short commit id (empty for uncommitted changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    /// Whether it counts toward the exit status.
    counts: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Aanroep<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Melding<'a>>,
}

#[derive(Serialize)]
struct Melding<'a> {
    level: &'static str,
    message: Tekst<'a>,
}

pub fn schrijf(uitkomst: &Uitkomst, opties: &Opties, uit: &mut dyn Write) -> io::Result<()> {
    write!(
        uit,
        "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \
         \"tool\": {{\n        \"driver\": {{\n          \"name\": \"klachten\",\n          \
         \"version\": \"{}\",\n          \"rules\": [",
        env!("CARGO_PKG_VERSION")
    )?;
    let regels = regels(&uitkomst.register.reglement, uitkomst.register.peildatum);
    for (i, regel) in regels.iter().enumerate() {
        uit.write_all(if i == 0 {
            b"\n            "
        } else {
            b",\n            "
        })?;
        serde_json::to_writer(&mut *uit, regel)?;
    }
    write!(
        uit,
        "\n          ]\n        }}\n      }},\n      \"invocations\": ["
    )?;
    let aanroep = Aanroep {
        execution_successful: true,
        tool_execution_notifications: uitkomst
            .notities
            .iter()
            .map(|n| Melding {
                // A history that could not be read whole is more than a remark.
                level: if uitkomst.historie_onvolledig() == Some(n.as_str()) {
                    "warning"
                } else {
                    "note"
                },
                message: Tekst { text: n.into() },
            })
            .collect(),
    };
    serde_json::to_writer(&mut *uit, &aanroep)?;
    write!(
        uit,
        "],\n      \"properties\": {{\"as_of\": \"{}\", \"counting\": {}}},\n      \"results\": [",
        Geschreven::jmd(uitkomst.register.peildatum),
        super::tellend(uitkomst, opties.drempel)
    )?;

    let mut eerste = true;
    let mut scheiding = |uit: &mut dyn Write| -> io::Result<()> {
        let s: &[u8] = if eerste {
            b"\n        "
        } else {
            b",\n        "
        };
        eerste = false;
        uit.write_all(s)
    };
    let mut vingerafdrukker = Vingerafdrukker::default();
    for b in &uitkomst.bevindingen {
        scheiding(uit)?;
        let vinger = vingerafdrukker.bevinding(b);
        let tekst = bevinding_tekst(b, opties);
        serde_json::to_writer(&mut *uit, &resultaat(b, &tekst, vinger, opties))?;
    }
    for f in &uitkomst.register.invoerfouten {
        scheiding(uit)?;
        let vinger = vingerafdrukker.invoerfout(f);
        let tekst = invoerfout_tekst(f);
        serde_json::to_writer(&mut *uit, &invoerresultaat(f, &tekst, vinger, opties))?;
    }
    if !eerste {
        uit.write_all(b"\n      ")?;
    }
    uit.write_all(b"]\n    }\n  ]\n}\n")
}

/// The driver's rules: every rule id, then `invoer`. Their texts state the terms of the
/// version of the regulation in force at the peildatum.
fn regels(reglement: &Reglement, peildatum: NaiveDate) -> Vec<Regelbeschrijving<'static>> {
    let termen = &reglement.geldend_op(peildatum).termen;
    let mut regels: Vec<Regelbeschrijving<'static>> = rules::REGELS
        .iter()
        .map(|r| Regelbeschrijving {
            id: r.id.id(),
            name: naam(r.id.id()),
            short_description: Tekst {
                text: r.titel(reglement, termen).into(),
            },
            full_description: Tekst {
                text: r.uitleg(reglement, termen).into(),
            },
            help: Hulp {
                text: hulp(r, reglement, termen),
            },
            properties: RegelEigenschappen {
                article: r.artikel,
                tags: ["klachtenreglement"],
            },
        })
        .collect();
    regels.push(Regelbeschrijving {
        id: INVOER,
        name: naam(INVOER),
        short_description: Tekst {
            text: "Invoerfout in het register".into(),
        },
        full_description: Tekst {
            text: "Een rij, waarde of bestand van het register is niet te gebruiken. De rest \
                   wordt wel gecontroleerd; een zaak met een ongeldige eigen rij niet."
                .into(),
        },
        help: Hulp {
            text: "Een invoerfout noemt het bestand, de regel, de kolom en de waarde. Verbeter \
                   de rij in het register; de indeling staat in docs/register.md."
                .to_string(),
        },
        properties: RegelEigenschappen {
            article: "",
            tags: ["invoer"],
        },
    });
    regels
}

/// A rule's `name`: the id in PascalCase, as SARIF suggests (`Art42Ontvangstbevestiging`).
fn naam(id: &str) -> String {
    id.split(['-', '.'])
        .filter(|deel| !deel.is_empty())
        .map(|deel| {
            let mut tekens = deel.chars();
            match tekens.next() {
                Some(c) => c.to_uppercase().chain(tekens).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

/// `help.text`: what the rule asks, and where it is documented.
fn hulp(regel: &rules::Regel, reglement: &Reglement, termen: &Termen) -> String {
    format!(
        "{} (Artikel {} van het klachtenreglement; zie docs/rules.md, regel {}.)",
        regel.uitleg(reglement, termen),
        regel.artikel,
        regel.id
    )
}

fn niveau(ernst: Ernst) -> &'static str {
    match ernst {
        Ernst::Error => "error",
        Ernst::Warning => "warning",
        Ernst::Info => "note",
    }
}

fn resultaat<'a>(
    b: &'a Bevinding,
    tekst: &'a str,
    vinger: String,
    opties: &Opties,
) -> Resultaat<'a> {
    let bestand = b.bron.pad();
    Resultaat {
        rule_id: b.regel.id(),
        rule_index: b.regel.nummer(),
        level: niveau(b.ernst),
        message: Tekst { text: tekst.into() },
        locations: [locatie(&opties.pad(&bestand), b.line)],
        partial_fingerprints: Vingerafdrukken { v1: vinger },
        suppressions: b.verantwoording.as_deref().map(|j| {
            [Onderdrukking {
                kind: "external",
                justification: j,
            }]
        }),
        properties: Eigenschappen {
            case: b.zaak.as_deref(),
            severity: Some(b.ernst.naam()),
            deadline: b.deadline.map(jmd),
            date: b.datum.map(jmd),
            commit: b
                .regel
                .uit_historie()
                .then(|| b.commit.as_deref().unwrap_or("")),
            counts: opties.drempel.telt(b),
            ..Eigenschappen::default()
        },
    }
}

fn invoerresultaat<'a>(
    f: &'a Invoerfout,
    tekst: &'a str,
    vinger: String,
    opties: &Opties,
) -> Resultaat<'a> {
    Resultaat {
        rule_id: INVOER,
        rule_index: RegelId::ALLE.len(),
        level: "error",
        message: Tekst { text: tekst.into() },
        locations: [locatie(&opties.pad(&f.bestand), f.line)],
        partial_fingerprints: Vingerafdrukken { v1: vinger },
        suppressions: None,
        properties: Eigenschappen {
            column: f.kolom.as_deref(),
            value: super::invoerwaarde(f),
            counts: true,
            ..Eigenschappen::default()
        },
    }
}

/// What identifies an input error for its fingerprint, never its line: the file, column
/// and value of an error about a value (its message may name another row's line: "komt al
/// voor op regel 2"); the message of one about a whole record or file.
fn invoersleutel(f: &Invoerfout) -> [&str; 5] {
    let bericht = if f.kolom.is_some() { "" } else { &f.bericht };
    [
        INVOER,
        &f.bestand,
        f.kolom.as_deref().unwrap_or(""),
        super::invoerwaarde(f).unwrap_or(""),
        bericht,
    ]
}

fn locatie(pad: &str, line: Option<u32>) -> Locatie {
    Locatie {
        physical_location: FysiekeLocatie {
            artifact_location: Artefact { uri: uri(pad) },
            region: line.map(|start_line| Regio { start_line }),
        },
    }
}

/// A relative path as a URI reference: every byte outside RFC 3986's unreserved set and
/// `/` is percent-encoded (`mijn register/klachten.csv` → `mijn%20register/klachten.csv`),
/// so a colon can never make the first segment read as a scheme.
pub fn uri(pad: &str) -> String {
    let mut uit = String::with_capacity(pad.len());
    for byte in pad.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            uit.push(byte as char);
        } else {
            uit.push_str(&format!("%{byte:02X}"));
        }
    }
    uit
}

/// Gives every finding and input error its fingerprint ([`vingerafdruk`]), when they are
/// handed in output order: the findings in their order, then the input errors. The Code
/// Quality report uses the same, so a finding has one fingerprint in both.
#[derive(Default)]
pub(crate) struct Vingerafdrukker {
    /// How often each key was seen, so that equal keys get 0, 1, 2, ... in output order.
    gezien: HashMap<String, usize>,
}

impl Vingerafdrukker {
    pub(crate) fn bevinding(&mut self, b: &Bevinding) -> String {
        let bestand = b.bron.pad();
        let n = self.volgende(&[b.zaaknaam(), b.regel.id(), &bestand]);
        vingerafdruk(&["bevinding", b.zaaknaam(), b.regel.id(), &bestand], n)
    }

    pub(crate) fn invoerfout(&mut self, f: &Invoerfout) -> String {
        let sleutel = invoersleutel(f);
        let n = self.volgende(&sleutel);
        vingerafdruk(&sleutel, n)
    }

    fn volgende(&mut self, delen: &[&str]) -> usize {
        let teller = self.gezien.entry(delen.join("\0")).or_insert(0);
        let n = *teller;
        *teller += 1;
        n
    }
}

/// The fingerprint of a result: a hash of what identifies it, never of its line, message
/// or dates, and never of the run (peildatum, time, `--register` path).
///
/// A finding is its case, its rule, the register file it points at (relative to the
/// register) and its rank among the findings with those three in output order (by date),
/// so a row inserted above it in the file changes nothing, and a term that becomes overdue
/// (warning, then error) stays the same finding. An input error is its file, column,
/// value and message, with its rank among equal ones.
///
/// FNV-1a (64-bit) over the parts separated by NUL bytes, as 16 hex digits: fixed by this
/// code, not by the Rust version's standard hasher.
pub fn vingerafdruk(delen: &[&str], n: usize) -> String {
    const BEGIN: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIEM: u64 = 0x0000_0100_0000_01b3;
    let mut h = BEGIN;
    let rang = n.to_string();
    for deel in delen.iter().copied().chain([rang.as_str()]) {
        for byte in deel.bytes().chain([0u8]) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(PRIEM);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vingerafdruk_is_vast() {
        // Pinned (computed apart from this code): a change of algorithm would make code
        // scanning see every finding as new.
        assert_ne!(vingerafdruk(&["a", "b"], 0), vingerafdruk(&["ab"], 0));
        assert_ne!(vingerafdruk(&["a"], 0), vingerafdruk(&["a"], 1));
        assert_eq!(
            vingerafdruk(&["bevinding", "KP-1", "art-4.2-ontvangstbevestiging"], 0),
            "0c97aa4a3c69834e"
        );
    }

    #[test]
    fn paden_worden_uri_referenties() {
        assert_eq!(uri("register/klachten.csv"), "register/klachten.csv");
        assert_eq!(
            uri("mijn register/zaken/é.md"),
            "mijn%20register/zaken/%C3%A9.md"
        );
        assert_eq!(uri("c:x/a,b"), "c%3Ax/a%2Cb");
    }

    #[test]
    fn regelnamen() {
        assert_eq!(
            naam("art-4.2-ontvangstbevestiging"),
            "Art42Ontvangstbevestiging"
        );
        assert_eq!(naam("invoer"), "Invoer");
    }
}
