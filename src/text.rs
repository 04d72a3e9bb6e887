//! Text as the rules compare it.

/// Case-, space- and punctuation-insensitive form used for every lookup:
/// `Teams Meetings`, `TeamsMeetings` and `teams-meetings` are one name.
pub fn fold(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Each text folded (one copy of the loop for every list of words).
pub fn fold_all(texts: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(texts.len());
    for text in texts {
        out.push(fold(text));
    }
    out
}

/// Each text in lower case.
pub fn lower_all(texts: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(texts.len());
    for text in texts {
        out.push(text.to_lowercase());
    }
    out
}

/// Folded spellings to the index of the entry they name: one map type for
/// every table of names (association types, workloads, services,
/// certifications), so the module carries one copy of its code.
pub type Spellings = std::collections::HashMap<String, usize>;

/// Adds entry `i`'s spellings and id, folded, to `table`.
pub fn add_spellings(table: &mut Spellings, i: usize, id: &str, spellings: &[String]) {
    for s in spellings {
        table.insert(fold(s), i);
    }
    table.insert(fold(id), i);
}
