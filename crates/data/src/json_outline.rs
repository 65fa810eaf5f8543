//! The outline of a JSON text: where each value starts and ends, an object's members and a list's
//! elements, and the path (`baseline.year`, `responsible[2]`) of the value at a byte offset. It
//! reads text whose syntax serde_json already accepted, builds no tree, and lets the dataset-file
//! loader (`super::dataset_file`) read each item with the same serde_json deserializer the app
//! uses for `targets.json`, then name the item and field an error sits in. Any input is safe: on
//! text that is not valid JSON the answers are merely meaningless, never a panic or a hang.

/// A value's bytes in the text: `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What kind of JSON value a span holds (`dataset_file`'s wording names it in messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    List,
    Text,
    Number,
    Boolean,
    Null,
}

/// A JSON text to navigate.
#[derive(Clone, Copy, Debug)]
pub struct Outline<'a> {
    text: &'a str,
}

impl<'a> Outline<'a> {
    pub fn new(text: &'a str) -> Self {
        Outline { text }
    }

    fn byte(&self, i: usize) -> u8 {
        self.text.as_bytes().get(i).copied().unwrap_or(0)
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while matches!(self.byte(i), b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    /// End of the string whose opening quote is at `i`.
    fn string_end(&self, mut i: usize) -> usize {
        let len = self.text.len();
        i += 1;
        while i < len {
            match self.byte(i) {
                b'\\' => i += 2,
                b'"' => return i + 1,
                _ => i += 1,
            }
        }
        len
    }

    /// End of the value starting at `i` (no recursion, so any nesting depth is fine).
    fn value_end(&self, start: usize) -> usize {
        let len = self.text.len();
        match self.byte(start) {
            b'"' => self.string_end(start),
            b'{' | b'[' => {
                let mut depth = 0usize;
                let mut i = start;
                while i < len {
                    match self.byte(i) {
                        b'"' => {
                            i = self.string_end(i);
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                len
            }
            _ => {
                let mut i = start;
                while i < len && !matches!(self.byte(i), b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
                i.max((start + 1).min(len))
            }
        }
    }

    fn value_at(&self, i: usize) -> Span {
        let start = self.skip_space(i).min(self.text.len());
        Span {
            start,
            end: self.value_end(start),
        }
    }

    /// The text's one value (after leading whitespace).
    pub fn root(&self) -> Span {
        self.value_at(0)
    }

    pub fn kind(&self, span: Span) -> Kind {
        match self.byte(span.start) {
            b'{' => Kind::Object,
            b'[' => Kind::List,
            b'"' => Kind::Text,
            b't' | b'f' => Kind::Boolean,
            b'n' => Kind::Null,
            _ => Kind::Number,
        }
    }

    /// The span's text.
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The spans inside a list or an object: elements, or alternately keys and values.
    fn children(&self, span: Span, close: u8) -> Vec<Span> {
        let mut out = Vec::new();
        let mut i = span.start + 1;
        while i < span.end {
            i = self.skip_space(i);
            if matches!(self.byte(i), b',' | b':') {
                i += 1;
                continue;
            }
            if i >= span.end || self.byte(i) == close {
                break;
            }
            let child = self.value_at(i);
            out.push(child);
            i = child.end.max(i + 1);
        }
        out
    }

    /// A list's elements, in order (empty for anything else).
    pub fn elements(&self, span: Span) -> Vec<Span> {
        match self.kind(span) {
            Kind::List => self.children(span, b']'),
            _ => Vec::new(),
        }
    }

    /// An object's members as (key, value), in order (empty for anything else).
    pub fn members(&self, span: Span) -> Vec<(String, Span)> {
        if self.kind(span) != Kind::Object {
            return Vec::new();
        }
        let parts = self.children(span, b'}');
        parts
            .chunks(2)
            .filter(|pair| pair.len() == 2)
            .map(|pair| (self.string(pair[0]).unwrap_or_default(), pair[1]))
            .collect()
    }

    /// The value of `key` in an object (the last one if the key repeats, as serde_json's maps keep).
    pub fn get(&self, span: Span, key: &str) -> Option<Span> {
        self.members(span)
            .into_iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// A string value's content, unescaped; `None` for anything else.
    pub fn string(&self, span: Span) -> Option<String> {
        if self.kind(span) != Kind::Text {
            return None;
        }
        let raw = self.slice(span);
        match raw.get(1..raw.len().saturating_sub(1)) {
            Some(inner) if raw.len() >= 2 && !inner.contains('\\') => Some(inner.to_string()),
            _ => serde_json::from_slice(raw.as_bytes()).ok(),
        }
    }

    /// The path from `span` down to the innermost value holding byte `offset`: keys joined by `.`,
    /// list positions as `[i]` (empty when it is `span` itself). A
    /// value holds the offsets from its start to just after its end, where serde_json reports a
    /// value it could not use.
    pub fn path_to(&self, span: Span, offset: usize) -> String {
        let mut path = String::new();
        let mut current = span;
        // Each step goes one level deeper, so the loop ends; the bound guards against garbage.
        for _ in 0..self.text.len() + 1 {
            let holds = |s: &Span| s.start <= offset && offset <= s.end;
            let next = match self.kind(current) {
                Kind::Object => self
                    .members(current)
                    .into_iter()
                    .find(|(_, s)| holds(s))
                    .map(|(key, s)| {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(&key);
                        s
                    }),
                Kind::List => self
                    .elements(current)
                    .into_iter()
                    .enumerate()
                    .find(|(_, s)| holds(s))
                    .map(|(i, s)| {
                        path.push_str(&format!("[{i}]"));
                        s
                    }),
                _ => None,
            };
            match next {
                Some(child) if child != current => current = child,
                _ => break,
            }
        }
        path
    }

    /// Byte offset of serde_json's (line, column) position in this text (column counted in bytes
    /// from the start of the line, as serde_json reports it); 0 when the error has no position.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        if line == 0 {
            return 0;
        }
        let line_start = self
            .text
            .match_indices('\n')
            .nth(line.saturating_sub(2))
            .map_or(0, |(i, _)| if line == 1 { 0 } else { i + 1 });
        (line_start + column).min(self.text.len())
    }

    /// One-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let prefix = self.text.as_bytes().get(..offset).unwrap_or(self.text.as_bytes());
        prefix.iter().filter(|b| **b == b'\n').count() + 1
    }

    /// Where the nesting of lists and objects first gets deeper than `limit`, if it does.
    pub fn too_deep(&self, limit: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = 0;
        let len = self.text.len();
        while i < len {
            match self.byte(i) {
                b'"' => {
                    i = self.string_end(i);
                    continue;
                }
                b'{' | b'[' => {
                    depth += 1;
                    if depth > limit {
                        return Some(i);
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"id\": \"a\\\"b\",\n  \"list\": [1, {\"x\": [true, null]}, \"s]\"],\n  \"n\": -1.5e3,\n  \"id\": \"last\"\n}";

    #[test]
    fn members_elements_and_kinds() {
        let outline = Outline::new(TEXT);
        let root = outline.root();
        assert_eq!(outline.kind(root), Kind::Object);
        assert_eq!(root.end, TEXT.len());
        let keys: Vec<String> = outline.members(root).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["id", "list", "n", "id"]);
        assert_eq!(
            outline.string(outline.get(root, "id").unwrap()).as_deref(),
            Some("last")
        );
        let first = outline.members(root)[0].1;
        assert_eq!(outline.string(first).as_deref(), Some("a\"b"));
        let list = outline.get(root, "list").unwrap();
        let kinds: Vec<Kind> = outline.elements(list).into_iter().map(|s| outline.kind(s)).collect();
        assert_eq!(kinds, [Kind::Number, Kind::Object, Kind::Text]);
        assert_eq!(outline.slice(outline.get(root, "n").unwrap()), "-1.5e3");
        assert!(outline.elements(root).is_empty() && outline.members(list).is_empty());
    }

    #[test]
    fn path_to_an_offset_and_back_from_line_and_column() {
        let outline = Outline::new(TEXT);
        let root = outline.root();
        let null = TEXT.find("null").unwrap();
        assert_eq!(outline.path_to(root, null), "list[1].x[1]");
        // Just after a value still names it (serde_json reports a wrong value there).
        assert_eq!(outline.path_to(root, null + 4), "list[1].x[1]");
        assert_eq!(outline.path_to(root, TEXT.find("\"n\"").unwrap()), "");
        let line = outline.line_of(null);
        assert_eq!(line, 3);
        let line_start = TEXT.match_indices('\n').nth(1).unwrap().0 + 1;
        assert_eq!(outline.offset_of(line, null - line_start), null);
        assert_eq!(outline.offset_of(1, 2), 2);
        assert_eq!(outline.offset_of(0, 0), 0);
    }

    #[test]
    fn nesting_depth_and_garbage_are_safe() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let outline = Outline::new(&deep);
        assert_eq!(outline.too_deep(128), Some(128));
        assert_eq!(outline.too_deep(200), None);
        assert_eq!(outline.path_to(outline.root(), 150), "[0]".repeat(150));
        for garbage in ["", "{", "[1,", "{\"a\":", "\"abc", "}}]]", "{\"a\" 1 2 3}", "[\\"] {
            let outline = Outline::new(garbage);
            let root = outline.root();
            let _ = (outline.members(root), outline.elements(root), outline.string(root));
            let _ = outline.path_to(root, garbage.len());
            let _ = outline.offset_of(5, 99);
        }
    }
}
