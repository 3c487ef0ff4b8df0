//! The command line: parses arguments, calls the library, maps the outcome to an exit
//! status (0 passed, 1 findings or input errors, 2 could not run).

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use klachten::report::{self, Formaat, Opties};
use klachten::{Drempel, Fout};

/// Toetst een klachtenregister aan het klachtenreglement.
#[derive(Parser)]
#[command(name = "klachten", version, about, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    opdracht: Opdracht,
}

#[derive(Subcommand)]
enum Opdracht {
    /// Controleer het register en toon elke overtreding, waarschuwing en invoerfout.
    Check {
        /// De map van het register.
        #[arg(long, default_value = "register", value_name = "MAP")]
        register: PathBuf,
        /// De peildatum (JJJJ-MM-DD); standaard vandaag.
        #[arg(long = "as-of", value_name = "DATUM", value_parser = datum)]
        as_of: Option<NaiveDate>,
        /// Uitvoerformaat.
        #[arg(long, value_enum, default_value_t = Uitvoer::Text)]
        format: Uitvoer,
        /// Laat ook waarschuwingen de controle doen mislukken.
        #[arg(long)]
        strict: bool,
        /// Alleen bevindingen vanaf deze datum (JJJJ-MM-DD) tellen mee voor de exitstatus.
        #[arg(long, value_name = "DATUM", value_parser = datum)]
        since: Option<NaiveDate>,
    },
    /// Bouw de statische site: dashboard, zaken, overtredingen, periodeverslagen en regels.
    Build {
        /// De map van het register.
        #[arg(long, default_value = "register", value_name = "MAP")]
        register: PathBuf,
        /// De map waarin de site komt (wordt in zijn geheel vervangen).
        #[arg(long, default_value = "site", value_name = "MAP")]
        out: PathBuf,
        /// De peildatum (JJJJ-MM-DD); standaard vandaag.
        #[arg(long = "as-of", value_name = "DATUM", value_parser = datum)]
        as_of: Option<NaiveDate>,
        /// Een map met eigen sjablonen die de ingebouwde van dezelfde naam vervangen.
        #[arg(long, value_name = "MAP")]
        templates: Option<PathBuf>,
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            eprintln!("klachten: ongeldige aanroep: {}", aanroepfout(&e));
            return ExitCode::from(2);
        }
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
        Opdracht::Genereer { zaken, out, seed } => klachten::genereer::genereer(&out, zaken, seed)
            .map(|()| true)
            .map_err(|e| Fout::new(format!("{}: niet te schrijven: {e}", out.display()))),
    };
    match uitkomst {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(fout) => {
            eprintln!("klachten: {fout}");
            ExitCode::from(2)
        }
    }
}

/// A clap error in one Dutch line.
fn aanroepfout(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |soort| match e.get(soort) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        _ => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    let waarde = context(ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie {argument}; zie klachten --help"),
        ErrorKind::InvalidSubcommand => {
            format!("onbekende opdracht {argument}; kies check of build")
        }
        ErrorKind::InvalidValue => format!(
            "ongeldige waarde {waarde:?} voor {argument}; toegestaan: {}",
            context(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            let reden = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("ongeldige waarde voor {argument}: {reden}")
        }
        ErrorKind::MissingRequiredArgument => format!("verplichte optie ontbreekt: {argument}"),
        ErrorKind::ArgumentConflict => format!("opties gaan niet samen: {argument}"),
        ErrorKind::TooManyValues => {
            format!("optie {argument} te vaak gegeven")
        }
        _ => format!("zie klachten --help ({})", e.kind()),
    }
}

fn check(
    register: PathBuf,
    peildatum: NaiveDate,
    formaat: Uitvoer,
    drempel: Drempel,
) -> Result<bool, Fout> {
    // The check shows findings only: it keeps no names, contact details, descriptions or
    // changes per case.
    let uitkomst = klachten::controleer_register_voor(
        &register,
        peildatum,
        vandaag(),
        klachten::Gebruik::Controle,
    )?;
    meld_historie(&uitkomst);
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
    let mut uit = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let geschreven =
        report::schrijf(&uitkomst, formaat, &opties, &mut uit).and_then(|_| uit.flush());
    match geschreven {
        Ok(()) => {}
        // A reader that stops early (`klachten check | head`) is no failure of the check.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(Fout::new(format!("uitvoer niet te schrijven: {e}"))),
    }
    // After the document, so that a merged log ends with the summary; a log that cannot
    // be written changes nothing about the check.
    if formaat.heeft_log() {
        let _ = report::schrijf_log(&uitkomst, &opties, &mut io::stderr().lock());
    }
    Ok(uitkomst.slaagt(drempel))
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
    Ok(true)
}

/// The one note on stderr when the history was skipped.
fn meld_historie(uitkomst: &klachten::Uitkomst) {
    if let Some(notitie) = uitkomst.historie.as_ref().and_then(|h| h.notitie.as_ref()) {
        eprintln!("klachten: let op: {notitie}");
    }
}
