//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted from a link shows
//! what the link asks for, and reacts to input.
#![cfg(target_arch = "wasm32")]

use policy_explorer::view::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(query: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        query: query.to_string(),
        data: policy_data::published::PublishedData::bundled(),
        ..Default::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Waits until Yew has rendered everything pending (and the effects that followed).
async fn settle() {
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_search_link_lists_the_class_size_caps() {
    let root = mount("v=targets&q=%E7%8F%AD%E9%A2%9D");
    settle().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("盘锦") && text.contains("青白江"), "{text}");
    assert!(root.query_selector_all(".target-row").unwrap().length() >= 4);
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_updates_the_count() {
    let root = mount("v=targets");
    settle().await;
    let count_before = root
        .query_selector("#result-count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let input: web_sys::HtmlInputElement = root.query_selector("#search").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("學位");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
    let count_after = root
        .query_selector("#result-count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_ne!(count_before, count_after);
    assert!(
        root.query_selector("mark.hit").unwrap().is_some(),
        "matches are highlighted"
    );
}

#[wasm_bindgen_test]
async fn the_english_switch_translates_the_interface() {
    let root = mount("lang=en");
    settle().await;
    let heading = root.query_selector("h1").unwrap().unwrap().text_content().unwrap();
    assert_eq!(heading, "What cities promised for education, at a glance");
}

#[wasm_bindgen_test]
async fn the_crash_screen_replaces_the_app_with_a_reload_link() {
    // What the panic hook draws (`install_panic_screen` calls this after logging the message):
    // tested directly, since a panic would end the test run itself.
    let document = gloo::utils::document();
    let app = document.create_element("div").unwrap();
    app.set_id("app");
    document.body().unwrap().append_child(&app).unwrap();
    let props = AppProps {
        query: "v=targets".into(),
        ..Default::default()
    };
    yew::Renderer::<App>::with_root_and_props(app.clone(), props).render();
    settle().await;
    assert!(app.query_selector(".site-header").unwrap().is_some());

    policy_explorer::browser::show_crash_screen();
    let screen = app.query_selector(".crash").unwrap().expect("error screen shown");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(app.child_element_count(), 1, "only the error screen is left");
    let text = screen.text_content().unwrap_or_default();
    assert!(
        text.contains("页面出错了") && text.contains("Something went wrong"),
        "{text}"
    );
    let reload = app.query_selector("#crash-reload").unwrap().expect("reload link");
    let href = reload.get_attribute("href").unwrap_or_default();
    assert!(!href.is_empty(), "the reload link points at the current address");
    app.remove();
}

/// Home started from an index of 60 documents (the bundled five, renamed twelve times over, in
/// three provinces): more documents than cards.
fn mount_many() -> web_sys::Element {
    let bundled = policy_analysis::summary::index_of(policy_data::bundled::dataset());
    let provinces = [("广东省", "Guangdong"), ("辽宁省", "Liaoning"), ("四川省", "Sichuan")];
    let mut index = bundled.clone();
    index.documents = (0..60)
        .map(|k| {
            let mut summary = bundled.documents[k % bundled.documents.len()].clone();
            summary.document.id = format!("city-{k}");
            summary.document.locality = policy_data::model::Bilingual {
                zh: format!("第{k}号市"),
                en: format!("Town{k}"),
            };
            let (zh, en) = provinces[k % 3];
            summary.document.province = policy_data::model::Bilingual {
                zh: zh.into(),
                en: en.into(),
            };
            summary
        })
        .collect();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        data: policy_data::published::PublishedData::from_index(index),
        ..Default::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn home_from_the_index_finds_a_place_by_name_or_pinyin_and_lists_the_rest_by_province() {
    let root = mount_many();
    settle().await;
    assert_eq!(
        root.query_selector_all(".doc-card").unwrap().length(),
        12,
        "a dozen cards"
    );
    assert!(
        root.query_selector("#home-find-results").unwrap().is_none(),
        "no results before typing"
    );
    // By Chinese name: one document.
    type_into(&root, "#home-find", "第37号");
    settle().await;
    let results = root
        .query_selector("#home-find-results")
        .unwrap()
        .expect("results listed");
    assert_eq!(results.query_selector_all("li").unwrap().length(), 1);
    let link = results.query_selector("a").unwrap().expect("a link to its targets");
    assert!(link.get_attribute("href").unwrap_or_default().contains("city-37"));
    assert_eq!(text_of(&root, "#home-find-status"), "找到 1 处。");
    // By pinyin, folded: the same document.
    type_into(&root, "#home-find", "town37");
    settle().await;
    let results = root.query_selector("#home-find-results").unwrap().unwrap();
    assert_eq!(results.query_selector_all("li").unwrap().length(), 1);
    // By province: more than the list holds, and the status says so.
    type_into(&root, "#home-find", "辽宁");
    settle().await;
    let status = text_of(&root, "#home-find-status");
    assert!(status.starts_with("找到 20 处"), "{status}");
    // Nothing found: a hint, no list items.
    type_into(&root, "#home-find", "杭州");
    settle().await;
    let status = text_of(&root, "#home-find-status");
    assert!(status.contains("没有找到"), "{status}");
    // The documents that are not cards, by province.
    let button: web_sys::HtmlElement = root
        .query_selector("#show-all-documents")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    let groups = root.query_selector_all(".province-group").unwrap();
    assert_eq!(groups.length(), 3, "three provinces");
    let headings: Vec<String> = (0..groups.length())
        .map(|i| {
            groups
                .item(i)
                .unwrap()
                .dyn_into::<web_sys::Element>()
                .unwrap()
                .query_selector("h3")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(headings[0], "广东省(16)", "{headings:?}");
    root.remove();
}
