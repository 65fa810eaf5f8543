//! Stage 4, the candidates: one sentence read through the stages before into its candidates
//! (`sentence`: one per value, scope and year of a trajectory, then the commitments without a
//! number), one table row into one (`row`), each built with its signals, indicator guess and
//! confidence (`candidates`), with what every piece is read with (`context`).

pub mod candidates;
pub mod context;
pub mod row;
pub mod sentence;
