//! Dates as the register writes them and as Dutch readers read them.
//!
//! The register accepts `YYYY-MM-DD` and `DD-MM-YYYY` ([`lees`]); the tool shows dates day
//! first ([`dmj`]) to people and year first ([`jmd`]) to machines (JSON).

use chrono::{Datelike, NaiveDate};

/// Why a date value was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datumfout {
    /// Not of the form `YYYY-MM-DD` or `DD-MM-YYYY`.
    Vorm,
    /// Of the right form, but no such day exists (`31-02-2025`).
    BestaatNiet,
}

impl Datumfout {
    /// The reason, in Dutch, for an input error.
    pub fn bericht(self) -> &'static str {
        match self {
            Datumfout::Vorm => "geen datum: verwacht JJJJ-MM-DD of DD-MM-JJJJ",
            Datumfout::BestaatNiet => "geen bestaande datum",
        }
    }
}

/// Reads a date written as `YYYY-MM-DD` or `DD-MM-YYYY` (already trimmed).
pub fn lees(waarde: &str) -> Result<NaiveDate, Datumfout> {
    let b = waarde.as_bytes();
    if b.len() != 10 {
        return Err(Datumfout::Vorm);
    }
    let getal = |bereik: std::ops::Range<usize>| -> Option<u32> {
        b[bereik].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (jaar, maand, dag) = if b[4] == b'-' && b[7] == b'-' {
        (getal(0..4), getal(5..7), getal(8..10))
    } else if b[2] == b'-' && b[5] == b'-' {
        (getal(6..10), getal(3..5), getal(0..2))
    } else {
        return Err(Datumfout::Vorm);
    };
    let (Some(jaar), Some(maand), Some(dag)) = (jaar, maand, dag) else {
        return Err(Datumfout::Vorm);
    };
    // A four-digit year always fits in i32.
    NaiveDate::from_ymd_opt(jaar as i32, maand, dag).ok_or(Datumfout::BestaatNiet)
}

/// Whether `waarde` (a valid date) was written day first, `DD-MM-YYYY`.
pub fn is_dag_eerst(waarde: &str) -> bool {
    waarde.as_bytes().get(2) == Some(&b'-')
}

/// A date as Dutch readers write it: 28-04-2025.
pub fn dmj(datum: NaiveDate) -> String {
    Geschreven::dmj(datum).to_string()
}

/// A date as `YYYY-MM-DD`.
pub fn jmd(datum: NaiveDate) -> String {
    Geschreven::jmd(datum).to_string()
}

/// A date to be written day first or year first, without a string of its own: every
/// finding's message and JSON carry dates. Written digit by digit: `format!` with padding
/// took some 1,400 instructions a date, this some 60 (callgrind).
#[derive(Debug, Clone, Copy)]
pub struct Geschreven {
    datum: NaiveDate,
    dag_eerst: bool,
}

impl Geschreven {
    pub fn dmj(datum: NaiveDate) -> Geschreven {
        Geschreven {
            datum,
            dag_eerst: true,
        }
    }

    pub fn jmd(datum: NaiveDate) -> Geschreven {
        Geschreven {
            datum,
            dag_eerst: false,
        }
    }
}

impl std::fmt::Display for Geschreven {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.datum;
        let Ok(jaar @ 0..=9999) = u32::try_from(d.year()) else {
            let vorm = if self.dag_eerst {
                "%d-%m-%Y"
            } else {
                "%Y-%m-%d"
            };
            return write!(f, "{}", d.format(vorm));
        };
        let delen = if self.dag_eerst {
            [(d.day(), 2), (d.month(), 2), (jaar, 4)]
        } else {
            [(jaar, 4), (d.month(), 2), (d.day(), 2)]
        };
        let mut tekens = [b'-'; 10];
        let mut plek = 0;
        for (getal, breedte) in delen {
            for macht in (0..breedte).rev() {
                tekens[plek] = b'0' + (getal / 10u32.pow(macht) % 10) as u8;
                plek += 1;
            }
            plek += 1;
        }
        // Digits and dashes only.
        f.write_str(std::str::from_utf8(&tekens).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).unwrap()
    }

    #[test]
    fn beide_schrijfwijzen() {
        assert_eq!(lees("2025-04-28"), Ok(d(2025, 4, 28)));
        assert_eq!(lees("28-04-2025"), Ok(d(2025, 4, 28)));
        assert_eq!(lees("0202-01-05"), Ok(d(202, 1, 5)));
        assert!(is_dag_eerst("28-04-2025") && !is_dag_eerst("2025-04-28"));
    }

    #[test]
    fn vorm_en_bestaan() {
        for fout in [
            "",
            "2025-4-28",
            "28/04/2025",
            "2025-04-28 ",
            "20250428xx",
            "2025-0a-28",
            "+025-04-28",
            "28-04-20255",
            "é025-04-2",
        ] {
            assert_eq!(lees(fout), Err(Datumfout::Vorm), "{fout:?}");
        }
        assert_eq!(lees("31-02-2025"), Err(Datumfout::BestaatNiet));
        assert_eq!(lees("2025-13-01"), Err(Datumfout::BestaatNiet));
        assert_eq!(lees("29-02-2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn geschreven_zoals_chrono_ze_schrijft() {
        let mut dag = d(0, 1, 1);
        while dag < d(10001, 1, 1) {
            assert_eq!(dmj(dag), dag.format("%d-%m-%Y").to_string());
            assert_eq!(jmd(dag), dag.format("%Y-%m-%d").to_string());
            dag = dag + chrono::Days::new(37);
        }
    }

    #[test]
    fn tonen() {
        assert_eq!(dmj(d(2025, 4, 28)), "28-04-2025");
        assert_eq!(jmd(d(2025, 4, 28)), "2025-04-28");
        assert_eq!(jmd(d(5, 1, 2)), "0005-01-02");
        // Beyond four digits, as chrono writes them.
        assert_eq!(jmd(d(10000, 1, 2)), "+10000-01-02");
        assert_eq!(dmj(d(-1, 1, 2)), d(-1, 1, 2).format("%d-%m-%Y").to_string());
    }
}
