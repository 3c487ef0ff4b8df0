//! A register file that another program changes while `check` reads it (a save from Excel,
//! a `git checkout`) is read as far as it goes: what was read is checked, a record cut
//! short is an input error on its line, the evidence stamp names exactly the bytes that
//! were read, and the run never ends on a signal.
//!
//! The change is made while the process is known to be inside the file: its read position
//! (Linux's /proc/PID/fdinfo) has passed the start and not yet reached the bytes that
//! change.
#![cfg(target_os = "linux")]

use std::fs::{self, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Cases in the register: files of some megabytes, which take the process long enough to
/// read that the change lands inside them.
const ZAKEN: u64 = 40_000;

/// How far ahead of the process's read position a change must lie: the bytes it holds in
/// its buffers are read already.
const MARGE: u64 = 1 << 20;

/// Runs `check` on `map` and, once the process reads `bestand` and is still more than
/// [`MARGE`] before byte `voor`, calls `verander`. Returns the output, and whether
/// `verander` was called in time.
fn check_terwijl(map: &Path, bestand: &str, voor: u64, verander: impl FnOnce()) -> (Output, bool) {
    let kind = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args([
            "check",
            "--as-of",
            "2026-11-24",
            "--format",
            "json",
            "--register",
        ])
        .arg(map)
        .env("GIT_CEILING_DIRECTORIES", map.parent().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // As /proc shows it: without symbolic links.
    let doel = fs::canonicalize(map.join(bestand)).unwrap();
    let mut verander = Some(verander);
    let mut geopend = false;
    let begin = Instant::now();
    loop {
        match leespositie(kind.id(), &doel) {
            Some(positie) if positie > 0 && positie + MARGE < voor => {
                (verander.take().unwrap())();
                break;
            }
            // Too far in: too late this time.
            Some(positie) if positie > 0 => break,
            Some(_) => geopend = true,
            // Done with the file, or never to open it.
            None if geopend || klaar(kind.id()) => break,
            None if begin.elapsed() > Duration::from_secs(60) => break,
            None => {}
        }
        std::thread::sleep(Duration::from_micros(50));
    }
    (kind.wait_with_output().unwrap(), verander.is_none())
}

/// The read position of process `pid` in the file `pad`, when it has the file open.
fn leespositie(pid: u32, pad: &Path) -> Option<u64> {
    for fd in fs::read_dir(format!("/proc/{pid}/fd")).ok()?.flatten() {
        if fs::read_link(fd.path()).ok().as_deref() == Some(pad) {
            let info =
                fs::read_to_string(format!("/proc/{pid}/fdinfo/{}", fd.file_name().to_str()?))
                    .ok()?;
            let positie = info.lines().find_map(|r| r.strip_prefix("pos:"))?;
            return positie.trim().parse().ok();
        }
    }
    None
}

/// Whether process `pid` has ended (a zombie, not yet waited for) or is gone.
fn klaar(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z'))
    })
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Writes `inhoud` to `bestand` of `register` and checks the register while `verander`
/// changes the file (see [`check_terwijl`]), until the change lands in time (five tries).
/// Every run must end by itself, with the exit status of a check with input errors.
/// Returns the JSON report of the run in which the change landed.
fn check_met_verandering(
    register: &Path,
    bestand: &str,
    inhoud: &[u8],
    voor: usize,
    verander: impl Fn(),
) -> Value {
    for _ in 0..5 {
        fs::write(register.join(bestand), inhoud).unwrap();
        let (uit, op_tijd) = check_terwijl(register, bestand, voor as u64, &verander);
        let fout = String::from_utf8_lossy(&uit.stderr);
        assert_eq!(uit.status.signal(), None, "{:?} {fout}", uit.status);
        assert_eq!(uit.status.code(), Some(1), "{fout}");
        assert!(!fout.contains("panicked"), "{fout}");
        if op_tijd {
            return serde_json::from_slice(&uit.stdout).expect("JSON");
        }
    }
    panic!("{bestand} was never changed while check read it, in five tries");
}

/// Asserts that the report names an input error of `bestand` on line `regel`.
fn invoerfout_op(v: &Value, bestand: &str, regel: u64) {
    let fouten = v["input_errors"].as_array().unwrap();
    assert!(
        fouten
            .iter()
            .any(|f| f["file"] == bestand && f["line"] == regel),
        "no input error of {bestand} on line {regel}: {fouten:?}"
    );
}

/// The line a byte offset of `inhoud` is on.
fn regel_op(inhoud: &[u8], offset: usize) -> u64 {
    1 + inhoud[..offset].iter().filter(|&&b| b == b'\n').count() as u64
}

/// The offset of the first line that starts after `offset`.
fn regel_na(inhoud: &[u8], offset: usize) -> usize {
    offset + inhoud[offset..].iter().position(|&b| b == b'\n').unwrap() + 1
}

/// A register of [`ZAKEN`] generated cases from seed `zaad`, in a temporary folder (removed
/// when the first value is dropped).
fn gegenereerd(zaad: u64) -> (tempfile::TempDir, PathBuf) {
    let map = tempfile::tempdir().unwrap();
    let register = map.path().join("register");
    klachten::genereer::genereer(&register, ZAKEN, zaad).unwrap();
    (map, register)
}

#[test]
fn een_bestand_dat_krimpt_terwijl_het_gelezen_wordt() {
    let (_map, register) = gegenereerd(7);
    let pad = register.join("gebeurtenissen.csv");
    let inhoud = fs::read(&pad).unwrap();
    // Cut five bytes into the line after the middle: that record is cut short.
    let regelbegin = regel_na(&inhoud, inhoud.len() / 2);
    let snede = regelbegin + 5;
    let v = check_met_verandering(&register, "gebeurtenissen.csv", &inhoud, snede, || {
        let f = OpenOptions::new().write(true).open(&pad).unwrap();
        f.set_len(snede as u64).unwrap();
    });
    // Exactly the bytes before the cut were read, and stamped.
    let stempel = &v["summary"]["source"]["sha256"];
    assert_eq!(stempel["gebeurtenissen.csv"], sha256(&inhoud[..snede]));
    let klachten = fs::read(register.join("klachten.csv")).unwrap();
    assert_eq!(stempel["klachten.csv"], sha256(&klachten));
    // The record cut short is an input error on its own line, and every row was read up
    // to it, itself included.
    let regel = regel_op(&inhoud, regelbegin);
    invoerfout_op(&v, "gebeurtenissen.csv", regel);
    assert_eq!(v["summary"]["events"], regel - 1, "events read");
}

#[test]
fn een_bestand_dat_verandert_terwijl_het_gelezen_wordt() {
    let (_map, register) = gegenereerd(8);
    let pad = register.join("klachten.csv");
    let inhoud = fs::read(&pad).unwrap();
    // Three quarters in, the case number that starts a line becomes bytes that are no
    // UTF-8: as a save that is halfway written.
    let regelbegin = regel_na(&inhoud, inhoud.len() * 3 / 4);
    let rommel = b"\xff\xfe\xfd\xfc";
    assert_eq!(&inhoud[regelbegin..regelbegin + 4], b"SYN-");
    let mut veranderd = inhoud.clone();
    veranderd[regelbegin..regelbegin + rommel.len()].copy_from_slice(rommel);
    let v = check_met_verandering(&register, "klachten.csv", &inhoud, regelbegin, || {
        let mut f = OpenOptions::new().write(true).open(&pad).unwrap();
        f.seek(SeekFrom::Start(regelbegin as u64)).unwrap();
        f.write_all(rommel).unwrap();
    });
    // The changed file is what was read and stamped; the changed row is an input error
    // on its line, and every row was read.
    let stempel = &v["summary"]["source"]["sha256"];
    assert_eq!(stempel["klachten.csv"], sha256(&veranderd));
    invoerfout_op(&v, "klachten.csv", regel_op(&inhoud, regelbegin));
    assert_eq!(v["summary"]["cases"], ZAKEN, "cases read");
}
