//! Talking to Git. The `git` binary is used rather than a library: it is on every machine
//! that holds a Git register, adds nothing to the build, and with `safe.directory=*` reads
//! checkouts owned by another user (CI containers). Its output is parsed here only.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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

/// The contents of `blobs`, in order, read through one `git cat-file --batch`.
pub fn blobs(repo: &Repository, blobs: &[String]) -> Option<Vec<Vec<u8>>> {
    if blobs.is_empty() {
        return Some(Vec::new());
    }
    let mut c = git(&repo.map);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut kind = c.spawn().ok()?;
    let mut invoer = kind.stdin.take()?;
    let lijst: Vec<u8> = blobs
        .iter()
        .flat_map(|b| format!("{b}\n").into_bytes())
        .collect();
    let schrijver = std::thread::spawn(move || {
        let _ = invoer.write_all(&lijst);
    });
    let mut lezer = BufReader::with_capacity(1 << 20, kind.stdout.take()?);
    let mut uit = Vec::with_capacity(blobs.len());
    for _ in blobs {
        let mut kop = String::new();
        lezer.read_line(&mut kop).ok()?;
        // "<id> blob <size>" or "<id> missing"
        let grootte: usize = kop.split_whitespace().nth(2)?.parse().ok()?;
        let mut inhoud = vec![0; grootte];
        lezer.read_exact(&mut inhoud).ok()?;
        let mut eind = [0u8; 1];
        lezer.read_exact(&mut eind).ok()?;
        uit.push(inhoud);
    }
    let _ = schrijver.join();
    let _ = kind.wait();
    Some(uit)
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
