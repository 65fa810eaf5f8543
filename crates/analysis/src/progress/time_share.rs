//! The share of time elapsed: the plan period's clock for one target, in day numbers.

use super::calendar::{year_end_day, year_start_day, Date};

/// The plan period's clock for one target, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Timeline {
    /// 00:00 on 1 January of the plan's first year.
    pub(super) start: i64,
    /// 24:00 on 31 December of the target year (= 00:00 on 1 January of the next year).
    pub(super) end: i64,
    /// 24:00 on the evaluation date: the evaluation day counts as elapsed.
    pub(super) now: i64,
}

impl Timeline {
    pub(super) fn new(period_start: u16, target_year: u16, date: Date) -> Timeline {
        Timeline {
            start: year_start_day(period_start),
            end: year_end_day(target_year),
            now: date.end_day(),
        }
    }

    pub(super) fn not_started(self) -> bool {
        self.now <= self.start
    }

    pub(super) fn deadline_passed(self) -> bool {
        self.now > self.end
    }

    pub(super) fn time_share(self) -> f64 {
        elapsed_share(self.start, self.end, self.now)
    }
}

/// The one time-share rule: the share of the span from instant `start` to instant `end` (day
/// numbers) elapsed at instant `now`, in whole days, clamped to [0, 1]. An empty span is 0 until
/// its end and 1 after it. The evaluation's time share and the projection both use it.
pub fn elapsed_share(start: i64, end: i64, now: i64) -> f64 {
    let total = end - start;
    if total <= 0 {
        return if now > end { 1.0 } else { 0.0 };
    }
    ((now - start) as f64 / total as f64).clamp(0.0, 1.0)
}

/// Share of time elapsed at `date` for a plan starting 1 January `period_start` and a target due
/// 31 December `target_year`: days elapsed (counting the evaluation day) over days in the span,
/// clamped to [0, 1].
pub fn time_elapsed_share(period_start: u16, target_year: u16, date: Date) -> f64 {
    Timeline::new(period_start, target_year, date).time_share()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::test_support::close;

    #[test]
    pub(super) fn time_share_counts_the_evaluation_day_and_clamps() {
        let mid = time_elapsed_share(2021, 2025, Date::new(2023, 6, 30).unwrap());
        assert!(close(mid, 911.0 / 1826.0));
        assert!(close(time_elapsed_share(2021, 2025, Date::last_of_year(2025)), 1.0));
        assert!(close(
            time_elapsed_share(2021, 2025, Date::new(2030, 1, 1).unwrap()),
            1.0
        ));
        assert!(close(
            time_elapsed_share(2021, 2025, Date::new(2019, 1, 1).unwrap()),
            0.0
        ));
        assert!(close(
            time_elapsed_share(2021, 2021, Date::new(2021, 7, 2).unwrap()),
            183.0 / 365.0
        ));
    }
}
