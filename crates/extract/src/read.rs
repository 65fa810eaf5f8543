//! Stage 2, what a piece writes: in a sentence, the numbers that are not values set aside first
//! (`masks`: years, dates, document and section numbers), the deadlines (`deadlines`), the numbers
//! (`numbers`) with their units (`units`), comparator words (`comparators`) and scope (`scope`:
//! thresholds and enumerations), tied together per number as `items`; the commitments without a
//! number (`milestones`); and a table row's columns under its header (`table`). Nothing here
//! decides what a value is: that is `judge`'s.

pub mod comparators;
pub mod deadlines;
pub mod items;
pub mod masks;
pub mod milestones;
pub mod numbers;
pub mod scope;
pub mod table;
pub mod units;
