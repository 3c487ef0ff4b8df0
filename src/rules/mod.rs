//! The rules of the regulation: one module per article, each raising [`Bevinding`]s
//! (findings) on one zaak, and each declaring its rules' meaning in a [`Regel`] next to the
//! code that raises them. [`beoordeel_zaak`] runs them all on one case: this is the one
//! place where findings are made.
//!
//! Adding a rule: a variant of [`RegelId`] (its stable id), a module here with its
//! [`Regel`] and the code that raises it, and one line in [`REGELS`].

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::bevinding::{Bevinding, Bron, Ernst, RegelId};
use crate::calendar::Kalender;
use crate::datum::dmj;
use crate::history::Historielezing;
use crate::model::{Tekst, Zaak};
use crate::persoonsgegevens::{toon, toon_in_plaats, toon_in_plaats_zonder_naamwoorden, Geheimen};
use crate::register::{Dossier, Reglement, Termen};
use crate::verloop::Verloop;

pub mod art4_1;
pub mod art4_2;
pub mod art4_3;
pub mod art4_4;
pub mod art4_5;
pub mod art5;
pub mod art6;
pub mod art7;
pub mod art9;
pub mod toepassing;
pub mod verantwoording;

/// What a rule means: its id, the article it enforces, the severities it raises, and its
/// title and explanation in plain Dutch, stating the terms of a version of the regulation.
pub struct Regel {
    pub id: RegelId,
    /// The article of the regulation, as an anchor-friendly number ("4.3").
    pub artikel: &'static str,
    /// The severities the rule raises, the most serious first.
    pub ernst: &'static [Ernst],
    titel: fn(&Reglement, &Termen) -> String,
    uitleg: fn(&Reglement, &Termen) -> String,
}

impl Regel {
    /// A short title for lists and headings, stating `termen`: the terms of one version
    /// of `reglement`.
    pub fn titel(&self, reglement: &Reglement, termen: &Termen) -> String {
        (self.titel)(reglement, termen)
    }

    /// The rule in plain Dutch, for the rules page and SARIF's help text, stating
    /// `termen`: the terms of one version of `reglement`.
    pub fn uitleg(&self, reglement: &Reglement, termen: &Termen) -> String {
        (self.uitleg)(reglement, termen)
    }
}

/// Every rule, in the order of [`RegelId::ALLE`].
pub const REGELS: [&Regel; 17] = [
    &toepassing::SCHRIFTELIJK,
    &toepassing::REIKWIJDTE,
    &art4_1::GEGEVENS,
    &art4_2::ONTVANGSTBEVESTIGING,
    &art4_3::TERMIJN,
    &art4_3::VERLENGING,
    &art4_4::MAATREGEL,
    &art4_4::OORDEEL,
    &art4_5::AFSLUITING,
    &art5::BEROEPSBEHANDELING,
    &art5::BEROEPSTERMIJN,
    &art5::ONAFHANKELIJK,
    &art6::PERSOONSGEGEVENS,
    &art7::REGISTRATIE,
    &art7::WIJZIGING,
    &toepassing::INWERKINGTREDING,
    &art9::WIJZIGING,
];

/// What rule `id` means.
pub fn regel(id: RegelId) -> &'static Regel {
    REGELS[id.nummer()]
}

/// "vijf werkdagen", "één week", "14 weken": a term as a Dutch text reads it.
pub(crate) fn termijn(aantal: u32, enkelvoud: &str, meervoud: &str) -> String {
    const WOORDEN: [&str; 12] = [
        "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
        "twaalf",
    ];
    let getal = match aantal {
        1..=12 => WOORDEN[aantal as usize - 1].to_string(),
        n => n.to_string(),
    };
    format!("{getal} {}", if aantal == 1 { enkelvoud } else { meervoud })
}

/// "5 werkdagen", "1 week": a term as the findings' messages state it, written only when a
/// message is (most cases raise no finding).
pub(crate) fn termijn_kort(
    aantal: u32,
    enkelvoud: &'static str,
    meervoud: &'static str,
) -> impl std::fmt::Display {
    struct Kort(u32, &'static str);
    impl std::fmt::Display for Kort {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{} {}", self.0, self.1)
        }
    }
    Kort(aantal, if aantal == 1 { enkelvoud } else { meervoud })
}

/// What every case is judged in: the regulation and its calendar, the peildatum, the case
/// files and what the Git history read.
pub struct Omgeving<'a> {
    pub reglement: &'a Reglement,
    pub kalender: &'a Kalender,
    pub peildatum: NaiveDate,
    /// The `waarschuwing_werkdagen`-th working day after the peildatum: open deadlines up
    /// to this day are due soon.
    pub waarschuwingsgrens: NaiveDate,
    pub dossiers: &'a HashMap<Tekst, Dossier>,
    /// What the Git history read; None when it was not read (art 7 is then skipped).
    pub historie: Option<&'a Historielezing>,
    /// The name and contact of other rows with a case's number (see
    /// `Register::andere_geheimen`), which its findings must not show.
    pub andere_geheimen: Option<&'a HashMap<Tekst, Geheimen>>,
}

impl<'a> Omgeving<'a> {
    /// The setting of `reglement` at `peildatum`, without case files or history.
    pub fn new(
        reglement: &'a Reglement,
        kalender: &'a Kalender,
        peildatum: NaiveDate,
        dossiers: &'a HashMap<Tekst, Dossier>,
    ) -> Omgeving<'a> {
        Omgeving {
            reglement,
            kalender,
            peildatum,
            waarschuwingsgrens: kalender.werkdagen_na(peildatum, reglement.waarschuwing_werkdagen),
            dossiers,
            historie: None,
            andere_geheimen: None,
        }
    }
}

/// Everything a rule needs to judge one case.
pub struct Context<'a> {
    pub zaak: &'a Zaak,
    pub reglement: &'a Reglement,
    /// The terms of the version of the regulation in force on the day the case was
    /// received: they hold in every cycle, appeal and term of the case.
    pub termen: &'a Termen,
    pub kalender: &'a Kalender,
    pub peildatum: NaiveDate,
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

/// Judges one case by every rule, with the terms of the version of the regulation in force
/// on the day it was received: the findings in the contract's order (rule, then date),
/// those that a verantwoording accounts for marked so, each naming that version; and the
/// course of handling when the case falls under the regulation. A case outside it gets no
/// finding beyond why it is outside, and art-4.1: not from its case file, not from the
/// history.
pub fn beoordeel_zaak(zaak: &Zaak, omgeving: &Omgeving<'_>) -> (Option<Verloop>, Vec<Bevinding>) {
    let mut bevindingen: Vec<Bevinding> = art4_1::gegevens(zaak).into_iter().collect();
    // What the case's texts may not show: made once, when a case file or a finding needs it.
    let geheimen = OnceCell::new();
    let geheimen = || geheimen.get_or_init(|| zaakgeheimen(zaak, omgeving));
    let buiten = toepassing::buiten_reglement(zaak, omgeving.reglement);
    let versie = omgeving.reglement.versie_op(zaak.ontvangen);
    let verloop = if let Some(versie) = versie.filter(|_| buiten.is_empty()) {
        let verloop = Verloop::van(zaak, &versie.termen, omgeving.kalender);
        let ctx = Context {
            zaak,
            reglement: omgeving.reglement,
            termen: &versie.termen,
            kalender: omgeving.kalender,
            peildatum: omgeving.peildatum,
            waarschuwingsgrens: omgeving.waarschuwingsgrens,
            verloop: &verloop,
        };
        termijnen(&ctx, &mut bevindingen);
        if let Some(dossier) = omgeving.dossiers.get(&zaak.id) {
            bevindingen.extend(art6::persoonsgegevens(&zaak.id, dossier, geheimen()));
        }
        if let Some(historie) = omgeving.historie {
            bevindingen.extend(art7::beoordeel_zaak(&ctx, historie, &geheimen));
        }
        Some(verloop)
    } else {
        bevindingen.extend(buiten);
        None
    };
    for b in &mut bevindingen {
        b.reglement_vanaf = versie.map(|v| v.vanaf);
    }
    verantwoording::pas_toe(zaak, &mut bevindingen);
    if !bevindingen.is_empty() {
        afschermen(geheimen(), &mut bevindingen);
    }
    bevindingen.sort_by(volgorde);
    (verloop, bevindingen)
}

/// What findings say goes to every output, and quotes the register (who decided an
/// appeal, a justification): it passes `persoonsgegevens::toon` with the case's own name
/// and contact, like every other text of the register. A message is the tool's own text
/// around names of staff and dates: the words of the complainant's name are looked for in
/// the justification only, a free text of the register
/// (`persoonsgegevens::toon_zonder_naamwoorden`).
fn afschermen(geheimen: &Geheimen, bevindingen: &mut [Bevinding]) {
    for b in bevindingen {
        toon_in_plaats_zonder_naamwoorden(&mut b.bericht, geheimen);
        if let Some(Cow::Owned(getoond)) = b.verantwoording.as_deref().map(|v| toon(v, geheimen)) {
            b.verantwoording = Some(getoond.into());
        }
    }
}

/// What no text of `zaak` may show (`register::geheimen`).
fn zaakgeheimen(zaak: &Zaak, omgeving: &Omgeving<'_>) -> Geheimen {
    match omgeving.andere_geheimen {
        Some(andere) => crate::register::geheimen(zaak, andere),
        None => Geheimen::van(zaak.klager.as_deref(), zaak.contact.as_deref()),
    }
}

/// Judges what concerns the register as a whole rather than one case: the history of
/// `reglement.toml` (art 9), when the Git history was read. Returns the findings, in the
/// contract's order, and notes on what could not be judged.
pub fn beoordeel_register(
    reglement: &Reglement,
    historie: Option<&Historielezing>,
) -> (Vec<Bevinding>, Vec<String>) {
    let Some(historie) = historie else {
        return (Vec::new(), Vec::new());
    };
    let (mut bevindingen, notities) = art9::beoordeel(reglement, historie);
    // What they say goes to every output: through the scanner, as every text.
    for b in &mut bevindingen {
        toon_in_plaats(&mut b.bericht, &Geheimen::GEEN);
    }
    // By rule and date, as the contract orders; commits of the same day in history order.
    bevindingen.sort_by_key(|b| (b.regel, b.datum));
    (bevindingen, notities)
}

/// The rules of articles 4.2 to 5, which judge the course of handling.
fn termijnen(ctx: &Context<'_>, bevindingen: &mut Vec<Bevinding>) {
    bevindingen.extend(art4_2::ontvangstbevestiging(ctx));
    for cyclus in &ctx.verloop.cycli {
        bevindingen.extend(art4_3::verlenging(ctx, cyclus));
        bevindingen.extend(art4_3::termijn(ctx, cyclus));
        bevindingen.extend(art4_5::afsluiting(ctx, cyclus));
    }
    bevindingen.extend(art4_4::oordeel(ctx));
    bevindingen.extend(art4_4::maatregel(ctx));
    for beroep in &ctx.verloop.beroepen {
        bevindingen.extend(art5::beroepstermijn(ctx, beroep));
        bevindingen.extend(art5::beroepsbehandeling(ctx, beroep));
    }
    bevindingen.extend(art5::onafhankelijk(ctx));
}

/// The order of findings: by case, rule and date (the contract), then by deadline and
/// message so that the order is always the same.
pub fn volgorde(a: &Bevinding, b: &Bevinding) -> std::cmp::Ordering {
    a.sorteersleutel()
        .cmp(&b.sorteersleutel())
        .then_with(|| a.deadline.cmp(&b.deadline))
        .then_with(|| a.bericht.cmp(&b.bericht))
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
        behandelaar: "Behandelaar".into(),
        klager: Some("A. Klager".into()),
        contact: Some("klager@example.nl".into()),
        omschrijving: Some("Te laat teruggebeld".into()),
        categorie: Some("communicatie".into()),
        beklaagde: Some("T. Beklaagd".into()),
        line: 2,
        gebeurtenissen: Vec::new(),
    }
}

#[cfg(test)]
pub(crate) mod testhulp {
    //! Builds cases from short event lists and runs the rules on them.
    pub use crate::bevinding::{Bevinding, Bron, Ernst};
    use crate::model::{Gebeurtenis, Oordeel, Soort, Zaak};
    pub use crate::register::Reglement;
    use chrono::NaiveDate;

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
                        "door" => g.door = (!v.is_empty()).then(|| v.into()),
                        "oordeel" => g.oordeel = Oordeel::parse(v),
                        "termijn" => g.termijn = Some(d(v)),
                        "toelichting" => g.toelichting = Some(v.into()),
                        "regel" => g.regel = crate::bevinding::RegelId::parse(v),
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
        let dossiers = Default::default();
        let omgeving = super::Omgeving::new(reglement, &kalender, d(peildatum), &dossiers);
        let (_, alle) = super::beoordeel_zaak(zaak, &omgeving);
        alle.into_iter().filter(|b| b.regel.id() == regel).collect()
    }

    /// The findings of rule `regel` on `zaak` at `peildatum`, with the default regulation.
    pub fn bevindingen(zaak: &Zaak, peildatum: &str, regel: &str) -> Vec<Bevinding> {
        bevindingen_met(zaak, peildatum, regel, &Reglement::default())
    }
}

#[cfg(test)]
mod tests {
    use super::{regel, termijn, Reglement, Termen, REGELS};
    use crate::bevinding::RegelId;

    /// A complainant called "K. Register": a message is the tool's own text and keeps its
    /// word "register"; a justification is the register's text, and does not show a word
    /// of the name.
    #[test]
    fn een_bericht_houdt_zijn_woorden_een_verantwoording_niet() {
        use super::testhulp::{bevindingen, zaak};
        let mut z = zaak(
            "2025-04-18",
            &[(
                "2025-05-10",
                "verantwoording",
                "regel=art-4.1-gegevens;door=directie;toelichting=De klager (Register) wil niet gemaild worden",
            )],
        );
        z.klager = Some("K. Register".into());
        z.contact = None;
        let b = bevindingen(&z, "2025-06-01", "art-4.1-gegevens");
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(
            b[0].bericht,
            "ontbreekt in het register: contactgegevens van de klager"
        );
        assert_eq!(
            b[0].verantwoording.as_deref(),
            Some("De klager ([naam verwijderd]) wil niet gemaild worden")
        );
    }

    #[test]
    fn elke_regel_heeft_zijn_betekenis_op_zijn_plek() {
        for (i, id) in RegelId::ALLE.into_iter().enumerate() {
            assert_eq!(REGELS[i].id, id);
            assert_eq!(regel(id).id, id);
            assert!(!regel(id).ernst.is_empty(), "{id}");
            assert!(
                id.id().starts_with(&format!("art-{}-", regel(id).artikel)),
                "{id}"
            );
        }
    }

    #[test]
    fn termijnen_in_woorden() {
        assert_eq!(termijn(5, "werkdag", "werkdagen"), "vijf werkdagen");
        assert_eq!(termijn(1, "week", "weken"), "één week");
        assert_eq!(termijn(14, "week", "weken"), "14 weken");
    }

    /// The rules page of the docs names every rule with its severities (one row each; a
    /// second severity on a row of its own under it), so it cannot silently fall behind the
    /// code.
    #[test]
    fn docs_noemen_elke_regel_met_zijn_ernst() {
        let docs: Vec<&str> = include_str!("../../docs/rules.md").lines().collect();
        let ernst_van = |rij: &str| rij.split('|').nth(2).unwrap_or_default().trim().to_string();
        for r in REGELS {
            let begin = docs
                .iter()
                .position(|l| l.starts_with(&format!("| `{}` |", r.id)))
                .unwrap_or_else(|| panic!("{} ontbreekt in een tabel van docs/rules.md", r.id));
            let vervolg = docs[begin + 1..]
                .iter()
                .take_while(|l| l.starts_with("| |"));
            let gedocumenteerd: Vec<String> = std::iter::once(docs[begin])
                .chain(vervolg.copied())
                .map(ernst_van)
                .collect();
            let ernst: Vec<&str> = r.ernst.iter().map(|e| e.naam()).collect();
            assert_eq!(gedocumenteerd, ernst, "ernst van {} in docs/rules.md", r.id);
        }
    }

    /// Titles and explanations state the terms they are given: those of one version.
    #[test]
    fn uitleg_noemt_de_termijnen_van_de_versie() {
        let reglement = Reglement::default();
        let standaard = Termen::default();
        let eigen = Termen {
            ontvangstbevestiging_werkdagen: 10,
            afhandeltermijn_weken: 6,
            beroepstermijn_weken: 3,
            beroep_afhandeltermijn_weken: Some(8),
        };
        let tekst = |id, t: &Termen| {
            format!(
                "{} {}",
                regel(id).titel(&reglement, t),
                regel(id).uitleg(&reglement, t)
            )
        };
        assert!(tekst(RegelId::Art42Ontvangstbevestiging, &standaard).contains("vijf werkdagen"));
        assert!(tekst(RegelId::Art42Ontvangstbevestiging, &eigen).contains("tien werkdagen"));
        assert!(tekst(RegelId::Art43Termijn, &standaard).contains("vier weken"));
        assert!(tekst(RegelId::Art43Termijn, &eigen).contains("zes weken"));
        assert!(tekst(RegelId::Art5Beroepstermijn, &eigen).contains("drie weken"));
        assert!(tekst(RegelId::Art5Beroepsbehandeling, &eigen).contains("acht weken"));
        assert!(!tekst(RegelId::Art5Beroepsbehandeling, &standaard).contains("acht"));
    }
}
