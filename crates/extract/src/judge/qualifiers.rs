//! Qualifiers that tell indicators apart though their names share most words: a count of years
//! (学前三年 / 学前第四年), a stage of schooling (小学 / 初中 / 高中阶段) and a type of act (入园 /
//! 建园, 入学 / 毕业). A value's subject that writes a qualifier of one of these kinds, where every
//! name of the best-fitting catalogue indicator writes another of the same kind, is not that
//! indicator: `differs` says which kind differs, and `name_from` names the new indicator from the
//! subject's own words. Texts are folded (Simplified) before they come here.

use crate::text::folded::is_han;

/// The kind of qualifier in which two names differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// A count of years (三年, 第四年).
    Years,
    /// A stage of schooling (学前, 小学, 初中, 高中, 中职, 高等教育).
    Stage,
    /// A type of act (入园, 建园, 入学, 升学, 毕业, 巩固).
    Type,
}

/// Stages as bits, so a word naming several (中小学, 义务教育) meets each of them.
const PRESCHOOL: u8 = 1;
const PRIMARY: u8 = 2;
const JUNIOR: u8 = 4;
const SENIOR: u8 = 8;
const VOCATIONAL: u8 = 16;
const HIGHER: u8 = 32;

/// Words of a stage, longest first where one holds another (中小学 before 小学).
const STAGES: [(&str, u8); 13] = [
    ("中小学", PRIMARY | JUNIOR | SENIOR),
    ("义务教育", PRIMARY | JUNIOR),
    ("高中阶段", SENIOR | VOCATIONAL),
    ("中等职业", VOCATIONAL),
    ("高等教育", HIGHER),
    ("学前", PRESCHOOL),
    ("幼儿园", PRESCHOOL),
    ("小学", PRIMARY),
    ("初中", JUNIOR),
    ("初级中学", JUNIOR),
    ("高中", SENIOR),
    ("中职", VOCATIONAL),
    ("高校", HIGHER),
];

/// Words of a type of act; two different ones are two indicators (not 办园: 公办园 is a kind of
/// kindergarten).
/// Each with its class: 入园 and 在园 both count children enrolled.
const TYPES: [(&str, u32); 8] = [
    ("入园", 0),
    ("在园", 0),
    ("建园", 1),
    ("入学", 2),
    ("升学", 3),
    ("毕业", 4),
    ("巩固", 5),
    ("辍学", 6),
];

/// Words that end a measure's name.
const MEASURES: [&str; 6] = ["比例", "比率", "占比", "比重", "人数", "率"];

/// Numerals of a count of years.
const NUMERALS: &str = "一二三四五六七八九十两";

/// Characters after 年 that make it a time (三年内, 三年后, 年底), not a count in a name.
const NOT_A_COUNT: &str = "内后来间底前以起时中初末里度的级";

/// The kind of qualifier in which `subject` differs from the indicator's `names`, if any: the
/// subject writes a qualifier of that kind, some of the names write one, and none of theirs is the
/// subject's (a short alias that writes none, 毛入园率 for 学前三年毛入园率, does not count).
pub fn differs<'a>(subject: &str, names: impl Iterator<Item = &'a str> + Clone) -> Option<Qualifier> {
    [Qualifier::Stage, Qualifier::Years, Qualifier::Type]
        .into_iter()
        .find(|&kind| agreement(subject, names.clone(), kind) == Some(false))
}

/// True when some of the indicator's `names` write the qualifier of `kind` that `subject` writes
/// (初中 in 初中班额 for 初中不超过): an indicator that may stand for one the qualifier set apart.
pub fn agrees<'a>(subject: &str, names: impl Iterator<Item = &'a str>, kind: Qualifier) -> bool {
    agreement(subject, names, kind) == Some(true)
}

/// Whether `subject` and the `names` writing a qualifier of `kind` agree on it: none when the
/// subject or every name writes none.
fn agreement<'a>(subject: &str, names: impl Iterator<Item = &'a str>, kind: Qualifier) -> Option<bool> {
    let words = |text: &str| -> Vec<u32> {
        match kind {
            Qualifier::Stage => {
                let bits = stages(text).1;
                (0..8).filter(|b| bits & (1 << b) != 0).collect()
            }
            Qualifier::Years => year_counts(text)
                .into_iter()
                .map(|(_, y)| y.chars().fold(0u32, |h, c| h.wrapping_mul(31).wrapping_add(c as u32)))
                .collect(),
            Qualifier::Type => types(text).into_iter().map(|(_, (_, class))| class).collect(),
        }
    };
    let own = words(subject);
    if own.is_empty() {
        return None;
    }
    let named: Vec<Vec<u32>> = names.map(words).filter(|n| !n.is_empty()).collect();
    (!named.is_empty()).then(|| named.iter().any(|n| n.iter().any(|w| own.contains(w))))
}

/// The new indicator's name from the subject's words: from the first to the last character the
/// subject shares with the indicator's names (pairs of adjacent characters) or writes as a
/// qualifier, so scope words before it (全市) and comparator words after it (达到) stay out.
pub fn name_from<'a>(subject: &str, names: impl Iterator<Item = &'a str>) -> String {
    let chars: Vec<char> = subject.chars().collect();
    let pairs: Vec<(char, char)> = names
        .flat_map(|n| {
            let c: Vec<char> = n.chars().collect();
            c.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
        })
        .collect();
    let mut covered = vec![false; chars.len()];
    for (i, w) in chars.windows(2).enumerate() {
        if is_han(w[0]) && is_han(w[1]) && pairs.contains(&(w[0], w[1])) {
            covered[i] = true;
            covered[i + 1] = true;
        }
    }
    let spans = stages(subject)
        .0
        .into_iter()
        .chain(year_counts(subject).into_iter().map(|(at, y)| (at, y.chars().count())))
        .chain(types(subject).into_iter().map(|(at, (t, _))| (at, t.chars().count())));
    for (at, len) in spans {
        for c in covered.iter_mut().skip(at).take(len) {
            *c = true;
        }
    }
    let first = covered.iter().position(|&c| c);
    // A measure's last word (率, 比例) stays with the name when the shared words stop before it.
    let last = covered.iter().rposition(|&c| c).map(|last| {
        let rest: String = chars[last + 1..].iter().collect();
        MEASURES
            .iter()
            .find(|m| rest.starts_with(*m))
            .map_or(last, |m| last + m.chars().count())
    });
    match (first, last) {
        (Some(first), Some(last)) => chars[first..=last].iter().filter(|c| is_han(**c)).collect(),
        _ => chars.iter().filter(|c| is_han(**c)).collect(),
    }
}

/// The stage words of `text` (char position and length) and their stages together.
fn stages(text: &str) -> (Vec<(usize, usize)>, u8) {
    let chars: Vec<char> = text.chars().collect();
    let mut taken = vec![false; chars.len()];
    let mut found = Vec::new();
    let mut all = 0;
    for (word, bits) in STAGES {
        let w: Vec<char> = word.chars().collect();
        let mut at = 0;
        while at + w.len() <= chars.len() {
            if chars[at..at + w.len()] == w[..] && !taken[at..at + w.len()].iter().any(|t| *t) {
                taken[at..at + w.len()].iter_mut().for_each(|t| *t = true);
                found.push((at, w.len()));
                all |= bits;
                at += w.len();
            } else {
                at += 1;
            }
        }
    }
    (found, all)
}

/// The counts of years of `text` (三年, 第四年): char position and the count as written, without 第
/// (an ordinal year is not the span it counts: 第四年 and 四年 differ, so 第 is kept).
fn year_counts(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '年' || i == 0 {
            continue;
        }
        let mut start = i;
        while start > 0 && NUMERALS.contains(chars[start - 1]) {
            start -= 1;
        }
        if start == i {
            continue;
        }
        if chars
            .get(i + 1)
            .is_some_and(|n| NOT_A_COUNT.contains(*n) || !is_han(*n))
            || i + 1 == chars.len()
        {
            continue;
        }
        if start > 0 && chars[start - 1] == '第' {
            start -= 1;
        }
        found.push((start, chars[start..=i].iter().collect()));
    }
    found
}

/// The type words of `text`: char position, and the word with its class.
fn types(text: &str) -> Vec<(usize, (&'static str, u32))> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (word, class) in TYPES {
        let w: Vec<char> = word.chars().collect();
        for at in 0..chars.len().saturating_sub(w.len() - 1) {
            if chars[at..at + w.len()] == w[..] {
                found.push((at, (word, class)));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(subject: &str, names: &[&str]) -> Option<Qualifier> {
        differs(subject, names.iter().copied())
    }

    #[test]
    fn a_count_of_years_apart_is_another_indicator() {
        let names = ["学前三年毛入园率", "毛入园率"];
        assert_eq!(one("全市学前第四年毛入园率达到", &names), Some(Qualifier::Years));
        assert_eq!(one("全市学前三年毛入园率达到", &names), None);
        assert_eq!(one("全市毛入园率达到", &names), None, "no count written");
        assert_eq!(one("三年内全市毛入园率达到", &names), None, "三年内 is a deadline");
        assert_eq!(one("第四年毛入园率", &["毛入园率"]), None, "no name writes a count");
    }

    #[test]
    fn a_stage_or_type_apart_is_another_indicator() {
        assert_eq!(
            one("初中班额不超过", &["小学班额上限", "小学班额"]),
            Some(Qualifier::Stage)
        );
        assert_eq!(one("小学班额不超过", &["小学班额上限", "小学班额"]), None);
        assert_eq!(one("中小学班额不超过", &["小学班额上限"]), None, "中小学 holds 小学");
        assert_eq!(
            one("普惠性幼儿园建园率达到", &["学前三年毛入园率"]),
            Some(Qualifier::Type)
        );
        assert_eq!(one("幼儿园毛入园率达到", &["学前三年毛入园率"]), None);
        assert_eq!(
            one("普惠性幼儿园建园率达到", &["普惠性幼儿园在园幼儿占比", "普惠率"]),
            Some(Qualifier::Type)
        );
        assert!(agrees(
            "初中不超过",
            ["初中班额上限", "初中班额"].into_iter(),
            Qualifier::Stage
        ));
        assert!(!agrees("初中不超过", ["班额"].into_iter(), Qualifier::Stage));
    }

    #[test]
    fn the_new_name_is_the_subjects_own_words() {
        let names = ["学前三年毛入园率", "毛入园率"];
        assert_eq!(
            name_from("全市学前第四年毛入园率达到", names.into_iter()),
            "学前第四年毛入园率"
        );
        assert_eq!(
            name_from("初中班额不超过", ["小学班额上限", "小学班额"].into_iter()),
            "初中班额"
        );
        assert_eq!(
            name_from(
                "乡镇公办中心幼儿园建园率达到",
                ["学前三年毛入园率", "毛入园率"].into_iter()
            ),
            "幼儿园建园率"
        );
    }
}
