//! Trend charts as SVG, drawn with plotters. Every chart comes with its text alternative:
//! a Dutch description and its figures as a table, so it reads without the picture too.
//!
//! The SVG backend writes text as `<text>` elements that the browser lays out, so no font
//! is needed on the machine that builds the site; the output is deterministic text.
//!
//! Each chart is drawn twice, at the two sizes it is shown at: [`BREED`] for screens from
//! 40rem up (one or two charts to a row) and for print, [`SMAL`] for phones. Both scale
//! with their `viewBox`, and the stylesheet keeps each within widths at which its text
//! renders at 12 CSS pixels or more. The legend is HTML beside the picture
//! ([`Grafiek::legenda`]), so it wraps on a narrow screen instead of shrinking.

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
    /// The chart for wide screens and print: a complete `<svg>` element with its own title
    /// and description.
    pub breed: String,
    /// The same chart for phones.
    pub smal: String,
    pub titel: String,
    pub beschrijving: String,
    /// One entry per series (and per reference line), in drawing order.
    pub legenda: Vec<Legendapost>,
    pub tabel: Tabel,
}

/// An entry of a chart's legend: the series' name, its colour (a class of the
/// stylesheet) and how it is drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Legendapost {
    pub naam: String,
    /// `kleur-0` to `kleur-5`, `norm` or `markering`.
    pub kleur: String,
    /// `vlak` (a bar), `lijn` or `stippel` (a dashed reference line).
    pub vorm: &'static str,
}

fn post(naam: &str, kleur: String, vorm: &'static str) -> Legendapost {
    Legendapost {
        naam: naam.to_string(),
        kleur,
        vorm,
    }
}

/// A size a chart is drawn at, in CSS pixels, with the size of its text.
#[derive(Debug, Clone, Copy)]
pub struct Maat {
    pub naam: &'static str,
    pub breedte: u32,
    pub hoogte: u32,
    pub letter: u32,
}

/// Shown 34rem (544 px) wide or more: text of 14 px renders at 12.7 px or more.
pub const BREED: Maat = Maat {
    naam: "breed",
    breedte: 600,
    hoogte: 300,
    letter: 14,
};

/// Shown on phones, 336 px wide or more: text of 13 px renders at 12.1 px or more.
pub const SMAL: Maat = Maat {
    naam: "smal",
    breedte: 360,
    hoogte: 280,
    letter: 13,
};

impl Maat {
    /// The font size to ask plotters for: its SVG backend writes `font-size` as the
    /// size asked divided by 1.24, so this comes out as `letter` pixels.
    fn lettergrootte(self) -> f64 {
        self.letter as f64 * 1.24
    }

    /// The style of axis labels and descriptions: `letter` pixels, dark.
    fn asletters(self) -> TextStyle<'static> {
        ("sans-serif", self.lettergrootte())
            .into_font()
            .color(&DONKER)
    }

    /// Width of the y axis' labels, for values of up to `tekens` characters.
    fn y_ruimte(self, tekens: usize) -> u32 {
        (tekens as u32 * self.letter * 6 / 10 + self.letter * 2 + 8).max(36)
    }
}

/// A chart's figures, formatted for Dutch readers.
#[derive(Debug, Clone, Serialize)]
pub struct Tabel {
    pub kolommen: Vec<String>,
    pub rijen: Vec<Vec<String>>,
}

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

/// The stylesheet's class for colour `i`.
fn kleurklasse(i: usize) -> String {
    format!("kleur-{}", i % KLEUREN.len())
}

const MARKERING: RGBColor = RGBColor(0x92, 0x2b, 0x21);

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

/// Every how many labels one is written along an axis `ruimte` pixels long, so that
/// labels of the text size `letter` do not overlap.
fn labelstap(labels: &[String], ruimte: u32, letter: u32) -> usize {
    let tekens = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let breedte = tekens as f64 * letter as f64 * 0.6 + letter as f64;
    let passen = (ruimte as f64 / breedte).floor().max(1.0);
    (labels.len() as f64 / passen).ceil().max(1.0) as usize
}

/// Wraps plotters' SVG: scalable, with title and description for assistive technology.
fn afwerken(id: &str, maat: Maat, titel: &str, beschrijving: &str, ruw: &str) -> String {
    let begin = ruw.find("<svg").unwrap_or(0);
    let na_tag = ruw[begin..].find('>').map_or(ruw.len(), |i| begin + i + 1);
    let inhoud = &ruw[na_tag..];
    let (breedte, hoogte, naam) = (maat.breedte, maat.hoogte, maat.naam);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {breedte} {hoogte}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{id}-{naam}-titel {id}-{naam}-desc\" \
         class=\"grafiek grafiek-{naam}\"><title id=\"{id}-{naam}-titel\">{}</title><desc id=\"{id}-{naam}-desc\">{}</desc>{inhoud}",
        xml(titel),
        xml(beschrijving)
    )
}

/// The chart drawn by `teken` at both sizes, finished.
fn beide(
    id: &str,
    titel: &str,
    beschrijving: &str,
    teken: impl Fn(Maat, DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Tekening,
) -> (String, String) {
    let [breed, smal] = [BREED, SMAL].map(|maat| {
        let ruw = svg(maat, |root| teken(maat, root));
        afwerken(id, maat, titel, beschrijving, &ruw)
    });
    (breed, smal)
}

/// What drawing a chart yields: nothing, or plotters' error.
type Tekening = Result<(), Box<dyn std::error::Error>>;

type Vlak<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A white chart with one slot per label along x (labels thinned) and 0..`ymax` up y.
fn assen<'a, 'b>(
    maat: Maat,
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    labels: &[String],
    n: f64,
    ymax: f64,
    eenheid: Option<&str>,
    y_opmaak: &dyn Fn(&f64) -> String,
) -> Result<Vlak<'a, 'b>, Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    let y_tekens = y_opmaak(&ymax).chars().count();
    let y_ruimte = maat.y_ruimte(y_tekens);
    let mut chart = ChartBuilder::on(root)
        .margin(MARGE)
        .x_label_area_size(maat.letter * 2 + 6)
        .y_label_area_size(y_ruimte)
        .build_cartesian_2d(0f64..n, 0f64..ymax)?;
    let stap = labelstap(labels, maat.breedte - 2 * MARGE - y_ruimte, maat.letter);
    let x_opmaak = |x: &f64| x_label(labels, *x, stap);
    let mut raster = chart.configure_mesh();
    raster
        .disable_x_mesh()
        .x_labels(labels.len() * 2 + 1)
        .x_label_formatter(&x_opmaak)
        .y_labels(if maat.hoogte < 300 { 5 } else { 6 })
        .y_label_formatter(y_opmaak)
        .label_style(maat.asletters())
        .axis_desc_style(maat.asletters())
        .axis_style(DONKER)
        .light_line_style(WHITE);
    if let Some(eenheid) = eenheid {
        raster.y_desc(eenheid);
    }
    raster.draw()?;
    Ok(chart)
}

/// Room around the plot, in pixels.
const MARGE: u32 = 10;

/// Draws with `teken` into an SVG string; an error leaves a chart with only its table.
fn svg(
    maat: Maat,
    teken: impl FnOnce(DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Tekening,
) -> String {
    let mut uit = String::new();
    let gelukt = {
        let root =
            SVGBackend::with_string(&mut uit, (maat.breedte, maat.hoogte)).into_drawing_area();
        teken(root).is_ok()
    };
    if gelukt {
        uit
    } else {
        format!(
            "<svg width=\"{}\" height=\"{}\"></svg>",
            maat.breedte, maat.hoogte
        )
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

fn x_label(labels: &[String], x: f64, stap: usize) -> String {
    let i = x.floor();
    if i < 0.0 || (x - i - 0.5).abs() > 0.01 {
        return String::new();
    }
    let i = i as usize;
    if !i.is_multiple_of(stap.max(1)) {
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
    staven_met(id, titel, labels, reeksen, eenheid, None)
}

/// Stacked bars, with a dashed line labelled `tekst` before bin `bin` when `markering`.
fn staven_met(
    id: &str,
    titel: &str,
    labels: &[String],
    reeksen: &[Reeks],
    eenheid: &str,
    markering: Option<(usize, &str)>,
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
    let (breed, smal) = beide(id, titel, &beschrijving, |maat, root| {
        let mut chart = assen(maat, &root, labels, n, ymax, Some(eenheid), &|y| getal(*y))?;
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
            chart.draw_series(staven)?;
        }
        if let Some((bin, tekst)) = markering {
            let x = bin as f64;
            chart.draw_series(DashedLineSeries::new(
                [(x, 0.0), (x, ymax)],
                6,
                4,
                MARKERING.stroke_width(2),
            ))?;
            let _ = tekst;
        }
        root.present()?;
        Ok(())
    });
    let mut legenda: Vec<Legendapost> = reeksen
        .iter()
        .enumerate()
        .map(|(r, reeks)| post(&reeks.naam, kleurklasse(r), "vlak"))
        .collect();
    if let Some((_, tekst)) = markering {
        legenda.push(post(tekst, "markering".to_string(), "stippel"));
    }
    Grafiek {
        id: id.to_string(),
        breed,
        smal,
        titel: titel.to_string(),
        beschrijving,
        legenda,
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
    let (breed, smal) = beide(id, titel, &beschrijving, |maat, root| {
        let mut chart = assen(maat, &root, labels, n, 105.0, None, &|y| {
            format!("{}%", getal(*y))
        })?;
        chart.draw_series(DashedLineSeries::new(
            [(0.0, 100.0), (n, 100.0)],
            6,
            4,
            ShapeStyle::from(&DONKER).stroke_width(1),
        ))?;
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
            chart.draw_series(punten.into_iter().map(
                move |p| -> DynElement<'static, SVGBackend<'_>, (f64, f64)> {
                    if vorm % 2 == 0 {
                        Circle::new(p, 4, k.filled()).into_dyn()
                    } else {
                        TriangleMarker::new(p, 5, k.filled()).into_dyn()
                    }
                },
            ))?;
        }
        root.present()?;
        Ok(())
    });
    let legenda = reeksen
        .iter()
        .enumerate()
        .map(|(r, reeks)| post(&reeks.naam, kleurklasse(r), "lijn"))
        .chain([post("norm 100%", "norm".to_string(), "stippel")])
        .collect();
    Grafiek {
        id: id.to_string(),
        breed,
        smal,
        titel: titel.to_string(),
        beschrijving,
        legenda,
        tabel: tabel_per_label("", labels, reeksen, procent),
    }
}

/// A histogram of counts per bin, with a dashed line before bin `markering`.
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
    let mut grafiek = staven_met(
        id,
        titel,
        labels,
        std::slice::from_ref(&reeks),
        eenheid,
        markering,
    );
    if let Some((bin, tekst)) = markering {
        let voor: f64 = aantallen.iter().take(bin).filter(|w| w.is_finite()).sum();
        let totaal: f64 = aantallen.iter().filter(|w| w.is_finite()).sum();
        if totaal > 0.0 {
            let beschrijving = format!(
                "{titel}: {} van de {} ({}) binnen de {tekst}.",
                getal(voor),
                getal(totaal),
                procent(voor / totaal * 100.0)
            );
            // Keep the description in the pictures in line with the text alternative.
            for svg in [&mut grafiek.breed, &mut grafiek.smal] {
                *svg = svg.replacen(
                    &format!(">{}</desc>", xml(&grafiek.beschrijving)),
                    &format!(">{}</desc>", xml(&beschrijving)),
                    1,
                );
            }
            grafiek.beschrijving = beschrijving;
        }
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
    let (breed, smal) = beide(id, titel, &beschrijving, |maat, root| {
        let mut chart = assen(maat, &root, labels, n, ymax, Some(eenheid), &|y| getal(*y))?;
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
        breed,
        smal,
        titel: titel.to_string(),
        beschrijving,
        legenda: vec![post(&reeks.naam, kleurklasse(0), "lijn")],
        tabel: tabel_per_label("", labels, std::slice::from_ref(reeks), getal),
    }
}

/// Horizontal bars, in the order given; the labels stand along the y axis, so the
/// chart needs no legend.
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
    let (breed, smal) = beide(id, titel, &beschrijving, |maat, root| {
        root.fill(&WHITE)?;
        // Long names are cut short in the picture; the table has them whole.
        let tekens = if maat.breedte < 500 { 14 } else { 20 };
        let kort = |l: &String| -> String {
            if l.chars().count() > tekens {
                let mut k: String = l.chars().take(tekens - 1).collect();
                k.push('…');
                k
            } else {
                l.clone()
            }
        };
        let langste = labels
            .iter()
            .map(|l| kort(l).chars().count())
            .max()
            .unwrap_or(4);
        let mut chart = ChartBuilder::on(&root)
            .margin(MARGE)
            .x_label_area_size(maat.letter * 3 + 8)
            .y_label_area_size(maat.y_ruimte(langste))
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
                labels.get(index).map(&kort).unwrap_or_default()
            })
            .x_desc(eenheid)
            .x_labels(if maat.breedte < 500 { 4 } else { 6 })
            .x_label_formatter(&|x| getal(*x))
            .label_style(maat.asletters())
            .axis_desc_style(maat.asletters())
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
        breed,
        smal,
        titel: titel.to_string(),
        beschrijving,
        legenda: Vec::new(),
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
        for (svg, maat) in [(&g.breed, "breed"), (&g.smal, "smal")] {
            assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
            assert!(svg.trim_end().ends_with("</svg>"));
            assert!(svg.contains(&format!("<title id=\"{}-{maat}-titel\">", g.id)));
            assert!(svg.contains(&format!("<desc id=\"{}-{maat}-desc\">", g.id)));
            assert!(!svg.contains("<script"));
            assert_eq!(svg.matches("<svg").count(), 1);
        }
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
        assert!(!g.breed.contains("<b>") && !g.smal.contains("<b>"));
        assert_eq!(
            g.breed,
            gestapelde_staven("v", "<script>titel</script>", &l, &[r], "klachten").breed
        );
    }
}
