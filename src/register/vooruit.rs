//! Reading a CSV file ahead on a thread of its own: that thread reads the records (the
//! csv crate, with the decoding, the line numbers and the hash under it), the calling
//! thread turns them into rows. Records are handed over in bundles, which come back empty
//! to be read into again, so that reading allocates little once the first bundles exist.
//!
//! Why: `gebeurtenissen.csv` is the larger file, and its thread (reading and making rows)
//! was the one `check` waited for, while the thread of `klachten.csv` had long finished.
//! With its reading split off, `check --format json` took 0.195 instead of 0.219 s at
//! 100,000 cases and 1.81 instead of 2.46 s at a million (median wall time of 41 and 7
//! runs, the two builds in turn, the registers of `bench/check.sh`). `klachten.csv` is
//! not read ahead: a fourth thread, for its records, took processor time from these (2.25
//! against 1.81 s at a million cases). Making the rows on more threads (rayon, or two
//! threads taking bundles in turn) was no faster at 100,000 cases and took more processor
//! time (0.43 and 0.37 against 0.34 s).
//!
//! Should the thread that makes rows fail (a bug), the reading thread is still waited for:
//! on a named pipe, until its writer writes or closes it.

use std::io::Read;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread::{Scope, ScopedJoinHandle};

use super::lezer::{Csvlezer, Recordfout, Records, Rij};

/// Records per hand-over: enough that handing over costs little.
const BUNDEL: usize = 256;

/// Memory of records per hand-over, at most (and one record more; see [`gewicht`]): a
/// record may be up to [`super::lezer::MAX_RECORD`] long, and the reader's memory stays
/// bounded, whatever the file holds, at a few bundles of this.
const BUNDEL_BYTES: usize = 1 << 20;

/// Room that held a record weighing more than this is not read into again: so that the
/// room of the reused bundles stays small however long or wide some records are.
const GROOT: usize = 16 << 10;

/// Bundles waiting for the calling thread: the reader is at most this many, and the one
/// it is handing over, ahead.
const ONDERWEG: usize = 4;

/// Records that the reading thread hands over at once.
#[derive(Default)]
struct Bundel {
    /// Room for records, reused: a bundle's first `voorgelezen.len()` are read.
    records: Vec<csv::ByteRecord>,
    voorgelezen: Vec<Voorgelezen>,
}

/// What became of one record.
enum Voorgelezen {
    /// A row, on this line.
    Rij(u32),
    /// Not a row: why, and whether its record came along (to know its case).
    Fout(Recordfout, bool),
}

/// A [`Csvlezer`] reading ahead on a thread of its own, handing out what it read in file
/// order, as [`Csvlezer`] does.
pub struct Voorlezer<'s, R: Read> {
    bundels: Receiver<Bundel>,
    terug: Sender<Bundel>,
    draad: ScopedJoinHandle<'s, Csvlezer<R>>,
    bundel: Bundel,
    /// The next record of `bundel` to hand out.
    volgend: usize,
    posities: Vec<Option<usize>>,
}

impl<'s, R: Read + Send + 's> Voorlezer<'s, R> {
    /// Starts reading `lezer`'s records on a thread in `draden`.
    pub fn new<'e>(lezer: Csvlezer<R>, draden: &'s Scope<'s, 'e>) -> Voorlezer<'s, R> {
        let posities = lezer.kolommen().to_vec();
        let (heen, bundels) = mpsc::sync_channel(ONDERWEG);
        let (terug, leeg) = mpsc::channel();
        let draad = draden.spawn(move || lees(lezer, &heen, &leeg));
        Voorlezer {
            bundels,
            terug,
            draad,
            bundel: Bundel::default(),
            volgend: 0,
            posities,
        }
    }

    /// Waits for the reading thread, and gives back the reader as it ended.
    pub fn af(self) -> Csvlezer<R> {
        drop(self.bundels);
        self.draad
            .join()
            .unwrap_or_else(|paniek| std::panic::resume_unwind(paniek))
    }
}

impl<'s, R: Read> Records for Voorlezer<'s, R> {
    fn volgende(&mut self) -> Option<Result<Rij<'_>, Recordfout>> {
        if self.volgend == self.bundel.voorgelezen.len() {
            let volgende = self.bundels.recv().ok()?;
            let afgewerkt = std::mem::replace(&mut self.bundel, volgende);
            // The reader may have finished: then the bundle is not needed.
            let _ = self.terug.send(afgewerkt);
            self.volgend = 0;
        }
        let i = self.volgend;
        self.volgend += 1;
        match self.bundel.voorgelezen.get_mut(i)? {
            Voorgelezen::Rij(line) => {
                Some(Ok(Rij::van(&self.bundel.records[i], *line, &self.posities)))
            }
            Voorgelezen::Fout(fout, _) => Some(Err(Recordfout {
                line: fout.line,
                bericht: std::mem::take(&mut fout.bericht),
            })),
        }
    }

    fn afgewezen_rij(&self) -> Option<Rij<'_>> {
        let i = self.volgend.checked_sub(1)?;
        match self.bundel.voorgelezen.get(i)? {
            Voorgelezen::Fout(fout, true) => {
                Some(Rij::van(&self.bundel.records[i], fout.line, &self.posities))
            }
            _ => None,
        }
    }
}

/// The reading thread: reads every record into bundles and sends them; empty bundles come
/// back through `leeg`. Stops at the end of the file, or when nobody takes bundles.
fn lees<R: Read>(
    mut lezer: Csvlezer<R>,
    heen: &SyncSender<Bundel>,
    leeg: &Receiver<Bundel>,
) -> Csvlezer<R> {
    loop {
        let (bundel, uit) = vul(&mut lezer, leeg.try_recv().unwrap_or_default());
        if !bundel.voorgelezen.is_empty() && heen.send(bundel).is_err() {
            return lezer;
        }
        if uit {
            return lezer;
        }
    }
}

/// `bundel` filled afresh with the next records of `lezer`: up to [`BUNDEL`] records, or
/// fewer when they pass [`BUNDEL_BYTES`]. Says too whether the file is read to its end.
fn vul<R: Read>(lezer: &mut Csvlezer<R>, mut bundel: Bundel) -> (Bundel, bool) {
    bundel.voorgelezen.clear();
    let mut bytes = 0;
    while bundel.voorgelezen.len() < BUNDEL && bytes < BUNDEL_BYTES {
        let i = bundel.voorgelezen.len();
        match bundel.records.get_mut(i) {
            Some(record) if gewicht(record) > GROOT => *record = csv::ByteRecord::new(),
            Some(_) => {}
            None => bundel.records.push(csv::ByteRecord::new()),
        }
        let Some(gelezen) = volgende_in(lezer, &mut bundel.records[i]) else {
            return (bundel, true);
        };
        bytes += gewicht(&bundel.records[i]);
        bundel.voorgelezen.push(gelezen);
    }
    (bundel, false)
}

/// The memory a record takes: its bytes, and where each of its fields ends (the csv crate
/// keeps a `usize` per field, in room up to twice that). A record of empty fields is one
/// comma per field, and takes sixteen times its length.
fn gewicht(record: &csv::ByteRecord) -> usize {
    record.as_slice().len() + 2 * std::mem::size_of::<usize>() * record.len()
}

/// The next record of `lezer`, swapped into `record`.
fn volgende_in<R: Read>(
    lezer: &mut Csvlezer<R>,
    record: &mut csv::ByteRecord,
) -> Option<Voorgelezen> {
    let voorgelezen = match lezer.volgende()? {
        Ok(rij) => Voorgelezen::Rij(rij.line),
        Err(fout) => Voorgelezen::Fout(fout, lezer.afgewezen_rij().is_some()),
    };
    lezer.wissel_record(record);
    Some(voorgelezen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::lezer::Kolom;

    const KOLOMMEN: [Kolom; 2] = [Kolom::verplicht("zaak"), Kolom::optioneel("b")];

    /// Every record that `records` hands out, one line each: a row's line and fields, or
    /// an error's line and message with the case of the record it turned down.
    fn alles(records: &mut dyn Records) -> Vec<String> {
        let mut uit = Vec::new();
        while let Some(gelezen) = records.volgende() {
            uit.push(match gelezen {
                Ok(rij) => {
                    let veld = |k| rij.veld_zoals_getoond(k);
                    format!("{} {:?} {:?}", rij.line, veld(0), veld(1))
                }
                Err(fout) => {
                    let afgewezen = records.afgewezen_rij();
                    let zaak = afgewezen.map(|rij| rij.veld_zoals_getoond(0).into_owned());
                    format!("{} fout: {} ({zaak:?})", fout.line, fout.bericht)
                }
            });
        }
        uit
    }

    /// Every record of `tekst` as [`Csvlezer`] itself hands them out.
    fn zelf(tekst: &[u8]) -> Vec<String> {
        alles(&mut Csvlezer::uit_bytes(tekst, &KOLOMMEN))
    }

    /// Every record of `tekst` as [`Voorlezer`] hands them out from its thread.
    fn vooruit(tekst: &[u8]) -> Vec<String> {
        let lezer = Csvlezer::uit_bytes(tekst, &KOLOMMEN);
        std::thread::scope(|draden| {
            let mut lezer = Voorlezer::new(lezer, draden);
            let uit = alles(&mut lezer);
            lezer.af();
            uit
        })
    }

    #[test]
    fn geeft_wat_de_lezer_zelf_geeft_over_bundels_heen() {
        // Valid rows, rows of the wrong width at the end and the start of a bundle, rows
        // whose record spans lines, and an unclosed quote at the end.
        let mut tekst = String::from("zaak,b\n");
        for i in 0..3 * BUNDEL + 7 {
            let rij = if i == BUNDEL - 1 || i == BUNDEL || i == 2 * BUNDEL {
                format!("Z{i},x,te veel\n")
            } else if i % 97 == 0 {
                format!("Z{i}\n")
            } else if i % 31 == 0 {
                format!("Z{i},\"over\ntwee regels\"\n")
            } else {
                format!("Z{i},{i}\n")
            };
            tekst.push_str(&rij);
        }
        tekst.push_str("Z-open,\"nooit dicht\nZ-na,1\n");
        let verwacht = zelf(tekst.as_bytes());
        assert_eq!(verwacht.len(), 3 * BUNDEL + 8);
        assert!(
            verwacht[BUNDEL - 1].contains("fout: record heeft 3 velden"),
            "{}",
            verwacht[BUNDEL - 1]
        );
        let zaak = format!("(Some(\"Z{BUNDEL}\"))");
        assert!(verwacht[BUNDEL].ends_with(&zaak), "{}", verwacht[BUNDEL]);
        assert!(verwacht
            .last()
            .unwrap()
            .contains("aanhalingsteken niet gesloten"));
        assert_eq!(vooruit(tekst.as_bytes()), verwacht);
    }

    #[test]
    fn lange_records_maken_een_bundel_kleiner() {
        // Records of 60 KiB: a bundle stops once it holds 1 MiB of them.
        let lang = "x".repeat(60 << 10);
        let mut tekst = String::from("zaak,b\n");
        for i in 0..40 {
            tekst.push_str(&format!("Z{i},{lang}\n"));
        }
        let mut lezer = Csvlezer::uit_bytes(tekst.as_bytes(), &KOLOMMEN);
        let (bundel, uit) = vul(&mut lezer, Bundel::default());
        assert!(!uit);
        let n = bundel.voorgelezen.len();
        let bytes =
            |n: usize| -> usize { bundel.records[..n].iter().map(|r| r.as_slice().len()).sum() };
        assert!(n < BUNDEL, "{n}");
        assert!(
            bytes(n - 1) < BUNDEL_BYTES && bytes(n) >= BUNDEL_BYTES,
            "{n}"
        );
        // Read whole, ahead or not, the rows are the same.
        assert_eq!(vooruit(tekst.as_bytes()), zelf(tekst.as_bytes()));
        assert_eq!(zelf(tekst.as_bytes()).len(), 40);
    }

    #[test]
    fn brede_records_van_lege_velden_maken_een_bundel_kleiner() {
        // Records of 20,000 empty fields: no bytes of their own, but 20,000 field ends.
        let breed = ",".repeat(20_000);
        let mut tekst = String::from("zaak,b\n");
        for i in 0..40 {
            tekst.push_str(&format!("Z{i}{breed}\n"));
        }
        let mut lezer = Csvlezer::uit_bytes(tekst.as_bytes(), &KOLOMMEN);
        let (bundel, _) = vul(&mut lezer, Bundel::default());
        let n = bundel.voorgelezen.len();
        let gewicht = |n: usize| -> usize { bundel.records[..n].iter().map(gewicht).sum() };
        assert!(n < 10, "{n}");
        assert!(
            gewicht(n - 1) < BUNDEL_BYTES && gewicht(n) >= BUNDEL_BYTES,
            "{n}"
        );
        assert_eq!(vooruit(tekst.as_bytes()), zelf(tekst.as_bytes()));
    }

    #[test]
    fn een_te_lang_record_midden_in_een_bundel() {
        // Reading stops at a record over the limit, as the reader itself stops.
        let te_lang = "x".repeat(3 * super::super::lezer::MAX_RECORD as usize);
        let mut tekst = String::from("zaak,b\n");
        for i in 0..10 {
            tekst.push_str(&format!("Z{i},{i}\n"));
        }
        tekst.push_str(&format!("Z-lang,{te_lang}\nZ-na,1\n"));
        let verwacht = zelf(tekst.as_bytes());
        assert_eq!(verwacht.len(), 11, "{verwacht:?}");
        assert!(
            verwacht[10].contains("record langer dan"),
            "{}",
            verwacht[10]
        );
        assert_eq!(vooruit(tekst.as_bytes()), verwacht);
    }

    #[test]
    fn een_leeg_bestand_en_een_met_alleen_een_kopregel() {
        for tekst in [&b""[..], b"zaak,b\n", b"zaak,b"] {
            assert_eq!(vooruit(tekst), Vec::<String>::new());
        }
        assert_eq!(vooruit(b"zaak,b\nZ1,2"), vec!["2 \"Z1\" \"2\"".to_string()]);
    }
}
