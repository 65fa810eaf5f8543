//! The documents' texts, fetched once a view needs them (`data/texts.json`), checked against this
//! build's fingerprint and handed to the library; a failure keeps the status for a retry.

use yew::prelude::*;

use policy_data::published;

use super::super::dataset_open::{DatasetsAction, DatasetsState};
use super::super::texts_status::{TextsState, TextsStatus};

/// The texts' status. `present` says whether the texts came with the data; otherwise they are
/// fetched the first time `needed` is true.
#[hook]
pub fn use_texts(present: bool, needed: bool, datasets: UseReducerHandle<DatasetsState>) -> TextsState {
    let status = use_state(|| match present {
        true => TextsStatus::Ready,
        false => TextsStatus::Waiting,
    });
    let attempt = use_state(|| 0u32);
    {
        let status = status.clone();
        use_effect_with((needed, *attempt), move |(needed, attempt)| {
            if *needed && *status == TextsStatus::Waiting {
                status.set(TextsStatus::Loading);
                let reload = *attempt > 0;
                yew::platform::spawn_local(async move {
                    let fetched = crate::browser::fetch::fetch_bytes(published::TEXTS_URL, reload).await;
                    let parsed = fetched
                        .map_err(published::Problem::Fetch)
                        .and_then(|bytes| published::parse_texts(&bytes));
                    match parsed {
                        Ok(texts) => {
                            datasets.dispatch(DatasetsAction::Texts(texts));
                            status.set(TextsStatus::Ready);
                        }
                        Err(problem) => status.set(TextsStatus::Failed(problem)),
                    }
                });
            }
            || ()
        });
    }
    let retry = {
        let status = status.clone();
        let attempt = attempt.clone();
        use_callback(*attempt, move |(), current| {
            status.set(TextsStatus::Waiting);
            attempt.set(*current + 1);
        })
    };
    TextsState {
        status: (*status).clone(),
        retry,
    }
}
