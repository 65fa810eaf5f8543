//! Deadlines written in a sentence: 到2025年, 2025年底前, 至2024年, 2022年9月前, 力争到2020年底,
//! 2018—2020年内, “十四五”期间 / 期末 (a five-year plan's last year: 十四五 is 2025), year-by-year
//! trajectories (2023-2024年每年) and relative deadlines (三年内, 用三年时间), which are counted from
//! the document's issue date when it is known (issued 2019 + 三年 = 2022, as the dataset reads them).
//!
//! A year after 截至, 自, 从, 比 or 较, or followed by 以来, 起 or 了, dates a fact or a starting point,
//! not a deadline; those are returned with `past` or not at all, so that `judge::classify` can tell
//! a target from a report.

use std::ops::Range;

use crate::read::masks::{digits_end, is_dash, numeral_run_end, year_at, year_digits};
use crate::read::numbers::{chinese_digit, chinese_unit, chinese_value};
use crate::text::folded::Folded;

/// One deadline as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Deadline {
    /// The words of the deadline, prefix (到, 力争到) and suffix (底前, 期间) included.
    pub chars: Range<usize>,
    /// The year it falls in; absent for a relative deadline without an issue date.
    pub year: Option<u16>,
    /// A year-by-year trajectory (2023-2024年每年): every year from the first to the last.
    pub trajectory: Option<(u16, u16)>,
    /// A relative deadline (三年内): the number of years, counted from the issue date.
    pub relative_years: Option<u16>,
    /// Dates a report or a fact rather than a commitment: a year before the issue year, 截至2021年,
    /// “十三五”以来.
    pub past: bool,
    /// Written with 力争 or 争取 (strive to).
    pub aspirational: bool,
    /// Written with 预测 or 预计 (forecast).
    pub forecast: bool,
}

/// Words that may open a deadline, longest first where one starts another.
const PREFIXES: &[&str] = &[
    "力争到",
    "争取到",
    "计划到",
    "预计到",
    "预测到",
    "力争在",
    "争取在",
    "力争于",
    "截至",
    "截止到",
    "截止",
    "力争",
    "争取",
    "计划",
    "预计",
    "预测",
    "到",
    "至",
    "于",
    "在",
];

/// Words after a year or a month that close a deadline, longest first.
const SUFFIXES: &[&str] = &[
    "年底前",
    "年末前",
    "底前",
    "末前",
    "之前",
    "以前",
    "年底",
    "年末",
    "底",
    "末",
    "前",
    "以内",
    "之内",
    "内",
    "期间",
    "间",
];

/// The issue date a text writes on a line of its own among its first or last twenty lines (a
/// notice's date under the issuer or the signature: 2019年5月30日), as (year, month, day).
pub fn written_issue_date(text: &str) -> Option<(u16, u8, u8)> {
    let count = text.lines().count();
    let last = text.lines().skip(count.saturating_sub(20).max(20));
    text.lines().take(20).chain(last).map(str::trim).find_map(|line| {
        let (year, rest) = line.split_once('年')?;
        let (month, rest) = rest.split_once('月')?;
        let day = rest.strip_suffix('日')?;
        let (year, month, day): (u16, u8, u8) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
        ((1949..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then_some((year, month, day))
    })
}

/// The year of a deadline written at the head of a sentence and followed by a comma or a colon
/// (到2025年，…; （一）到2025年：…): it governs the targets after it that write no deadline of their
/// own, until another such deadline or a new section. Only a future, dated deadline heads.
pub fn heading_year(sentence: &str, issued: Option<(u16, u8)>) -> Option<u16> {
    let folded = Folded::new(sentence, 0);
    let n = folded.len();
    let mask = crate::read::masks::mask(&folded, 0..n);
    let found = find(&folded, 0..n, issued, &|i| mask.covers_text(i));
    let first = found.first()?;
    let lead = (0..first.chars.start).all(|i| {
        let c = folded.at(i);
        c.is_ascii_digit()
            || c.is_whitespace()
            || chinese_digit(c).is_some()
            || matches!(c, '(' | ')' | '（' | '）' | '、' | '.' | '．' | '是')
    });
    let closed = matches!(folded.at(first.chars.end), ',' | '，' | ':' | '：');
    (lead && closed && !first.past && first.trajectory.is_none())
        .then_some(first.year)
        .flatten()
}

/// The last year of the plan period a text's title names (十四五 → 2025; 2021—2025年 → 2025): the
/// year a target reads with when nothing else dates it. The title is the first non-empty lines
/// (up to five) that name a plan (规划, 计划, 方案, 纲要) and are short enough to be titles.
pub fn plan_period(text: &str) -> Option<u16> {
    title_period(text).map(|(_, last)| last)
}

/// A title line is at most this long.
const TITLE_CHARS: usize = 80;

/// The plan period (first year, last year) the title names.
fn title_period(text: &str) -> Option<(u16, u16)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(5)
        // A title is a short line without a sentence's end (not the paragraph under it).
        .filter(|l| l.chars().count() <= TITLE_CHARS && !l.ends_with(['。', '，', ',', '；']))
        .find_map(|line| {
            let folded = Folded::new(line, 0);
            let title = ["规划", "计划", "方案", "纲要"]
                .iter()
                .any(|w| folded.find(w, 0, folded.len()).is_some());
            if !title {
                return None;
            }
            period_end(&folded)
        })
}

/// The first and last years of a plan period written in `folded`: 十四五 (2021, 2025) or a range of
/// years (2021—2025年).
pub fn period_end(folded: &Folded) -> Option<(u16, u16)> {
    (0..folded.len()).find_map(|i| {
        if folded.at(i) == '十' && folded.at(i + 2) == '五' {
            let n = chinese_digit(folded.at(i + 1)).filter(|n| (1..=9).contains(n))? as u16;
            let last = 1955 + 5 * (10 + n);
            return Some((last - 4, last));
        }
        let first = year_at(folded, i)?;
        let mut k = i + 4;
        if folded.at(k) == '年' {
            k += 1;
        }
        let dash = if folded.has(k, "——") { 2 } else { 1 };
        if !(is_dash(folded.at(k)) || matches!(folded.at(k), '至' | '到')) {
            return None;
        }
        let last = year_at(folded, k + dash)?;
        (last > first && last - first <= 10).then_some((first, last))
    })
}

/// Every deadline in `range` of `folded`; `issued` is the document's issue date (year, month).
/// `blocked` covers characters that cannot start one (dates, titles, document numbers: `masks`).
pub fn find(
    folded: &Folded,
    range: Range<usize>,
    issued: Option<(u16, u8)>,
    blocked: &dyn Fn(usize) -> bool,
) -> Vec<Deadline> {
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let prefix = folded.any_at(i, PREFIXES);
        let at = i + prefix.map_or(0, |p| p.chars().count());
        let found_here = if blocked(at) {
            None
        } else {
            calendar(folded, i, at, prefix, issued).or_else(|| relative(folded, i, issued))
        }
        .or_else(|| five_year_plan(folded, i, at, issued));
        match found_here {
            Some(deadline) if deadline.chars.end <= range.end => {
                i = deadline.chars.end;
                found.push(deadline);
            }
            _ => i += 1,
        }
    }
    found
}

/// A calendar deadline whose year starts at `at` (after the prefix that starts at `start`).
fn calendar(
    folded: &Folded,
    start: usize,
    at: usize,
    prefix: Option<&str>,
    issued: Option<(u16, u8)>,
) -> Option<Deadline> {
    if prefix.is_none() && folded.before(at).is_ascii_digit() {
        return None;
    }
    let (first, mut end) = year_written(folded, at)?;
    let mut last = first;
    // A range of years: 2018—2020年, 2025-2030, 20182020年 (a range that lost its dash).
    if digits_end(folded, at) == at + 8 {
        last = folded.string(at + 4..at + 8).parse().ok()?;
        end = at + 8;
    } else {
        let dash = if folded.has(end, "——") { 2 } else { 1 };
        if is_dash(folded.at(end)) || folded.at(end) == '到' {
            if let Some((to, to_end)) = year_written(folded, end + dash) {
                if to > first {
                    last = to;
                    end = to_end;
                }
            }
        }
    }
    let has_year_char = folded.at(end) == '年';
    if has_year_char {
        end += 1;
    } else if last == first {
        return None;
    }
    // A month: 2022年9月前.
    let month_end = digits_end(folded, end);
    if month_end > end && month_end - end <= 2 && folded.at(month_end) == '月' {
        end = month_end + 1;
    }
    if let Some(suffix) = folded.any_at(end, SUFFIXES) {
        if !(suffix == "内" && folded.has(end, "内容")) {
            end += suffix.chars().count();
        }
    }
    let before = folded.before(start);
    let starts = matches!(before, '自' | '从' | '比' | '较' | '与' | '同' | '由')
        || folded.has(end, "起")
        || folded.has(end, "开始");
    if starts && prefix.is_none() {
        return None;
    }
    let trajectory = folded.has(end, "每年") && last > first;
    if trajectory {
        end += 2;
    }
    let reported =
        folded.has(end, "以来") || folded.has(end, "了") || matches!(prefix, Some("截至" | "截止到" | "截止"));
    let past = reported || issued.is_some_and(|(year, _)| last < year);
    Some(Deadline {
        chars: start..end,
        year: Some(last),
        trajectory: trajectory.then_some((first, last)),
        relative_years: None,
        past,
        aspirational: matches!(prefix, Some(p) if p.starts_with("力争") || p.starts_with("争取")),
        forecast: matches!(prefix, Some(p) if p.starts_with("预测") || p.starts_with("预计")),
    })
}

/// A year written at `i` in Arabic digits (2025) or Chinese digits (二〇二五) and where it ends.
fn year_written(folded: &Folded, i: usize) -> Option<(u16, usize)> {
    if let Some(year) = year_at(folded, i) {
        return Some((year, i + 4));
    }
    if digits_end(folded, i) == i + 8 && year_digits(folded, i + 4).is_some() {
        return year_digits(folded, i).map(|year| (year, i + 4));
    }
    let run_end = (i..i + 4)
        .take_while(|&k| chinese_digit(folded.at(k)).is_some())
        .count()
        + i;
    if run_end == i + 4 && chinese_digit(folded.at(run_end)).is_none() {
        let year = chinese_value(folded.slice(i..run_end))? as u16;
        return (1949..=2100).contains(&year).then_some((year, run_end));
    }
    None
}

/// “十四五”期间, 十四五末, “十三五”以来: the last year of a five-year plan.
fn five_year_plan(folded: &Folded, start: usize, at: usize, issued: Option<(u16, u8)>) -> Option<Deadline> {
    let mut k = at;
    if matches!(folded.at(k), '“' | '"' | '「') {
        k += 1;
    }
    if folded.at(k) != '十' || folded.at(k + 2) != '五' {
        return None;
    }
    let n = chinese_digit(folded.at(k + 1)).filter(|n| (1..=9).contains(n))? as u16;
    let mut end = k + 3;
    if matches!(folded.at(end), '”' | '"' | '」') {
        end += 1;
    }
    let suffix = folded.any_at(
        end,
        &["期间", "期末", "末期", "末", "时期", "期", "内", "中", "时", "以来"],
    )?;
    end += suffix.chars().count();
    let year = 1955 + 5 * (10 + n);
    let reported = suffix == "以来";
    Some(Deadline {
        chars: start..end,
        year: Some(year),
        trajectory: None,
        relative_years: None,
        past: reported || issued.is_some_and(|(issued_year, _)| year < issued_year),
        aspirational: false,
        forecast: false,
    })
}

/// 用三年时间, 三年内, 5年内, 未来三年: years counted from the issue date. Not 每五年 (a period) and
/// not a duration after an event (竣工备案后…一年内), which is a value.
fn relative(folded: &Folded, start: usize, issued: Option<(u16, u8)>) -> Option<Deadline> {
    let lead = folded.any_at(start, &["用", "未来", "在"]);
    let at = start + lead.map_or(0, |l| l.chars().count());
    // Only where a numeral starts (read inside a run, every position would scan the run again).
    let prev = folded.before(at);
    if prev.is_ascii_digit() || chinese_digit(prev).is_some() || chinese_unit(prev).is_some() {
        return None;
    }
    let run_end = numeral_run_end(folded, at);
    if run_end == at || folded.before(at) == '每' || folded.at(run_end) != '年' {
        return None;
    }
    let years = if folded.at(at).is_ascii_digit() {
        folded.string(at..run_end).parse::<f64>().ok()?
    } else {
        chinese_value(folded.slice(at..run_end))?
    };
    if !(1.0..=10.0).contains(&years) || years.fract() != 0.0 {
        return None;
    }
    let mut end = run_end + 1;
    let suffix = folded.any_at(end, &["时间内", "时间", "之内", "以内", "内"]);
    match (lead, suffix) {
        (Some("用"), Some(s)) if s.starts_with("时间") => end += s.chars().count(),
        (Some("未来"), _) => {}
        (_, Some(s)) if !s.starts_with("时间") => end += s.chars().count(),
        _ => return None,
    }
    // After an event (…后, …之日起), N年内 is a duration: a value, not a deadline.
    if (0..start)
        .rev()
        .take(40)
        .any(|k| folded.at(k) == '后' || folded.has(k, "之日起"))
    {
        return None;
    }
    let years = years as u16;
    Some(Deadline {
        chars: start..end,
        year: issued.map(|(year, _)| year + years),
        trajectory: None,
        relative_years: Some(years),
        past: false,
        aspirational: false,
        forecast: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deadlines(text: &str, issued: Option<(u16, u8)>) -> Vec<(String, Option<u16>, bool)> {
        let folded = Folded::new(text, 0);
        find(&folded, 0..folded.len(), issued, &|_| false)
            .into_iter()
            .map(|d| (folded.string(d.chars), d.year, d.past))
            .collect()
    }

    fn one(text: &str) -> (String, Option<u16>) {
        let found = deadlines(text, Some((2019, 5)));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].0.clone(), found[0].1)
    }

    #[test]
    fn calendar_deadlines() {
        assert_eq!(
            one("到2025年,全市学前三年毛入园率达到100%"),
            ("到2025年".into(), Some(2025))
        );
        assert_eq!(
            one("2025年底前,每学年学生心理普查率达100%"),
            ("2025年底前".into(), Some(2025))
        );
        assert_eq!(one("至2024年建成"), ("至2024年".into(), Some(2024)));
        assert_eq!(one("2022年9月前,必须配备"), ("2022年9月前".into(), Some(2022)));
        assert_eq!(one("力爭到2020年底,每個園區"), ("力争到2020年底".into(), Some(2020)));
        assert_eq!(one("2018—2020年内新建"), ("2018—2020年内".into(), Some(2020)));
        assert_eq!(one("20182020年内新建"), ("20182020年内".into(), Some(2020)));
        assert_eq!(one("到二〇二五年"), ("到二〇二五年".into(), Some(2025)));
    }

    #[test]
    fn five_year_plans_end_in_their_last_year() {
        assert_eq!(one("“十四五”期间顺利完成"), ("“十四五”期间".into(), Some(2025)));
        assert_eq!(one("到十四五末"), ("到十四五末".into(), Some(2025)));
        assert_eq!(one("十四五期末"), ("十四五期末".into(), Some(2025)));
        let past = deadlines("“十三五”以来", Some((2022, 6)));
        assert_eq!((past[0].1, past[0].2), (Some(2020), true));
        assert!(
            deadlines("《教育发展十四五规划》", None).is_empty() || deadlines("教育发展十四五规划", None).is_empty()
        );
    }

    #[test]
    fn relative_deadlines_count_from_the_issue_date() {
        assert_eq!(one("用三年时间实现校校有思政课名师"), ("用三年时间".into(), Some(2022)));
        assert_eq!(one("三年内完成"), ("三年内".into(), Some(2022)));
        assert_eq!(one("两年内建成"), ("两年内".into(), Some(2021)));
        let undated = deadlines("5年内累计新增2万个托额", None);
        assert_eq!(undated, vec![("5年内".into(), None, false)]);
        assert!(deadlines("每五年应接受不少于450学时的培训", None).is_empty());
        assert!(deadlines("完成竣工备案后,建设主体一年内完成产权办理", None).is_empty());
    }

    #[test]
    fn trajectories_keep_every_year() {
        let folded = Folded::new("2023-2024年每年提升2个百分点", 0);
        let found = find(&folded, 0..folded.len(), None, &|_| false);
        assert_eq!(found[0].trajectory, Some((2023, 2024)));
        let folded = Folded::new("2025-2030每年提升1个百分点", 0);
        let found = find(&folded, 0..folded.len(), None, &|_| false);
        assert_eq!(found[0].trajectory, Some((2025, 2030)));
    }

    #[test]
    fn reports_and_starting_points_are_not_commitments() {
        let found = deadlines("截至2021年底,已达到93.5%", Some((2022, 1)));
        assert!(found[0].2, "截至 dates a report");
        assert!(
            deadlines("2021年已达到93.5%", Some((2022, 1)))[0].2,
            "a year before the issue year"
        );
        assert!(deadlines("比2020年提高5个百分点", None).is_empty());
        assert!(deadlines("2018年制定了试行办法", Some((2019, 1)))[0].2);
    }
}
