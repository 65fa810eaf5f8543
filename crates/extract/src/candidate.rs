//! What the extractor proposes: one candidate target (or a fact or baseline it recognised, marked
//! so that it is never proposed as a target), with the verbatim sentence it comes from, the reading
//! of its value, deadline and scope, a best-guess indicator and theme, and the confidence and
//! signals behind it. `Serialize` gives the JSON-lines output of `dataset extract`.

use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::signal::Signal;
use policy_data::model::{Baseline, Binding, Comparator, Kind};

/// The kind of a candidate: a target kind of the dataset, or something the extractor recognised as
/// not a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    /// A proposed target of this dataset kind.
    Target(Kind),
    /// A stated starting point on its own (基期, 现状值); a target's baseline is its `baseline`.
    Baseline,
    /// An achieved value of a rate or share (2021年已达到93.5%).
    Actual,
    /// A fact about the present or the past (现有中小学112所, “十三五”期间新建学校5所).
    Fact,
}

impl CandidateKind {
    /// The dataset kind, for a proposed target.
    pub fn target(self) -> Option<Kind> {
        match self {
            CandidateKind::Target(kind) => Some(kind),
            _ => None,
        }
    }

    /// True for a proposed target (not a fact, baseline or actual value).
    pub fn is_target(self) -> bool {
        self.target().is_some()
    }

    /// The kind's name as the JSON output and the dataset write it.
    pub fn id(self) -> &'static str {
        match self {
            CandidateKind::Target(Kind::Quantitative) => "quantitative",
            CandidateKind::Target(Kind::Standard) => "standard",
            CandidateKind::Target(Kind::Milestone) => "milestone",
            CandidateKind::Target(Kind::Projection) => "projection",
            CandidateKind::Baseline => "baseline",
            CandidateKind::Actual => "actual",
            CandidateKind::Fact => "fact",
        }
    }

    /// Every kind, targets first.
    pub const ALL: [CandidateKind; 7] = [
        CandidateKind::Target(Kind::Quantitative),
        CandidateKind::Target(Kind::Standard),
        CandidateKind::Target(Kind::Milestone),
        CandidateKind::Target(Kind::Projection),
        CandidateKind::Baseline,
        CandidateKind::Actual,
        CandidateKind::Fact,
    ];
}

impl Serialize for CandidateKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// One candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// The sentence (or table row), exactly `text[range]`.
    pub quote: String,
    /// Byte range of the quote in the text.
    pub range: Range<usize>,
    /// Byte range of the value as written (the number, or the deadline words of a milestone), for
    /// highlighting.
    pub value_range: Range<usize>,
    /// The value as the dataset records it (80 for 80%, 90000 for 9万); absent for a milestone.
    pub value: Option<f64>,
    /// The upper end of a range (1—2所: value 1, value_max 2).
    pub value_max: Option<f64>,
    /// The unit as written (Simplified), `%` for percentages and percentage points.
    pub unit: Option<String>,
    pub comparator: Comparator,
    /// Written as approximate (约, 左右).
    pub approximate: bool,
    pub target_year: Option<u16>,
    /// The deadline as written (到2025年, 2022年9月前, “十四五”期间, 用三年时间).
    pub deadline_text: Option<String>,
    pub kind: CandidateKind,
    /// Whom or what it covers, as written in the sentence (幼儿园; 1200人以上小学), Simplified.
    pub scope: Option<String>,
    /// A stated starting point (a table's baseline column, 由…提高到…).
    pub baseline: Option<Baseline>,
    /// 约束性 / 预期性, where a table says so.
    pub binding: Option<Binding>,
    /// Best-guess indicator id from the catalogue.
    pub indicator: Option<String>,
    /// A new indicator's name, from the sentence's words, when the nearest catalogue indicator's
    /// name differs by a qualifier (学前第四年毛入园率, not 学前三年毛入园率); `indicator` is then
    /// absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_indicator: Option<String>,
    /// Best-guess theme id.
    pub theme: Option<String>,
    /// The headings the sentence sits under, joined with " / ".
    pub section: String,
    /// How sure the extractor is that this is what it says, 0 to 1 (two decimals).
    pub confidence: f64,
    /// The signals the confidence was computed from.
    pub reasons: Vec<Signal>,
}

/// How far an extraction has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub done_bytes: usize,
    pub total_bytes: usize,
}

impl Progress {
    pub fn is_done(self) -> bool {
        self.done_bytes >= self.total_bytes
    }

    /// The share done, 0 to 1.
    pub fn fraction(self) -> f64 {
        if self.total_bytes == 0 {
            1.0
        } else {
            self.done_bytes as f64 / self.total_bytes as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialize_as_their_names() {
        for kind in CandidateKind::ALL {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.id()));
        }
        assert!(CandidateKind::Target(Kind::Standard).is_target());
        assert!(!CandidateKind::Fact.is_target());
    }

    #[test]
    fn comparator_ids_match_the_dataset_form() {
        for c in [Comparator::AtLeast, Comparator::Count, Comparator::None] {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", policy_data::export::comparator_code(c))
            );
        }
    }
}
