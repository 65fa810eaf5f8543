//! The list of problems of a refused file: file, document, target, field and message each (a
//! `data::message::Message` in the page's language, what it quotes from the file set as code), the
//! first [`SHOWN_ERRORS`] listed and the rest counted.

use yew::prelude::*;

use policy_data::dataset_file::FileError;
use policy_data::lang::Lang;
use policy_data::message::{Message, Part};

use super::super::text::tr;

/// Problems listed at most; the rest are counted.
const SHOWN_ERRORS: usize = 100;

/// The problems of a refused file: file, document, target, field and message each.
pub(super) fn error_list(lang: Lang, errors: &[FileError]) -> Html {
    let heading = match lang {
        Lang::Zh => format!("文件未能打开,发现 {} 个问题(当前页面和输入保持不变):", errors.len()),
        Lang::En => format!(
            "The file was not opened: {} problems (the current page and inputs are unchanged):",
            errors.len()
        ),
    };
    let rows = errors.iter().take(SHOWN_ERRORS).map(|e| {
        let part = |label: &'static str, value: Option<&str>| match value {
            Some(v) if !v.is_empty() => {
                html! { <><span class="error-label">{ label }</span><code>{ v.to_string() }</code>{ " " }</> }
            }
            _ => html! {},
        };
        html! {
            <li class="file-error">
                { part(tr(lang, "文件", "File"), Some(&e.file)) }
                { part(tr(lang, "文档", "Document"), e.document.as_deref()) }
                { part(tr(lang, "目标", "Target"), e.target.as_deref()) }
                { part(tr(lang, "字段", "Field"), Some(&e.field)) }
                <span class="error-message">{ message(e.words(lang)) }</span>
            </li>
        }
    });
    let more = errors.len().saturating_sub(SHOWN_ERRORS);
    html! {
        <div class="file-errors" id="dataset-errors" role="alert" tabindex="-1">
            <h3>{ heading }</h3>
            <ul>{ for rows }</ul>
            if more > 0 {
                <p>{ match lang { Lang::Zh => format!("另有 {more} 个问题未列出。"), Lang::En => format!("{more} more not listed.") } }</p>
            }
        </div>
    }
}

/// A message's words, its parts quoted from the file set as code.
fn message(words: &Message) -> Html {
    words
        .parts()
        .iter()
        .map(|part| match part {
            Part::Text(text) => html! { { text.clone() } },
            Part::Code(code) => html! { <code>{ code.clone() }</code> },
        })
        .collect()
}
