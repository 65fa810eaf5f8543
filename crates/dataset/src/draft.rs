//! A `data/documents/<id>.toml` skeleton from the candidates, for a person to review
//! (`dataset draft`). It is in the current dataset form and always reads as a `DocumentEntry`:
//! what the extractor cannot know is a marked placeholder (`"TODO"`, which `dataset check`
//! reports), and what it only guessed carries a `# REVIEW` comment. Scopes are `{ zh, en }`
//! tables, so a scope the extractor read is written as a comment to complete; summaries start
//! from the value's clause. Facts, baselines and actual values it recognised are listed at the end
//! as comments, never as targets.

use std::fmt::Write;

use policy_data::export::comparator_code;
use policy_data::format::{format_number, NumberForm};
use policy_data::model::Binding;
use policy_extract::guess;
use policy_extract::{Candidate, Catalogue};

/// What the draft is written from.
pub struct Draft<'a> {
    /// The document id (`<locality>-<year>`).
    pub id: &'a str,
    /// The cleaned text's path, relative to the repository root.
    pub source: &'a str,
    pub text: &'a str,
    /// The issue date `YYYY-MM-DD`, when known.
    pub issued: Option<&'a str>,
    pub candidates: &'a [Candidate],
    pub catalogue: &'a Catalogue,
}

/// The TOML text of the draft.
pub fn draft(input: &Draft) -> String {
    let mut out = String::new();
    let proposed: Vec<&Candidate> = input.candidates.iter().filter(|c| c.kind.is_target()).collect();
    let _ = writeln!(
        out,
        "# Draft written by `cargo run --bin dataset -- draft` from {}: {} candidates proposed as targets.\n\
         # Nothing here is reviewed. For every target check the quote, value, comparator, year and indicator\n\
         # against the text; write `scope = {{ zh = \"…\", en = \"…\" }}` where a scope is noted, both summaries,\n\
         # `responsible` and a `note` where the reading needs one; delete what is not a target. Placeholders\n\
         # are \"TODO\"; `cargo run --bin dataset -- check` lists what is left.\n",
        input.source,
        proposed.len()
    );
    document(input, &proposed, &mut out);
    let mut ids: Vec<String> = Vec::new();
    for (n, candidate) in proposed.iter().enumerate() {
        target(input, candidate, n + 1, proposed.len(), &mut ids, &mut out);
    }
    let others: Vec<&Candidate> = input.candidates.iter().filter(|c| !c.kind.is_target()).collect();
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "\n# Not proposed: facts, baselines and actual values the extractor recognised."
        );
        for c in others {
            let _ = writeln!(
                out,
                "# - {} {}{}: “{}”",
                c.kind.id(),
                c.value.map_or(String::new(), number),
                c.unit.as_deref().unwrap_or(""),
                one_line(&c.quote, 60)
            );
        }
    }
    out
}

fn document(input: &Draft, proposed: &[&Candidate], out: &mut String) {
    let text = input.text;
    let issuer = guess::issuer(text);
    let title = guess::title(text);
    let issued = input.issued.map(str::to_string).or_else(|| guess::issue_date(text));
    let first_year = issued
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u16>().ok());
    let last_year = proposed.iter().filter_map(|c| c.target_year).max();
    let start = first_year.or(last_year).unwrap_or(2025);
    let end = last_year.unwrap_or(start).max(start);
    let genre = guess::genre(title.as_deref());
    let locality = issuer
        .as_deref()
        .map(guess::locality_of)
        .unwrap_or_else(|| "TODO".to_string());
    let level = match issuer.as_deref() {
        Some(i) if i.contains("区人民政府") => "district",
        Some(i) if i.contains("市人民政府") => "prefecture-level-city",
        _ => "unnamed",
    };
    let _ = writeln!(out, "[document]");
    let _ = writeln!(out, "id = {}", quoted(input.id));
    let _ = writeln!(
        out,
        "locality = {{ zh = {}, en = \"TODO\" }} # REVIEW",
        quoted(&locality)
    );
    let _ = writeln!(out, "province = {{ zh = \"TODO\", en = \"TODO\" }}");
    let _ = writeln!(
        out,
        "level = {} # REVIEW: prefecture-level-city | county-level-city | district | unnamed",
        quoted(level)
    );
    let _ = writeln!(
        out,
        "title = {} # REVIEW: the full title as written",
        quoted(title.as_deref().unwrap_or("TODO"))
    );
    if let Some(number) = guess::doc_number(text) {
        let _ = writeln!(out, "doc_number = {} # REVIEW", quoted(&number));
    }
    let _ = writeln!(out, "issuer = {} # REVIEW", quoted(issuer.as_deref().unwrap_or("TODO")));
    if let Some(date) = &issued {
        let _ = writeln!(out, "issued = {}", quoted(date));
    }
    let _ = writeln!(
        out,
        "period = {{ start = {start}, end = {end} }} # REVIEW: from the issue year and the latest target year"
    );
    let _ = writeln!(
        out,
        "genre = {} # REVIEW: 意见 | 行动计划 | 实施意见 | 规划 | 评估报告",
        quoted(genre)
    );
    let _ = writeln!(out, "script = {}", quoted(guess::script_of(text)));
    let _ = writeln!(out, "source = {}", quoted(input.source));
}

fn target(input: &Draft, c: &Candidate, n: usize, total: usize, ids: &mut Vec<String>, out: &mut String) {
    let reasons: Vec<&str> = c.reasons.iter().map(|r| r.label(policy_data::lang::Lang::En)).collect();
    let _ = writeln!(
        out,
        "\n# {n}/{total} · confidence {:.2} · {}",
        c.confidence,
        reasons.join("; ")
    );
    if let Some(scope) = &c.scope {
        let _ = writeln!(out, "# REVIEW scope: {scope} → scope = {{ zh = \"…\", en = \"…\" }}");
    }
    let indicator = c.indicator.as_deref().unwrap_or("TODO");
    let slug = if indicator == "TODO" { "target" } else { indicator };
    let mut id = format!("{}-{}", input.id, slug);
    id.truncate(72);
    let base = id.clone();
    let mut k = 2;
    while ids.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    ids.push(id.clone());
    let _ = writeln!(out, "[[targets]]");
    let _ = writeln!(out, "id = {}", quoted(&id));
    let kind = c.kind.target().map_or("quantitative", |_| c.kind.id());
    let _ = writeln!(out, "kind = {}", quoted(kind));
    let _ = writeln!(out, "theme = {}", quoted(c.theme.as_deref().unwrap_or("TODO")));
    if c.indicator.is_none() {
        let _ = writeln!(
            out,
            "# REVIEW: no indicator in the catalogue fits; choose one or add one to data/indicators.toml"
        );
    }
    let _ = writeln!(out, "indicator = {}", quoted(indicator));
    let _ = writeln!(out, "comparator = {}", quoted(comparator_code(c.comparator)));
    if let Some(value) = c.value {
        let _ = writeln!(out, "value = {}", number(value));
    }
    if let Some(unit) = &c.unit {
        let expected = c.indicator.as_deref().and_then(|i| input.catalogue.unit(i));
        match expected {
            Some(e) if e != unit => {
                let _ = writeln!(
                    out,
                    "unit = {} # REVIEW: the indicator's unit is {}",
                    quoted(unit),
                    quoted(e)
                );
            }
            _ => {
                let _ = writeln!(out, "unit = {}", quoted(unit));
            }
        }
    }
    if let Some(baseline) = c.baseline {
        match baseline.year {
            Some(year) => {
                let _ = writeln!(
                    out,
                    "baseline = {{ value = {}, year = {year} }}",
                    number(baseline.value)
                );
            }
            None => {
                let _ = writeln!(out, "baseline = {{ value = {} }}", number(baseline.value));
            }
        }
    }
    if let Some(year) = c.target_year {
        let _ = writeln!(out, "target_year = {year}");
    }
    if let Some(deadline) = &c.deadline_text {
        let _ = writeln!(out, "deadline_text = {}", quoted(deadline));
    }
    if let Some(binding) = c.binding {
        let written = match binding {
            Binding::Binding => "约束性",
            Binding::Expected => "预期性",
        };
        let _ = writeln!(out, "binding = {}", quoted(written));
    }
    let responsible: Vec<String> = responsible_after(input.text, c.range.end)
        .iter()
        .map(|r| quoted(r))
        .collect();
    let _ = writeln!(out, "responsible = [{}]", responsible.join(", "));
    let _ = writeln!(out, "section = {}", quoted(&c.section));
    let _ = writeln!(out, "quote = {}", quoted(&c.quote));
    let _ = writeln!(
        out,
        "summary = {{ zh = {}, en = \"TODO\" }} # REVIEW: one plain sentence each",
        quoted(&one_line(&c.quote, 60))
    );
}

/// The units named by the 责任单位 line that follows `at` in its item (on the same line, or on one of
/// the next lines before the next item starts).
fn responsible_after(text: &str, at: usize) -> Vec<String> {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut candidates = vec![&text[at..line_end]];
    candidates.extend(
        text[line_end..]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3),
    );
    for (k, line) in candidates.iter().enumerate() {
        if let Some(i) = line.find("责任单位") {
            let rest = line[i + "责任单位".len()..].trim_start_matches([':', '：']);
            let end = rest.find([']', '】', ')', '）', '。']).unwrap_or(rest.len());
            return rest[..end]
                .split(['、', ',', '，', ';', '；'])
                .map(|u| u.trim().trim_start_matches(['[', '(', '（']).to_string())
                .filter(|u| !u.is_empty())
                .collect();
        }
        if k > 0 && policy_extract::starts_with_section_number(line) {
            break;
        }
    }
    Vec::new()
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as the data files write it (90000, 86.49): `format`'s exact form.
fn number(value: f64) -> String {
    format_number(value, NumberForm::Exact)
}

/// `text` on one line, cut to `chars` characters.
fn one_line(text: &str, chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= chars {
        flat
    } else {
        format!("{}…", flat.chars().take(chars).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::bundled;
    use policy_data::model::{DocumentEntry, Kind};
    use policy_extract::extract;

    fn drafted(id: &str, text: &str, issued: Option<&str>) -> (String, Vec<Candidate>) {
        let dataset = bundled::dataset();
        let catalogue = Catalogue::new(&dataset.indicators, &dataset.themes);
        let candidates = extract(text, issued.and_then(policy_extract::parse_issued), &catalogue);
        let source = format!("data/sources/{id}.txt");
        let toml = draft(&Draft {
            id,
            source: &source,
            text,
            issued,
            candidates: &candidates,
            catalogue: &catalogue,
        });
        (toml, candidates)
    }

    #[test]
    fn every_seed_drafts_into_the_dataset_form() {
        for entry in &bundled::dataset().documents {
            let id = &entry.document.id;
            let text = &bundled::texts()[id];
            let (toml, candidates) = drafted(id, text, entry.document.issued.as_deref());
            let parsed: DocumentEntry = toml::from_str(&toml).unwrap_or_else(|e| panic!("{id}: {e}\n{toml}"));
            assert_eq!(
                parsed.targets.len(),
                candidates.iter().filter(|c| c.kind.is_target()).count()
            );
            for (target, candidate) in parsed
                .targets
                .iter()
                .zip(candidates.iter().filter(|c| c.kind.is_target()))
            {
                assert_eq!(target.quote, candidate.quote);
                assert_eq!(target.value, candidate.value);
                assert!(target.scope.is_none() && target.note.is_none());
                assert!(text.contains(&target.quote));
            }
            let ids: std::collections::BTreeSet<&str> = parsed.targets.iter().map(|t| t.id.as_str()).collect();
            assert_eq!(ids.len(), parsed.targets.len(), "{id}: target ids are unique");
        }
    }

    #[test]
    fn metadata_is_read_from_the_text() {
        let text = &bundled::texts()["panjin-2019"];
        let (toml, _) = drafted("panjin-2019", text, None);
        let parsed: DocumentEntry = toml::from_str(&toml).unwrap();
        let doc = parsed.document;
        assert_eq!(doc.issuer, "盘锦市人民政府办公室");
        assert_eq!(doc.locality.zh, "盘锦");
        assert_eq!(doc.issued.as_deref(), Some("2019-05-30"));
        assert_eq!(doc.title, "盘锦市推进教育高质量发展行动计划");
        assert_eq!(doc.genre, "行动计划");
        assert_eq!(doc.period.start, 2019);
        assert_eq!(doc.period.end, 2022);
        let dongguan = &bundled::texts()["dongguan-2019"];
        let (toml, _) = drafted("dongguan-2019", dongguan, Some("2019-11-05"));
        assert!(toml.contains("script = \"traditional\""));
    }

    #[test]
    fn responsible_units_follow_their_item() {
        let text = &bundled::texts()["panjin-2019"];
        let (toml, _) = drafted("panjin-2019", text, Some("2019-05-30"));
        let parsed: DocumentEntry = toml::from_str(&toml).unwrap();
        let share = parsed
            .targets
            .iter()
            .find(|t| t.value == Some(80.0) && t.kind == Kind::Quantitative)
            .unwrap();
        assert_eq!(
            share.responsible,
            vec!["各区县政府", "市教育局", "市自然资源局", "市住房城乡建设局"]
        );
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(quoted("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(number(90000.0), "90000");
        assert_eq!(number(0.27), "0.27");
    }
}
