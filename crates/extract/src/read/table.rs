//! Reads a table: its header gives the columns' years (2020年 the baseline, 2025年 the target),
//! whether the target column is a forecast ((预测)) and whether a 属性 column says 约束性 or 预期性;
//! each row gives one candidate with the target column's value (its symbol: >98 is "more than",
//! ≥99.9 "at least", a bare 100 "equal"), the baseline column's value and year, and the binding.

use std::ops::Range;

use crate::read::numbers::{scan, Number};
use crate::text::cells::{is_binding, is_value_cell, is_year_cell};
use crate::text::folded::Folded;
use policy_data::fold::fold_width_char;
use policy_data::model::{Binding, Comparator};

/// What a table's header says about its columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    /// The years of the value columns, in order, with the header cell's byte range.
    pub years: Vec<(u16, Range<usize>)>,
    /// The target column is a forecast.
    pub forecast: bool,
}

impl Header {
    /// Takes in one header cell (`text[cell]`).
    pub fn add(&mut self, text: &str, cell: Range<usize>) {
        let written = &text[cell.clone()];
        if written.contains("预测") || written.contains("預測") {
            self.forecast = true;
        }
        if is_year_cell(written) {
            let digits: String = written.trim().chars().map(fold_width_char).take(4).collect();
            if let Ok(year) = digits.parse() {
                self.years.push((year, cell));
            }
        }
    }
}

/// One row read.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub value: Option<Number>,
    /// The target cell's byte range.
    pub value_bytes: Range<usize>,
    pub unit: Option<String>,
    pub comparator: Comparator,
    /// A symbol (>, ≥) was written.
    pub symbol: bool,
    pub baseline: Option<(f64, Option<u16>)>,
    pub binding: Option<Binding>,
    pub target_year: Option<u16>,
    /// The header cell of the target year, as the deadline text.
    pub deadline: Option<Range<usize>>,
}

/// Reads the row whose label is `text[label]` and whose cells are `cells`.
pub fn read_row(text: &str, header: &Header, label: Range<usize>, cells: &[Range<usize>]) -> Option<Row> {
    let binding = cells.iter().find_map(|c| match text[c.clone()].trim() {
        "约束性" | "約束性" => Some(Binding::Binding),
        "预期性" | "預期性" => Some(Binding::Expected),
        _ => None,
    });
    let columns: Vec<&Range<usize>> = cells.iter().filter(|c| !is_binding(&text[(*c).clone()])).collect();
    let target_cell = (*columns.last()?).clone();
    let baseline_cell = (columns.len() >= 2).then(|| columns[0].clone());
    let target = value_of(text, &target_cell);
    let baseline = baseline_cell.as_ref().and_then(|c| value_of(text, c));
    let label_unit = unit_in_label(&text[label.clone()]);
    let cell_unit = |n: &Option<(Number, Folded)>| {
        n.as_ref().and_then(|(number, folded)| {
            if number.percent {
                return Some("%".to_string());
            }
            let unit: String = folded.string(number.chars.end..folded.len()).trim().to_string();
            (!unit.is_empty()).then_some(unit)
        })
    };
    let unit = cell_unit(&target).or(label_unit).or_else(|| cell_unit(&baseline));
    let (comparator, symbol) = match &target {
        Some((number, folded)) => {
            let symbol = folded.at(number.chars.start.saturating_sub(1));
            match symbol {
                '≥' | '≧' => (Comparator::AtLeast, true),
                '>' => (Comparator::MoreThan, true),
                '≤' | '≦' => (Comparator::AtMost, true),
                '<' => (Comparator::LessThan, true),
                _ if text[label.clone()].contains("新增") || text[label.clone()].contains("增加") => {
                    (Comparator::IncreaseBy, false)
                }
                _ => (Comparator::Equal, false),
            }
        }
        None => (Comparator::None, false),
    };
    let years = &header.years;
    let target_year = (years.len() >= 2 || (years.len() == 1 && baseline_cell.is_none()))
        .then(|| years.last().map(|y| y.0))
        .flatten();
    let baseline_year = (years.len() >= 2).then(|| years[0].0);
    Some(Row {
        value: target.as_ref().map(|(n, _)| n.clone()),
        value_bytes: target_cell,
        unit,
        comparator,
        symbol,
        baseline: baseline.map(|(n, _)| (n.value, baseline_year)),
        binding,
        target_year,
        deadline: target_year.and_then(|_| years.last().map(|y| y.1.clone())),
    })
}

/// The number in a value cell, with the cell folded (positions relative to the cell).
fn value_of(text: &str, cell: &Range<usize>) -> Option<(Number, Folded)> {
    let written = &text[cell.clone()];
    if !is_value_cell(written) {
        return None;
    }
    let folded = Folded::new(written, 0);
    let number = scan(&folded, 0..folded.len(), &|_| false).into_iter().next()?;
    Some((number, folded))
}

/// The unit a label gives in brackets: 学前三年毛入园率(%) → %.
fn unit_in_label(label: &str) -> Option<String> {
    let folded: String = label.trim().chars().map(fold_width_char).collect();
    let inner = folded.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let unit = inner[open + 1..].trim();
    (!unit.is_empty() && unit.chars().count() <= 4).then(|| unit.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str, cells: &[&str]) -> Header {
        let mut header = Header::default();
        for cell in cells {
            let at = text.find(cell).unwrap();
            header.add(text, at..at + cell.len());
        }
        header
    }

    fn row(text: &str, header: &Header) -> Row {
        let lines: Vec<Range<usize>> = text
            .split('\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len() + 1;
                Some(start..start + line.len())
            })
            .collect();
        read_row(text, header, lines[0].clone(), &lines[1..]).unwrap()
    }

    #[test]
    fn a_row_gives_baseline_target_and_binding() {
        let text = "2020年 2025年 属性 (预测)";
        let h = header(text, &["2020年", "2025年", "属性"]);
        let r = row("规范化幼儿园(%)\n98.65\n>98\n预期性", &h);
        assert_eq!(r.value.as_ref().map(|n| n.value), Some(98.0));
        assert_eq!((r.comparator, r.symbol), (Comparator::MoreThan, true));
        assert_eq!(r.baseline, Some((98.65, Some(2020))));
        assert_eq!(r.binding, Some(Binding::Expected));
        assert_eq!(r.target_year, Some(2025));
        assert_eq!(r.unit.as_deref(), Some("%"));
        assert!(!h.forecast);
    }

    #[test]
    fn bare_values_are_equal_and_units_come_from_the_cells() {
        let text = "2020年 2025年 (预测)";
        let h = header(text, &["2020年", "2025年", "(预测)"]);
        assert!(h.forecast);
        let r = row("小学学龄人口\n50478人\n61178人", &h);
        assert_eq!(
            (r.value.map(|n| n.value), r.comparator),
            (Some(61178.0), Comparator::Equal)
        );
        assert_eq!(r.unit.as_deref(), Some("人"));
        let r = row("学校数量\n59所\n66", &h);
        assert_eq!(r.unit.as_deref(), Some("所"));
        let r = row("新增学位数\n675个\n15000", &h);
        assert_eq!(r.comparator, Comparator::IncreaseBy);
        let r = row("实现县域义务教育优质均衡发展县(市)目标\n20%\n达标", &h);
        assert_eq!((r.value, r.comparator), (None, Comparator::None));
    }
}
