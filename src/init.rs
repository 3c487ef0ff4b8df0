//! `klachten init`: a starter register, as `cargo new` or `mdbook init` start a project.
//!
//! It holds both CSV files with their headers and three example cases dated relative to
//! the day of `init` (one still open, one decided on time, one with an appeal), a
//! `reglement.toml` that lists every key with its default, a `reglement.md` skeleton with
//! the headings its anchors need, one example case file, and the guide for the people who
//! keep the register (`LEESMIJ.md`, the same text as `docs/LEESMIJ.md`). The CSV files are
//! written as Excel's "CSV UTF-8" writes them in Dutch: a byte-order mark, `;`, CRLF and
//! dates as DD-MM-YYYY.

use std::io;
use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::bevinding::{GEBEURTENISSEN_CSV, KLACHTEN_CSV, REGLEMENT_MD, REGLEMENT_TOML, ZAKEN_MAP};
use crate::datum::dmj;
use crate::register::{gebeurtenissen, klachten};
use crate::report::csv::Spreadsheet;
use crate::Fout;

/// The guide for the people who keep the register; also in the project's docs.
pub const LEESMIJ: &str = include_str!("../docs/LEESMIJ.md");
const REGLEMENT_TOML_TEKST: &str = include_str!("../templates/init/reglement.toml");
const REGLEMENT_MD_TEKST: &str = include_str!("../templates/init/reglement.md");
const DOSSIER: (&str, &str) = (
    "VOORBEELD-3",
    include_str!("../templates/init/VOORBEELD-3.md"),
);

/// The example cases: the row of `klachten.csv` with the days before `init` on which it
/// was received, and its events with theirs (by the columns of the files, in order).
type Voorbeeld = (u64, [&'static str; 9], &'static [(u64, [&'static str; 6])]);

const VOORBEELDEN: [Voorbeeld; 3] = [
    // Open: acknowledged, the decision is due in three weeks.
    (
        7,
        [
            "VOORBEELD-1",
            "email",
            "re-integratie",
            "J. de Vries",
            "A. Voorbeeld",
            "a.voorbeeld@example.nl",
            "Terugbelverzoek over het re-integratieplan bleef een week liggen",
            "bereikbaarheid",
            "afdeling Planning",
        ],
        &[
            (6, ["ontvangstbevestiging", "J. de Vries", "", "", "", ""]),
            (
                2,
                [
                    "gesprek",
                    "J. de Vries",
                    "",
                    "",
                    "Klager gebeld; het onderzoek loopt",
                    "",
                ],
            ),
        ],
    ),
    // Decided on time, justified: a measure, then closed.
    (
        60,
        [
            "VOORBEELD-2",
            "brief",
            "casemanagement",
            "M. Jansen",
            "B. Voorbeeld",
            "Voorbeeldstraat 1, 1234 AB Voorbeeldstad",
            "Factuur van € 120 voor een afspraak die op tijd was afgezegd",
            "facturatie",
            "afdeling Administratie",
        ],
        &[
            (59, ["ontvangstbevestiging", "M. Jansen", "", "", "", ""]),
            (
                50,
                [
                    "informatieverzoek",
                    "M. Jansen",
                    "",
                    "",
                    "Agenda van de casemanager opgevraagd",
                    "",
                ],
            ),
            (40, ["uitspraak", "M. Jansen", "gegrond", "", "", ""]),
            (
                39,
                [
                    "maatregel",
                    "M. Jansen",
                    "",
                    "",
                    "Factuur gecrediteerd; een afzegging wordt voortaan in het dossier vastgelegd",
                    "",
                ],
            ),
            (38, ["afsluiting", "M. Jansen", "", "", "", ""]),
        ],
    ),
    // Decided and closed; an appeal in time, decided by someone not involved before.
    (
        70,
        [
            "VOORBEELD-3",
            "webformulier",
            "preventie",
            "J. de Vries",
            "C. Voorbeeld",
            "c.voorbeeld@example.nl",
            "Klant voelde zich in het preventiegesprek niet serieus genomen",
            "bejegening",
            "K. Bakker",
        ],
        &[
            (69, ["ontvangstbevestiging", "J. de Vries", "", "", "", ""]),
            (60, ["gesprek", "J. de Vries", "", "", "Klager gehoord", ""]),
            (50, ["uitspraak", "J. de Vries", "ongegrond", "", "", ""]),
            (49, ["afsluiting", "J. de Vries", "", "", "", ""]),
            (
                45,
                [
                    "beroep",
                    "J. de Vries",
                    "",
                    "",
                    "Klager is het niet eens met de uitspraak",
                    "",
                ],
            ),
            (
                30,
                [
                    "beroepsuitspraak",
                    "directie",
                    "ongegrond",
                    "",
                    "Klager en adviseur apart gehoord; de uitspraak blijft staan",
                    "",
                ],
            ),
        ],
    ),
];

/// Writes a starter register into `map` (created when it does not exist), its examples
/// dated relative to `vandaag`. Refuses a folder that is not empty.
pub fn init(map: &Path, vandaag: NaiveDate) -> Result<(), Fout> {
    let niet_te_schrijven = |e: io::Error| Fout::new(format!("{}: {e}", map.display()));
    if map.exists() {
        if !map.is_dir() {
            return Err(Fout::new(format!(
                "{} bestaat al en is geen map",
                map.display()
            )));
        }
        if std::fs::read_dir(map)
            .map_err(niet_te_schrijven)?
            .next()
            .is_some()
        {
            return Err(Fout::new(format!(
                "{} is niet leeg; kies een nieuwe of lege map (klachten init MAP)",
                map.display()
            )));
        }
    }
    std::fs::create_dir_all(map.join(ZAKEN_MAP)).map_err(niet_te_schrijven)?;
    let bestanden: [(String, Vec<u8>); 6] = [
        (KLACHTEN_CSV.to_string(), klachtenbestand(vandaag)?),
        (
            GEBEURTENISSEN_CSV.to_string(),
            gebeurtenissenbestand(vandaag)?,
        ),
        (REGLEMENT_TOML.to_string(), REGLEMENT_TOML_TEKST.into()),
        (REGLEMENT_MD.to_string(), REGLEMENT_MD_TEKST.into()),
        (format!("{ZAKEN_MAP}/{}.md", DOSSIER.0), DOSSIER.1.into()),
        ("LEESMIJ.md".to_string(), LEESMIJ.into()),
    ];
    for (naam, inhoud) in bestanden {
        std::fs::write(map.join(naam), inhoud).map_err(niet_te_schrijven)?;
    }
    Ok(())
}

/// `vandaag` less `dagen` days, as the CSV files write it.
fn dag(vandaag: NaiveDate, dagen: u64) -> String {
    dmj(vandaag
        .checked_sub_days(Days::new(dagen))
        .unwrap_or(vandaag))
}

fn schrijffout(e: io::Error) -> Fout {
    Fout::new(format!("voorbeeldregister niet te maken: {e}"))
}

fn klachtenbestand(vandaag: NaiveDate) -> Result<Vec<u8>, Fout> {
    let kop: Vec<&str> = klachten::KOLOMMEN.iter().map(|k| k.naam).collect();
    let mut uit = Vec::new();
    let mut tabel = Spreadsheet::nieuw(&mut uit, &kop).map_err(schrijffout)?;
    for (dagen, [zaak, rest @ ..], _) in &VOORBEELDEN {
        let ontvangen = dag(vandaag, *dagen);
        let cellen = [*zaak, ontvangen.as_str()]
            .into_iter()
            .chain(rest.iter().copied());
        tabel.rij(cellen).map_err(schrijffout)?;
    }
    tabel.sluit().map_err(schrijffout)?;
    Ok(uit)
}

fn gebeurtenissenbestand(vandaag: NaiveDate) -> Result<Vec<u8>, Fout> {
    let kop: Vec<&str> = gebeurtenissen::KOLOMMEN.iter().map(|k| k.naam).collect();
    let mut uit = Vec::new();
    let mut tabel = Spreadsheet::nieuw(&mut uit, &kop).map_err(schrijffout)?;
    for (_, [zaak, ..], gebeurtenissen) in &VOORBEELDEN {
        for (dagen, [soort, rest @ ..]) in gebeurtenissen.iter() {
            let datum = dag(vandaag, *dagen);
            let cellen = [*zaak, datum.as_str(), *soort]
                .into_iter()
                .chain(rest.iter().copied());
            tabel.rij(cellen).map_err(schrijffout)?;
        }
    }
    tabel.sluit().map_err(schrijffout)?;
    Ok(uit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Reglement;

    /// `REGLEMENT_TOML_TEKST` with every `# key = value` line (and `# [[wijziging]]`) of
    /// the part before `tot` (a line, or the end) put in force; also the keys.
    fn in_werking(tot: Option<&str>) -> (String, Vec<String>) {
        let mut sleutels = Vec::new();
        let mut tekst = String::new();
        let mut aan = true;
        for regel in REGLEMENT_TOML_TEKST.lines() {
            aan &= Some(regel) != tot;
            let sleutel = regel
                .strip_prefix("# ")
                .filter(|rest| aan && (rest.contains(" = ") || *rest == "[[wijziging]]"));
            match sleutel {
                Some(rest) => {
                    let naam = rest.split(' ').next().unwrap_or_default();
                    sleutels.push(naam.trim_matches(['[', ']']).to_string());
                    tekst.push_str(rest);
                }
                None => tekst.push_str(regel),
            }
            tekst.push('\n');
        }
        (tekst, sleutels)
    }

    /// Every key of `reglement.toml` is listed with its default: with every `# key =`
    /// line put in force, the regulation is the default one (but for the term for appeals,
    /// which has no default value). The example of a wijziging is one when put in force.
    #[test]
    fn reglement_toml_noemt_elke_sleutel_met_haar_standaardwaarde() {
        // As written, every key is a comment: the defaults apply.
        assert_eq!(
            Reglement::lees(REGLEMENT_TOML_TEKST).unwrap(),
            Reglement::default()
        );
        let (tekst, mut sleutels) = in_werking(Some("# [[wijziging]]"));
        let reglement = Reglement::lees(&tekst).unwrap();
        let mut verwacht = Reglement::default();
        verwacht.eerste.termen.beroep_afhandeltermijn_weken = Some(4);
        assert!(reglement.eerste.line.is_some());
        verwacht.eerste.line = reglement.eerste.line;
        assert_eq!(reglement, verwacht);

        let (tekst, alle) = in_werking(None);
        let reglement = Reglement::lees(&tekst).unwrap();
        assert_eq!(reglement.wijzigingen.len(), 1, "{tekst}");
        assert_eq!(
            reglement.wijzigingen[0]
                .termen
                .ontvangstbevestiging_werkdagen,
            3
        );
        // The known top-level keys, as an unknown key's message lists them.
        let fout = Reglement::lees("onbekend = 1").unwrap_err().to_string();
        let bekend: Vec<String> = fout
            .split("bekend zijn: ")
            .nth(1)
            .unwrap()
            .split(", ")
            .map(str::to_string)
            .collect();
        assert!(bekend.len() > 5, "{fout}");
        // The top-level keys, then the wijziging's block.
        assert_eq!(alle[sleutels.len()], "wijziging");
        sleutels.push("wijziging".to_string());
        assert_eq!(sleutels, bekend);
    }

    #[test]
    fn de_koppen_van_reglement_md_hebben_hun_ankers() {
        let (_, ankers) = crate::markdown::reglement_naar_html(REGLEMENT_MD_TEKST);
        for artikel in [
            "1", "3", "4.1", "4.2", "4.3", "4.4", "4.5", "5", "6", "7", "8",
        ] {
            assert!(ankers.contains(&format!("artikel-{artikel}")), "{artikel}");
        }
    }

    #[test]
    fn een_map_die_niet_leeg_is_wordt_geweigerd() {
        let map = tempfile::tempdir().unwrap();
        let dag = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        std::fs::write(map.path().join("iets.txt"), "x").unwrap();
        let fout = init(map.path(), dag).unwrap_err().to_string();
        assert!(fout.contains("niet leeg"), "{fout}");
        assert_eq!(std::fs::read_dir(map.path()).unwrap().count(), 1);
        let fout = init(&map.path().join("iets.txt"), dag)
            .unwrap_err()
            .to_string();
        assert!(fout.contains("geen map"), "{fout}");
        // An empty folder, and one that does not exist yet, are fine.
        std::fs::create_dir(map.path().join("leeg")).unwrap();
        init(&map.path().join("leeg"), dag).unwrap();
        init(&map.path().join("nieuw/register"), dag).unwrap();
        assert!(map.path().join("nieuw/register/LEESMIJ.md").is_file());
    }
}
