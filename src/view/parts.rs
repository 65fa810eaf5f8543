//! The parts of the app a first visit does not load: the targets list and the document page
//! (`explore`: home, the first view, needs neither), what home's locality finder finds and its list
//! by province (`home_many`: once a visitor uses them), the comparison (matrix, key differences,
//! its print copy and embed; its charts once it shows), the progress calculator, the chart panel, the page "Analyse a
//! document" (extractor, review, file readers), the files of the download buttons, the dataset-file
//! panel's working part and the dataset-file checker. Each is a split point (`wasm_split` with the `split` feature): a function that hands back
//! the view's render function, or the checker, from a chunk fetched on the first call. Functions
//! named with the same chunk (`compare`; `charts`: the document page's timeline and the
//! comparison's charts, fetched after the comparison shows) travel together; code two chunks
//! share goes into a chunk both fetch. See `super::on_demand` for how they are loaded and shown.

use yew::prelude::*;

use policy_analysis::catalog::Catalog;
use policy_analysis::downloads::{File, Format, Rows};
use policy_analysis::url_state::UrlState;
use policy_data::dataset_file::CheckFile;
use policy_data::model::Dataset;
use policy_data::published::{self, Problem, PublishedData};

use super::chart_panel::{ChartPanel, ChartPanelProps};
use super::compare_charts::CompareChartsProps;
use super::dataset_open::{DatasetOpenProps, DatasetsAction};
use super::on_demand::{Chunk, LoadFailed, Render};
use super::split_data::{Fetched, Few, Reading};

/// Calls a split point: awaited where it is split, called directly where it is not.
#[cfg(feature = "split")]
macro_rules! call {
    ($split_point:ident) => {
        $split_point().await
    };
}
#[cfg(not(feature = "split"))]
macro_rules! call {
    ($split_point:ident) => {
        $split_point()
    };
}

/// A [`Chunk`] loaded through the split point `$split_point`.
macro_rules! chunk {
    ($split_point:ident) => {
        Chunk::new(|| Box::pin(async { call!($split_point) }))
    };
}

/// What home's locality finder finds for the text typed (its props), once the field is used.
pub static HOME_FIND: Chunk<Render<String>> = chunk!(home_find_view);
/// Home's documents that are not cards, by province, once asked for.
pub static HOME_REST: Chunk<Render<()>> = chunk!(home_rest_view);
/// The targets list.
pub static TARGETS: Chunk<Render<()>> = chunk!(targets_view);
/// A document's page: its metadata, targets and text.
pub static DOCUMENT: Chunk<Render<()>> = chunk!(document_view);
/// The comparison page.
pub static COMPARE: Chunk<Render<()>> = chunk!(compare_view);
/// The comparison's charts (one indicator across localities, the timeline), fetched once the
/// comparison shows: the comparison's tables do not wait for the chart code (plotters).
pub static COMPARE_CHARTS: Chunk<Render<CompareChartsProps>> = chunk!(compare_charts);
/// The comparison's cited table for print, under the comparison page.
pub static PRINT_MATRIX: Chunk<Render<()>> = chunk!(print_matrix);
/// The embeddable comparison (`embed=1`).
pub static EMBED: Chunk<Render<()>> = chunk!(embed_view);
/// The progress calculator; its props are today's date.
pub static EVALUATE: Chunk<Render<String>> = chunk!(evaluate_view);
/// A chart with its heading, table switch and download (the document page's timeline).
pub static CHART: Chunk<Render<ChartPanelProps>> = chunk!(chart_panel);
/// The page "Analyse a document": the extractor, the review and the file readers.
pub static ANALYSE: Chunk<Render<()>> = chunk!(analyse_view);
/// What the download buttons give (the CSV writer and the dataset's JSON serializer), fetched on
/// the first click on one.
pub static DOWNLOADS: Chunk<MakeFile> = chunk!(downloads);
/// The dataset-file panel's working part (reading, checking and listing files), fetched when a
/// visitor asks for it or files are open.
pub static DATASET_PANEL: Chunk<Render<DatasetOpenProps>> = chunk!(dataset_panel);
/// The dataset-file checker, needed to open a file or restore the files opened on an earlier visit.
pub static DATASET_CHECK: Chunk<CheckFile> = chunk!(dataset_check);
/// The readers of the published targets (`data/targets.json`, and split by document
/// `data/indicators.json`, `data/targets/<id>.json` and a document's text `data/texts/<id>.json`): home, which needs only the index, does
/// not load the targets' deserializer.
pub static TARGETS_READER: Chunk<ReadTargets> = chunk!(targets_reader);

/// Checks and reads the fetched published targets (`policy_data::published`).
#[derive(Clone, Copy)]
pub struct ReadTargets {
    /// `targets.json`: [`published::parse_targets`].
    pub all: fn(&[u8]) -> Result<Dataset, Problem>,
    /// A few documents' split files: [`super::split_data::read_few`].
    pub few: fn(Few, Fetched) -> Reading<DatasetsAction>,
    /// The start of a view of a few documents: [`super::split_data::read_start`].
    pub start: fn(UrlState, Fetched, bool) -> Reading<PublishedData>,
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(home_many, fallible))]
fn home_find_view() -> Result<Render<String>, LoadFailed> {
    Ok(|typed| html! { <super::home_find::Found typed={typed.clone()} /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(home_many, fallible))]
fn home_rest_view() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::home_rest::ByProvince /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(explore, fallible))]
fn targets_view() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::list_gate::ListGate><super::targets::TargetsView /></super::list_gate::ListGate> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(explore, fallible))]
fn document_view() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::document_view::DocumentView /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(compare, fallible))]
fn compare_view() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::list_gate::ListGate><super::compare_view::CompareView /></super::list_gate::ListGate> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(charts, fallible))]
fn compare_charts() -> Result<Render<CompareChartsProps>, LoadFailed> {
    Ok(|props| html! { <super::compare_charts::CompareCharts matrix={props.matrix.clone()} /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(compare, fallible))]
fn print_matrix() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::cited_matrix::CitedMatrix id="print-matrix" /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(compare, fallible))]
fn embed_view() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::embed_view::EmbedView /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(evaluate, fallible))]
fn evaluate_view() -> Result<Render<String>, LoadFailed> {
    Ok(|today| html! { <super::evaluate_view::EvaluateView today={today.clone()} /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(charts, fallible))]
fn chart_panel() -> Result<Render<ChartPanelProps>, LoadFailed> {
    Ok(|props| html! { <ChartPanel ..props.clone() /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(analyse, fallible))]
fn analyse_view() -> Result<Render<()>, LoadFailed> {
    Ok(|_| html! { <super::analyse::AnalyseView /> })
}

/// Makes a download's file: [`policy_analysis::downloads::file`].
pub type MakeFile = fn(&Catalog, &Rows, Format) -> File;

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(downloads, fallible))]
fn downloads() -> Result<MakeFile, LoadFailed> {
    Ok(policy_analysis::downloads::file)
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(dataset_panel, fallible))]
fn dataset_panel() -> Result<Render<DatasetOpenProps>, LoadFailed> {
    Ok(|props| html! { <super::dataset_open::DatasetPanel ..props.clone() /> })
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(dataset_check, fallible))]
fn dataset_check() -> Result<CheckFile, LoadFailed> {
    Ok(policy_data::dataset_file::open)
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(targets_reader, fallible))]
fn targets_reader() -> Result<ReadTargets, LoadFailed> {
    Ok(ReadTargets {
        all: published::parse_targets,
        few: super::split_data::read_few,
        start: super::split_data::read_start,
    })
}

/// Starts fetching what the view a link opens will need, alongside the data, so that a link
/// straight to the comparison or the calculator shows it as soon as the app starts.
pub fn prefetch_for(state: &policy_analysis::url_state::UrlState) {
    use policy_analysis::url_state::View;
    fn fetch<T: Copy + 'static>(chunk: &'static Chunk<T>) {
        yew::platform::spawn_local(async move {
            let _ = chunk.load().await;
        });
    }
    if state.needs_targets() {
        fetch(&TARGETS_READER);
    }
    if state.embed {
        fetch(&EMBED);
        return;
    }
    match state.view {
        // Not the comparison's charts: they come after its tables, not competing with them.
        View::Compare => fetch(&COMPARE),
        View::Evaluate => fetch(&EVALUATE),
        View::Document => {
            fetch(&DOCUMENT);
            fetch(&CHART);
        }
        View::Targets => fetch(&TARGETS),
        View::Analyse => fetch(&ANALYSE),
        View::Home => {}
    }
}
