//! The working-day calendar: which days count as working days (werkdagen), and when a term
//! in working days or in weeks ends.
//!
//! A working day is Monday to Friday, not a public holiday of the Algemene termijnenwet
//! (article 3) and not a configured closing day. A term of weeks that ends on another day
//! runs on to the next working day (article 1 of that act, applied by analogy).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The calendar of one regulation: its holidays, closing days and term rule.
#[derive(Debug, Clone, Default)]
pub struct Kalender {
    goede_vrijdag: bool,
    /// Sorted, without duplicates.
    sluitingsdagen: Vec<NaiveDate>,
    termijnenwet: bool,
}

impl Kalender {
    /// The defaults: no Good Friday, no closing days, the termijnenwet shift on.
    pub fn standaard() -> Kalender {
        Kalender::new(false, Vec::new(), true)
    }

    pub fn new(
        goede_vrijdag: bool,
        mut sluitingsdagen: Vec<NaiveDate>,
        termijnenwet: bool,
    ) -> Kalender {
        sluitingsdagen.sort();
        sluitingsdagen.dedup();
        Kalender {
            goede_vrijdag,
            sluitingsdagen,
            termijnenwet,
        }
    }

    /// The holiday or closing day on `dag`, by its Dutch name; None on other days
    /// (weekends are not named).
    pub fn vrije_dag(&self, dag: NaiveDate) -> Option<&'static str> {
        feestdag(dag, self.goede_vrijdag).or_else(|| {
            self.sluitingsdagen
                .binary_search(&dag)
                .is_ok()
                .then_some("Sluitingsdag")
        })
    }

    pub fn is_werkdag(&self, dag: NaiveDate) -> bool {
        !matches!(dag.weekday(), Weekday::Sat | Weekday::Sun) && self.vrije_dag(dag).is_none()
    }

    /// The `n`-th working day strictly after `dag`; `dag` itself for `n = 0`.
    pub fn werkdagen_na(&self, dag: NaiveDate, n: u32) -> NaiveDate {
        let mut d = dag;
        for _ in 0..n {
            d = self.eerstvolgende_werkdag(volgende(d));
        }
        d
    }

    /// `dag` plus `weken` weeks; with the termijnenwet on, moved to the next working day
    /// when that day is none.
    pub fn weken_na(&self, dag: NaiveDate, weken: u32) -> NaiveDate {
        let eind = dag
            .checked_add_days(Days::new(7 * u64::from(weken)))
            .unwrap_or(NaiveDate::MAX);
        if self.termijnenwet {
            self.eerstvolgende_werkdag(eind)
        } else {
            eind
        }
    }

    /// The first working day on or after `dag` (`NaiveDate::MAX` at the end of time).
    pub fn eerstvolgende_werkdag(&self, dag: NaiveDate) -> NaiveDate {
        let mut d = dag;
        while !self.is_werkdag(d) && d < NaiveDate::MAX {
            d = volgende(d);
        }
        d
    }

    /// The number of working days in `(van, tot]`: how many working days late an action
    /// on `tot` is for a deadline `van`. 0 when `tot <= van`.
    pub fn werkdagen_tussen(&self, van: NaiveDate, tot: NaiveDate) -> u32 {
        let mut n = 0u32;
        let mut d = van;
        while d < tot {
            d = volgende(d);
            if self.is_werkdag(d) {
                n = n.saturating_add(1);
            }
        }
        n
    }
}

fn volgende(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(NaiveDate::MAX)
}

/// Easter Sunday of `jaar` in the Gregorian calendar (the anonymous algorithm of Meeus).
pub fn pasen(jaar: i32) -> NaiveDate {
    let (maand, dag) = pasen_md(jaar);
    // The algorithm yields 22 March to 25 April, which exists in every year chrono knows.
    NaiveDate::from_ymd_opt(jaar, maand, dag).unwrap_or(NaiveDate::MIN)
}

const fn pasen_md(jaar: i32) -> (u32, u32) {
    let y = jaar as i64;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let maand = (h + l - 7 * m + 114).div_euclid(31);
    let dag = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    (maand as u32, dag as u32)
}

/// The day of the year (1 for 1 January) of Easter Sunday; it falls in March or April.
const fn paasdag(jaar: i32) -> u32 {
    let (maand, dag) = pasen_md(jaar);
    let schrikkeljaar = (jaar % 4 == 0 && jaar % 100 != 0) || jaar % 400 == 0;
    let maart = if schrikkeljaar { 31 + 29 } else { 31 + 28 };
    match maand {
        3 => maart + dag,
        _ => maart + 31 + dag,
    }
}

/// Easter for the years registers are kept in, worked out at compile time: a term of
/// working days asks for it for every day it passes from March to June.
const PAASDAGEN_VANAF: i32 = 1900;
const PAASDAGEN: [u16; 300] = {
    let mut dagen = [0; 300];
    let mut i = 0;
    while i < dagen.len() {
        dagen[i] = paasdag(PAASDAGEN_VANAF + i as i32) as u16;
        i += 1;
    }
    dagen
};

fn paasdag_van(jaar: i32) -> u32 {
    let uit_tabel = jaar
        .checked_sub(PAASDAGEN_VANAF)
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| PAASDAGEN.get(i));
    match uit_tabel {
        Some(&dag) => u32::from(dag),
        None => paasdag(jaar),
    }
}

/// Days after Easter Sunday of the moving holidays.
const PAASMAANDAG: i64 = 1;
const HEMELVAART: i64 = 39;
const PINKSTERMAANDAG: i64 = 50;
const GOEDE_VRIJDAG: i64 = -2;

/// The public holiday on `dag`, if any. Cheap: fixed dates by month and day; Easter only
/// for days from March to June.
fn feestdag(dag: NaiveDate, goede_vrijdag: bool) -> Option<&'static str> {
    let (maand, d) = (dag.month(), dag.day());
    match (maand, d) {
        (1, 1) => return Some("Nieuwjaarsdag"),
        (4, 27) if dag.weekday() != Weekday::Sun => return Some("Koningsdag"),
        (4, 26) if dag.weekday() == Weekday::Sat => return Some("Koningsdag"),
        (5, 5) => return Some("Bevrijdingsdag"),
        (12, 25) => return Some("Eerste Kerstdag"),
        (12, 26) => return Some("Tweede Kerstdag"),
        _ => {}
    }
    if !(3..=6).contains(&maand) {
        return None;
    }
    match i64::from(dag.ordinal()) - i64::from(paasdag_van(dag.year())) {
        0 => Some("Eerste Paasdag"),
        PAASMAANDAG => Some("Tweede Paasdag"),
        HEMELVAART => Some("Hemelvaartsdag"),
        49 => Some("Eerste Pinksterdag"),
        PINKSTERMAANDAG => Some("Tweede Pinksterdag"),
        GOEDE_VRIJDAG if goede_vrijdag => Some("Goede Vrijdag"),
        _ => None,
    }
}

/// The public holidays of `jaar`, in date order, with their Dutch names (Good Friday only
/// when `goede_vrijdag`). Easter Sunday and Whit Sunday are listed too; they fall on a
/// Sunday and cost no working day.
pub fn feestdagen(jaar: i32, goede_vrijdag: bool) -> Vec<(NaiveDate, &'static str)> {
    let Some(begin) = NaiveDate::from_ymd_opt(jaar, 1, 1) else {
        return Vec::new();
    };
    begin
        .iter_days()
        .take_while(|d| d.year() == jaar)
        .filter_map(|d| feestdag(d, goede_vrijdag).map(|naam| (d, naam)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(tekst: &str) -> NaiveDate {
        NaiveDate::parse_from_str(tekst, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn uitgewerkte_voorbeelden() {
        let k = Kalender::standaard();
        // Easter Monday 21 April; Koningsdag on Saturday 26 April.
        assert_eq!(d("2025-04-18").weekday(), Weekday::Fri);
        assert_eq!(k.werkdagen_na(d("2025-04-18"), 5), d("2025-04-28"));
        // 25 and 26 December.
        assert_eq!(k.werkdagen_na(d("2025-12-22"), 5), d("2025-12-31"));
        // 29 May is Ascension Day.
        assert_eq!(k.weken_na(d("2025-05-01"), 4), d("2025-05-30"));
        // 25 April is a Saturday, Monday 27 April is Koningsdag.
        assert_eq!(k.weken_na(d("2026-03-28"), 4), d("2026-04-28"));
        // 27 April and 5 May.
        assert_eq!(k.werkdagen_na(d("2026-04-25"), 5), d("2026-05-04"));
    }

    #[test]
    fn pasen_2024_tot_2030() {
        for (jaar, datum) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
            (1818, "1818-03-22"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(pasen(jaar), d(datum), "{jaar}");
            assert_eq!(pasen(jaar).weekday(), Weekday::Sun);
        }
    }

    /// Every holiday that costs a working day or could, 2024 to 2030.
    #[test]
    fn alle_feestdagen_2024_tot_2030() {
        let tabel: &[(i32, [&str; 8])] = &[
            // Nieuwjaar, Paasmaandag, Koningsdag, Bevrijdingsdag, Hemelvaart, Pinkstermaandag, Kerst 1, Kerst 2
            (
                2024,
                [
                    "2024-01-01",
                    "2024-04-01",
                    "2024-04-27",
                    "2024-05-05",
                    "2024-05-09",
                    "2024-05-20",
                    "2024-12-25",
                    "2024-12-26",
                ],
            ),
            (
                2025,
                [
                    "2025-01-01",
                    "2025-04-21",
                    "2025-04-26",
                    "2025-05-05",
                    "2025-05-29",
                    "2025-06-09",
                    "2025-12-25",
                    "2025-12-26",
                ],
            ),
            (
                2026,
                [
                    "2026-01-01",
                    "2026-04-06",
                    "2026-04-27",
                    "2026-05-05",
                    "2026-05-14",
                    "2026-05-25",
                    "2026-12-25",
                    "2026-12-26",
                ],
            ),
            (
                2027,
                [
                    "2027-01-01",
                    "2027-03-29",
                    "2027-04-27",
                    "2027-05-05",
                    "2027-05-06",
                    "2027-05-17",
                    "2027-12-25",
                    "2027-12-26",
                ],
            ),
            (
                2028,
                [
                    "2028-01-01",
                    "2028-04-17",
                    "2028-04-27",
                    "2028-05-05",
                    "2028-05-25",
                    "2028-06-05",
                    "2028-12-25",
                    "2028-12-26",
                ],
            ),
            (
                2029,
                [
                    "2029-01-01",
                    "2029-04-02",
                    "2029-04-27",
                    "2029-05-05",
                    "2029-05-10",
                    "2029-05-21",
                    "2029-12-25",
                    "2029-12-26",
                ],
            ),
            (
                2030,
                [
                    "2030-01-01",
                    "2030-04-22",
                    "2030-04-27",
                    "2030-05-05",
                    "2030-05-30",
                    "2030-06-10",
                    "2030-12-25",
                    "2030-12-26",
                ],
            ),
        ];
        let namen = [
            "Nieuwjaarsdag",
            "Tweede Paasdag",
            "Koningsdag",
            "Bevrijdingsdag",
            "Hemelvaartsdag",
            "Tweede Pinksterdag",
            "Eerste Kerstdag",
            "Tweede Kerstdag",
        ];
        for (jaar, dagen) in tabel {
            let lijst = feestdagen(*jaar, false);
            let zonder_zondagen: Vec<_> = lijst
                .iter()
                .filter(|(_, n)| !matches!(*n, "Eerste Paasdag" | "Eerste Pinksterdag"))
                .collect();
            assert_eq!(zonder_zondagen.len(), 8, "{jaar}: {lijst:?}");
            for ((dag, naam), (verwacht, verwachte_naam)) in
                zonder_zondagen.iter().zip(dagen.iter().zip(namen))
            {
                assert_eq!((*dag, *naam), (d(verwacht), verwachte_naam), "{jaar}");
            }
        }
        // Koningsdag: 26 April when 27 April is a Sunday (2025), on Saturday when the 27th
        // is one (2024, 2030).
        assert_eq!(d("2025-04-27").weekday(), Weekday::Sun);
        assert_eq!(d("2024-04-27").weekday(), Weekday::Sat);
        assert_eq!(d("2030-04-27").weekday(), Weekday::Sat);
        let k = Kalender::standaard();
        assert_eq!(k.vrije_dag(d("2025-04-27")), None);
        assert_eq!(k.vrije_dag(d("2024-04-26")), None);
    }

    #[test]
    fn weekdagen_die_feestdag_zijn_zijn_geen_werkdag() {
        let k = Kalender::standaard();
        for dag in [
            "2026-04-06",
            "2026-04-27",
            "2026-05-05",
            "2026-05-14",
            "2026-05-25",
            "2025-12-25",
            "2025-12-26",
            "2026-01-01",
        ] {
            assert!(!k.is_werkdag(d(dag)), "{dag}");
        }
        for dag in [
            "2026-04-03",
            "2026-04-07",
            "2025-12-24",
            "2025-12-31",
            "2026-04-28",
        ] {
            assert!(k.is_werkdag(d(dag)), "{dag}");
        }
        assert!(!k.is_werkdag(d("2026-04-04")), "zaterdag");
        assert!(!k.is_werkdag(d("2026-04-05")), "zondag");
    }

    #[test]
    fn paasdagen_uit_de_tabel_kloppen() {
        for jaar in (1583..2600).chain([-4000, 0, 9999]) {
            let pasen = pasen(jaar);
            assert_eq!(paasdag_van(jaar), pasen.ordinal(), "{jaar}");
            assert_eq!(paasdag(jaar), pasen.ordinal(), "{jaar}");
        }
    }

    #[test]
    fn goede_vrijdag_alleen_als_ingesteld() {
        // Good Friday 2025 is 18 April.
        assert!(Kalender::standaard().is_werkdag(d("2025-04-18")));
        let k = Kalender::new(true, Vec::new(), true);
        assert_eq!(k.vrije_dag(d("2025-04-18")), Some("Goede Vrijdag"));
        // Thu 17 April + 1 working day: Good Friday, weekend, Easter Monday → Tue 22 April.
        assert_eq!(k.werkdagen_na(d("2025-04-17"), 1), d("2025-04-22"));
        assert!(feestdagen(2025, true).contains(&(d("2025-04-18"), "Goede Vrijdag")));
        assert!(!feestdagen(2025, false)
            .iter()
            .any(|(_, n)| *n == "Goede Vrijdag"));
    }

    #[test]
    fn sluitingsdagen() {
        let k = Kalender::new(
            false,
            vec![d("2025-12-24"), d("2025-12-29"), d("2025-12-24")],
            true,
        );
        assert_eq!(k.vrije_dag(d("2025-12-24")), Some("Sluitingsdag"));
        // Mon 22 December + 5: 23, 30, 31, 2 Jan (1 Jan holiday), 5 Jan.
        assert_eq!(k.werkdagen_na(d("2025-12-22"), 5), d("2026-01-05"));
    }

    #[test]
    fn termijnenwet_uit() {
        let k = Kalender::new(false, Vec::new(), false);
        assert_eq!(k.weken_na(d("2025-05-01"), 4), d("2025-05-29"));
        assert_eq!(k.weken_na(d("2026-03-28"), 4), d("2026-04-25"));
    }

    #[test]
    fn nul_werkdagen_is_de_dag_zelf() {
        let k = Kalender::standaard();
        assert_eq!(k.werkdagen_na(d("2026-04-04"), 0), d("2026-04-04"));
        assert_eq!(k.werkdagen_na(d("2026-04-04"), 1), d("2026-04-07"));
    }

    #[test]
    fn werkdagen_tussen_telt_wat_erna_komt() {
        let k = Kalender::standaard();
        assert_eq!(k.werkdagen_tussen(d("2025-04-28"), d("2025-04-30")), 2);
        assert_eq!(k.werkdagen_tussen(d("2025-04-28"), d("2025-04-28")), 0);
        assert_eq!(k.werkdagen_tussen(d("2025-04-30"), d("2025-04-28")), 0);
        // Friday to Saturday: no working day later.
        assert_eq!(k.werkdagen_tussen(d("2025-05-02"), d("2025-05-03")), 0);
        // Over Christmas and New Year.
        assert_eq!(k.werkdagen_tussen(d("2025-12-24"), d("2026-01-02")), 4);
    }

    #[test]
    fn uiterste_datums_geven_geen_paniek() {
        let k = Kalender::new(true, vec![NaiveDate::MAX], true);
        for dag in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            d("9999-12-31"),
            d("0001-01-01"),
        ] {
            let _ = k.werkdagen_na(dag, 5);
            let _ = k.weken_na(dag, 52_000);
            let _ = k.werkdagen_tussen(dag, dag + Days::new(0));
            let _ = k.werkdagen_tussen(d("9999-01-01"), d("9999-12-31"));
            let _ = k.is_werkdag(dag);
        }
        let _ = feestdagen(i32::MAX, true);
        let _ = pasen(-4000);
    }
}
