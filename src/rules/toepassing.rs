//! Articles 1, 3 and 8: which complaints the regulation applies to.
//!
//! - **art-1-schriftelijk** (info): article 1 defines a complaint as *written*; a complaint
//!   by telephone or in person is registered, but the regulation's terms do not apply.
//! - **art-3-reikwijdte** (info): article 3 covers preventie, re-integratie and
//!   casemanagement; a complaint about another service (`overig`) falls outside it.
//! - **art-8-inwerkingtreding** (info): article 8 applies the regulation to complaints
//!   received on or after it took effect.
//!
//! A case that gets any of these is not judged further (only art-4.1 still applies).
//!
//! Example: a complaint received by `telefoon` on 2025-03-04 gets art-1-schriftelijk and no
//! term findings.

use super::{Bevinding, Ernst, Regel, RegelId};
use crate::model::Zaak;
use crate::register::Reglement;

pub const SCHRIFTELIJK: Regel = Regel {
    id: RegelId::Art1Schriftelijk,
    artikel: "1",
    ernst: &[Ernst::Info],
    titel: |_, _| "Klacht niet schriftelijk ingediend".to_string(),
    uitleg: |_, _| {
        "Het reglement noemt alleen een schriftelijke uiting van onvrede een klacht. Een klacht \
         die telefonisch of mondeling binnenkwam, staat wel in het register, maar de termijnen \
         van het reglement gelden er niet voor."
            .to_string()
    },
};

pub const REIKWIJDTE: Regel = Regel {
    id: RegelId::Art3Reikwijdte,
    artikel: "3",
    ernst: &[Ernst::Info],
    titel: |_, _| "Buiten de reikwijdte van het reglement".to_string(),
    uitleg: |_, _| {
        "Het reglement geldt voor preventie, re-integratie en casemanagement. Een klacht over \
         iets anders (dienst overig) valt erbuiten en wordt niet aan de termijnen getoetst."
            .to_string()
    },
};

pub const INWERKINGTREDING: Regel = Regel {
    id: RegelId::Art8Inwerkingtreding,
    artikel: "8",
    ernst: &[Ernst::Info],
    titel: |_, _| "Ontvangen voor de inwerkingtreding".to_string(),
    uitleg: |r, _| {
        format!(
            "Het reglement geldt voor klachten die zijn ingediend op of na de dag van \
             inwerkingtreding, {}. Eerdere klachten worden niet aan de termijnen getoetst.",
            super::dmj(r.inwerkingtreding())
        )
    },
};

/// The info findings of a case outside the regulation; empty when it is judged.
pub fn buiten_reglement(zaak: &Zaak, reglement: &Reglement) -> Vec<Bevinding> {
    let mut redenen = Vec::new();
    if zaak.ontvangen < reglement.inwerkingtreding() {
        redenen.push((
            RegelId::Art8Inwerkingtreding,
            format!(
                "ontvangen op {}, voor de inwerkingtreding van het reglement op {}; het reglement is niet van toepassing",
                super::dmj(zaak.ontvangen),
                super::dmj(reglement.inwerkingtreding())
            ),
        ));
    }
    if !zaak.kanaal.is_schriftelijk() {
        redenen.push((
            RegelId::Art1Schriftelijk,
            format!(
                "ingediend via {}, niet schriftelijk; de termijnen van het reglement gelden niet",
                zaak.kanaal.naam()
            ),
        ));
    }
    if !zaak.dienst.valt_onder_reglement() {
        redenen.push((
            RegelId::Art3Reikwijdte,
            "dienst overig valt buiten de reikwijdte van het reglement".to_string(),
        ));
    }
    redenen
        .into_iter()
        .map(|(regel, bericht)| {
            let mut b = Bevinding::new(&zaak.id, regel, Ernst::Info, bericht);
            b.line = Some(zaak.line);
            b
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dienst, Kanaal};
    use crate::rules::test_zaak;

    fn regels(zaak: &Zaak) -> Vec<&'static str> {
        buiten_reglement(zaak, &Reglement::default())
            .iter()
            .map(|b| b.regel.id())
            .collect()
    }

    #[test]
    fn schriftelijke_klacht_over_een_dienst_na_inwerkingtreding_valt_eronder() {
        for kanaal in [Kanaal::Brief, Kanaal::Email, Kanaal::Webformulier] {
            let mut zaak = test_zaak("2024-10-01");
            zaak.kanaal = kanaal;
            assert!(regels(&zaak).is_empty());
        }
    }

    #[test]
    fn telefonische_en_mondelinge_klacht() {
        for kanaal in [Kanaal::Telefoon, Kanaal::Mondeling] {
            let mut zaak = test_zaak("2025-03-04");
            zaak.kanaal = kanaal;
            assert_eq!(regels(&zaak), ["art-1-schriftelijk"]);
        }
    }

    #[test]
    fn dienst_overig() {
        let mut zaak = test_zaak("2025-03-04");
        zaak.dienst = Dienst::Overig;
        assert_eq!(regels(&zaak), ["art-3-reikwijdte"]);
    }

    #[test]
    fn ontvangen_voor_inwerkingtreding_op_de_dag_ervoor() {
        // Monday 30 September 2024, the day before the regulation took effect.
        let zaak = test_zaak("2024-09-30");
        assert_eq!(regels(&zaak), ["art-8-inwerkingtreding"]);
    }

    #[test]
    fn elke_reden_een_eigen_bevinding() {
        let mut zaak = test_zaak("2024-09-30");
        zaak.kanaal = Kanaal::Mondeling;
        zaak.dienst = Dienst::Overig;
        assert_eq!(
            regels(&zaak),
            [
                "art-8-inwerkingtreding",
                "art-1-schriftelijk",
                "art-3-reikwijdte"
            ]
        );
    }
}
