//! Entry point of the WebAssembly app.

fn main() {}
