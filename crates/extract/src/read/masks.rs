//! Numbers that are not values: years and dates (2019年5月30日, 二〇二二年五月), document numbers
//! (国发〔2016〕40号), section and list numbers (一、 (二) 第三章 1 . 专栏1 表2 一是), ordinals (第22次),
//! titles of other documents (《…(2017-2035年)》), short quoted names (“5080”, “3+2”, “两学一做”),
//! slogans counted with 个 (两个只增不减, 四个纳入), technical names (5G, 2.0 beside letters) and
//! assumptions in brackets ((按3.2人/户)). Each is a span of characters the value scan skips.

use std::ops::Range;

use crate::read::numbers::{chinese_digit, chinese_unit};
use crate::text::folded::{is_han, Folded};

/// Spans of a sentence's characters that hold no values. Years are kept apart: they hold no
/// values either, but `deadlines` reads them.
#[derive(Clone, Debug, Default)]
pub struct Mask {
    spans: Vec<Range<usize>>,
    years: Vec<Range<usize>>,
}

impl Mask {
    pub fn add(&mut self, range: Range<usize>) {
        if range.start < range.end {
            self.spans.push(range);
        }
    }

    fn add_year(&mut self, range: Range<usize>) {
        self.years.push(range);
    }

    /// True when character `i` lies in a masked span or a year.
    pub fn covers(&self, i: usize) -> bool {
        self.covers_text(i) || self.years.iter().any(|r| r.contains(&i))
    }

    /// True when character `i` lies in a masked span other than a year: a title, a date, a document
    /// number, a quoted name.
    pub fn covers_text(&self, i: usize) -> bool {
        self.spans.iter().any(|r| r.contains(&i))
    }
}

/// Slogans counted with 个 whose number is part of the name (两个只增不减), written after "N个".
const SLOGANS: &[&str] = &[
    "只增不减",
    "纳入",
    "优先",
    "增长",
    "比例",
    "不低于",
    "百年",
    "一百年",
    "自信",
    "意识",
    "维护",
    "确保",
    "规范",
    "全面",
    "面向",
    "坚持",
    "结合",
    "服务",
    "统筹",
    "相适应",
    "相当",
    "严禁",
    "一律",
    "不准",
    "代表",
    "务必",
    "融合",
];

/// Characters that open a section or list number at the start of a sentence: 一、 1. 1、 (1).
const LIST_MARKS: &[char] = &['、', '.', '．', ')'];

/// The masked spans of `range` of `folded`, a sentence or a table cell.
pub fn mask(folded: &Folded, range: Range<usize>) -> Mask {
    let mut mask = Mask::default();
    brackets(folded, &range, '《', '》', &mut mask);
    brackets(folded, &range, '〈', '〉', &mut mask);
    short_quotes(folded, &range, &mut mask);
    leading_section_number(folded, &range, &mut mask);
    let mut i = range.start;
    while i < range.end {
        let c = folded.at(i);
        if matches!(c, '〔' | '[' | '(' | '【') {
            if let Some(end) = document_number(folded, i) {
                mask.add(i..end);
                i = end;
                continue;
            }
            if let Some(end) = list_number(folded, i) {
                mask.add(i..end);
                i = end;
                continue;
            }
            if folded.has(i + 1, "按") {
                let end = (i..range.end)
                    .find(|&k| folded.at(k) == ')')
                    .map_or(range.end, |k| k + 1);
                mask.add(i..end);
                i = end;
                continue;
            }
        }
        if c == '第' {
            let end = numeral_run_end(folded, i + 1);
            mask.add(i..end);
        }
        if let Some(end) = caption_number(folded, i) {
            mask.add(i..end);
            i = end;
            continue;
        }
        if c.is_ascii_digit() && !folded.before(i).is_ascii_digit() {
            let end = digits_end(folded, i);
            if let Some(date_end) = date(folded, i, end) {
                mask.add(i..date_end);
                i = date_end;
                continue;
            }
            if is_year_number(folded, i, end) {
                mask.add_year(i..end);
                i = end;
                continue;
            }
            if names_years(folded, end) {
                mask.add(i..end + 1);
                i = end;
                continue;
            }
            let touches_letter = folded.before(i).is_ascii_alphabetic() || folded.at(end).is_ascii_alphabetic();
            let touches_plus = folded.before(i) == '+' || folded.at(end) == '+';
            if touches_letter || touches_plus {
                mask.add(i..end);
            }
            i = end;
            continue;
        }
        if chinese_digit(c).is_some() && chinese_digit(folded.before(i)).is_none() {
            let end = numeral_run_end(folded, i);
            if folded.at(end) == '是'
                || (folded.at(end) == '年' && i >= 2 && folded.has(i - 2, "学前"))
                || (folded.at(end) == '个' && folded.any_at(end + 1, SLOGANS).is_some())
                || names_years(folded, end)
            {
                mask.add(i..end + 1);
            } else if end - i >= 4 && folded.at(end) == '年' {
                // 二〇二二年五月: a date in Chinese digits; 二〇二五年 alone: a year.
                let month_start = end + 1;
                let month_end = numeral_run_end(folded, month_start);
                if month_end > month_start && folded.at(month_end) == '月' {
                    mask.add(i..month_end + 1);
                } else {
                    mask.add_year(i..end);
                }
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    mask
}

/// True when the number ending at `end` counts the years in a name: 九年一贯制, 九年义务教育,
/// 五年制, 十二年教育.
fn names_years(folded: &Folded, end: usize) -> bool {
    folded.at(end) == '年'
        && folded
            .any_at(end + 1, &["一贯制", "义务教育", "制", "教育", "级"])
            .is_some()
}

/// Masks every `open … close` span in `range`.
fn brackets(folded: &Folded, range: &Range<usize>, open: char, close: char, mask: &mut Mask) {
    let mut i = range.start;
    while let Some(start) = (i..range.end).find(|&k| folded.at(k) == open) {
        let end = (start..range.end)
            .find(|&k| folded.at(k) == close)
            .map_or(range.end, |k| k + 1);
        mask.add(start..end);
        i = end;
    }
}

/// Masks quoted names of at most twelve characters (“5080”, “3+2”): the numbers in a short quoted
/// name name something; a longer quotation is read like the rest of the sentence.
fn short_quotes(folded: &Folded, range: &Range<usize>, mask: &mut Mask) {
    for (open, close) in [('“', '”'), ('「', '」'), ('"', '"')] {
        let mut i = range.start;
        while let Some(start) = (i..range.end).find(|&k| folded.at(k) == open) {
            let Some(end) = (start + 1..range.end.min(start + 14)).find(|&k| folded.at(k) == close) else {
                i = start + 1;
                continue;
            };
            mask.add(start..end + 1);
            i = end + 1;
        }
    }
}

/// A section or list number at the very start of a sentence (一、 (二) 1 . 3 提升…), or a bare
/// number right before a heading's words.
fn leading_section_number(folded: &Folded, range: &Range<usize>, mask: &mut Mask) {
    let mut i = range.start;
    while folded.at(i) == ' ' {
        i += 1;
    }
    if let Some(end) = list_number(folded, i) {
        mask.add(i..end);
        return;
    }
    let c = folded.at(i);
    let end = if c.is_ascii_digit() {
        digits_end(folded, i)
    } else if chinese_digit(c).is_some() || c == '十' {
        numeral_run_end(folded, i)
    } else {
        return;
    };
    let mut k = end;
    while folded.at(k) == ' ' {
        k += 1;
    }
    let listed = LIST_MARKS.contains(&folded.at(k));
    // "5提升学生劳动素养": a list number glued to its heading (a unit would follow a value).
    let glued = c.is_ascii_digit() && (k > end || is_heading_verb(folded, k));
    if listed || glued {
        mask.add(i..k + usize::from(listed));
    }
}

fn is_heading_verb(folded: &Folded, i: usize) -> bool {
    folded
        .any_at(
            i,
            &[
                "提升", "提高", "加强", "强化", "推进", "推动", "深化", "完善", "健全", "建立", "实施", "落实", "优化",
                "创新", "构建", "加快", "坚持", "促进", "发展", "扩大", "保障", "全面",
            ],
        )
        .is_some()
}

/// `(一)` `（12）` anywhere: a list number in brackets; where it ends.
fn list_number(folded: &Folded, i: usize) -> Option<usize> {
    if !matches!(folded.at(i), '(' | '（') {
        return None;
    }
    let c = folded.at(i + 1);
    let end = if c.is_ascii_digit() {
        digits_end(folded, i + 1)
    } else if chinese_digit(c).is_some() || c == '十' {
        numeral_run_end(folded, i + 1)
    } else {
        return None;
    };
    (matches!(folded.at(end), ')' | '）') && end - i <= 4).then_some(end + 1)
}

/// 〔2019〕15号, [2017]6号, (2018)3号: a document number; where it ends.
fn document_number(folded: &Folded, i: usize) -> Option<usize> {
    let year_end = digits_end(folded, i + 1);
    if year_end != i + 5 || !matches!(folded.at(year_end), '〕' | ']' | ')' | '】') {
        return None;
    }
    let number_end = digits_end(folded, year_end + 1);
    (number_end > year_end + 1 && folded.at(number_end) == '号').then_some(number_end + 1)
}

/// 专栏1, 表2, 图3, 附件4: a caption's number; where it ends.
fn caption_number(folded: &Folded, i: usize) -> Option<usize> {
    let label = folded.any_at(i, &["专栏", "表", "图", "附件", "附表"])?;
    let start = i + label.chars().count();
    let end = if folded.at(start).is_ascii_digit() {
        digits_end(folded, start)
    } else {
        numeral_run_end(folded, start)
    };
    let before = folded.before(i);
    (end > start && (!is_han(before) || matches!(before, '见' | '如'))).then_some(end)
}

/// A date starting at the digits `i..digits_end`: 2019年5月30日, 2019年5月, 5月30日, 2019-05-30,
/// 2019.5.30; where it ends. A month followed by 前/底/末 is a deadline, left to `deadlines`.
fn date(folded: &Folded, i: usize, digits_end_at: usize) -> Option<usize> {
    let len = digits_end_at - i;
    let next = folded.at(digits_end_at);
    if len == 4 && next == '年' {
        let month_start = digits_end_at + 1;
        let month_end = digits_end(folded, month_start);
        if month_end > month_start && month_end - month_start <= 2 && folded.at(month_end) == '月' {
            let day_start = month_end + 1;
            let day_end = digits_end(folded, day_start);
            if day_end > day_start && matches!(folded.at(day_end), '日' | '号') {
                return Some(day_end + 1);
            }
            if folded
                .any_at(day_start, &["前", "底", "末", "以前", "之前", "中旬", "上旬", "下旬"])
                .is_some()
            {
                return None;
            }
            return Some(day_start);
        }
        return None;
    }
    if len <= 2 && next == '月' {
        let day_start = digits_end_at + 1;
        let day_end = digits_end(folded, day_start);
        if day_end > day_start && matches!(folded.at(day_end), '日' | '号') {
            return Some(day_end + 1);
        }
        return None;
    }
    if len == 4 && matches!(next, '-' | '.' | '/') {
        let month_end = digits_end(folded, digits_end_at + 1);
        if (1..=2).contains(&(month_end - digits_end_at - 1)) && folded.at(month_end) == next {
            let day_end = digits_end(folded, month_end + 1);
            if (1..=2).contains(&(day_end - month_end - 1)) {
                return Some(day_end);
            }
        }
    }
    // A run of seven or eight digits with no unit (2019115, 20190530): a date that lost its separators.
    if (7..=8).contains(&len) && folded.at(digits_end_at) != '年' && folded.string(i..i + 2) == "20" {
        return Some(digits_end_at);
    }
    None
}

/// The four-digit year written at `i` (1949–2100), if the digits `i..i + 4` are one.
pub fn year_at(folded: &Folded, i: usize) -> Option<u16> {
    if digits_end(folded, i) != i + 4 || folded.before(i).is_ascii_digit() {
        return None;
    }
    year_digits(folded, i)
}

/// The year the four digits at `i` spell (1949–2100), whatever follows them.
pub fn year_digits(folded: &Folded, i: usize) -> Option<u16> {
    if digits_end(folded, i) < i + 4 {
        return None;
    }
    let year: u16 = folded.string(i..i + 4).parse().ok()?;
    (1949..=2100).contains(&year).then_some(year)
}

/// True for a dash joining two years or two values (2023-2024, 1—2).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '～' | '至')
}

/// True when the digits `i..end` are a year: four digits followed by 年, or one end of a range of
/// two years (2025-2030), or eight digits that are two years run together (20182020年).
fn is_year_number(folded: &Folded, i: usize, end: usize) -> bool {
    if end - i == 8
        && year_digits(folded, i).is_some()
        && year_digits(folded, i + 4).is_some()
        && folded.at(end) == '年'
    {
        return true;
    }
    if year_at(folded, i).is_none() {
        return false;
    }
    let dash_after = if folded.has(end, "——") { 2 } else { 1 };
    folded.at(end) == '年'
        || (is_dash(folded.at(end)) && year_at(folded, end + dash_after).is_some())
        || (is_dash(folded.before(i))
            && i >= 5
            && (year_at(folded, i - 5).is_some() || (i >= 6 && year_at(folded, i - 6).is_some())))
}

/// Where a run of ASCII digits starting at `i` ends.
pub fn digits_end(folded: &Folded, i: usize) -> usize {
    let mut k = i;
    while folded.at(k).is_ascii_digit() {
        k += 1;
    }
    k
}

/// Where a run of Chinese numeral characters (or ASCII digits) starting at `i` ends.
pub fn numeral_run_end(folded: &Folded, i: usize) -> usize {
    let mut k = i;
    while chinese_digit(folded.at(k)).is_some() || chinese_unit(folded.at(k)).is_some() || folded.at(k).is_ascii_digit()
    {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masked text of `text`, as a string with `_` for every masked character.
    fn masked(text: &str) -> String {
        let folded = Folded::new(text, 0);
        let mask = mask(&folded, 0..folded.len());
        text.chars()
            .enumerate()
            .map(|(i, c)| if mask.covers(i) { '_' } else { c })
            .collect()
    }

    #[test]
    fn document_numbers_are_masked() {
        assert_eq!(masked("(国发〔2016〕40号)精神"), "(国发_________)精神");
        assert_eq!(masked("盘政办发[2019]24号"), "盘政办发_________");
    }

    #[test]
    fn dates_are_masked_but_deadline_months_are_not() {
        assert_eq!(masked("2019年5月30日"), "__________");
        assert_eq!(masked("二〇二二年五月"), "_______");
        assert_eq!(masked("2022年9月前"), "____年9月前", "the year, not the month");
        assert_eq!(masked("2019115"), "_______");
    }

    #[test]
    fn section_numbers_and_ordinals_are_masked() {
        assert_eq!(masked("一、总体要求"), "__总体要求");
        assert_eq!(masked("(二)工作目标"), "___工作目标");
        assert_eq!(masked("1 .提升学生素养"), "___提升学生素养");
        assert_eq!(masked("5提升学生劳动素养"), "_提升学生劳动素养");
        assert_eq!(masked("第三章 发展任务"), "__章 发展任务");
        assert_eq!(masked("八届第22次常务会议"), "八届___次常务会议");
        assert_eq!(masked("一是深入推进"), "__深入推进");
        assert_eq!(masked("表1 主要目标"), "__ 主要目标");
        assert_eq!(masked("专栏2 教师"), "___ 教师");
    }

    #[test]
    fn titles_quoted_names_and_slogans_are_masked() {
        assert_eq!(masked("《布局专项规划(2017-2035年)》"), "____________________");
        assert_eq!(masked("巩固“5080”成果"), "巩固______成果");
        assert_eq!(masked("确保落实两个只增不减"), "确保落实__只增不减");
        assert_eq!(masked("人工智能5G技术"), "人工智能_G技术");
        assert_eq!(masked("“1+5”党建"), "_____党建");
        assert_eq!(masked("九年一贯制学校2所"), "__一贯制学校2所");
        assert_eq!(masked("扩大中高职五年一贯制"), "扩大中高职__一贯制");
        assert_eq!(masked("134486人(按3.2人/户)"), "134486人_________");
    }

    #[test]
    fn years_are_masked() {
        assert_eq!(masked("2018年基本消除"), "____年基本消除");
        assert_eq!(masked("2025-2030每年提升"), "____-____每年提升");
        assert_eq!(masked("2023—2024年"), "____—____年");
        assert_eq!(masked("20182020年内"), "________年内");
        assert_eq!(masked("到二〇二五年"), "到____年");
    }

    #[test]
    fn values_are_not_masked() {
        assert_eq!(masked("新建12所,达到80%"), "新建12所,达到80%");
        assert_eq!(masked("每天一小时"), "每天一小时");
        assert_eq!(masked("小学、初中班额"), "小学、初中班额");
    }
}
