//! Which targets the calculator offers: those that state a value and are not forecasts.

use crate::catalog::Catalog;
use policy_data::model::{Kind, Target};

/// True when the calculator offers `target`: it states a value and is not a labelled forecast
/// (预测). A target offered may still be one [`super::evaluate`] cannot evaluate (a percentage
/// above 100, a zero amount); it then says why.
pub fn is_evaluable(target: &Target) -> bool {
    target.value.is_some() && target.kind != Kind::Projection
}

/// The catalogue rows (indexes into `catalog.rows`) of the targets the calculator offers, in
/// catalogue order.
pub fn evaluable_rows(catalog: &Catalog) -> Vec<usize> {
    (0..catalog.rows.len())
        .filter(|&i| is_evaluable(catalog.target(catalog.rows[i])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::test_support::target;
    use policy_data::bundled;
    use policy_data::model::Comparator;

    #[test]
    fn a_target_is_offered_when_it_states_a_value_and_is_no_forecast() {
        let stated = target(Comparator::AtLeast, Some(90.0), "%");
        assert!(is_evaluable(&stated));
        assert!(!is_evaluable(&target(Comparator::AtLeast, None, "%")));
        let mut forecast = stated.clone();
        forecast.kind = Kind::Projection;
        assert!(!is_evaluable(&forecast));
        let mut milestone = target(Comparator::None, None, "%");
        milestone.kind = Kind::Milestone;
        assert!(!is_evaluable(&milestone));
    }

    #[test]
    fn the_bundled_catalogue_offers_its_valued_targets_in_order() {
        let catalog = Catalog::new(bundled::dataset().clone(), Default::default());
        let rows = evaluable_rows(&catalog);
        assert!(!rows.is_empty());
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "catalogue order");
        let offered = |i: usize| is_evaluable(catalog.target(catalog.rows[i]));
        assert!(rows.iter().all(|&i| offered(i)));
        let left_out = (0..catalog.rows.len()).filter(|i| !rows.contains(i));
        assert!(left_out.clone().all(|i| !offered(i)));
        assert!(left_out.count() > 0, "the bundled data has targets without a value");
    }
}
