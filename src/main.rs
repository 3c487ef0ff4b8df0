//! The command line: parses arguments, calls the library, maps the outcome to an exit
//! status (0 passed, 1 findings or input errors, 2 could not run).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use klachten::report::{self, Formaat, Opties};
use klachten::{Drempel, Fout};

/// Toetst een klachtenregister aan het klachtenreglement.
#[derive(Parser)]
#[command(name = "klachten", version, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    opdracht: Opdracht,
}

#[derive(Subcommand)]
enum Opdracht {
    /// Controleer het register en toon elke overtreding, waarschuwing en invoerfout.
    Check {
        /// De map van het register (standaard: register).
        #[arg(long, default_value = "register", value_name = "MAP")]
        register: PathBuf,
        /// De peildatum (JJJJ-MM-DD of DD-MM-JJJJ); standaard vandaag.
        #[arg(long = "as-of", value_name = "DATUM", value_parser = datum)]
        as_of: Option<NaiveDate>,
        /// Uitvoerformaat: text, json, junit, sarif, github, codequality of csv (standaard:
        /// text).
        #[arg(long, value_enum, default_value_t = Uitvoer::Text, value_name = "FORMAAT")]
        format: Uitvoer,
        /// Laat ook waarschuwingen de controle doen mislukken.
        #[arg(long)]
        strict: bool,
        /// Alleen bevindingen vanaf deze datum tellen mee voor de exitstatus.
        #[arg(long, value_name = "DATUM", value_parser = datum)]
        since: Option<NaiveDate>,
    },
    /// Bouw de statische site: dashboard, zaken, overtredingen, periodeverslagen en regels.
    Build {
        /// De map van het register (standaard: register).
        #[arg(long, default_value = "register", value_name = "MAP")]
        register: PathBuf,
        /// De map waarin de site komt; die wordt in haar geheel vervangen (standaard: site).
        #[arg(long, default_value = "site", value_name = "MAP")]
        out: PathBuf,
        /// De peildatum (JJJJ-MM-DD of DD-MM-JJJJ); standaard vandaag.
        #[arg(long = "as-of", value_name = "DATUM", value_parser = datum)]
        as_of: Option<NaiveDate>,
        /// Een map met eigen sjablonen die de ingebouwde van dezelfde naam vervangen.
        #[arg(long, value_name = "MAP")]
        templates: Option<PathBuf>,
    },
    /// Begin een nieuw register: de bestanden, drie voorbeeldzaken en een handleiding.
    Init {
        /// De map van het nieuwe register; nieuw of leeg (standaard: register).
        #[arg(default_value = "register", value_name = "MAP")]
        map: PathBuf,
    },
    /// Toon de hulp bij klachten of bij een van zijn opdrachten.
    Help {
        /// De opdracht waarover u hulp wilt.
        #[arg(value_name = "OPDRACHT")]
        opdracht: Option<String>,
    },
    /// Schrijf een synthetisch register (voor benchmarks).
    #[command(hide = true)]
    Genereer {
        /// Aantal zaken.
        #[arg(long, default_value_t = 1000)]
        zaken: u64,
        /// De map waarin het register komt.
        #[arg(long, value_name = "MAP")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// How every `--help` is laid out: clap's own headings, usage lines and flags in Dutch.
const SJABLOON: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// The register becomes millions of small allocations (texts, events, findings), made and
/// freed on several threads: with mimalloc `check` took 0.24 instead of 0.32 s at 100,000
/// cases and 2.5 instead of 2.9 s at a million (`bench/check.sh`'s registers, medians of
/// the two builds run in turn).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command line as clap parses it, with every word of `--help` in Dutch.
fn opdrachtregel() -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory};
    let hulp = || {
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("Toon deze hulp")
    };
    let in_het_nederlands = |opdracht: clap::Command, gebruik: String| {
        opdracht
            .disable_help_flag(true)
            .arg(hulp())
            .help_template(SJABLOON)
            .override_usage(gebruik)
            .subcommand_help_heading("Opdrachten")
            .subcommand_value_name("OPDRACHT")
            // The defaults and the values are in each option's own Dutch text.
            .mut_args(|arg| {
                let kop = if arg.is_positional() {
                    "Argumenten"
                } else {
                    "Opties"
                };
                let waarde = arg.get_action().takes_values();
                arg.help_heading(kop)
                    .hide_default_value(waarde)
                    .hide_possible_values(waarde)
            })
    };
    let klachten = Cli::command()
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Toon het versienummer"),
        )
        .mut_subcommands(|opdracht| {
            let gebruik = match opdracht.get_name() {
                "init" => "klachten init [MAP]".to_string(),
                "help" => "klachten help [OPDRACHT]".to_string(),
                naam => format!("klachten {naam} [OPTIES]"),
            };
            in_het_nederlands(opdracht, gebruik)
        });
    in_het_nederlands(klachten, "klachten <OPDRACHT>".to_string())
}

#[derive(Clone, Copy, ValueEnum)]
enum Uitvoer {
    Text,
    Json,
    Junit,
    Sarif,
    Github,
    Codequality,
    Csv,
}

fn datum(tekst: &str) -> Result<NaiveDate, String> {
    klachten::datum::lees(tekst.trim()).map_err(|f| format!("{}: {tekst:?}", f.bericht()))
}

fn vandaag() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn main() -> ExitCode {
    let cli = match opdrachtregel()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return meld_aanroepfout(&e),
    };
    let uitkomst = match cli.opdracht {
        Opdracht::Check {
            register,
            as_of,
            format,
            strict,
            since,
        } => check(
            register,
            as_of.unwrap_or_else(vandaag),
            format,
            Drempel { strict, since },
        ),
        Opdracht::Build {
            register,
            out,
            as_of,
            templates,
        } => build(register, out, as_of.unwrap_or_else(vandaag), templates),
        Opdracht::Init { map } => init(map),
        Opdracht::Help { opdracht } => return hulp(opdracht),
        Opdracht::Genereer { zaken, out, seed } => klachten::genereer::genereer(&out, zaken, seed)
            .map(|()| true)
            .map_err(|e| Fout::new(format!("{}: niet te schrijven: {e}", out.display()))),
    };
    match uitkomst {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(fout) => {
            // A reason may quote the register (a value of reglement.toml): shown as every
            // text of it.
            let fout = fout.to_string();
            let fout = klachten::persoonsgegevens::toon(
                &fout,
                &klachten::persoonsgegevens::Geheimen::GEEN,
            );
            eprintln!("klachten: {}", report::zonder_stuurtekens(&fout, false));
            ExitCode::from(2)
        }
    }
}

/// Shows what clap has to say: the help or version asked for (exit 0), the help when no
/// command was given (exit 2), or a wrong call in one Dutch line (exit 2).
fn meld_aanroepfout(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            // The command is the first argument that is no option: klachten has no option
            // with a value of its own.
            let opdracht = std::env::args().skip(1).find(|a| !a.starts_with('-'));
            eprintln!(
                "klachten: ongeldige aanroep: {}",
                aanroepfout(e, opdracht.as_deref())
            );
            ExitCode::from(2)
        }
    }
}

/// `klachten help [OPDRACHT]`: the help of klachten, or of one of its commands.
fn hulp(opdracht: Option<String>) -> ExitCode {
    let mut klachten = opdrachtregel();
    let gevonden = match &opdracht {
        None => Some(&mut klachten),
        Some(naam) => klachten
            .find_subcommand_mut(naam)
            .filter(|o| !o.is_hide_set()),
    };
    if let Some(opdracht) = gevonden {
        let _ = opdracht.print_help();
        return ExitCode::SUCCESS;
    }
    // An unknown command: clap says so as it does for `klachten <naam>`, with the command
    // it probably meant.
    let naam = opdracht.unwrap_or_default();
    match opdrachtregel().try_get_matches_from(["klachten", naam.as_str(), "--help"]) {
        Err(e) if e.kind() == clap::error::ErrorKind::InvalidSubcommand => meld_aanroepfout(&e),
        _ => {
            eprintln!("klachten: ongeldige aanroep: onbekende opdracht „{naam}”");
            ExitCode::from(2)
        }
    }
}

/// A clap error in one Dutch line, keeping what clap knows: the word that was wrong, the
/// closest valid one, the value that is missing. `opdracht` is the command given, if any.
fn aanroepfout(e: &clap::Error, opdracht: Option<&str>) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |soort| match e.get(soort) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        _ => String::new(),
    };
    let opsomming = |soort| match e.get(soort) {
        Some(ContextValue::Strings(s)) if s.len() > 1 => {
            format!("{} of {}", s[..s.len() - 1].join(", "), s[s.len() - 1])
        }
        Some(ContextValue::Strings(s)) => s.join(""),
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let suggestie = |soort| match opsomming(soort) {
        s if s.is_empty() => String::new(),
        s => format!("; bedoelde u {s}?"),
    };
    let argument = context(ContextKind::InvalidArg);
    let waarde = context(ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let argument = context(ContextKind::InvalidSubcommand);
            let meer = match suggestie(ContextKind::SuggestedSubcommand) {
                s if s.is_empty() => "; kies check, build, init of help".to_string(),
                s => s,
            };
            format!("onbekende opdracht „{argument}”{meer}")
        }
        ErrorKind::UnknownArgument if argument.starts_with('-') => {
            let meer = match suggestie(ContextKind::SuggestedArg) {
                s if s.is_empty() => "; zie --help".to_string(),
                s => s,
            };
            format!("onbekende optie {argument}{meer}")
        }
        ErrorKind::UnknownArgument => {
            let opdracht = opdracht.unwrap_or_default();
            let uitleg = match opdrachtregel().find_subcommand(opdracht) {
                Some(o) if o.get_positionals().next().is_none() => {
                    format!("klachten {opdracht} neemt alleen opties")
                }
                _ => format!("zie klachten {opdracht} --help"),
            };
            format!("onverwacht argument „{argument}”; {uitleg}")
        }
        ErrorKind::InvalidValue if waarde.is_empty() => {
            let toegestaan = opsomming(ContextKind::ValidValue);
            let keuze = if toegestaan.is_empty() {
                String::new()
            } else {
                format!(": {toegestaan}")
            };
            format!("{argument} verwacht een waarde{keuze}")
        }
        ErrorKind::InvalidValue => format!(
            "ongeldige waarde „{waarde}” voor {argument}; kies {}{}",
            opsomming(ContextKind::ValidValue),
            suggestie(ContextKind::SuggestedValue)
        ),
        ErrorKind::ValueValidation => {
            let reden = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("ongeldige waarde voor {argument}: {reden}")
        }
        ErrorKind::MissingRequiredArgument => format!("{argument} ontbreekt; die is verplicht"),
        ErrorKind::ArgumentConflict if context(ContextKind::PriorArg) == argument => {
            format!("{argument} mag maar één keer gegeven worden")
        }
        ErrorKind::ArgumentConflict => format!(
            "{argument} gaat niet samen met {}",
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => format!("te veel waarden voor {argument}: „{waarde}”"),
        ErrorKind::InvalidUtf8 => "een argument is geen geldige UTF-8-tekst".to_string(),
        _ => "zie klachten --help".to_string(),
    }
}

fn check(
    register: PathBuf,
    peildatum: NaiveDate,
    formaat: Uitvoer,
    drempel: Drempel,
) -> Result<bool, Fout> {
    // The check shows findings only: the history keeps no changes per case.
    let uitkomst = klachten::controleer_register_voor(
        &register,
        peildatum,
        vandaag(),
        klachten::Gebruik::Controle,
    )?;
    let stdout = io::stdout();
    let kleur = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let opties = Opties {
        register: report::weergavepad(&register),
        drempel,
        kleur,
    };
    let formaat = match formaat {
        Uitvoer::Text => Formaat::Text,
        Uitvoer::Json => Formaat::Json,
        Uitvoer::Junit => Formaat::Junit,
        Uitvoer::Sarif => Formaat::Sarif,
        Uitvoer::Github => Formaat::Github,
        Uitvoer::Codequality => Formaat::Codequality,
        Uitvoer::Csv => Formaat::Csv,
    };
    // The text report says it above its summary; the other formats' readers see stderr.
    if formaat != Formaat::Text {
        meld_historie(&uitkomst);
    }
    let mut uit = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let geschreven =
        report::schrijf(&uitkomst, formaat, &opties, &mut uit).and_then(|_| uit.flush());
    match geschreven {
        Ok(()) => {}
        // A reader that stops early (`klachten check | head`) is no failure of the check.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(Fout::new(format!("uitvoer niet te schrijven: {e}"))),
    }
    // The job summary in GitHub Actions: a file that cannot be written is noted, and
    // changes nothing about the check (its exit status is the same in every format).
    if formaat == Formaat::Github {
        if let Err(e) = report::github::schrijf_stapsamenvatting(&uitkomst, &opties) {
            eprintln!(
                "klachten: let op: stapsamenvatting niet geschreven: {}",
                report::zonder_stuurtekens(&e.to_string(), false)
            );
        }
    }
    // After the document, so that a merged log ends with the summary; a log that cannot
    // be written changes nothing about the check.
    if formaat.heeft_log() {
        let _ = report::schrijf_log(&uitkomst, &opties, &mut io::stderr().lock());
    }
    let geslaagd = uitkomst.slaagt(drempel);
    laat_achter(uitkomst);
    Ok(geslaagd)
}

fn build(
    register: PathBuf,
    out: PathBuf,
    peildatum: NaiveDate,
    templates: Option<PathBuf>,
) -> Result<bool, Fout> {
    let begin = std::time::Instant::now();
    let uitkomst = klachten::controleer_register(&register, peildatum, vandaag())?;

    let opties = klachten::site::Bouwopties {
        out: out.clone(),
        templates,
        voortgang: io::stderr().is_terminal(),
    };
    let verslag = klachten::site::bouw(&uitkomst, &opties)?;
    meld_historie(&uitkomst);
    eprintln!(
        "klachten: site geschreven naar {}: {} pagina's, {} bevindingen, {:.1} s",
        out.display(),
        verslag.paginas,
        verslag.bevindingen,
        begin.elapsed().as_secs_f64()
    );
    laat_achter(uitkomst);
    Ok(true)
}

/// Leaves the outcome for the process's end to take back: freeing its millions of small
/// allocations one by one took 7 % of a check's processor time at 100,000 cases (perf), all
/// of it after the output was written.
fn laat_achter(uitkomst: klachten::Uitkomst) {
    std::mem::forget(uitkomst);
}

/// `klachten init`: a starter register, dated today.
fn init(map: PathBuf) -> Result<bool, Fout> {
    klachten::init::init(&map, vandaag())?;
    let pad = map.display();
    let check = if map == Path::new("register") {
        "klachten check".to_string()
    } else {
        format!("klachten check --register {pad}")
    };
    eprintln!(
        "klachten: register gemaakt in {pad}, met drie voorbeeldzaken; lees {pad}/LEESMIJ.md en \
         probeer {check}"
    );
    Ok(true)
}

/// The one note on stderr when the history was skipped.
fn meld_historie(uitkomst: &klachten::Uitkomst) {
    if let Some(notitie) = uitkomst.historie.as_ref().and_then(|h| h.notitie.as_ref()) {
        eprintln!(
            "klachten: let op: {}",
            report::zonder_stuurtekens(notitie, false)
        );
    }
}
