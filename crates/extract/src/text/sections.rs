//! The headings a sentence sits under, as the dataset's `section` writes them
//! ("二、重点任务 / (三)实施学前教育优质普惠行动计划"): 第X章, 第X节, 一、, (一), 1. and table
//! captions and group labels each open a level and close the deeper ones. Whether the section
//! reports rather than plans (发展基础, 现状, 进展情况) is read from the path.

use policy_data::fold::fold_width_char;

/// The open headings, outermost first.
#[derive(Clone, Debug, Default)]
pub struct Sections {
    open: Vec<(u8, String)>,
    /// Whether a heading on the path names a report (kept as the path changes).
    reports: bool,
    /// Whether a heading on the path names achievements (a subset of the reports).
    achievements: bool,
}

/// Words of headings over sections that report achievements: what they count was done (新建…所),
/// unlike a progress report (进展情况), which also repeats the plan's targets.
const ACHIEVEMENT_WORDS: &[&str] = &[
    "发展基础",
    "發展基礎",
    "主要成效",
    "主要成绩",
    "主要成績",
    "发展成就",
    "發展成就",
    "取得的成效",
    "取得的成绩",
    "取得的成績",
    "工作成绩",
    "工作成績",
    "主要成就",
    "回顾",
    "回顧",
];

/// Words of headings over sections that report the present or the past.
const REPORT_WORDS: &[&str] = &[
    "发展基础",
    "發展基礎",
    "现状",
    "現狀",
    "基本情况",
    "基本情況",
    "主要成效",
    "主要成绩",
    "主要成績",
    "工作回顾",
    "工作回顧",
    "面临形势",
    "面臨形勢",
    "发展成就",
    "發展成就",
    "取得的成效",
    "进展情况",
    "進展情況",
    "完成情况",
    "完成情況",
    "回顾",
    "回顧",
    "取得的成绩",
    "取得的成績",
    "工作成绩",
    "工作成績",
    "主要成就",
    "以来",
    "以來",
];

/// Headings longer than this are cut (a heading run into its paragraph).
const LABEL_CHARS: usize = 30;

impl Sections {
    /// Takes in a heading line or a line's first sentence (`first_in_line`); `table` says it is a
    /// caption (表1 …) or a label inside a table.
    pub fn heading(&mut self, text: &str, caption: bool, in_table: bool) {
        let Some(level) = level_of(text, caption, in_table) else {
            return;
        };
        self.open.retain(|(l, _)| *l < level);
        self.open.push((level, label(text)));
        self.update_reports();
    }

    fn update_reports(&mut self) {
        self.reports = self
            .open
            .iter()
            .any(|(_, label)| REPORT_WORDS.iter().any(|w| label.contains(w)));
        self.achievements = self
            .open
            .iter()
            .any(|(_, label)| ACHIEVEMENT_WORDS.iter().any(|w| label.contains(w)));
    }

    /// Closes a table's captions and group labels (prose has returned).
    pub fn leave_table(&mut self) {
        self.open.retain(|(l, _)| *l < CAPTION);
        self.update_reports();
    }

    /// The path of open headings, joined with " / ".
    pub fn path(&self) -> String {
        let labels: Vec<&str> = self.open.iter().map(|(_, l)| l.as_str()).collect();
        labels.join(" / ")
    }

    /// True when a heading on the path names achievements (发展成就, 取得的成绩).
    pub fn achievements(&self) -> bool {
        self.achievements
    }

    /// True when a heading on the path names a report of the present or the past.
    pub fn reports(&self) -> bool {
        self.reports
    }
}

const CAPTION: u8 = 6;

/// The level a heading opens: 第X章 1, 第X节 2, 一、 3, (一) 4, 1. 5, a caption 6, a table's group
/// label 7. Other short lines (a title, a signature) open none.
fn level_of(text: &str, caption: bool, in_table: bool) -> Option<u8> {
    if caption {
        return Some(CAPTION);
    }
    let chars: Vec<char> = text.chars().take(8).map(fold_width_char).collect();
    let is_numeral = |c: &char| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c);
    if chars.first() == Some(&'第') {
        let n = chars[1..].iter().take_while(|c| is_numeral(c)).count();
        return match chars.get(1 + n) {
            Some('章' | '部' | '篇') if n > 0 => Some(1),
            Some('节') if n > 0 => Some(2),
            _ => None,
        };
    }
    if chars.first() == Some(&'(') {
        let n = chars[1..].iter().take_while(|c| is_numeral(c)).count();
        return (n > 0 && chars.get(1 + n) == Some(&')')).then_some(4);
    }
    let run = chars.iter().take_while(|c| is_numeral(c)).count();
    if run > 0 {
        let mut k = run;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        let ascii = chars[0].is_ascii_digit();
        return match chars.get(k) {
            Some('、') if !ascii => Some(3),
            Some('、' | '.' | '．') if ascii => Some(5),
            _ => None,
        };
    }
    in_table.then_some(7)
}

/// The heading as the path shows it: trimmed, without a closing 。, cut at a comma when long.
fn label(text: &str) -> String {
    let text = text.trim().trim_end_matches('。');
    if text.chars().count() <= LABEL_CHARS {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .take(LABEL_CHARS)
        .find(|(_, c)| matches!(c, '。' | ',' | '，' | ';' | '；'))
        .map_or_else(
            || text.char_indices().nth(LABEL_CHARS).map_or(text.len(), |(i, _)| i),
            |(i, _)| i,
        );
    text[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_open_and_close_levels() {
        let mut sections = Sections::default();
        sections.heading("二、重点任务", false, false);
        sections.heading("(三)实施学前教育优质普惠行动计划。", false, false);
        assert_eq!(sections.path(), "二、重点任务 / (三)实施学前教育优质普惠行动计划");
        sections.heading("(四)实施义务教育优质均衡行动计划。", false, false);
        assert_eq!(sections.path(), "二、重点任务 / (四)实施义务教育优质均衡行动计划");
        sections.heading("三、保障措施", false, false);
        assert_eq!(sections.path(), "三、保障措施");
        sections.heading("盘锦市人民政府办公室", false, false);
        assert_eq!(sections.path(), "三、保障措施", "a signature opens no section");
    }

    #[test]
    fn chapters_sections_tables_and_reports() {
        let mut sections = Sections::default();
        sections.heading("第一章   发展基础及面临形势", false, false);
        sections.heading("第一节 发展基础", false, false);
        assert!(sections.reports());
        sections.heading("第二章 指导思想和发展目标", false, false);
        assert!(!sections.reports());
        sections.heading("表1  主要目标", true, true);
        sections.heading("学前教育", false, true);
        assert_eq!(sections.path(), "第二章 指导思想和发展目标 / 表1  主要目标 / 学前教育");
        sections.leave_table();
        assert_eq!(sections.path(), "第二章 指导思想和发展目标");
    }

    #[test]
    fn long_headings_are_cut() {
        let mut sections = Sections::default();
        sections.heading(
            "一、主要目标任务进展情况十四五以来,高度重视教育事业发展,注重创新引领驱动",
            false,
            false,
        );
        assert_eq!(sections.path(), "一、主要目标任务进展情况十四五以来");
    }
}
