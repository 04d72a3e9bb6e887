//! Text as the rules compare it.

/// Case-, space- and punctuation-insensitive form used for every lookup:
/// `Teams Meetings`, `TeamsMeetings` and `teams-meetings` are one name.
pub fn fold(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}
