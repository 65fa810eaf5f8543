//! Fetching the published data files from the site itself (same origin, as the page's
//! Content-Security-Policy `connect-src 'self'` allows). A request the network could not answer
//! while the browser is offline (`navigator.onLine` false) is [`Problem::Offline`]: the service
//! worker did not have the file, so it needs a connection.

use policy_data::published::Problem;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

/// The bytes of `url` (relative to the page). `reload` bypasses the HTTP cache (a retry after a
/// stale copy). The error is [`Problem::Offline`], or [`Problem::Fetch`] with a short reason for
/// the message the visitor sees.
pub async fn fetch_bytes(url: &str, reload: bool) -> Result<Vec<u8>, Problem> {
    bytes_of(request(url, reload)).await
}

/// The bytes of every one of `urls`, in order, each as [`fetch_bytes`] gives it. The requests
/// start when this is called, all at once, not when the result is awaited.
pub fn fetch_all(urls: &[String], reload: bool) -> impl std::future::Future<Output = Vec<Result<Vec<u8>, Problem>>> {
    let started: Vec<_> = urls.iter().map(|url| request(url, reload)).collect();
    async move {
        let mut out = Vec::with_capacity(started.len());
        for response in started {
            out.push(bytes_of(response).await);
        }
        out
    }
}

/// Starts the request for `url`. Its outcome is awaited at once (a `JsFuture` attaches its
/// handlers when made), so a request that fails while an earlier one is awaited is never an
/// unhandled rejection.
fn request(url: &str, reload: bool) -> Result<JsFuture, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_cache(if reload {
        RequestCache::Reload
    } else {
        RequestCache::Default
    });
    Ok(JsFuture::from(window.fetch_with_str_and_init(url, &init)))
}

/// The body of a started request, or why there is none.
async fn bytes_of(response: Result<JsFuture, String>) -> Result<Vec<u8>, Problem> {
    let response = response.map_err(Problem::Fetch)?.await.map_err(network_failure)?;
    let response: Response = response.dyn_into().map_err(|e| Problem::Fetch(describe(e)))?;
    if !response.ok() {
        return Err(Problem::Fetch(format!("HTTP {}", response.status())));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| Problem::Fetch(describe(e)))?)
        .await
        .map_err(network_failure)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A request or body the network did not deliver: offline, or the browser's reason.
fn network_failure(error: wasm_bindgen::JsValue) -> Problem {
    let online = web_sys::window().is_none_or(|window| window.navigator().on_line());
    match online {
        true => Problem::Fetch(describe(error)),
        false => Problem::Offline,
    }
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "network error".into())
}
