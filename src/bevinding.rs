//! What every layer says about a finding (bevinding): the rule ids, the severities, the
//! register file a finding points at, and the finding itself.
//!
//! This module depends on nothing else in the crate. The register reads rule ids (a
//! `verantwoording` names one), the rules raise findings, the printers and the site show
//! them; each of them imports this vocabulary from here. What a rule means (its article,
//! title and explanation) lives with the rule, in `crate::rules`.

use std::borrow::Cow;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

/// The register's files, as findings and input errors name them.
pub const KLACHTEN_CSV: &str = "klachten.csv";
pub const GEBEURTENISSEN_CSV: &str = "gebeurtenissen.csv";
pub const REGLEMENT_TOML: &str = "reglement.toml";
pub const REGLEMENT_MD: &str = "reglement.md";
pub const ZAKEN_MAP: &str = "zaken";

/// What stands for the case of a finding about the register as a whole (art-9-wijziging)
/// where a format needs a name: JUnit's classname, the text formats' prefix.
pub const ZONDER_ZAAK: &str = "reglement";

/// How serious a finding is. Errors fail a pipeline; warnings do so with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ernst {
    Error,
    Warning,
    Info,
}

impl Ernst {
    pub fn naam(self) -> &'static str {
        match self {
            Ernst::Error => "error",
            Ernst::Warning => "warning",
            Ernst::Info => "info",
        }
    }

    /// The Dutch word shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Ernst::Error => "overtreding",
            Ernst::Warning => "waarschuwing",
            Ernst::Info => "informatie",
        }
    }
}

/// Every rule id of the contract. The ids are stable: they appear in every output format.
/// Each rule's meaning is its [`crate::rules::Regel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegelId {
    Art1Schriftelijk,
    Art3Reikwijdte,
    Art41Gegevens,
    Art42Ontvangstbevestiging,
    Art43Termijn,
    Art43Verlenging,
    Art44Maatregel,
    Art44Oordeel,
    Art45Afsluiting,
    Art5Beroepsbehandeling,
    Art5Beroepstermijn,
    Art5Onafhankelijk,
    Art6Persoonsgegevens,
    Art7Registratie,
    Art7Wijziging,
    Art8Inwerkingtreding,
    Art9Wijziging,
}

impl RegelId {
    /// In declaration order, which is the order of their ids.
    pub const ALLE: [RegelId; 17] = [
        RegelId::Art1Schriftelijk,
        RegelId::Art3Reikwijdte,
        RegelId::Art41Gegevens,
        RegelId::Art42Ontvangstbevestiging,
        RegelId::Art43Termijn,
        RegelId::Art43Verlenging,
        RegelId::Art44Maatregel,
        RegelId::Art44Oordeel,
        RegelId::Art45Afsluiting,
        RegelId::Art5Beroepsbehandeling,
        RegelId::Art5Beroepstermijn,
        RegelId::Art5Onafhankelijk,
        RegelId::Art6Persoonsgegevens,
        RegelId::Art7Registratie,
        RegelId::Art7Wijziging,
        RegelId::Art8Inwerkingtreding,
        RegelId::Art9Wijziging,
    ];

    /// Whether the rule judges the register's Git history (its findings carry a commit).
    pub fn uit_historie(self) -> bool {
        matches!(
            self,
            RegelId::Art7Registratie | RegelId::Art7Wijziging | RegelId::Art9Wijziging
        )
    }

    /// The rule's place in [`RegelId::ALLE`].
    pub fn nummer(self) -> usize {
        self as usize
    }

    /// The stable id, as in the contract.
    pub fn id(self) -> &'static str {
        match self {
            RegelId::Art1Schriftelijk => "art-1-schriftelijk",
            RegelId::Art3Reikwijdte => "art-3-reikwijdte",
            RegelId::Art41Gegevens => "art-4.1-gegevens",
            RegelId::Art42Ontvangstbevestiging => "art-4.2-ontvangstbevestiging",
            RegelId::Art43Termijn => "art-4.3-termijn",
            RegelId::Art43Verlenging => "art-4.3-verlenging",
            RegelId::Art44Maatregel => "art-4.4-maatregel",
            RegelId::Art44Oordeel => "art-4.4-oordeel",
            RegelId::Art45Afsluiting => "art-4.5-afsluiting",
            RegelId::Art5Beroepsbehandeling => "art-5-beroepsbehandeling",
            RegelId::Art5Beroepstermijn => "art-5-beroepstermijn",
            RegelId::Art5Onafhankelijk => "art-5-onafhankelijk",
            RegelId::Art6Persoonsgegevens => "art-6-persoonsgegevens",
            RegelId::Art7Registratie => "art-7-registratie",
            RegelId::Art7Wijziging => "art-7-wijziging",
            RegelId::Art8Inwerkingtreding => "art-8-inwerkingtreding",
            RegelId::Art9Wijziging => "art-9-wijziging",
        }
    }

    /// Looks a rule id up, case-insensitively and ignoring surrounding spaces.
    pub fn parse(waarde: &str) -> Option<RegelId> {
        let waarde = waarde.trim();
        RegelId::ALLE
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(waarde))
    }
}

impl std::fmt::Display for RegelId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The register file a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bron {
    Klachten,
    Gebeurtenissen,
    /// `zaken/<zaak>.md`
    Dossier(Arc<str>),
    /// `reglement.toml`
    Reglement,
}

impl Bron {
    /// The path relative to the register, with `/`.
    pub fn pad(&self) -> Cow<'static, str> {
        match self {
            Bron::Klachten => Cow::Borrowed(KLACHTEN_CSV),
            Bron::Gebeurtenissen => Cow::Borrowed(GEBEURTENISSEN_CSV),
            Bron::Dossier(zaak) => Cow::Owned(format!("{ZAKEN_MAP}/{zaak}.md")),
            Bron::Reglement => Cow::Borrowed(REGLEMENT_TOML),
        }
    }
}

/// A finding: one rule, raised on one zaak (or on the register as a whole), pointing at
/// the row that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bevinding {
    /// None for a finding about the register as a whole (art-9-wijziging, about
    /// `reglement.toml`): such findings come before those of the cases.
    pub zaak: Option<Arc<str>>,
    pub regel: RegelId,
    pub ernst: Ernst,
    /// Dutch, names the term, the deadline and the actual date where there are any.
    pub bericht: String,
    pub deadline: Option<NaiveDate>,
    pub datum: Option<NaiveDate>,
    pub bron: Bron,
    pub line: Option<u32>,
    /// Set when a `verantwoording` accounts for the finding: its `toelichting`.
    pub verantwoording: Option<Arc<str>>,
    /// For art-7 and art-9 findings: the short commit id (None for the working tree).
    pub commit: Option<String>,
    /// The start of the version of the regulation that judged the finding's case (its
    /// `inwerkingtreding` or a wijziging's `vanaf`); None for a case received before the
    /// regulation took effect, and for a finding without a case.
    pub reglement_vanaf: Option<NaiveDate>,
}

impl Bevinding {
    pub fn new(zaak: &Arc<str>, regel: RegelId, ernst: Ernst, bericht: String) -> Bevinding {
        Bevinding {
            zaak: Some(zaak.clone()),
            regel,
            ernst,
            bericht,
            deadline: None,
            datum: None,
            bron: Bron::Klachten,
            line: None,
            verantwoording: None,
            commit: None,
            reglement_vanaf: None,
        }
    }

    /// A finding about the register as a whole, on no case.
    pub fn over_register(regel: RegelId, ernst: Ernst, bericht: String) -> Bevinding {
        Bevinding {
            zaak: None,
            ..Bevinding::new(&Arc::from(""), regel, ernst, bericht)
        }
    }

    /// Points the finding at row `line` of `bron`.
    pub fn op(mut self, bron: Bron, line: u32) -> Bevinding {
        self.bron = bron;
        self.line = Some(line);
        self
    }

    pub fn is_geaccepteerd(&self) -> bool {
        self.verantwoording.is_some()
    }

    /// The sort order of the contract: by case (findings without a case first), then
    /// rule, then date.
    pub fn sorteersleutel(&self) -> (Option<&str>, &'static str, Option<NaiveDate>, Option<u32>) {
        (self.zaak.as_deref(), self.regel.id(), self.datum, self.line)
    }

    /// The case as the text formats name it, `reglement` for a finding without one.
    pub fn zaaknaam(&self) -> &str {
        self.zaak.as_deref().unwrap_or(ZONDER_ZAAK)
    }
}

#[cfg(test)]
mod tests {
    use super::RegelId;

    #[test]
    fn regel_ids_zijn_hoofdletterongevoelig() {
        for regel in RegelId::ALLE {
            assert_eq!(RegelId::parse(&regel.id().to_uppercase()), Some(regel));
            assert_eq!(RegelId::parse(&format!("  {} ", regel.id())), Some(regel));
        }
        assert_eq!(RegelId::parse("art-4.2"), None);
    }

    /// `ALLE` lists the rules in declaration order, so a rule's number is its place there
    /// (SARIF's `ruleIndex` relies on it), and in the order of their ids.
    #[test]
    fn nummer_is_de_plek_in_alle() {
        for (i, regel) in RegelId::ALLE.into_iter().enumerate() {
            assert_eq!(regel.nummer(), i, "{regel}");
        }
        assert!(RegelId::ALLE.windows(2).all(|p| p[0].id() < p[1].id()));
    }
}
