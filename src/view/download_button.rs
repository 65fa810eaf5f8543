//! A download button (the list's CSV and JSON, the whole dataset's): the file is made by the
//! `downloads` chunk (`parts::DOWNLOADS`), fetched on the first click; later clicks make it at once.
//! If the chunk cannot be fetched, a message says so next to the button and a new click tries again.

use yew::prelude::*;

use policy_analysis::downloads::{Format, Rows};

use super::context::use_app;
use super::parts::DOWNLOADS;
use super::text::tr;

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    pub id: AttrValue,
    pub rows: Rows,
    pub format: Format,
    pub label: AttrValue,
}

#[component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let failed = use_state(|| false);
    let onclick = {
        let (catalog, rows, format, failed) = (app.catalog.clone(), props.rows.clone(), props.format, failed.clone());
        Callback::from(move |_: MouseEvent| {
            let save = {
                let (catalog, rows) = (catalog.clone(), rows.clone());
                move |make: crate::view::parts::MakeFile| {
                    let file = make(&catalog, &rows, format);
                    crate::browser::download_text(&file.name, file.mime, &file.content);
                }
            };
            match DOWNLOADS.ready() {
                Some(make) => save(make),
                None => {
                    let failed = failed.clone();
                    yew::platform::spawn_local(async move {
                        match DOWNLOADS.load().await {
                            Ok(make) => {
                                failed.set(false);
                                save(make);
                            }
                            Err(_) => failed.set(true),
                        }
                    });
                }
            }
        })
    };
    html! {
        <>
            <button type="button" class="button" id={props.id.clone()} {onclick}>{ props.label.clone() }</button>
            if *failed {
                <span class="notice" role="alert">{ tr(lang,
                    "下载所需的程序未能加载。请检查网络后再点一次。",
                    "The download could not be prepared: part of the site did not load. Check the connection and press again.") }</span>
            }
        </>
    }
}
