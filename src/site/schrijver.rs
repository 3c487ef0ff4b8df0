//! The one writer of the site: every file goes through it. It writes into a fresh folder
//! beside `--out` and swaps it in only when everything was written, so a failed build
//! never leaves a half-written site; and it refuses any path that would leave the folder.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::Fout;

/// Marks a folder as a site this tool built, so that a rebuild may replace it.
pub const MERKTEKEN: &str = ".klachten-site";

pub struct Schrijver {
    doel: PathBuf,
    werkmap: PathBuf,
    /// Folders already made, so that writing a page costs no extra system calls.
    mappen: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Schrijver {
    /// Prepares a build of the site into `doel`. An existing `doel` is only ever replaced
    /// when it is empty or a site built before.
    pub fn nieuw(doel: &Path) -> Result<Schrijver, Fout> {
        if doel.as_os_str().is_empty() || doel.parent().is_none() {
            return Err(Fout::new(format!(
                "ongeschikte uitvoermap: {}",
                doel.display()
            )));
        }
        if doel.exists() && !is_vervangbaar(doel) {
            return Err(Fout::new(format!(
                "{} bestaat al en is geen eerder gebouwde site; kies een andere --out",
                doel.display()
            )));
        }
        let naam = doel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let werkmap = doel.with_file_name(format!(".{naam}.bouw-{}", std::process::id()));
        let _ = fs::remove_dir_all(&werkmap);
        fs::create_dir_all(&werkmap)
            .map_err(|e| Fout::new(format!("{}: map niet aan te maken: {e}", werkmap.display())))?;
        Ok(Schrijver {
            doel: doel.to_path_buf(),
            werkmap,
            mappen: Default::default(),
        })
    }

    /// Writes `inhoud` to `pad`, relative to the site's root. A path that is absolute or
    /// climbs out of the site is refused.
    pub fn schrijf(&self, pad: &str, inhoud: &[u8]) -> Result<(), Fout> {
        let relatief = Path::new(pad);
        let veilig = !pad.is_empty()
            && relatief
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if !veilig {
            return Err(Fout::new(format!("pad buiten de site geweigerd: {pad}")));
        }
        let volledig = self.werkmap.join(relatief);
        if let Some(map) = relatief.parent().filter(|m| !m.as_os_str().is_empty()) {
            let mut mappen = self.mappen.lock().unwrap_or_else(|e| e.into_inner());
            if !mappen.contains(map) {
                let pad = self.werkmap.join(map);
                fs::create_dir_all(&pad).map_err(|e| schrijffout(&pad, e))?;
                mappen.insert(map.to_path_buf());
            }
        }
        fs::write(&volledig, inhoud).map_err(|e| schrijffout(&volledig, e))
    }

    /// Puts the finished site in place of the old one, then removes the old one. The old
    /// site is first renamed aside (`.<naam>.oud-<pid>` beside `doel`), so that at every
    /// moment one complete site stands at `doel` or beside it.
    pub fn voltooi(self) -> Result<(), Fout> {
        match self.zet_op_zijn_plaats() {
            Ok(oud) => {
                if oud.is_some() {
                    ruim_op(&self.doel);
                }
                Ok(())
            }
            Err(fout) => {
                // Whatever failed, the half-placed new site is ours and of no use.
                let _ = fs::remove_dir_all(&self.werkmap);
                Err(fout)
            }
        }
    }

    fn zet_op_zijn_plaats(&self) -> Result<Option<PathBuf>, Fout> {
        self.schrijf(
            MERKTEKEN,
            b"Gebouwd door klachten build; deze map wordt bij elke build vervangen.\n",
        )?;
        let oud = self.plek_voor_de_oude_site();
        let had_oud = self.doel.exists();
        if had_oud {
            fs::rename(&self.doel, &oud).map_err(|e| schrijffout(&self.doel, e))?;
        }
        if let Err(e) = fs::rename(&self.werkmap, &self.doel) {
            // Put the old site back rather than leave none.
            let _ = fs::rename(&oud, &self.doel);
            return Err(schrijffout(&self.doel, e));
        }
        Ok(had_oud.then_some(oud))
    }

    /// Where the old site is set aside: `.<naam>.oud-<pid>`, or with a number after the
    /// process id when that is taken (process ids repeat, in containers at every start,
    /// and a removal may have been cut off).
    fn plek_voor_de_oude_site(&self) -> PathBuf {
        let naam = |n: u32| {
            let pid = std::process::id();
            let achter = if n == 0 { String::new() } else { n.to_string() };
            self.doel
                .with_file_name(format!("{}{pid}{achter}", oud_voorvoegsel(&self.doel)))
        };
        if naam(0).exists() {
            ruim_op(&self.doel);
        }
        (0..)
            .map(naam)
            .find(|pad| !pad.exists())
            .unwrap_or_else(|| naam(0))
    }

    /// Abandons the build: the old site stays as it was.
    pub fn breek_af(self) {
        let _ = fs::remove_dir_all(&self.werkmap);
    }
}

/// The start of the name of an old site set aside beside `doel`; the process id follows.
fn oud_voorvoegsel(doel: &Path) -> String {
    let naam = doel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{naam}.oud-")
}

/// Removes every old site that builds of `doel` set aside (see `Schrijver::voltooi`),
/// also one left behind by a removal that was interrupted. Only folders with the name a
/// build gives them are touched, and of those only the ones that still carry the marker
/// (an earlier removal takes it away last, so an interrupted one leaves it) or are empty.
pub fn ruim_op(doel: &Path) {
    let voorvoegsel = oud_voorvoegsel(doel);
    let ouder = match doel.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(items) = fs::read_dir(ouder) else {
        return;
    };
    let mut oude: Vec<PathBuf> = items
        .filter_map(Result::ok)
        .filter(|i| {
            let naam = i.file_name();
            let naam = naam.to_string_lossy();
            naam.strip_prefix(&voorvoegsel)
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
                && i.file_type().is_ok_and(|t| t.is_dir())
        })
        .map(|i| i.path())
        .collect();
    oude.sort();
    for map in oude {
        if map.join(MERKTEKEN).is_file() {
            verwijder(&map, Some(MERKTEKEN));
        }
        // Empty, or removed just now: otherwise this fails and the folder stays.
        let _ = fs::remove_dir(&map);
    }
}

/// Removes a folder tree; `als_laatste` (a file directly in `map`) goes after all else.
/// The files go in parallel: removing them is mostly waiting for the disk. Errors are
/// ignored: another removal of the same tree may be running.
fn verwijder(map: &Path, als_laatste: Option<&str>) {
    use rayon::prelude::*;
    let Ok(items) = fs::read_dir(map) else { return };
    let items: Vec<fs::DirEntry> = items
        .filter_map(Result::ok)
        .filter(|i| als_laatste.is_none_or(|n| i.file_name() != n))
        .collect();
    items.par_iter().for_each(|item| {
        if item.file_type().is_ok_and(|t| t.is_dir()) {
            verwijder(&item.path(), None);
        } else {
            let _ = fs::remove_file(item.path());
        }
    });
    if let Some(naam) = als_laatste {
        let _ = fs::remove_file(map.join(naam));
    }
    let _ = fs::remove_dir(map);
}

fn is_vervangbaar(map: &Path) -> bool {
    map.is_dir()
        && (map.join(MERKTEKEN).is_file()
            || fs::read_dir(map)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false))
}

fn schrijffout(pad: &Path, e: io::Error) -> Fout {
    Fout::new(format!("{}: niet te schrijven: {e}", pad.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paden_buiten_de_site_worden_geweigerd() {
        let map = tempfile::tempdir().unwrap();
        let s = Schrijver::nieuw(&map.path().join("site")).unwrap();
        for pad in [
            "../x.html",
            "/etc/passwd",
            "zaken/../../x",
            "",
            "zaken/./x/../../..",
        ] {
            assert!(s.schrijf(pad, b"x").is_err(), "{pad}");
        }
        s.schrijf("zaken/KP-1.html", b"ok").unwrap();
        s.voltooi().unwrap();
        assert!(map.path().join("site/zaken/KP-1.html").is_file());
        assert!(!map.path().join("x.html").exists());
    }

    #[test]
    fn een_vreemde_map_wordt_niet_vervangen() {
        let map = tempfile::tempdir().unwrap();
        fs::write(map.path().join("belangrijk.txt"), "niet weggooien").unwrap();
        assert!(Schrijver::nieuw(map.path()).is_err());
        assert!(map.path().join("belangrijk.txt").is_file());
    }

    #[test]
    fn afgebroken_bouw_laat_de_oude_site_staan() {
        let map = tempfile::tempdir().unwrap();
        let doel = map.path().join("site");
        let s = Schrijver::nieuw(&doel).unwrap();
        s.schrijf("index.html", b"oud").unwrap();
        s.schrijf("zaken/0a/KP-1.html", b"oud").unwrap();
        s.voltooi().unwrap();
        let s = Schrijver::nieuw(&doel).unwrap();
        s.schrijf("index.html", b"half").unwrap();
        s.breek_af();
        assert_eq!(fs::read(doel.join("index.html")).unwrap(), b"oud");
        let s = Schrijver::nieuw(&doel).unwrap();
        s.schrijf("index.html", b"nieuw").unwrap();
        s.voltooi().unwrap();
        assert_eq!(fs::read(doel.join("index.html")).unwrap(), b"nieuw");
        assert!(!doel.join("zaken").exists());
        assert_eq!(
            fs::read_dir(map.path()).unwrap().count(),
            1,
            "no leftovers beside the site"
        );
    }

    /// An old site left under this process's id (a container's build runs as the same
    /// pid every time, and a removal may have been cut off), or a folder of that name that
    /// is not ours: the next build still replaces the site.
    #[test]
    fn een_achtergebleven_oude_site_houdt_de_build_niet_tegen() {
        let map = tempfile::tempdir().unwrap();
        let doel = map.path().join("site");
        let zelfde = map.path().join(format!(".site.oud-{}", std::process::id()));
        fs::create_dir_all(zelfde.join("zaken")).unwrap();
        fs::write(zelfde.join("zaken/vreemd.txt"), "niet van ons").unwrap();
        for inhoud in [&b"een"[..], &b"twee"[..]] {
            let s = Schrijver::nieuw(&doel).unwrap();
            s.schrijf("index.html", inhoud).unwrap();
            s.voltooi().unwrap();
            assert_eq!(fs::read(doel.join("index.html")).unwrap(), inhoud);
        }
        assert!(zelfde.join("zaken/vreemd.txt").is_file());
        ruim_op(&doel);
        let over: Vec<_> = fs::read_dir(map.path())
            .unwrap()
            .map(|i| i.unwrap().file_name())
            .collect();
        assert_eq!(over.len(), 2, "{over:?}");
    }

    #[test]
    fn opruimen_raakt_alleen_oude_sites() {
        let map = tempfile::tempdir().unwrap();
        let doel = map.path().join("site");
        // An old site whose removal was interrupted: the marker is still there.
        let half = map.path().join(".site.oud-12");
        fs::create_dir_all(half.join("zaken/0a")).unwrap();
        fs::write(half.join(MERKTEKEN), "").unwrap();
        fs::write(half.join("zaken/0a/KP-1.html"), "oud").unwrap();
        // Look-alikes that are not ours.
        let vreemd = map.path().join(".site.oud-13");
        fs::create_dir_all(&vreemd).unwrap();
        fs::write(vreemd.join("belangrijk.txt"), "").unwrap();
        let andere = map.path().join(".site.oud-x");
        fs::create_dir_all(&andere).unwrap();
        fs::write(andere.join(MERKTEKEN), "").unwrap();
        ruim_op(&doel);
        assert!(!half.exists());
        assert!(vreemd.join("belangrijk.txt").is_file());
        assert!(andere.join(MERKTEKEN).is_file());
    }
}
