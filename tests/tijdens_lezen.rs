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
use std::path::Path;
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

/// The run ended by itself, with the exit status of a check with input errors.
fn zonder_signaal(uit: &Output) -> Value {
    let fout = String::from_utf8_lossy(&uit.stderr);
    assert_eq!(uit.status.signal(), None, "{:?} {fout}", uit.status);
    assert_eq!(uit.status.code(), Some(1), "{fout}");
    assert!(!fout.contains("panicked"), "{fout}");
    serde_json::from_slice(&uit.stdout).expect("JSON")
}

/// The line a byte offset of `inhoud` is on.
fn regel_op(inhoud: &[u8], offset: usize) -> u64 {
    1 + inhoud[..offset].iter().filter(|&&b| b == b'\n').count() as u64
}

#[test]
fn een_bestand_dat_krimpt_terwijl_het_gelezen_wordt() {
    let map = tempfile::tempdir().unwrap();
    let register = map.path().join("register");
    klachten::genereer::genereer(&register, ZAKEN, 7).unwrap();
    let pad = register.join("gebeurtenissen.csv");
    let inhoud = fs::read(&pad).unwrap();
    // Cut five bytes into the line after the middle: that record is cut short.
    let midden = inhoud.len() / 2;
    let regelbegin = midden + inhoud[midden..].iter().position(|&b| b == b'\n').unwrap() + 1;
    let snede = regelbegin + 5;
    for _ in 0..5 {
        fs::write(&pad, &inhoud).unwrap();
        let (uit, gesneden) = check_terwijl(&register, "gebeurtenissen.csv", snede as u64, || {
            OpenOptions::new()
                .write(true)
                .open(&pad)
                .unwrap()
                .set_len(snede as u64)
                .unwrap();
        });
        let v = zonder_signaal(&uit);
        if !gesneden {
            continue;
        }
        // Exactly the bytes before the cut were read, and stamped.
        let stempel = &v["summary"]["source"]["sha256"];
        assert_eq!(stempel["gebeurtenissen.csv"], sha256(&inhoud[..snede]));
        assert_eq!(
            stempel["klachten.csv"],
            sha256(&fs::read(register.join("klachten.csv")).unwrap())
        );
        // The record cut short is an input error on its own line.
        let regel = regel_op(&inhoud, regelbegin);
        let fouten = v["input_errors"].as_array().unwrap();
        assert!(
            fouten
                .iter()
                .any(|f| f["file"] == "gebeurtenissen.csv" && f["line"] == regel),
            "no input error on line {regel}: {fouten:?}"
        );
        // Every row was read up to the cut, the one cut short included.
        assert_eq!(v["summary"]["events"], regel - 1, "events read");
        return;
    }
    panic!("gebeurtenissen.csv was never cut while check read it, in five tries");
}

#[test]
fn een_bestand_dat_verandert_terwijl_het_gelezen_wordt() {
    let map = tempfile::tempdir().unwrap();
    let register = map.path().join("register");
    klachten::genereer::genereer(&register, ZAKEN, 8).unwrap();
    let pad = register.join("klachten.csv");
    let inhoud = fs::read(&pad).unwrap();
    // Three quarters in, the case number that starts a line becomes bytes that are no
    // UTF-8: as a save that is halfway written.
    let plek = inhoud.len() * 3 / 4;
    let regelbegin = plek + inhoud[plek..].iter().position(|&b| b == b'\n').unwrap() + 1;
    let rommel = b"\xff\xfe\xfd\xfc";
    assert_eq!(&inhoud[regelbegin..regelbegin + 4], b"SYN-");
    let mut veranderd = inhoud.clone();
    veranderd[regelbegin..regelbegin + rommel.len()].copy_from_slice(rommel);
    for _ in 0..5 {
        fs::write(&pad, &inhoud).unwrap();
        let (uit, op_tijd) = check_terwijl(&register, "klachten.csv", regelbegin as u64, || {
            let mut f = OpenOptions::new().write(true).open(&pad).unwrap();
            f.seek(SeekFrom::Start(regelbegin as u64)).unwrap();
            f.write_all(rommel).unwrap();
        });
        let v = zonder_signaal(&uit);
        if !op_tijd {
            continue;
        }
        // The changed file is what was read and stamped.
        let stempel = &v["summary"]["source"]["sha256"];
        assert_eq!(stempel["klachten.csv"], sha256(&veranderd));
        // The changed row is an input error on its line; every row was read.
        let regel = regel_op(&inhoud, regelbegin);
        let fouten = v["input_errors"].as_array().unwrap();
        assert!(
            fouten
                .iter()
                .any(|f| f["file"] == "klachten.csv" && f["line"] == regel),
            "no input error on line {regel}: {fouten:?}"
        );
        assert_eq!(v["summary"]["cases"], ZAKEN, "cases read");
        return;
    }
    panic!("klachten.csv was never changed while check read it, in five tries");
}
