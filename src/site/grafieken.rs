//! Trend charts as SVG, drawn with plotters. Every chart comes with its text alternative:
//! a Dutch description and its figures as a table, so it reads without the picture too.
//!
//! The SVG backend writes text as `<text>` elements that the browser lays out, so no font
//! is needed on the machine that builds the site; the output is deterministic text.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use serde::Serialize;

/// One named series of values, one per label.
#[derive(Debug, Clone)]
pub struct Reeks {
    pub naam: String,
    pub waarden: Vec<f64>,
}

/// A chart and its text alternative.
#[derive(Debug, Clone, Serialize)]
pub struct Grafiek {
    pub id: String,
    /// A complete `<svg>` element with its own title and description.
    pub svg: String,
    pub titel: String,
    pub beschrijving: String,
    pub tabel: Tabel,
}

/// A chart's figures, formatted for Dutch readers.
#[derive(Debug, Clone, Serialize)]
pub struct Tabel {
    pub kolommen: Vec<String>,
    pub rijen: Vec<Vec<String>>,
}

const BREEDTE: u32 = 760;
const HOOGTE: u32 = 330;
/// Dark enough for print and distinguishable in greyscale, in this order.
const KLEUREN: [RGBColor; 6] = [
    RGBColor(0x1b, 0x4f, 0x72),
    RGBColor(0xb9, 0x77, 0x0e),
    RGBColor(0x1e, 0x84, 0x49),
    RGBColor(0x7d, 0x3c, 0x98),
    RGBColor(0x92, 0x2b, 0x21),
    RGBColor(0x51, 0x5a, 0x5a),
];
const DONKER: RGBColor = RGBColor(0x22, 0x22, 0x22);

fn kleur(i: usize) -> RGBColor {
    KLEUREN[i % KLEUREN.len()]
}

/// A number as Dutch readers write it: decimal comma, no needless decimals.
pub fn getal(waarde: f64) -> String {
    if !waarde.is_finite() {
        return "–".to_string();
    }
    if (waarde - waarde.round()).abs() < 1e-9 {
        format!("{}", waarde.round() as i64)
    } else {
        format!("{waarde:.1}").replace('.', ",")
    }
}

fn procent(waarde: f64) -> String {
    if waarde.is_finite() {
        format!("{}%", getal((waarde * 10.0).round() / 10.0))
    } else {
        "–".to_string()
    }
}

fn xml(tekst: &str) -> String {
    tekst
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A round upper bound for the y axis.
fn bovengrens(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    // Counts: at least a scale of 5, so that small numbers get whole ticks.
    let max = max.max(4.0);
    let stap = 10f64.powf(max.log10().floor());
    let mut grens = stap;
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
        grens = stap * factor;
        if grens >= max * 1.05 {
            break;
        }
    }
    grens
}

/// Every how many labels one is written on the x axis, so they do not overlap.
fn labelstap(aantal: usize) -> usize {
    (aantal / 12).max(1)
}

/// Wraps plotters' SVG: scalable, with title and description for assistive technology.
fn afwerken(id: &str, titel: &str, beschrijving: &str, ruw: &str) -> String {
    let begin = ruw.find("<svg").unwrap_or(0);
    let na_tag = ruw[begin..].find('>').map_or(ruw.len(), |i| begin + i + 1);
    let inhoud = &ruw[na_tag..];
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {BREEDTE} {HOOGTE}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{id}-titel {id}-desc\" \
         class=\"grafiek\"><title id=\"{id}-titel\">{}</title><desc id=\"{id}-desc\">{}</desc>{inhoud}",
        xml(titel),
        xml(beschrijving)
    )
}

type Uitkomst = Result<(), Box<dyn std::error::Error>>;

type Vlak<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A white chart with one slot per label along x (labels thinned) and 0..`ymax` up y.
fn assen<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    labels: &[String],
    n: f64,
    ymax: f64,
    eenheid: Option<&str>,
    y_opmaak: &dyn Fn(&f64) -> String,
) -> Result<Vlak<'a, 'b>, Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(0f64..n, 0f64..ymax)?;
    let x_opmaak = |x: &f64| x_label(labels, *x);
    let mut raster = chart.configure_mesh();
    raster
        .disable_x_mesh()
        .x_labels(labels.len() * 2 + 1)
        .x_label_formatter(&x_opmaak)
        .y_labels(6)
        .y_label_formatter(y_opmaak)
        .label_style(("sans-serif", 13).into_font().color(&DONKER))
        .axis_style(DONKER)
        .light_line_style(WHITE);
    if let Some(eenheid) = eenheid {
        raster.y_desc(eenheid);
    }
    raster.draw()?;
    Ok(chart)
}

/// Draws with `teken` into an SVG string; an error leaves a chart with only its table.
fn svg(
    teken: impl FnOnce(DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Uitkomst,
) -> String {
    let mut uit = String::new();
    let gelukt = {
        let root = SVGBackend::with_string(&mut uit, (BREEDTE, HOOGTE)).into_drawing_area();
        teken(root).is_ok()
    };
    if gelukt {
        uit
    } else {
        format!("<svg width=\"{BREEDTE}\" height=\"{HOOGTE}\"></svg>")
    }
}

fn maxwaarde(waarden: impl Iterator<Item = f64>) -> f64 {
    waarden.filter(|w| w.is_finite()).fold(0.0, f64::max)
}

fn tabel_per_label(
    eerste: &str,
    labels: &[String],
    reeksen: &[Reeks],
    opmaak: fn(f64) -> String,
) -> Tabel {
    Tabel {
        kolommen: std::iter::once(eerste.to_string())
            .chain(reeksen.iter().map(|r| r.naam.clone()))
            .collect(),
        rijen: labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                std::iter::once(label.clone())
                    .chain(
                        reeksen
                            .iter()
                            .map(|r| opmaak(r.waarden.get(i).copied().unwrap_or(f64::NAN))),
                    )
                    .collect()
            })
            .collect(),
    }
}

/// The label with the largest value, for the description.
fn hoogste(labels: &[String], waarden: &[f64]) -> Option<(String, f64)> {
    labels
        .iter()
        .zip(waarden)
        .filter(|(_, w)| w.is_finite())
        .fold(None, |beste: Option<(String, f64)>, (l, &w)| match beste {
            Some((_, b)) if b >= w => beste,
            _ => Some((l.clone(), w)),
        })
}

fn x_label(labels: &[String], x: f64) -> String {
    let i = x.floor();
    if i < 0.0 || (x - i - 0.5).abs() > 0.01 {
        return String::new();
    }
    let i = i as usize;
    if i % labelstap(labels.len()) != 0 {
        return String::new();
    }
    labels.get(i).cloned().unwrap_or_default()
}

/// Stacked bars per label, one segment per series.
pub fn gestapelde_staven(
    id: &str,
    titel: &str,
    labels: &[String],
    reeksen: &[Reeks],
    eenheid: &str,
) -> Grafiek {
    let totalen: Vec<f64> = (0..labels.len())
        .map(|i| {
            reeksen
                .iter()
                .map(|r| {
                    r.waarden
                        .get(i)
                        .copied()
                        .filter(|w| w.is_finite())
                        .unwrap_or(0.0)
                })
                .sum()
        })
        .collect();
    let beschrijving = match hoogste(labels, &totalen) {
        Some((label, w)) if w > 0.0 => format!(
            "{titel}: in totaal {} {eenheid}; het hoogst in {label}: {}.",
            getal(totalen.iter().sum()),
            getal(w)
        ),
        _ => format!("{titel}: geen gegevens in deze periode."),
    };
    let ymax = bovengrens(maxwaarde(totalen.iter().copied()));
    let n = labels.len().max(1) as f64;
    let ruw = svg(|root| {
        let mut chart = assen(&root, labels, n, ymax, Some(eenheid), &|y| getal(*y))?;
        let mut basis = vec![0f64; labels.len()];
        for (r, reeks) in reeksen.iter().enumerate() {
            let k = kleur(r);
            let staven: Vec<_> = (0..labels.len())
                .filter_map(|i| {
                    let w = reeks
                        .waarden
                        .get(i)
                        .copied()
                        .filter(|w| w.is_finite() && *w > 0.0)?;
                    let onder = basis[i];
                    basis[i] += w;
                    Some(Rectangle::new(
                        [(i as f64 + 0.15, onder), (i as f64 + 0.85, onder + w)],
                        k.filled(),
                    ))
                })
                .collect();
            chart
                .draw_series(staven)?
                .label(reeks.naam.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], k.filled()));
        }
        if reeksen.len() > 1 {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.9))
                .border_style(DONKER)
                .label_font(("sans-serif", 13).into_font().color(&DONKER))
                .draw()?;
        }
        root.present()?;
        Ok(())
    });
    Grafiek {
        id: id.to_string(),
        svg: afwerken(id, titel, &beschrijving, &ruw),
        titel: titel.to_string(),
        beschrijving,
        tabel: tabel_per_label("", labels, reeksen, getal),
    }
}

/// Lines of percentages per label against the 100% line. NaN means no data: a gap.
pub fn percentages(id: &str, titel: &str, labels: &[String], reeksen: &[Reeks]) -> Grafiek {
    let gemiddelden: Vec<String> = reeksen
        .iter()
        .map(|r| {
            let geldig: Vec<f64> = r
                .waarden
                .iter()
                .copied()
                .filter(|w| w.is_finite())
                .collect();
            if geldig.is_empty() {
                format!("{}: geen gegevens", r.naam)
            } else {
                let laagste = hoogste(labels, &r.waarden.iter().map(|w| -w).collect::<Vec<_>>());
                match laagste {
                    Some((label, w)) => {
                        format!("{}: het laagst in {label} ({})", r.naam, procent(-w))
                    }
                    None => r.naam.clone(),
                }
            }
        })
        .collect();
    let beschrijving = format!(
        "{titel}, tegen de norm van 100%. {}.",
        gemiddelden.join("; ")
    );
    let n = labels.len().max(1) as f64;
    let ruw = svg(|root| {
        let mut chart = assen(&root, labels, n, 105.0, None, &|y| {
            format!("{}%", getal(*y))
        })?;
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, 100.0), (n, 100.0)],
                6,
                4,
                ShapeStyle::from(&DONKER).stroke_width(1),
            ))?
            .label("norm 100%")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 14, y)], DONKER));
        for (r, reeks) in reeksen.iter().enumerate() {
            let k = kleur(r);
            // Each unbroken run of months with data is its own line.
            let mut stukken: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
            for (i, w) in reeks.waarden.iter().enumerate().take(labels.len()) {
                match stukken.last_mut() {
                    Some(stuk) if w.is_finite() => stuk.push((i as f64 + 0.5, *w)),
                    Some(stuk) if !stuk.is_empty() => stukken.push(Vec::new()),
                    _ => {}
                }
            }
            for stuk in stukken.iter().filter(|s| !s.is_empty()) {
                chart.draw_series(LineSeries::new(stuk.clone(), k.stroke_width(2)))?;
            }
            let punten = stukken.concat();
            let vorm = r;
            chart
                .draw_series(punten.into_iter().map(
                    move |p| -> DynElement<'static, SVGBackend<'_>, (f64, f64)> {
                        if vorm % 2 == 0 {
                            Circle::new(p, 4, k.filled()).into_dyn()
                        } else {
                            TriangleMarker::new(p, 5, k.filled()).into_dyn()
                        }
                    },
                ))?
                .label(reeks.naam.as_str())
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 14, y)], k.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(DONKER)
            .label_font(("sans-serif", 13).into_font().color(&DONKER))
            .draw()?;
        root.present()?;
        Ok(())
    });
    Grafiek {
        id: id.to_string(),
        svg: afwerken(id, titel, &beschrijving, &ruw),
        titel: titel.to_string(),
        beschrijving,
        tabel: tabel_per_label("", labels, reeksen, procent),
    }
}

/// A histogram of counts per bin, with a marker line before bin `markering`.
pub fn verdeling(
    id: &str,
    titel: &str,
    labels: &[String],
    aantallen: &[f64],
    markering: Option<(usize, &str)>,
    eenheid: &str,
) -> Grafiek {
    let reeks = Reeks {
        naam: eenheid.to_string(),
        waarden: aantallen.to_vec(),
    };
    let mut grafiek = gestapelde_staven(id, titel, labels, std::slice::from_ref(&reeks), eenheid);
    if let Some((bin, tekst)) = markering {
        let voor: f64 = aantallen.iter().take(bin).filter(|w| w.is_finite()).sum();
        let totaal: f64 = aantallen.iter().filter(|w| w.is_finite()).sum();
        if totaal > 0.0 {
            grafiek.beschrijving = format!(
                "{titel}: {} van de {} ({}) binnen {tekst}.",
                getal(voor),
                getal(totaal),
                procent(voor / totaal * 100.0)
            );
        }
        // The marker: a dashed vertical line at the bin boundary, drawn in SVG user units
        // of the plot area (bins are equally wide between the axes).
        let x =
            12.0 + 48.0 + (BREEDTE as f64 - 24.0 - 48.0) * bin as f64 / labels.len().max(1) as f64;
        let lijn = format!(
            "<line x1=\"{x:.1}\" y1=\"14\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#922b21\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{:.1}\" y=\"26\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#922b21\">{}</text>",
            HOOGTE - 36 - 12,
            x + 4.0,
            xml(tekst)
        );
        let beschrijving = xml(&grafiek.beschrijving);
        let svg = grafiek.svg.replacen("</svg>", &format!("{lijn}</svg>"), 1);
        // Keep the description in the SVG in line with the text alternative.
        grafiek.svg = match (svg.find("<desc"), svg.find("</desc>")) {
            (Some(b), Some(e)) => {
                let open = svg[b..].find('>').map_or(b, |i| b + i + 1);
                format!("{}{}{}", &svg[..open], beschrijving, &svg[e..])
            }
            _ => svg,
        };
    }
    grafiek
}

/// One line over time.
pub fn lijn(id: &str, titel: &str, labels: &[String], reeks: &Reeks, eenheid: &str) -> Grafiek {
    let beschrijving = match (
        hoogste(labels, &reeks.waarden),
        labels.last(),
        reeks.waarden.last(),
    ) {
        (Some((label, w)), Some(laatste), Some(nu)) => format!(
            "{titel}: het hoogst in {label} ({}); eind {laatste}: {}.",
            getal(w),
            getal(*nu)
        ),
        _ => format!("{titel}: geen gegevens."),
    };
    let ymax = bovengrens(maxwaarde(reeks.waarden.iter().copied()));
    let n = labels.len().max(1) as f64;
    let k = kleur(0);
    let ruw = svg(|root| {
        let mut chart = assen(&root, labels, n, ymax, Some(eenheid), &|y| getal(*y))?;
        let punten: Vec<(f64, f64)> = reeks
            .waarden
            .iter()
            .enumerate()
            .filter(|(_, w)| w.is_finite())
            .map(|(i, w)| (i as f64 + 0.5, *w))
            .collect();
        chart.draw_series(LineSeries::new(punten.clone(), k.stroke_width(2)))?;
        chart.draw_series(punten.into_iter().map(|p| Circle::new(p, 3, k.filled())))?;
        root.present()?;
        Ok(())
    });
    Grafiek {
        id: id.to_string(),
        svg: afwerken(id, titel, &beschrijving, &ruw),
        titel: titel.to_string(),
        beschrijving,
        tabel: tabel_per_label("", labels, std::slice::from_ref(reeks), getal),
    }
}

/// Horizontal bars, in the order given.
pub fn horizontale_staven(
    id: &str,
    titel: &str,
    labels: &[String],
    waarden: &[f64],
    eenheid: &str,
) -> Grafiek {
    let beschrijving = match hoogste(labels, waarden) {
        Some((label, w)) => format!("{titel}: de meeste in {label} ({} {eenheid}).", getal(w)),
        None => format!("{titel}: geen gegevens."),
    };
    let xmax = bovengrens(maxwaarde(waarden.iter().copied()));
    let n = labels.len().max(1) as f64;
    let ruw = svg(|root| {
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(30)
            .y_label_area_size(150)
            .build_cartesian_2d(0f64..xmax, 0f64..n)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(labels.len() * 2 + 1)
            .y_label_formatter(&|y| {
                let i = y.floor();
                if (y - i - 0.5).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                // Largest at the top.
                let index = labels.len().saturating_sub(1 + i as usize);
                labels
                    .get(index)
                    .map(|l| l.chars().take(22).collect())
                    .unwrap_or_default()
            })
            .x_desc(eenheid)
            .x_labels(6)
            .x_label_formatter(&|x| getal(*x))
            .label_style(("sans-serif", 13).into_font().color(&DONKER))
            .axis_style(DONKER)
            .light_line_style(WHITE)
            .draw()?;
        let k = kleur(0);
        chart.draw_series(
            waarden
                .iter()
                .enumerate()
                .filter(|(_, w)| w.is_finite())
                .map(|(i, &w)| {
                    let y = (labels.len() - 1 - i) as f64;
                    Rectangle::new([(0.0, y + 0.2), (w, y + 0.8)], k.filled())
                }),
        )?;
        root.present()?;
        Ok(())
    });
    let reeks = Reeks {
        naam: eenheid.to_string(),
        waarden: waarden.to_vec(),
    };
    Grafiek {
        id: id.to_string(),
        svg: afwerken(id, titel, &beschrijving, &ruw),
        titel: titel.to_string(),
        beschrijving,
        tabel: tabel_per_label("", labels, std::slice::from_ref(&reeks), getal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("2025-{:02}", i + 1)).collect()
    }

    fn gezond(g: &Grafiek) {
        assert!(
            g.svg.starts_with("<svg"),
            "{}",
            &g.svg[..g.svg.len().min(200)]
        );
        assert!(g.svg.trim_end().ends_with("</svg>"));
        assert!(g.svg.contains(&format!("<title id=\"{}-titel\">", g.id)));
        assert!(g.svg.contains(&format!("<desc id=\"{}-desc\">", g.id)));
        assert!(!g.svg.contains("<script"));
        assert_eq!(g.svg.matches("<svg").count(), 1);
        assert!(!g.beschrijving.is_empty());
    }

    #[test]
    fn alle_soorten_op_gewone_en_lege_gegevens() {
        let l = labels(12);
        let a = Reeks {
            naam: "preventie".into(),
            waarden: (0..12).map(|i| i as f64).collect(),
        };
        let b = Reeks {
            naam: "re-integratie".into(),
            waarden: vec![2.0; 12],
        };
        let p = Reeks {
            naam: "uitspraak".into(),
            waarden: (0..12)
                .map(|i| if i == 3 { f64::NAN } else { 80.0 + i as f64 })
                .collect(),
        };
        for g in [
            gestapelde_staven(
                "a",
                "Instroom per maand",
                &l,
                &[a.clone(), b.clone()],
                "klachten",
            ),
            percentages("b", "Op tijd", &l, std::slice::from_ref(&p)),
            verdeling(
                "c",
                "Doorlooptijd",
                &l,
                &a.waarden,
                Some((4, "4 weken")),
                "zaken",
            ),
            lijn("d", "Open zaken", &l, &a, "zaken"),
            horizontale_staven("e", "Categorieën", &l, &a.waarden, "klachten"),
            gestapelde_staven("f", "Leeg", &[], &[], "klachten"),
            percentages("g", "Leeg", &[], &[]),
            lijn(
                "h",
                "Nullen",
                &l,
                &Reeks {
                    naam: "x".into(),
                    waarden: vec![0.0; 12],
                },
                "zaken",
            ),
            horizontale_staven("i", "Eén", &l[..1], &[f64::NAN], "klachten"),
        ] {
            gezond(&g);
        }
    }

    #[test]
    fn tabel_en_beschrijving_in_het_nederlands() {
        let l = labels(3);
        let g = percentages(
            "p",
            "Op tijd",
            &l,
            &[Reeks {
                naam: "bevestiging".into(),
                waarden: vec![87.5, f64::NAN, 100.0],
            }],
        );
        assert_eq!(g.tabel.rijen[0], ["2025-01", "87,5%"]);
        assert_eq!(g.tabel.rijen[1], ["2025-02", "–"]);
        assert!(
            g.beschrijving.contains("het laagst in 2025-01 (87,5%)"),
            "{}",
            g.beschrijving
        );
        let s = gestapelde_staven(
            "s",
            "Instroom",
            &l,
            &[Reeks {
                naam: "x".into(),
                waarden: vec![1.0, 14.0, 3.0],
            }],
            "klachten",
        );
        assert!(
            s.beschrijving.contains("het hoogst in 2025-02: 14"),
            "{}",
            s.beschrijving
        );
    }

    #[test]
    fn vijandige_labels_worden_ontsnapt_en_uitvoer_is_deterministisch() {
        let l = vec![
            "<script>alert(1)</script>".to_string(),
            "A & B \"x\"".to_string(),
        ];
        let r = Reeks {
            naam: "<b>reeks</b>".into(),
            waarden: vec![1.0, 2.0],
        };
        let g = gestapelde_staven(
            "v",
            "<script>titel</script>",
            &l,
            std::slice::from_ref(&r),
            "klachten",
        );
        gezond(&g);
        assert!(!g.svg.contains("<b>"));
        assert_eq!(
            g.svg,
            gestapelde_staven("v", "<script>titel</script>", &l, &[r], "klachten").svg
        );
    }
}
