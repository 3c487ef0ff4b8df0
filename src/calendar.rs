//! The working-day calendar: which days count as working days (werkdagen), and when a term
//! in working days or in weeks ends.
//!
//! A working day is Monday to Friday, not a public holiday of article 3 of the Algemene
//! termijnenwet and not a configured closing day (sluitingsdag). The public holidays are
//! Nieuwjaarsdag, Tweede Paasdag, Koningsdag (27 April; Saturday 26 April when the 27th is a
//! Sunday), Bevrijdingsdag (5 May), Hemelvaartsdag, Tweede Pinksterdag and both Christmas
//! days; Goede Vrijdag only when the regulation makes it one. A term in weeks that ends on a
//! day that is not a working day runs on to the next working day (article 1 of that act,
//! applied by analogy), unless the regulation switches that off.
//!
//! Every function accepts every date chrono can represent and never panics; a result that
//! would lie beyond `NaiveDate::MAX` is `NaiveDate::MAX`.
//!
//! The rule checks call these functions millions of times, so a calendar holds its
//! working days of 2000 to 2099 as bits ([`Werkdagtabel`]): within those years a question
//! is a bit test or a count of bits. Outside them the answer is worked out: Easter only for
//! weekdays from March to June, long spans arithmetically instead of day by day. Both ways
//! give the same answers (the tests compare them day by day).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The working-day calendar of one regulation: whether Good Friday is a day off, its
/// closing days, and whether a term in weeks moves on to the next working day.
///
/// `Kalender::default()` has that last rule off; [`Kalender::standaard`] is the calendar
/// the spec means by "the defaults".
#[derive(Debug, Clone)]
pub struct Kalender {
    goede_vrijdag: bool,
    /// Sorted, without duplicates, for binary search.
    sluitingsdagen: Vec<NaiveDate>,
    termijnenwet: bool,
    /// The working days of the years registers live in, worked out once.
    tabel: Werkdagtabel,
}

impl Default for Kalender {
    /// No Good Friday, no closing days, the termijnenwet shift off.
    fn default() -> Kalender {
        Kalender::new(false, Vec::new(), false)
    }
}

/// The first and last year whose working days a [`Werkdagtabel`] holds.
const TABEL_VAN: i32 = 2000;
const TABEL_TOT: i32 = 2099;

/// The working days of `TABEL_VAN` to `TABEL_TOT` as bits: bit `i % 64` of word `i / 64`
/// tells whether day `begin + i` (a [`dagnummer`]) is one. Some 36,500 days in 4.6 KB, so
/// the rules' questions about dates of those years cost a bit test, or a few counts of
/// bits, and stay in the processor's nearest cache.
#[derive(Debug, Clone)]
struct Werkdagtabel {
    begin: i64,
    /// How many days the table holds (the last word may have bits to spare).
    dagen: usize,
    woorden: Box<[u64]>,
}

impl Werkdagtabel {
    /// The table of `kalender`, whose own table is not used: each day as worked out.
    fn van(kalender: &Kalender) -> Werkdagtabel {
        let (Some(eerste), Some(laatste)) = (
            NaiveDate::from_ymd_opt(TABEL_VAN, 1, 1),
            NaiveDate::from_ymd_opt(TABEL_TOT, 12, 31),
        ) else {
            return Werkdagtabel::leeg();
        };
        let begin = dagnummer(eerste);
        let dagen = (dagnummer(laatste) - begin + 1) as usize;
        let mut woorden = vec![0u64; dagen.div_ceil(64)].into_boxed_slice();
        for (i, dag) in eerste.iter_days().take(dagen).enumerate() {
            if kalender.is_werkdag_berekend(dag) {
                woorden[i / 64] |= 1 << (i % 64);
            }
        }
        Werkdagtabel {
            begin,
            dagen,
            woorden,
        }
    }

    fn leeg() -> Werkdagtabel {
        Werkdagtabel {
            begin: 0,
            dagen: 0,
            woorden: Box::default(),
        }
    }

    /// The place of `dag` in the table, when it holds it.
    #[inline]
    fn plek(&self, dag: NaiveDate) -> Option<usize> {
        usize::try_from(dagnummer(dag) - self.begin)
            .ok()
            .filter(|&i| i < self.dagen)
    }

    #[inline]
    fn dag(&self, plek: usize) -> NaiveDate {
        // Every place below `dagen` is a day of the table's years.
        NaiveDate::from_num_days_from_ce_opt((self.begin + plek as i64 + 1) as i32)
            .unwrap_or(NaiveDate::MAX)
    }

    #[inline]
    fn is_werkdag(&self, plek: usize) -> bool {
        self.woorden[plek / 64] & (1 << (plek % 64)) != 0
    }

    /// The working days from place `vanaf` on, a word of bits at a time: (the word's first
    /// place, its working days at or after `vanaf`). Ends with the table.
    #[inline]
    fn woorden_vanaf(&self, vanaf: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        let eerste = vanaf / 64;
        let woorden = self.woorden.get(eerste..).unwrap_or_default();
        woorden.iter().enumerate().map(move |(k, &woord)| {
            let masker = if k == 0 { !0u64 << (vanaf % 64) } else { !0 };
            ((eerste + k) * 64, woord & masker)
        })
    }

    /// The `n`-th working day (from 1) at or after place `vanaf`, or how many of them
    /// the table still held when it ended.
    #[inline]
    fn n_de_vanaf(&self, vanaf: usize, n: u32) -> Result<usize, u32> {
        let mut rest = n;
        for (eerste, mut woord) in self.woorden_vanaf(vanaf) {
            let aantal = woord.count_ones();
            if aantal >= rest {
                for _ in 1..rest {
                    woord &= woord - 1;
                }
                let plek = eerste + woord.trailing_zeros() as usize;
                // The bits beyond the last day are never set, so this is within the table.
                return Ok(plek);
            }
            rest -= aantal;
        }
        Err(n - rest)
    }

    /// The number of working days in places `van..tot` (both within the table).
    #[inline]
    fn tel(&self, van: usize, tot: usize) -> u32 {
        let mut n = 0;
        for (eerste, woord) in self.woorden_vanaf(van) {
            if eerste >= tot {
                break;
            }
            let masker = if tot - eerste >= 64 {
                !0
            } else {
                (1u64 << (tot - eerste)) - 1
            };
            n += (woord & masker).count_ones();
        }
        n
    }
}

/// Terms longer than this many working days jump ahead by whole weeks first.
const SPRONG_VANAF: u32 = 64;
/// Spans up to this many days are counted day by day; longer ones arithmetically.
const KORTE_SPANNE: i64 = 64;

impl Kalender {
    /// The defaults: no Good Friday, no closing days, the termijnenwet shift on.
    pub fn standaard() -> Kalender {
        Kalender::new(false, Vec::new(), true)
    }

    /// A calendar with Good Friday off or not, the given closing days (in any order,
    /// duplicates allowed) and the termijnenwet shift on or off.
    pub fn new(
        goede_vrijdag: bool,
        mut sluitingsdagen: Vec<NaiveDate>,
        termijnenwet: bool,
    ) -> Kalender {
        sluitingsdagen.sort_unstable();
        sluitingsdagen.dedup();
        let mut kalender = Kalender {
            goede_vrijdag,
            sluitingsdagen,
            termijnenwet,
            tabel: Werkdagtabel::leeg(),
        };
        kalender.tabel = Werkdagtabel::van(&kalender);
        kalender
    }

    /// The public holiday or closing day that falls on `dag`, by its Dutch name
    /// ("Tweede Paasdag", "Koningsdag", "Sluitingsdag", ...). A holiday's name wins over
    /// "Sluitingsdag". None on other days; weekends are not named.
    pub fn vrije_dag(&self, dag: NaiveDate) -> Option<&'static str> {
        feestdag(dag, self.goede_vrijdag)
            .or_else(|| self.is_sluitingsdag(dag).then_some("Sluitingsdag"))
    }

    /// Whether `dag` is a working day: Monday to Friday, no holiday, no closing day.
    #[inline]
    pub fn is_werkdag(&self, dag: NaiveDate) -> bool {
        match self.tabel.plek(dag) {
            Some(plek) => self.tabel.is_werkdag(plek),
            None => self.is_werkdag_berekend(dag),
        }
    }

    /// [`Kalender::is_werkdag`] worked out, without the table.
    #[inline]
    fn is_werkdag_berekend(&self, dag: NaiveDate) -> bool {
        !is_weekend(dag)
            && feestdag(dag, self.goede_vrijdag).is_none()
            && !self.is_sluitingsdag(dag)
    }

    #[inline]
    fn is_sluitingsdag(&self, dag: NaiveDate) -> bool {
        match (self.sluitingsdagen.first(), self.sluitingsdagen.last()) {
            (Some(eerste), Some(laatste)) if *eerste <= dag && dag <= *laatste => {
                self.sluitingsdagen.binary_search(&dag).is_ok()
            }
            _ => false,
        }
    }

    /// The `n`-th working day strictly after `dag`; `dag` itself for `n = 0`.
    /// `NaiveDate::MAX` when that day lies beyond it.
    pub fn werkdagen_na(&self, dag: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return dag;
        }
        if let Some(plek) = self.tabel.plek(dag) {
            return match self.tabel.n_de_vanaf(plek + 1, n) {
                Ok(plek) => self.tabel.dag(plek),
                // On from the table's last day, for the working days still to come.
                Err(gevonden) => {
                    let laatste = self.tabel.dag(self.tabel.dagen - 1);
                    self.werkdagen_na_berekend(laatste, n - gevonden)
                }
            };
        }
        self.werkdagen_na_berekend(dag, n)
    }

    /// [`Kalender::werkdagen_na`] worked out, without the table.
    fn werkdagen_na_berekend(&self, dag: NaiveDate, n: u32) -> NaiveDate {
        let mut d = dag;
        let mut rest = n;
        // A long term jumps by whole weeks. Such a jump passes at most 5 working days a
        // week, fewer than `rest`, so the day sought still lies after the jump and at
        // least one working day remains to be found.
        while rest > SPRONG_VANAF {
            let weken = (rest - 1) / 5;
            let Some(verder) = d.checked_add_days(Days::new(7 * u64::from(weken))) else {
                return NaiveDate::MAX;
            };
            // Never below 1 by the reasoning above; saturating all the same.
            rest = rest.saturating_sub(self.werkdagen_geteld(d, verder)).max(1);
            d = verder;
        }
        for _ in 0..rest {
            if d == NaiveDate::MAX {
                break;
            }
            d = self.eerstvolgende_werkdag_berekend(volgende(d));
        }
        d
    }

    /// `dag` plus `weken` weeks; with the termijnenwet on, moved to the next working day
    /// when that day is not one.
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
        match self
            .tabel
            .plek(dag)
            .map(|plek| self.tabel.n_de_vanaf(plek, 1))
        {
            Some(Ok(plek)) => self.tabel.dag(plek),
            _ => self.eerstvolgende_werkdag_berekend(dag),
        }
    }

    /// [`Kalender::eerstvolgende_werkdag`] worked out, without the table.
    fn eerstvolgende_werkdag_berekend(&self, dag: NaiveDate) -> NaiveDate {
        // Ends within a week plus the closing days, or at NaiveDate::MAX.
        let mut d = dag;
        while d < NaiveDate::MAX && !self.is_werkdag_berekend(d) {
            d = volgende(d);
        }
        d
    }

    /// The number of working days in `(van, tot]`: how many working days late an action
    /// on `tot` is for a deadline `van`. 0 when `tot <= van`.
    pub fn werkdagen_tussen(&self, van: NaiveDate, tot: NaiveDate) -> u32 {
        if tot <= van {
            return 0;
        }
        if let (Some(a), Some(b)) = (self.tabel.plek(van), self.tabel.plek(tot)) {
            return self.tabel.tel(a + 1, b + 1);
        }
        self.werkdagen_tussen_berekend(van, tot)
    }

    /// [`Kalender::werkdagen_tussen`] worked out, without the table.
    fn werkdagen_tussen_berekend(&self, van: NaiveDate, tot: NaiveDate) -> u32 {
        if tot <= van {
            return 0;
        }
        if dagnummer(tot) - dagnummer(van) > KORTE_SPANNE {
            return self.werkdagen_geteld(van, tot);
        }
        let mut n = 0;
        let mut d = van;
        while d < tot {
            d = volgende(d);
            if self.is_werkdag_berekend(d) {
                n += 1;
            }
        }
        n
    }

    /// [`Kalender::werkdagen_tussen`] worked out arithmetically: the weekdays in
    /// `(van, tot]`, less the holidays and closing days among them. Work per year of the
    /// span and per closing day in it, not per day.
    fn werkdagen_geteld(&self, van: NaiveDate, tot: NaiveDate) -> u32 {
        if tot <= van {
            return 0;
        }
        let weekdagen = weekdagen_voor(dagnummer(tot) + 1) - weekdagen_voor(dagnummer(van) + 1);
        let gv = self.goede_vrijdag;
        let mut vrij: i64 = 0;
        let (eerste_jaar, laatste_jaar) = (van.year(), tot.year());
        for jaar in eerste_jaar..=laatste_jaar {
            if eerste_jaar < jaar && jaar < laatste_jaar {
                vrij += feestdagen_op_weekdagen(jaar, gv);
                continue;
            }
            for (dag, naam) in kandidaten(jaar, gv).into_iter().flatten() {
                // A day that is two holidays (Ascension on 5 May) counts once: only under
                // the name `feestdag` gives it.
                if dag > van && dag <= tot && !is_weekend(dag) && feestdag(dag, gv) == Some(naam) {
                    vrij += 1;
                }
            }
        }
        // partition_point is at most the length, so the slice below cannot panic.
        let begin = self.sluitingsdagen.partition_point(|d| *d <= van);
        vrij += self.sluitingsdagen[begin..]
            .iter()
            .take_while(|d| **d <= tot)
            .filter(|d| !is_weekend(**d) && feestdag(**d, gv).is_none())
            .count() as i64;
        // Every day subtracted is a distinct weekday of the span, so this is not negative;
        // a span of chrono's whole range holds about 137 million working days.
        u32::try_from((weekdagen - vrij).max(0)).unwrap_or(u32::MAX)
    }
}

#[inline]
fn is_weekend(dag: NaiveDate) -> bool {
    matches!(dag.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The next day, or `NaiveDate::MAX` itself at the end of time.
#[inline]
fn volgende(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(NaiveDate::MAX)
}

/// Days since Sunday 31 December of the year 0: 0 is Monday 1 January 1 (proleptic
/// Gregorian), so the weekday is `dagnummer.rem_euclid(7)` with Monday 0.
#[inline]
fn dagnummer(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 1
}

/// The number of weekdays (Monday to Friday) among the day numbers `0..z`, extended to
/// negative `z` so that `weekdagen_voor(b) - weekdagen_voor(a)` counts those in `a..b`.
#[inline]
fn weekdagen_voor(z: i64) -> i64 {
    5 * z.div_euclid(7) + z.rem_euclid(7).min(5)
}

/// Easter Sunday of a year (Gregorian): the anonymous algorithm as given by Meeus.
/// Saturates at `NaiveDate::MIN` / `NaiveDate::MAX` for years chrono cannot represent.
pub fn pasen(jaar: i32) -> NaiveDate {
    let (maand, dag) = pasen_md(jaar);
    NaiveDate::from_ymd_opt(jaar, maand, dag).unwrap_or(if jaar < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Month and day of Easter Sunday: 22 March to 25 April. Pure arithmetic, no allocation;
/// i64 so that no intermediate can overflow for any `i32` year.
#[inline]
fn pasen_md(jaar: i32) -> (u32, u32) {
    let y = i64::from(jaar);
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
    let n = h + l - 7 * m + 114;
    // n / 31 is 3 or 4 and n % 31 + 1 lies in 1..=31: the casts are exact.
    (n.div_euclid(31) as u32, (n.rem_euclid(31) + 1) as u32)
}

/// Days from Easter Sunday to the holidays that move with it.
const GOEDE_VRIJDAG: i32 = -2;
const PAASZONDAG: i32 = 0;
const PAASMAANDAG: i32 = 1;
const HEMELVAART: i32 = 39;
const PINKSTERZONDAG: i32 = 49;
const PINKSTERMAANDAG: i32 = 50;

/// Day number of a date from March to June, counted from the end of February (the same in
/// leap years and other years, which is all a difference within one spring needs).
#[inline]
fn dag_in_voorjaar(maand: u32, dag: u32) -> i32 {
    let ervoor = match maand {
        3 => 0,
        4 => 31,
        5 => 61,
        _ => 92,
    };
    ervoor + dag as i32
}

/// The public holiday on `dag`, if any. Fixed dates by month and day; Easter is only
/// worked out for days from March to June on the weekdays a moving holiday can fall on.
#[inline]
fn feestdag(dag: NaiveDate, goede_vrijdag: bool) -> Option<&'static str> {
    // Holidays fall on day 1 of the year, from day 79 (Good Friday on 20 March) to day 166
    // (Whit Monday on 14 June in a leap year), and on days 359 to 361 (Christmas). Most
    // days are ruled out here without working out month and day.
    let jaardag = dag.ordinal();
    if jaardag != 1 && !(79..=166).contains(&jaardag) && !(359..=361).contains(&jaardag) {
        return None;
    }
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
    // Good Friday falls from 20 March, Whit Monday until 14 June.
    if !(3..=6).contains(&maand) {
        return None;
    }
    match dag.weekday() {
        Weekday::Sun | Weekday::Mon | Weekday::Thu => {}
        Weekday::Fri if goede_vrijdag => {}
        _ => return None,
    }
    let (pm, pd) = pasen_md(dag.year());
    match dag_in_voorjaar(maand, d) - dag_in_voorjaar(pm, pd) {
        GOEDE_VRIJDAG if goede_vrijdag => Some("Goede Vrijdag"),
        PAASZONDAG => Some("Eerste Paasdag"),
        PAASMAANDAG => Some("Tweede Paasdag"),
        HEMELVAART => Some("Hemelvaartsdag"),
        PINKSTERZONDAG => Some("Eerste Pinksterdag"),
        PINKSTERMAANDAG => Some("Tweede Pinksterdag"),
        _ => None,
    }
}

/// The number of weekdays of `jaar` that are public holidays, worked out without making
/// dates: the moving holidays other than the two Sundays always fall on a weekday; the
/// fixed ones count when they do. 0 for a year outside chrono's range.
fn feestdagen_op_weekdagen(jaar: i32, goede_vrijdag: bool) -> i64 {
    let Some(nieuwjaar) = NaiveDate::from_yo_opt(jaar, 1) else {
        return 0;
    };
    let schrikkel =
        jaar.rem_euclid(4) == 0 && (jaar.rem_euclid(100) != 0 || jaar.rem_euclid(400) == 0);
    let schrikkel = i64::from(schrikkel);
    let w0 = i64::from(nieuwjaar.weekday().num_days_from_monday());
    let weekdag = |jaardag: i64| i64::from((w0 + jaardag - 1).rem_euclid(7) < 5);
    // Easter Monday, Ascension Day and Whit Monday, and Good Friday when it counts.
    let mut n = 3 + i64::from(goede_vrijdag);
    n += weekdag(1); // Nieuwjaarsdag
                     // Koningsdag costs a weekday exactly when 27 April is one: on a Sunday it moves to
                     // Saturday the 26th.
    n += weekdag(117 + schrikkel);
    n += weekdag(125 + schrikkel); // Bevrijdingsdag
    n += weekdag(359 + schrikkel) + weekdag(360 + schrikkel); // Christmas
                                                              // Easter on 27 March puts Ascension Day on 5 May, which was counted already.
    if pasen_md(jaar) == (3, 27) {
        n -= 1;
    }
    n
}

/// Every holiday date of `jaar` with its name, not yet in date order; a day can appear
/// twice (Ascension on 5 May). None where the year lies outside chrono's range.
fn kandidaten(jaar: i32, goede_vrijdag: bool) -> [Option<(NaiveDate, &'static str)>; 11] {
    let vast = |maand, dag, naam| NaiveDate::from_ymd_opt(jaar, maand, dag).map(|d| (d, naam));
    let paasdag = NaiveDate::from_ymd_opt(jaar, 1, 1).map(|_| {
        let (m, d) = pasen_md(jaar);
        // Day of the year of Easter Sunday: 81 to 116 in any year.
        let schrikkel = i32::from(NaiveDate::from_ymd_opt(jaar, 2, 29).is_some());
        59 + schrikkel + dag_in_voorjaar(m, d)
    });
    let na_pasen = |verschil: i32, naam| {
        let dag = u32::try_from(paasdag? + verschil).ok()?;
        NaiveDate::from_yo_opt(jaar, dag).map(|d| (d, naam))
    };
    let koningsdag = match NaiveDate::from_ymd_opt(jaar, 4, 27) {
        Some(d) if d.weekday() == Weekday::Sun => vast(4, 26, "Koningsdag"),
        Some(d) => Some((d, "Koningsdag")),
        None => None,
    };
    [
        vast(1, 1, "Nieuwjaarsdag"),
        if goede_vrijdag {
            na_pasen(GOEDE_VRIJDAG, "Goede Vrijdag")
        } else {
            None
        },
        na_pasen(PAASZONDAG, "Eerste Paasdag"),
        na_pasen(PAASMAANDAG, "Tweede Paasdag"),
        koningsdag,
        vast(5, 5, "Bevrijdingsdag"),
        na_pasen(HEMELVAART, "Hemelvaartsdag"),
        na_pasen(PINKSTERZONDAG, "Eerste Pinksterdag"),
        na_pasen(PINKSTERMAANDAG, "Tweede Pinksterdag"),
        vast(12, 25, "Eerste Kerstdag"),
        vast(12, 26, "Tweede Kerstdag"),
    ]
}

/// The public holidays (Algemene termijnenwet art. 3) of one year, in date order, with
/// their Dutch names. Goede Vrijdag only when `goede_vrijdag`. Easter Sunday and Whit
/// Sunday are listed too; they fall on a Sunday and cost no working day. A day that is two
/// holidays at once (Ascension on 5 May, as in 2016) appears once, as Bevrijdingsdag.
/// Empty for years outside chrono's range.
pub fn feestdagen(jaar: i32, goede_vrijdag: bool) -> Vec<(NaiveDate, &'static str)> {
    let mut lijst: Vec<_> = kandidaten(jaar, goede_vrijdag)
        .into_iter()
        .flatten()
        .filter(|(dag, naam)| feestdag(*dag, goede_vrijdag) == Some(*naam))
        .collect();
    lijst.sort_by_key(|(dag, _)| *dag);
    lijst
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};

    fn d(tekst: &str) -> NaiveDate {
        NaiveDate::parse_from_str(tekst, "%Y-%m-%d").unwrap()
    }

    /// The reference: count day by day.
    fn tel_stap_voor_stap(k: &Kalender, van: NaiveDate, tot: NaiveDate) -> u32 {
        van.iter_days()
            .skip(1)
            .take_while(|x| *x <= tot)
            .filter(|x| k.is_werkdag_berekend(*x))
            .count() as u32
    }

    /// The reference: step working day by working day.
    fn na_stap_voor_stap(k: &Kalender, dag: NaiveDate, n: u32) -> NaiveDate {
        let mut x = dag;
        for _ in 0..n {
            x = x.succ_opt().unwrap();
            while !k.is_werkdag_berekend(x) {
                x = x.succ_opt().unwrap();
            }
        }
        x
    }

    #[test]
    fn voorbeeld_goede_vrijdag_2025_plus_5_werkdagen() {
        // Easter Monday 21 April; Koningsdag on Saturday 26 April costs nothing.
        let k = Kalender::standaard();
        assert_eq!(d("2025-04-18").weekday(), Fri);
        assert_eq!(d("2025-04-21").weekday(), Mon);
        assert_eq!(d("2025-04-26").weekday(), Sat);
        assert_eq!(k.werkdagen_na(d("2025-04-18"), 5), d("2025-04-28"));
    }

    #[test]
    fn voorbeeld_kerst_2025_plus_5_werkdagen() {
        let k = Kalender::standaard();
        assert_eq!(d("2025-12-22").weekday(), Mon);
        assert_eq!(d("2025-12-25").weekday(), Thu);
        assert_eq!(d("2025-12-26").weekday(), Fri);
        assert_eq!(k.werkdagen_na(d("2025-12-22"), 5), d("2025-12-31"));
    }

    #[test]
    fn voorbeeld_1_mei_2025_plus_4_weken() {
        // 29 May is Ascension Day.
        let k = Kalender::standaard();
        assert_eq!(d("2025-05-01").weekday(), Thu);
        assert_eq!(k.vrije_dag(d("2025-05-29")), Some("Hemelvaartsdag"));
        assert_eq!(k.weken_na(d("2025-05-01"), 4), d("2025-05-30"));
    }

    #[test]
    fn voorbeeld_28_maart_2026_plus_4_weken() {
        // 25 April is a Saturday, Monday 27 April is Koningsdag.
        let k = Kalender::standaard();
        assert_eq!(d("2026-03-28").weekday(), Sat);
        assert_eq!(d("2026-04-25").weekday(), Sat);
        assert_eq!(d("2026-04-27").weekday(), Mon);
        assert_eq!(k.weken_na(d("2026-03-28"), 4), d("2026-04-28"));
    }

    #[test]
    fn voorbeeld_25_april_2026_plus_5_werkdagen() {
        // 27 April and 5 May.
        let k = Kalender::standaard();
        assert_eq!(d("2026-04-25").weekday(), Sat);
        assert_eq!(d("2026-05-05").weekday(), Tue);
        assert_eq!(k.werkdagen_na(d("2026-04-25"), 5), d("2026-05-04"));
    }

    #[test]
    fn pasen_bekende_data() {
        for (jaar, datum) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
            (2031, "2031-04-13"),
            // The earliest and latest dates possible.
            (1818, "1818-03-22"),
            (2285, "2285-03-22"),
            (1943, "1943-04-25"),
            (2038, "2038-04-25"),
            (2000, "2000-04-23"),
            (1583, "1583-04-10"),
        ] {
            assert_eq!(pasen(jaar), d(datum), "{jaar}");
            assert_eq!(pasen(jaar).weekday(), Sun, "{jaar}");
        }
    }

    /// Cross-check against a different algorithm (Oudin's, 1940), for 1583 to 9999.
    #[test]
    fn pasen_volgens_oudin() {
        for y in 1583i32..=9999 {
            let c = y / 100;
            let n = y - 19 * (y / 19);
            let k = (c - 17) / 25;
            let mut i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
            i -= 30 * (i / 30);
            i -= (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
            let mut j = y + y / 4 + i + 2 - c + c / 4;
            j -= 7 * (j / 7);
            let l = i - j;
            let m = 3 + (l + 40) / 44;
            let dag = l + 28 - 31 * (m / 4);
            let p = pasen(y);
            assert_eq!(p, NaiveDate::from_ymd_opt(y, m as u32, dag as u32).unwrap());
            assert_eq!(p.weekday(), Sun);
            assert!(p >= NaiveDate::from_ymd_opt(y, 3, 22).unwrap());
            assert!(p <= NaiveDate::from_ymd_opt(y, 4, 25).unwrap());
        }
    }

    /// Every holiday from 2024 to 2030, written out, with its weekday.
    #[test]
    fn alle_feestdagen_2024_tot_2030() {
        #[rustfmt::skip]
        let tabel: &[(&str, &str, Weekday)] = &[
            ("2024-01-01", "Nieuwjaarsdag", Mon),
            ("2024-03-31", "Eerste Paasdag", Sun),
            ("2024-04-01", "Tweede Paasdag", Mon),
            ("2024-04-27", "Koningsdag", Sat),
            ("2024-05-05", "Bevrijdingsdag", Sun),
            ("2024-05-09", "Hemelvaartsdag", Thu),
            ("2024-05-19", "Eerste Pinksterdag", Sun),
            ("2024-05-20", "Tweede Pinksterdag", Mon),
            ("2024-12-25", "Eerste Kerstdag", Wed),
            ("2024-12-26", "Tweede Kerstdag", Thu),

            ("2025-01-01", "Nieuwjaarsdag", Wed),
            ("2025-04-20", "Eerste Paasdag", Sun),
            ("2025-04-21", "Tweede Paasdag", Mon),
            ("2025-04-26", "Koningsdag", Sat),
            ("2025-05-05", "Bevrijdingsdag", Mon),
            ("2025-05-29", "Hemelvaartsdag", Thu),
            ("2025-06-08", "Eerste Pinksterdag", Sun),
            ("2025-06-09", "Tweede Pinksterdag", Mon),
            ("2025-12-25", "Eerste Kerstdag", Thu),
            ("2025-12-26", "Tweede Kerstdag", Fri),

            ("2026-01-01", "Nieuwjaarsdag", Thu),
            ("2026-04-05", "Eerste Paasdag", Sun),
            ("2026-04-06", "Tweede Paasdag", Mon),
            ("2026-04-27", "Koningsdag", Mon),
            ("2026-05-05", "Bevrijdingsdag", Tue),
            ("2026-05-14", "Hemelvaartsdag", Thu),
            ("2026-05-24", "Eerste Pinksterdag", Sun),
            ("2026-05-25", "Tweede Pinksterdag", Mon),
            ("2026-12-25", "Eerste Kerstdag", Fri),
            ("2026-12-26", "Tweede Kerstdag", Sat),

            ("2027-01-01", "Nieuwjaarsdag", Fri),
            ("2027-03-28", "Eerste Paasdag", Sun),
            ("2027-03-29", "Tweede Paasdag", Mon),
            ("2027-04-27", "Koningsdag", Tue),
            ("2027-05-05", "Bevrijdingsdag", Wed),
            ("2027-05-06", "Hemelvaartsdag", Thu),
            ("2027-05-16", "Eerste Pinksterdag", Sun),
            ("2027-05-17", "Tweede Pinksterdag", Mon),
            ("2027-12-25", "Eerste Kerstdag", Sat),
            ("2027-12-26", "Tweede Kerstdag", Sun),

            ("2028-01-01", "Nieuwjaarsdag", Sat),
            ("2028-04-16", "Eerste Paasdag", Sun),
            ("2028-04-17", "Tweede Paasdag", Mon),
            ("2028-04-27", "Koningsdag", Thu),
            ("2028-05-05", "Bevrijdingsdag", Fri),
            ("2028-05-25", "Hemelvaartsdag", Thu),
            ("2028-06-04", "Eerste Pinksterdag", Sun),
            ("2028-06-05", "Tweede Pinksterdag", Mon),
            ("2028-12-25", "Eerste Kerstdag", Mon),
            ("2028-12-26", "Tweede Kerstdag", Tue),

            ("2029-01-01", "Nieuwjaarsdag", Mon),
            ("2029-04-01", "Eerste Paasdag", Sun),
            ("2029-04-02", "Tweede Paasdag", Mon),
            ("2029-04-27", "Koningsdag", Fri),
            ("2029-05-05", "Bevrijdingsdag", Sat),
            ("2029-05-10", "Hemelvaartsdag", Thu),
            ("2029-05-20", "Eerste Pinksterdag", Sun),
            ("2029-05-21", "Tweede Pinksterdag", Mon),
            ("2029-12-25", "Eerste Kerstdag", Tue),
            ("2029-12-26", "Tweede Kerstdag", Wed),

            ("2030-01-01", "Nieuwjaarsdag", Tue),
            ("2030-04-21", "Eerste Paasdag", Sun),
            ("2030-04-22", "Tweede Paasdag", Mon),
            ("2030-04-27", "Koningsdag", Sat),
            ("2030-05-05", "Bevrijdingsdag", Sun),
            ("2030-05-30", "Hemelvaartsdag", Thu),
            ("2030-06-09", "Eerste Pinksterdag", Sun),
            ("2030-06-10", "Tweede Pinksterdag", Mon),
            ("2030-12-25", "Eerste Kerstdag", Wed),
            ("2030-12-26", "Tweede Kerstdag", Thu),
        ];
        let k = Kalender::standaard();
        for (datum, naam, weekdag) in tabel {
            let dag = d(datum);
            assert_eq!(dag.weekday(), *weekdag, "{datum}");
            assert_eq!(k.vrije_dag(dag), Some(*naam), "{datum}");
            assert!(!k.is_werkdag(dag), "{datum}");
        }
        for jaar in 2024..=2030 {
            let verwacht: Vec<_> = tabel
                .iter()
                .filter(|(datum, _, _)| d(datum).year() == jaar)
                .map(|(datum, naam, _)| (d(datum), *naam))
                .collect();
            assert_eq!(feestdagen(jaar, false), verwacht, "{jaar}");
        }
        // Every other day of those years is named by nothing and is a working day exactly
        // when it is Monday to Friday.
        for dag in d("2024-01-01").iter_days().take_while(|x| x.year() <= 2030) {
            if tabel.iter().any(|(datum, _, _)| d(datum) == dag) {
                continue;
            }
            assert_eq!(k.vrije_dag(dag), None, "{dag}");
            assert_eq!(k.is_werkdag(dag), !is_weekend(dag), "{dag}");
        }
    }

    #[test]
    fn koningsdag_op_zaterdag_26_april_als_27_april_een_zondag_is() {
        let k = Kalender::standaard();
        for jaar in [2025, 2031] {
            let zesentwintig = NaiveDate::from_ymd_opt(jaar, 4, 26).unwrap();
            let zevenentwintig = NaiveDate::from_ymd_opt(jaar, 4, 27).unwrap();
            assert_eq!(zevenentwintig.weekday(), Sun, "{jaar}");
            assert_eq!(k.vrije_dag(zesentwintig), Some("Koningsdag"), "{jaar}");
            assert_eq!(k.vrije_dag(zevenentwintig), None, "{jaar}");
            assert!(feestdagen(jaar, false).contains(&(zesentwintig, "Koningsdag")));
            // Friday 25 April + 1 working day: Monday 28 April.
            let vijfentwintig = NaiveDate::from_ymd_opt(jaar, 4, 25).unwrap();
            assert_eq!(
                k.werkdagen_na(vijfentwintig, 1),
                NaiveDate::from_ymd_opt(jaar, 4, 28).unwrap()
            );
        }
    }

    #[test]
    fn koningsdag_blijft_op_zaterdag_27_april() {
        let k = Kalender::standaard();
        for jaar in [2024, 2030] {
            let zesentwintig = NaiveDate::from_ymd_opt(jaar, 4, 26).unwrap();
            let zevenentwintig = NaiveDate::from_ymd_opt(jaar, 4, 27).unwrap();
            assert_eq!(zevenentwintig.weekday(), Sat, "{jaar}");
            assert_eq!(k.vrije_dag(zevenentwintig), Some("Koningsdag"));
            // Friday the 26th stays a working day; the Saturday costs no working day.
            assert_eq!(k.vrije_dag(zesentwintig), None);
            assert!(k.is_werkdag(zesentwintig));
            assert_eq!(
                k.werkdagen_na(zesentwintig, 1),
                NaiveDate::from_ymd_opt(jaar, 4, 29).unwrap()
            );
        }
    }

    #[test]
    fn hemelvaart_op_bevrijdingsdag_telt_een_keer() {
        // 2016: Easter 27 March, Ascension Thursday 5 May.
        assert_eq!(pasen(2016), d("2016-03-27"));
        let lijst = feestdagen(2016, false);
        let vijf_mei: Vec<_> = lijst
            .iter()
            .filter(|(x, _)| *x == d("2016-05-05"))
            .collect();
        assert_eq!(vijf_mei, [&(d("2016-05-05"), "Bevrijdingsdag")]);
        assert_eq!(lijst.len(), 9);
        let k = Kalender::standaard();
        // Thu 28 April to Thu 12 May: 11 weekdays, less 5 May.
        assert_eq!(k.werkdagen_tussen(d("2016-04-27"), d("2016-05-12")), 10);
        assert_eq!(k.werkdagen_geteld(d("2016-04-27"), d("2016-05-12")), 10);
        // 261 weekdays, less 1 January, Easter Monday, Koningsdag, 5 May, Whit Monday and
        // 26 December.
        assert_eq!(k.werkdagen_geteld(d("2015-12-31"), d("2016-12-31")), 255);
        assert_eq!(
            k.werkdagen_geteld(d("2015-12-31"), d("2016-12-31")),
            tel_stap_voor_stap(&k, d("2015-12-31"), d("2016-12-31"))
        );
    }

    #[test]
    fn goede_vrijdag_alleen_als_ingesteld() {
        let standaard = Kalender::standaard();
        let met = Kalender::new(true, Vec::new(), true);
        for (datum, jaar) in [
            ("2024-03-29", 2024),
            ("2025-04-18", 2025),
            ("2026-04-03", 2026),
            ("2027-03-26", 2027),
            ("2028-04-14", 2028),
            ("2029-03-30", 2029),
            ("2030-04-19", 2030),
        ] {
            let dag = d(datum);
            assert_eq!(dag.weekday(), Fri);
            assert_eq!(dag, pasen(jaar) - Days::new(2));
            assert!(standaard.is_werkdag(dag), "{datum}");
            assert_eq!(standaard.vrije_dag(dag), None);
            assert!(!met.is_werkdag(dag), "{datum}");
            assert_eq!(met.vrije_dag(dag), Some("Goede Vrijdag"));
            let lijst = feestdagen(jaar, true);
            assert_eq!(lijst.len(), 11);
            assert_eq!(lijst[1], (dag, "Goede Vrijdag"));
            assert!(!feestdagen(jaar, false)
                .iter()
                .any(|(_, n)| *n == "Goede Vrijdag"));
        }
        // Thu 17 April 2025 + 1 working day: Good Friday, weekend, Easter Monday, so
        // Tuesday 22 April; without Good Friday it is the Friday itself.
        assert_eq!(met.werkdagen_na(d("2025-04-17"), 1), d("2025-04-22"));
        assert_eq!(standaard.werkdagen_na(d("2025-04-17"), 1), d("2025-04-18"));
    }

    #[test]
    fn sluitingsdagen() {
        // Unsorted, with a duplicate, one on a holiday and one on a Saturday.
        let k = Kalender::new(
            false,
            vec![
                d("2025-12-29"),
                d("2025-12-24"),
                d("2025-12-24"),
                d("2025-12-25"),
                d("2025-12-27"),
            ],
            true,
        );
        assert_eq!(k.vrije_dag(d("2025-12-24")), Some("Sluitingsdag"));
        assert_eq!(k.vrije_dag(d("2025-12-29")), Some("Sluitingsdag"));
        // The holiday's name wins.
        assert_eq!(k.vrije_dag(d("2025-12-25")), Some("Eerste Kerstdag"));
        assert!(!k.is_werkdag(d("2025-12-24")));
        assert!(k.is_werkdag(d("2025-12-23")));
        // Mon 22 December + 5: 23, 30, 31, 2 January (1 January a holiday), 5 January.
        assert_eq!(k.werkdagen_na(d("2025-12-22"), 5), d("2026-01-05"));
        assert_eq!(k.werkdagen_tussen(d("2025-12-22"), d("2026-01-05")), 5);
        assert_eq!(k.werkdagen_geteld(d("2025-12-22"), d("2026-01-05")), 5);
        // A term of weeks ending on a closing day moves on: Wed 26 November + 4 weeks is
        // Wednesday 24 December (closed), 25 and 26 December, the weekend, closed on the
        // 29th: Tuesday 30 December.
        assert_eq!(k.weken_na(d("2025-11-26"), 4), d("2025-12-30"));
        assert_eq!(k.eerstvolgende_werkdag(d("2025-12-24")), d("2025-12-30"));
    }

    #[test]
    fn termijnenwet_uit() {
        let k = Kalender::new(false, Vec::new(), false);
        assert_eq!(k.weken_na(d("2025-05-01"), 4), d("2025-05-29"));
        assert_eq!(k.weken_na(d("2026-03-28"), 4), d("2026-04-25"));
        // Working days are not affected.
        assert_eq!(k.werkdagen_na(d("2025-04-18"), 5), d("2025-04-28"));
        // Default has the rule off too.
        assert_eq!(
            Kalender::default().weken_na(d("2026-03-28"), 4),
            d("2026-04-25")
        );
    }

    #[test]
    fn weken_na_op_een_werkdag_blijft_staan() {
        let k = Kalender::standaard();
        assert_eq!(k.weken_na(d("2025-06-02"), 6), d("2025-07-14"));
        assert_eq!(k.weken_na(d("2025-06-02"), 0), d("2025-06-02"));
        // 0 weeks from a Saturday: the next Monday.
        assert_eq!(k.weken_na(d("2025-06-14"), 0), d("2025-06-16"));
        // Saturday 31 May + 1 week: Whit Monday 9 June, so Tuesday 10 June.
        assert_eq!(k.weken_na(d("2025-05-31"), 1), d("2025-06-10"));
    }

    #[test]
    fn nul_werkdagen_is_de_dag_zelf() {
        let k = Kalender::standaard();
        assert_eq!(k.werkdagen_na(d("2026-04-04"), 0), d("2026-04-04"));
        assert_eq!(k.werkdagen_na(d("2026-04-06"), 0), d("2026-04-06"));
        assert_eq!(k.werkdagen_na(d("2026-04-04"), 1), d("2026-04-07"));
    }

    #[test]
    fn eerstvolgende_werkdag() {
        let k = Kalender::standaard();
        assert_eq!(k.eerstvolgende_werkdag(d("2025-06-10")), d("2025-06-10"));
        assert_eq!(k.eerstvolgende_werkdag(d("2025-06-07")), d("2025-06-10"));
        assert_eq!(k.eerstvolgende_werkdag(d("2025-12-25")), d("2025-12-29"));
    }

    #[test]
    fn werkdagen_tussen_telt_wat_erna_komt() {
        let k = Kalender::standaard();
        assert_eq!(k.werkdagen_tussen(d("2025-04-28"), d("2025-04-30")), 2);
        assert_eq!(k.werkdagen_tussen(d("2025-04-28"), d("2025-04-28")), 0);
        assert_eq!(k.werkdagen_tussen(d("2025-04-30"), d("2025-04-28")), 0);
        // Friday to Saturday: no working day late.
        assert_eq!(k.werkdagen_tussen(d("2025-05-02"), d("2025-05-03")), 0);
        // Over Christmas and New Year: 29, 30, 31 December and 2 January.
        assert_eq!(k.werkdagen_tussen(d("2025-12-24"), d("2026-01-02")), 4);
        // A whole year: 261 weekdays in 2025, of which 7 holidays (Koningsdag on Saturday).
        assert_eq!(k.werkdagen_tussen(d("2024-12-31"), d("2025-12-31")), 254);
    }

    /// The arithmetic paths (week jumps, counting per year) give what stepping day by day
    /// gives, over short and long spans, with and without Good Friday and closing days.
    #[test]
    fn rekenen_geeft_hetzelfde_als_stap_voor_stap() {
        let sluiting: Vec<NaiveDate> = d("2024-07-01")
            .iter_days()
            .step_by(3)
            .take(40)
            .chain(d("2026-12-20").iter_days().take(20))
            .collect();
        let kalenders = [
            Kalender::standaard(),
            Kalender::new(true, Vec::new(), true),
            Kalender::new(true, sluiting.clone(), false),
            Kalender::new(false, sluiting, true),
        ];
        let mut toestand: u64 = 0x2545_f491_4f6c_dd1d;
        let mut volgend_getal = move |tot: u64| {
            toestand ^= toestand << 13;
            toestand ^= toestand >> 7;
            toestand ^= toestand << 17;
            toestand % tot
        };
        let basis = d("2023-01-01");
        for k in &kalenders {
            // Long spans and terms: eight centuries, year jumps and week jumps included.
            let (van, tot) = (d("1599-12-17"), d("2400-03-02"));
            let stap = tel_stap_voor_stap(k, van, tot);
            assert_eq!(k.werkdagen_tussen(van, tot), stap);
            assert_eq!(k.werkdagen_na(van, stap), na_stap_voor_stap(k, van, stap));
            assert_eq!(
                k.werkdagen_na(van, 12_345),
                na_stap_voor_stap(k, van, 12_345)
            );
            for _ in 0..400 {
                let van = basis + Days::new(volgend_getal(3000));
                let tot = van + Days::new(volgend_getal(900));
                let stap = tel_stap_voor_stap(k, van, tot);
                assert_eq!(k.werkdagen_geteld(van, tot), stap, "{van} {tot}");
                assert_eq!(k.werkdagen_tussen(van, tot), stap, "{van} {tot}");
                assert_eq!(k.werkdagen_tussen(tot, van), 0);

                let n = volgend_getal(500) as u32;
                let na = k.werkdagen_na(van, n);
                assert_eq!(na, na_stap_voor_stap(k, van, n), "{van} {n}");
                assert_eq!(k.werkdagen_tussen(van, na), n, "{van} {n}");
                if n > 0 {
                    assert!(k.is_werkdag(na));
                }
            }
        }
    }

    /// The table of working days answers as working them out does, on every day of its
    /// years and the days around them: with Good Friday, with closing days (also on the
    /// table's first and last day and just beyond), and with terms that run past its end.
    #[test]
    fn tabel_geeft_hetzelfde_als_uitrekenen() {
        let randen = vec![
            d("1999-12-31"),
            d("2000-01-03"),
            d("2025-12-24"),
            d("2026-04-24"),
            d("2099-12-30"),
            d("2099-12-31"),
            d("2100-01-04"),
        ];
        let kalenders = [
            Kalender::standaard(),
            Kalender::new(true, Vec::new(), true),
            Kalender::new(false, randen.clone(), true),
            Kalender::new(true, randen, false),
        ];
        for k in &kalenders {
            assert_eq!(k.tabel.dagen, 36_525);
            let mut tussen = 0u32;
            let mut vorige = d("1999-11-30");
            for dag in d("1999-12-01")
                .iter_days()
                .take_while(|x| *x <= d("2100-02-01"))
            {
                assert_eq!(k.is_werkdag(dag), k.is_werkdag_berekend(dag), "{dag}");
                assert_eq!(
                    k.eerstvolgende_werkdag(dag),
                    k.eerstvolgende_werkdag_berekend(dag),
                    "{dag}"
                );
                for n in [0, 1, 2, 3, 5, 10, 20, 45, 64, 65, 200] {
                    assert_eq!(
                        k.werkdagen_na(dag, n),
                        k.werkdagen_na_berekend(dag, n),
                        "{dag} + {n}"
                    );
                }
                // Counts from one fixed day, and over the last fortnight.
                tussen += u32::from(k.is_werkdag_berekend(dag));
                let twee_weken = dag - Days::new(14);
                assert_eq!(k.werkdagen_tussen(vorige, dag), tussen, "{dag}");
                assert_eq!(
                    k.werkdagen_tussen(twee_weken, dag),
                    k.werkdagen_tussen_berekend(twee_weken, dag),
                    "{dag}"
                );
                assert_eq!(k.werkdagen_tussen(dag, twee_weken), 0);
                if dag.day() == 1 && dag.month() == 1 {
                    vorige = dag - Days::new(1);
                    tussen = 0;
                }
            }
            // Terms that leave the table, and ones from its last day.
            for (dag, n) in [
                (d("2099-12-20"), 30),
                (d("2099-12-31"), 1),
                (d("2090-01-01"), 5_000),
                (d("2001-06-01"), 100_000),
                (d("2050-03-03"), u32::MAX),
            ] {
                assert_eq!(
                    k.werkdagen_na(dag, n),
                    k.werkdagen_na_berekend(dag, n),
                    "{dag} + {n}"
                );
            }
        }
    }

    /// `feestdagen` agrees with asking every day of the year, 1583 to 2600.
    #[test]
    fn feestdagen_gelijk_aan_elke_dag_vragen() {
        for gv in [false, true] {
            for jaar in 1583..=2600 {
                let begin = NaiveDate::from_ymd_opt(jaar, 1, 1).unwrap();
                let elke_dag: Vec<_> = begin
                    .iter_days()
                    .take_while(|x| x.year() == jaar)
                    .filter_map(|x| feestdag(x, gv).map(|naam| (x, naam)))
                    .collect();
                assert_eq!(feestdagen(jaar, gv), elke_dag, "{jaar}");
            }
        }
    }

    /// The count per whole year agrees with the holidays listed, in and out of chrono's
    /// range.
    #[test]
    fn feestdagen_op_weekdagen_per_jaar() {
        let (min, max) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
        let jaren = (1583..=3000)
            .chain(-3000..=0)
            .chain(min - 2..=min + 500)
            .chain(max - 500..=max + 2)
            .chain([i32::MIN, i32::MAX]);
        for jaar in jaren {
            for gv in [false, true] {
                let geteld = feestdagen(jaar, gv)
                    .iter()
                    .filter(|(dag, _)| !is_weekend(*dag))
                    .count() as i64;
                assert_eq!(feestdagen_op_weekdagen(jaar, gv), geteld, "{jaar} {gv}");
            }
        }
    }

    #[test]
    fn uiterste_datums_geven_geen_paniek() {
        let einde: Vec<NaiveDate> = NaiveDate::MAX
            .iter_days()
            .rev()
            .take(30)
            .chain(NaiveDate::MIN.iter_days().take(30))
            .collect();
        let kalenders = [
            Kalender::standaard(),
            Kalender::new(true, einde, true),
            Kalender::new(true, vec![NaiveDate::MAX, NaiveDate::MIN], false),
        ];
        for k in &kalenders {
            for dag in [
                NaiveDate::MIN,
                NaiveDate::MAX,
                NaiveDate::MAX - Days::new(3),
                NaiveDate::MIN + Days::new(3),
                d("9999-12-31"),
                d("0001-01-01"),
                d("0000-03-01"),
            ] {
                let _ = k.vrije_dag(dag);
                let _ = k.is_werkdag(dag);
                let _ = k.eerstvolgende_werkdag(dag);
                for n in [0, 1, 5, 1000, u32::MAX] {
                    let na = k.werkdagen_na(dag, n);
                    assert!(na >= dag);
                    let _ = k.weken_na(dag, n);
                }
                let ver = Days::new(400_000);
                let later = dag.checked_add_days(ver).unwrap_or(NaiveDate::MAX);
                let eerder = dag.checked_sub_days(ver).unwrap_or(NaiveDate::MIN);
                let _ = k.werkdagen_tussen(dag, later);
                let _ = k.werkdagen_tussen(eerder, dag);
                let _ = feestdagen(dag.year(), true);
            }
            assert_eq!(k.werkdagen_na(NaiveDate::MAX, 1), NaiveDate::MAX);
            assert_eq!(k.werkdagen_na(NaiveDate::MIN, u32::MAX), NaiveDate::MAX);
            assert_eq!(k.weken_na(NaiveDate::MAX, 1), NaiveDate::MAX);
            assert_eq!(k.eerstvolgende_werkdag(NaiveDate::MAX), NaiveDate::MAX);
            // The whole range: about 5/7 of ~191 million days, less ~7 holidays a year.
            let alles = k.werkdagen_tussen(NaiveDate::MIN, NaiveDate::MAX);
            assert!(alles > 130_000_000 && alles < 137_000_000, "{alles}");
            // Year 9999 counted both ways.
            let (van, tot) = (d("9998-12-31"), d("9999-12-31"));
            assert_eq!(
                k.werkdagen_tussen(van, tot),
                tel_stap_voor_stap(k, van, tot)
            );
        }
        // Near the end a long term saturates; a short one is exact.
        let k = Kalender::standaard();
        let bijna = NaiveDate::MAX - Days::new(20);
        assert_eq!(k.werkdagen_na(bijna, 100), NaiveDate::MAX);
        assert_eq!(k.werkdagen_na(bijna, 3), na_stap_voor_stap(&k, bijna, 3));
        assert!(feestdagen(i32::MAX, true).is_empty());
        assert!(feestdagen(i32::MIN, true).is_empty());
        assert_eq!(pasen(i32::MAX), NaiveDate::MAX);
        assert_eq!(pasen(i32::MIN), NaiveDate::MIN);
        assert_eq!(pasen(-4000).weekday(), Sun);
        assert_eq!(pasen(9999).weekday(), Sun);
    }
}
