//! One CSV file followed through its versions: which rows each version recorded, changed
//! or removed compared with the one before.
//!
//! Versions are compared by their bytes, decoded to UTF-8, before anything is parsed
//! (a version saved in Windows-1252 or UTF-16 reads as its UTF-8 text). Registers grow at the
//! end and are corrected here and there, so a new version is split against the previous
//! one into an unchanged beginning, a changed middle, an unchanged stretch (shifted by
//! what the middle gained or lost) and what was appended after it. Only the middle and
//! the appended rows are read; of the unchanged stretch only the ranks of rows whose pair
//! gained or lost a row in the middle move.

use rustc_hash::{FxHashMap, FxHashSet};

use super::rij::{self, Bestand, Bewaakt, Gelezen, Namen, Paar, Sleutel};
use crate::persoonsgegevens::{Geheimen, Zin};
use crate::register::codering;
use crate::register::lezer::{heeft_cr_regels, zonder_lege_regels};

/// What became of one row from one version to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Overgang {
    /// A row whose key the previous version did not have.
    Vastgelegd {
        sleutel: Sleutel,
        bewaakt: Bewaakt,
        /// When the row took the place of a row of the same case with another soort: that
        /// row's key (a changed soort removes one event and records another).
        in_plaats_van: Option<Sleutel>,
    },
    /// A row whose key both versions have, with some column changed.
    Gewijzigd {
        sleutel: Sleutel,
        bewaakt: Bewaakt,
        /// What changed, column by column, in Dutch.
        velden: Vec<Zin>,
        /// The complainant's name and contact in both versions of the row.
        geheimen: Geheimen,
    },
    /// A row whose key the new version does not have.
    Verwijderd {
        sleutel: Sleutel,
        /// The soort of the row that took its place, when its soort was changed.
        nieuwe_soort: Option<u32>,
        /// The complainant's name and contact the row held.
        geheimen: Geheimen,
    },
}

/// A row of a file's current version: its key, when it could be read, and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rijplek {
    sleutel: Option<Sleutel>,
    start: usize,
}

/// A file's current version and its rows.
pub(crate) struct Bestandsstand {
    bestand: Bestand,
    inhoud: Vec<u8>,
    /// The header line with its line break; empty while the file does not exist.
    kop: Vec<u8>,
    rijen: Vec<Rijplek>,
    /// Rows per pair in the current version.
    tellingen: FxHashMap<Paar, u32>,
    /// Whether a version was taken in.
    gezien: bool,
}

/// How many rows of one pair the changed middle had and has, and the unchanged stretch.
#[derive(Default, Clone, Copy)]
struct Paartelling {
    midden_oud: u32,
    midden_nieuw: u32,
    staart: u32,
}

/// The header line with its line end, which is the file's (as the reader decides it, from
/// the file's first line end: `register::lezer::heeft_cr_regels`): up to its first `\r` in
/// a file of CR lines, else up to its first `\n`. Blank lines before it (line ends only)
/// belong to it, as the reader passes over them.
fn kopregel(inhoud: &[u8]) -> &[u8] {
    let Some(eerste) = memchr::memchr2(b'\r', b'\n', inhoud) else {
        return inhoud;
    };
    let regeleinde = if heeft_cr_regels(&inhoud[eerste..]).unwrap_or(true) {
        b'\r'
    } else {
        b'\n'
    };
    let blanco = inhoud.len() - zonder_lege_regels(inhoud).len();
    memchr::memchr(regeleinde, &inhoud[blanco..]).map_or(inhoud, |i| &inhoud[..=blanco + i])
}

/// The length of the longest common prefix.
fn gemeenschappelijk_begin(a: &[u8], b: &[u8]) -> usize {
    const BLOK: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOK <= n && a[i..i + BLOK] == b[i..i + BLOK] {
        i += BLOK;
    }
    i + a[i..n]
        .iter()
        .zip(&b[i..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// The length of the longest common suffix.
fn gemeenschappelijk_eind(a: &[u8], b: &[u8]) -> usize {
    const BLOK: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOK <= n && a[a.len() - i - BLOK..a.len() - i] == b[b.len() - i - BLOK..b.len() - i]
    {
        i += BLOK;
    }
    i + a[..a.len() - i]
        .iter()
        .rev()
        .zip(b[..b.len() - i].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

impl Bestandsstand {
    pub fn new(bestand: Bestand) -> Bestandsstand {
        Bestandsstand {
            bestand,
            inhoud: Vec::new(),
            kop: Vec::new(),
            rijen: Vec::new(),
            tellingen: FxHashMap::default(),
            gezien: false,
        }
    }

    /// Whether no version was taken in yet.
    pub fn is_nieuw(&self) -> bool {
        !self.gezien
    }

    /// Whether a line end of the file's kind (the one that ends its header) closes the
    /// current version's last row.
    fn is_afgesloten(&self) -> bool {
        match self.kop.last() {
            Some(&einde @ (b'\n' | b'\r')) => self.inhoud.ends_with(&[einde]),
            _ => false,
        }
    }

    /// Where row `i` of the current version ends: where the next begins.
    fn eind(&self, i: usize) -> usize {
        self.rijen
            .get(i + 1)
            .map_or(self.inhoud.len(), |plek| plek.start)
    }

    /// Moves to the next version (None: the file was deleted) and says what became of the
    /// rows. Returns the previous contents, so their memory can serve again.
    pub fn volgende(
        &mut self,
        nieuw: Option<Vec<u8>>,
        namen: &mut Namen,
    ) -> (Vec<Overgang>, Vec<u8>) {
        // Compared as UTF-8, whatever each version was saved in: a file saved again in
        // another encoding (or without its byte-order mark) changes no row.
        let (nieuw, _) = codering::naar_utf8(nieuw.unwrap_or_default());
        let nieuwe_kop = kopregel(&nieuw).to_vec();
        let kop_gelijk = !self.kop.is_empty() && self.kop == nieuwe_kop;
        let n = self.rijen.len();

        // The rows that end within the common beginning stay as they were. A header that
        // changed means reading the version afresh.
        let (k, begin_oud, begin_nieuw) = if kop_gelijk {
            let p = gemeenschappelijk_begin(&self.inhoud, &nieuw);
            // Row i ends where row i + 1 starts; the last row at the end of the file, when
            // a line break closes it.
            let mut k = self
                .rijen
                .get(1..)
                .map_or(0, |na| na.partition_point(|plek| plek.start <= p));
            if k + 1 == n && self.is_afgesloten() && self.inhoud.len() <= p {
                k = n;
            }
            let begin = match self.rijen.get(k) {
                _ if k == 0 => self.kop.len(),
                Some(plek) => plek.start,
                None => self.inhoud.len(),
            };
            (k, begin, begin)
        } else {
            (0, self.kop.len(), nieuwe_kop.len())
        };

        // An unchanged stretch of rows after the middle, found from the old version's end.
        let staart = if kop_gelijk && k < n && self.is_afgesloten() {
            self.staart(&nieuw, k, begin_oud, namen)
        } else {
            None
        };
        let (j, verschuiving, eind_staart) = match &staart {
            Some((j, eind, _)) => (*j, *eind as isize - self.inhoud.len() as isize, *eind),
            None => (n, 0, nieuw.len()),
        };
        let verschoven = |start: usize| (start as isize + verschuiving) as usize;
        let heeft_staart = staart.is_some();
        let midden = match staart {
            Some((_, _, midden)) => midden,
            None => rij::lees_rijen(
                self.bestand,
                &nieuwe_kop,
                &nieuw,
                begin_nieuw,
                nieuw.len(),
                namen,
            ),
        };
        let aangevuld = if heeft_staart {
            rij::lees_rijen(
                self.bestand,
                &nieuwe_kop,
                &nieuw,
                eind_staart,
                nieuw.len(),
                namen,
            )
        } else {
            Vec::new()
        };

        // Ranks. A pair keeps the rows it has in the unchanged beginning; the middle's rows
        // follow them; the stretch after it moves by what the middle gained or lost.
        let mut per_paar: FxHashMap<Paar, Paartelling> = FxHashMap::default();
        for plek in &self.rijen[k..j] {
            if let Some(s) = plek.sleutel {
                per_paar.entry(s.paar).or_default().midden_oud += 1;
            }
        }
        for g in &midden {
            if let Some(paar) = g.paar {
                per_paar.entry(paar).or_default().midden_nieuw += 1;
            }
        }
        if !per_paar.is_empty() {
            for plek in &self.rijen[j..n] {
                if let Some(t) = plek.sleutel.and_then(|s| per_paar.get_mut(&s.paar)) {
                    t.staart += 1;
                }
            }
        }
        let mut rang_in_midden: FxHashMap<Paar, u32> = FxHashMap::default();
        for (paar, t) in &per_paar {
            let totaal = self.tellingen.get(paar).copied().unwrap_or(0);
            let voor = totaal.saturating_sub(t.midden_oud + t.staart);
            rang_in_midden.insert(*paar, voor);
            let nu = voor + t.midden_nieuw + t.staart;
            if nu == 0 {
                self.tellingen.remove(paar);
            } else {
                self.tellingen.insert(*paar, nu);
            }
        }

        // The rows of the old version that may have changed, by key, with their bytes.
        let mut oud_geraakt: FxHashMap<Sleutel, (usize, usize)> = FxHashMap::default();
        for i in k..j {
            if let Some(s) = self.rijen[i].sleutel {
                oud_geraakt.insert(s, (self.rijen[i].start, self.eind(i)));
            }
        }
        let oud_midden: Vec<Option<Sleutel>> =
            self.rijen[k..j].iter().map(|plek| plek.sleutel).collect();
        // The unchanged stretch in its new place; rows whose rank moved may have changed.
        let mut staart_rijen: Vec<Rijplek> = Vec::with_capacity(n - j);
        let mut verplaatst: Vec<(Sleutel, usize)> = Vec::new();
        for i in j..n {
            let plek = self.rijen[i];
            let mut nieuwe_plek = Rijplek {
                sleutel: plek.sleutel,
                start: verschoven(plek.start),
            };
            if let Some(s) = plek.sleutel {
                if let Some(t) = per_paar.get(&s.paar) {
                    if t.midden_nieuw != t.midden_oud {
                        let rang = (s.rang + t.midden_nieuw).saturating_sub(t.midden_oud);
                        let ander = Sleutel { paar: s.paar, rang };
                        nieuwe_plek.sleutel = Some(ander);
                        oud_geraakt.insert(s, (plek.start, self.eind(i)));
                        verplaatst.push((ander, staart_rijen.len()));
                    }
                }
            }
            staart_rijen.push(nieuwe_plek);
        }

        // The new version's rows, built on the unchanged beginning in place; and those that
        // may have changed: (key, index, what it holds when already read).
        let mut nieuw_geraakt: Vec<(Sleutel, usize, Option<Bewaakt>)> = Vec::new();
        self.rijen.truncate(k);
        let mut midden_sleutels: Vec<Option<Sleutel>> = Vec::with_capacity(midden.len());
        for g in midden {
            let s = g.paar.map(|paar| {
                let rang = rang_in_midden.entry(paar).or_default();
                *rang += 1;
                Sleutel { paar, rang: *rang }
            });
            midden_sleutels.push(s);
            if let Some(s) = s {
                nieuw_geraakt.push((s, self.rijen.len(), Some(g.bewaakt)));
            }
            self.rijen.push(Rijplek {
                sleutel: s,
                start: g.start,
            });
        }
        let begin_staart = self.rijen.len();
        nieuw_geraakt.extend(
            verplaatst
                .into_iter()
                .map(|(s, i)| (s, begin_staart + i, None)),
        );
        self.rijen.extend(staart_rijen);
        for g in aangevuld {
            let s = g.paar.map(|paar| {
                let telling = self.tellingen.entry(paar).or_default();
                *telling += 1;
                Sleutel {
                    paar,
                    rang: *telling,
                }
            });
            if let Some(s) = s {
                nieuw_geraakt.push((s, self.rijen.len(), Some(g.bewaakt)));
            }
            self.rijen.push(Rijplek {
                sleutel: s,
                start: g.start,
            });
        }

        // Compare what may have changed.
        let rijen = &self.rijen;
        let eind_nieuw = |i: usize| rijen.get(i + 1).map_or(nieuw.len(), |p: &Rijplek| p.start);
        let mut overgangen = Vec::new();
        for (s, i, bewaakt) in nieuw_geraakt {
            let (start, eind) = (rijen[i].start, eind_nieuw(i));
            let Some((oud_start, oud_eind)) = oud_geraakt.remove(&s) else {
                let bewaakt = match bewaakt {
                    Some(b) => Some(b),
                    None => rij::lees_volledig(self.bestand, &nieuwe_kop, &nieuw[start..eind])
                        .map(|v| v.bewaakt),
                };
                if let Some(bewaakt) = bewaakt {
                    overgangen.push(Overgang::Vastgelegd {
                        sleutel: s,
                        bewaakt,
                        in_plaats_van: None,
                    });
                }
                continue;
            };
            if kop_gelijk && self.inhoud[oud_start..oud_eind] == nieuw[start..eind] {
                continue;
            }
            let oud =
                rij::lees_volledig(self.bestand, &self.kop, &self.inhoud[oud_start..oud_eind]);
            let nu = rij::lees_volledig(self.bestand, &nieuwe_kop, &nieuw[start..eind]);
            if let (Some(oud), Some(nu)) = (oud, nu) {
                let geheimen = oud.geheimen().samen(&nu.geheimen());
                let velden = rij::veldverschillen(&oud, &nu);
                if !velden.is_empty() {
                    overgangen.push(Overgang::Gewijzigd {
                        sleutel: s,
                        bewaakt: nu.bewaakt,
                        velden,
                        geheimen,
                    });
                }
            }
        }
        let mut weg: Vec<(usize, usize, Sleutel)> = oud_geraakt
            .into_iter()
            .map(|(s, (start, eind))| (start, eind, s))
            .collect();
        weg.sort_unstable();
        // A row of the middle that stands where a row of the same case but of another
        // soort stood, which is gone: its soort was changed.
        let weg_sleutels: FxHashSet<Sleutel> = weg.iter().map(|(_, _, s)| *s).collect();
        let mut in_plaats: FxHashMap<Sleutel, Sleutel> = FxHashMap::default();
        for (nu, was) in midden_sleutels.iter().zip(&oud_midden) {
            let (Some(nu), Some(was)) = (*nu, *was) else {
                continue;
            };
            if was.paar.zaak == nu.paar.zaak
                && was.paar.soort != nu.paar.soort
                && weg_sleutels.contains(&was)
            {
                in_plaats.insert(nu, was);
            }
        }
        let mut nieuwe_soort: FxHashMap<Sleutel, u32> = FxHashMap::default();
        for o in &mut overgangen {
            if let Overgang::Vastgelegd {
                sleutel,
                in_plaats_van,
                ..
            } = o
            {
                if let Some(was) = in_plaats.get(sleutel) {
                    *in_plaats_van = Some(*was);
                    nieuwe_soort.insert(*was, sleutel.paar.soort);
                }
            }
        }
        for (start, eind, s) in weg {
            // The name a removed case row held is hidden too, as a changed row's is.
            let geheimen = match self.bestand {
                Bestand::Klachten => {
                    rij::lees_volledig(self.bestand, &self.kop, &self.inhoud[start..eind])
                        .map(|rij| rij.geheimen())
                        .unwrap_or_default()
                }
                Bestand::Gebeurtenissen => Geheimen::default(),
            };
            overgangen.push(Overgang::Verwijderd {
                sleutel: s,
                nieuwe_soort: nieuwe_soort.get(&s).copied(),
                geheimen,
            });
        }

        self.kop = nieuwe_kop;
        self.gezien = true;
        let vorige = std::mem::replace(&mut self.inhoud, nieuw);
        (overgangen, vorige)
    }

    /// Looks for an unchanged stretch at the old version's end, after row `k` (where the
    /// middle begins, at `begin`): the old version's last bytes are sought in the new one,
    /// and the match widened backwards. Returns the first old row of the stretch and where
    /// the stretch ends in the new version, when the new version has a row boundary there;
    /// and the rows of the middle before it.
    fn staart(
        &self,
        nieuw: &[u8],
        k: usize,
        begin: usize,
        namen: &mut Namen,
    ) -> Option<(usize, usize, Vec<Gelezen>)> {
        let oud = &self.inhoud;
        let lengte = 64.min(oud.len() - begin);
        if lengte == 0 {
            return None;
        }
        let zoek = &oud[oud.len() - lengte..];
        let eind = begin + memchr::memmem::find(nieuw.get(begin..)?, zoek)? + lengte;
        let gelijk = gemeenschappelijk_eind(&oud[begin..], &nieuw[begin..eind]);
        let van = oud.len() - gelijk;
        let j = k + self.rijen[k..].partition_point(|p| p.start < van);
        let plek = self.rijen.get(j)?;
        let start = (plek.start + eind).checked_sub(oud.len())?;
        if start < begin {
            return None;
        }
        // The new version must have a row boundary there: read the middle with the first
        // row of the stretch, and that row must start where expected.
        let tot = (self.eind(j) + eind).checked_sub(oud.len())?;
        let mut gelezen = rij::lees_rijen(self.bestand, &self.kop, nieuw, begin, tot, namen);
        match gelezen.pop() {
            Some(Gelezen { start: s, .. }) if s == start => Some((j, eind, gelezen)),
            _ => None,
        }
    }

    /// Every row of the current version with its line, read afresh.
    pub fn regels(&self, namen: &mut Namen) -> FxHashMap<Sleutel, u32> {
        let mut rangen: FxHashMap<Paar, u32> = FxHashMap::default();
        rij::lees_rijen(
            self.bestand,
            &self.kop,
            &self.inhoud,
            self.kop.len(),
            self.inhoud.len(),
            namen,
        )
        .into_iter()
        .filter_map(|g| {
            let paar = g.paar?;
            let rang = rangen.entry(paar).or_default();
            *rang += 1;
            Some((Sleutel { paar, rang: *rang }, g.line))
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

    fn vers(inhoud: &[u8], namen: &mut Namen) -> Bestandsstand {
        let mut stand = Bestandsstand::new(Bestand::Gebeurtenissen);
        stand.volgende(Some(inhoud.to_vec()), namen);
        stand
    }

    /// Blank lines before the header belong to it: the rows are those of the file without
    /// them (the header was taken to be the first blank line, and read as a row).
    #[test]
    fn lege_regels_voor_de_kopregel() {
        let zonder = "zaak;datum;soort;oordeel\nKP-1;2025-03-01;gesprek;\nKP-2;2025-03-02;uitspraak;gegrond\n";
        let mut namen = Namen::default();
        let sleutels = |inhoud: &str, namen: &mut Namen| {
            let mut s: Vec<Sleutel> = vers(inhoud.as_bytes(), namen)
                .regels(namen)
                .into_keys()
                .collect();
            s.sort_unstable();
            s
        };
        let verwacht = sleutels(zonder, &mut namen);
        assert_eq!(verwacht.len(), 2);
        for (voor, einde) in [("\n\n", "\n"), ("\r\n\r\n", "\r\n"), ("\r\r", "\r")] {
            let inhoud = format!("{voor}{}", zonder.replace('\n', einde));
            assert_eq!(sleutels(&inhoud, &mut namen), verwacht, "{inhoud:?}");
        }
    }

    /// Following versions one after the other gives the rows and counts that reading
    /// each afresh gives, and reports exactly the keys that appeared, changed or went.
    #[test]
    fn stap_voor_stap_is_hetzelfde_als_opnieuw_lezen() {
        volg_willekeurige_versies("\n", false, false);
    }

    /// The same with CRLF line ends, where the csv crate puts a record's start at the
    /// `\n` that ends the line before it.
    #[test]
    fn stap_voor_stap_met_crlf() {
        volg_willekeurige_versies("\r\n", false, false);
    }

    /// The same with blank lines between rows now and then (and CRLF).
    #[test]
    fn stap_voor_stap_met_lege_regels() {
        volg_willekeurige_versies("\r\n", true, false);
    }

    /// The same with CR line ends (old Mac files), and blank lines.
    #[test]
    fn stap_voor_stap_met_cr() {
        volg_willekeurige_versies("\r", true, false);
    }

    /// The same with blank lines before the header, which belong to it: a header that
    /// changes behind them is a header that changes.
    #[test]
    fn stap_voor_stap_met_lege_regels_voor_de_kopregel() {
        volg_willekeurige_versies("\r\n", true, true);
        volg_willekeurige_versies("\r", false, true);
    }

    fn volg_willekeurige_versies(regeleinde: &str, lege_regels: bool, voor_de_kop: bool) {
        let kop = "zaak,datum,soort,oordeel\n";
        let mut rijen: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "KP-{},2025-03-{:02},{},\n",
                    i % 7,
                    i % 28 + 1,
                    ["gesprek", "uitspraak"][i % 2]
                )
            })
            .collect();
        let mut namen = Namen::default();
        let mut stand = Bestandsstand::new(Bestand::Gebeurtenissen);
        let mut vorige: Option<Bestandsstand> = None;
        let mut x: u64 = 12345;
        for stap in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let plek = (x % (rijen.len() as u64 + 1)) as usize;
            match stap % 8 {
                0 | 1 => rijen.push(format!("KP-{},2025-04-{:02},gesprek,\n", x % 9, x % 28 + 1)),
                2 if plek < rijen.len() => {
                    rijen[plek] = format!("KP-{},2025-05-01,uitspraak,gegrond\n", x % 9)
                }
                3 => rijen.insert(
                    plek,
                    format!(
                        "KP-{},\"2025-06-01\",\"gesprek\",\"regel\nnog een regel\"\n",
                        x % 5
                    ),
                ),
                4 if plek < rijen.len() => {
                    rijen.remove(plek);
                }
                5 => {
                    // A correction in the middle and rows appended, in one version.
                    if plek < rijen.len() {
                        rijen[plek] = format!("KP-{},2025-05-02,Uitspraak,Ongegrond\n", x % 9);
                    }
                    rijen.push(format!("KP-{},2025-07-01,gesprek,\n", x % 9));
                    rijen.push(format!("KP-{},2025-07-02,uitspraak,gegrond\n", x % 4));
                }
                6 if plek < rijen.len() => {
                    // The same row twice: a stretch may be found in more than one place.
                    let r = rijen[plek].clone();
                    rijen.insert(plek, r.clone());
                    rijen.push(r);
                }
                _ => {}
            }
            let mut inhoud = kop.as_bytes().to_vec();
            for (i, r) in rijen.iter().enumerate() {
                inhoud.extend_from_slice(r.as_bytes());
                if lege_regels && (i * 7 + r.len()) % 11 == 0 {
                    inhoud.push(b'\n');
                }
            }
            if regeleinde != "\n" {
                let mut anders = Vec::with_capacity(inhoud.len() * 2);
                for &b in &inhoud {
                    if b == b'\n' {
                        anders.extend_from_slice(regeleinde.as_bytes());
                    } else {
                        anders.push(b);
                    }
                }
                inhoud = anders;
            }
            if stap % 50 == 49 {
                // A file without a final line break now and then.
                inhoud.pop();
            }
            if stap % 37 == 36 {
                // A different header now and then.
                let kop = "zaak,datum,soort,oordeel,door,toelichting\n".as_bytes();
                inhoud.splice(..b"zaak,datum,soort,oordeel\n".len(), kop.iter().copied());
            }
            if voor_de_kop {
                inhoud.splice(..0, regeleinde.repeat(2).bytes());
            }
            if stap % 61 == 60 {
                inhoud.splice(..0, BOM.iter().copied());
            }
            let (overgangen, _) = stand.volgende(Some(inhoud.clone()), &mut namen);
            let nu = vers(&inhoud, &mut namen);
            assert_eq!(stand.rijen, nu.rijen, "stap {stap}");
            assert_eq!(stand.tellingen, nu.tellingen, "stap {stap}");
            // The reported keys are exactly those whose presence or row changed.
            if let Some(vorige) = &vorige {
                let oud = vorige.regels(&mut namen);
                let nieuw = nu.regels(&mut namen);
                for o in &overgangen {
                    match o {
                        Overgang::Vastgelegd { sleutel, .. } => {
                            assert!(!oud.contains_key(sleutel) && nieuw.contains_key(sleutel))
                        }
                        Overgang::Verwijderd { sleutel, .. } => {
                            assert!(oud.contains_key(sleutel) && !nieuw.contains_key(sleutel))
                        }
                        Overgang::Gewijzigd { sleutel, .. } => {
                            assert!(oud.contains_key(sleutel) && nieuw.contains_key(sleutel))
                        }
                    }
                }
                let erbij = nieuw.keys().filter(|s| !oud.contains_key(s)).count();
                let eraf = oud.keys().filter(|s| !nieuw.contains_key(s)).count();
                let vastgelegd = overgangen
                    .iter()
                    .filter(|o| matches!(o, Overgang::Vastgelegd { .. }))
                    .count();
                let verwijderd = overgangen
                    .iter()
                    .filter(|o| matches!(o, Overgang::Verwijderd { .. }))
                    .count();
                assert_eq!((vastgelegd, verwijderd), (erbij, eraf), "stap {stap}");
            }
            vorige = Some(nu);
        }
    }

    /// A file saved again in another encoding (Excel's CSV, its Unicode text with tabs, CSV
    /// UTF-8) shows no change of its rows; a changed value in it still shows.
    #[test]
    fn opnieuw_bewaard_in_een_andere_codering_verandert_geen_rij() {
        let utf8 = "zaak,datum,soort,door,toelichting\n\
                    KP-1,2025-03-03,gesprek,René,Naïef: € 12\n\
                    KP-1,2025-03-04,uitspraak,Zoë,\n";
        let windows_1252 = |tekst: &str| encoding_rs::WINDOWS_1252.encode(tekst).0.into_owned();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            utf8.replace(',', "\t")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let mut namen = Namen::default();
        let mut stand = Bestandsstand::new(Bestand::Gebeurtenissen);
        stand.volgende(Some(windows_1252(utf8)), &mut namen);
        for versie in [
            utf8.as_bytes().to_vec(),
            utf16,
            [BOM, utf8.as_bytes()].concat(),
            windows_1252(utf8),
        ] {
            let (overgangen, _) = stand.volgende(Some(versie), &mut namen);
            assert_eq!(overgangen, [], "{}", String::from_utf8_lossy(&stand.inhoud));
        }
        let gewijzigd = windows_1252(&utf8.replace("Naïef: € 12", "Naïef: € 13"));
        let (overgangen, _) = stand.volgende(Some(gewijzigd), &mut namen);
        assert!(
            matches!(&overgangen[..], [Overgang::Gewijzigd { velden: v, .. }]
                if v.len() == 1
                    && v[0].toon(&Geheimen::GEEN) == "toelichting „Naïef: € 12” → „Naïef: € 13”"),
            "{overgangen:?}"
        );
    }

    #[test]
    fn begin_en_eind_over_blokgrenzen() {
        let a = vec![7u8; 10_000];
        let mut b = a.clone();
        b[8_193] = 0;
        assert_eq!(gemeenschappelijk_begin(&a, &b), 8_193);
        assert_eq!(gemeenschappelijk_begin(&a, &a[..5]), 5);
        assert_eq!(gemeenschappelijk_begin(&[], &a), 0);
        assert_eq!(gemeenschappelijk_eind(&a, &b), 10_000 - 8_194);
        assert_eq!(gemeenschappelijk_eind(&a, &a[..5]), 5);
        assert_eq!(gemeenschappelijk_eind(&a[..0], &a), 0);
    }

    #[test]
    fn soort_gewijzigd_is_verwijderd_en_vastgelegd() {
        let mut namen = Namen::default();
        let mut stand = Bestandsstand::new(Bestand::Gebeurtenissen);
        let kop = "zaak,datum,soort,oordeel\n";
        stand.volgende(
            Some(format!("{kop}A,2025-01-02,gesprek,\nA,2025-01-03,gesprek,\n").into_bytes()),
            &mut namen,
        );
        let (o, _) = stand.volgende(
            Some(
                format!("{kop}A,2025-01-02,informatieverzoek,\nA,2025-01-03,gesprek,\n")
                    .into_bytes(),
            ),
            &mut namen,
        );
        let a = namen.zaak("A");
        let gesprek = namen.soort("gesprek");
        let verzoek = namen.soort("informatieverzoek");
        let s = |soort, rang| Sleutel {
            paar: Paar { zaak: a, soort },
            rang,
        };
        // The second gesprek is now the first: its row is unchanged, its key is not.
        assert!(o.contains(&Overgang::Verwijderd {
            sleutel: s(gesprek, 2),
            nieuwe_soort: None,
            geheimen: Geheimen::default(),
        }));
        assert!(o.iter().any(
            |x| matches!(x, Overgang::Gewijzigd { sleutel, .. } if *sleutel == s(gesprek, 1))
        ));
        assert!(o.iter().any(
            |x| matches!(x, Overgang::Vastgelegd { sleutel, .. } if *sleutel == s(verzoek, 1))
        ));
    }
}
