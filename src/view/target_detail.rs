//! The opened target: verbatim quote, section, responsible units, baseline, note, an honest mark
//! where the value is an interpretation of a damaged source, and links to the sentence in the text
//! and to the progress calculator.

use yew::prelude::*;

use crate::site::CORRECTIONS_EMAIL;
use policy_analysis::catalog::Row;
use policy_analysis::corrections::report_link;
use policy_analysis::url_state::Action;

use super::context::use_app;
use super::copy_citation::CopyCitation;
use super::highlight::highlighted;
use super::link::action_link;
use super::text::{binding_name, date_label, grouped, kind_name, lang_parts, pick, quote_lang, tr};

#[derive(Properties, PartialEq)]
pub struct TargetDetailProps {
    pub row: usize,
    pub terms: Vec<String>,
}

#[component]
pub fn TargetDetail(props: &TargetDetailProps) -> Html {
    let app = use_app();
    let (catalog, lang) = (&app.catalog, app.lang());
    let row: Row = catalog.rows[props.row];
    let (doc, target) = (catalog.document(row), catalog.target(row));
    let indicator = catalog.indicator(&target.indicator);
    let baseline = target.baseline.map(|b| match b.year {
        Some(year) => format!("{} ({year})", grouped(b.value)),
        None => grouped(b.value),
    });
    let page = app.href(Action::SelectTarget(target.id.clone()));
    let report = report_link(CORRECTIONS_EMAIL, &catalog.dataset.version, doc, target, &page);
    html! {
        <div class="target-detail" id={format!("detail-{}", target.id)}>
            <blockquote class="quote" lang={quote_lang(doc)}>{ highlighted(&target.quote, &props.terms) }</blockquote>
            if target.garbled {
                <p class="garbled" role="note">
                    <strong>{ tr(lang, "注意:原网页此处丢失了字符,数值为本站的解读。", "Caution: the web page lost characters here; the value is our interpretation.") }</strong>
                </p>
            }
            <dl class="meta">
                <dt>{ tr(lang, "出处", "Source") }</dt>
                // As Chinese reporting cites a document: issuer, 《title》, 文号, date written, section.
                <dd class="source-line">
                    <span lang={quote_lang(doc)}>{ &doc.issuer }</span>{ " " }
                    <cite lang={quote_lang(doc)}>{ format!("《{}》", doc.title) }</cite>
                    if let Some(number) = &doc.doc_number {
                        { "(" }<span lang={quote_lang(doc)} class="doc-number">{ number }</span>{ ")" }
                    }
                    if let Some(issued) = &doc.issued {
                        { " · " }{ tr(lang, "成文日期 ", "issued ") }{ date_label(lang, issued) }
                    }
                    { " · " }<span lang={quote_lang(doc)}>{ &target.section }</span>
                </dd>
                if let Some(indicator) = indicator {
                    <dt>{ tr(lang, "指标", "Indicator") }</dt><dd>{ lang_parts(lang, pick(lang, &indicator.name)) }</dd>
                }
                <dt>{ tr(lang, "类型", "Kind") }</dt>
                <dd>{ format!("{} · {}", kind_name(lang, target.kind), binding_name(lang, target.binding)) }</dd>
                if let Some(deadline) = &target.deadline_text {
                    <dt>{ tr(lang, "时限原文", "Deadline as written") }</dt><dd lang={quote_lang(doc)}>{ deadline }</dd>
                }
                if let Some(scope) = &target.scope {
                    <dt>{ tr(lang, "范围", "Scope") }</dt><dd>{ lang_parts(lang, pick(lang, scope)) }</dd>
                }
                <dt>{ tr(lang, "责任单位", "Responsible") }</dt>
                if target.responsible.is_empty() {
                    <dd>{ tr(lang, "原文未列明", "not named in the text") }</dd>
                } else {
                    <dd lang={quote_lang(doc)}>{ target.responsible.join("、") }</dd>
                }
                <dt>{ tr(lang, "基线", "Baseline") }</dt>
                <dd>{ baseline.unwrap_or_else(|| tr(lang, "原文未给出", "not stated").to_string()) }</dd>
                if let Some(note) = &target.note {
                    <dt>{ tr(lang, "说明", "Note") }</dt><dd>{ lang_parts(lang, pick(lang, note)) }</dd>
                }
                <dt>{ tr(lang, "编号", "Id") }</dt><dd><code>{ &target.id }</code></dd>
            </dl>
            <p class="card-actions">
                <CopyCitation target_ids={vec![target.id.clone()]} />
                <a class="button" href={report} rel="nofollow">{ tr(lang, "报告错误", "Report an error") }</a>
                { action_link(&app, Action::ReadTarget(target.id.clone()), "button", false, tr(lang, "在原文中查看", "Show in the text")) }
                { action_link(&app, Action::Evaluate(target.id.clone()), "button", false, tr(lang, "测算进度", "Check progress")) }
            </p>
        </div>
    }
}
