//! `report.html`: one self-contained page (inline CSS and SVG, no network) that a
//! non-developer can read.

use std::fmt::Write as _;

use super::report::{ColumnReport, Report};

/// Labels in one language.
struct Labels {
    /// Whether these are the English labels (finding texts are then built from their
    /// kind, as the profile writes its messages in French).
    english: bool,
    title: &'static str,
    summary: &'static str,
    file: &'static str,
    encoding: &'static str,
    rows: &'static str,
    columns: &'static str,
    score: &'static str,
    wrong: &'static str,
    fixed: &'static str,
    nothing_wrong: &'static str,
    nothing_fixed: &'static str,
    cells_changed: &'static str,
    cells_flagged: &'static str,
    col_type: &'static str,
    col_format: &'static str,
    nulls: &'static str,
    distinct: &'static str,
    estimate: &'static str,
    top_values: &'static str,
    histogram: &'static str,
    findings: &'static str,
    flagged_examples: &'static str,
    row: &'static str,
    value: &'static str,
    reason: &'static str,
    duplicates: &'static str,
    exact_dups: &'static str,
    clusters: &'static str,
    members: &'static str,
    probability: &'static str,
    agree: &'static str,
    disagree: &'static str,
    not_available: &'static str,
    schema: &'static str,
    method: &'static str,
    normalizer: &'static str,
    delimiter: &'static str,
    invalid: &'static str,
    ambiguous: &'static str,
}

const FR: Labels = Labels {
    english: false,
    title: "Rapport de qualité des données",
    summary: "Synthèse",
    file: "Fichier",
    encoding: "Encodage",
    rows: "Lignes",
    columns: "Colonnes",
    score: "Score de qualité",
    wrong: "Ce qui ne va pas",
    fixed: "Ce qui a été corrigé",
    nothing_wrong: "Aucun problème relevé.",
    nothing_fixed: "Aucune cellule modifiée.",
    cells_changed: "cellules corrigées",
    cells_flagged: "cellules signalées (invalides ou ambiguës, laissées telles quelles)",
    col_type: "Type",
    col_format: "Format",
    nulls: "Valeurs manquantes",
    distinct: "Valeurs distinctes",
    estimate: "estimation",
    top_values: "Valeurs les plus fréquentes",
    histogram: "Histogramme",
    findings: "Constats",
    flagged_examples: "Exemples de cellules signalées",
    row: "Ligne",
    value: "Valeur",
    reason: "Raison",
    duplicates: "Doublons",
    exact_dups: "lignes strictement identiques à une ligne précédente",
    clusters: "groupes de doublons probables",
    members: "Lignes",
    probability: "Probabilité",
    agree: "Concordent",
    disagree: "Diffèrent",
    not_available: "Non disponible",
    schema: "Table Schema",
    method: "Calcul du score",
    normalizer: "Normalisation",
    delimiter: "Séparateur",
    invalid: "invalides",
    ambiguous: "ambiguës",
};

const EN: Labels = Labels {
    english: true,
    title: "Data quality report",
    summary: "Summary",
    file: "File",
    encoding: "Encoding",
    rows: "Rows",
    columns: "Columns",
    score: "Quality score",
    wrong: "What is wrong",
    fixed: "What was fixed",
    nothing_wrong: "No problem found.",
    nothing_fixed: "No cell changed.",
    cells_changed: "cells fixed",
    cells_flagged: "cells flagged (invalid or ambiguous, left as they were)",
    col_type: "Type",
    col_format: "Format",
    nulls: "Missing values",
    distinct: "Distinct values",
    estimate: "estimate",
    top_values: "Most frequent values",
    histogram: "Histogram",
    findings: "Findings",
    flagged_examples: "Examples of flagged cells",
    row: "Row",
    value: "Value",
    reason: "Reason",
    duplicates: "Duplicates",
    exact_dups: "rows exactly equal to an earlier row",
    clusters: "clusters of probable duplicates",
    members: "Rows",
    probability: "Probability",
    agree: "Agree",
    disagree: "Disagree",
    not_available: "Not available",
    schema: "Table Schema",
    method: "How the score is computed",
    normalizer: "Normalization",
    delimiter: "Delimiter",
    invalid: "invalid",
    ambiguous: "ambiguous",
};

const CSS: &str = "
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--card:#fff;--bad:#c0392b;--warn:#d68910;--good:#1e8449;--bar:#3d6fb6}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#1f3a68;color:#fff;padding:24px 32px}header h1{margin:0 0 4px;font-size:24px}header p{margin:0;opacity:.85}
main{max-width:1180px;margin:0 auto;padding:24px 32px}h2{font-size:20px;margin:32px 0 12px}
.kpis{display:flex;flex-wrap:wrap;gap:12px}.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:150px}
.kpi b{display:block;font-size:22px}.kpi span{color:var(--muted);font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px}.card h3{margin:0 0 8px;font-size:17px;word-break:break-all}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;background:#e8edf6;margin-right:4px}
.score{float:right;font-weight:700;border-radius:6px;padding:2px 8px;color:#fff}
.s-good{background:var(--good)}.s-warn{background:var(--warn)}.s-bad{background:var(--bad)}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:8px 0;font-size:14px}dt{color:var(--muted)}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:13px;background:var(--card)}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f6}ul{margin:4px 0 8px 18px;padding:0}li{margin:2px 0}.muted{color:var(--muted)}
pre{background:#fff;border:1px solid var(--line);padding:12px;overflow:auto;font-size:12px;max-height:480px}
svg text{font:11px system-ui,sans-serif;fill:var(--ink)}
";

/// Renders the report as one self-contained HTML page.
pub fn render(report: &Report) -> String {
    let l = if report.lang == "en" { &EN } else { &FR };
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — {file}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang = report.lang,
        title = l.title,
        file = esc(&report.input.path),
    );
    let _ = write!(
        h,
        "<header><h1>{}</h1><p>{} : {} · dq {}</p></header>\n<main>\n",
        l.title,
        l.file,
        esc(&report.input.path),
        report.dq_version
    );
    summary(&mut h, report, l);
    wrong_and_fixed(&mut h, report, l);
    let _ = write!(h, "<h2>{}</h2>\n<div class=\"cards\">\n", l.columns);
    for c in &report.columns {
        column_card(&mut h, c, report.rows, l);
    }
    h.push_str("</div>\n");
    duplicates(&mut h, report, l);
    let _ = write!(
        h,
        "<h2>{}</h2>\n<details><summary>JSON</summary><pre>{}</pre></details>\n",
        l.schema,
        esc(&serde_json::to_string_pretty(&report.table_schema).unwrap_or_default())
    );
    let _ =
        write!(h, "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n", l.method, esc(report.score.method));
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn score_class(score: f64) -> &'static str {
    if score >= 90.0 {
        "s-good"
    } else if score >= 70.0 {
        "s-warn"
    } else {
        "s-bad"
    }
}

fn summary(h: &mut String, r: &Report, l: &Labels) {
    let _ = write!(h, "<h2>{}</h2>\n<div class=\"kpis\">\n", l.summary);
    let kpi = |h: &mut String, value: &str, label: &str| {
        let _ = writeln!(h, "<div class=\"kpi\"><b>{}</b><span>{}</span></div>", esc(value), label);
    };
    let _ = writeln!(
        h,
        "<div class=\"kpi\"><b><span class=\"score {}\" id=\"file-score\">{:.1}</span></b>\
         <span>{}</span></div>",
        score_class(r.score.file),
        r.score.file,
        l.score
    );
    kpi(h, &r.rows.to_string(), l.rows);
    kpi(h, &r.columns.len().to_string(), l.columns);
    kpi(h, &r.input.encoding, l.encoding);
    kpi(h, &r.input.delimiter, l.delimiter);
    kpi(h, &r.changes.total.to_string(), l.cells_changed);
    kpi(h, &r.flags.total.to_string(), l.cells_flagged);
    kpi(h, &r.duplicates.exact_duplicate_rows.to_string(), l.exact_dups);
    h.push_str("</div>\n");
    if !r.not_available.is_empty() {
        let _ = write!(h, "<p class=\"muted\"><b>{}</b>: ", l.not_available);
        for (i, n) in r.not_available.iter().enumerate() {
            if i > 0 {
                h.push_str("; ");
            }
            h.push_str(&esc(n));
        }
        h.push_str("</p>\n");
    }
}

/// What a profile finding kind means, in English.
fn english_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "leading_zeros_lost" => "leading zeros lost",
        "excel_scientific" => "scientific notation (digits lost by a spreadsheet)",
        "mojibake" => "badly decoded text (mojibake)",
        "untrimmed" => "spaces around the value",
        "doubled_spaces" => "doubled spaces",
        "mixed_conventions" => "mixed conventions in one column",
        "invalid_identifier" => "invalid identifiers (checksum or unknown code)",
        "historic_commune" => "historic commune codes",
        "unlisted_postal_code" => {
            "postal codes in no public list of La Poste (CEDEX, special or retired), kept"
        }
        "constant_column" => "constant column",
        "empty_column" => "empty column",
        "personal_data" => "personal data",
        "ragged_rows" => "rows with a different number of fields",
        "duplicate_rows" => "exact duplicate rows",
        _ => return None,
    })
}

fn finding_text(f: &serde_json::Value, l: &Labels) -> String {
    let kind = f.get("kind").or_else(|| f.get("code")).and_then(|v| v.as_str()).unwrap_or("");
    let mut msg = f.get("message").and_then(|v| v.as_str()).unwrap_or("");
    if l.english {
        if let Some(text) = english_kind(kind) {
            msg = text;
        }
    }
    let count = f.get("count").and_then(|v| v.as_u64());
    let mut s = String::new();
    if !kind.is_empty() {
        s.push_str(kind);
    }
    if !msg.is_empty() {
        if !s.is_empty() {
            s.push_str(": ");
        }
        s.push_str(msg);
    }
    if let Some(n) = count {
        let _ = write!(s, " ({n})");
    }
    if let Some(examples) = f.get("examples").and_then(|v| v.as_array()) {
        let shown: Vec<String> = examples
            .iter()
            .take(3)
            .filter_map(|e| {
                let line = e.get("line").and_then(|v| v.as_u64()).unwrap_or(0);
                let value = e.get("value").and_then(|v| v.as_str()).unwrap_or("");
                match (line, value.is_empty()) {
                    (0, true) => None,
                    (0, false) => Some(format!("{value:?}")),
                    (l, true) => Some(format!("l. {l}")),
                    (l, false) => Some(format!("l. {l} {value:?}")),
                }
            })
            .collect();
        if !shown.is_empty() {
            let _ = write!(s, " — {}", shown.join(", "));
        }
    }
    if s.is_empty() {
        s = f.to_string();
    }
    s
}

fn wrong_and_fixed(h: &mut String, r: &Report, l: &Labels) {
    let _ = writeln!(h, "<h2>{}</h2>", l.wrong);
    let mut items = Vec::new();
    for f in &r.findings {
        items.push(finding_text(f, l));
    }
    for c in &r.columns {
        for f in &c.findings {
            items.push(format!("{} — {}", c.name, finding_text(f, l)));
        }
        if c.invalid + c.ambiguous > 0 {
            items.push(format!(
                "{} — {} {}, {} {} ({})",
                c.name,
                c.invalid,
                l.invalid,
                c.ambiguous,
                l.ambiguous,
                c.normalizer.as_deref().unwrap_or("-")
            ));
        }
    }
    if r.duplicates.exact_duplicate_rows > 0 {
        items.push(format!("{} {}", r.duplicates.exact_duplicate_rows, l.exact_dups));
    }
    if !r.duplicates.clusters.is_empty() {
        items.push(format!("{} {}", r.duplicates.clusters.len(), l.clusters));
    }
    list(h, &items, l.nothing_wrong);
    let _ = writeln!(h, "<h2>{}</h2>", l.fixed);
    let fixed: Vec<String> = r
        .changes
        .by_rule
        .iter()
        .map(|(rule, n)| format!("{rule}: {n} {}", l.cells_changed))
        .collect();
    list(h, &fixed, l.nothing_fixed);
}

fn list(h: &mut String, items: &[String], empty: &str) {
    if items.is_empty() {
        let _ = writeln!(h, "<p>{empty}</p>");
        return;
    }
    h.push_str("<ul>\n");
    for i in items.iter().take(200) {
        let _ = writeln!(h, "<li>{}</li>", esc(i));
    }
    h.push_str("</ul>\n");
}

fn column_card(h: &mut String, c: &ColumnReport, rows: u64, l: &Labels) {
    let _ = write!(
        h,
        "<section class=\"card column-card\" data-column=\"{}\">\n<h3><span class=\"score {}\">{:.1}</span>{}</h3>\n",
        c.index,
        score_class(c.score),
        c.score,
        esc(&c.name)
    );
    let _ = write!(
        h,
        "<span class=\"badge\">{}: {}</span><span class=\"badge\">{}: {}</span>\n<dl>",
        l.col_type,
        esc(&c.kind),
        l.col_format,
        esc(&c.format)
    );
    let share = if rows == 0 { 0.0 } else { 100.0 * c.nulls as f64 / rows as f64 };
    let _ = write!(h, "<dt>{}</dt><dd>{} ({share:.1} %)</dd>", l.nulls, c.nulls);
    let est = if c.distinct_is_estimate { format!(" ({})", l.estimate) } else { String::new() };
    let _ = write!(h, "<dt>{}</dt><dd>{}{est}</dd>", l.distinct, c.distinct);
    if let Some(n) = &c.normalizer {
        let _ = write!(
            h,
            "<dt>{}</dt><dd>{} — {} {}, {} + {} ⚑</dd>",
            l.normalizer,
            esc(n),
            c.changed,
            l.cells_changed,
            c.invalid,
            c.ambiguous
        );
    }
    h.push_str("</dl>\n");
    if c.histogram.len() > 1 {
        let _ = writeln!(h, "<div class=\"muted\">{}</div>", l.histogram);
        histogram_svg(h, &c.histogram);
    } else if !c.top.is_empty() {
        let _ = writeln!(h, "<div class=\"muted\">{}</div>", l.top_values);
        top_svg(h, &c.top);
    }
    if !c.findings.is_empty() {
        let _ = write!(h, "<div class=\"muted\">{}</div><ul>", l.findings);
        for f in &c.findings {
            let _ = write!(h, "<li>{}</li>", esc(&finding_text(f, l)));
        }
        h.push_str("</ul>\n");
    }
    if !c.flag_examples.is_empty() {
        let _ = write!(
            h,
            "<details><summary>{}</summary><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            l.flagged_examples, l.row, l.value, l.reason
        );
        for (row, value, reason) in &c.flag_examples {
            let _ =
                write!(h, "<tr><td>{row}</td><td>{}</td><td>{}</td></tr>", esc(value), esc(reason));
        }
        h.push_str("</table></details>\n");
    }
    h.push_str("</section>\n");
}

/// Horizontal bar chart of the most frequent values.
fn top_svg(h: &mut String, top: &[(String, u64)]) {
    let top = top.get(..top.len().min(8)).unwrap_or(top);
    let max = top.iter().map(|t| t.1).max().unwrap_or(1).max(1) as f64;
    let row_h = 18.0;
    let height = row_h * top.len() as f64 + 4.0;
    let _ = write!(
        h,
        "<svg class=\"chart top-chart\" role=\"img\" viewBox=\"0 0 320 {height}\" width=\"100%\">"
    );
    for (i, (value, count)) in top.iter().enumerate() {
        let y = i as f64 * row_h + 2.0;
        let w = 150.0 * (*count as f64) / max;
        let label: String = value.chars().take(22).collect();
        let label = if label.is_empty() { "(vide)".to_owned() } else { label };
        let _ = write!(
            h,
            "<text x=\"0\" y=\"{ty}\">{}</text><rect x=\"130\" y=\"{y}\" width=\"{w:.1}\" height=\"14\" \
             fill=\"#3d6fb6\"><title>{}: {count}</title></rect><text x=\"{tx:.1}\" y=\"{ty}\">{count}</text>",
            esc(&label),
            esc(value),
            ty = y + 11.0,
            tx = 134.0 + w,
        );
    }
    h.push_str("</svg>\n");
}

/// Column chart of a numeric histogram.
fn histogram_svg(h: &mut String, bins: &[(f64, f64, u64)]) {
    let max = bins.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64;
    let n = bins.len() as f64;
    let bw = 300.0 / n;
    let _ = write!(
        h,
        "<svg class=\"chart histogram\" role=\"img\" viewBox=\"0 0 320 120\" width=\"100%\">"
    );
    for (i, (lo, hi, count)) in bins.iter().enumerate() {
        let bh = 90.0 * (*count as f64) / max;
        let x = 10.0 + i as f64 * bw;
        let _ = write!(
            h,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{bh:.1}\" fill=\"#3d6fb6\">\
             <title>{lo} – {hi}: {count}</title></rect>",
            y = 95.0 - bh,
            w = (bw - 1.0).max(0.5),
        );
    }
    if let (Some(first), Some(last)) = (bins.first(), bins.last()) {
        let _ = write!(
            h,
            "<text x=\"10\" y=\"112\">{}</text><text x=\"310\" y=\"112\" text-anchor=\"end\">{}</text>",
            short_num(first.0),
            short_num(last.1)
        );
    }
    h.push_str("</svg>\n");
}

fn short_num(x: f64) -> String {
    if x.abs() >= 1e6 {
        format!("{:.1} M", x / 1e6)
    } else if x.abs() >= 1e4 {
        format!("{:.0} k", x / 1e3)
    } else if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

fn duplicates(h: &mut String, r: &Report, l: &Labels) {
    let d = &r.duplicates;
    let _ = write!(h, "<h2>{}</h2>\n<section id=\"duplicates\">\n", l.duplicates);
    let _ = writeln!(
        h,
        "<p>{} {} · {} {}</p>",
        d.exact_duplicate_rows,
        l.exact_dups,
        d.clusters.len(),
        l.clusters
    );
    if d.status != "done" {
        let _ = writeln!(h, "<p class=\"muted\">{} ({})</p>", l.not_available, esc(&d.status));
    }
    if !d.clusters.is_empty() {
        let _ = writeln!(
            h,
            "<table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            l.members, l.probability, l.agree, l.disagree
        );
        for c in d.clusters.iter().take(300) {
            let members: Vec<String> = c.members.iter().map(u64::to_string).collect();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{:.3}</td><td>{}</td><td>{}</td></tr>",
                c.cluster_id,
                members.join(", "),
                c.match_probability,
                esc(&c.agree.join(", ")),
                esc(&c.disagree.join(", "))
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</section>\n");
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">L'été & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;L&#39;été &amp; co&lt;/a&gt;"
        );
    }
}
