//! Talking to Git. The `git` binary is used rather than a library: it is on every machine
//! that holds a Git register and adds nothing to the build. Its output is parsed here
//! only, in its NUL-separated forms, so no path is ever quoted.
//!
//! Git's own safety settings are never overridden. A repository owned by another user is
//! refused by Git (`safe.directory`, CVE-2022-24765: its `core.fsmonitor` would run as the
//! user of `klachten`); [`repository`] then passes on Git's refusal and its remedy.
//!
//! Commit dates are read as Git stores them (`--date=raw`: seconds since 1970 and the
//! offset of the commit's time zone), never through a format of Git's: Git accepts a
//! commit at `@0 -1200`, whose day in its own zone is 31-12-1969, and then refuses to
//! print it in ISO form, ending the whole `git log`.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::{sync_channel, Receiver};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// Where the register lies in its repository.
pub struct Repository {
    /// The register's folder relative to the top, with `/` and a trailing `/` (or empty).
    voorvoegsel: String,
    map: std::path::PathBuf,
    pub ondiep: bool,
    /// Whether HEAD exists (a repository without commits has none).
    heeft_commits: bool,
}

/// What looking for the repository found.
pub enum Vondst {
    Repository(Repository),
    /// The register is in no Git repository.
    Geen,
    /// The `git` program could not be started.
    GeenProgramma,
    /// Git refuses to read the repository (it belongs to another user); with Git's own
    /// remedy, the command it suggests.
    Geweigerd(String),
}

fn git(map: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(map);
    // Reading only: never take the index lock, never fetch missing objects of a partial
    // clone, never page or colour.
    c.env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_PAGER", "cat")
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    c.stdin(Stdio::null());
    c
}

fn uitvoer(mut c: Command) -> io::Result<Option<Vec<u8>>> {
    let o = c.stderr(Stdio::null()).output()?;
    Ok(o.status.success().then_some(o.stdout))
}

/// The repository holding the folder `register`, if any.
pub fn repository(register: &Path) -> Vondst {
    let mut c = git(register);
    c.args(["rev-parse", "--show-prefix", "--is-shallow-repository"]);
    let o = match c.stderr(Stdio::piped()).output() {
        Err(_) => return Vondst::GeenProgramma,
        Ok(o) => o,
    };
    if !o.status.success() {
        let fout = String::from_utf8_lossy(&o.stderr);
        if fout.contains("dubious ownership") {
            let remedie = fout
                .lines()
                .map(str::trim)
                .find(|r| r.starts_with("git config"))
                .unwrap_or("git config --global --add safe.directory <map>");
            return Vondst::Geweigerd(remedie.to_string());
        }
        return Vondst::Geen;
    }
    let tekst = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut regels = tekst.lines();
    let (Some(voorvoegsel), Some(ondiep)) = (regels.next(), regels.next()) else {
        return Vondst::Geen;
    };
    let mut c = git(register);
    c.args(["rev-parse", "--verify", "--quiet", "HEAD"]);
    Vondst::Repository(Repository {
        voorvoegsel: voorvoegsel.to_string(),
        map: register.to_path_buf(),
        ondiep: ondiep == "true",
        heeft_commits: matches!(uitvoer(c), Ok(Some(_))),
    })
}

impl Repository {
    /// Pathspecs for `paden` (relative to the register), taken literally from the top.
    fn paden(&self, c: &mut Command, paden: &[&str]) {
        c.arg("--");
        for pad in paden {
            c.arg(format!(":(top,literal){}{pad}", self.voorvoegsel));
        }
    }
}

/// A commit on the first-parent line that changed one of the watched files.
#[derive(Debug, Clone)]
pub struct Commit {
    pub kort: String,
    /// Committer date, as a calendar date in the commit's own time zone.
    pub datum: NaiveDate,
    pub auteur: String,
    /// (path relative to the register, new blob id; None when the file was deleted).
    pub bestanden: Vec<(String, Option<String>)>,
}

/// The first-parent line of HEAD, oldest first, with the blobs of `paden` (relative to the
/// register) that each commit changed compared with its first parent. Err, saying what,
/// when Git fails or a commit's date cannot be read.
pub fn commits(repo: &Repository, paden: &[&str]) -> Result<Vec<Commit>, String> {
    if !repo.heeft_commits {
        return Ok(Vec::new());
    }
    let log = |args: &[&str]| {
        let mut c = git(&repo.map);
        c.args(["log", "--first-parent", "--reverse", "-z"])
            .args(args);
        repo.paden(&mut c, paden);
        uitvoer(c)
            .ok()
            .flatten()
            .ok_or_else(|| "git log faalde".to_string())
    };
    let lijst = log(&[
        "--diff-merges=first-parent",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--date=raw",
        "--format=%x01%H%x09%cd%x09%an",
    ])?;
    // `--no-abbrev` (for the blob ids) also lengthens %h: the short ids come apart.
    let korte = log(&["--format=%H %h"])?;
    let korte: FxHashMap<&[u8], &[u8]> = korte
        .split(|&b| b == 0)
        .filter_map(|r| {
            let r = r.strip_prefix(b"\n").unwrap_or(r);
            let spatie = r.iter().position(|&b| b == b' ')?;
            Some((&r[..spatie], &r[spatie + 1..]))
        })
        .collect();
    let mut commits: Vec<Commit> = Vec::new();
    let mut delen = lijst.split(|&b| b == 0);
    while let Some(deel) = delen.next() {
        let deel = deel.strip_prefix(b"\n").unwrap_or(deel);
        if let Some(kop) = deel.strip_prefix(b"\x01") {
            let kop = String::from_utf8_lossy(kop);
            let mut velden = kop.splitn(3, '\t');
            let (Some(id), Some(datum), Some(auteur)) =
                (velden.next(), velden.next(), velden.next())
            else {
                return Err("git log gaf onverwachte uitvoer".to_string());
            };
            let kort = korte
                .get(id.as_bytes())
                .ok_or_else(|| format!("commit {id} zonder korte naam"))?;
            let datum = commitdatum(datum).ok_or_else(|| {
                format!(
                    "commit {} heeft een datum die Git zelf niet kan lezen",
                    String::from_utf8_lossy(kort)
                )
            })?;
            commits.push(Commit {
                kort: String::from_utf8_lossy(kort).into_owned(),
                datum,
                auteur: auteur.to_string(),
                bestanden: Vec::new(),
            });
        } else if let Some(raw) = deel.strip_prefix(b":") {
            // ":100644 100644 <old> <new> M", then the path as the next part.
            let pad = delen
                .next()
                .ok_or_else(|| "git log gaf onverwachte uitvoer".to_string())?;
            let raw = String::from_utf8_lossy(raw);
            let velden: Vec<&str> = raw.split(' ').collect();
            let (Some(nieuw), Some(status)) = (velden.get(3), velden.get(4)) else {
                continue;
            };
            let pad = String::from_utf8_lossy(pad);
            let Some(relatief) = pad.strip_prefix(repo.voorvoegsel.as_str()) else {
                continue;
            };
            let blob = (!status.starts_with('D')).then(|| nieuw.to_string());
            if let Some(c) = commits.last_mut() {
                c.bestanden.push((relatief.to_string(), blob));
            }
        }
    }
    Ok(commits)
}

/// The calendar day of a commit in its own time zone, from its date as Git stores it:
/// `<seconds since 1970> <±hhmm>`. Every date Git accepts is read: from 1970 (a day of
/// 1969 in a zone west of Greenwich) to far beyond the year 9999; a date past what a
/// calendar date here can hold (the year 262143) is that year's last day. None when Git
/// itself could not read the date (it prints none).
pub fn commitdatum(raw: &str) -> Option<NaiveDate> {
    let mut delen = raw.split_whitespace();
    let seconden: i128 = delen.next()?.parse().ok()?;
    let zone = delen.next()?;
    let (teken, hhmm) = match zone.as_bytes().first()? {
        b'+' => (1, zone.get(1..)?),
        b'-' => (-1, zone.get(1..)?),
        _ => return None,
    };
    if hhmm.len() != 4 || !hhmm.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let uren: i128 = hhmm.get(..2)?.parse().ok()?;
    let minuten: i128 = hhmm.get(2..)?.parse().ok()?;
    let dagen = (seconden + teken * (uren * 3600 + minuten * 60)).div_euclid(86_400);
    let nul = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let aantal = chrono::Days::new(u64::try_from(dagen.unsigned_abs()).unwrap_or(u64::MAX));
    Some(if dagen >= 0 {
        nul.checked_add_days(aantal).unwrap_or(NaiveDate::MAX)
    } else {
        nul.checked_sub_days(aantal).unwrap_or(NaiveDate::MIN)
    })
}

/// The contents of blobs, in the order asked, read by a thread of its own a few versions
/// ahead of the caller, so Git unpacks while the caller compares.
pub struct Blobstroom {
    ontvanger: Receiver<Vec<u8>>,
    /// Buffers the caller is done with, for the reader to fill again.
    terug: std::sync::mpsc::SyncSender<Vec<u8>>,
}

impl Blobstroom {
    /// The next version; None when Git failed.
    pub fn volgende(&mut self) -> Option<Vec<u8>> {
        self.ontvanger.recv().ok()
    }

    /// Hands a buffer back for reuse: versions are large, and fresh memory for each costs
    /// more than copying into it.
    pub fn geef_terug(&self, buffer: Vec<u8>) {
        let _ = self.terug.try_send(buffer);
    }
}

/// Starts `git cat-file --batch` on `blobs`. One process reads them all: unpacking is
/// most of Git's work, and two processes would each unpack the delta bases the other did.
pub fn blobstroom(repo: &Repository, blobs: Vec<String>) -> Option<Blobstroom> {
    let (zender, ontvanger) = sync_channel(2);
    let (terug, hergebruik) = sync_channel::<Vec<u8>>(4);
    let stroom = Blobstroom { ontvanger, terug };
    if blobs.is_empty() {
        return Some(stroom);
    }
    let mut c = git(&repo.map);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut kind = c.spawn().ok()?;
    let mut invoer = kind.stdin.take()?;
    let uitvoer = kind.stdout.take()?;
    vergroot_pijp(&uitvoer);
    let aantal = blobs.len();
    std::thread::spawn(move || {
        let mut tekst = String::with_capacity(blobs.len() * 41);
        for blob in blobs {
            tekst.push_str(&blob);
            tekst.push('\n');
        }
        let _ = invoer.write_all(tekst.as_bytes());
    });
    std::thread::spawn(move || {
        let mut lezer = BufReader::with_capacity(1 << 16, uitvoer);
        for _ in 0..aantal {
            let buffer = hergebruik.try_recv().unwrap_or_default();
            let Some(inhoud) = lees_blob(&mut lezer, buffer) else {
                break;
            };
            if zender.send(inhoud).is_err() {
                break;
            }
        }
        let _ = kind.kill();
        let _ = kind.wait();
    });
    Some(stroom)
}

/// Widens the pipe the versions come through from 64 KiB to 1 MiB: Git then writes, and
/// this process reads, a version in a few system calls instead of dozens. `check` on the
/// history of `bench/historie.sh` (10,000 cases, 2,000 commits) took 3.6 s with it and
/// 5.0 s without (median of three, 7 December 2026). Where that is not allowed the pipe
/// stays as it is.
#[cfg(target_os = "linux")]
fn vergroot_pijp(pijp: &std::process::ChildStdout) {
    use std::os::fd::AsRawFd;
    // SAFETY: fcntl(F_SETPIPE_SZ) on a descriptor this process owns and keeps open while
    // `pijp` lives; it only changes the pipe's capacity, and a failure is harmless.
    unsafe {
        libc::fcntl(pijp.as_raw_fd(), libc::F_SETPIPE_SZ, 1 << 20);
    }
}

#[cfg(not(target_os = "linux"))]
fn vergroot_pijp(_: &std::process::ChildStdout) {}

/// One answer of `git cat-file --batch`: `<id> blob <size>`, the contents, a line break.
fn lees_blob(lezer: &mut impl BufRead, mut inhoud: Vec<u8>) -> Option<Vec<u8>> {
    let mut kop = String::new();
    lezer.read_line(&mut kop).ok()?;
    let mut velden = kop.split_whitespace();
    if velden.nth(1)? != "blob" {
        return None;
    }
    let grootte: usize = velden.next()?.parse().ok()?;
    inhoud.clear();
    // A version too large for this machine's memory is one that cannot be read, not a
    // reason to abort.
    inhoud.try_reserve(grootte).ok()?;
    lezer
        .by_ref()
        .take(grootte as u64)
        .read_to_end(&mut inhoud)
        .ok()?;
    if inhoud.len() != grootte {
        return None;
    }
    let mut eind = [0u8; 1];
    lezer.read_exact(&mut eind).ok()?;
    Some(inhoud)
}

/// The paths (relative to the register) among `paden` whose working-tree state differs
/// from HEAD: changed, added, deleted or untracked. None when Git fails.
pub fn gewijzigd(repo: &Repository, paden: &[&str]) -> Option<Vec<String>> {
    let mut c = git(&repo.map);
    c.args([
        "status",
        "--porcelain",
        "-z",
        "--untracked-files=all",
        "--no-renames",
    ]);
    repo.paden(&mut c, paden);
    let tekst = uitvoer(c).ok()??;
    // "XY <path>" per entry, the path relative to the top.
    Some(
        tekst
            .split(|&b| b == 0)
            .filter_map(|r| r.get(3..))
            .map(String::from_utf8_lossy)
            .filter_map(|pad| {
                pad.strip_prefix(repo.voorvoegsel.as_str())
                    .map(str::to_string)
            })
            .collect(),
    )
}

/// Where the register's folder stands in Git, for the evidence stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bronstand {
    /// The full id of HEAD; None in a repository without commits.
    pub commit: Option<String>,
    /// Whether a file in the register's folder differs from HEAD: changed, added,
    /// deleted or untracked (ignored files do not count).
    pub gewijzigd: bool,
}

/// The commit the folder `register` was read at, and whether it had uncommitted
/// changes. None outside a Git work tree, or when Git cannot be run.
pub fn bronstand(register: &Path) -> Option<Bronstand> {
    let mut c = git(register);
    c.args(["rev-parse", "--is-inside-work-tree"]);
    if uitvoer(c).ok()??.trim_ascii() != b"true" {
        return None;
    }
    let mut c = git(register);
    c.args(["rev-parse", "--verify", "--quiet", "HEAD"]);
    let commit = uitvoer(c)
        .ok()
        .flatten()
        .map(|id| String::from_utf8_lossy(id.trim_ascii()).into_owned())
        .filter(|id| !id.is_empty());
    let mut c = git(register);
    // `.`: the register's folder and everything in it (`-C` put us there).
    c.args([
        "status",
        "--porcelain",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--",
        ".",
    ]);
    let status = uitvoer(c).ok()??;
    Some(Bronstand {
        commit,
        gewijzigd: !status.is_empty(),
    })
}

#[cfg(test)]
mod tests {
    use super::commitdatum;
    use chrono::NaiveDate;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).unwrap()
    }

    #[test]
    fn elke_datum_die_git_aanneemt() {
        assert_eq!(commitdatum("1740945600 +1400"), Some(d(2025, 3, 3)));
        assert_eq!(commitdatum("1741039200 -1200"), Some(d(2025, 3, 3)));
        // 01:30 on 29 April in +02:00 is still 28 April in UTC: the commit's own day.
        assert_eq!(commitdatum("1745883000 +0200"), Some(d(2025, 4, 29)));
        // Git accepts @0 -1200 and then refuses to print it in ISO form.
        assert_eq!(commitdatum("0 -1200"), Some(d(1969, 12, 31)));
        assert_eq!(commitdatum("0 +0000"), Some(d(1970, 1, 1)));
        assert_eq!(commitdatum("253402300800 +0000"), Some(d(10000, 1, 1)));
        assert_eq!(commitdatum("99999999999 +0000"), Some(d(5138, 11, 16)));
        assert_eq!(
            commitdatum("9223372036854775807 +0000"),
            Some(NaiveDate::MAX)
        );
        assert_eq!(commitdatum("12 +9999"), Some(d(1970, 1, 5)));
        // What Git itself cannot read it prints as nothing.
        for onleesbaar in ["", " a", "abc +0000", "12", "12 0100", "12 +01", "12 +01x0"] {
            assert_eq!(commitdatum(onleesbaar), None, "{onleesbaar:?}");
        }
    }
}
