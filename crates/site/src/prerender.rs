//! Build-time HTML of the first views (native only): the home page and each document's reader are
//! rendered with Yew's server-side renderer and put inside `#app` of Trunk's `index.html`, so the
//! text shows before the WebAssembly arrives and can be read without JavaScript.
//!
//! Each document gets a page of its own next to `index.html` (`doc-<id>.html`): the same head
//! (Content-Security-Policy, Subresource Integrity, relative asset paths) and the same boot script,
//! so it works from any folder of any static host. `#app` carries the query its content was rendered
//! for (`data-prerendered`); `static/boot.js` reads it to give the running app the matching link, and
//! hides the content when the link asks for another view. The app does not hydrate: it renders
//! client-side and Yew replaces `#app`'s children when it mounts (see ARCHITECTURE.md, "Prerendered
//! pages", for why).

use policy_explorer::view::{App, AppProps};

/// The `<div id="app">` element Trunk's `index.html` holds.
const APP_OPEN: &str = "<div id=\"app\">";
/// The loading line of `index.html`: pointless above content that is already there.
const BOOT_LINE_START: &str = "<p id=\"boot\"";

/// File name (next to `index.html`) of the prerendered reader of document `id`.
pub fn document_file(id: &str) -> String {
    format!("doc-{id}.html")
}

/// The query string of the reader of document `id`, as the app writes it.
pub fn document_query(id: &str) -> String {
    format!("v=doc&doc={id}")
}

/// Renders the app for `query` as it first shows with no saved preferences and no opened files.
pub async fn render(query: &str) -> String {
    let props = AppProps {
        query: query.to_string(),
        ..Default::default()
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Points the rendered links to a document's reader at that document's prerendered page, so they
/// work without JavaScript (with it, the app's own links replace these when it takes over).
pub fn link_document_pages(body: &str, ids: &[String]) -> String {
    ids.iter().fold(body.to_string(), |html, id| {
        html.replace(
            &format!("href=\"?v=doc&amp;doc={id}\""),
            &format!("href=\"{}\"", document_file(id)),
        )
    })
}

/// Marks the rendered app's root as built-in content (`class="app prerendered"`), so a test or a
/// stylesheet can tell it from the running app's.
pub fn mark_prerendered(body: &str) -> String {
    body.replacen("<div class=\"app\">", "<div class=\"app prerendered\">", 1)
}

/// `template` (Trunk's built `index.html`) with `body` inside `#app`, after the `<noscript>` note,
/// the loading line removed and `#app` marked with the query `body` was rendered for.
pub fn inject(template: &str, body: &str, query: &str) -> Result<String, String> {
    let open = template.find(APP_OPEN).ok_or("index.html lacks <div id=\"app\">")?;
    let inner_start = open + APP_OPEN.len();
    let noscript_end = template[inner_start..]
        .find("</noscript>")
        .map(|at| inner_start + at + "</noscript>".len())
        .ok_or("index.html lacks the <noscript> note inside #app")?;
    let mut before = template[inner_start..noscript_end].to_string();
    if let Some(start) = before.find(BOOT_LINE_START) {
        let end = before[start..]
            .find("</p>")
            .map(|at| start + at + "</p>".len())
            .ok_or("the loading line is not closed")?;
        before.replace_range(start..end, "");
    }
    let marked = format!(
        "<div id=\"app\" data-prerendered=\"{}\">",
        query.replace('&', "&amp;").replace('"', "&quot;")
    );
    Ok(format!(
        "{}{}{}{}{}",
        &template[..open],
        marked,
        before.trim_start(),
        body,
        &template[noscript_end..]
    ))
}

/// The data preload of the site's main page (home starts from the index).
const INDEX_PRELOAD: &str = r#"<link rel="preload" href="data/index.json" as="fetch" crossorigin="anonymous" />"#;
/// A preload of the published file `href`, as index.html writes its own.
fn preload(href: &str) -> String {
    format!(r#"<link rel="preload" href="{href}" as="fetch" crossorigin="anonymous" />"#)
}

/// `page` preloading the data its first view fetches: home's index for home (`document` none);
/// for a document's page, which shows that document's targets and text only, the index, the
/// indicator catalogue and the document's own targets and text (`policy_data::by_document`), as the
/// app fetches them. An error if the page has no index preload to add to.
fn preload_for(page: &str, document: Option<&str>) -> Result<String, String> {
    if !page.contains(INDEX_PRELOAD) {
        return Err(format!("index.html has no `{INDEX_PRELOAD}`"));
    }
    Ok(match document {
        None => page.to_string(),
        Some(id) => {
            let more = [
                policy_data::by_document::INDICATORS_URL.to_string(),
                policy_data::by_document::document_targets_url(id),
                policy_data::by_document::document_text_url(id),
            ]
            .map(|href| preload(&href))
            .join("\n");
            page.replacen(INDEX_PRELOAD, &format!("{INDEX_PRELOAD}\n{more}"), 1)
        }
    })
}

/// Writes the home page into `dir/index.html` and, with `document_pages`, one page per document
/// of `dir/data/targets.json` beside it. Returns how many pages were written.
pub fn write_pages(dir: &std::path::Path, document_pages: bool) -> Result<usize, String> {
    let index = dir.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if template.contains("data-prerendered") {
        return Err(format!("{} is already prerendered", index.display()));
    }
    // The published dataset next to the pages names the documents (the same file the app shows).
    let data = dir.join("data").join("targets.json");
    let dataset: policy_data::model::Dataset =
        serde_json::from_str(&std::fs::read_to_string(&data).map_err(|e| format!("{}: {e}", data.display()))?)
            .map_err(|e| format!("{}: {e}", data.display()))?;
    let ids: Vec<String> = dataset
        .documents
        .iter()
        .map(|entry| entry.document.id.clone())
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let pages = std::iter::once(None).chain(ids.iter().filter(|_| document_pages).map(|id| Some(id.as_str())));
    let mut count = 0;
    for document in pages {
        let (query, file) = match document {
            Some(id) => (document_query(id), document_file(id)),
            None => (String::new(), "index.html".to_string()),
        };
        let body = mark_prerendered(&link_document_pages(&runtime.block_on(render(&query)), &ids));
        let page = preload_for(&inject(&template, &body, &query)?, document)?;
        std::fs::write(dir.join(&file), page).map_err(|e| format!("{file}: {e}"))?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_preloads_the_index_and_a_document_s_page_its_own_targets() {
        let page = format!("<head>{INDEX_PRELOAD}</head>");
        assert_eq!(preload_for(&page, None).unwrap(), page);
        let document = preload_for(&page, Some("sihui-2022")).unwrap();
        for href in [
            "data/index.json",
            "data/indicators.json",
            "data/targets/sihui-2022.json",
        ] {
            assert!(document.contains(&preload(href)), "{href}: {document}");
        }
        assert!(!document.contains("data/targets.json"), "not every target: {document}");
        assert!(!document.contains("data/texts.json"), "not every text: {document}");
        assert_eq!(preload(policy_data::published::INDEX_URL), INDEX_PRELOAD);
        assert!(
            preload_for("<head></head>", None).is_err(),
            "a template without the preload is refused"
        );
    }

    #[test]
    fn the_site_template_has_the_index_preload() {
        let template = include_str!("../../../index.html");
        assert!(template.contains(INDEX_PRELOAD));
    }
}
