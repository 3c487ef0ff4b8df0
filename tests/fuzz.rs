//! The fuzz suite: random and mutated registers, seeded and reproducible, through `check`
//! in every format and through `build`, bounded to about a minute in a debug build on two
//! cores. Every register is built from parts that try what an attacker would (personal
//! data written with entities, escapes, comments and invisible characters; links that
//! leave the site; raw HTML; deep nesting; symlinks out of the register; odd line ends,
//! byte-order marks and either separator; broken quoting, invalid UTF-8, over-long
//! fields; impossible and far-off dates; bad `reglement.toml`), then mutated row by row.
//! Most registers go through the library, every [`BINAIR_ELKE`]-th through the binary.
//!
//! Asserted for every register: no panic (the binary exits 0, 1 or 2, never 101 or on a
//! signal); every row accounted for (`cases = checked + out_of_scope + left_out +
//! invalid`); no complainant's name or contact value of any row, and no planted e-mail
//! address, phone number, BSN, IBAN or file from outside the register, in any output
//! file or stream, as written and as a reader sees it (HTML entities decoded, tags left
//! out, invisible characters ignored, letters in any case); no link on any page that
//! leaves the site; nothing written outside `--out`, and the register untouched.
//!
//! `KLACHTEN_FUZZ_SEED=<n>` runs other registers; `KLACHTEN_FUZZ_RONDE=<i>` runs one round
//! of that seed and keeps its register (its folder is printed), to reproduce a failure.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use chrono::NaiveDate;
use common::*;
use klachten::model::Soort;
use klachten::report::{self, Formaat, Opties};
use klachten::{controleer, Drempel, Register};

/// The default seed: a run of `cargo test` always tries the same registers.
const SEED: u64 = 0x0019_F022_2026;
/// Registers per run.
const RONDEN: usize = 160;
/// Registers judged side by side.
const WERKERS: usize = 2;
/// Every this many registers go through the binary rather than the library.
const BINAIR_ELKE: usize = 8;

#[test]
fn willekeurige_en_verminkte_registers() {
    let seed = std::env::var("KLACHTEN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED);
    let alleen: Option<usize> = std::env::var("KLACHTEN_FUZZ_RONDE")
        .ok()
        .and_then(|s| s.parse().ok());
    let begin = std::time::Instant::now();
    let rondes: Vec<usize> = match alleen {
        Some(r) => vec![r],
        None => (0..RONDEN).collect(),
    };
    // Two workers, one per core of the machine this is bounded for; each round is judged
    // on its own, and the first failure (in round order) is reported.
    let volgende = AtomicUsize::new(0);
    let geteld = Telling::default();
    let mut fouten: Vec<(usize, String)> = std::thread::scope(|s| {
        let werkers: Vec<_> = (0..WERKERS)
            .map(|_| {
                s.spawn(|| {
                    let mut fouten = Vec::new();
                    loop {
                        let i = volgende.fetch_add(1, Relaxed);
                        let Some(&ronde) = rondes.get(i) else { break };
                        if let Err(fout) = draai_ronde(seed, ronde, alleen.is_some(), &geteld) {
                            fouten.push((ronde, fout));
                        }
                    }
                    fouten
                })
            })
            .collect();
        // A worker that panicked outside a round's own guard fails the test with its panic.
        werkers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    fouten.sort();
    if let Some((_, fout)) = fouten.first() {
        panic!(
            "{} of {} registers failed; the first:\n{fout}",
            fouten.len(),
            rondes.len()
        );
    }
    eprintln!(
        "fuzz: seed {seed}, {} registers in {:.1} s: {} could not be loaded, {} input errors, \
         {} redactions, {} pages",
        rondes.len(),
        begin.elapsed().as_secs_f64(),
        geteld.niet_geladen.load(Relaxed),
        geteld.invoerfouten.load(Relaxed),
        geteld.redacties.load(Relaxed),
        geteld.paginas.load(Relaxed),
    );
    // The registers of a whole run reach what they are made for (one round, rerun to
    // reproduce a failure, need not).
    if alleen.is_none() {
        assert!(geteld.niet_geladen.load(Relaxed) < rondes.len() / 3);
        assert!(geteld.redacties.load(Relaxed) > rondes.len());
    }
}

/// What the registers of a run exercised, to show that they reach the code they aim at.
#[derive(Default)]
struct Telling {
    niet_geladen: AtomicUsize,
    invoerfouten: AtomicUsize,
    redacties: AtomicUsize,
    paginas: AtomicUsize,
}

/// Makes and judges register number `ronde` of `seed`; the failure with what reproduces
/// it.
fn draai_ronde(seed: u64, ronde: usize, bewaar: bool, geteld: &Telling) -> Result<(), String> {
    let mut t = Toeval(seed ^ (ronde as u64).wrapping_mul(0x9E37_79B9));
    let map = tempfile::tempdir().unwrap();
    let register = Maker::new(&mut t, map.path()).maak();
    let peildatum = *t.kies(&["2026-11-24", "2025-06-30", "2024-12-31"]);
    let binair = ronde % BINAIR_ELKE == BINAIR_ELKE - 1;
    let voor = momentopname(&register.pad);
    let uitkomst = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if binair {
            draai_binair(&register, peildatum, geteld);
        } else {
            draai_bibliotheek(&register, peildatum, geteld);
        }
        assert_eq!(
            momentopname(&register.pad),
            voor,
            "the register was changed"
        );
    }));
    if bewaar {
        eprintln!("register: {}", map.keep().display());
        return uitkomst.map_err(|_| "failed".to_string());
    }
    uitkomst.map_err(|paniek| {
        let bewaard = map.keep();
        let reden = paniek
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| paniek.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!(
            "round {ronde} of seed {seed} ({}), as-of {peildatum}: {reden}\n\
             reproduce: KLACHTEN_FUZZ_SEED={seed} KLACHTEN_FUZZ_RONDE={ronde} cargo test \
             --test fuzz; the register is kept in {}",
            if binair { "binary" } else { "library" },
            bewaard.display()
        )
    })
}

// ---------------------------------------------------------------------------------------
// Making registers
// ---------------------------------------------------------------------------------------

/// A register on disk and what no output may show.
struct Gemaakt {
    pad: PathBuf,
    verboden: Vec<String>,
}

struct Maker<'t> {
    t: &'t mut Toeval,
    map: PathBuf,
    verboden: Vec<String>,
}

/// One case's ids and the values its texts hide.
struct Zaakdeel {
    id: String,
    klager: String,
    contact: String,
}

const WOORDEN: &[&str] = &[
    "Gesprek",
    "over",
    "de",
    "klacht",
    "termijn",
    "verlenging",
    "klant",
    "coach",
    "brief",
    "€ 1.250,00",
    "12-03-2025",
    "ZW-2025-014",
    "14:30",
    "1234 AB",
    "artikel 4.3",
    "ë",
    "🙂",
    "\"aanhalingstekens\"",
    "komma,",
    "punt;komma",
    "regel\neinde",
    "tab\tje",
    "<b>vet</b>",
    "a & b",
    "&amp;",
    "[link](https://voorbeeld.nl)",
    "#",
    "*",
    "_",
    "`code`",
    "\\",
];

const GEEN_LINKS: &[&str] = &[
    "https://voorbeeld.nl/x",
    "HTTP://voorbeeld.nl",
    "//voorbeeld.nl/x",
    "/\\voorbeeld.nl/x",
    "\\\\voorbeeld.nl\\x",
    "/etc/passwd",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,x",
    "%2F%2Fvoorbeeld.nl",
    "../../../../etc/passwd",
    "a/../../../../../x",
    "%2e%2e/%2e%2e/%2e%2e/x",
    " //voorbeeld.nl",
    "C:/x",
];

const BINNEN_LINKS: &[&str] = &["#boven", "../../index.html", "../0a/KP-2.html", "x.html"];

impl<'t> Maker<'t> {
    fn new(t: &'t mut Toeval, map: &Path) -> Maker<'t> {
        Maker {
            t,
            map: map.to_path_buf(),
            verboden: Vec::new(),
        }
    }

    fn woord(&mut self, lengte: usize) -> String {
        let letters = b"bcdfghjklmnpqrstvwxzaeiouy";
        let mut w: String = (0..lengte)
            .map(|_| letters[self.t.onder(letters.len())] as char)
            .collect();
        w[..1].make_ascii_uppercase();
        w
    }

    fn cijfers(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.t.onder(10) as u8))
            .collect()
    }

    /// A case number that no single changed byte turns into another's.
    fn id(&mut self) -> String {
        let tekens = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        let mut id = String::new();
        for i in 0..9 {
            if i == 4 {
                id.push('-');
            } else {
                id.push(tekens[self.t.onder(tekens.len())] as char);
            }
        }
        id
    }

    // --- personal data ---------------------------------------------------------------

    fn email(&mut self) -> String {
        let (a, b) = (self.woord(5), self.woord(6));
        format!(
            "{}.{}@{}.nl",
            a.to_lowercase(),
            self.woord(4).to_lowercase(),
            b.to_lowercase()
        )
    }

    fn telefoon(&mut self) -> String {
        match self.t.onder(3) {
            0 => format!("06-{}{}", 1 + self.t.onder(9), self.cijfers(7)),
            1 => format!("010-{}{}", 1 + self.t.onder(9), self.cijfers(6)),
            _ => format!("+31 6 {}{}", 1 + self.t.onder(9), self.cijfers(7)),
        }
    }

    /// Nine digits passing the elfproef.
    fn bsn(&mut self) -> String {
        loop {
            let d: Vec<u32> = (0..8).map(|_| self.t.onder(10) as u32).collect();
            if d[0] == 0 {
                continue;
            }
            let som: u32 = d.iter().zip((2..=9).rev()).map(|(c, w)| c * w).sum();
            let laatste = som % 11;
            if laatste < 10 {
                return d.iter().chain([&laatste]).map(|c| c.to_string()).collect();
            }
        }
    }

    /// A Dutch IBAN passing its mod-97 check.
    fn iban(&mut self) -> String {
        let bank: String = (0..4)
            .map(|_| char::from(b'A' + self.t.onder(26) as u8))
            .collect();
        let rekening = self.cijfers(10);
        let bban = format!("{bank}{rekening}");
        let mut rest: u32 = 0;
        for c in format!("{bban}NL00").chars() {
            rest = match c.to_digit(10) {
                Some(d) => (rest * 10 + d) % 97,
                None => (rest * 100 + (c as u32 - 'A' as u32 + 10)) % 97,
            };
        }
        format!("NL{:02}{bban}", 98 - rest)
    }

    /// A piece of personal data, remembered as what no output may show.
    fn gegeven(&mut self) -> String {
        let g = match self.t.onder(4) {
            0 => self.email(),
            1 => self.telefoon(),
            2 => self.bsn(),
            _ => self.iban(),
        };
        self.verboden.push(g.clone());
        g
    }

    fn zaakdeel(&mut self) -> Zaakdeel {
        let klager = format!(
            "{} {} {}",
            self.t.kies(&["Mevrouw", "De heer", "Familie"]),
            self.woord(6),
            self.woord(7)
        );
        let contact = match self.t.onder(3) {
            0 => self.email(),
            1 => self.telefoon(),
            _ => format!(
                "{}straat {}, {} {}",
                self.woord(6),
                1 + self.t.onder(200),
                self.woord(7),
                self.cijfers(3)
            ),
        };
        self.verboden.push(klager.clone());
        self.verboden.push(contact.clone());
        Zaakdeel {
            id: self.id(),
            klager,
            contact,
        }
    }

    // --- variants as written -------------------------------------------------------------

    /// `geheim` as someone might write it in plain text: in other letters, with extra or
    /// other white space, with an invisible character inside.
    fn variant(&mut self, geheim: &str) -> String {
        let mut tekens: Vec<char> = geheim.chars().collect();
        match self.t.onder(7) {
            0 => return geheim.to_uppercase(),
            1 => return geheim.to_lowercase(),
            2 => return geheim.replace(' ', "  "),
            3 => return geheim.replace(' ', "\u{a0}"),
            4 => {
                let plek = 1 + self.t.onder(tekens.len().max(2) - 1);
                let teken = *self.t.kies(&['\u{200B}', '\u{AD}', '\u{2060}', '\u{FEFF}']);
                tekens.insert(plek.min(tekens.len()), teken);
            }
            _ => {}
        }
        tekens.into_iter().collect()
    }

    /// `geheim` as someone might hide it in Markdown: a character as an entity, a
    /// backslash escape, a comment or emphasis inside, a line break for a space.
    fn md_variant(&mut self, geheim: &str) -> String {
        let tekens: Vec<char> = geheim.chars().collect();
        let plek = 1 + self.t.onder(tekens.len().max(2) - 1).min(tekens.len() - 1);
        let (voor, na): (String, String) = (
            tekens[..plek].iter().collect(),
            tekens[plek..].iter().collect(),
        );
        match self.t.onder(8) {
            0 => {
                let c = tekens[plek];
                let rest: String = tekens[plek + 1..].iter().collect();
                if self.t.een_op(2) {
                    format!("{voor}&#{};{rest}", c as u32)
                } else {
                    format!("{voor}&#x{:X};{rest}", c as u32)
                }
            }
            1 => format!("{voor}<!-- x -->{na}"),
            2 => geheim
                .chars()
                .map(|c| {
                    if c.is_ascii_punctuation() {
                        format!("\\{c}")
                    } else {
                        c.to_string()
                    }
                })
                .collect(),
            3 if na.len() > 2 && !voor.ends_with(' ') && !na.starts_with(' ') => {
                let (a, b) = na.split_at(1);
                format!("{voor}*{a}*{b}")
            }
            4 => geheim.replacen(' ', "\n", 1),
            5 => format!("`{geheim}`"),
            _ => self.variant(geheim),
        }
    }

    /// Free text of a case: words, personal data, and the case's own values as they might
    /// be written.
    fn tekst(&mut self, zaak: &Zaakdeel) -> String {
        let mut delen = Vec::new();
        for _ in 0..self.t.onder(6) {
            let deel = match self.t.onder(12) {
                0 => self.gegeven(),
                1 => {
                    let geheim = zaak.klager.clone();
                    self.variant(&geheim)
                }
                2 => {
                    let geheim = zaak.contact.clone();
                    self.variant(&geheim)
                }
                3 => self
                    .t
                    .kies(&["\u{1b}[31m", "\u{7}", "\u{202E}", "\u{0}", "\r"])
                    .to_string(),
                _ => self.t.kies(WOORDEN).to_string(),
            };
            delen.push(deel);
        }
        delen.join(" ")
    }

    fn md_tekst(&mut self, zaak: &Zaakdeel) -> String {
        let mut delen = Vec::new();
        for _ in 0..1 + self.t.onder(6) {
            let deel = match self.t.onder(10) {
                0 => {
                    let g = self.gegeven();
                    self.md_variant(&g)
                }
                1 => {
                    let g = zaak.klager.clone();
                    self.md_variant(&g)
                }
                2 => {
                    let g = zaak.contact.clone();
                    self.md_variant(&g)
                }
                3 => self.link(),
                _ => self.t.kies(WOORDEN).to_string(),
            };
            delen.push(deel);
        }
        delen.join(" ")
    }

    fn link(&mut self) -> String {
        let doel = match self.t.onder(4) {
            0 => self.t.kies(BINNEN_LINKS).to_string(),
            1 => format!("mailto:{}", self.gegeven()),
            _ => self.t.kies(GEEN_LINKS).to_string(),
        };
        match self.t.onder(4) {
            0 => format!("<{doel}>"),
            1 => format!("[tekst][r{}]", self.t.onder(3)),
            _ => format!("[tekst]({doel} \"titel\")"),
        }
    }

    // --- files ---------------------------------------------------------------------------

    fn datum(&mut self, rond: NaiveDate) -> String {
        if self.t.een_op(12) {
            return self
                .t
                .kies(&[
                    "31-02-2025",
                    "2025-13-01",
                    "morgen",
                    "",
                    "0202-03-03",
                    "9999-12-31",
                    "0001-01-01",
                    "2025-3-3",
                    "03-03-25",
                    " 2025-03-03 ",
                ])
                .to_string();
        }
        let dag = rond + chrono::Days::new(self.t.onder(60) as u64);
        if self.t.een_op(2) {
            dag.format("%Y-%m-%d").to_string()
        } else {
            dag.format("%d-%m-%Y").to_string()
        }
    }

    fn dossier(&mut self, zaak: &Zaakdeel) -> String {
        let mut blokken = vec![format!("# {}", zaak.id)];
        for _ in 0..1 + self.t.onder(6) {
            let blok = match self.t.onder(9) {
                0 => format!(
                    "<div title=\"{}\"><a href=\"{}\">{}</a><!-- {} --></div>",
                    zaak.klager,
                    self.t.kies(GEEN_LINKS),
                    self.md_tekst(zaak),
                    zaak.contact
                ),
                1 => format!(
                    "{} {}",
                    ">".repeat(1 + self.t.onder(60)),
                    self.md_tekst(zaak)
                ),
                2 => format!("- {}\n- {}", self.md_tekst(zaak), self.md_tekst(zaak)),
                3 => format!("```{}\n{}\n```", self.gegeven(), self.md_tekst(zaak)),
                4 => format!("![{}]({})", zaak.klager, self.t.kies(GEEN_LINKS)),
                5 => format!(
                    "| a | b |\n|---|---|\n| {} | {} |",
                    self.md_tekst(zaak).replace(['|', '\n'], " "),
                    self.gegeven()
                ),
                6 => format!(
                    "[r0]: {}\n[r1]: {}\n[r2]: mailto:{}",
                    self.t.kies(GEEN_LINKS).replace(' ', ""),
                    self.t.kies(BINNEN_LINKS),
                    self.gegeven()
                ),
                7 => format!("{}. {}", self.bsn(), self.md_tekst(zaak)),
                _ => self.md_tekst(zaak),
            };
            blokken.push(blok);
        }
        if self.t.een_op(15) {
            blokken.push("> ".repeat(2000) + "diep");
        }
        let einde = *self.t.kies(&["\n", "\r\n", "\r"]);
        let mut md = blokken.join("\n\n").replace('\n', einde);
        md.push_str(einde);
        md
    }

    /// Writes a table: `kolommen` as the header, `rijen` as records. Fields are quoted
    /// where they need it, except in rows marked raw.
    fn csv(&mut self, kolommen: &[&str], rijen: &[(Vec<Vec<u8>>, bool)]) -> Vec<u8> {
        let scheiding = if self.t.een_op(3) { b';' } else { b',' };
        let einden: [&[u8]; 3] = [b"\n", b"\r\n", b"\r"];
        let einde: &&[u8] = self.t.kies(&einden);
        let mut uit = Vec::new();
        if self.t.een_op(4) {
            uit.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let kop: Vec<String> = kolommen
            .iter()
            .map(|k| match self.t.onder(6) {
                0 => k.to_uppercase(),
                1 => format!(" {k} "),
                _ => k.to_string(),
            })
            .collect();
        uit.extend_from_slice(kop.join(&(scheiding as char).to_string()).as_bytes());
        uit.extend_from_slice(einde);
        for (velden, rauw) in rijen {
            for (i, veld) in velden.iter().enumerate() {
                if i > 0 {
                    uit.push(scheiding);
                }
                let quote = !rauw
                    && veld
                        .iter()
                        .any(|&b| b == scheiding || b == b'"' || b == b'\r' || b == b'\n');
                if quote {
                    uit.push(b'"');
                    for &b in veld {
                        if b == b'"' {
                            uit.push(b'"');
                        }
                        uit.push(b);
                    }
                    uit.push(b'"');
                } else {
                    uit.extend_from_slice(veld);
                }
            }
            uit.extend_from_slice(einde);
            if self.t.een_op(20) {
                uit.extend_from_slice(einde);
            }
        }
        if self.t.een_op(25) {
            let tot = self.t.onder(uit.len() + 1);
            uit.truncate(tot);
        }
        uit
    }

    /// Garbage for a field that holds no secret.
    fn rommel(&mut self) -> Vec<u8> {
        match self.t.onder(6) {
            0 => (0..self.t.onder(20))
                .map(|_| self.t.volgende() as u8)
                .collect(),
            1 => vec![b'x'; (64 << 10) + 1 + self.t.onder(100)],
            2 => b"\"".to_vec(),
            3 => self.gegeven().into_bytes(),
            4 => b"a,b;c\nd\re".to_vec(),
            _ => self.t.kies(WOORDEN).as_bytes().to_vec(),
        }
    }

    /// Mutates records row by row: another value in a column that holds no secret,
    /// a row twice, a row missing, two rows swapped, a row written without quotes.
    fn verminkt(
        &mut self,
        rijen: &mut Vec<(Vec<Vec<u8>>, bool)>,
        geheim: &[usize],
        ids: &[String],
    ) {
        for _ in 0..self.t.onder(4) {
            if rijen.is_empty() {
                return;
            }
            let i = self.t.onder(rijen.len());
            match self.t.onder(6) {
                0 | 1 => {
                    let k = self.t.onder(rijen[i].0.len());
                    if geheim.contains(&k) {
                        continue;
                    }
                    let nieuw = if k == 0 && !geheim.is_empty() && self.t.een_op(2) {
                        // A row of klachten.csv with another case's number.
                        self.t.kies(ids).clone().into_bytes()
                    } else {
                        self.rommel()
                    };
                    rijen[i].0[k] = nieuw;
                }
                2 => {
                    let kopie = rijen[i].clone();
                    rijen.insert(self.t.onder(rijen.len() + 1), kopie);
                }
                3 => {
                    rijen.remove(i);
                }
                4 => {
                    let j = self.t.onder(rijen.len());
                    rijen.swap(i, j);
                }
                _ => rijen[i].1 = true,
            }
        }
    }

    fn maak(mut self) -> Gemaakt {
        let register = self.map.join("register");
        let buiten = self.map.join("buiten");
        std::fs::create_dir_all(register.join("zaken")).unwrap();
        std::fs::create_dir_all(&buiten).unwrap();
        let n = 1 + self.t.onder(6);
        let zaken: Vec<Zaakdeel> = (0..n).map(|_| self.zaakdeel()).collect();
        let ids: Vec<String> = zaken.iter().map(|z| z.id.clone()).collect();

        // klachten.csv, in a column order of its own.
        let mut kolommen = vec![
            "zaak",
            "ontvangen",
            "kanaal",
            "dienst",
            "behandelaar",
            "klager",
            "contact",
            "omschrijving",
            "categorie",
            "beklaagde",
        ];
        if self.t.een_op(5) {
            kolommen.push("opmerking");
        }
        let mut rijen = Vec::new();
        let mut ontvangen_op = Vec::new();
        for z in &zaken {
            let rond = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
                + chrono::Days::new(self.t.onder(900) as u64);
            ontvangen_op.push(rond);
            let mut velden: BTreeMap<&str, String> = BTreeMap::new();
            velden.insert("zaak", z.id.clone());
            velden.insert("ontvangen", self.datum(rond));
            let kanaal = *self.t.kies(&[
                "email",
                "brief",
                "webformulier",
                "telefoon",
                "mondeling",
                "EMAIL",
                " Brief ",
                "fax",
            ]);
            velden.insert("kanaal", kanaal.to_string());
            let dienst = *self.t.kies(&[
                "preventie",
                "re-integratie",
                "casemanagement",
                "overig",
                "Preventie",
                "anders",
            ]);
            velden.insert("dienst", dienst.to_string());
            for k in [
                "behandelaar",
                "omschrijving",
                "categorie",
                "beklaagde",
                "opmerking",
            ] {
                let tekst = if k == "behandelaar" && self.t.een_op(3) {
                    "B. Handel".to_string()
                } else {
                    self.tekst(z)
                };
                velden.insert(k, tekst);
            }
            velden.insert("klager", z.klager.clone());
            velden.insert("contact", z.contact.clone());
            let rij: Vec<Vec<u8>> = kolommen
                .iter()
                .map(|k| velden.get(k).cloned().unwrap_or_default().into_bytes())
                .collect();
            rijen.push((rij, false));
        }
        let geheim: Vec<usize> = kolommen
            .iter()
            .enumerate()
            .filter(|(_, k)| matches!(**k, "klager" | "contact"))
            .map(|(i, _)| i)
            .collect();
        self.verminkt(&mut rijen, &geheim, &ids);
        let klachten = self.csv(&kolommen, &rijen);
        std::fs::write(register.join("klachten.csv"), klachten).unwrap();

        // gebeurtenissen.csv.
        let kolommen = [
            "zaak",
            "datum",
            "soort",
            "door",
            "oordeel",
            "termijn",
            "toelichting",
            "regel",
        ];
        let mut rijen = Vec::new();
        for (z, rond) in zaken.iter().zip(&ontvangen_op) {
            for _ in 0..self.t.onder(6) {
                // Every kind of event, and two that are no kind as written.
                let soort = match self.t.onder(Soort::ALLE.len() + 2) {
                    k if k < Soort::ALLE.len() => Soort::ALLE[k].naam(),
                    k if k == Soort::ALLE.len() => "Uitspraak",
                    _ => "onbekend",
                };
                let termijn = self.datum(*rond + chrono::Days::new(40));
                let rij = vec![
                    z.id.clone(),
                    self.datum(*rond),
                    soort.to_string(),
                    if self.t.een_op(3) {
                        "directie".to_string()
                    } else {
                        self.tekst(z)
                    },
                    self.t
                        .kies(&["", "gegrond", "deels-gegrond", "ongegrond", "misschien"])
                        .to_string(),
                    if soort == "verlenging" {
                        termijn
                    } else {
                        String::new()
                    },
                    self.tekst(z),
                    if soort == "verantwoording" {
                        self.t
                            .kies(&[
                                "art-4.2-ontvangstbevestiging",
                                "art-4.3-termijn",
                                "art-99",
                                "",
                            ])
                            .to_string()
                    } else {
                        String::new()
                    },
                ];
                rijen.push((rij.into_iter().map(String::into_bytes).collect(), false));
            }
        }
        // An event's case number never becomes another case's: its texts are that case's.
        self.verminkt(&mut rijen, &[], &[]);
        let gebeurtenissen = self.csv(&kolommen, &rijen);
        std::fs::write(register.join("gebeurtenissen.csv"), gebeurtenissen).unwrap();

        // Case files, the regulation, and files outside the register.
        for z in &zaken {
            if self.t.een_op(2) {
                let md = self.dossier(z);
                std::fs::write(register.join(format!("zaken/{}.md", z.id)), md).unwrap();
            }
        }
        if self.t.een_op(3) {
            let md = format!(
                "# Reglement\n\n## Artikel 4: Procedure\n\n{}\n\n### 4.2 Ontvangst\n\n{}\n",
                self.link(),
                {
                    let g = self.gegeven();
                    self.md_variant(&g)
                }
            );
            std::fs::write(register.join("reglement.md"), md).unwrap();
        }
        match self.t.onder(12) {
            0 | 1 => {
                let naam = format!("Klachtenreglement {}", self.gegeven());
                let toml = format!(
                    "naam = \"{naam}\"\nafhandeltermijn_weken = {}\nwaarschuwing_werkdagen = {}\n",
                    1 + self.t.onder(8),
                    self.t.onder(4)
                );
                std::fs::write(register.join("reglement.toml"), toml).unwrap();
            }
            2 => {
                let rommel = self.rommel();
                std::fs::write(register.join("reglement.toml"), rommel).unwrap();
            }
            _ => {}
        }
        #[cfg(unix)]
        self.koppelingen(&register, &buiten, &zaken);
        Gemaakt {
            pad: register,
            verboden: self.verboden,
        }
    }

    /// Symlinks that lead out of the register (to a file with a secret of the machine, to
    /// `/dev/zero`, to a folder) or stay in it.
    #[cfg(unix)]
    fn koppelingen(&mut self, register: &Path, buiten: &Path, zaken: &[Zaakdeel]) {
        use std::os::unix::fs::symlink;
        let geheim = format!("Servergeheim {}", self.woord(10));
        self.verboden.push(geheim.clone());
        std::fs::write(
            buiten.join("geheim.md"),
            format!(
                "{GEBEURTENISSEN_KOP}{},2025-03-04,gesprek,{geheim},,,{geheim},\n",
                zaken[0].id
            ),
        )
        .unwrap();
        for _ in 0..self.t.onder(3) {
            let id = &self.t.kies(zaken).id;
            let dossier = register.join(format!("zaken/{id}.md"));
            let _ = std::fs::remove_file(&dossier);
            let doel = match self.t.onder(4) {
                0 => PathBuf::from("/dev/zero"),
                // Inside the register: read like any case file.
                1 => {
                    std::fs::create_dir_all(register.join("gedeeld")).unwrap();
                    std::fs::write(register.join("gedeeld/tekst.md"), "Gedeelde tekst.\n").unwrap();
                    PathBuf::from("../gedeeld/tekst.md")
                }
                _ => buiten.join("geheim.md"),
            };
            symlink(doel, dossier).unwrap();
        }
        match self.t.onder(16) {
            0 => {
                let _ = std::fs::remove_file(register.join("gebeurtenissen.csv"));
                symlink(
                    buiten.join("geheim.md"),
                    register.join("gebeurtenissen.csv"),
                )
                .unwrap();
            }
            1 => {
                let _ = std::fs::remove_file(register.join("klachten.csv"));
                symlink("/dev/zero", register.join("klachten.csv")).unwrap();
            }
            2 => {
                let _ = std::fs::remove_file(register.join("reglement.md"));
                symlink(buiten.join("geheim.md"), register.join("reglement.md")).unwrap();
            }
            3 => {
                let _ = std::fs::remove_dir_all(register.join("zaken"));
                symlink(buiten, register.join("zaken")).unwrap();
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Running and judging
// ---------------------------------------------------------------------------------------

fn datum(tekst: &str) -> NaiveDate {
    NaiveDate::parse_from_str(tekst, "%Y-%m-%d").unwrap()
}

fn draai_bibliotheek(register: &Gemaakt, peildatum: &str, geteld: &Telling) {
    let geladen = match Register::laad(&register.pad, datum(peildatum)) {
        Ok(r) => r,
        Err(fout) => {
            nergens(&fout.to_string(), &register.verboden, "error");
            geteld.niet_geladen.fetch_add(1, Relaxed);
            return;
        }
    };
    geteld
        .invoerfouten
        .fetch_add(geladen.invoerfouten.len(), Relaxed);
    let uitkomst = controleer(geladen);
    let s = &uitkomst.samenvatting;
    assert_eq!(
        s.cases,
        s.checked + s.out_of_scope + s.left_out + s.invalid,
        "every row accounted for: {s:?}"
    );
    let opties = Opties {
        register: "register".to_string(),
        drempel: Drempel::default(),
        kleur: false,
    };
    for formaat in [
        Formaat::Text,
        Formaat::Json,
        Formaat::Junit,
        Formaat::Sarif,
        Formaat::Github,
        Formaat::Codequality,
        Formaat::Csv,
    ] {
        let mut uit = Vec::new();
        report::schrijf(&uitkomst, formaat, &opties, &mut uit).unwrap();
        report::schrijf_log(&uitkomst, &opties, &mut uit).unwrap();
        let tekst = String::from_utf8(uit).expect("UTF-8");
        beoordeel_uitvoer(formaat_naam(formaat), &tekst, &register.verboden);
    }
    let doel = tempfile::tempdir().unwrap();
    let opties = klachten::site::Bouwopties {
        out: doel.path().join("site"),
        templates: None,
        voortgang: false,
    };
    let verslag = klachten::site::bouw(&uitkomst, &opties).unwrap();
    geteld.paginas.fetch_add(verslag.paginas, Relaxed);
    beoordeel_site(doel.path(), &register.verboden, geteld);
}

fn formaat_naam(formaat: Formaat) -> &'static str {
    match formaat {
        Formaat::Text => "text",
        Formaat::Json => "json",
        Formaat::Junit => "junit",
        Formaat::Sarif => "sarif",
        Formaat::Github => "github",
        Formaat::Codequality => "codequality",
        Formaat::Csv => "csv",
    }
}

fn draai_binair(register: &Gemaakt, peildatum: &str, geteld: &Telling) {
    for formaat in FORMATEN {
        let o = Command::new(env!("CARGO_BIN_EXE_klachten"))
            .args([
                "check",
                "--as-of",
                peildatum,
                "--format",
                formaat,
                "--register",
            ])
            .arg(&register.pad)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let code = o.status.code().expect("ended by a signal");
        assert!(
            matches!(code, 0..=2),
            "{formaat}: exit {code}: {}",
            stderr(&o)
        );
        if code == 2 {
            assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
        } else {
            let tekst = String::from_utf8(o.stdout.clone()).expect("UTF-8");
            beoordeel_uitvoer(formaat, &tekst, &register.verboden);
        }
        nergens(
            &stderr(&o),
            &register.verboden,
            &format!("{formaat} stderr"),
        );
    }
    let doel = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_klachten"))
        .args(["build", "--as-of", peildatum, "--register"])
        .arg(&register.pad)
        .arg("--out")
        .arg(doel.path().join("site"))
        .output()
        .unwrap();
    let code = o.status.code().expect("ended by a signal");
    assert!(matches!(code, 0 | 2), "build: exit {code}: {}", stderr(&o));
    nergens(&stderr(&o), &register.verboden, "build stderr");
    if code == 0 {
        beoordeel_site(doel.path(), &register.verboden, geteld);
    } else {
        geteld.niet_geladen.fetch_add(1, Relaxed);
        assert_eq!(std::fs::read_dir(doel.path()).unwrap().count(), 0);
    }
}

/// One output of `check`, in format `formaat`.
fn beoordeel_uitvoer(formaat: &str, tekst: &str, verboden: &[String]) {
    match formaat {
        "json" | "sarif" | "codequality" => {
            // The document, then (from the library) the log lines.
            let document = tekst.split("\nklachten: ").next().unwrap_or(tekst);
            let waarde: serde_json::Value = serde_json::from_str(document)
                .unwrap_or_else(|e| panic!("{formaat}: no JSON ({e})"));
            let mut teksten = Vec::new();
            strings(&waarde, &mut teksten);
            for t in teksten {
                nergens(&t, verboden, formaat);
            }
        }
        "junit" => nergens(&html_ontsleuteld(tekst), verboden, formaat),
        "github" => {
            let ontsnapt = tekst
                .replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%");
            nergens(&ontsnapt, verboden, formaat);
        }
        _ => {}
    }
    nergens(tekst, verboden, formaat);
}

/// The JSON document of `assets/zaken-gegevens.js`: the string that its script gives
/// `JSON.parse`, read as JavaScript reads it.
fn zakenlijst(script: &str) -> String {
    let binnen = script
        .strip_prefix("window.KLACHTEN_ZAKEN = JSON.parse('")
        .and_then(|s| s.strip_suffix("');\n"))
        .expect("zaken-gegevens.js in its form");
    let mut uit = String::new();
    let mut tekens = binnen.chars();
    while let Some(c) = tekens.next() {
        if c != '\\' {
            uit.push(c);
            continue;
        }
        match tekens.next() {
            Some('n') => uit.push('\n'),
            Some('r') => uit.push('\r'),
            Some('u') => {
                let hex: String = tekens.by_ref().take(4).collect();
                uit.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(c) => uit.push(c),
            None => {}
        }
    }
    uit
}

fn strings(waarde: &serde_json::Value, uit: &mut Vec<String>) {
    match waarde {
        serde_json::Value::String(s) => uit.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|w| strings(w, uit)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, w)| {
            uit.push(k.clone());
            strings(w, uit)
        }),
        _ => {}
    }
}

/// Every file of a built site in `doel`: nothing outside `site`, no forbidden text, no
/// link that leaves the site.
fn beoordeel_site(doel: &Path, verboden: &[String], geteld: &Telling) {
    let naast: Vec<String> = std::fs::read_dir(doel)
        .unwrap()
        .map(|i| i.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(naast, ["site"], "written beside --out");
    for (pad, inhoud) in bestanden(&doel.join("site")) {
        let tekst = String::from_utf8(inhoud).unwrap_or_else(|_| panic!("{pad}: not UTF-8"));
        nergens(&tekst, verboden, &pad);
        geteld
            .redacties
            .fetch_add(tekst.matches(" verwijderd]").count(), Relaxed);
        if pad.ends_with("zaken-gegevens.js") {
            let waarde: serde_json::Value = serde_json::from_str(&zakenlijst(&tekst)).unwrap();
            let mut teksten = Vec::new();
            strings(&waarde, &mut teksten);
            for t in teksten {
                nergens(&t, verboden, &pad);
            }
        }
        if pad.ends_with(".html") {
            nergens(&html_ontsleuteld(&tekst), verboden, &pad);
            nergens(&gelezen(&tekst), verboden, &format!("{pad} (as read)"));
            let diepte = pad.matches('/').count();
            for (attribuut, doel) in links(&tekst) {
                assert!(
                    in_de_site(&doel, diepte),
                    "{attribuut}=\"{doel}\" leaves the site from {pad}"
                );
            }
        }
    }
}

/// The values of every `href` and `src` attribute, decoded. Text never holds a `<`, so
/// every `<` starts a tag; attributes are double-quoted.
fn links(html: &str) -> Vec<(&'static str, String)> {
    let mut uit = Vec::new();
    for tag in html.split('<').skip(1) {
        let mut rest = tag;
        let mut binnen = String::new();
        // The tag up to its end, outside quotes.
        let mut in_quote = false;
        for c in rest.chars() {
            match c {
                '"' => in_quote = !in_quote,
                '>' if !in_quote => break,
                _ => {}
            }
            binnen.push(c);
        }
        rest = &binnen;
        for attribuut in ["href", "src", "action", "formaction", "xlink:href"] {
            let patroon = format!(" {attribuut}=\"");
            for (i, _) in rest.match_indices(&patroon) {
                let waarde = &rest[i + patroon.len()..];
                let eind = waarde.find('"').unwrap_or(waarde.len());
                uit.push((attribuut, html_ontsleuteld(&waarde[..eind])));
            }
        }
    }
    uit
}

/// Whether a link stays inside the site, by this test's own reading: an anchor, a
/// `mailto:` without an address left in it, or a relative path without a scheme, a
/// backslash or a leading slash that climbs no higher than the site's root.
fn in_de_site(doel: &str, diepte: usize) -> bool {
    let doel: String = doel
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let doel = doel.trim();
    if doel.starts_with('#') {
        return true;
    }
    if doel.to_lowercase().starts_with("mailto:") {
        return !doel.contains('@') && !doel.to_lowercase().contains("%40");
    }
    let pad = ontsleutel_procent(doel);
    if pad.is_empty()
        || pad.starts_with('/')
        || pad.contains('\\')
        || pad
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .contains(':')
    {
        return false;
    }
    let pad = pad.split(['?', '#']).next().unwrap_or("");
    let mut niveau = diepte as i64;
    let delen: Vec<&str> = pad.split('/').collect();
    for (i, deel) in delen.iter().enumerate() {
        if *deel == ".." {
            niveau -= 1;
        } else if !deel.is_empty() && *deel != "." && i + 1 < delen.len() {
            niveau += 1;
        }
        if niveau < 0 {
            return false;
        }
    }
    true
}

fn ontsleutel_procent(tekst: &str) -> String {
    let b = tekst.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut uit = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let (b'%', Some(Some(h)), Some(Some(l))) = (
            b[i],
            b.get(i + 1).map(|&c| hex(c)),
            b.get(i + 2).map(|&c| hex(c)),
        ) {
            uit.push((h * 16 + l) as u8);
            i += 3;
        } else {
            uit.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&uit).into_owned()
}

/// What a reader sees of a page: its text without tags (an inline element joins the text
/// around it; a block, a cell or a line break separates), character references decoded.
fn gelezen(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "em", "strong", "del", "code", "span", "time", "abbr", "small", "b", "i", "sup",
        "sub", "mark", "s", "u",
    ];
    let mut uit = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        uit.push_str(&html_ontsleuteld(&rest[..i]));
        let tag = &rest[i + 1..];
        let eind = tag.find('>').unwrap_or(tag.len());
        let naam: String = tag[..eind]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if !INLINE.contains(&naam.as_str()) {
            uit.push(SCHEIDING);
        }
        rest = tag.get(eind + 1..).unwrap_or("");
    }
    uit.push_str(&html_ontsleuteld(rest));
    uit
}

/// A boundary no text is read across.
const SCHEIDING: char = '\u{1}';

/// `tekst` as this test compares it: lower case, invisible characters left out, every run
/// of white space one space.
fn genormaliseerd(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    let mut spatie = false;
    for c in tekst.chars() {
        if matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{AD}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            if !spatie {
                uit.push(' ');
            }
            spatie = true;
            continue;
        }
        spatie = false;
        uit.extend(c.to_lowercase());
    }
    uit
}

fn nergens(tekst: &str, verboden: &[String], waar: &str) {
    let tekst = genormaliseerd(tekst);
    for v in verboden {
        let v = genormaliseerd(v.trim());
        if let Some(plek) = tekst.find(&v) {
            let omgeving: String = tekst
                .char_indices()
                .filter(|(i, _)| i + 80 >= plek && *i <= plek + v.len() + 80)
                .map(|(_, c)| c)
                .collect();
            panic!("{v:?} in {waar}: …{omgeving}…");
        }
    }
}

/// The register's files as they are: paths, contents, and where symlinks lead.
fn momentopname(map: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(map)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let inhoud = if e.path_is_symlink() {
                std::fs::read_link(e.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
                    .into_bytes()
            } else if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().to_path_buf(), inhoud)
        })
        .collect()
}
