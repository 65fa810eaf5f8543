//! Entry point of the WebAssembly app: reads the link and the saved language, fetches the published
//! data, then mounts the app (`view::start`). The prerendered page stays on screen until then.

#[cfg(target_arch = "wasm32")]
fn main() {
    use policy_analysis::url_state::Lang;
    use policy_explorer::{browser, view};

    console_panic_hook();
    let props = view::AppProps {
        query: browser::current_query(),
        today: {
            let (y, m, d) = browser::today();
            format!("{y:04}-{m:02}-{d:02}")
        },
        saved_lang: browser::load_preference("lang").as_deref().and_then(Lang::from_code),
        saved_datasets: browser::files::load_opened_datasets(),
        display: view::Display {
            large_text: browser::load_preference("large-text").as_deref() == Some("1"),
            high_contrast: browser::load_preference("high-contrast").as_deref() == Some("1"),
        },
        // Fetched below, before the app mounts.
        data: Default::default(),
    };
    // A link straight to an on-demand view fetches its code alongside the data.
    view::prefetch_for(&policy_analysis::url_state::UrlState::parse(&props.query).0);
    let restore_files = !props.saved_datasets.is_empty();
    wasm_bindgen_futures::spawn_local(async move {
        let first = view::start::fetch_data(&props.query, false, restore_files).await;
        let root = gloo::utils::document()
            .get_element_by_id("app")
            .expect("index.html has #app");
        let props = view::start::StartProps { app: props, first };
        yew::Renderer::<view::start::Start>::with_root_and_props(root, props).render();
    });
}

#[cfg(target_arch = "wasm32")]
fn console_panic_hook() {
    policy_explorer::browser::install_panic_screen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in the browser: see README.md (scripts/serve.sh).");
}
