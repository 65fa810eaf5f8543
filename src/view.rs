//! Yew components. They only arrange and display: every decision and calculation comes from
//! `analysis` and `data`, and browser access goes through `browser`.

mod analyse;
pub mod app;
mod chart_panel;
mod cited_matrix;
mod compare_charts;
mod compare_view;
pub mod context;
mod copy_citation;
mod dataset_open;
mod document_line;
mod document_view;
mod download_button;
mod embed_frame;
mod embed_view;
mod evaluate_view;
mod export_bar;
mod filters;
mod footer;
mod header;
mod highlight;
mod home;
mod home_find;
mod home_more;
mod home_rest;
mod hooks;
mod link;
mod list_gate;
mod on_demand;
mod parts;
mod split_data;
pub mod start;
mod target_detail;
mod targets;
pub mod text;
mod texts_status;

pub use app::{App, AppProps, Display};
pub use parts::prefetch_for;
