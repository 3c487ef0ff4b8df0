//! `klachten build`: the static compliance site. View models are built from the check's
//! outcome (`weergave`, `statistiek`), rendered with tera templates (compiled in, and
//! overridable with `--templates`), and written through one writer (`schrijver`) that
//! keeps the output deterministic, atomic and inside `--out`.

pub mod grafieken;
pub mod openbaar;
pub mod schrijver;
pub mod statistiek;
pub mod weergave;
pub mod zakenlijst;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, Months, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::bevinding::RegelId;
use crate::datum::dmj;
use crate::markdown;
use crate::register::{is_geldig_zaaknummer, Reglement};
use crate::rules;
use crate::stempel::Stempel;
use crate::verloop::{Termijnstatus, Verloop};
use crate::{Drempel, Fout, Uitkomst};
use schrijver::Schrijver;
use statistiek::{Bevindingtelling, Cijfers, Gedeeld, Periode, Statistiek, Zaakgegevens};
use weergave::ZaakInvoer;

/// The templates compiled into the binary: (file name, text).
const SJABLONEN: [(&str, &str); 11] = [
    ("basis.html", include_str!("../../templates/basis.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("zaken.html", include_str!("../../templates/zaken.html")),
    ("zaak.html", include_str!("../../templates/zaak.html")),
    (
        "overtredingen.html",
        include_str!("../../templates/overtredingen.html"),
    ),
    ("periode.html", include_str!("../../templates/periode.html")),
    ("regels.html", include_str!("../../templates/regels.html")),
    (
        "invoerfouten.html",
        include_str!("../../templates/invoerfouten.html"),
    ),
    (
        "openbaar.html",
        include_str!("../../templates/openbaar.html"),
    ),
    // The print stylesheet, which names the peildatum on every printed page.
    ("druk.css", include_str!("../../templates/druk.css")),
];

/// Static files, written as they are.
const BESTANDEN: [(&str, &str); 2] = [
    (
        "assets/stijl.css",
        include_str!("../../templates/stijl.css"),
    ),
    ("assets/zaken.js", include_str!("../../templates/zaken.js")),
];

/// How to build.
pub struct Bouwopties {
    pub out: PathBuf,
    /// A folder whose templates replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
    /// Show progress on stderr (a terminal).
    pub voortgang: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bouwverslag {
    pub paginas: usize,
    pub bevindingen: usize,
}

fn sjablonen(eigen: Option<&PathBuf>) -> Result<Tera, Fout> {
    let mut tera = Tera::default();
    let mut lijst: Vec<(String, String)> = SJABLONEN
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    if let Some(map) = eigen {
        if !map.is_dir() {
            return Err(Fout::new(format!(
                "--templates {}: geen map",
                map.display()
            )));
        }
        for (naam, tekst) in lijst.iter_mut() {
            let pad = map.join(&*naam);
            if pad.is_file() {
                *tekst = std::fs::read_to_string(&pad)
                    .map_err(|e| Fout::new(format!("{}: niet te lezen: {e}", pad.display())))?;
            }
        }
    }
    tera.add_raw_templates(lijst)
        .map_err(|e| Fout::new(format!("sjabloon ongeldig: {}", foutketen(&e))))?;
    tera.autoescape_on(vec![".html"]);
    Ok(tera)
}

/// An error and its causes on one line.
fn foutketen(e: &dyn std::error::Error) -> String {
    let mut tekst = e.to_string();
    let mut bron = e.source();
    while let Some(b) = bron {
        tekst.push_str(": ");
        tekst.push_str(&b.to_string());
        bron = b.source();
    }
    tekst.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn render(tera: &Tera, sjabloon: &str, context: &Context) -> Result<String, Fout> {
    tera.render(sjabloon, context)
        .map_err(|e| sjabloonfout(sjabloon, &e))
}

/// Renders into `uit`, which is emptied first: one buffer serves a thread's pages.
fn render_in(
    tera: &Tera,
    sjabloon: &str,
    context: &Context,
    uit: &mut Vec<u8>,
) -> Result<(), Fout> {
    uit.clear();
    tera.render_to(sjabloon, context, &mut *uit)
        .map_err(|e| sjabloonfout(sjabloon, &e))
}

fn sjabloonfout(sjabloon: &str, e: &tera::Error) -> Fout {
    Fout::new(format!("{sjabloon}: {}", foutketen(e)))
}

#[derive(Serialize)]
struct Algemeen {
    organisatie: String,
    peildatum: String,
    jaar: i32,
    aantal_invoerfouten: usize,
    stempel: StempelWeergave,
}

/// The evidence stamp as every page's footer shows it.
#[derive(Serialize)]
struct StempelWeergave {
    commit: Option<String>,
    gewijzigd: Option<bool>,
    klachten: Option<String>,
    gebeurtenissen: Option<String>,
    versie: &'static str,
    peildatum: String,
}

impl From<Stempel> for StempelWeergave {
    fn from(s: Stempel) -> StempelWeergave {
        StempelWeergave {
            commit: s.commit,
            gewijzigd: s.gewijzigd,
            klachten: s.klachten,
            gebeurtenissen: s.gebeurtenissen,
            versie: s.versie,
            peildatum: dmj(s.peildatum),
        }
    }
}

fn context(algemeen: &Algemeen, basis: &str, titel: &str, actief: &str) -> Context {
    let mut c = Context::new();
    c.insert("algemeen", algemeen);
    c.insert("basis", basis);
    c.insert("titel", titel);
    c.insert("actief", actief);
    c
}

#[derive(Serialize)]
struct RegelWeergave {
    id: &'static str,
    /// The rules page's anchor: the first rule of an article carries the article's.
    anker: String,
    titel: String,
    artikel: &'static str,
    artikel_href: String,
    uitleg: String,
    /// The title and explanation per version of the regulation, versions with the same
    /// text together; one entry when all versions read alike.
    per_versie: Vec<Regeltekst>,
    telling: Bevindingtelling,
}

/// A rule's text as one or more versions of the regulation state it.
#[derive(Serialize)]
struct Regeltekst {
    /// "Versie vanaf 01-10-2024", "Versies vanaf 01-01-2026 en 01-07-2026".
    versies: String,
    titel: String,
    uitleg: String,
}

/// The texts of `regel` per version of `reglement`, versions that read alike together.
fn regelteksten(regel: &rules::Regel, reglement: &Reglement) -> Vec<Regeltekst> {
    let mut groepen: Vec<(Vec<String>, String, String)> = Vec::new();
    for v in reglement.versies() {
        let titel = regel.titel(reglement, &v.termen);
        let uitleg = regel.uitleg(reglement, &v.termen);
        match groepen
            .iter_mut()
            .find(|(_, t, u)| *t == titel && *u == uitleg)
        {
            Some((dagen, _, _)) => dagen.push(dmj(v.vanaf)),
            None => groepen.push((vec![dmj(v.vanaf)], titel, uitleg)),
        }
    }
    groepen
        .into_iter()
        .map(|(dagen, titel, uitleg)| Regeltekst {
            versies: match dagen.as_slice() {
                [dag] => format!("Versie vanaf {dag}"),
                [begin @ .., laatste] => {
                    format!("Versies vanaf {} en {laatste}", begin.join(", "))
                }
                [] => String::new(),
            },
            titel,
            uitleg,
        })
        .collect()
}

#[derive(Serialize)]
struct OpenTermijn {
    zaak: String,
    href: String,
    wat: &'static str,
    deadline: weergave::Datum,
    behandelaar: String,
}

#[derive(Serialize)]
struct Verdeling {
    naam: String,
    telling: Bevindingtelling,
}

/// Builds the site of `uitkomst` into `opties.out`.
pub fn bouw(uitkomst: &Uitkomst, opties: &Bouwopties) -> Result<Bouwverslag, Fout> {
    let tera = sjablonen(opties.templates.as_ref())?;
    let schrijver = Schrijver::nieuw(&opties.out)?;
    match schrijf_site(uitkomst, &tera, &schrijver, opties) {
        Ok(verslag) => {
            schrijver.voltooi()?;
            Ok(verslag)
        }
        Err(fout) => {
            schrijver.breek_af();
            Err(fout)
        }
    }
}

fn schrijf_site(
    uitkomst: &Uitkomst,
    tera: &Tera,
    schrijver: &Schrijver,
    opties: &Bouwopties,
) -> Result<Bouwverslag, Fout> {
    let register = &uitkomst.register;
    let peildatum = register.peildatum;
    let algemeen = Algemeen {
        // Through the scanner where reglement.toml was read.
        organisatie: register.reglement.geldend_op(peildatum).naam.clone(),
        peildatum: dmj(peildatum),
        jaar: peildatum.year(),
        aantal_invoerfouten: register.invoerfouten.len(),
        stempel: uitkomst.stempel.clone().into(),
    };
    let verlopen: Vec<Option<Verloop>> = (0..register.zaken.len())
        .into_par_iter()
        .map(|i| uitkomst.verloop(i))
        .collect();
    let gedeeld = Gedeeld::van(register);
    let gegevens: Vec<Zaakgegevens<'_>> = register
        .zaken
        .iter()
        .enumerate()
        .map(|(i, zaak)| {
            Zaakgegevens::new(
                zaak,
                verlopen[i].as_ref(),
                uitkomst.bevindingen_van(i),
                register.geheimen(zaak),
                &gedeeld,
            )
        })
        .collect();

    // Articles with an anchor in the regulation's own text, when it is there.
    let (reglement_html, ankers) = match &register.reglement_tekst {
        Some(tekst) => {
            let (html, ankers) = markdown::reglement_naar_html(tekst);
            (Some(html), ankers)
        }
        None => (None, Vec::new()),
    };
    let artikel_href = |artikel: &'static str| -> String {
        let anker = format!("artikel-{artikel}");
        if ankers.contains(&anker) {
            format!("regels.html#{anker}")
        } else {
            // The article's main number, else the rule list.
            let hoofd = format!("artikel-{}", artikel.split('.').next().unwrap_or(artikel));
            if ankers.contains(&hoofd) {
                format!("regels.html#{hoofd}")
            } else {
                format!("regels.html#regels-artikel-{artikel}")
            }
        }
    };

    let geschreven = AtomicUsize::new(0);
    let schrijf = |pad: &str, inhoud: &[u8]| -> Result<(), Fout> {
        schrijver.schrijf(pad, inhoud)?;
        let n = geschreven.fetch_add(1, Ordering::Relaxed) + 1;
        if opties.voortgang && n.is_multiple_of(2000) {
            eprint!("\rklachten: {n} pagina's geschreven");
        }
        Ok(())
    };
    for (pad, inhoud) in BESTANDEN {
        schrijf(pad, inhoud.as_bytes())?;
    }
    schrijf(
        "assets/druk.css",
        render(tera, "druk.css", &context(&algemeen, "", "", ""))?.as_bytes(),
    )?;

    // The case pages and the overviews are written side by side: the overviews are a
    // few large pages (the cases list alone is tens of megabytes for a large register)
    // that would otherwise keep one core busy after the case pages are done.
    let lege_historie = Vec::new();
    // What every case page shares, made once.
    let mut zaakcontext = context(&algemeen, "../../", "", "zaken");
    zaakcontext.insert(
        "historie_gelezen",
        &uitkomst.historie.as_ref().map(|h| h.status.naam()),
    );
    let zaakpaginas = || -> Result<(), Fout> {
        // One page per case, in parallel.
        (0..register.zaken.len()).into_par_iter().try_for_each_init(
            || Vec::with_capacity(1 << 14),
            |pagina_html, i| -> Result<(), Fout> {
                let zaak = &register.zaken[i];
                if !is_geldig_zaaknummer(&zaak.id) {
                    return Err(Fout::new(format!(
                        "zaaknummer ongeschikt als bestandsnaam: {}",
                        zaak.id
                    )));
                }
                let wijzigingen = uitkomst
                    .historie
                    .as_ref()
                    .and_then(|h| h.per_zaak.get(&zaak.id))
                    .unwrap_or(&lege_historie);
                let pagina = weergave::zaakpagina(
                    ZaakInvoer {
                        gegevens: &gegevens[i],
                        dossier: register.dossiers.get(&zaak.id).map(|d| d.tekst.as_str()),
                        wijzigingen,
                        peildatum,
                        reglement: &register.reglement,
                    },
                    &artikel_href,
                );
                let mut c = zaakcontext.clone();
                c.insert("titel", &format!("Zaak {}", zaak.id));
                c.insert("zaak", &pagina);
                render_in(tera, "zaak.html", &c, pagina_html)?;
                schrijf(&weergave::zaakpad(&zaak.id), pagina_html)
            },
        )
    };
    let overzichten = || -> Result<(), Fout> {
        // Every figure is decided once, in `statistiek`, and read by every page below.
        let langste_termijn = register
            .reglement
            .versies()
            .map(|v| v.termen.afhandeltermijn_weken)
            .max()
            .unwrap_or_default();
        let mut stat = Statistiek::nieuw(
            &gegevens,
            uitkomst.bevindingen_over_register(),
            peildatum,
            langste_termijn,
        );
        let perioden = stat.perioden();
        let alles = Periode::alles(stat.eerste_dag(), peildatum);
        let trend = trendperiode(stat.eerste_dag(), peildatum);
        // Each report compares with the period before and the same period a year before.
        let vergelijk: Vec<Periode> = perioden
            .iter()
            .flat_map(|p| [p.vorige(), p.jaar_eerder()])
            .flatten()
            .collect();
        stat.tel_open(
            perioden
                .iter()
                .chain(&vergelijk)
                .chain([&alles, &trend])
                .flat_map(|p| p.einden(peildatum)),
        );
        let met_pagina: BTreeSet<&str> = perioden.iter().map(|p| p.sleutel.as_str()).collect();

        // The cases list: a small page, its rows in a compact data file drawn by a script.
        let lijst = zakenlijst::Zakenlijst::van(&gegevens);
        schrijf("assets/zaken-gegevens.js", &lijst.als_script())?;
        let mut c = context(&algemeen, "", "Zaken", "zaken");
        c.insert("aantal", &lijst.aantal());
        c.insert("keuzes", &lijst.keuzes);
        schrijf("zaken.html", render(tera, "zaken.html", &c)?.as_bytes())?;
        // The cases, and the findings with the input errors, for a spreadsheet.
        let spreadsheetfout =
            |e: std::io::Error| Fout::new(format!("spreadsheet niet te schrijven: {e}"));
        schrijf(
            "zaken.csv",
            &zakenlijst::spreadsheet(&gegevens).map_err(spreadsheetfout)?,
        )?;
        let mut bevindingen = Vec::new();
        crate::report::csv::schrijf_bevindingen(uitkomst, Drempel::default(), &mut bevindingen)
            .map_err(spreadsheetfout)?;
        schrijf("bevindingen.csv", &bevindingen)?;

        // Findings by rule, service and handler, each counted once.
        let alle: Vec<weergave::BevindingWeergave> = uitkomst
            .bevindingen
            .iter()
            .map(|b| weergave::bevinding(b, &register.reglement, "", &artikel_href))
            .collect();
        let mut per_regel: BTreeMap<&str, Vec<&weergave::BevindingWeergave>> = BTreeMap::new();
        for b in &alle {
            per_regel.entry(b.regel).or_default().push(b);
        }
        let mut per_dienst: BTreeMap<String, Bevindingtelling> = BTreeMap::new();
        let mut per_behandelaar: BTreeMap<String, Bevindingtelling> = BTreeMap::new();
        for z in &gegevens {
            for b in z.bevindingen {
                per_dienst
                    .entry(z.zaak.dienst.naam().to_string())
                    .or_default()
                    .tel(b);
                per_behandelaar
                    .entry(z.behandelaar().to_string())
                    .or_default()
                    .tel(b);
            }
        }
        let verdeling = |map: BTreeMap<String, Bevindingtelling>| -> Vec<Verdeling> {
            map.into_iter()
                .map(|(naam, telling)| Verdeling { naam, telling })
                .collect()
        };
        let reglement = &register.reglement;
        // The rules' texts state the terms of the version in force at the peildatum, and
        // per version where the versions' texts differ.
        let geldend = &reglement.geldend_op(peildatum).termen;
        let regels: Vec<RegelWeergave> = RegelId::ALLE
            .iter()
            .map(|&r| {
                let regel = rules::regel(r);
                let eerste = rules::REGELS
                    .iter()
                    .find(|x| x.artikel == regel.artikel)
                    .is_some_and(|x| x.id == r);
                RegelWeergave {
                    id: r.id(),
                    anker: if eerste {
                        format!("regels-artikel-{}", regel.artikel)
                    } else {
                        format!("regels-artikel-{}-{}", regel.artikel, r.id())
                    },
                    titel: regel.titel(reglement, geldend),
                    artikel: regel.artikel,
                    artikel_href: artikel_href(regel.artikel),
                    uitleg: regel.uitleg(reglement, geldend),
                    per_versie: regelteksten(regel, reglement),
                    telling: Bevindingtelling::van(
                        uitkomst.bevindingen.iter().filter(|b| b.regel == r),
                    ),
                }
            })
            .collect();
        let totaal = stat.cijfers(&alles, false);
        let mut c = context(&algemeen, "", "Overtredingen en risico's", "overtredingen");
        c.insert("per_regel", &per_regel);
        c.insert("regels", &regels);
        c.insert("totaal", &totaal.bevindingen);
        c.insert("per_dienst", &verdeling(per_dienst));
        c.insert("per_behandelaar", &verdeling(per_behandelaar));
        schrijf(
            "overtredingen.html",
            render(tera, "overtredingen.html", &c)?.as_bytes(),
        )?;

        // Rules and the regulation, with every version of it.
        let versies: Vec<weergave::VersieWeergave> = reglement
            .versies()
            .map(|v| weergave::versie(reglement, v))
            .collect();
        let mut c = context(&algemeen, "", "Regels en reglement", "regels");
        c.insert("regels", &regels);
        c.insert("totaal", &totaal.bevindingen);
        c.insert("reglement", &reglement_html);
        c.insert("versies", &versies);
        c.insert("kalender", &kalender(&register.reglement));
        schrijf("regels.html", render(tera, "regels.html", &c)?.as_bytes())?;

        // Input errors.
        let mut c = context(&algemeen, "", "Invoerfouten", "invoerfouten");
        let fouten: Vec<BTreeMap<&str, String>> = register
            .invoerfouten
            .iter()
            .map(|f| {
                BTreeMap::from([
                    ("bestand", f.bestand.clone()),
                    ("regel", f.line.map(|l| l.to_string()).unwrap_or_default()),
                    ("kolom", f.kolom.clone().unwrap_or_default()),
                    // As the loader left it: a complainant's name or contact never shown.
                    ("waarde", f.waarde.clone().unwrap_or_default()),
                    ("bericht", f.bericht.clone()),
                ])
            })
            .collect();
        c.insert("fouten", &fouten);
        c.insert("notities", &uitkomst.notities);
        schrijf(
            "invoerfouten.html",
            render(tera, "invoerfouten.html", &c)?.as_bytes(),
        )?;

        // Period reports: every year and quarter that holds data, each beside the period
        // before and the same period a year before.
        let stat = &stat;
        perioden.par_iter().try_for_each(|p| -> Result<(), Fout> {
            let rapport = stat.cijfers(p, true);
            let vorige = p.vorige().map(|v| stat.cijfers(&v, false));
            let jaar_eerder = p.jaar_eerder().map(|v| stat.cijfers(&v, false));
            let mut kolommen = vec![&rapport];
            kolommen.extend(vorige.iter().chain(&jaar_eerder));
            let vergelijking = statistiek::vergelijking(&kolommen, &met_pagina);
            let lijsten = bevindinglijsten(stat, &rapport, &register.reglement, &artikel_href);
            // The versions in force on some day of the period.
            let versies: Vec<weergave::VersieWeergave> = register
                .reglement
                .versies_tussen(p.van, p.tot)
                .into_iter()
                .map(|v| weergave::versie(&register.reglement, v))
                .collect();
            let mut c = context(&algemeen, "../", &p.titel, "perioden");
            c.insert("rapport", &rapport);
            c.insert("versies", &versies);
            c.insert("vergelijking", &vergelijking);
            c.insert("lijsten", &lijsten);
            c.insert("perioden", &perioden);
            schrijf(
                &format!("perioden/{}.html", p.sleutel),
                render(tera, "periode.html", &c)?.as_bytes(),
            )?;
            if p.is_jaar {
                let verslag = openbaar::Jaarverslag::van(stat, p, &register.reglement);
                let mut c = context(&algemeen, "../", &verslag.titel, "perioden");
                c.insert("verslag", &verslag);
                schrijf(
                    &format!("perioden/{}-openbaar.html", p.sleutel),
                    render(tera, "openbaar.html", &c)?.as_bytes(),
                )?;
            }
            Ok(())
        })?;

        // The dashboard.
        let (jaar, kwartaal) = match Periode::van_dag(peildatum) {
            Some((j, k)) => (Some(stat.cijfers(&j, false)), Some(stat.cijfers(&k, false))),
            None => (None, None),
        };
        let mut open_termijnen: Vec<OpenTermijn> = Vec::new();
        for z in &gegevens {
            let Some(v) = z.verloop else { continue };
            let termijnen =
                std::iter::once(&v.ontvangstbevestiging).chain(v.cycli.iter().map(|c| &c.termijn));
            for t in termijnen.filter(|t| t.status(peildatum, v.ingetrokken) == Termijnstatus::Open)
            {
                open_termijnen.push(OpenTermijn {
                    zaak: z.zaak.id.to_string(),
                    href: weergave::zaakpad(&z.zaak.id),
                    wat: t.soort.label(),
                    deadline: weergave::datum(t.deadline),
                    behandelaar: z.behandelaar().to_string(),
                });
            }
        }
        open_termijnen.sort_by(|a, b| {
            a.deadline
                .iso
                .cmp(&b.deadline.iso)
                .then_with(|| a.zaak.cmp(&b.zaak))
        });
        let aantal_open_termijnen = open_termijnen.len();
        open_termijnen.truncate(25);
        let mut open_overtredingen: Vec<&weergave::BevindingWeergave> =
            alle.iter().filter(|b| b.soort == "error").collect();
        open_overtredingen.sort_by(|a, b| {
            let dag = |x: &weergave::BevindingWeergave| {
                x.datum
                    .as_ref()
                    .or(x.deadline.as_ref())
                    .map(|d| d.iso.clone())
            };
            dag(b).cmp(&dag(a)).then_with(|| a.zaak.cmp(&b.zaak))
        });
        let aantal_open_overtredingen = open_overtredingen.len();
        open_overtredingen.truncate(25);
        let mut c = context(&algemeen, "", "Dashboard", "index");
        c.insert("totaal", &totaal);
        c.insert("trend", &trend);
        c.insert("grafieken", &stat.trendgrafieken(&trend));
        c.insert("jaar", &jaar);
        c.insert("kwartaal", &kwartaal);
        c.insert("open_termijnen", &open_termijnen);
        c.insert("aantal_open_termijnen", &aantal_open_termijnen);
        c.insert("open_overtredingen", &open_overtredingen);
        c.insert("aantal_open_overtredingen", &aantal_open_overtredingen);
        c.insert("samenvatting", &samenvatting(uitkomst));
        c.insert("historie_onvolledig", &uitkomst.historie_onvolledig());
        c.insert("perioden", &perioden);
        schrijf("index.html", render(tera, "index.html", &c)?.as_bytes())?;
        Ok(())
    };
    let (zaken, overige) = rayon::join(zaakpaginas, overzichten);
    zaken?;
    overige?;

    if opties.voortgang && geschreven.load(Ordering::Relaxed) >= 2000 {
        eprintln!();
    }
    Ok(Bouwverslag {
        paginas: geschreven.load(Ordering::Relaxed),
        bevindingen: uitkomst.bevindingen.len(),
    })
}

/// The months the dashboard's trend charts cover: the two years up to the peildatum, or
/// less when the register is younger. A bounded window, whatever the span of the dates.
fn trendperiode(eerste: NaiveDate, peildatum: NaiveDate) -> Periode {
    let begin = peildatum
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(23)))
        .unwrap_or(peildatum)
        .max(eerste.with_day(1).unwrap_or(eerste))
        .min(peildatum);
    Periode {
        sleutel: "trend".to_string(),
        titel: format!("{} tot en met {}", dmj(begin), dmj(peildatum)),
        kort: "trend".to_string(),
        van: begin,
        tot: peildatum,
        is_jaar: false,
    }
}

/// A period report's findings, each group by the day the findings count on, at most
/// [`statistiek::MAX_LIJST`] each.
#[derive(Serialize)]
struct Bevindinglijst {
    soort: &'static str,
    titel: &'static str,
    bevindingen: Vec<weergave::BevindingWeergave>,
    totaal: usize,
}

fn bevindinglijsten(
    stat: &Statistiek<'_>,
    rapport: &Cijfers,
    reglement: &Reglement,
    artikel_href: &dyn Fn(&'static str) -> String,
) -> Vec<Bevindinglijst> {
    [
        ("error", "Overtredingen"),
        ("warning", "Waarschuwingen"),
        ("verantwoord", "Verantwoorde bevindingen"),
    ]
    .into_iter()
    .map(|(soort, titel)| {
        let alle: Vec<_> = rapport
            .bevinding_plekken
            .iter()
            .map(|&plek| stat.bevinding(plek).0)
            .filter(|b| statistiek::telsoort(b) == soort)
            .collect();
        Bevindinglijst {
            soort,
            titel,
            totaal: alle.len(),
            bevindingen: alle
                .into_iter()
                .take(statistiek::MAX_LIJST)
                .map(|b| weergave::bevinding(b, reglement, "../", artikel_href))
                .collect(),
        }
    })
    .collect()
}

/// What holds for every version of the regulation, as `reglement.toml` sets it: the
/// calendar and the warning and registration terms, for the rules page.
fn kalender(r: &Reglement) -> Vec<(&'static str, String)> {
    let werkdagen = |n: u32| rules::termijn_kort(n, "werkdag", "werkdagen");
    let mut uit = vec![
        (
            "Einde van een termijn in weken",
            if r.termijnenwet {
                "valt het op een dag die geen werkdag is, dan de eerstvolgende werkdag (Algemene termijnenwet)".to_string()
            } else {
                "op de dag zelf, ook als dat geen werkdag is".to_string()
            },
        ),
        (
            "Goede Vrijdag",
            if r.goede_vrijdag {
                "geen werkdag"
            } else {
                "werkdag"
            }
            .to_string(),
        ),
        (
            "Waarschuwing",
            format!(
                "als een open termijn binnen {} afloopt",
                werkdagen(r.waarschuwing_werkdagen)
            ),
        ),
        (
            "Registratie van een gebeurtenis",
            format!("binnen {} (artikel 7)", werkdagen(r.registratie_werkdagen)),
        ),
    ];
    if !r.sluitingsdagen.is_empty() {
        let dagen: Vec<String> = r.sluitingsdagen.iter().map(|d| dmj(*d)).collect();
        uit.push(("Sluitingsdagen", dagen.join(", ")));
    }
    uit
}

fn samenvatting(uitkomst: &Uitkomst) -> BTreeMap<&'static str, usize> {
    let s = &uitkomst.samenvatting;
    BTreeMap::from([
        ("zaken", s.cases),
        ("gecontroleerd", s.checked),
        ("buiten_reglement", s.out_of_scope),
        ("na_peildatum", s.left_out),
        ("ongeldig", s.invalid),
        ("overtredingen", s.errors),
        ("waarschuwingen", s.warnings),
        ("info", s.infos),
        ("verantwoord", s.accepted),
        ("invoerfouten", s.input_errors),
    ])
}
