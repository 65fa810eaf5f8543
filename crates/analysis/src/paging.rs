//! How much of a long list to show: lists grow a page at a time ("show more"), and a row a link
//! points at is always among the shown ones. Pure arithmetic, shared by the views that page.

/// Rows shown at first, and added by each "show more".
pub const PAGE: usize = 50;

/// How many of `total` rows to show when `requested` were asked for (at least one page) and the
/// row at position `pinned` (a target opened by link) must be visible: the page holding it is
/// shown whole, so the row does not sit alone at the end.
pub fn visible_count(total: usize, requested: usize, pinned: Option<usize>) -> usize {
    let wanted = requested.max(PAGE);
    let wanted = match pinned {
        Some(position) if position < total => wanted.max((position / PAGE + 1) * PAGE),
        _ => wanted,
    };
    wanted.min(total)
}

/// How many rows the next "show more" adds (0 when everything is shown).
pub fn next_page_size(total: usize, shown: usize) -> usize {
    total.saturating_sub(shown).min(PAGE)
}

/// Which of `total` choices (checkboxes, options) to offer when there are many: every chosen one,
/// plus up to `limit` others that match what the visitor typed, in their original order. Returns
/// the positions offered and how many matching ones were left out.
pub fn bounded_choices(
    total: usize,
    limit: usize,
    is_chosen: impl Fn(usize) -> bool,
    matches: impl Fn(usize) -> bool,
) -> (Vec<usize>, usize) {
    let mut offered = Vec::new();
    let (mut others, mut left_out) = (0, 0);
    for i in 0..total {
        if is_chosen(i) {
            offered.push(i);
        } else if matches(i) {
            if others < limit {
                offered.push(i);
                others += 1;
            } else {
                left_out += 1;
            }
        }
    }
    (offered, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_shown_whole() {
        assert_eq!(visible_count(12, 0, None), 12);
        assert_eq!(visible_count(0, PAGE, None), 0);
        assert_eq!(next_page_size(12, 12), 0);
    }

    #[test]
    fn long_lists_show_a_page_then_grow_by_pages() {
        assert_eq!(visible_count(21_900, 0, None), PAGE);
        assert_eq!(visible_count(21_900, PAGE, None), PAGE);
        assert_eq!(visible_count(21_900, 2 * PAGE, None), 2 * PAGE);
        assert_eq!(visible_count(120, 3 * PAGE, None), 120);
        assert_eq!(next_page_size(120, 2 * PAGE), 20);
        assert_eq!(next_page_size(21_900, PAGE), PAGE);
    }

    #[test]
    fn a_linked_row_beyond_the_first_page_is_shown_with_its_page() {
        assert_eq!(visible_count(21_900, PAGE, Some(PAGE - 1)), PAGE);
        assert_eq!(visible_count(21_900, PAGE, Some(PAGE)), 2 * PAGE);
        assert_eq!(visible_count(21_900, PAGE, Some(10_049)), 10_050);
        assert_eq!(visible_count(130, PAGE, Some(129)), 130);
        // A position outside the list (the target is filtered out) changes nothing.
        assert_eq!(visible_count(30, PAGE, Some(40)), 30);
        // Asking for more than the linked page keeps the larger request.
        assert_eq!(visible_count(21_900, 4 * PAGE, Some(60)), 4 * PAGE);
    }

    #[test]
    fn bounded_choices_keep_the_chosen_and_a_few_matches() {
        let chosen = |i: usize| i == 3 || i == 400;
        let (offered, left_out) = bounded_choices(500, 5, chosen, |_| true);
        assert_eq!(offered, vec![0, 1, 2, 3, 4, 5, 400]);
        assert_eq!(left_out, 493);
        let (offered, left_out) = bounded_choices(500, 5, chosen, |i| i % 100 == 7);
        assert_eq!(offered, vec![3, 7, 107, 207, 307, 400, 407]);
        assert_eq!(left_out, 0);
        let (offered, left_out) = bounded_choices(5, 12, |_| false, |_| true);
        assert_eq!(offered, vec![0, 1, 2, 3, 4]);
        assert_eq!(left_out, 0);
    }
}
