//! What a table's cells are: a header cell (a year, 属性, (预测)), a value cell (99.86, ≥57%,
//! 50478人), 约束性/预期性, or a word standing for a value (达标); and the cells of a row written on one
//! line, separated by tabs, `|` or runs of spaces.

use std::ops::Range;

use policy_data::fold::fold_width_char;

/// The cells of a one-line row or header: runs separated by a tab, `|`, or two or more spaces.
pub fn fields(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    let mut last_end = line.start;
    for (i, c) in text[line.clone()].char_indices() {
        let at = line.start + i;
        let separator = c == '\t' || c == '|' || c == '｜' || c == '\u{3000}';
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if separator || spaces >= 2 {
            if let Some(s) = start.take() {
                out.push(s..last_end);
            }
        }
        spaces = 0;
        if separator {
            continue;
        }
        if start.is_none() {
            start = Some(at);
        }
        last_end = at + c.len_utf8();
    }
    if let Some(s) = start {
        out.push(s..last_end);
    }
    out
}

/// A header cell: a year (2020年, 2025年(预测)), 属性, 指标, (预测), 目标值…
pub fn is_header_cell(cell: &str) -> bool {
    let cell = cell.trim();
    is_year_cell(cell)
        || matches!(
            strip_brackets(cell),
            "属性"
                | "屬性"
                | "指标"
                | "指標"
                | "具体指标"
                | "具體指標"
                | "指标名称"
                | "指標名稱"
                | "预测"
                | "預測"
                | "单位"
                | "單位"
                | "目标值"
                | "目標值"
                | "基期值"
                | "现状值"
                | "現狀值"
                | "序号"
                | "序號"
                | "类别"
                | "類別"
                | "指标属性"
                | "指標屬性"
        )
}

/// A year header: 2020年, 2025年(预测), 2025.
pub fn is_year_cell(cell: &str) -> bool {
    let folded: String = cell.trim().chars().map(fold_width_char).collect();
    let digits = folded.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 || !(folded.starts_with("19") || folded.starts_with("20")) {
        return false;
    }
    let rest = folded[4..].trim_start_matches('年');
    let rest = strip_brackets(rest);
    rest.is_empty() || rest == "预测" || rest == "預測" || rest == "目标" || rest == "目標"
}

fn strip_brackets(cell: &str) -> &str {
    cell.trim()
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
}

/// 约束性 or 预期性.
pub fn is_binding(cell: &str) -> bool {
    matches!(cell.trim(), "约束性" | "約束性" | "预期性" | "預期性")
}

/// A value cell: an optional comparator symbol, a number, an optional unit (99.86, ≥57%, 50478人, 15000).
pub fn is_value_cell(cell: &str) -> bool {
    let folded: String = cell.trim().chars().map(fold_width_char).collect();
    if folded.chars().count() > 16 {
        return false;
    }
    let rest = folded.trim_start_matches(['≥', '≤', '>', '<', '=', '≧', '≦', '约', '約']);
    let digits = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .count();
    if digits == 0 || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let unit: String = rest.chars().skip(digits).collect();
    unit.chars().count() <= 4 && !unit.contains(['。', ',', '年'])
}

/// Any table cell: a value, 约束性/预期性, or a short word standing for a value (达标, —).
pub fn is_cell(cell: &str) -> bool {
    let cell = cell.trim();
    is_value_cell(cell)
        || is_binding(cell)
        || matches!(
            cell,
            "达标" | "達標" | "基本达标" | "全覆盖" | "全覆蓋" | "—" | "-" | "--" | "/" | "实现" | "實現" | "完成"
        )
}
