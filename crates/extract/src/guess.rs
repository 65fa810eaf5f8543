//! What a text says about itself, guessed for a person to check: the issuer and title written near
//! its top, the locality the issuer names, the 文号, the issue date written on a line of its own, the
//! genre its title names and its script. Used by `draft` (the maintainer's skeleton) and `review`
//! (the page's metadata form, filled in advance).

use crate::read::deadlines::written_issue_date;
use policy_data::script::is_traditional_specific;

/// The issuing body: on a short line among the first ten (盘锦市人民政府办公室), else before 关于 in the title
/// line (东莞市人民政府关于……的若干意见), else on the signature line near the end, followed by a date.
pub fn issuer(text: &str) -> Option<String> {
    issuer_and_source(text).map(|(issuer, _)| issuer)
}

/// Where the issuer was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssuerFrom {
    /// A short line of its own among the first ten.
    Head,
    /// The title line, before 关于.
    Title,
    /// The signature line near the end, followed by a date.
    Signature,
}

/// The issuer and where it was read.
pub fn issuer_and_source(text: &str) -> Option<(String, IssuerFrom)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(10)
        .find(|l| l.chars().count() <= 24 && is_issuer(l))
        .map(|l| (l.to_string(), IssuerFrom::Head))
        .or_else(|| issuer_in_title(text).map(|l| (l, IssuerFrom::Title)))
        .or_else(|| signature(text).map(|(l, _)| (l, IssuerFrom::Signature)))
}

/// The names an issuing body ends with, Simplified and Traditional.
const BODIES: [&str; 12] = [
    "人民政府办公室",
    "人民政府辦公室",
    "人民政府办公厅",
    "人民政府辦公廳",
    "人民政府",
    "教育局",
    "委员会",
    "委員會",
    "办公室",
    "辦公室",
    "办公厅",
    "辦公廳",
];

/// A line that is the name of an issuing body: a place or an office (two characters or more, not an
/// addressee such as 各乡镇人民政府) and one of [`BODIES`], nothing else.
fn is_issuer(line: &str) -> bool {
    BODIES.iter().any(|body| {
        line.strip_suffix(body).is_some_and(|stem| {
            stem.chars().count() >= 2
                && !stem.starts_with(['各', '本', '县', '縣', '市', '区', '區'])
                && stem.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        })
    })
}

/// The issuer written before 关于 in one of the first lines: 东莞市人民政府关于……的若干意见.
fn issuer_in_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(5)
        .find_map(|l| {
            let l = l.trim_start_matches('《');
            let at = l.find("关于").or_else(|| l.find("關於"))?;
            let issuer = &l[..at];
            (issuer.chars().count() <= 30 && is_issuer(issuer)).then(|| issuer.to_string())
        })
}

/// The signature near the end: an issuer's line followed by a date line, and that date.
fn signature(text: &str) -> Option<(String, (u16, u8, u8))> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let from = lines.len().saturating_sub(12);
    lines[from..].windows(2).rev().find_map(|pair| {
        let date = date_of_line(pair[1])?;
        (pair[0].chars().count() <= 30 && is_issuer(pair[0])).then(|| (pair[0].to_string(), date))
    })
}

/// A line that is a date and nothing else: 2024年3月15日, or 二〇二四年三月十五日.
fn date_of_line(line: &str) -> Option<(u16, u8, u8)> {
    let line = line.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let (year, rest) = line.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year: u16 = year.parse().ok().or_else(|| han_digits(year))?;
    let month: u8 = month.parse().ok().or_else(|| han_number(month))?;
    let day: u8 = day.parse().ok().or_else(|| han_number(day))?;
    ((1949..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((year, month, day))
}

fn han_digit(c: char) -> Option<u8> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or(matches!(c, '零' | '○').then_some(0))
        .map(|d| d as u8)
}

/// 二〇二四 → 2024: digit by digit.
fn han_digits(s: &str) -> Option<u16> {
    if s.chars().count() != 4 {
        return None;
    }
    s.chars().try_fold(0u16, |n, c| Some(n * 10 + u16::from(han_digit(c)?)))
}

/// 三 → 3, 十五 → 15, 二十一 → 21, 三十 → 30.
fn han_number(s: &str) -> Option<u8> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => han_digit(*d).filter(|d| *d > 0),
        ['十', d] => Some(10 + han_digit(*d).filter(|d| *d > 0)?),
        [t, '十'] => Some(10 * han_digit(*t).filter(|d| *d > 1)?),
        [t, '十', d] => Some(10 * han_digit(*t).filter(|d| *d > 1)? + han_digit(*d).filter(|d| *d > 0)?),
        _ => None,
    }
}

/// The title: a line near the top naming a plan, programme or opinion, without sentence punctuation.
pub fn title(text: &str) -> Option<String> {
    find_line(text, |l| {
        let n = l.chars().count();
        (6..=60).contains(&n) && !l.contains(['。', ',', '，']) && {
            // Traditional titles (計劃, 規劃, 報告, 辦法) name their genre too.
            let simplified = fast2s::convert(l);
            ["规划", "计划", "方案", "意见", "报告", "办法", "通知"]
                .iter()
                .any(|w| simplified.contains(w))
        }
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

/// The locality an issuer names, the innermost place without its level: 盘锦市人民政府办公室 → 盘锦,
/// 广东省东莞市人民政府 → 东莞, 成都市青白江区教育局 → 青白江, 東莞市人民政府 → 東莞. A name of one
/// character keeps its level (X区 stays X区).
pub fn locality_of(issuer: &str) -> String {
    let mut name = issuer;
    for body in ["教育委员会", "教育委員會"].iter().chain(BODIES.iter()) {
        if let Some(stripped) = name.strip_suffix(body) {
            name = stripped;
            break;
        }
    }
    while let Some(inner) = inner_place(name) {
        name = inner;
    }
    strip_level(name).to_string()
}

/// The levels a place name ends with, Simplified and Traditional.
const LEVELS: [char; 6] = ['市', '区', '县', '區', '縣', '旗'];

/// The place inside a longer one: 广东省东莞市 → 东莞市, 成都市青白江区 → 青白江区 (the outer name of
/// three characters or more, the inner of three or more ending with a level; 市中区 stays whole).
fn inner_place(name: &str) -> Option<&str> {
    name.char_indices().find_map(|(i, c)| {
        let rest = &name[i + c.len_utf8()..];
        (['省', '市', '州', '盟'].contains(&c)
            && name[..i].chars().count() >= 2
            && rest.chars().count() >= 3
            && rest.ends_with(LEVELS))
        .then_some(rest)
    })
}

/// A place name without its level (东莞市 → 东莞), when two characters or more remain.
pub fn strip_level(name: &str) -> &str {
    match name.strip_suffix(LEVELS) {
        Some(stripped) if stripped.chars().count() >= 2 => stripped,
        _ => name,
    }
}

/// An issue date written on a line of its own near the top (2019年5月30日), or after the signature
/// near the end, as `YYYY-MM-DD`.
pub fn issue_date(text: &str) -> Option<String> {
    written_issue_date(text)
        .or_else(|| signature(text).map(|(_, date)| date))
        .map(|(year, month, day)| format!("{year:04}-{month:02}-{day:02}"))
}

/// Where the issue date was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFrom {
    /// A date on a line of its own (near the top, or after the signature).
    DateLine,
    /// The year in the 文号 (〔2019〕), the first of January.
    DocNumberYear,
    /// The first year of the plan period the title names, the first of January.
    TitlePeriod,
}

/// The issue date as `YYYY-MM-DD`, and where it was read: the text's date line, else the 文号's year,
/// else the first year of the title's plan period (those two fall on the first of January).
pub fn issue_date_and_source(text: &str, title: Option<&str>) -> Option<(String, DateFrom)> {
    if let Some(date) = issue_date(text) {
        return Some((date, DateFrom::DateLine));
    }
    let january = |year: u16| format!("{year:04}-01-01");
    doc_number(text)
        .and_then(|number| number_year(&number))
        .map(|year| (january(year), DateFrom::DocNumberYear))
        .or_else(|| {
            title
                .and_then(period_in)
                .map(|(start, _)| (january(start), DateFrom::TitlePeriod))
        })
}

/// The year in a 文号: 盘政办发〔2019〕24号 → 2019.
fn number_year(number: &str) -> Option<u16> {
    let open = number.find('〔')? + '〔'.len_utf8();
    let close = open + number[open..].find('〕')?;
    let year: u16 = number[open..close].trim().parse().ok()?;
    (1949..=2100).contains(&year).then_some(year)
}

/// Where the plan period was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodFrom {
    Title,
    /// A line of the text that names the period (规划期、实施期).
    Text,
}

/// The plan period (first year, last year) the title names, else a line of the text stating it
/// (规划期为2021—2025年): see [`period_in`].
pub fn plan_period(text: &str, title: Option<&str>) -> Option<((u16, u16), PeriodFrom)> {
    title.and_then(period_in).map(|p| (p, PeriodFrom::Title)).or_else(|| {
        text.lines()
            .filter(|l| ["规划期", "規劃期", "实施期", "實施期"].iter().any(|w| l.contains(w)))
            .find_map(period_in)
            .map(|p| (p, PeriodFrom::Text))
    })
}

/// A period written in `s`: two years joined by a dash or 至 (2021—2025年, 2021年至2025年,
/// 2024-2026), else a five-year plan (十四五 → 2021—2025). Never a period of one year or less, nor
/// one of more than twenty years.
pub fn period_in(s: &str) -> Option<(u16, u16)> {
    let chars: Vec<char> = s.chars().collect();
    let year_at = |i: usize| -> Option<u16> {
        let digits = chars.get(i..i + 4)?;
        let before = i.checked_sub(1).and_then(|b| chars.get(b));
        let after = chars.get(i + 4);
        (digits.iter().all(char::is_ascii_digit)
            && !before.is_some_and(char::is_ascii_digit)
            && !after.is_some_and(char::is_ascii_digit))
        .then(|| digits.iter().collect::<String>().parse().ok())
        .flatten()
    };
    let ranged = (0..chars.len()).find_map(|i| {
        let first = year_at(i)?;
        let mut j = i + 4;
        if chars.get(j) == Some(&'年') {
            j += 1;
        }
        let separators = ['—', '–', '-', '－', '~', '～', '〜', '至', '到', '―'];
        let from = j;
        while chars.get(j).is_some_and(|c| separators.contains(c)) {
            j += 1;
        }
        let last = if j > from { year_at(j)? } else { return None };
        plausible(first, last).then_some((first, last))
    });
    ranged.or_else(|| {
        let digits = ['一', '二', '三', '四', '五'];
        chars.windows(3).find_map(|w| {
            let n = digits.iter().position(|d| *d == w[1])? as u16 + 11;
            (w[0] == '十' && w[2] == '五').then_some((1951 + 5 * n, 1955 + 5 * n))
        })
    })
}

/// A plan period: years of the dataset's era, the last after the first, twenty years at most.
fn plausible(first: u16, last: u16) -> bool {
    (1990..=2100).contains(&first) && last > first && last - first <= 20
}

/// The first document number (文号) written in the text's first lines: 盘政办发〔2019〕24号
/// (東府〔2019〕115號).
pub fn doc_number(text: &str) -> Option<String> {
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let open = head.find('〔')?;
    let close = open + head[open..].find('〕')?;
    let number_end = close + head[close..].find(['号', '號'])? + '号'.len_utf8();
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

#[cfg(test)]
mod tests;
