//! Faster review: accept at once every open item at or above a confidence level the visitor picks,
//! or every open item of one section of the text, and undo it. The selection rule is here once
//! (`Review::select`): an item the visitor already rejected or edited is never overwritten, only
//! counted as skipped; a sentence the visitor added has no confidence and no section and is left
//! alone. `Review::accept_all` returns what it did with the decisions it replaced (`BulkAccepted`),
//! and `Review::undo` puts exactly those back. The status line a screen reader announces is worded
//! here in both languages (`BulkAccepted::status`, `undone`).

use policy_data::lang::Lang;

use crate::{Decision, Review};

/// The confidence levels a visitor may accept from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    High,
    Medium,
    Low,
}

impl Level {
    /// Every level, the surest first.
    pub const ALL: [Level; 3] = [Level::High, Level::Medium, Level::Low];

    /// The lowest confidence of the level.
    pub fn floor(self) -> f64 {
        match self {
            Level::High => 0.8,
            Level::Medium => 0.6,
            Level::Low => 0.4,
        }
    }

    /// The level's name in `lang` (高, high).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Level::High => lang.pick("高", "high"),
            Level::Medium => lang.pick("中", "medium"),
            Level::Low => lang.pick("低", "low"),
        }
    }

    /// The level for a choice list labelled with the word confidence, with its floor: 高(≥ 0.80),
    /// high (≥ 0.80).
    pub fn label(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}(≥ {:.2})", self.name(lang), self.floor()),
            Lang::En => format!("{} (≥ {:.2})", self.name(lang), self.floor()),
        }
    }

    /// A stable id, for a form's `<option value>`.
    pub fn id(self) -> &'static str {
        match self {
            Level::High => "high",
            Level::Medium => "medium",
            Level::Low => "low",
        }
    }

    /// The level of an id.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// Which items a bulk acceptance is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// Every proposed item of at least this confidence.
    AtLeast(Level),
    /// Every proposed item of this section (the headings the extractor read, as the candidate's
    /// `section`).
    Section(String),
}

/// What a selection picks in a review: the items to accept, and how many it leaves because the
/// visitor decided them already (rejected or edited).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picked {
    pub accept: Vec<usize>,
    pub skipped: usize,
}

/// A bulk acceptance done: what it was about, the decisions it replaced (for `Review::undo`), and
/// how many items it skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkAccepted {
    pub selection: Selection,
    /// Each accepted item with its decision before.
    pub replaced: Vec<(usize, Decision)>,
    pub skipped: usize,
}

impl Review {
    /// The items `selection` accepts: open and unedited proposals of its confidence or section.
    /// Rejected or edited ones of the selection are counted as skipped; accepted ones are left.
    pub fn select(&self, selection: &Selection) -> Picked {
        let mut picked = Picked::default();
        for (index, item) in self.items.iter().enumerate() {
            let Some(candidate) = &item.candidate else {
                continue;
            };
            let within = match selection {
                Selection::AtLeast(level) => candidate.confidence + 1e-9 >= level.floor(),
                Selection::Section(section) => candidate.section == *section,
            };
            if !within {
                continue;
            }
            if item.decision == Decision::Rejected || item.edited() {
                picked.skipped += 1;
            } else if item.decision == Decision::Open {
                picked.accept.push(index);
            }
        }
        picked
    }

    /// Accepts what `selection` picks, returning what it replaced.
    pub fn accept_all(&mut self, selection: Selection) -> BulkAccepted {
        let picked = self.select(&selection);
        let replaced = picked
            .accept
            .iter()
            .map(|&index| {
                let before = self.items[index].decision;
                self.items[index].decision = Decision::Accepted;
                (index, before)
            })
            .collect();
        BulkAccepted {
            selection,
            replaced,
            skipped: picked.skipped,
        }
    }

    /// Puts back the decisions a bulk acceptance replaced.
    pub fn undo(&mut self, done: &BulkAccepted) {
        for &(index, before) in &done.replaced {
            if let Some(item) = self.items.get_mut(index) {
                item.decision = before;
            }
        }
    }

    /// The sections of the proposed items, in the text's order, each once with its item count.
    pub fn sections(&self) -> Vec<(&str, usize)> {
        let mut sections: Vec<(&str, usize)> = Vec::new();
        for candidate in self.items.iter().filter_map(|i| i.candidate.as_ref()) {
            match sections.iter_mut().find(|(s, _)| *s == candidate.section) {
                Some(found) => found.1 += 1,
                None => sections.push((&candidate.section, 1)),
            }
        }
        sections
    }
}

impl BulkAccepted {
    /// The status line after the acceptance: how many, of what, what was skipped, and that undo is
    /// available.
    pub fn status(&self, lang: Lang) -> String {
        let n = self.replaced.len();
        let what = match (&self.selection, lang) {
            (Selection::AtLeast(level), Lang::Zh) => format!("(把握≥{})", level.name(lang)),
            (Selection::AtLeast(level), Lang::En) => format!(" (confidence {} or above)", level.name(lang)),
            (Selection::Section(s), Lang::Zh) => format!("(本节:{})", section_name(s, lang)),
            (Selection::Section(s), Lang::En) => format!(" in the section “{}”", section_name(s, lang)),
        };
        let skipped = match (self.skipped, lang) {
            (0, _) => String::new(),
            (k, Lang::Zh) => format!("您已不采纳或修改过的 {k} 项保持不变。"),
            (1, Lang::En) => " 1 item you had rejected or edited was left as it was.".to_string(),
            (k, Lang::En) => format!(" {k} items you had rejected or edited were left as they were."),
        };
        match (n, lang) {
            (0, Lang::Zh) => format!("没有可采纳的项目{what}。{skipped}"),
            (0, Lang::En) => format!("No items to accept{what}.{skipped}"),
            (n, Lang::Zh) => format!("已采纳 {n} 项{what}。{skipped}可撤销。"),
            (1, Lang::En) => format!("Accepted 1 item{what}.{skipped} Undo is available."),
            (n, Lang::En) => format!("Accepted {n} items{what}.{skipped} Undo is available."),
        }
    }

    /// The status line after an undo.
    pub fn undone(&self, lang: Lang) -> String {
        let n = self.replaced.len();
        match (n, lang) {
            (n, Lang::Zh) => format!("已撤销:{n} 项恢复为原来的决定。"),
            (1, Lang::En) => "Undone: 1 item is back to its earlier decision.".to_string(),
            (n, Lang::En) => format!("Undone: {n} items are back to their earlier decisions."),
        }
    }
}

/// A section as the page names it: the extractor's headings, or "the text before any heading".
pub fn section_name(section: &str, lang: Lang) -> &str {
    if section.trim().is_empty() {
        lang.pick("标题前的文字", "the text before any heading")
    } else {
        section
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Catalogue, Edit};
    use policy_data::bundled;
    use policy_extract::extract;

    const QINGHE: &str = include_str!("../../../tests/fixtures/qinghe-county-2024.txt");

    fn review() -> Review {
        let dataset = bundled::dataset();
        let catalogue = Catalogue::new(&dataset.indicators, &dataset.themes);
        Review::new(QINGHE, None, extract(QINGHE, None, &catalogue))
    }

    fn confidence(review: &Review, index: usize) -> f64 {
        review.items[index].candidate.as_ref().unwrap().confidence
    }

    #[test]
    fn accepting_by_confidence_takes_the_open_items_at_or_above_the_level() {
        let mut review = review();
        let before = review.clone();
        let done = review.accept_all(Selection::AtLeast(Level::High));
        assert!(!done.replaced.is_empty(), "{:#?}", review.items);
        for (index, item) in review.items.iter().enumerate() {
            let sure = confidence(&review, index) >= 0.8;
            let expected = if sure { Decision::Accepted } else { Decision::Open };
            assert_eq!(item.decision, expected, "item {index}");
        }
        review.undo(&done);
        assert_eq!(review, before, "undo restores exactly the earlier decisions");
        // A lower level takes at least as many.
        let counts: Vec<usize> = Level::ALL
            .iter()
            .map(|&l| before.select(&Selection::AtLeast(l)).accept.len())
            .collect();
        assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    }

    #[test]
    fn rejected_and_edited_items_are_skipped_and_kept() {
        let mut review = review();
        let sure: Vec<usize> = review.select(&Selection::AtLeast(Level::Low)).accept;
        assert!(sure.len() >= 3, "{sure:?}");
        review.decide(sure[0], Decision::Rejected);
        review.edit(sure[1], Edit::Year("2030".into()));
        review.decide(sure[2], Decision::Accepted);
        let before = review.clone();
        let done = review.accept_all(Selection::AtLeast(Level::Low));
        assert_eq!(done.skipped, 2);
        assert_eq!(done.replaced.len(), sure.len() - 3, "the accepted one is not counted");
        assert_eq!(review.items[sure[0]].decision, Decision::Rejected);
        assert_eq!(review.items[sure[1]].fields.year, "2030");
        assert!(
            done.status(Lang::Zh).contains("您已不采纳或修改过的 2 项保持不变"),
            "{}",
            done.status(Lang::Zh)
        );
        assert!(done
            .status(Lang::En)
            .contains("2 items you had rejected or edited were left as they were"));
        review.undo(&done);
        assert_eq!(review, before);
    }

    #[test]
    fn accepting_a_section_takes_only_its_items() {
        let mut review = review();
        let sections: Vec<(String, usize)> = review.sections().iter().map(|(s, n)| (s.to_string(), *n)).collect();
        assert!(sections.len() >= 2, "{sections:?}");
        let (section, count) = sections[1].clone();
        let done = review.accept_all(Selection::Section(section.clone()));
        assert_eq!(done.replaced.len(), count);
        for item in &review.items {
            let inside = item.candidate.as_ref().is_some_and(|c| c.section == section);
            assert_eq!(item.decision == Decision::Accepted, inside);
        }
        assert!(done.status(Lang::Zh).starts_with(&format!("已采纳 {count} 项(本节:")));
        assert!(done.status(Lang::En).ends_with("Undo is available."));
    }

    #[test]
    fn the_status_line_is_worded_in_both_languages() {
        let done = BulkAccepted {
            selection: Selection::AtLeast(Level::High),
            replaced: vec![(0, Decision::Open); 12],
            skipped: 0,
        };
        assert_eq!(done.status(Lang::Zh), "已采纳 12 项(把握≥高)。可撤销。");
        assert_eq!(
            done.status(Lang::En),
            "Accepted 12 items (confidence high or above). Undo is available."
        );
        assert_eq!(done.undone(Lang::Zh), "已撤销:12 项恢复为原来的决定。");
        let none = BulkAccepted {
            replaced: Vec::new(),
            ..done
        };
        assert_eq!(none.status(Lang::En), "No items to accept (confidence high or above).");
        assert_eq!(Level::from_id(Level::Medium.id()), Some(Level::Medium));
        assert_eq!(Level::High.label(Lang::Zh), "高(≥ 0.80)");
        assert_eq!(Level::Low.label(Lang::En), "low (≥ 0.40)");
    }
}
