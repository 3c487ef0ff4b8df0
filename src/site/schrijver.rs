//! The one writer of the site: every file goes through it. It refuses any path that would
//! leave the site, and replaces the old site only with a complete new one.
//!
//! - **Where.** `--out` is resolved first: its parent folder with every symlink and `..`
//!   on the way (`site/../site`, `./site`, `site/` and an absolute path are then one and
//!   the same folder), and when `--out` itself is a symlink, the folder it points to (which
//!   is replaced, the symlink stays). An existing folder is only replaced when it is empty
//!   or a site built before (it carries [`MERKTEKEN`]).
//! - **Atomic.** The site is written into a work folder beside `--out`
//!   (`.<naam>.bouw-<pid>-<n>`) and swapped in when complete: on Linux the two folders
//!   change places in one step (`renameat2` with `RENAME_EXCHANGE`), so that at every
//!   moment `--out` holds the old site or the new one, complete; the old site is then
//!   removed. Where that call is missing (another system, a file system without it) the
//!   old site is first renamed aside and the new one renamed in, and a process killed
//!   between those two steps leaves `--out` missing until the next build.
//! - **Leftovers.** A build holds a lock (`flock`) on a file beside its work folder
//!   (`.<naam>.bouw-<pid>-<n>.slot`) while it runs; the system releases it when the process
//!   ends, however it ends (`kill -9`, a CI timeout's `SIGTERM`). Each build first removes
//!   the work folders whose lock is free: those of builds that were interrupted (or that
//!   were interrupted while removing the old site). A build that is still running keeps
//!   its lock and its folder.

use std::fs::{self, File};
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::Fout;

/// Marks a folder as a site this tool built, so that a rebuild may replace it.
pub const MERKTEKEN: &str = ".klachten-site";

pub struct Schrijver {
    doel: PathBuf,
    werkmap: PathBuf,
    /// The lock that marks the work folder as this build's while it runs.
    slot: Slot,
    /// Folders already made, so that writing a page costs no extra system calls.
    mappen: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Schrijver {
    /// Prepares a build of the site into `doel` (see the module's documentation): removes
    /// what interrupted builds left beside it, and makes a work folder of its own.
    pub fn nieuw(doel: &Path) -> Result<Schrijver, Fout> {
        let doel = uitvoermap(doel)?;
        if doel.exists() && !is_vervangbaar(&doel) {
            return Err(Fout::new(format!(
                "{} bestaat al en is geen eerder gebouwde site; kies een andere --out",
                doel.display()
            )));
        }
        ruim_op(&doel);
        // The next number when a lock of this process's number is left from an earlier
        // process; any other failure (no rights, a full disk, a name too long) ends here.
        let mut n = 0u32;
        let (werkmap, slot) = loop {
            let werkmap = werkmap(&doel, &format!("{}-{n}", std::process::id()));
            match Slot::neem(&slotpad(&werkmap)) {
                Ok(slot) => break (werkmap, slot),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < u32::MAX => n += 1,
                Err(e) => {
                    return Err(Fout::new(format!(
                        "{}: geen werkmap te maken: {e}",
                        doel.display()
                    )))
                }
            }
        };
        let _ = fs::remove_dir_all(&werkmap);
        if let Err(e) = fs::create_dir(&werkmap) {
            slot.geef_vrij();
            return Err(Fout::new(format!(
                "{}: map niet aan te maken: {e}",
                werkmap.display()
            )));
        }
        Ok(Schrijver {
            doel,
            werkmap,
            slot,
            mappen: Default::default(),
        })
    }

    /// The folder the site goes to, resolved.
    pub fn doel(&self) -> &Path {
        &self.doel
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

    /// Puts the finished site in place of the old one, then removes the old one.
    pub fn voltooi(self) -> Result<(), Fout> {
        let geplaatst = self.zet_op_zijn_plaats();
        // Whatever happened, what is left in the work folder is of no use: the old site,
        // or a new one that could not be placed.
        verwijder(&self.werkmap);
        let _ = fs::remove_dir(&self.werkmap);
        self.slot.geef_vrij();
        geplaatst
    }

    fn zet_op_zijn_plaats(&self) -> Result<(), Fout> {
        self.schrijf(
            MERKTEKEN,
            b"Gebouwd door klachten build; deze map wordt bij elke build vervangen.\n",
        )?;
        if !self.doel.exists() {
            return fs::rename(&self.werkmap, &self.doel).map_err(|e| schrijffout(&self.doel, e));
        }
        match wissel(&self.werkmap, &self.doel) {
            Ok(()) => Ok(()),
            Err(_) => {
                // No swap in one step here: the old site aside, the new one in its place.
                let oud = self.werkmap.with_file_name(format!(
                    "{}-oud",
                    self.werkmap
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                ));
                fs::rename(&self.doel, &oud).map_err(|e| schrijffout(&self.doel, e))?;
                if let Err(e) = fs::rename(&self.werkmap, &self.doel) {
                    // Put the old site back rather than leave none.
                    let _ = fs::rename(&oud, &self.doel);
                    return Err(schrijffout(&self.doel, e));
                }
                // The old site where the work folder was: removed with it.
                fs::rename(&oud, &self.werkmap).map_err(|e| schrijffout(&oud, e))
            }
        }
    }

    /// Abandons the build: the old site stays as it was.
    pub fn breek_af(self) {
        verwijder(&self.werkmap);
        let _ = fs::remove_dir(&self.werkmap);
        self.slot.geef_vrij();
    }
}

/// `--out` resolved: its parent folder (made when missing) with every symlink and `..`
/// resolved, then its own name; or, when it is a symlink, the folder it points to.
fn uitvoermap(doel: &Path) -> Result<PathBuf, Fout> {
    let ongeschikt = || Fout::new(format!("ongeschikte uitvoermap: {}", doel.display()));
    if doel.as_os_str().is_empty() {
        return Err(ongeschikt());
    }
    if fs::symlink_metadata(doel).is_ok_and(|m| m.file_type().is_symlink()) {
        return fs::canonicalize(doel).map_err(|e| {
            Fout::new(format!(
                "{}: een symbolische koppeling naar een map die niet te vinden is: {e}",
                doel.display()
            ))
        });
    }
    let naam = match doel.components().next_back() {
        Some(Component::Normal(naam)) => naam.to_os_string(),
        _ => return Err(ongeschikt()),
    };
    let ouder = match doel.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&ouder).map_err(|e| schrijffout(&ouder, e))?;
    let ouder = fs::canonicalize(&ouder).map_err(|e| schrijffout(&ouder, e))?;
    Ok(ouder.join(naam))
}

/// The start of the names of the work folders of builds of `doel`: `.<naam>.bouw-`.
fn voorvoegsel(doel: &Path) -> String {
    let naam = doel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{naam}.bouw-")
}

/// The work folder `.<naam>.bouw-<id>` beside `doel`.
fn werkmap(doel: &Path, id: &str) -> PathBuf {
    doel.with_file_name(format!("{}{id}", voorvoegsel(doel)))
}

/// The lock file of a work folder: its name with `.slot`.
fn slotpad(werkmap: &Path) -> PathBuf {
    let mut naam = werkmap.as_os_str().to_os_string();
    naam.push(".slot");
    PathBuf::from(naam)
}

/// Removes what interrupted builds of `doel` left beside it: every work folder
/// `.<naam>.bouw-<pid>-<n>` (also with `-oud`) whose lock is free, with its lock file;
/// and what earlier versions of this tool left: `.<naam>.bouw-<pid>` folders, and old
/// sites set aside as `.<naam>.oud-<pid>` (those still carrying the marker, or empty).
pub fn ruim_op(doel: &Path) {
    let voorvoegsel = voorvoegsel(doel);
    let naam = doel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let oud_voorvoegsel = format!(".{naam}.oud-");
    let ouder = match doel.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(items) = fs::read_dir(ouder) else {
        return;
    };
    let mut namen: Vec<String> = items
        .filter_map(Result::ok)
        .map(|i| i.file_name().to_string_lossy().into_owned())
        .collect();
    namen.sort();
    let cijfers = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    for item in &namen {
        let pad = ouder.join(item);
        if let Some(id) = item.strip_prefix(&voorvoegsel) {
            if let Some(id) = id.strip_suffix(".slot") {
                // A lock whose folder is gone: the build ended between the two removals.
                if let Ok(slot) = Slot::probeer(&pad) {
                    if !ouder.join(format!("{voorvoegsel}{id}")).exists()
                        && !ouder.join(format!("{voorvoegsel}{id}-oud")).exists()
                    {
                        slot.geef_vrij();
                    }
                }
                continue;
            }
            if cijfers(id) {
                // An earlier version's work folder (no lock then).
                verwijder(&pad);
                let _ = fs::remove_dir(&pad);
                continue;
            }
            let eigen = id.strip_suffix("-oud").unwrap_or(id);
            let geldig = eigen
                .split_once('-')
                .is_some_and(|(pid, n)| cijfers(pid) && cijfers(n));
            if !geldig {
                continue;
            }
            let slot = ouder.join(format!("{voorvoegsel}{eigen}.slot"));
            if let Ok(slot) = Slot::probeer(&slot) {
                verwijder(&pad);
                let _ = fs::remove_dir(&pad);
                // The folder's lock goes with it, once both of its folders are gone.
                if !ouder.join(format!("{voorvoegsel}{eigen}")).exists()
                    && !ouder.join(format!("{voorvoegsel}{eigen}-oud")).exists()
                {
                    slot.geef_vrij();
                } else {
                    slot.laat_staan();
                }
            }
        } else if item.strip_prefix(&oud_voorvoegsel).is_some_and(cijfers)
            && fs::symlink_metadata(&pad).is_ok_and(|m| m.is_dir())
        {
            if pad.join(MERKTEKEN).is_file() {
                verwijder(&pad);
            }
            // Empty, or removed just now: otherwise this fails and the folder stays.
            let _ = fs::remove_dir(&pad);
        }
    }
}

/// An exclusive lock on a file, held while the value lives (and by the system until the
/// process ends, however it ends).
struct Slot {
    pad: PathBuf,
    _bestand: File,
}

impl Slot {
    /// Creates the lock file `pad`, which must not exist yet, and locks it.
    fn neem(pad: &Path) -> io::Result<Slot> {
        let bestand = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(pad)?;
        if let Err(e) = vergrendel(&bestand) {
            let _ = fs::remove_file(pad);
            return Err(e);
        }
        Ok(Slot {
            pad: pad.to_path_buf(),
            _bestand: bestand,
        })
    }

    /// Locks the existing lock file `pad`, when nobody holds it.
    fn probeer(pad: &Path) -> io::Result<Slot> {
        let bestand = fs::OpenOptions::new().write(true).open(pad)?;
        vergrendel(&bestand)?;
        Ok(Slot {
            pad: pad.to_path_buf(),
            _bestand: bestand,
        })
    }

    /// Removes the lock file, then lets go of the lock.
    fn geef_vrij(self) {
        let _ = fs::remove_file(&self.pad);
    }

    /// Lets go of the lock and leaves the file.
    fn laat_staan(self) {}
}

/// An exclusive lock on `bestand`, without waiting (`flock` on Unix, `LockFileEx` on
/// Windows).
fn vergrendel(bestand: &File) -> io::Result<()> {
    bestand.try_lock().map_err(io::Error::from)
}

/// Swaps the folders `a` and `b` in one step (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn wissel(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn wissel(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Removes a folder tree. The files go in parallel: removing them is mostly waiting for
/// the disk. Errors are ignored: another removal of the same tree may be running.
fn verwijder(map: &Path) {
    use rayon::prelude::*;
    let Ok(items) = fs::read_dir(map) else { return };
    let items: Vec<fs::DirEntry> = items.filter_map(Result::ok).collect();
    items.par_iter().for_each(|item| {
        if item.file_type().is_ok_and(|t| t.is_dir()) {
            verwijder(&item.path());
            let _ = fs::remove_dir(item.path());
        } else {
            let _ = fs::remove_file(item.path());
        }
    });
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

    /// Builds a one-page site saying `inhoud` into `doel`.
    fn bouw(doel: &Path, inhoud: &[u8]) -> Result<(), Fout> {
        let s = Schrijver::nieuw(doel)?;
        s.schrijf("index.html", inhoud)?;
        s.schrijf("zaken/0a/KP-1.html", inhoud)?;
        s.voltooi()
    }

    /// Point 6: an --out spelled through the old site (`site/../site`) set the old site
    /// aside, failed, and left no site at all.
    #[test]
    fn elke_schrijfwijze_van_out_vervangt_dezelfde_site() {
        let map = tempfile::tempdir().unwrap();
        let basis = fs::canonicalize(map.path()).unwrap();
        let site = basis.join("site");
        bouw(&site, b"eerste").unwrap();
        // Relative to the working folder the command line's tests spell them
        // (tests/vijandig.rs); here relative to the test's folder.
        let mut spellingen: Vec<PathBuf> = [
            "site/../site",
            "site/",
            "./site",
            "site/./../site/",
            "nieuw/../site",
            "site",
        ]
        .iter()
        .map(|s| PathBuf::from(format!("{}/{s}", basis.display())))
        .collect();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&site, basis.join("koppeling")).unwrap();
            spellingen.push(basis.join("koppeling"));
        }
        let mut uitkomsten = Vec::new();
        for (i, spelling) in spellingen.iter().enumerate() {
            let inhoud = format!("versie {i}");
            uitkomsten.push(bouw(spelling, inhoud.as_bytes()).map_err(|f| f.to_string()));
            assert_eq!(
                fs::read(site.join("index.html")).ok(),
                Some(inhoud.into_bytes()),
                "{spelling:?}"
            );
        }
        assert!(uitkomsten.iter().all(Result::is_ok), "{uitkomsten:?}");
        let mut over: Vec<String> = fs::read_dir(&basis)
            .unwrap()
            .map(|i| i.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        over.sort();
        let verwacht: &[&str] = if cfg!(unix) {
            &["koppeling", "nieuw", "site"]
        } else {
            &["nieuw", "site"]
        };
        assert_eq!(over, verwacht, "nothing left beside the site");
        #[cfg(unix)]
        assert!(fs::symlink_metadata(basis.join("koppeling"))
            .unwrap()
            .file_type()
            .is_symlink());
        for verkeerd in ["", ".", "..", "site/.."] {
            assert!(
                Schrijver::nieuw(Path::new(verkeerd)).is_err(),
                "{verkeerd:?}"
            );
        }
    }

    /// Point 7: the work folders of interrupted builds stayed beside --out for ever.
    #[cfg(unix)]
    #[test]
    fn wat_een_afgebroken_build_achterliet_ruimt_de_volgende_op() {
        let map = tempfile::tempdir().unwrap();
        let doel = map.path().join("site");
        bouw(&doel, b"oud").unwrap();
        // A build killed while writing, one killed while removing the old site, and a
        // lock whose folder was already gone.
        for (id, oud) in [("999991-0", false), ("999992-3", true), ("999993-0", false)] {
            let werkmap = werkmap(&doel, id);
            if id != "999993-0" {
                let werkmap = if oud {
                    werkmap.with_file_name(format!(".site.bouw-{id}-oud"))
                } else {
                    werkmap.clone()
                };
                fs::create_dir_all(werkmap.join("zaken/0a")).unwrap();
                fs::write(werkmap.join("zaken/0a/KP-1.html"), "half").unwrap();
            }
            fs::write(slotpad(&werkmap), "").unwrap();
        }
        // An earlier version's work folder.
        fs::create_dir_all(map.path().join(".site.bouw-4242/zaken")).unwrap();
        // A build that is still running: its lock is held.
        let loopt = werkmap(&doel, "999994-0");
        let slot = Slot::neem(&slotpad(&loopt)).unwrap();
        fs::create_dir_all(&loopt).unwrap();
        fs::write(loopt.join("index.html"), "bezig").unwrap();
        // Not ours at all.
        fs::create_dir_all(map.path().join(".site.bouw-eigen")).unwrap();
        fs::write(map.path().join(".site.bouw-eigen/x"), "van iemand").unwrap();

        bouw(&doel, b"nieuw").unwrap();
        let mut over: Vec<String> = fs::read_dir(map.path())
            .unwrap()
            .map(|i| i.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        over.sort();
        assert_eq!(
            over,
            [
                ".site.bouw-999994-0",
                ".site.bouw-999994-0.slot",
                ".site.bouw-eigen",
                "site"
            ]
        );
        assert_eq!(fs::read(doel.join("index.html")).unwrap(), b"nieuw");
        // Once the running build has ended (here: let go of its lock), the next one
        // removes what it left.
        drop(slot);
        bouw(&doel, b"daarna").unwrap();
        assert!(!loopt.exists());
        assert!(!slotpad(&loopt).exists());
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
