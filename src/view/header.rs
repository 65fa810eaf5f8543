//! Site header: product name in both languages, the main navigation, the language switch and the
//! text-size switch.

use yew::prelude::*;

use crate::analysis::url_state::{Lang, UrlState, View};

use super::app::{Context, Display};
use super::text::tr;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub context: Context,
    pub display: Display,
    pub on_display: Callback<Display>,
}

fn view_name(lang: Lang, view: View) -> &'static str {
    match view {
        View::Home => tr(lang, "首页", "Home"),
        View::Targets => tr(lang, "目标", "Targets"),
        View::Document => tr(lang, "原文", "Documents"),
        View::Compare => tr(lang, "对比", "Compare"),
        View::Evaluate => tr(lang, "进度测算", "Progress"),
    }
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let Context { state, navigate, .. } = props.context.clone();
    let lang = state.lang;
    let nav_items = View::ALL.into_iter().map(|view| {
        let target = UrlState { view, ..state.clone() };
        let href = format!("?{}", target.to_query());
        let onclick = {
            let navigate = navigate.clone();
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                navigate.emit(target.clone());
            })
        };
        let current = (state.view == view).then_some("page");
        html! {
            <li><a href={href} {onclick} aria-current={current} class="nav-link">{ view_name(lang, view) }</a></li>
        }
    });
    let switch_lang = {
        let state = state.clone();
        let navigate = navigate.clone();
        Callback::from(move |_| {
            let lang = if state.lang == Lang::Zh { Lang::En } else { Lang::Zh };
            navigate.emit(UrlState { lang, ..state.clone() });
        })
    };
    let display = props.display;
    let toggle_large = {
        let on_display = props.on_display.clone();
        Callback::from(move |_| {
            on_display.emit(Display {
                large_text: !display.large_text,
                ..display
            })
        })
    };
    let toggle_contrast = {
        let on_display = props.on_display.clone();
        Callback::from(move |_| {
            on_display.emit(Display {
                high_contrast: !display.high_contrast,
                ..display
            })
        })
    };
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="brand-zh" lang="zh-Hans">{ "教育政策目标查询" }</p>
                <p class="brand-en" lang="en">{ "Education Policy Target Explorer" }</p>
            </div>
            <div class="header-tools">
                <button type="button" class="button" id="lang-switch" onclick={switch_lang}
                    lang={if lang == Lang::Zh { "en" } else { "zh-Hans" }}>
                    { if lang == Lang::Zh { "English" } else { "中文" } }
                </button>
                <button type="button" class="button" id="text-size" aria-pressed={display.large_text.to_string()}
                    onclick={toggle_large}>
                    { tr(lang, "大字", "Large text") }
                </button>
                <button type="button" class="button" id="contrast" aria-pressed={display.high_contrast.to_string()}
                    onclick={toggle_contrast}>
                    { tr(lang, "高对比", "High contrast") }
                </button>
            </div>
            <nav aria-label={tr(lang, "主导航", "Main")}>
                <ul class="nav">{ for nav_items }</ul>
            </nav>
        </header>
    }
}
