//! Files the visitor opens (file picker or drag and drop), read as bytes, and the opened dataset
//! files kept in local storage so that they survive a reload.

use wasm_bindgen::JsCast;

use gloo::file::FileReadError;

use policy_analysis::library::SavedFile;
use policy_data::dataset_file::ReadFailure;

/// Local-storage key of the opened dataset files (a JSON list of `{name, text}`).
pub const STORAGE_KEY: &str = "policy-explorer.opened-datasets";

/// A file the visitor picked or dropped, as the browser hands it over.
pub type File = web_sys::File;

/// The files chosen in the `<input type=file>` that fired `event`. The input is cleared so that
/// choosing the same file again fires again.
pub fn files_from_input(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map(list).unwrap_or_default();
    input.set_value("");
    files
}

/// The files dropped by `event`.
pub fn files_from_drop(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    event
        .data_transfer()
        .and_then(|d| d.files())
        .map(list)
        .unwrap_or_default()
}

fn list(files: web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads every file, then calls `done` once with each file's name and bytes (or why it could not be read).
pub fn read_files(files: Vec<web_sys::File>, done: impl FnOnce(Vec<(String, Result<Vec<u8>, ReadFailure>)>) + 'static) {
    yew::platform::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let file = gloo::file::File::from(file);
            let bytes = gloo::file::futures::read_as_bytes(&file).await.map_err(|e| match e {
                FileReadError::AbortedEarly => ReadFailure::Aborted,
                FileReadError::NotFound(_) => ReadFailure::NotFound,
                FileReadError::NotReadable(_) => ReadFailure::NotReadable,
                FileReadError::Security(_) => ReadFailure::Security,
            });
            read.push((file.name(), bytes));
        }
        done(read);
    });
}

/// The opened files kept from earlier visits. A stored value that cannot be read comes back as one
/// file named after the key, so that it is checked, refused and reported like any bad file.
pub fn load_opened_datasets() -> Vec<SavedFile> {
    let Some(raw) = super::storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten()) else {
        return Vec::new();
    };
    // from_slice, like every other read: one serde_json reader type in the module.
    serde_json::from_slice(raw.as_bytes()).unwrap_or_else(|_| {
        vec![SavedFile {
            name: STORAGE_KEY.to_string(),
            text: raw,
        }]
    })
}

/// Keeps `files` for the next visit; false when the browser refuses (storage full or disabled).
pub fn save_opened_datasets(files: &[SavedFile]) -> bool {
    let Some(storage) = super::storage() else {
        return false;
    };
    if files.is_empty() {
        return storage.remove_item(STORAGE_KEY).is_ok();
    }
    serde_json::to_string(files).is_ok_and(|json| storage.set_item(STORAGE_KEY, &json).is_ok())
}
