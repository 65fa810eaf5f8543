//! The document's metadata form: locality in both languages, title, 文号, issuer, dates and period,
//! filled in advance with what the text says about itself (`review::Metadata::guess`), each such
//! field marked "据文本推测 / Guessed from the text" with its source while it is the guess.

use yew::prelude::*;

use crate::browser::events::value_of;
use policy_data::lang::Lang;
use policy_review::{MetaField, Metadata};

use super::super::text::tr;
use super::state::{Page, PageAction};

const FIELDS: [(MetaField, &str, &str, &str); 9] = [
    (
        MetaField::LocalityZh,
        "locality-zh",
        "地区(中文,如:清河)",
        "Locality in Chinese (e.g. 清河)",
    ),
    (
        MetaField::LocalityEn,
        "locality-en",
        "地区(英文,如:Qinghe County)",
        "Locality in English (e.g. Qinghe County)",
    ),
    (MetaField::Title, "title", "文件标题", "Title"),
    (
        MetaField::DocNumber,
        "doc-number",
        "文号(可空)",
        "Document number, 文号 (optional)",
    ),
    (MetaField::Issuer, "issuer", "发文机关", "Issuer"),
    (
        MetaField::Issued,
        "issued",
        "发布日期(YYYY-MM-DD,可空)",
        "Issued (YYYY-MM-DD, optional)",
    ),
    (
        MetaField::Published,
        "published",
        "公开日期(YYYY-MM-DD,可空)",
        "Published (YYYY-MM-DD, optional)",
    ),
    (
        MetaField::PeriodStart,
        "period-start",
        "规划期起始年",
        "Period: first year",
    ),
    (MetaField::PeriodEnd, "period-end", "规划期结束年", "Period: last year"),
];

#[derive(Properties, PartialEq)]
pub struct MetaFormProps {
    pub lang: Lang,
    pub page: UseReducerHandle<Page>,
    pub meta: Metadata,
}

/// The metadata form.
#[component]
pub fn MetaForm(props: &MetaFormProps) -> Html {
    let lang = props.lang;
    let fields = FIELDS.iter().map(|&(field, id, zh, en)| {
        let page = props.page.dispatcher();
        let onchange = Callback::from(move |e: Event| page.dispatch(PageAction::Meta(field, value_of(&e))));
        let id = format!("meta-{id}");
        // A field filled from the text says so, and where it was read, until the visitor changes it.
        let guessed = props.meta.guessed(field);
        let note_id = format!("{id}-guess");
        let described = guessed.map(|_| AttrValue::from(note_id.clone()));
        html! {
            <div class="field">
                <label class="field-label" for={id.clone()}>{ tr(lang, zh, en) }</label>
                <input type="text" {id} value={props.meta.get(field).to_string()} {onchange}
                    aria-describedby={described} />
                if let Some(source) = guessed {
                    <small class="muted guess-note" id={note_id}>{ source.note(lang) }</small>
                }
            </div>
        }
    });
    html! {
        <section class="analyse-meta" aria-labelledby="analyse-meta-title">
            <h2 id="analyse-meta-title">{ tr(lang, "文件信息", "About the document") }</h2>
            <p class="muted">{ tr(lang,
                "已根据原文预先填写(标有“据文本推测”),请核对。地区的中英文、标题和发文机关必须填写。",
                "Filled in from the text where it says (marked “Guessed from the text”); please check. The locality in both languages, the title and the issuer are required.") }</p>
            <div class="meta-grid">{ for fields }</div>
        </section>
    }
}
