//! Which files of the register are read, and how much of them.
//!
//! A register comes from a branch that anyone with write access may have pushed, and the
//! tool runs with the rights of whoever runs it (a CI runner, a colleague building the
//! site). A file of the register must not make it read, and publish, something else: a
//! symlink `zaken/KP-1.md -> /etc/passwd`, or `klachten.csv -> /dev/zero`, which never
//! ends. So every file is looked up here:
//!
//! - it must lie inside the register's folder once every symlink on its way is resolved
//!   (a symlink inside the folder to another file inside it is fine);
//! - a case file, `reglement.md` and `reglement.toml` must be regular files, and are read
//!   up to a bound ([`MAX_DOSSIER`], [`MAX_REGLEMENT_MD`], [`MAX_REGLEMENT_TOML`]);
//! - a CSV file must be a regular file or a named pipe, which is read as a stream (the
//!   reader bounds each record, see `lezer`); a device, a socket or a folder is refused.
//!
//! The file is opened without following a symlink at its last step and, for the bounded
//! files, without waiting on a pipe, so that a file swapped for something else between
//! the check and the opening is refused too. Hard links are not looked at: Git does not
//! make them, and a hard link can only point at a file on the same file system that its
//! maker could read already.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest case file (`zaken/<zaak>.md`) that is read: 1 MiB.
pub const MAX_DOSSIER: u64 = 1 << 20;
/// The largest `reglement.md` that is read: 1 MiB.
pub const MAX_REGLEMENT_MD: u64 = 1 << 20;
/// The largest `reglement.toml` that is read: 64 KiB.
pub const MAX_REGLEMENT_TOML: u64 = 64 << 10;

/// Why a file of the register is not read.
#[derive(Debug)]
pub enum Weigering {
    /// There is no such file.
    Ontbreekt,
    /// It resolves, through symlinks, to a place outside the register's folder.
    Buiten,
    /// It is no regular file: a folder, a device (`/dev/zero`), a socket, or a named pipe
    /// where only a regular file will do.
    GeenBestand,
    /// It is no folder, where a folder is expected (`zaken`).
    GeenMap,
    /// It is larger than the bound, in bytes.
    TeGroot(u64),
    Onleesbaar(io::Error),
}

impl fmt::Display for Weigering {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Weigering::Ontbreekt => f.write_str("bestaat niet"),
            Weigering::Buiten => f.write_str(
                "verwijst naar een plek buiten de map van het register en wordt niet gelezen",
            ),
            Weigering::GeenBestand => f.write_str(
                "is geen gewoon bestand (maar bijvoorbeeld een map, apparaat, socket of \
                 benoemde pijp) en wordt niet gelezen",
            ),
            Weigering::GeenMap => f.write_str("is geen map en wordt niet gelezen"),
            Weigering::TeGroot(max) => {
                write!(f, "is groter dan {} en wordt niet gelezen", grootte(*max))
            }
            Weigering::Onleesbaar(e) => write!(f, "is niet te lezen: {e}"),
        }
    }
}

impl From<io::Error> for Weigering {
    fn from(e: io::Error) -> Weigering {
        match e.kind() {
            io::ErrorKind::NotFound => Weigering::Ontbreekt,
            _ => Weigering::Onleesbaar(e),
        }
    }
}

/// "1 MiB", "64 KiB", "100 bytes".
pub fn grootte(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// The register's folder, with every symlink on its way resolved.
#[derive(Debug, Clone)]
pub struct Registermap {
    echt: PathBuf,
}

impl Registermap {
    /// The folder `pad`; fails when it cannot be resolved (it does not exist, say).
    pub fn open(pad: &Path) -> io::Result<Registermap> {
        Ok(Registermap {
            echt: fs::canonicalize(pad)?,
        })
    }

    /// Where `relatief` (relative to the register) really is, when that is inside it.
    fn binnen(&self, relatief: &str) -> Result<PathBuf, Weigering> {
        let pad = self.echt.join(relatief);
        fs::symlink_metadata(&pad)?;
        // A symlink that leads nowhere: not missing, but unreadable.
        let echt = fs::canonicalize(&pad).map_err(Weigering::Onleesbaar)?;
        if echt.starts_with(&self.echt) {
            Ok(echt)
        } else {
            Err(Weigering::Buiten)
        }
    }

    /// The bytes of `relatief`, when it is a regular file inside the register of at most
    /// `max` bytes.
    pub fn lees(&self, relatief: &str, max: u64) -> Result<Vec<u8>, Weigering> {
        let echt = self.binnen(relatief)?;
        if !fs::metadata(&echt)?.is_file() {
            return Err(Weigering::GeenBestand);
        }
        let bestand = open_zonder_wachten(&echt)?;
        let gegevens = bestand.metadata()?;
        if !gegevens.is_file() {
            return Err(Weigering::GeenBestand);
        }
        if gegevens.len() > max {
            return Err(Weigering::TeGroot(max));
        }
        let mut inhoud = Vec::with_capacity(gegevens.len() as usize);
        // The file may grow while it is read: never past the bound.
        bestand
            .take(max.saturating_add(1))
            .read_to_end(&mut inhoud)?;
        if inhoud.len() as u64 > max {
            return Err(Weigering::TeGroot(max));
        }
        Ok(inhoud)
    }

    /// Opens the CSV file `relatief` as a stream: a regular file or a named pipe inside the
    /// register. A named pipe waits here for its writer, as any reader of it would.
    pub fn open_stroom(&self, relatief: &str) -> Result<File, Weigering> {
        let echt = self.binnen(relatief)?;
        if !is_stroom(&fs::metadata(&echt)?) {
            return Err(Weigering::GeenBestand);
        }
        let bestand = open_zonder_symlink(&echt)?;
        if !is_stroom(&bestand.metadata()?) {
            return Err(Weigering::GeenBestand);
        }
        Ok(bestand)
    }

    /// The folder `relatief`, when it is a folder inside the register.
    pub fn map(&self, relatief: &str) -> Result<PathBuf, Weigering> {
        let echt = self.binnen(relatief)?;
        if fs::metadata(&echt)?.is_dir() {
            Ok(echt)
        } else {
            Err(Weigering::GeenMap)
        }
    }
}

/// A regular file, or (on Unix) a named pipe.
fn is_stroom(gegevens: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        gegevens.is_file() || gegevens.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        gegevens.is_file()
    }
}

/// Opens `pad` for reading without following a symlink at its last step and without
/// waiting for a writer, should it have become a named pipe since it was looked at.
fn open_zonder_wachten(pad: &Path) -> io::Result<File> {
    #[cfg(unix)]
    return open_met(pad, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    #[cfg(not(unix))]
    return File::open(pad);
}

/// Opens `pad` for reading without following a symlink at its last step (a file swapped
/// for one after it was looked at); a named pipe waits for its writer.
fn open_zonder_symlink(pad: &Path) -> io::Result<File> {
    #[cfg(unix)]
    return open_met(pad, libc::O_NOFOLLOW);
    #[cfg(not(unix))]
    return File::open(pad);
}

#[cfg(unix)]
fn open_met(pad: &Path, vlaggen: i32) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(vlaggen)
        .open(pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alleen_gewone_bestanden_in_de_map_tot_een_grens() {
        let buiten = tempfile::tempdir().unwrap();
        std::fs::write(buiten.path().join("geheim.txt"), "geheim").unwrap();
        let map = tempfile::tempdir().unwrap();
        let register = map.path();
        std::fs::create_dir(register.join("zaken")).unwrap();
        std::fs::write(register.join("zaken/KP-1.md"), "dossier").unwrap();
        std::fs::write(register.join("groot.md"), vec![b'x'; 101]).unwrap();
        let r = Registermap::open(register).unwrap();
        assert_eq!(r.lees("zaken/KP-1.md", 100).unwrap(), b"dossier");
        assert!(matches!(
            r.lees("groot.md", 100),
            Err(Weigering::TeGroot(100))
        ));
        assert!(matches!(
            r.lees("ontbreekt.md", 100),
            Err(Weigering::Ontbreekt)
        ));
        assert!(matches!(r.lees("zaken", 100), Err(Weigering::GeenBestand)));
        assert!(r.map("zaken").is_ok());
        assert!(matches!(r.map("zaken/KP-1.md"), Err(Weigering::GeenMap)));
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(
                buiten.path().join("geheim.txt"),
                register.join("zaken/KP-2.md"),
            )
            .unwrap();
            symlink("KP-1.md", register.join("zaken/KP-3.md")).unwrap();
            symlink("/dev/zero", register.join("nul.csv")).unwrap();
            symlink("nergens", register.join("los.md")).unwrap();
            symlink(buiten.path(), register.join("buiten")).unwrap();
            assert!(matches!(
                r.lees("zaken/KP-2.md", 100),
                Err(Weigering::Buiten)
            ));
            assert_eq!(r.lees("zaken/KP-3.md", 100).unwrap(), b"dossier");
            assert!(matches!(r.open_stroom("nul.csv"), Err(Weigering::Buiten)));
            assert!(matches!(
                r.lees("los.md", 100),
                Err(Weigering::Onleesbaar(_))
            ));
            assert!(matches!(
                r.lees("buiten/geheim.txt", 100),
                Err(Weigering::Buiten)
            ));
            assert!(matches!(r.map("buiten"), Err(Weigering::Buiten)));
            // Also a device inside the folder (were it allowed there): no regular file.
            let apparaat = Registermap::open(Path::new("/dev")).unwrap();
            assert!(matches!(
                apparaat.lees("zero", 100),
                Err(Weigering::GeenBestand)
            ));
            assert!(matches!(
                apparaat.open_stroom("zero"),
                Err(Weigering::GeenBestand)
            ));
        }
        assert_eq!(grootte(MAX_DOSSIER), "1 MiB");
        assert_eq!(grootte(MAX_REGLEMENT_TOML), "64 KiB");
        assert_eq!(grootte(100), "100 bytes");
    }
}
