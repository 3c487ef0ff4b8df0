//! The cases of klachten.csv by case number, for matching events to their case.
//!
//! At a million cases and five million events this lookup is the loader's hottest spot,
//! so the index is built for it. Its table holds only each case's position (eight bytes a
//! slot, so a large part of it stays in cache); a key is compared against one compact text
//! that holds all case numbers in file order, where the cases an event may refer to (those
//! received in the weeks before it) lie close together. `hashbrown::HashTable` allows this
//! (a table keyed by something other than what it stores); it is the crate behind the
//! standard `HashMap`, already in the build through `indexmap`.

use std::hash::BuildHasher;

use chrono::NaiveDate;
use hashbrown::hash_table::{Entry, HashTable};
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

pub struct Zaakindex<'a> {
    tabel: HashTable<Plek>,
    /// All case numbers one after another, and where each ends.
    zaaknummers: &'a str,
    einden: Vec<usize>,
}

/// A case number that occurs again: the later row, and the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dubbel {
    pub later: usize,
    pub eerste: usize,
}

fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

impl<'a> Zaakindex<'a> {
    /// Indexes `zaken`, whose case numbers `zaaknummers` holds one after another. The
    /// first row of a case number counts; the later ones are returned, in file order.
    pub fn bouw(
        zaken: &[Zaak],
        zaaknummers: &'a str,
        peildatum: NaiveDate,
    ) -> (Zaakindex<'a>, Vec<Dubbel>) {
        let einden: Vec<usize> = zaken
            .iter()
            .scan(0, |eind, zaak| {
                *eind += zaak.id.len();
                Some(*eind)
            })
            .collect();
        let mut index = Zaakindex {
            tabel: HashTable::with_capacity(zaken.len()),
            zaaknummers,
            einden,
        };
        let hashes: Vec<u64> = (0..zaken.len())
            .into_par_iter()
            .map(|i| hash(index.zaaknummer(i)))
            .collect();
        let mut dubbel = Vec::new();
        for (i, zaak) in zaken.iter().enumerate() {
            let id = index.zaaknummer(i);
            let Zaakindex {
                tabel,
                zaaknummers,
                einden,
            } = &mut index;
            let zelfde = |plek: &Plek| zaaknummer(zaaknummers, einden, plek.index as usize) == id;
            match tabel.entry(hashes[i], zelfde, |plek| hashes[plek.index as usize]) {
                Entry::Occupied(eerste) => dubbel.push(Dubbel {
                    later: i,
                    eerste: eerste.get().index as usize,
                }),
                Entry::Vacant(plek) => {
                    plek.insert(Plek {
                        // More than 4 billion cases would not fit in memory anyway.
                        index: u32::try_from(i).unwrap_or(u32::MAX),
                        na_peildatum: zaak.ontvangen > peildatum,
                    });
                }
            }
        }
        (index, dubbel)
    }

    pub fn get(&self, id: &str) -> Option<Plek> {
        self.tabel
            .find(hash(id), |plek| self.zaaknummer(plek.index as usize) == id)
            .copied()
    }

    fn zaaknummer(&self, i: usize) -> &'a str {
        zaaknummer(self.zaaknummers, &self.einden, i)
    }
}

fn zaaknummer<'a>(zaaknummers: &'a str, einden: &[usize], i: usize) -> &'a str {
    let begin = match i {
        0 => 0,
        _ => einden.get(i - 1).copied().unwrap_or(0),
    };
    let eind = einden.get(i).copied().unwrap_or(begin);
    zaaknummers.get(begin..eind).unwrap_or_default()
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
        let (index, dubbel) = Zaakindex::bouw(&zaken, &zaaknummers, d(4));
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
        assert_eq!(index.get("E"), None);
        assert_eq!(index.get("A-"), None);
        assert_eq!(index.get(""), None);
        let paren: Vec<(usize, usize)> = dubbel.iter().map(|d| (d.later, d.eerste)).collect();
        assert_eq!(paren, [(2, 0), (4, 1), (5, 0)]);
    }
}
