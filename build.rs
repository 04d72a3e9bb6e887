//! Embeds the rulesets minified: white space outside strings is dropped,
//! so the module carries the rules, not their indentation.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=rulesets");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
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
