//! Text as the rules compare it.
//!
//! Case is folded by our own small table, not std's: std's Unicode tables
//! (`char::to_lowercase`, `char::is_alphanumeric`) cost about 12 KiB of the
//! gzipped module, and the names partners write (tenants, people, offers,
//! column headers) are in the Latin, Greek, Cyrillic and Armenian scripts,
//! which [`lower`] covers. Other scripts have no case and are kept as they
//! are.

/// Case-, space- and punctuation-insensitive form used for every lookup:
/// `Teams Meetings`, `TeamsMeetings` and `teams-meetings` are one name.
pub fn fold(text: &str) -> String {
    text.chars().filter(|&c| is_word_char(c)).map(lower).collect()
}

/// The text in lower case ([`lower`] on every character).
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower).collect()
}

/// Whether `c` is part of a word (a letter or a digit, in any script) rather
/// than space, punctuation, a symbol or a combining mark.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c as u32,
        0x80..=0xBF | 0xD7 | 0xF7          // Latin-1 controls, punctuation, ×, ÷
        | 0x300..=0x36F                    // combining marks
        | 0x2000..=0x2BFF                  // punctuation, symbols, arrows, shapes
        | 0x2E00..=0x2E7F | 0x3000..=0x303F
        | 0xFE00..=0xFE0F | 0xFE30..=0xFE4F | 0xFEFF
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF | 0x1F000..=0x1FAFF)
}

/// The lower case of `c` in the Latin (with Vietnamese and the extended
/// blocks), Greek, Cyrillic and Armenian scripts and fullwidth Latin; any
/// other character as it is. One character to one, so folding never changes
/// a text's length in characters.
pub fn lower(c: char) -> char {
    let n = c as u32;
    let even_to_odd = n & 1 == 0;
    let odd_to_even = n & 1 == 1;
    let lowered = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 0x20,
        0x130 => 'i' as u32, // Turkish İ
        0x100..=0x137 | 0x14A..=0x177 if even_to_odd => n + 1,
        0x139..=0x148 | 0x179..=0x17E if odd_to_even => n + 1,
        0x178 => 0xFF, // Ÿ
        0x200..=0x21F | 0x222..=0x233 if even_to_odd => n + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => n + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => n + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => n + 0x20,
        0x400..=0x40F => n + 0x50,
        0x410..=0x42F => n + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even_to_odd => n + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if odd_to_even => n + 1,
        0x531..=0x556 => n + 0x30,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even_to_odd => n + 1,
        0x1E9E => 0xDF, // capital ẞ
        0xFF21..=0xFF3A => n + 0x20,
        _ => n,
    };
    char::from_u32(lowered).unwrap_or(c)
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
        out.push(lowercase(text));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_a_partner_reads_names() {
        assert_eq!(fold("Teams Meetings"), "teamsmeetings");
        assert_eq!(fold("teams-meetings"), fold("TeamsMeetings"));
        assert_eq!(fold("ÉCOLE Ünïted, S.A."), "écoleünïtedsa");
        assert_eq!(fold("Łódź Śląsk ŻÓŁW"), "łódźśląskżółw");
        assert_eq!(fold("ΑΘΗΝΑ Ώρα"), "αθηναώρα");
        assert_eq!(fold("МОСКВА Ёлка ЄҐ"), "москваёлкаєґ");
        assert_eq!(fold("ĐỒNG NAI Việt"), "đồngnaiviệt");
        assert_eq!(fold("ՀԱՅ"), "հայ");
        assert_eq!(fold("ＡＢＣ１"), "ａｂｃ１");
        // Scripts without case are kept; punctuation and symbols are not.
        assert_eq!(fold("株式会社「東京」 — №5 ✓"), "株式会社東京5");
        assert_eq!(fold("x\u{00A0}y\u{200B}z\u{FEFF}"), "xyz");
    }

    #[test]
    fn lower_maps_one_character_to_one() {
        for c in ('\0'..='\u{2FFF}').chain('\u{FF00}'..='\u{FFEF}') {
            let l = lower(c);
            // Where we lower, std agrees (its first character, for İ).
            if l != c {
                assert_eq!(Some(l), c.to_lowercase().next(), "{c:?}");
            }
        }
        assert_eq!(lowercase("Ⅻ STRASSE ẞ"), "Ⅻ strasse ß");
        assert_eq!(lowercase("Plain ASCII"), "plain ascii");
    }
}
