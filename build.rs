//! Embeds the rulesets minified: white space outside strings is dropped,
//! so the module carries the rules, not their indentation. Writes
//! `embedded.rs`, the list of area rulesets this build embeds: an area
//! whose data model is a cargo feature is embedded only with it.

use std::{env, fs, path::Path};

/// The area rulesets in Partner Center's order, each with the cargo
/// feature its data model is compiled with (none: Modern Work's usage
/// model, always there).
const AREAS: [(&str, Option<&str>); 6] = [
    ("modern-work.json", None),
    ("security.json", Some("security")),
    ("data-ai.json", Some("azure")),
    ("infrastructure.json", Some("azure")),
    ("digital-app-innovation.json", Some("azure")),
    ("business-applications.json", Some("bizapps")),
];

fn main() {
    println!("cargo:rerun-if-changed=rulesets");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let enabled = |feature: &str| env::var_os(format!("CARGO_FEATURE_{}", feature.to_uppercase())).is_some();
    let embedded: Vec<String> = AREAS
        .iter()
        .filter(|(_, feature)| feature.is_none_or(&enabled))
        .map(|(name, _)| format!("    include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\")),\n"))
        .collect();
    let list = format!(
        "/// Every embedded area ruleset, in Partner Center's order.\npub const EMBEDDED: &[&str] = &[\n{}];\n",
        embedded.concat()
    );
    fs::write(Path::new(&out).join("embedded.rs"), list).expect("OUT_DIR is writable");
    for entry in fs::read_dir("rulesets").expect("rulesets/").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = fs::read_to_string(&path).expect("a ruleset is UTF-8");
            let name = path.file_name().expect("a file name");
            fs::write(Path::new(&out).join(name), minify(&text)).expect("OUT_DIR is writable");
        }
    }
}

fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
