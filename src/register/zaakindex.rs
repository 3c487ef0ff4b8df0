//! The cases of klachten.csv by case number, for matching events to their case.
//!
//! At a million cases and five million events this lookup is the loader's hottest spot:
//! nearly all of its time is spent waiting for memory. So the index is a small hash table
//! of its own, built for that:
//!
//! - a slot is eight bytes: the case's position and a tag from the case number's hash, so
//!   that a slot of another case is passed over without looking at its number;
//! - case numbers are compared against one compact text of all case numbers in file order,
//!   where the cases an event may refer to (those received in the weeks before it) lie
//!   close together;
//! - [`Zaakindex::zoek_alle`] looks up many numbers in two passes: first it reads every
//!   number's home slot, then it finishes each search. The reads of the first pass do not
//!   wait for each other, so the processor overlaps their cache misses;
//! - the table is split into as many equal stretches of slots as there are threads; a
//!   number's home slot says which stretch, and its search never leaves that stretch, so
//!   each thread fills its own stretch, side by side.
//!
//! Open addressing with linear probing, at most half full.

use std::hash::BuildHasher;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use crate::model::Zaak;

/// Where a case is in the list of cases, and whether it is left out (received after the
/// peildatum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plek {
    pub index: u32,
    pub na_peildatum: bool,
}

/// A case number that occurs again: the later row, and the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dubbel {
    pub later: usize,
    pub eerste: usize,
}

pub struct Zaakindex<'a> {
    /// 0 for an empty slot; else the tag in the high half and the case's position plus one
    /// in the low half.
    slots: Vec<u64>,
    /// Slots per stretch, a power of two.
    stuk: usize,
    /// All case numbers one after another, and where each ends.
    zaaknummers: &'a str,
    einden: Vec<usize>,
    na_peildatum: Vec<bool>,
}

fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

fn tag(hash: u64) -> u64 {
    hash >> 32 << 32
}

impl<'a> Zaakindex<'a> {
    /// Indexes `zaken`, whose case numbers `zaaknummers` holds one after another, in
    /// `delen` stretches built side by side. The first row of a case number counts; the
    /// later ones are returned, in file order.
    pub fn bouw(
        zaken: &[Zaak],
        zaaknummers: &'a str,
        peildatum: NaiveDate,
        delen: usize,
    ) -> (Zaakindex<'a>, Vec<Dubbel>) {
        // Stretches of fewer slots gain nothing, and are more likely to fill up unevenly.
        let delen = delen.clamp(1, zaken.len() / (1 << 14) + 1);
        Zaakindex::bouw_in(zaken, zaaknummers, peildatum, delen)
    }

    fn bouw_in(
        zaken: &[Zaak],
        zaaknummers: &'a str,
        peildatum: NaiveDate,
        delen: usize,
    ) -> (Zaakindex<'a>, Vec<Dubbel>) {
        // One pass over the cases, side by side: each number's length, hash and whether
        // the case is left out.
        let (lengtes, (hashes, na_peildatum)): (Vec<usize>, (Vec<u64>, Vec<bool>)) = zaken
            .par_iter()
            .map(|zaak| (zaak.id.len(), (hash(&zaak.id), zaak.ontvangen > peildatum)))
            .unzip();
        let mut index = Zaakindex {
            slots: Vec::new(),
            stuk: 1,
            zaaknummers,
            einden: lengtes
                .into_iter()
                .scan(0, |eind, lengte| {
                    *eind += lengte;
                    Some(*eind)
                })
                .collect(),
            na_peildatum,
        };
        let dubbel = match index.vul(&hashes, delen.max(1).next_power_of_two()) {
            Some(dubbel) => dubbel,
            // A stretch filled up (the hashes fell very unevenly): one stretch cannot.
            None => index.vul(&hashes, 1).unwrap_or_default(),
        };
        (index, dubbel)
    }

    /// Fills the slots, in `delen` stretches side by side; None when a stretch fills up.
    fn vul(&mut self, hashes: &[u64], delen: usize) -> Option<Vec<Dubbel>> {
        let stuk = (2 * hashes.len())
            .div_ceil(delen)
            .max(2)
            .next_power_of_two();
        // Zeros written side by side rather than memory that merely reads as zero: fresh
        // memory from the system maps a shared page of zeros where it is read before it is
        // written, and the write then replaces that page, which on a machine of several
        // cores stops the other cores to forget the old one. Written first, each page is
        // faulted in once.
        let mut slots = Vec::with_capacity(stuk * delen);
        slots.par_extend(rayon::iter::repeat_n(0u64, stuk * delen));
        let index = &*self;
        let dubbel: Option<Vec<Vec<Dubbel>>> = slots
            .par_chunks_mut(stuk)
            .enumerate()
            .map(|(deel, stretch)| {
                let mut dubbel = Vec::new();
                let mut gevuld = 0;
                for (i, &h) in hashes.iter().enumerate() {
                    let thuis = h as usize & (stuk * delen - 1);
                    if thuis / stuk != deel {
                        continue;
                    }
                    let id = index.zaaknummer(i);
                    let mut plek = thuis % stuk;
                    loop {
                        let slot = stretch[plek];
                        if slot == 0 {
                            // Always leave a slot empty, so that every search ends.
                            gevuld += 1;
                            if gevuld == stuk {
                                return None;
                            }
                            // More than 4 billion cases would not fit in memory anyway.
                            let positie = u32::try_from(i + 1).unwrap_or(u32::MAX);
                            stretch[plek] = tag(h) | u64::from(positie);
                            break;
                        }
                        let eerste = index.positie(slot);
                        if tag(slot) == tag(h) && index.zaaknummer(eerste) == id {
                            dubbel.push(Dubbel { later: i, eerste });
                            break;
                        }
                        plek = (plek + 1) & (stuk - 1);
                    }
                }
                Some(dubbel)
            })
            .collect();
        let mut dubbel: Vec<Dubbel> = dubbel?.into_iter().flatten().collect();
        dubbel.sort_unstable_by_key(|d| d.later);
        self.slots = slots;
        self.stuk = stuk;
        Some(dubbel)
    }

    pub fn get(&self, id: &str) -> Option<Plek> {
        let h = hash(id);
        self.zoek_verder(id, h, self.slots[self.thuis(h)])
    }

    /// Looks up every number in `ids` (see the module's notes) into `uit`.
    pub fn zoek_alle(&self, ids: &[&str], uit: &mut Vec<Option<Plek>>) {
        let hashes: Vec<u64> = ids.iter().map(|id| hash(id)).collect();
        let eerste: Vec<u64> = hashes.iter().map(|&h| self.slots[self.thuis(h)]).collect();
        uit.clear();
        uit.extend(
            ids.iter()
                .zip(hashes)
                .zip(eerste)
                .map(|((id, h), slot)| self.zoek_verder(id, h, slot)),
        );
    }

    /// Continues the search for `id` from its home slot, whose content is `slot`.
    fn zoek_verder(&self, id: &str, h: u64, mut slot: u64) -> Option<Plek> {
        let thuis = self.thuis(h);
        let begin = thuis & !(self.stuk - 1);
        let mut plek = thuis;
        loop {
            if slot == 0 {
                return None;
            }
            let positie = self.positie(slot);
            if tag(slot) == tag(h) && self.zaaknummer(positie) == id {
                return Some(Plek {
                    index: u32::try_from(positie).unwrap_or(u32::MAX),
                    na_peildatum: self.na_peildatum.get(positie).copied().unwrap_or(false),
                });
            }
            plek = begin + ((plek + 1) & (self.stuk - 1));
            slot = self.slots[plek];
        }
    }

    fn thuis(&self, h: u64) -> usize {
        h as usize & (self.slots.len() - 1)
    }

    fn positie(&self, slot: u64) -> usize {
        (slot as u32 as usize).saturating_sub(1)
    }

    fn zaaknummer(&self, i: usize) -> &'a str {
        let begin = match i {
            0 => 0,
            _ => self.einden.get(i - 1).copied().unwrap_or(0),
        };
        let eind = self.einden.get(i).copied().unwrap_or(begin);
        self.zaaknummers.get(begin..eind).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zaak(id: &str, ontvangen: NaiveDate) -> Zaak {
        let mut zaak = crate::rules::test_zaak("2025-01-06");
        zaak.id = id.into();
        zaak.ontvangen = ontvangen;
        zaak
    }

    #[test]
    fn eerste_rij_telt_en_latere_zijn_dubbel() {
        let d = |dag| NaiveDate::from_ymd_opt(2025, 1, dag).unwrap();
        let ids = ["A-1", "B-22", "A-1", "C-333", "B-22", "A-1", "D"];
        let zaken: Vec<Zaak> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| zaak(id, d(i as u32 + 1)))
            .collect();
        let zaaknummers: String = ids.concat();
        for delen in [1, 2, 3, 16] {
            let (index, dubbel) = Zaakindex::bouw_in(&zaken, &zaaknummers, d(4), delen);
            let plek = |index: u32, na_peildatum| {
                Some(Plek {
                    index,
                    na_peildatum,
                })
            };
            assert_eq!(index.get("A-1"), plek(0, false));
            assert_eq!(index.get("B-22"), plek(1, false));
            assert_eq!(index.get("C-333"), plek(3, false));
            assert_eq!(index.get("D"), plek(6, true));
            for onbekend in ["E", "A-", "", "A-1 "] {
                assert_eq!(index.get(onbekend), None);
            }
            let paren: Vec<(usize, usize)> = dubbel.iter().map(|d| (d.later, d.eerste)).collect();
            assert_eq!(paren, [(2, 0), (4, 1), (5, 0)], "{delen} delen");
        }
    }

    /// Many numbers, so that searches run past occupied slots and wrap around the end of
    /// their stretch; looked up one by one and all at once.
    #[test]
    fn veel_zaken_en_botsende_slots() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let ids: Vec<String> = (0..5000)
            .map(|i| format!("Z{}", i * 7919 % 10007))
            .collect();
        let zaken: Vec<Zaak> = ids.iter().map(|id| zaak(id, d)).collect();
        let zaaknummers: String = ids.concat();
        for delen in [1, 2, 4, 64] {
            let (index, dubbel) = Zaakindex::bouw_in(&zaken, &zaaknummers, d, delen);
            assert!(dubbel.is_empty());
            let gezocht: Vec<&str> = ids
                .iter()
                .map(String::as_str)
                .chain(["Z10007", "X"])
                .collect();
            let mut gevonden = Vec::new();
            index.zoek_alle(&gezocht, &mut gevonden);
            for (i, plek) in gevonden.iter().enumerate() {
                let verwacht = (i < ids.len()).then_some(Plek {
                    index: i as u32,
                    na_peildatum: false,
                });
                assert_eq!(*plek, verwacht, "{}", gezocht[i]);
                assert_eq!(index.get(gezocht[i]), verwacht);
            }
        }
    }
}
