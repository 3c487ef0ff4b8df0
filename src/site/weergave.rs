//! View models of cases: what a case row and a case page show. Built from the check's
//! outcome; nothing here judges compliance, it only lays out what the engine decided.
//! The complainant's name and contact details are never copied into a view model.

use chrono::NaiveDate;
use serde::Serialize;

use super::statistiek::{telsoort, Bevindingtelling, Zaakgegevens};
use crate::bevinding::Bevinding;
use crate::datum::dmj;
use crate::history::Wijziging;
use crate::markdown;
use crate::model::{Gebeurtenis, Soort, Zaak};
use crate::register::{Reglement, Termen, Versie};
use crate::rules;
use crate::verloop::{Termijn, Termijnstatus, Verloop};

/// A date for display and for sorting in the page.
#[derive(Debug, Clone, Serialize)]
pub struct Datum {
    pub tekst: String,
    pub iso: String,
}

/// Where a case's page lives, relative to the site's root: `zaken/<xx>/<zaak>.html`. The
/// pages are spread over 64 folders by a stable hash of the case number: creating a
/// hundred thousand files in one folder makes every writer wait for that folder's lock.
pub fn zaakpad(zaak: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in zaak.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("zaken/{:02x}/{zaak}.html", h % 64)
}

pub fn datum(d: NaiveDate) -> Datum {
    Datum {
        tekst: dmj(d),
        iso: d.format("%Y-%m-%d").to_string(),
    }
}

/// Where a case stands, in words.
pub fn status(zaak: &Zaak, verloop: Option<&Verloop>) -> &'static str {
    let events = &zaak.gebeurtenissen;
    let laatste = |soort: Soort| events.iter().rposition(|g| g.soort == soort);
    if events.iter().any(|g| g.soort == Soort::Ingetrokken) {
        return "ingetrokken";
    }
    if let Some(beroep) = laatste(Soort::Beroep) {
        if laatste(Soort::Beroepsuitspraak).is_none_or(|u| u < beroep) {
            return "in beroep";
        }
    }
    let afgesloten = match verloop {
        Some(v) => v.cycli.last().is_some_and(|c| c.afsluiting.is_some()),
        None => laatste(Soort::Afsluiting) > laatste(Soort::Heropend),
    };
    let beslist = match verloop {
        Some(v) => v.cycli.last().is_some_and(|c| c.uitspraak().is_some()),
        None => laatste(Soort::Uitspraak) > laatste(Soort::Heropend),
    };
    match (afgesloten, beslist) {
        (true, _) => "afgesloten",
        (false, true) => "uitspraak gedaan",
        (false, false) => "in behandeling",
    }
}

/// `tekst` as HTML in which every date (DD-MM-YYYY) stands in a span that is never
/// broken across lines; everything else is escaped.
pub fn datums_heel(tekst: &str) -> String {
    let is_datum = |w: &[u8]| {
        w.len() == 10
            && w.iter().enumerate().all(|(i, c)| {
                if i == 2 || i == 5 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    let bytes = tekst.as_bytes();
    let mut uit = String::with_capacity(tekst.len() + 32);
    let mut i = 0;
    while i < tekst.len() {
        let los = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if los && bytes.get(i..i + 10).is_some_and(is_datum) {
            uit.push_str("<span class=\"geheel\">");
            uit.push_str(&tekst[i..i + 10]);
            uit.push_str("</span>");
            i += 10;
            continue;
        }
        let Some(c) = tekst[i..].chars().next() else {
            break;
        };
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '"' => uit.push_str("&quot;"),
            '\'' => uit.push_str("&#x27;"),
            _ => uit.push(c),
        }
        i += c.len_utf8();
    }
    uit
}

/// One finding as shown on the site.
#[derive(Debug, Clone, Serialize)]
pub struct BevindingWeergave {
    pub zaak: String,
    pub zaak_href: String,
    pub regel: &'static str,
    pub titel: String,
    pub artikel: &'static str,
    /// Link to the article (or the rule's explanation) on the rules page.
    pub artikel_href: String,
    pub ernst: &'static str,
    /// How the finding is counted: its severity, or `verantwoord`.
    pub soort: &'static str,
    pub ernst_label: &'static str,
    pub bericht: String,
    /// The message as HTML, its dates kept whole on one line.
    pub bericht_html: String,
    pub plek: String,
    pub deadline: Option<Datum>,
    pub datum: Option<Datum>,
    pub verantwoording: Option<String>,
}

/// One finding as the site shows it, its rule's title stating the terms of the version
/// that judged its case. A finding on no case links to the versions on the rules page.
pub fn bevinding(
    b: &Bevinding,
    reglement: &Reglement,
    basis: &str,
    artikel_href: &dyn Fn(&'static str) -> String,
) -> BevindingWeergave {
    let regel = rules::regel(b.regel);
    let versie = b
        .reglement_vanaf
        .and_then(|vanaf| reglement.versie_vanaf(vanaf))
        .unwrap_or(&reglement.eerste);
    BevindingWeergave {
        zaak: b.zaaknaam().to_string(),
        zaak_href: match &b.zaak {
            Some(zaak) => format!("{basis}{}", zaakpad(zaak)),
            None => format!("{basis}regels.html#{VERSIES_ANKER}"),
        },
        regel: b.regel.id(),
        titel: regel.titel(reglement, &versie.termen),
        artikel: regel.artikel,
        artikel_href: format!("{basis}{}", artikel_href(regel.artikel)),
        ernst: b.ernst.naam(),
        soort: telsoort(b),
        ernst_label: if b.is_geaccepteerd() {
            "verantwoord"
        } else {
            b.ernst.label()
        },
        bericht: b.bericht.clone(),
        bericht_html: datums_heel(&b.bericht),
        plek: match b.line {
            Some(line) => format!("{}:{line}", b.bron.pad()),
            None => b.bron.pad().into_owned(),
        },
        deadline: b.deadline.map(datum),
        datum: b.datum.map(datum),
        verantwoording: b.verantwoording.as_deref().map(str::to_string),
    }
}

/// The anchor of the versions of the regulation on the rules page.
pub const VERSIES_ANKER: &str = "kop-versies";

/// A version of the regulation as the site shows it.
#[derive(Debug, Clone, Serialize)]
pub struct VersieWeergave {
    /// Its anchor on the rules page: `versie-2026-01-01`.
    pub anker: String,
    pub vanaf: Datum,
    /// Its last day: the day before the next version starts.
    pub tot: Option<Datum>,
    pub naam: String,
    pub besluit: Option<String>,
    /// Each term with what it asks: ("Ontvangstbevestiging", "binnen 5 werkdagen na
    /// ontvangst").
    pub termijnen: Vec<(&'static str, String)>,
}

pub fn versie(reglement: &Reglement, versie: &Versie) -> VersieWeergave {
    VersieWeergave {
        anker: format!("versie-{}", versie.vanaf.format("%Y-%m-%d")),
        vanaf: datum(versie.vanaf),
        tot: reglement.tot(versie).map(datum),
        naam: versie.naam.clone(),
        besluit: versie.besluit.clone(),
        termijnen: termijnen(&versie.termen),
    }
}

/// The four terms of a version, each with what it asks.
pub fn termijnen(t: &Termen) -> Vec<(&'static str, String)> {
    let weken = |n: u32| rules::termijn_kort(n, "week", "weken");
    vec![
        (
            "Ontvangstbevestiging",
            format!(
                "binnen {} na ontvangst",
                rules::termijn_kort(t.ontvangstbevestiging_werkdagen, "werkdag", "werkdagen")
            ),
        ),
        (
            "Afhandeling met uitspraak",
            format!(
                "binnen {} na ontvangst of heropening",
                weken(t.afhandeltermijn_weken)
            ),
        ),
        (
            "Beroep instellen",
            format!("binnen {} na de uitspraak", weken(t.beroepstermijn_weken)),
        ),
        (
            "Beroep behandelen",
            match t.beroep_afhandeltermijn_weken {
                Some(n) => format!("binnen {} na het beroep (eigen termijn)", weken(n)),
                None => "geen termijn vastgesteld".to_string(),
            },
        ),
    ]
}

/// A case as a row of the cases list.
#[derive(Debug, Clone, Serialize)]
pub struct ZaakRij {
    pub id: String,
    pub href: String,
    pub ontvangen: Datum,
    pub kanaal: &'static str,
    pub dienst: &'static str,
    pub categorie: String,
    pub behandelaar: String,
    pub status: &'static str,
    pub binnen_reglement: bool,
    pub uitspraak: Option<Datum>,
    pub oordeel: Option<&'static str>,
    pub telling: Bevindingtelling,
    /// Each rule with a finding, once, with how its findings count (the most serious).
    pub regels: Vec<RegelLabel>,
}

/// A rule among a case's findings, with its severity or `verantwoord`.
#[derive(Debug, Clone, Serialize)]
pub struct RegelLabel {
    pub id: &'static str,
    pub soort: &'static str,
    /// The case's findings of this rule.
    pub aantal: usize,
}

/// A case's rules with findings, each once, in the order of its findings; a rule with
/// several findings shows the most serious that is not accounted for.
pub fn regellabels(bevindingen: &[Bevinding]) -> Vec<RegelLabel> {
    let mut uit: Vec<RegelLabel> = Vec::new();
    for b in bevindingen {
        let soort = telsoort(b);
        match uit.iter_mut().find(|l| l.id == b.regel.id()) {
            Some(l) => {
                l.aantal += 1;
                if ernstvolgorde(soort) < ernstvolgorde(l.soort) {
                    l.soort = soort;
                }
            }
            None => uit.push(RegelLabel {
                id: b.regel.id(),
                soort,
                aantal: 1,
            }),
        }
    }
    uit
}

fn ernstvolgorde(soort: &str) -> u8 {
    match soort {
        "error" => 0,
        "warning" => 1,
        "info" => 2,
        _ => 3,
    }
}

pub fn zaakrij(z: &Zaakgegevens<'_>, basis: &str) -> ZaakRij {
    let (zaak, verloop, bevindingen) = (z.zaak, z.verloop, z.bevindingen);
    let eerste_uitspraak = zaak
        .gebeurtenissen
        .iter()
        .find(|g| g.soort == Soort::Uitspraak);
    ZaakRij {
        id: zaak.id.to_string(),
        href: format!("{basis}{}", zaakpad(&zaak.id)),
        ontvangen: datum(zaak.ontvangen),
        kanaal: zaak.kanaal.naam(),
        dienst: zaak.dienst.naam(),
        categorie: z.categorie().unwrap_or_default().to_string(),
        behandelaar: z.behandelaar().to_string(),
        status: status(zaak, verloop),
        binnen_reglement: verloop.is_some(),
        uitspraak: eerste_uitspraak.map(|g| datum(g.datum)),
        oordeel: zaak
            .gebeurtenissen
            .iter()
            .rev()
            .find(|g| g.soort == Soort::Uitspraak)
            .and_then(|g| g.oordeel)
            .map(|o| o.naam()),
        telling: Bevindingtelling::van(bevindingen),
        regels: regellabels(bevindingen),
    }
}

/// A term as the audit trail shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TermijnWeergave {
    pub wat: String,
    pub start: Datum,
    pub deadline: Datum,
    /// The deadline before extensions, when it moved.
    pub oorspronkelijk: Option<Datum>,
    pub vervuld_op: Option<Datum>,
    pub status: &'static str,
    pub klasse: &'static str,
}

fn termijn(
    wat: String,
    t: &Termijn,
    peildatum: NaiveDate,
    ingetrokken: Option<NaiveDate>,
) -> TermijnWeergave {
    let status = t.status(peildatum, ingetrokken);
    TermijnWeergave {
        wat,
        start: datum(t.start),
        deadline: datum(t.deadline),
        oorspronkelijk: (t.oorspronkelijk != t.deadline).then(|| datum(t.oorspronkelijk)),
        vervuld_op: t.vervuld_op.map(datum),
        status: status.label(),
        klasse: match status {
            Termijnstatus::OpTijd => "goed",
            Termijnstatus::TeLaat | Termijnstatus::Verlopen => "fout",
            Termijnstatus::Open => "open",
            Termijnstatus::Vervallen => "neutraal",
        },
    }
}

/// One event in the audit trail.
#[derive(Debug, Clone, Serialize)]
pub struct GebeurtenisWeergave {
    pub datum: Datum,
    pub soort: &'static str,
    pub door: String,
    pub oordeel: Option<&'static str>,
    pub termijn: Option<Datum>,
    pub toelichting: Option<String>,
    pub regel: Option<&'static str>,
    pub line: u32,
    /// What the engine made of it (an extension that does not count, say).
    pub opmerking: Option<String>,
}

/// A cycle of handling, or for a case outside the regulation all its events.
#[derive(Debug, Clone, Serialize)]
pub struct CyclusWeergave {
    pub titel: String,
    pub gebeurtenissen: Vec<GebeurtenisWeergave>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WijzigingWeergave {
    pub commit: String,
    pub datum: Datum,
    pub auteur: String,
    pub plek: String,
    pub omschrijving: String,
}

/// Everything a case page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ZaakPagina {
    pub rij: ZaakRij,
    pub beklaagde: String,
    pub omschrijving: String,
    pub regel_in_register: u32,
    pub termijnen: Vec<TermijnWeergave>,
    pub cycli: Vec<CyclusWeergave>,
    pub bevindingen: Vec<BevindingWeergave>,
    pub dossier: Option<String>,
    pub wijzigingen: Vec<WijzigingWeergave>,
    /// The version of the regulation in force on the day the case was received: the one
    /// that judged it. None when it came in before the regulation took effect.
    pub versie: Option<VersieWeergave>,
}

pub struct ZaakInvoer<'a> {
    pub gegevens: &'a Zaakgegevens<'a>,
    pub dossier: Option<&'a str>,
    pub wijzigingen: &'a [Wijziging],
    pub peildatum: NaiveDate,
    pub reglement: &'a Reglement,
}

pub fn zaakpagina(
    invoer: ZaakInvoer<'_>,
    artikel_href: &dyn Fn(&'static str) -> String,
) -> ZaakPagina {
    let ZaakInvoer {
        gegevens: z,
        dossier,
        wijzigingen,
        peildatum,
        reglement,
    } = invoer;
    let (zaak, verloop, bevindingen) = (z.zaak, z.verloop, z.bevindingen);
    let basis = "../../";
    let events = &zaak.gebeurtenissen;
    let mut opmerkingen: Vec<Option<String>> = vec![None; events.len()];
    let mut termijnen = Vec::new();
    let mut cycli = Vec::new();
    match verloop {
        Some(v) => {
            let w = v.ingetrokken;
            termijnen.push(termijn(
                "Ontvangstbevestiging (art. 4.2)".to_string(),
                &v.ontvangstbevestiging,
                peildatum,
                w,
            ));
            for c in &v.cycli {
                let naam = if c.nummer == 1 {
                    "Uitspraak (art. 4.3)".to_string()
                } else {
                    format!("Uitspraak cyclus {} (art. 4.3)", c.nummer)
                };
                termijnen.push(termijn(naam, &c.termijn, peildatum, w));
                for verlenging in &c.verlengingen {
                    opmerkingen[verlenging.index] = Some(if verlenging.gebreken.is_empty() {
                        format!(
                            "geldige verlenging: termijn van {} naar {}",
                            dmj(verlenging.deadline_ervoor),
                            dmj(verlenging.deadline_erna)
                        )
                    } else {
                        let gebreken: Vec<&str> =
                            verlenging.gebreken.iter().map(|g| g.label()).collect();
                        format!("telt niet: {}", gebreken.join(", "))
                    });
                }
                let titel = match c.heropend {
                    None => "Behandeling".to_string(),
                    Some(i) => format!("Cyclus {}: heropend op {}", c.nummer, dmj(events[i].datum)),
                };
                let mut lijst: Vec<usize> = c.gebeurtenissen.clone().collect();
                if let Some(i) = c.heropend {
                    lijst.insert(0, i);
                }
                cycli.push((titel, lijst));
            }
            for b in &v.beroepen {
                termijnen.push(termijn(
                    "Beroep ingesteld (art. 5)".to_string(),
                    &b.beroepstermijn,
                    peildatum,
                    None,
                ));
                if let Some(t) = &b.behandeltermijn {
                    termijnen.push(termijn(
                        "Beroepsuitspraak (eigen termijn)".to_string(),
                        t,
                        peildatum,
                        w,
                    ));
                }
            }
        }
        None => cycli.push(("Gebeurtenissen".to_string(), (0..events.len()).collect())),
    }
    let cycli = cycli
        .into_iter()
        .map(|(titel, lijst)| CyclusWeergave {
            titel,
            gebeurtenissen: lijst
                .into_iter()
                .filter_map(|i| {
                    let g = events.get(i)?;
                    Some(gebeurtenis(g, opmerkingen[i].take(), z))
                })
                .collect(),
        })
        .collect();
    ZaakPagina {
        rij: zaakrij(z, basis),
        beklaagde: z.beklaagde().unwrap_or_default().to_string(),
        omschrijving: z.omschrijving().unwrap_or_default().to_string(),
        regel_in_register: zaak.line,
        termijnen,
        cycli,
        bevindingen: bevindingen
            .iter()
            .map(|b| bevinding(b, reglement, basis, artikel_href))
            .collect(),
        // Two folders below the site's root: zaken/<xx>/.
        dossier: dossier.map(|tekst| markdown::naar_html(tekst, z.geheimen(), 2)),
        versie: reglement
            .versie_op(zaak.ontvangen)
            .map(|v| versie(reglement, v)),
        wijzigingen: wijzigingen
            .iter()
            .map(|w| WijzigingWeergave {
                commit: w
                    .commit
                    .clone()
                    .unwrap_or_else(|| "niet vastgelegd".to_string()),
                datum: datum(w.datum),
                auteur: z.toon_zonder_naamwoorden(&w.auteur).into_owned(),
                plek: match w.line {
                    Some(line) => format!("{}:{line}", w.bron.pad()),
                    None => w.bron.pad().into_owned(),
                },
                omschrijving: z.wijziging(&w.omschrijving),
            })
            .collect(),
    }
}

fn gebeurtenis(
    g: &Gebeurtenis,
    opmerking: Option<String>,
    z: &Zaakgegevens<'_>,
) -> GebeurtenisWeergave {
    GebeurtenisWeergave {
        datum: datum(g.datum),
        soort: g.soort.naam(),
        door: z
            .door(g)
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default(),
        oordeel: g.oordeel.map(|o| o.naam()),
        termijn: g.termijn.map(datum),
        toelichting: z.toelichting(g).map(std::borrow::Cow::into_owned),
        regel: g.regel.map(|r| r.id()),
        line: g.line,
        opmerking,
    }
}

#[cfg(test)]
mod tests {
    use super::datums_heel;

    #[test]
    fn datums_blijven_heel_en_de_rest_is_ontsnapt() {
        assert_eq!(
            datums_heel("termijn verliep op 29-09-2025, <b>x</b> & \"y\""),
            "termijn verliep op <span class=\"geheel\">29-09-2025</span>, &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"
        );
        // Not a date: too short, or part of a longer number.
        assert_eq!(
            datums_heel("1-09-2025 129-09-2025"),
            "1-09-2025 129-09-2025"
        );
        assert_eq!(
            datums_heel("ë 01-02-2026"),
            "ë <span class=\"geheel\">01-02-2026</span>"
        );
    }
}
