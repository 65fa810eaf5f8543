//! Progress calculations for one target: the yearly change a target requires, a straight-line path,
//! and a mid-term evaluation that sets the share of time elapsed against the share of the distance
//! covered (the "时间过半、任务过半" method of mid-term evaluation reports).
//!
//! Every formula, its conventions and a worked example are written out in `docs/formulas.md`.
//! Inputs arrive as the raw strings a user typed ([`EvaluationInput`]), so they can live in a URL;
//! [`evaluate`] validates them and returns field-specific [`InputError`]s in Chinese and English.
//! Pure functions, no web dependency.

mod calendar;
mod evaluable;
mod evaluation;
mod input;
mod projection;
mod rules;
mod straight_line;
#[cfg(test)]
mod test_support;
mod time_share;

pub use calendar::{
    date_of, day_of_fractional_year, days_in_month, fractional_year, fractional_year_of_day, is_leap_year, year_end,
    year_end_day, year_start_day, Date,
};
pub use evaluable::{evaluable_rows, is_evaluable};
pub use evaluation::{
    evaluate, share_percent, status_from_shares, BaselineSource, Evaluation, Status, UsedBaseline, ON_TRACK_TOLERANCE,
};
pub use input::{is_percent_unit, ErrorKey, EvaluationInput, Field, InputError, MAX_YEAR, MIN_YEAR};
pub use projection::{projected_value, FeasibleRange, Projection};
pub use rules::{current_meaning, uses_baseline, CurrentMeaning, Unevaluable};
pub use straight_line::{required_annual_change, straight_line_value_at};
pub use time_share::{elapsed_share, time_elapsed_share};
