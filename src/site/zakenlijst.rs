//! The cases list's data: every case as one compact row in a script file
//! (`assets/zaken-gegevens.js`) that `zaken.html` loads with a plain `<script src>` (a page
//! opened from disk cannot fetch a file) and `zaken.js` draws as the reader scrolls. A
//! hundred thousand cases make a file of some 15 MB that the browser reads in a fraction
//! of a second, where a table of the same cases in HTML took tens of megabytes of markup
//! and seconds to lay out.
//!
//! Names, categories and statuses are written once, in tables, and rows point at them by
//! number. The description is redacted as on the case page; the complainant's name and
//! contact details are never written.
//!
//! The same list, for a spreadsheet, is `zaken.csv` ([`spreadsheet`]).

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use super::statistiek::{Bevindingtelling, Zaakgegevens, OORDELEN};
use super::weergave::{self, regellabels};
use crate::bevinding::RegelId;
use crate::model::Dienst;
use crate::report::csv::Spreadsheet;

/// The statuses `weergave::status` gives, in the order the filter lists them.
const STATUSSEN: [&str; 5] = [
    "in behandeling",
    "uitspraak gedaan",
    "afgesloten",
    "in beroep",
    "ingetrokken",
];

/// How a finding counts, as numbered in a row.
const SOORTEN: [&str; 4] = ["error", "warning", "info", "verantwoord"];

/// The choices of the list's filters and the tables rows point into.
#[derive(Debug, Clone, Serialize)]
pub struct Keuzes {
    pub diensten: Vec<&'static str>,
    pub statussen: Vec<&'static str>,
    pub categorieen: Vec<String>,
    pub behandelaars: Vec<String>,
    pub oordelen: Vec<&'static str>,
    pub regels: Vec<&'static str>,
    pub soorten: Vec<&'static str>,
}

/// One case: number, folder of its page, received (`YYYY-MM-DD`), service, category
/// (+1; 0 for none), handler, status, within the regulation (1/0), first decision
/// (`YYYY-MM-DD` or empty), latest verdict (-1 for none), findings counted as
/// [overtredingen, waarschuwingen, info, verantwoord], its rules as [rule, soort, number of
/// findings], and the redacted description.
#[derive(Debug, Clone, Serialize)]
struct Rij(
    String,
    String,
    String,
    u8,
    u32,
    u32,
    u8,
    u8,
    String,
    i8,
    [usize; 4],
    Vec<(u8, u8, usize)>,
    String,
);

/// The cases list: its choices and its rows.
#[derive(Debug, Clone)]
pub struct Zakenlijst {
    pub keuzes: Keuzes,
    rijen: Vec<Rij>,
}

fn plek<T: PartialEq>(lijst: &[T], waarde: &T) -> usize {
    lijst.iter().position(|w| w == waarde).unwrap_or(0)
}

impl Zakenlijst {
    pub fn van(zaken: &[Zaakgegevens<'_>]) -> Zakenlijst {
        let mut categorieen: BTreeMap<&str, u32> = zaken
            .iter()
            .filter_map(|z| z.categorie())
            .map(|c| (c, 0))
            .collect();
        for (i, n) in categorieen.values_mut().enumerate() {
            *n = i as u32 + 1;
        }
        let mut behandelaars: BTreeMap<&str, u32> =
            zaken.iter().map(|z| (z.behandelaar(), 0)).collect();
        for (i, n) in behandelaars.values_mut().enumerate() {
            *n = i as u32;
        }
        let mut volgorde: Vec<&Zaakgegevens<'_>> = zaken.iter().collect();
        volgorde.sort_by(|a, b| a.zaak.id.cmp(&b.zaak.id));
        let rijen = volgorde
            .into_iter()
            .map(|z| {
                let zaak = z.zaak;
                let rij = weergave::zaakrij(z, "");
                let map = rij.href.split('/').nth(1).unwrap_or_default().to_string();
                let t: Bevindingtelling = rij.telling;
                Rij(
                    rij.id,
                    map,
                    rij.ontvangen.iso,
                    plek(&Dienst::ALLE, &zaak.dienst) as u8,
                    z.categorie().map_or(0, |c| categorieen[c]),
                    behandelaars[z.behandelaar()],
                    plek(&STATUSSEN, &rij.status) as u8,
                    u8::from(rij.binnen_reglement),
                    rij.uitspraak.map(|d| d.iso).unwrap_or_default(),
                    rij.oordeel.map_or(-1, |o| plek(&OORDELEN, &o) as i8),
                    [t.overtredingen, t.waarschuwingen, t.info, t.verantwoord],
                    regellabels(z.bevindingen)
                        .into_iter()
                        .map(|r| {
                            let regel = RegelId::parse(r.id).map_or(0, RegelId::nummer);
                            (regel as u8, plek(&SOORTEN, &r.soort) as u8, r.aantal)
                        })
                        .collect(),
                    omschrijving(z),
                )
            })
            .collect();
        Zakenlijst {
            keuzes: Keuzes {
                diensten: Dienst::ALLE.iter().map(|d| d.naam()).collect(),
                statussen: STATUSSEN.to_vec(),
                categorieen: categorieen.keys().map(|c| c.to_string()).collect(),
                behandelaars: behandelaars.keys().map(|b| b.to_string()).collect(),
                oordelen: OORDELEN.to_vec(),
                regels: RegelId::ALLE.iter().map(|r| r.id()).collect(),
                soorten: SOORTEN.to_vec(),
            },
            rijen,
        }
    }

    pub fn aantal(&self) -> usize {
        self.rijen.len()
    }

    /// The script that hands the list to `zaken.js`: one JSON document, assigned to
    /// `window.KLACHTEN_ZAKEN` (see [`script`]).
    pub fn als_script(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Document<'a> {
            keuzes: &'a Keuzes,
            rijen: &'a [Rij],
        }
        // Serialising plain values into memory cannot fail.
        let json = serde_json::to_string(&Document {
            keuzes: &self.keuzes,
            rijen: &self.rijen,
        })
        .unwrap_or_default();
        script(&json).into_bytes()
    }
}

/// A script that assigns the JSON document `json` to `window.KLACHTEN_ZAKEN` through
/// `JSON.parse` of a string. A browser reads a large JSON string faster than the same data
/// written as a JavaScript literal: at 100,000 cases Chromium showed the list after 603 to
/// 868 ms instead of 740 to 1,551 ms when it first opened the page (ten loads each, in
/// turn; `tests/browser/zaken-schaal.test.mjs`).
///
/// In a string between single quotes only the backslash, the quote and line ends need an
/// escape (U+2028 and U+2029 end a line in older browsers).
pub fn script(json: &str) -> String {
    let mut uit = String::with_capacity(json.len() + 64);
    uit.push_str("window.KLACHTEN_ZAKEN = JSON.parse('");
    for c in json.chars() {
        match c {
            '\\' => uit.push_str("\\\\"),
            '\'' => uit.push_str("\\'"),
            '\n' => uit.push_str("\\n"),
            '\r' => uit.push_str("\\r"),
            '\u{2028}' => uit.push_str("\\u2028"),
            '\u{2029}' => uit.push_str("\\u2029"),
            c => uit.push(c),
        }
    }
    uit.push_str("');\n");
    uit
}

/// The description as the case page shows it: redacted.
fn omschrijving(z: &Zaakgegevens<'_>) -> String {
    z.omschrijving().unwrap_or_default().to_string()
}

/// The columns of `zaken.csv`.
pub const SPREADSHEETKOLOMMEN: [&str; 17] = [
    "zaak",
    "ontvangen",
    "kanaal",
    "dienst",
    "categorie",
    "behandelaar",
    "beklaagde",
    "status",
    "binnen reglement",
    "eerste uitspraak",
    "oordeel",
    "overtredingen",
    "waarschuwingen",
    "informatie",
    "verantwoord",
    "regels",
    "omschrijving",
];

/// `zaken.csv`: a row per case, in the order of their numbers, with what the cases list
/// and the case page show of it; never the complainant's name or contact details.
pub fn spreadsheet(zaken: &[Zaakgegevens<'_>]) -> io::Result<Vec<u8>> {
    let mut volgorde: Vec<&Zaakgegevens<'_>> = zaken.iter().collect();
    volgorde.sort_by(|a, b| a.zaak.id.cmp(&b.zaak.id));
    let mut uit = Vec::new();
    let mut tabel = Spreadsheet::nieuw(&mut uit, &SPREADSHEETKOLOMMEN)?;
    for z in volgorde {
        let rij = weergave::zaakrij(z, "");
        let t = rij.telling;
        let regels: Vec<&str> = rij.regels.iter().map(|r| r.id).collect();
        let cellen = [
            rij.id,
            rij.ontvangen.tekst,
            rij.kanaal.to_string(),
            rij.dienst.to_string(),
            rij.categorie,
            rij.behandelaar,
            z.beklaagde().unwrap_or_default().to_string(),
            rij.status.to_string(),
            if rij.binnen_reglement { "ja" } else { "nee" }.to_string(),
            rij.uitspraak.map(|d| d.tekst).unwrap_or_default(),
            rij.oordeel.unwrap_or_default().to_string(),
            t.overtredingen.to_string(),
            t.waarschuwingen.to_string(),
            t.info.to_string(),
            t.verantwoord.to_string(),
            regels.join(", "),
            omschrijving(z),
        ];
        tabel.rij(cellen.iter().map(String::as_str))?;
    }
    tabel.sluit()?;
    Ok(uit)
}

#[cfg(test)]
mod tests {
    use super::script;

    /// The string of a script as JavaScript reads it, for the escapes [`script`] writes.
    fn gelezen(script: &str) -> String {
        let binnen = script
            .strip_prefix("window.KLACHTEN_ZAKEN = JSON.parse('")
            .and_then(|s| s.strip_suffix("');\n"))
            .expect("the script's form");
        let mut uit = String::new();
        let mut tekens = binnen.chars();
        while let Some(c) = tekens.next() {
            match c {
                '\\' => match tekens.next() {
                    Some('n') => uit.push('\n'),
                    Some('r') => uit.push('\r'),
                    Some('u') => {
                        let hex: String = tekens.by_ref().take(4).collect();
                        let code = u32::from_str_radix(&hex, 16).expect("four hex digits");
                        uit.push(char::from_u32(code).expect("a character"));
                    }
                    Some(c @ ('\\' | '\'')) => uit.push(c),
                    ander => panic!("an escape it does not write: {ander:?}"),
                },
                // Unescaped, these would end the string or the line.
                '\'' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => panic!("raw {c:?} in {script:?}"),
                c => uit.push(c),
            }
        }
        uit
    }

    #[test]
    fn het_script_geeft_json_parse_het_document_zoals_het_is() {
        let waarden = serde_json::json!({
            "rijen": [["KP-1", "O'Brien", "c:\\map\\", "\"aanhalingstekens\"", "</script>"],
                      ["KP-2", "regel\nnog een\r", "\u{2028}\u{2029}", "\\'", "é € 😀"]],
        });
        for json in [
            serde_json::to_string(&waarden).unwrap(),
            serde_json::to_string_pretty(&waarden).unwrap(),
        ] {
            let script = script(&json);
            assert_eq!(gelezen(&script), json);
            let terug: serde_json::Value = serde_json::from_str(&gelezen(&script)).unwrap();
            assert_eq!(terug, waarden);
        }
    }
}
