//! Site header: product name in both languages, the main navigation, the language switch and the
//! text-size switch.

use yew::prelude::*;

use policy_analysis::url_state::{Action, Lang, View};

use super::app::Display;
use super::context::use_app;
use super::link::action_link;
use super::text::tr;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
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
        View::Analyse => tr(lang, "分析新文件", "Analyse a document"),
    }
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let nav_items = View::ALL.into_iter().map(|view| {
        let current = app.state.view == view;
        html! {
            <li>{ action_link(&app, Action::Show(view), "nav-link", current, view_name(lang, view)) }</li>
        }
    });
    let other_lang = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch_lang = app.on_event::<MouseEvent>(Action::SetLang(other_lang));
    let display = props.display;
    let toggle = |flip: fn(Display) -> Display| {
        let on_display = props.on_display.clone();
        Callback::from(move |_: MouseEvent| on_display.emit(flip(display)))
    };
    let toggle_large = toggle(|d| Display {
        large_text: !d.large_text,
        ..d
    });
    let toggle_contrast = toggle(|d| Display {
        high_contrast: !d.high_contrast,
        ..d
    });
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
