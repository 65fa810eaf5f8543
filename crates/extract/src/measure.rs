//! Scores the extractor against a curated document: recall (the share of curated targets it
//! proposes) and precision (the share of its proposals that are curated targets), overall and per
//! kind, with the misses and the false proposals listed.
//!
//! **The matching rule.** A curated target is found by a proposed candidate (a target kind, not a
//! fact, baseline or actual value) when
//! 1. the candidate's quote overlaps the curated quote in the text (their byte ranges share at least
//!    one byte; every occurrence of the curated quote counts), and
//! 2. their values agree: both absent (a milestone, an elimination without a threshold), or equal
//!    to a relative precision of 10⁻⁹.
//!
//! Each candidate finds at most one target and each target is found at most once. Pairs are made
//! in three passes, each over the curated targets in order taking the first free candidate: first
//! requiring the same target year and comparator, then the same target year, then neither, so that
//! the years of a trajectory and two values of one sentence pair up with their own targets. Kind,
//! indicator, unit and scope are not part of the rule; how often the kind and the indicator agree
//! among the pairs is reported beside it.

use std::ops::Range;

use crate::candidate::{Candidate, CandidateKind};
use policy_data::model::{Kind, Target};

/// The result of scoring one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measurement {
    /// (curated target, candidate) pairs, as indices.
    pub pairs: Vec<(usize, usize)>,
    /// Curated targets no candidate found.
    pub missed: Vec<usize>,
    /// Proposed candidates that found no curated target.
    pub false_proposals: Vec<usize>,
    /// Missed targets that a candidate marked as a fact, baseline or actual value would have
    /// found (indices of the target and of that candidate).
    pub marked_not_target: Vec<(usize, usize)>,
    /// How many candidates were proposed as targets, and how many marked as not targets.
    pub proposed: usize,
    pub not_targets: usize,
    /// Recall per curated kind: (kind, found, total).
    pub recall_by_kind: Vec<(Kind, usize, usize)>,
    /// Precision per proposed kind: (kind, matched, proposed).
    pub precision_by_kind: Vec<(Kind, usize, usize)>,
    /// Among the pairs, how many agree on the kind and on the indicator.
    pub same_kind: usize,
    pub same_indicator: usize,
}

impl Measurement {
    /// Found / curated (1 when there is nothing to find).
    pub fn recall(&self) -> f64 {
        ratio(self.pairs.len(), self.pairs.len() + self.missed.len())
    }

    /// Matched / proposed (1 when nothing was proposed).
    pub fn precision(&self) -> f64 {
        ratio(self.pairs.len(), self.proposed)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

const KINDS: [Kind; 4] = [Kind::Quantitative, Kind::Standard, Kind::Milestone, Kind::Projection];

/// Scores `candidates` extracted from `text` against the curated `targets` of the same text.
pub fn measure(text: &str, candidates: &[Candidate], targets: &[Target]) -> Measurement {
    let quotes: Vec<Vec<Range<usize>>> = targets
        .iter()
        .map(|t| {
            text.match_indices(t.quote.as_str())
                .map(|(at, q)| at..at + q.len())
                .collect()
        })
        .collect();
    let agrees = |t: usize, c: &Candidate| {
        quotes[t].iter().any(|q| q.start < c.range.end && c.range.start < q.end)
            && same_value(targets[t].value, c.value)
    };
    let mut taken = vec![false; candidates.len()];
    let mut found: Vec<Option<usize>> = vec![None; targets.len()];
    type Pass = fn(&Target, &Candidate) -> bool;
    let passes: [Pass; 3] = [
        |t, c| t.target_year == c.target_year && t.comparator == c.comparator,
        |t, c| t.target_year == c.target_year,
        |_, _| true,
    ];
    for pass in passes {
        for t in 0..targets.len() {
            if found[t].is_some() {
                continue;
            }
            let free = (0..candidates.len()).find(|&c| {
                !taken[c]
                    && candidates[c].kind.is_target()
                    && agrees(t, &candidates[c])
                    && pass(&targets[t], &candidates[c])
            });
            if let Some(c) = free {
                taken[c] = true;
                found[t] = Some(c);
            }
        }
    }
    let pairs: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(t, c)| c.map(|c| (t, c)))
        .collect();
    let missed: Vec<usize> = (0..targets.len()).filter(|&t| found[t].is_none()).collect();
    let marked_not_target = missed
        .iter()
        .filter_map(|&t| {
            (0..candidates.len())
                .find(|&c| !candidates[c].kind.is_target() && agrees(t, &candidates[c]))
                .map(|c| (t, c))
        })
        .collect();
    let false_proposals = (0..candidates.len())
        .filter(|&c| candidates[c].kind.is_target() && !taken[c])
        .collect();
    let recall_by_kind = KINDS
        .iter()
        .map(|&kind| {
            let total = targets.iter().filter(|t| t.kind == kind).count();
            let hit = pairs.iter().filter(|(t, _)| targets[*t].kind == kind).count();
            (kind, hit, total)
        })
        .collect();
    let precision_by_kind = KINDS
        .iter()
        .map(|&kind| {
            let proposed = candidates
                .iter()
                .filter(|c| c.kind == CandidateKind::Target(kind))
                .count();
            let hit = pairs
                .iter()
                .filter(|(_, c)| candidates[*c].kind == CandidateKind::Target(kind))
                .count();
            (kind, hit, proposed)
        })
        .collect();
    Measurement {
        same_kind: pairs
            .iter()
            .filter(|(t, c)| candidates[*c].kind == CandidateKind::Target(targets[*t].kind))
            .count(),
        same_indicator: pairs
            .iter()
            .filter(|(t, c)| candidates[*c].indicator.as_deref() == Some(targets[*t].indicator.as_str()))
            .count(),
        proposed: candidates.iter().filter(|c| c.kind.is_target()).count(),
        not_targets: candidates.iter().filter(|c| !c.kind.is_target()).count(),
        pairs,
        missed,
        false_proposals,
        marked_not_target,
        recall_by_kind,
        precision_by_kind,
    }
}

fn same_value(curated: Option<f64>, proposed: Option<f64>) -> bool {
    match (curated, proposed) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        _ => false,
    }
}
