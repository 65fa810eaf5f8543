//! What a text says about itself, guessed for a person to check: the issuer and title written near
//! its top, the locality the issuer names, the 文号, the issue date written on a line of its own, the
//! genre its title names and its script. Used by `draft` (the maintainer's skeleton) and `review`
//! (the page's metadata form, filled in advance).

use crate::read::deadlines::written_issue_date;
use policy_data::script::is_traditional_specific;

/// The issuing body written on a short line near the top (盘锦市人民政府办公室).
pub fn issuer(text: &str) -> Option<String> {
    find_line(text, |l| {
        l.chars().count() <= 24
            && [
                "人民政府办公室",
                "人民政府办公厅",
                "人民政府",
                "教育局",
                "委员会",
                "办公室",
            ]
            .iter()
            .any(|s| l.ends_with(s))
    })
}

/// The title: a line near the top naming a plan, programme or opinion, without sentence punctuation.
pub fn title(text: &str) -> Option<String> {
    find_line(text, |l| {
        let n = l.chars().count();
        (6..=60).contains(&n)
            && !l.contains(['。', ',', '，'])
            && ["规划", "计划", "方案", "意见", "报告", "办法", "通知"]
                .iter()
                .any(|w| l.contains(w))
    })
}

/// The genre a title names; 规划 when it names none.
pub fn genre(title: Option<&str>) -> &'static str {
    title
        .and_then(|t| {
            ["行动计划", "实施意见", "评估报告", "意见", "规划"]
                .into_iter()
                .find(|g| t.contains(g))
        })
        .unwrap_or("规划")
}

/// The first line of `text` (trimmed) for which `pick` holds.
pub fn find_line(text: &str, pick: impl Fn(&str) -> bool) -> Option<String> {
    text.lines()
        .map(str::trim)
        .take(40)
        .map(|l| l.trim_start_matches('《').trim_end_matches('》'))
        .find(|l| pick(l))
        .map(str::to_string)
}

/// The locality an issuer names: 盘锦市人民政府办公室 → 盘锦.
pub fn locality_of(issuer: &str) -> String {
    let mut name = issuer.to_string();
    for suffix in ["人民政府办公室", "人民政府办公厅", "人民政府", "教育局", "办公室"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.to_string();
            break;
        }
    }
    for level in ["市", "区", "县"] {
        if let Some(stripped) = name.strip_suffix(level) {
            if stripped.chars().count() >= 2 {
                name = stripped.to_string();
            }
            break;
        }
    }
    name
}

/// An issue date written on a line of its own near the top (2019年5月30日), as `YYYY-MM-DD`.
pub fn issue_date(text: &str) -> Option<String> {
    written_issue_date(text).map(|(year, month, day)| format!("{year:04}-{month:02}-{day:02}"))
}

/// The first document number (文号) written in the text's first lines: 盘政办发〔2019〕24号.
pub fn doc_number(text: &str) -> Option<String> {
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let open = head.find('〔')?;
    let close = open + head[open..].find('〕')?;
    let number_end = close + head[close..].find('号')? + '号'.len_utf8();
    if head[close..number_end].chars().count() > 6 {
        return None;
    }
    let prefix_start = head[..open]
        .char_indices()
        .rev()
        .take_while(|(_, c)| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .last()
        .map_or(open, |(i, _)| i);
    Some(head[prefix_start..number_end].to_string())
}

/// `traditional` when more than one in fifty Chinese characters is a Traditional-only form.
pub fn script_of(text: &str) -> &'static str {
    let han = text.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
    let traditional = text.chars().filter(|c| is_traditional_specific(*c)).count();
    if han > 0 && traditional * 50 > han {
        "traditional"
    } else {
        "simplified"
    }
}
