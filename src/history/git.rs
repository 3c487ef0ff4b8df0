//! Talking to Git. The `git` binary is used rather than a library: it is on every machine
//! that holds a Git register, adds nothing to the build, and with `safe.directory=*` reads
//! checkouts owned by another user (CI containers). Its output is parsed here only.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{sync_channel, Receiver};

use chrono::NaiveDate;

/// Where the register lies in its repository.
pub struct Repository {
    /// The register's folder relative to the top, with `/` and a trailing `/` (or empty).
    pub voorvoegsel: String,
    pub map: PathBuf,
    pub ondiep: bool,
    /// Whether HEAD exists (a repository without commits has none).
    pub heeft_commits: bool,
}

fn git(map: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-c").arg("safe.directory=*").arg("-C").arg(map);
    c.env("GIT_OPTIONAL_LOCKS", "0").env("LC_ALL", "C");
    c.stdin(Stdio::null());
    c
}

fn uitvoer(mut c: Command) -> Option<String> {
    let o = c.stderr(Stdio::null()).output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The repository holding `register`, if any.
pub fn repository(register: &Path) -> Option<Repository> {
    let mut c = git(register);
    c.args(["rev-parse", "--show-prefix", "--is-shallow-repository"]);
    let tekst = uitvoer(c)?;
    let mut regels = tekst.lines();
    let voorvoegsel = regels.next()?.to_string();
    let ondiep = regels.next()? == "true";
    let mut c = git(register);
    c.args(["rev-parse", "--verify", "--quiet", "HEAD"]);
    Some(Repository {
        voorvoegsel,
        map: register.to_path_buf(),
        ondiep,
        heeft_commits: uitvoer(c).is_some(),
    })
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
/// register) each commit changed compared with its first parent.
pub fn commits(repo: &Repository, paden: &[&str]) -> Option<Vec<Commit>> {
    if !repo.heeft_commits {
        return Some(Vec::new());
    }
    let mut c = git(&repo.map);
    c.args([
        "log",
        "--first-parent",
        "--reverse",
        "--diff-merges=first-parent",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--format=%x01%H%x09%h%x09%cI%x09%an",
        "--",
    ]);
    for pad in paden {
        c.arg(format!(":(top){}{pad}", repo.voorvoegsel));
    }
    let tekst = uitvoer(c)?;
    // `--no-abbrev` (for the blob ids) also lengthens %h: ask for the short ids apart.
    let mut c = git(&repo.map);
    c.args(["log", "--first-parent", "--reverse", "--format=%h", "--"]);
    for pad in paden {
        c.arg(format!(":(top){}{pad}", repo.voorvoegsel));
    }
    let korte = uitvoer(c)?;
    let mut korte = korte.lines();
    let mut commits: Vec<Commit> = Vec::new();
    for regel in tekst.lines() {
        if let Some(kop) = regel.strip_prefix('\u{1}') {
            let delen: Vec<&str> = kop.split('\t').collect();
            let [_, _, datum, auteur] = delen[..] else {
                continue;
            };
            let kort = korte.next()?;
            let datum = datum
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())?;
            commits.push(Commit {
                kort: kort.to_string(),
                datum,
                auteur: auteur.to_string(),
                bestanden: Vec::new(),
            });
        } else if let Some(raw) = regel.strip_prefix(':') {
            // ":100644 100644 <oud> <nieuw> M\t<pad>"
            let Some((velden, pad)) = raw.split_once('\t') else {
                continue;
            };
            let velden: Vec<&str> = velden.split(' ').collect();
            let (Some(nieuw), Some(status)) = (velden.get(3), velden.get(4)) else {
                continue;
            };
            let Some(relatief) = pad.strip_prefix(repo.voorvoegsel.as_str()) else {
                continue;
            };
            let blob = (!status.starts_with('D')).then(|| nieuw.to_string());
            if let Some(c) = commits.last_mut() {
                c.bestanden.push((relatief.to_string(), blob));
            }
        }
    }
    Some(commits)
}

/// The contents of `blobs`, in order, read by a thread of its own a few versions ahead of
/// the caller, so Git unpacks while the caller compares. Unpacking is most of the work;
/// splitting it over two `git cat-file` processes was measured to be twice as slow (each
/// loses the delta bases the other unpacked), so one process reads them all.
pub struct Blobstroom {
    stromen: Vec<Receiver<Vec<u8>>>,
    volgende: usize,
}

impl Blobstroom {
    /// The next version; None when Git failed.
    pub fn volgende(&mut self) -> Option<Vec<u8>> {
        let stroom = self
            .stromen
            .get(self.volgende % self.stromen.len().max(1))?;
        self.volgende += 1;
        stroom.recv().ok()
    }
}

pub fn blobstroom(repo: &Repository, blobs: Vec<String>) -> Option<Blobstroom> {
    const PROCESSEN: usize = 1;
    let mut stromen = Vec::new();
    for deel in 0..PROCESSEN {
        let eigen: Vec<String> = blobs
            .iter()
            .skip(deel)
            .step_by(PROCESSEN)
            .cloned()
            .collect();
        stromen.push(een_stroom(repo, eigen)?);
    }
    Some(Blobstroom {
        stromen,
        volgende: 0,
    })
}

fn een_stroom(repo: &Repository, blobs: Vec<String>) -> Option<Receiver<Vec<u8>>> {
    let (zender, ontvanger) = sync_channel(3);
    if blobs.is_empty() {
        return Some(ontvanger);
    }
    let mut c = git(&repo.map);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut kind = c.spawn().ok()?;
    let mut invoer = kind.stdin.take()?;
    let uitvoer = kind.stdout.take()?;
    let aantal = blobs.len();
    std::thread::spawn(move || {
        for blob in blobs {
            if writeln!(invoer, "{blob}").is_err() {
                return;
            }
        }
    });
    std::thread::spawn(move || {
        let mut lezer = BufReader::with_capacity(1 << 20, uitvoer);
        for _ in 0..aantal {
            let Some(inhoud) = lees_blob(&mut lezer) else {
                break;
            };
            if zender.send(inhoud).is_err() {
                break;
            }
        }
        let _ = kind.kill();
        let _ = kind.wait();
    });
    Some(ontvanger)
}

/// One answer of `git cat-file --batch`: "<id> blob <size>", the contents, a line break.
fn lees_blob(lezer: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut kop = String::new();
    lezer.read_line(&mut kop).ok()?;
    let grootte: usize = kop.split_whitespace().nth(2)?.parse().ok()?;
    let mut inhoud = vec![0; grootte];
    lezer.read_exact(&mut inhoud).ok()?;
    let mut eind = [0u8; 1];
    lezer.read_exact(&mut eind).ok()?;
    Some(inhoud)
}

/// Whether the working tree differs from HEAD for any of `paden`.
pub fn gewijzigd(repo: &Repository, paden: &[&str]) -> bool {
    let mut c = git(&repo.map);
    c.args(["status", "--porcelain", "--untracked-files=all", "--"]);
    for pad in paden {
        c.arg(format!(":(top){}{pad}", repo.voorvoegsel));
    }
    uitvoer(c).is_some_and(|t| !t.trim().is_empty())
}
