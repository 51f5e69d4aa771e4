//! Company names: legal forms split off, generic words removed.
//!
//! `"S.A.R.L. Boulangerie Martin"` and `"Boulangerie Martin SARL"` share the name
//! `BOULANGERIE MARTIN`; the legal form is returned separately so that `"SCI du Parc"`
//! and `"SARL du Parc"` can count as a disagreement.
//!
//! ```
//! use dq_dedupe::company::{normalize_company, LegalForm};
//!
//! let c = normalize_company("Sté S.A.R.L. Boulangerie Martin");
//! assert_eq!(c.name, "BOULANGERIE MARTIN");
//! assert_eq!(c.legal_form, Some(LegalForm::Sarl));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::fold::fold;

/// A French legal form recognised in a company name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LegalForm {
    /// Société à responsabilité limitée (`SARL`).
    Sarl,
    /// Entreprise unipersonnelle à responsabilité limitée (`EURL`).
    Eurl,
    /// Société par actions simplifiée (`SAS`).
    Sas,
    /// SAS unipersonnelle (`SASU`).
    Sasu,
    /// Société anonyme (`SA`).
    Sa,
    /// Société civile immobilière (`SCI`).
    Sci,
    /// Société en nom collectif (`SNC`).
    Snc,
    /// Société coopérative de production (`SCOP`).
    Scop,
    /// Société civile de moyens (`SCM`).
    Scm,
    /// Groupement d'intérêt économique (`GIE`).
    Gie,
    /// Association (loi de 1901).
    Association,
}

impl LegalForm {
    /// The canonical abbreviation (`"SARL"`, `"ASSOCIATION"`…).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_dedupe::company::LegalForm::Sci.as_str(), "SCI");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            LegalForm::Sarl => "SARL",
            LegalForm::Eurl => "EURL",
            LegalForm::Sas => "SAS",
            LegalForm::Sasu => "SASU",
            LegalForm::Sa => "SA",
            LegalForm::Sci => "SCI",
            LegalForm::Snc => "SNC",
            LegalForm::Scop => "SCOP",
            LegalForm::Scm => "SCM",
            LegalForm::Gie => "GIE",
            LegalForm::Association => "ASSOCIATION",
        }
    }

    fn from_token(t: &str) -> Option<LegalForm> {
        Some(match t {
            "SARL" => LegalForm::Sarl,
            "EURL" => LegalForm::Eurl,
            "SAS" => LegalForm::Sas,
            "SASU" => LegalForm::Sasu,
            "SA" => LegalForm::Sa,
            "SCI" => LegalForm::Sci,
            "SNC" => LegalForm::Snc,
            "SCOP" => LegalForm::Scop,
            "SCM" => LegalForm::Scm,
            "GIE" => LegalForm::Gie,
            "ASSOCIATION" | "ASSO" | "ASSOC" => LegalForm::Association,
            _ => return None,
        })
    }
}

/// A company name split into its distinctive part and its legal form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CompanyName {
    /// The folded name without legal form, generic words (`SOCIETE`, `STE`, `ETS`,
    /// `ETABLISSEMENTS`) and articles (`LE`, `LA`, `LES`, `L`, `DE`, `DU`, `DES`, `D`).
    pub name: String,
    /// The first legal form found, if any.
    pub legal_form: Option<LegalForm>,
}

/// Legal forms written out in words, longest first (after folding; `SOCIETE` and `STE`
/// are generic words dropped anyway).
const SPELLED_OUT: &[(&[&str], LegalForm)] = &[
    (&["ENTREPRISE", "UNIPERSONNELLE", "A", "RESPONSABILITE", "LIMITEE"], LegalForm::Eurl),
    (&["ENTREPRISE", "UNIPERSONNELLE", "RESPONSABILITE", "LIMITEE"], LegalForm::Eurl),
    (&["PAR", "ACTIONS", "SIMPLIFIEE", "UNIPERSONNELLE"], LegalForm::Sasu),
    (&["PAR", "ACTIONS", "SIMPLIFIEE"], LegalForm::Sas),
    (&["ACTIONS", "SIMPLIFIEE", "UNIPERSONNELLE"], LegalForm::Sasu),
    (&["ACTIONS", "SIMPLIFIEE"], LegalForm::Sas),
    (&["A", "RESPONSABILITE", "LIMITEE"], LegalForm::Sarl),
    (&["A", "RESP", "LIMITEE"], LegalForm::Sarl),
    (&["RESPONSABILITE", "LIMITEE"], LegalForm::Sarl),
    (&["RESP", "LIMITEE"], LegalForm::Sarl),
    (&["CIVILE", "IMMOBILIERE"], LegalForm::Sci),
    (&["EN", "NOM", "COLLECTIF"], LegalForm::Snc),
    (&["SOCIETE", "ANONYME"], LegalForm::Sa),
    (&["STE", "ANONYME"], LegalForm::Sa),
];

/// Splits a company name (raison sociale or enseigne) into its distinctive name and legal
/// form. When the name holds only generic words, they are kept rather than returning
/// nothing.
///
/// # Example
///
/// ```
/// use dq_dedupe::company::normalize_company;
/// assert_eq!(normalize_company("Ets Dupont & Fils").name, "DUPONT FILS");
/// assert_eq!(normalize_company("Association des Amis du Louvre").name, "AMIS LOUVRE");
/// ```
pub fn normalize_company(s: &str) -> CompanyName {
    let folded = fold(s);
    let mut out = CompanyName::default();
    let mut name = String::with_capacity(folded.len());
    let tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    let mut skip = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        // A legal form spelled out (`Société à responsabilité limitée`, `Sté à Resp.
        // Limitée`, `Société par actions simplifiée unipersonnelle`).
        let rest = tokens.get(i..).unwrap_or(&[]);
        if let Some((len, f)) = SPELLED_OUT
            .iter()
            .find(|(words, _)| rest.starts_with(words))
            .map(|(words, f)| (words.len(), *f))
        {
            out.legal_form.get_or_insert(f);
            skip = len - 1;
            continue;
        }
        if let Some(f) = LegalForm::from_token(t) {
            out.legal_form.get_or_insert(f);
            continue;
        }
        if matches!(
            *t,
            "SOCIETE"
                | "STE"
                | "ETS"
                | "ETABLISSEMENTS"
                | "ETABLISSEMENT"
                | "ET"
                | "LE"
                | "LA"
                | "LES"
                | "L"
                | "DE"
                | "DU"
                | "DES"
                | "D"
        ) {
            continue;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(t);
    }
    if name.is_empty() {
        name = tokens.join(" ");
    }
    out.name = name;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, name: &str, form: Option<LegalForm>) {
        let c = normalize_company(input);
        assert_eq!((c.name.as_str(), c.legal_form), (name, form), "input {input:?}");
    }

    #[test]
    fn names() {
        check("SARL Boulangerie Martin", "BOULANGERIE MARTIN", Some(LegalForm::Sarl));
        check("Boulangerie Martin S.A.R.L.", "BOULANGERIE MARTIN", Some(LegalForm::Sarl));
        check("SCI du Parc", "PARC", Some(LegalForm::Sci));
        check("Société Générale", "GENERALE", None);
        check("Ets. Durand et Cie", "DURAND CIE", None);
        check("Asso. Les Restos du Cœur", "RESTOS COEUR", Some(LegalForm::Association));
        check("SAS", "SAS", Some(LegalForm::Sas));
        check("", "", None);
        // Legal forms spelled out or dotted.
        check("Sté à Resp. Limitée Garage Colin", "GARAGE COLIN", Some(LegalForm::Sarl));
        check("S.c.i. du Parc", "PARC", Some(LegalForm::Sci));
        check("E.u.r.l. Nettoyage Brunet", "NETTOYAGE BRUNET", Some(LegalForm::Eurl));
        check(
            "Transports Chevalier Société par actions simplifiée unipersonnelle",
            "TRANSPORTS CHEVALIER",
            Some(LegalForm::Sasu),
        );
        check("Société anonyme Fleurs Garcia", "FLEURS GARCIA", Some(LegalForm::Sa));
        check("Société civile immobilière des Lilas", "LILAS", Some(LegalForm::Sci));
        check("Société Anonymes Associés", "ANONYMES ASSOCIES", None);
    }
}
