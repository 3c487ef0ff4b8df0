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

    /// Puts the finished site in place of the old one.
    pub fn voltooi(self) -> Result<(), Fout> {
        self.schrijf(
            MERKTEKEN,
            b"Gebouwd door klachten build; deze map wordt bij elke build vervangen.\n",
        )?;
        let oud = self.doel.with_file_name(format!(
            ".{}.oud-{}",
            self.doel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        if self.doel.exists() {
            fs::rename(&self.doel, &oud).map_err(|e| schrijffout(&self.doel, e))?;
        }
        if let Err(e) = fs::rename(&self.werkmap, &self.doel) {
            // Put the old site back rather than leave none.
            let _ = fs::rename(&oud, &self.doel);
            return Err(schrijffout(&self.doel, e));
        }
        verwijder(&oud);
        Ok(())
    }

    /// Abandons the build: the old site stays as it was.
    pub fn breek_af(self) {
        let _ = fs::remove_dir_all(&self.werkmap);
    }
}

/// Removes a folder tree, the files of each folder in parallel: a site of a hundred
/// thousand pages is mostly file-system metadata work.
fn verwijder(map: &Path) {
    use rayon::prelude::*;
    let Ok(items) = fs::read_dir(map) else { return };
    let items: Vec<PathBuf> = items.filter_map(|i| i.ok().map(|i| i.path())).collect();
    items.par_iter().for_each(|pad| {
        if pad.is_dir() {
            verwijder(pad);
        } else {
            let _ = fs::remove_file(pad);
        }
    });
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
        s.voltooi().unwrap();
        let s = Schrijver::nieuw(&doel).unwrap();
        s.schrijf("index.html", b"half").unwrap();
        s.breek_af();
        assert_eq!(fs::read(doel.join("index.html")).unwrap(), b"oud");
        let s = Schrijver::nieuw(&doel).unwrap();
        s.schrijf("index.html", b"nieuw").unwrap();
        s.voltooi().unwrap();
        assert_eq!(fs::read(doel.join("index.html")).unwrap(), b"nieuw");
        assert_eq!(
            fs::read_dir(map.path()).unwrap().count(),
            1,
            "no leftovers beside the site"
        );
    }
}
