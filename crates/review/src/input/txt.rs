//! Plain text (`.txt`, or a file of any other name that is text): UTF-8, a byte-order mark dropped,
//! Windows line ends made `\n`; a file with control bytes other than line breaks and tabs, or not
//! UTF-8, is not text (`InputError::Binary`).

use super::InputError;

/// UTF-8 text without control bytes other than line breaks and tabs.
pub fn plain(bytes: &[u8]) -> Result<String, InputError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| InputError::Binary)?;
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(InputError::Binary);
    }
    Ok(text.replace("\r\n", "\n"))
}
