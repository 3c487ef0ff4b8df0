//! `klachten build`: the static compliance site. View models are built from the check's
//! outcome (`weergave`, `statistiek`), rendered with tera templates (compiled in, and
//! overridable with `--templates`), and written through one writer (`schrijver`) that
//! keeps the output deterministic, atomic and inside `--out`.

pub mod grafieken;
pub mod markdown;
pub mod schrijver;
pub mod statistiek;
pub mod weergave;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::bevinding::{Ernst, RegelId};
use crate::datum::dmj;
use crate::register::is_geldig_zaaknummer;
use crate::rules;
use crate::verloop::{Termijnstatus, Verloop};
use crate::{Fout, Uitkomst};
use schrijver::Schrijver;
use statistiek::{Periode, Zaakgegevens};
use weergave::{ZaakInvoer, ZaakRij};

/// The templates compiled into the binary: (file name, text).
const SJABLONEN: [(&str, &str); 9] = [
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
    fouten: usize,
    waarschuwingen: usize,
    info: usize,
    verantwoord: usize,
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
    overtredingen: usize,
    waarschuwingen: usize,
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
        organisatie: register.reglement.naam.clone(),
        peildatum: dmj(peildatum),
        jaar: peildatum.year(),
        aantal_invoerfouten: register.invoerfouten.len(),
    };
    let verlopen: Vec<Option<Verloop>> = (0..register.zaken.len())
        .into_par_iter()
        .map(|i| uitkomst.verloop(i))
        .collect();
    let gegevens: Vec<Zaakgegevens<'_>> = register
        .zaken
        .iter()
        .enumerate()
        .map(|(i, zaak)| Zaakgegevens {
            zaak,
            verloop: verlopen[i].as_ref(),
            bevindingen: uitkomst.bevindingen_van(i),
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
        if opties.voortgang && n % 2000 == 0 {
            eprint!("\rklachten: {n} pagina's geschreven");
        }
        Ok(())
    };
    for (pad, inhoud) in BESTANDEN {
        schrijf(pad, inhoud.as_bytes())?;
    }

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
                        zaak,
                        verloop: verlopen[i].as_ref(),
                        bevindingen: uitkomst.bevindingen_van(i),
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
        // The cases list, in case number order.
        let mut rijen: Vec<ZaakRij> = gegevens
            .iter()
            .map(|z| weergave::zaakrij(z.zaak, z.verloop, z.bevindingen, ""))
            .collect();
        rijen.sort_by(|a, b| a.id.cmp(&b.id));
        let mut c = context(&algemeen, "", "Zaken", "zaken");
        c.insert("zaken", &rijen);
        let mut diensten: Vec<&str> = rijen.iter().map(|r| r.dienst).collect();
        diensten.sort();
        diensten.dedup();
        let mut statussen: Vec<&str> = rijen.iter().map(|r| r.status).collect();
        statussen.sort();
        statussen.dedup();
        c.insert("diensten", &diensten);
        c.insert("statussen", &statussen);
        schrijf("zaken.html", render(tera, "zaken.html", &c)?.as_bytes())?;

        // Violations by rule, with counts per service and handler.
        let alle: Vec<weergave::BevindingWeergave> = uitkomst
            .bevindingen
            .iter()
            .map(|b| weergave::bevinding(b, &register.reglement, "", &artikel_href))
            .collect();
        let mut per_regel: BTreeMap<&str, Vec<&weergave::BevindingWeergave>> = BTreeMap::new();
        for b in &alle {
            per_regel.entry(b.regel).or_default().push(b);
        }
        let mut per_dienst: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut per_behandelaar: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for z in &gegevens {
            for b in z.bevindingen.iter().filter(|b| !b.is_geaccepteerd()) {
                let (fout, waarschuwing) = (
                    usize::from(b.ernst == Ernst::Error),
                    usize::from(b.ernst == Ernst::Warning),
                );
                for (map, sleutel) in [
                    (&mut per_dienst, z.zaak.dienst.naam().to_string()),
                    (&mut per_behandelaar, z.zaak.behandelaar.to_string()),
                ] {
                    let e = map.entry(sleutel).or_default();
                    e.0 += fout;
                    e.1 += waarschuwing;
                }
            }
        }
        let verdeling = |map: BTreeMap<String, (usize, usize)>| -> Vec<Verdeling> {
            map.into_iter()
                .map(|(naam, (overtredingen, waarschuwingen))| Verdeling {
                    naam,
                    overtredingen,
                    waarschuwingen,
                })
                .collect()
        };
        let regels: Vec<RegelWeergave> = RegelId::ALLE
            .iter()
            .map(|&r| {
                let lijst = per_regel.get(r.id()).map(Vec::as_slice).unwrap_or_default();
                let tel = |ernst: &str| {
                    lijst
                        .iter()
                        .filter(|b| b.ernst == ernst && b.verantwoording.is_none())
                        .count()
                };
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
                    titel: regel.titel(&register.reglement),
                    artikel: regel.artikel,
                    artikel_href: artikel_href(regel.artikel),
                    uitleg: regel.uitleg(&register.reglement),
                    fouten: tel("error"),
                    waarschuwingen: tel("warning"),
                    info: tel("info"),
                    verantwoord: lijst.iter().filter(|b| b.verantwoording.is_some()).count(),
                }
            })
            .collect();
        let mut c = context(&algemeen, "", "Overtredingen en risico's", "overtredingen");
        c.insert("per_regel", &per_regel);
        c.insert("regels", &regels);
        c.insert("per_dienst", &verdeling(per_dienst));
        c.insert("per_behandelaar", &verdeling(per_behandelaar));
        schrijf(
            "overtredingen.html",
            render(tera, "overtredingen.html", &c)?.as_bytes(),
        )?;

        // Rules and the regulation.
        let mut c = context(&algemeen, "", "Regels en reglement", "regels");
        c.insert("regels", &regels);
        c.insert("reglement", &reglement_html);
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
                    // Personal data never reaches the site, not even from a broken row.
                    (
                        "waarde",
                        match f.kolom.as_deref() {
                            Some("klager" | "contact") => "[verborgen]".to_string(),
                            _ => f.waarde.clone().unwrap_or_default(),
                        },
                    ),
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

        // Period reports: every year and quarter from the first case to the peildatum.
        let eerste = register
            .zaken
            .iter()
            .map(|z| z.ontvangen)
            .min()
            .unwrap_or(peildatum);
        let mut perioden = Vec::new();
        for jaar in eerste.min(peildatum).year()..=peildatum.year() {
            perioden.extend(Periode::jaar(jaar));
            for k in 1..=4 {
                if let Some(p) = Periode::kwartaal(jaar, k) {
                    if p.tot >= eerste && p.van <= peildatum {
                        perioden.push(p);
                    }
                }
            }
        }
        let rapporten: Vec<statistiek::Cijfers> = perioden
            .par_iter()
            .map(|p| statistiek::cijfers(&gegevens, p, peildatum, true))
            .collect();
        for rapport in &rapporten {
            let mut c = context(&algemeen, "../", &rapport.periode.titel, "perioden");
            c.insert("rapport", rapport);
            c.insert("perioden", &perioden);
            schrijf(
                &format!("perioden/{}.html", rapport.periode.sleutel),
                render(tera, "periode.html", &c)?.as_bytes(),
            )?;
        }

        // The dashboard.
        let alles = Periode {
            sleutel: "alles".to_string(),
            titel: "Alles tot de peildatum".to_string(),
            van: eerste.min(peildatum),
            tot: peildatum,
            is_jaar: false,
        };
        let totaal = statistiek::cijfers(&gegevens, &alles, peildatum, true);
        let (jaar, kwartaal) = match Periode::van_dag(peildatum) {
            Some((j, k)) => (
                Some(statistiek::cijfers(&gegevens, &j, peildatum, false)),
                Some(statistiek::cijfers(&gegevens, &k, peildatum, false)),
            ),
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
                    behandelaar: z.zaak.behandelaar.to_string(),
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
        let mut open_overtredingen: Vec<&weergave::BevindingWeergave> = alle
            .iter()
            .filter(|b| b.ernst == "error" && b.verantwoording.is_none())
            .collect();
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
        c.insert("jaar", &jaar);
        c.insert("kwartaal", &kwartaal);
        c.insert("open_termijnen", &open_termijnen);
        c.insert("aantal_open_termijnen", &aantal_open_termijnen);
        c.insert("open_overtredingen", &open_overtredingen);
        c.insert("aantal_open_overtredingen", &aantal_open_overtredingen);
        c.insert("samenvatting", &samenvatting(uitkomst));
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
