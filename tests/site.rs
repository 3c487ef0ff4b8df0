//! The static site (`klachten build`): every page kind, no broken internal link, nothing
//! loaded from outside, no complainant's name or contact anywhere, hostile text
//! neutralised, and byte-identical output for the same register and peildatum.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use klachten::site::weergave::zaakpad;

fn bouw(register: &Path, uit: &Path) {
    let o = common::bouw(register, uit, "2026-11-24");
    assert!(stderr(&o).contains("pagina's"), "{}", stderr(&o));
}

fn attributen(html: &str, naam: &str) -> Vec<String> {
    let patroon = format!(" {naam}=\"");
    html.match_indices(&patroon)
        .filter_map(|(i, _)| {
            let begin = i + patroon.len();
            html[begin..]
                .find('"')
                .map(|eind| html[begin..begin + eind].replace("&#x2F;", "/"))
        })
        .collect()
}

fn voorbeeldsite() -> (tempfile::TempDir, PathBuf) {
    let map = tempfile::tempdir().unwrap();
    let uit = map.path().join("site");
    bouw(&voorbeeldregister(), &uit);
    (map, uit)
}

#[test]
fn elke_paginasoort_en_geen_gebroken_link() {
    let (_map, site) = voorbeeldsite();
    let alles = bestanden(&site);
    for pagina in [
        "perioden/2025-K1.html",
        "index.html",
        "zaken.html",
        "overtredingen.html",
        "regels.html",
        "invoerfouten.html",
        "perioden/2025.html",
        "perioden/2025-K2.html",
        "perioden/2026-K4.html",
        zaakpad("SL-2025-056").as_str(),
        "assets/stijl.css",
        "assets/zaken.js",
    ] {
        assert!(alles.contains_key(pagina), "{pagina} ontbreekt");
    }
    let zaken = std::fs::read_to_string(voorbeeldregister().join("klachten.csv")).unwrap();
    let aantal_zaken = zaken.lines().count() - 1;
    assert_eq!(
        alles.keys().filter(|p| p.starts_with("zaken/")).count(),
        aantal_zaken
    );

    let mut gecontroleerd = 0;
    for (pad, inhoud) in alles.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8(inhoud.clone()).unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
            "{pad}"
        );
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"),
            "{pad}"
        );
        assert!(html.contains("Content-Security-Policy"), "{pad}");
        let map = Path::new(pad).parent().unwrap_or(Path::new(""));
        for link in attributen(&html, "href")
            .into_iter()
            .chain(attributen(&html, "src"))
        {
            assert!(
                !link.contains("://") && !link.starts_with("//"),
                "{pad}: externe link {link}"
            );
            let (doel, anker) = link.split_once('#').unwrap_or((&link, ""));
            let doelpad = if doel.is_empty() {
                pad.clone()
            } else {
                let mut p = map.to_path_buf();
                for deel in doel.split('/') {
                    if deel == ".." {
                        p.pop();
                    } else {
                        p.push(deel);
                    }
                }
                p.to_string_lossy().into_owned()
            };
            let Some(doelinhoud) = alles.get(&doelpad) else {
                panic!("{pad}: gebroken link {link}");
            };
            if !anker.is_empty() {
                let doelhtml = String::from_utf8_lossy(doelinhoud);
                assert!(
                    doelhtml.contains(&format!("id=\"{anker}\"")),
                    "{pad}: anker ontbreekt: {link}"
                );
            }
            gecontroleerd += 1;
        }
    }
    assert!(gecontroleerd > 1000, "{gecontroleerd} links");
}

#[test]
fn geen_naam_of_contact_van_een_klager_op_de_site() {
    let (_map, site) = voorbeeldsite();
    let alles = bestanden(&site);
    let mut lezer = csv::Reader::from_path(voorbeeldregister().join("klachten.csv")).unwrap();
    let kop = lezer.headers().unwrap().clone();
    let klager = kop.iter().position(|k| k == "klager").unwrap();
    let contact = kop.iter().position(|k| k == "contact").unwrap();
    let mut geheimen = Vec::new();
    for rij in lezer.records() {
        let rij = rij.unwrap();
        for i in [klager, contact] {
            let waarde = rij.get(i).unwrap_or("").trim();
            if waarde.len() >= 3 {
                geheimen.push(waarde.to_string());
            }
        }
    }
    assert!(geheimen.len() > 200);
    for (pad, inhoud) in &alles {
        let tekst = String::from_utf8_lossy(inhoud);
        for geheim in &geheimen {
            assert!(!tekst.contains(geheim.as_str()), "{geheim} staat in {pad}");
        }
    }
    // The case files' personal data is shown redacted.
    let dossier = String::from_utf8_lossy(&alles[&zaakpad("SL-2025-031")]).into_owned();
    assert!(
        dossier.contains("[e-mailadres verwijderd]")
            && dossier.contains("[telefoonnummer verwijderd]")
    );
    assert!(!dossier.contains("06-48213377"));
}

#[test]
fn twee_builds_zijn_identiek() {
    let (_a, site_a) = voorbeeldsite();
    let (_b, site_b) = voorbeeldsite();
    assert_eq!(bestanden(&site_a), bestanden(&site_b));
}

#[test]
fn vijandige_tekst_wordt_onschadelijk() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,<img src=x onerror=alert(1)>,Jan Klaassen,jan@example.nl,\"<script>alert('omschrijving')</script>\",<b>cat</b>,\"\"\"><svg onload=alert(2)>\"\n",
        "KP-1,2025-03-04,ontvangstbevestiging,<script>x</script>,,,\"<a href=javascript:alert(3)>toelichting</a>\",\n\
         KP-1,2025-03-20,uitspraak,A,ongegrond,,,\n",
    );
    f.schrijf(
        "zaken/KP-1.md",
        "# Dossier\n\n<script>alert('dossier')</script>\n\n<img src=x onerror=alert(4)>\n\n[klik](javascript:alert(5))\n\n\
         <a href=\"https://example.org\" onclick=\"steel()\">weg</a>\n\nJan Klaassen belde vanaf 06-12345678.\n",
    );
    let uit = f.pad().join("site");
    bouw(f.pad(), &uit);
    for (pad, inhoud) in bestanden(&uit) {
        if pad.ends_with(".js") || pad.ends_with(".csv") {
            // Scripts and the tables for spreadsheets hold text as data, which a page or a
            // spreadsheet shows as text; never personal data.
            let tekst = String::from_utf8_lossy(&inhoud);
            for verboden in ["Jan Klaassen", "jan@example.nl", "06-12345678"] {
                assert!(!tekst.contains(verboden), "{verboden} in {pad}");
            }
            continue;
        }
        // Our own scripts are the ones allowed.
        let tekst = String::from_utf8_lossy(&inhoud)
            .replace(
                "<script src=\"assets/zaken-gegevens.js\" defer></script>",
                "",
            )
            .replace("<script src=\"assets/zaken.js\" defer></script>", "");
        // Escaped text may still read "onerror=" or an address elsewhere (raw HTML is
        // shown as the text it is): what matters is that no tag or attribute of the page
        // carries it. Text never holds a `<`, so every `<` starts a tag.
        for tag in tekst
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or_default())
        {
            let naam = tag.split_whitespace().next().unwrap_or_default();
            assert!(
                !["script", "img", "iframe", "object", "embed"].contains(&naam),
                "<{tag}> in {pad}"
            );
            for verboden in [
                " onclick",
                " onerror",
                " onload",
                "javascript",
                "example.org",
            ] {
                assert!(!tag.contains(verboden), "{verboden} in <{tag}> of {pad}");
            }
        }
        for verboden in ["Jan Klaassen", "jan@example.nl", "06-12345678"] {
            assert!(!tekst.contains(verboden), "{verboden} in {pad}");
        }
        for link in attributen(&tekst, "href") {
            assert!(
                !link.to_lowercase().contains("javascript"),
                "{link} in {pad}"
            );
        }
    }
}

#[test]
fn eigen_sjablonen_en_een_vreemde_uitvoermap() {
    let f = Fixture::new(
        "KP-1,2025-03-03,email,preventie,A,J,j@x.nl,x,,\n",
        "KP-1,2025-03-04,ontvangstbevestiging,A,,,,\n",
    );
    let sjablonen = f.pad().join("eigen");
    std::fs::create_dir_all(&sjablonen).unwrap();
    std::fs::write(
        sjablonen.join("index.html"),
        "{% extends \"basis.html\" %}{% block inhoud %}<h1>Ons eigen dashboard</h1>{% endblock inhoud %}",
    )
    .unwrap();
    let uit = f.pad().join("site");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--as-of", "2025-06-01", "--register"])
        .arg(f.pad())
        .arg("--out")
        .arg(&uit)
        .arg("--templates")
        .arg(&sjablonen)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let index = std::fs::read_to_string(uit.join("index.html")).unwrap();
    assert!(index.contains("Ons eigen dashboard"));

    // A folder that is no earlier site is never replaced.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--register"])
        .arg(f.pad())
        .arg("--out")
        .arg(f.pad())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("geen eerder gebouwde site"),
        "{}",
        stderr(&o)
    );
    assert!(f.pad().join("klachten.csv").is_file());

    // A broken template: exit 2, and the old site stays.
    std::fs::write(sjablonen.join("zaak.html"), "{% if %}").unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--register"])
        .arg(f.pad())
        .arg("--out")
        .arg(&uit)
        .arg("--templates")
        .arg(&sjablonen)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(uit.join("index.html").is_file());
}

#[test]
fn een_nieuwe_build_ruimt_de_oude_site_op() {
    let (map, site) = voorbeeldsite();
    let eerst = bestanden(&site);
    bouw(&voorbeeldregister(), &site);
    assert_eq!(bestanden(&site), eerst);
    // The old site is gone when the build returns.
    let overig: Vec<String> = std::fs::read_dir(map.path())
        .unwrap()
        .map(|i| i.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(overig, ["site"], "no leftovers beside the site");
}

/// A build that cannot make its work folder (here: a name too long for the file system)
/// stops at once with exit status 2 and a reason, instead of trying number after number.
#[test]
fn een_werkmap_die_niet_te_maken_is_stopt_de_build() {
    let map = tempfile::tempdir().expect("map");
    let uit = map.path().join("s".repeat(240));
    let mut kind = std::process::Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--as-of", "2026-11-24", "--register"])
        .arg(voorbeeldregister())
        .arg("--out")
        .arg(&uit)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("klachten starten");
    let begin = std::time::Instant::now();
    let status = loop {
        if let Some(status) = kind.try_wait().expect("wachten") {
            break status;
        }
        if begin.elapsed() > std::time::Duration::from_secs(60) {
            let _ = kind.kill();
            panic!("de build stopt niet");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut fout = String::new();
    std::io::Read::read_to_string(&mut kind.stderr.take().expect("stderr"), &mut fout)
        .expect("stderr lezen");
    assert_eq!(status.code(), Some(2), "{fout}");
    assert!(fout.contains("geen werkmap te maken"), "{fout}");
    assert!(!uit.exists());
}
