//! A message in words, as every kind of problem is worded in Chinese and English beside its kind
//! (`validation/wording.rs`, `dataset_file/wording.rs`, `published.rs`). No message is made from a
//! dependency's text.
//!
//! A [`Message`] is text with code parts: what is quoted from the file or names a format literally
//! (ids, field names, values, the excerpt of a line, `JSON`), which pages set as `<code>`. Its plain
//! text is the message as a string; the English one is also what `Display` writes (the maintainer's
//! tool, the tests).

/// A message in one language: text, and the parts quoted from the file or naming a format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message(Vec<Part>);

/// A piece of a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// Quoted from the file or naming a format: set as code.
    Code(String),
}

impl Message {
    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    /// The text parts only, without the code (what the tests check for the language's script).
    pub fn text_only(&self) -> String {
        self.0
            .iter()
            .filter_map(|p| match p {
                Part::Text(t) => Some(t.as_str()),
                Part::Code(_) => None,
            })
            .collect()
    }

    /// Appends words.
    pub(crate) fn t(mut self, text: impl AsRef<str>) -> Self {
        let text = text.as_ref();
        if text.is_empty() {
            return self;
        }
        match self.0.last_mut() {
            Some(Part::Text(last)) => last.push_str(text),
            _ => self.0.push(Part::Text(text.to_string())),
        }
        self
    }

    /// Appends a code part.
    pub(crate) fn c(mut self, code: impl std::fmt::Display) -> Self {
        self.0.push(Part::Code(code.to_string()));
        self
    }

    /// Appends another message.
    pub(crate) fn m(mut self, other: Message) -> Self {
        for part in other.0 {
            self = match part {
                Part::Text(t) => self.t(t),
                Part::Code(c) => self.c(c),
            };
        }
        self
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in &self.0 {
            match part {
                Part::Text(s) | Part::Code(s) => f.write_str(s)?,
            }
        }
        Ok(())
    }
}

/// An empty message, to append to.
pub(crate) fn words() -> Message {
    Message::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_join_into_one_text_part_between_code_parts() {
        let inner = words().t("a ").c("b");
        let message = words().t("x").t("").t("y ").c("z").t(" ").m(inner);
        assert_eq!(
            message.parts(),
            [
                Part::Text("xy ".into()),
                Part::Code("z".into()),
                Part::Text(" a ".into()),
                Part::Code("b".into()),
            ]
        );
        assert_eq!(message.to_string(), "xy z a b");
        assert_eq!(message.text_only(), "xy  a ");
    }
}
