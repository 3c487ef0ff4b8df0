//! The floor for `bench/check.sh`: the csv crate merely parsing a register's two files, one
//! after the other, into one reused record, and counting the records. Nothing else: no UTF-8
//! checks, no types, no rules, no output. `klachten check` cannot be faster than this.
//!
//!     cargo run --release --example vloer -- target/bench-data/zaken-100000

use std::path::PathBuf;
use std::process::ExitCode;

fn tel(pad: &std::path::Path) -> csv::Result<u64> {
    let mut lezer = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(pad)?;
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while lezer.read_byte_record(&mut record)? {
        n += 1;
    }
    Ok(n)
}

fn main() -> ExitCode {
    let Some(map) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("gebruik: vloer MAP");
        return ExitCode::from(2);
    };
    for bestand in ["klachten.csv", "gebeurtenissen.csv"] {
        match tel(&map.join(bestand)) {
            Ok(n) => println!("{bestand}: {n} records"),
            Err(e) => {
                eprintln!("{bestand}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
