//! The rules of the regulation: one module per article, each producing [`Bevinding`]s
//! (findings) for one zaak. This module holds what they share: the rule ids, severities,
//! the finding itself, and [`beoordeel_zaak`], which runs them all on one case.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Tekst;

/// How serious a finding is. Errors fail a pipeline; warnings do so with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ernst {
    Error,
    Warning,
    Info,
}

impl Ernst {
    pub fn naam(self) -> &'static str {
        match self {
            Ernst::Error => "error",
            Ernst::Warning => "warning",
            Ernst::Info => "info",
        }
    }

    /// The Dutch word shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Ernst::Error => "overtreding",
            Ernst::Warning => "waarschuwing",
            Ernst::Info => "informatie",
        }
    }
}

/// Every rule id of the contract. The ids are stable: they appear in every output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegelId {
    Art1Schriftelijk,
    Art3Reikwijdte,
    Art41Gegevens,
    Art42Ontvangstbevestiging,
    Art43Termijn,
    Art43Verlenging,
    Art44Maatregel,
    Art44Oordeel,
    Art45Afsluiting,
    Art5Beroepsbehandeling,
    Art5Beroepstermijn,
    Art5Onafhankelijk,
    Art6Persoonsgegevens,
    Art7Registratie,
    Art7Wijziging,
    Art8Inwerkingtreding,
}

impl RegelId {
    pub const ALLE: [RegelId; 16] = [
        RegelId::Art1Schriftelijk,
        RegelId::Art3Reikwijdte,
        RegelId::Art41Gegevens,
        RegelId::Art42Ontvangstbevestiging,
        RegelId::Art43Termijn,
        RegelId::Art43Verlenging,
        RegelId::Art44Maatregel,
        RegelId::Art44Oordeel,
        RegelId::Art45Afsluiting,
        RegelId::Art5Beroepsbehandeling,
        RegelId::Art5Beroepstermijn,
        RegelId::Art5Onafhankelijk,
        RegelId::Art6Persoonsgegevens,
        RegelId::Art7Registratie,
        RegelId::Art7Wijziging,
        RegelId::Art8Inwerkingtreding,
    ];

    /// The rule's place in [`RegelId::ALLE`].
    pub fn nummer(self) -> usize {
        self as usize
    }

    /// The stable id, as in the contract.
    pub fn id(self) -> &'static str {
        match self {
            RegelId::Art1Schriftelijk => "art-1-schriftelijk",
            RegelId::Art3Reikwijdte => "art-3-reikwijdte",
            RegelId::Art41Gegevens => "art-4.1-gegevens",
            RegelId::Art42Ontvangstbevestiging => "art-4.2-ontvangstbevestiging",
            RegelId::Art43Termijn => "art-4.3-termijn",
            RegelId::Art43Verlenging => "art-4.3-verlenging",
            RegelId::Art44Maatregel => "art-4.4-maatregel",
            RegelId::Art44Oordeel => "art-4.4-oordeel",
            RegelId::Art45Afsluiting => "art-4.5-afsluiting",
            RegelId::Art5Beroepsbehandeling => "art-5-beroepsbehandeling",
            RegelId::Art5Beroepstermijn => "art-5-beroepstermijn",
            RegelId::Art5Onafhankelijk => "art-5-onafhankelijk",
            RegelId::Art6Persoonsgegevens => "art-6-persoonsgegevens",
            RegelId::Art7Registratie => "art-7-registratie",
            RegelId::Art7Wijziging => "art-7-wijziging",
            RegelId::Art8Inwerkingtreding => "art-8-inwerkingtreding",
        }
    }

    /// Looks a rule id up, case-insensitively and ignoring surrounding spaces.
    pub fn parse(waarde: &str) -> Option<RegelId> {
        let waarde = waarde.trim();
        RegelId::ALLE
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(waarde))
    }

    /// The article of the regulation the rule enforces, as an anchor-friendly number.
    pub fn artikel(self) -> &'static str {
        match self {
            RegelId::Art1Schriftelijk => "1",
            RegelId::Art3Reikwijdte => "3",
            RegelId::Art41Gegevens => "4.1",
            RegelId::Art42Ontvangstbevestiging => "4.2",
            RegelId::Art43Termijn | RegelId::Art43Verlenging => "4.3",
            RegelId::Art44Maatregel | RegelId::Art44Oordeel => "4.4",
            RegelId::Art45Afsluiting => "4.5",
            RegelId::Art5Beroepsbehandeling
            | RegelId::Art5Beroepstermijn
            | RegelId::Art5Onafhankelijk => "5",
            RegelId::Art6Persoonsgegevens => "6",
            RegelId::Art7Registratie | RegelId::Art7Wijziging => "7",
            RegelId::Art8Inwerkingtreding => "8",
        }
    }

    /// A short Dutch title for lists and headings.
    pub fn titel(self) -> &'static str {
        match self {
            RegelId::Art1Schriftelijk => "Klacht niet schriftelijk ingediend",
            RegelId::Art3Reikwijdte => "Buiten de reikwijdte van het reglement",
            RegelId::Art41Gegevens => "Gegevens van de klacht onvolledig",
            RegelId::Art42Ontvangstbevestiging => "Ontvangstbevestiging binnen vijf werkdagen",
            RegelId::Art43Termijn => "Afhandeling binnen de termijn",
            RegelId::Art43Verlenging => "Verlenging tijdig en met reden",
            RegelId::Art44Maatregel => "Maatregel bij een gegronde klacht",
            RegelId::Art44Oordeel => "Schriftelijke uitspraak met oordeel",
            RegelId::Art45Afsluiting => "Schriftelijke bevestiging van de afsluiting",
            RegelId::Art5Beroepsbehandeling => "Beroep binnen de termijn behandeld",
            RegelId::Art5Beroepstermijn => "Beroep binnen twee weken na de uitspraak",
            RegelId::Art5Onafhankelijk => "Beroep beoordeeld door een onafhankelijke",
            RegelId::Art6Persoonsgegevens => "Persoonsgegevens in het zaakdossier",
            RegelId::Art7Registratie => "Gebeurtenis tijdig geregistreerd",
            RegelId::Art7Wijziging => "Geregistreerde gegevens later gewijzigd",
            RegelId::Art8Inwerkingtreding => "Ontvangen voor de inwerkingtreding",
        }
    }
}

impl RegelId {
    /// The rule in plain Dutch, for the site's rules page.
    pub fn uitleg(self) -> &'static str {
        match self {
            RegelId::Art1Schriftelijk => "Het reglement noemt alleen een schriftelijke uiting van onvrede een klacht. Een klacht die telefonisch of mondeling binnenkwam, staat wel in het register, maar de termijnen van het reglement gelden er niet voor.",
            RegelId::Art3Reikwijdte => "Het reglement geldt voor preventie, re-integratie en casemanagement. Een klacht over iets anders (dienst overig) valt erbuiten en wordt niet aan de termijnen getoetst.",
            RegelId::Art41Gegevens => "Een klacht bevat de naam en contactgegevens van de klager en een omschrijving van de klacht. Ontbreekt een daarvan in het register, dan kan de klacht niet goed worden behandeld of beantwoord.",
            RegelId::Art42Ontvangstbevestiging => "Binnen vijf werkdagen na ontvangst krijgt de klager een schriftelijke of digitale ontvangstbevestiging. Weekenden, feestdagen en sluitingsdagen tellen niet mee. Een uitspraak binnen die tijd geldt ook als bevestiging. Een waarschuwing volgt als de termijn binnenkort afloopt.",
            RegelId::Art43Termijn => "De klacht wordt binnen vier weken afgehandeld met een uitspraak. Valt de laatste dag in het weekend of op een feestdag, dan loopt de termijn door tot de eerstvolgende werkdag. Na een heropening begint een nieuwe termijn. Een geldige verlenging verschuift de termijn.",
            RegelId::Art43Verlenging => "Als meer tijd nodig is, hoort de klager dat op tijd (uiterlijk op de laatste dag van de termijn), met de reden en een nieuwe termijn. Een verlenging die te laat komt, geen reden noemt of geen latere termijn geeft, telt niet.",
            RegelId::Art44Oordeel => "De uitspraak zegt of de klacht gegrond, deels gegrond of ongegrond is. Een klacht afsluiten zonder uitspraak, of een uitspraak zonder oordeel, voldoet niet.",
            RegelId::Art44Maatregel => "Is een klacht (deels) gegrond, dan neemt de organisatie maatregelen om de situatie te herstellen en herhaling te voorkomen. Die maatregel staat in het register.",
            RegelId::Art45Afsluiting => "Na de uitspraak krijgt de klager een schriftelijke bevestiging dat de klacht is afgehandeld, met de genomen stappen. Zonder die bevestiging is de klacht niet afgesloten.",
            RegelId::Art5Beroepstermijn => "Een klager die het niet eens is met de afhandeling, laat dat binnen twee weken na de uitspraak weten. Een later beroep wordt gesignaleerd; de organisatie mag het nog behandelen.",
            RegelId::Art5Onafhankelijk => "Een beroep wordt beoordeeld door de directie of een medewerker die niet bij de eerste afhandeling betrokken was: niet de behandelaar, niet de beklaagde en niemand die eerder in de zaak optrad.",
            RegelId::Art5Beroepsbehandeling => "Het reglement noemt geen termijn voor de behandeling van een beroep. Heeft de organisatie er zelf een vastgesteld, dan wordt het beroep binnen die termijn beslist.",
            RegelId::Art6Persoonsgegevens => "Alle informatie over een klacht is vertrouwelijk. Een zaakdossier bevat daarom geen e-mailadressen, telefoonnummers, burgerservicenummers of rekeningnummers; de site toont ze onleesbaar gemaakt.",
            RegelId::Art7Registratie => "Elke klacht staat in het centrale register. Een gebeurtenis wordt binnen enkele werkdagen vastgelegd; de Git-historie van het register laat zien wanneer dat werkelijk gebeurde.",
            RegelId::Art7Wijziging => "Een datum, soort of oordeel die later in het register is gewijzigd, wordt gesignaleerd: terugdateren is precies waar een auditor naar kijkt.",
            RegelId::Art8Inwerkingtreding => "Het reglement geldt voor klachten die zijn ingediend op of na de dag van inwerkingtreding. Eerdere klachten worden niet aan de termijnen getoetst.",
        }
    }
}

impl std::fmt::Display for RegelId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The register file a finding or an input error points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bron {
    Klachten,
    Gebeurtenissen,
    /// `zaken/<zaak>.md`
    Dossier(Tekst),
}

impl Bron {
    /// The path relative to the register, with `/`.
    pub fn pad(&self) -> String {
        match self {
            Bron::Klachten => crate::register::KLACHTEN_CSV.to_string(),
            Bron::Gebeurtenissen => crate::register::GEBEURTENISSEN_CSV.to_string(),
            Bron::Dossier(zaak) => format!("zaken/{zaak}.md"),
        }
    }
}

/// A finding: one rule, raised on one zaak, pointing at the row that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bevinding {
    pub zaak: Tekst,
    pub regel: RegelId,
    pub ernst: Ernst,
    /// Dutch, names the term, the deadline and the actual date where there are any.
    pub bericht: String,
    pub deadline: Option<NaiveDate>,
    pub datum: Option<NaiveDate>,
    pub bron: Bron,
    pub line: Option<u32>,
    /// Set when a `verantwoording` accounts for the finding: its `toelichting`.
    pub verantwoording: Option<Box<str>>,
    /// For art-7 findings: the short commit id (None for the working tree).
    pub commit: Option<String>,
}

impl Bevinding {
    pub fn new(zaak: &Tekst, regel: RegelId, ernst: Ernst, bericht: String) -> Bevinding {
        Bevinding {
            zaak: zaak.clone(),
            regel,
            ernst,
            bericht,
            deadline: None,
            datum: None,
            bron: Bron::Klachten,
            line: None,
            verantwoording: None,
            commit: None,
        }
    }

    pub fn is_geaccepteerd(&self) -> bool {
        self.verantwoording.is_some()
    }

    /// The sort order of the contract: by case, then rule, then date.
    pub fn sorteersleutel(&self) -> (&str, &'static str, Option<NaiveDate>, Option<u32>) {
        (&self.zaak, self.regel.id(), self.datum, self.line)
    }
}

pub mod art4_1;
pub mod art4_2;
pub mod art4_3;
pub mod art4_4;
pub mod art4_5;
pub mod art5;
pub mod art6;
pub mod art7;
pub mod persoonsgegevens;
pub mod toepassing;
pub mod verantwoording;
pub mod verloop;

use crate::calendar::Kalender;
use crate::model::{Namen, Zaak};
use crate::register::Reglement;
use verloop::Verloop;

/// Everything a rule needs to judge one case.
pub struct Context<'a> {
    pub zaak: &'a Zaak,
    /// The names the case and its events point at.
    pub namen: &'a Namen,
    pub reglement: &'a Reglement,
    pub kalender: &'a Kalender,
    pub peildatum: NaiveDate,
    /// The `waarschuwing_werkdagen`-th working day after the peildatum: open deadlines up
    /// to this day are due soon.
    pub waarschuwingsgrens: NaiveDate,
    pub verloop: &'a Verloop,
}

impl Context<'_> {
    fn bevinding(&self, regel: RegelId, ernst: Ernst, bericht: String) -> Bevinding {
        Bevinding::new(&self.zaak.id, regel, ernst, bericht)
    }

    /// Whether an open deadline is due soon (not yet passed, within the warning window).
    fn binnenkort(&self, deadline: NaiveDate) -> bool {
        deadline >= self.peildatum && deadline <= self.waarschuwingsgrens
    }

    /// Points a finding about a missing action at the row that started its term.
    fn wijs_naar_start(&self, b: &mut Bevinding, start_line: Option<u32>) {
        match start_line {
            Some(line) => {
                b.bron = Bron::Gebeurtenissen;
                b.line = Some(line);
            }
            None => {
                b.bron = Bron::Klachten;
                b.line = Some(self.zaak.line);
            }
        }
    }

    /// "2 werkdagen te laat", or in days when the delay falls outside working days.
    fn te_laat_werkdagen(&self, deadline: NaiveDate, datum: NaiveDate) -> String {
        match self.kalender.werkdagen_tussen(deadline, datum) {
            0 => te_laat_dagen(deadline, datum),
            1 => "1 werkdag te laat".to_string(),
            n => format!("{n} werkdagen te laat"),
        }
    }
}

/// The peildatum's warning window: the `werkdagen`-th working day after it.
pub fn waarschuwingsgrens(kalender: &Kalender, peildatum: NaiveDate, werkdagen: u32) -> NaiveDate {
    kalender.werkdagen_na(peildatum, werkdagen)
}

/// A date as Dutch readers write it: 28-04-2025.
pub fn dmj(datum: NaiveDate) -> String {
    match cijfers(datum, true) {
        Some(cijfers) => cijfers.iter().map(|&c| char::from(c)).collect(),
        None => datum.format("%d-%m-%Y").to_string(),
    }
}

/// A date as `YYYY-MM-DD` in `buffer`, as chrono's `%Y-%m-%d` writes it.
pub fn jmd(datum: NaiveDate, buffer: &mut [u8; 10]) -> Option<&str> {
    *buffer = cijfers(datum, false)?;
    std::str::from_utf8(buffer).ok()
}

/// The characters of a date with a year from 0 to 9999, day or year first. Every message
/// and every JSON finding holds dates; chrono's `format` reads its pattern each time.
fn cijfers(datum: NaiveDate, dag_eerst: bool) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let jaar = u32::try_from(datum.year()).ok().filter(|j| *j <= 9999)?;
    let cijfer = |n: u32| b'0' + (n % 10) as u8;
    let j = [
        cijfer(jaar / 1000),
        cijfer(jaar / 100),
        cijfer(jaar / 10),
        cijfer(jaar),
    ];
    let (m, d) = (datum.month(), datum.day());
    let (m, d) = ([cijfer(m / 10), cijfer(m)], [cijfer(d / 10), cijfer(d)]);
    Some(if dag_eerst {
        [d[0], d[1], b'-', m[0], m[1], b'-', j[0], j[1], j[2], j[3]]
    } else {
        [j[0], j[1], j[2], j[3], b'-', m[0], m[1], b'-', d[0], d[1]]
    })
}

fn te_laat_dagen(deadline: NaiveDate, datum: NaiveDate) -> String {
    match (datum - deadline).num_days() {
        1 => "1 dag te laat".to_string(),
        n => format!("{n} dagen te laat"),
    }
}

/// "a, b en c".
fn opsomming(delen: &[&str]) -> String {
    match delen {
        [] => String::new(),
        [een] => (*een).to_string(),
        [begin @ .., laatste] => format!("{} en {laatste}", begin.join(", ")),
    }
}

/// Judges one case by every rule of articles 1 to 5 (art-6 and art-7 need the case file
/// and the history, and are added by the caller). Returns the course of handling when the
/// case falls under the regulation, and the findings (not yet accounted for).
pub fn beoordeel_zaak(
    zaak: &Zaak,
    namen: &Namen,
    reglement: &Reglement,
    kalender: &Kalender,
    peildatum: NaiveDate,
    waarschuwingsgrens: NaiveDate,
) -> (Option<Verloop>, Vec<Bevinding>) {
    let mut bevindingen: Vec<Bevinding> = art4_1::gegevens(zaak).into_iter().collect();
    let buiten = toepassing::buiten_reglement(zaak, reglement);
    if !buiten.is_empty() {
        bevindingen.extend(buiten);
        return (None, bevindingen);
    }
    let verloop = Verloop::van(zaak, reglement, kalender);
    let ctx = Context {
        zaak,
        namen,
        reglement,
        kalender,
        peildatum,
        waarschuwingsgrens,
        verloop: &verloop,
    };
    bevindingen.extend(art4_2::ontvangstbevestiging(&ctx));
    for cyclus in &verloop.cycli {
        bevindingen.extend(art4_3::verlenging(&ctx, cyclus));
        bevindingen.extend(art4_3::termijn(&ctx, cyclus));
        bevindingen.extend(art4_5::afsluiting(&ctx, cyclus));
    }
    bevindingen.extend(art4_4::oordeel(&ctx));
    bevindingen.extend(art4_4::maatregel(&ctx));
    for beroep in &verloop.beroepen {
        bevindingen.extend(art5::beroepstermijn(&ctx, beroep));
        bevindingen.extend(art5::beroepsbehandeling(&ctx, beroep));
    }
    bevindingen.extend(art5::onafhankelijk(&ctx));
    (Some(verloop), bevindingen)
}

/// A case for tests: received on `ontvangen` by e-mail, about preventie, on line 2.
#[cfg(test)]
pub(crate) fn test_zaak(ontvangen: &str) -> Zaak {
    use crate::model::{Dienst, Kanaal};
    Zaak {
        id: "KP-TEST-1".into(),
        ontvangen: testhulp::d(ontvangen),
        kanaal: Kanaal::Email,
        dienst: Dienst::Preventie,
        behandelaar: testhulp::naam("Behandelaar"),
        teksten: crate::model::Zaakteksten::new(
            "A. Klager",
            "klager@example.nl",
            "Te laat teruggebeld",
        ),
        categorie: Some(testhulp::naam("communicatie")),
        beklaagde: Some(testhulp::naam("T. Beklaagd")),
        line: 2,
        gebeurtenissen: Vec::new(),
    }
}

#[cfg(test)]
pub(crate) mod testhulp {
    //! Builds cases from short event lists and runs the rules on them. The names and
    //! toelichtingen of a test's cases are kept in tables of the test's own thread.
    pub use super::{Bevinding, Bron, Ernst};
    use crate::model::{Gebeurtenis, Naam, Namen, Oordeel, Soort, Toelichtingen, Zaak};
    pub use crate::register::Reglement;
    use chrono::NaiveDate;
    use std::cell::RefCell;

    thread_local! {
        static NAMEN: RefCell<Namen> = RefCell::default();
        static TOELICHTINGEN: RefCell<Toelichtingen> = RefCell::default();
    }

    /// The number of a name in this thread's table.
    pub fn naam(tekst: &str) -> Naam {
        NAMEN.with(|namen| namen.borrow_mut().naam(tekst))
    }

    /// This thread's table of names.
    pub fn namen() -> Namen {
        NAMEN.with(|namen| namen.borrow().clone())
    }

    /// This thread's table of toelichtingen.
    pub fn toelichtingen() -> Toelichtingen {
        TOELICHTINGEN.with(|t| t.borrow().clone())
    }

    pub fn d(tekst: &str) -> NaiveDate {
        NaiveDate::parse_from_str(tekst, "%Y-%m-%d").unwrap()
    }

    /// A case received on `ontvangen` with events `(datum, soort, spec)` on lines 2, 3, ...
    /// `spec` is an oordeel, or `key=value` pairs separated by `;` (door, oordeel, termijn,
    /// toelichting, regel). Events are put in date order as the loader does.
    pub fn zaak(ontvangen: &str, events: &[(&str, &str, &str)]) -> Zaak {
        let mut zaak = super::test_zaak(ontvangen);
        for (i, (datum, soort, spec)) in events.iter().enumerate() {
            let mut g = Gebeurtenis {
                datum: d(datum),
                datum_dag_eerst: false,
                soort: Soort::parse(soort).unwrap(),
                door: None,
                oordeel: None,
                termijn: None,
                toelichting: None,
                regel: None,
                line: i as u32 + 2,
            };
            if let Some(o) = Oordeel::parse(spec) {
                g.oordeel = Some(o);
            } else {
                for paar in spec.split(';').filter(|p| !p.is_empty()) {
                    let (k, v) = paar.split_once('=').unwrap();
                    match k {
                        "door" => g.door = (!v.is_empty()).then(|| naam(v)),
                        "oordeel" => g.oordeel = Oordeel::parse(v),
                        "termijn" => g.termijn = Some(d(v)),
                        "toelichting" => {
                            g.toelichting = Some(TOELICHTINGEN.with(|t| t.borrow_mut().bewaar(v)))
                        }
                        "regel" => g.regel = super::RegelId::parse(v),
                        _ => panic!("onbekend: {k}"),
                    }
                }
            }
            zaak.gebeurtenissen.push(g);
        }
        zaak.gebeurtenissen.sort_by_key(|g| g.datum);
        zaak
    }

    pub fn bevindingen_met(
        zaak: &Zaak,
        peildatum: &str,
        regel: &str,
        reglement: &Reglement,
    ) -> Vec<Bevinding> {
        let kalender = reglement.kalender();
        let peildatum = d(peildatum);
        let grens =
            super::waarschuwingsgrens(&kalender, peildatum, reglement.waarschuwing_werkdagen);
        let namen = namen();
        let (_, alle) = super::beoordeel_zaak(zaak, &namen, reglement, &kalender, peildatum, grens);
        alle.into_iter().filter(|b| b.regel.id() == regel).collect()
    }

    /// The findings of rule `regel` on `zaak` at `peildatum`, with the default regulation.
    pub fn bevindingen(zaak: &Zaak, peildatum: &str, regel: &str) -> Vec<Bevinding> {
        bevindingen_met(zaak, peildatum, regel, &Reglement::default())
    }
}

#[cfg(test)]
mod tests {
    use super::testhulp::d;
    use chrono::NaiveDate;

    #[test]
    fn datums_als_chrono_ze_schrijft() {
        for tekst in [
            "2025-04-28",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "0999-10-05",
        ] {
            let datum = d(tekst);
            assert_eq!(super::dmj(datum), datum.format("%d-%m-%Y").to_string());
            let mut buffer = [0; 10];
            assert_eq!(super::jmd(datum, &mut buffer), Some(tekst));
        }
        let ver = NaiveDate::from_ymd_opt(12345, 6, 7).unwrap();
        assert_eq!(super::dmj(ver), ver.format("%d-%m-%Y").to_string());
        assert_eq!(super::jmd(ver, &mut [0; 10]), None);
    }
}

#[cfg(test)]
mod docs_tests {
    use super::RegelId;

    /// The rules page of the docs names every rule, so it cannot silently fall behind.
    #[test]
    fn docs_noemen_elke_regel() {
        let docs = include_str!("../../docs/rules.md");
        for regel in RegelId::ALLE {
            assert!(
                docs.contains(&format!("`{}`", regel.id())),
                "{regel} ontbreekt in docs/rules.md"
            );
        }
    }

    #[test]
    fn regel_ids_zijn_hoofdletterongevoelig() {
        for regel in RegelId::ALLE {
            assert_eq!(RegelId::parse(&regel.id().to_uppercase()), Some(regel));
            assert_eq!(RegelId::parse(&format!("  {} ", regel.id())), Some(regel));
        }
        assert_eq!(RegelId::parse("art-4.2"), None);
    }

    /// `ALLE` lists the rules in declaration order, so a rule's number is its place there
    /// (SARIF's `ruleIndex` relies on it).
    #[test]
    fn nummer_is_de_plek_in_alle() {
        for (i, regel) in RegelId::ALLE.into_iter().enumerate() {
            assert_eq!(regel.nummer(), i, "{regel}");
        }
    }
}
