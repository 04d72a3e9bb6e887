//! Hostile input (issue 7): every file of `tests/corpus/` (and the binary
//! ones generated here) with the exact outcome it must have: the message
//! for each bad value (file, line, column, value), the rows and skipped
//! rows counted, and the score the good rows still give.
//! `tests/corpus/README.md` has the same cases as a table.

use serde_json::{json, Value};
use spd_score::{Month, ScoreOptions, Workbook};
use std::path::Path;

const HEADER: &str = "CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage";

fn corpus(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn report_with(files: &[(&str, &[u8])], today: Option<Month>) -> Value {
    let mut book = Workbook::default();
    if let Some(today) = today {
        book.set_today(today);
    }
    for (name, bytes) in files {
        book.add_file(name, bytes);
    }
    serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap()
}

fn report(files: &[(&str, &[u8])]) -> Value {
    report_with(files, None)
}

fn one(name: &str) -> Value {
    report(&[(name, &corpus(name))])
}

/// An error as `(file, line, column, value, message)`.
type Error = (String, Option<u64>, Option<String>, Option<String>, String);

fn errors(r: &Value) -> Vec<Error> {
    r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap().to_string(),
                e["line"].as_u64(),
                e["column"].as_str().map(String::from),
                e["value"].as_str().map(String::from),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn err(file: &str, line: u64, column: &str, value: &str, message: &str) -> Error {
    (file.into(), Some(line), Some(column.into()), Some(value.into()), message.into())
}

/// `(rows, skippedRows, duplicateRows, kind)` of file `i`.
fn counts(r: &Value, i: usize) -> (u64, u64, u64, &str) {
    let f = &r["files"][i];
    (
        f["rows"].as_u64().unwrap(),
        f["skippedRows"].as_u64().unwrap(),
        f["duplicateRows"].as_u64().unwrap(),
        f["kind"].as_str().unwrap(),
    )
}

/// Each track's total and the points of its five metrics, in report order
/// (net customer adds, intermediate, advanced, usage growth, deployments).
fn scores(r: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for (name, track) in r["areas"]["modern-work"]["tracks"].as_object().unwrap() {
        let m = &track["metrics"];
        out.insert(
            name.clone(),
            json!([
                track["total"],
                m["netCustomerAdds"]["points"],
                m["intermediateCertifications"]["points"],
                m["advancedCertifications"]["points"],
                m["usageGrowth"]["points"],
                m["deployments"]["points"],
            ]),
        );
    }
    Value::Object(out)
}

fn warnings(r: &Value) -> Vec<String> {
    r["warnings"].as_array().unwrap().iter().map(|w| w["message"].as_str().unwrap().to_string()).collect()
}

fn tenant_ids(r: &Value) -> Vec<&str> {
    r["areas"]["modern-work"]["tenants"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect()
}

/// The figures of a report that do not depend on file names and counts.
fn figures(r: &Value) -> Value {
    json!({ "asOf": r["areas"]["modern-work"]["asOf"], "baseline": r["areas"]["modern-work"]["baseline"], "months": r["areas"]["modern-work"]["months"], "tracks": r["areas"]["modern-work"]["tracks"],
            "tenants": r["areas"]["modern-work"]["tenants"], "people": r["people"], "recommendations": r["areas"]["modern-work"]["recommendations"] })
}

/// The score of `base-usage.csv`: SMB 2 (one net add) + 0.6 (CSP growth
/// 40 of 2,000) + 2.5 (one net CSP deployment); Enterprise 1.5 (CPOR growth
/// 50 of 1,000). See tests/corpus/README.md for the arithmetic.
fn base_scores() -> Value {
    json!({
        "enterprise": [1.5, 0.0, 0.0, 0.0, 1.5, 0.0],
        "smb": [5.1, 2.0, 0.0, 0.0, 0.6, 2.5],
    })
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

fn whole_json(name: &str, bytes: &[u8]) -> String {
    let mut book = Workbook::default();
    book.add_file(name, bytes);
    spd_score::to_json(&book.report(&ScoreOptions::default()))
}

/// Feeding `bytes` cut at `cuts` gives exactly the whole-file report.
fn assert_chunking_invariant(name: &str, bytes: &[u8], whole: &str, cuts: &[usize]) {
    let mut book = Workbook::default();
    book.begin_file(name);
    let mut from = 0;
    for &to in cuts {
        book.push(&bytes[from..to]);
        from = to;
    }
    book.push(&bytes[from..]);
    book.end_file();
    let chunked = spd_score::to_json(&book.report(&ScoreOptions::default()));
    assert_eq!(whole, chunked, "{name} cut at {cuts:?}");
}

#[test]
fn base_usage_scores() {
    let r = one("base-usage.csv");
    assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
    assert_eq!(errors(&r), vec![]);
    assert_eq!(
        (r["areas"]["modern-work"]["asOf"].as_str(), r["areas"]["modern-work"]["baseline"].as_str()),
        (Some("2025-10"), Some("2024-10"))
    );
    assert_eq!(scores(&r), base_scores());
    assert_eq!(tenant_ids(&r), ["T-ALPHA", "T-BETA", "T-GAMMA", "T-DELTA"]);
}

#[test]
fn empty_file() {
    let r = one("empty.csv");
    assert_eq!(counts(&r, 0), (0, 0, 0, "unknown"));
    assert_eq!(
        errors(&r),
        [("empty.csv".into(), None, None, None, "the file is empty: expected a CSV export with a header row.".into())]
    );
    // Blank lines and spaces only are empty too, however many (past 12
    // lines they were "the file has no rows", on line 1), and so are a
    // byte-order mark alone (Excel's "CSV UTF-8" of an empty sheet), a
    // `sep=` line alone and delimiters.
    let many = " \r\n".repeat(40);
    let utf16_bom = utf16("", false);
    let cases: [&[u8]; 7] = [
        b" \r\n\r\n\t\n",
        many.as_bytes(),
        b"\xEF\xBB\xBF",
        &utf16_bom,
        b"sep=;\r\n",
        b",,,\n, ,\n",
        b"\xEF\xBB\xBF\n\n",
    ];
    for bytes in cases {
        let r = report(&[("blank.csv", bytes)]);
        let empty = (
            "blank.csv".into(),
            None,
            None,
            None,
            "the file is empty: expected a CSV export with a header row.".into(),
        );
        assert_eq!(errors(&r), [empty], "{bytes:?}");
        assert_eq!(kinds(&r, "errors"), ["emptyFile"]);
    }
}

#[test]
fn header_only() {
    let r = one("header-only.csv");
    assert_eq!(counts(&r, 0), (0, 0, 0, "usage"));
    assert_eq!(errors(&r), vec![]);
    assert!(warnings(&r).contains(&"the file has a header but no data rows.".to_string()));
    let modern_work = &r["areas"]["modern-work"];
    assert_eq!(modern_work["asOf"], Value::Null);
    // No data: nothing feeds Modern Work, which is not scored (never 0).
    assert_eq!(modern_work["status"], "not_scored");
    assert_eq!(modern_work["total"], Value::Null);
    assert_eq!(scores(&r), json!({}));
}

#[test]
fn not_csv_files_get_one_message_and_others_still_load() {
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    let base = corpus("base-usage.csv");
    let r = report(&[("usage.xlsx.csv", xlsx), ("logo.csv", png), ("base-usage.csv", &base)]);
    let not_csv = "not a CSV file. Export the data from Partner Center as CSV (in Excel: Save As > CSV UTF-8).";
    assert_eq!(
        errors(&r),
        [
            (
                "usage.xlsx.csv".into(),
                None,
                None,
                None,
                format!("this looks like an Excel workbook (.xlsx) or another zip archive, {not_csv}")
            ),
            ("logo.csv".into(), None, None, None, format!("this looks like a PNG image, {not_csv}")),
        ]
    );
    assert_eq!(counts(&r, 0), (0, 0, 0, "unknown"));
    assert_eq!(counts(&r, 1), (0, 0, 0, "unknown"));
    assert_eq!(counts(&r, 2), (6, 0, 0, "usage"));
    assert_eq!(scores(&r), base_scores());
}

#[test]
fn utf16_with_bom_reads_like_utf8() {
    let text = String::from_utf8(corpus("base-usage.csv")).unwrap();
    let base = report(&[("base.csv", text.as_bytes())]);
    for (big_endian, label) in [(false, "UTF-16 LE"), (true, "UTF-16 BE")] {
        let r = report(&[("base.csv", &utf16(&text, big_endian))]);
        assert_eq!(r["files"][0]["encoding"], label);
        assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
        assert_eq!(figures(&r), figures(&base), "{label}");
    }
    // Accented names survive, in both byte orders (Excel's "Unicode text" is tab-separated).
    let text =
        "CustomerTenantId\tCustomerName\tPartnerAttachType\tWorkloadName\tMonthName\tActiveUsage\tQualifiedUsage\r\n\
                T-1\tSociété Générale\tCSP Tier1\tTeams\tOct-2025\t12\t20\r\n";
    for big_endian in [false, true] {
        let r = report(&[("unicode.txt", &utf16(text, big_endian))]);
        assert_eq!(r["files"][0]["delimiter"], "tab");
        assert_eq!(r["areas"]["modern-work"]["tenants"][0]["name"], "Société Générale");
    }
}

#[test]
fn utf8_bom_is_not_part_of_the_first_column() {
    let r = one("utf8-bom.csv");
    assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
    assert_eq!(r["files"][0]["encoding"], "UTF-8");
    assert_eq!(figures(&r), figures(&one("base-usage.csv")));
}

#[test]
fn windows_1252_names_come_out_right() {
    let bytes =
        b"CustomerTenantId,CustomerName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\r\n\
T-1,Soci\xe9t\xe9 G\xe9n\xe9rale,CSP Tier1,Teams,Oct-2025,12,20\r\n\
T-1,Soci\xe9t\xe9 G\xe9n\xe9rale,CSP Tier1,Teams,Oct-2024,2,20\r\n\
T-2,M\xfcller \x96 B\xe4ckerei \x80,CPOR,Teams,Oct-2025,1,2\r\n";
    let r = report(&[("cp1252.csv", bytes)]);
    assert_eq!(counts(&r, 0), (3, 0, 0, "usage"));
    assert_eq!(r["files"][0]["encoding"], "Windows-1252");
    assert_eq!(r["areas"]["modern-work"]["tenants"][0]["name"], "Société Générale");
    assert_eq!(r["areas"]["modern-work"]["tenants"][1]["name"], "Müller – Bäckerei €");
    assert!(warnings(&r).contains(
        &"the file is not valid UTF-8; text was read as Windows-1252 (Excel's \"CSV\" on Western Windows).".to_string()
    ));
    // T-1: eligible (20 paid seats) in both months, deployed only in Oct-2025 (12 of 20).
    assert_eq!(scores(&r)["smb"], json!([2.65, 0.0, 0.0, 0.0, 0.15, 2.5]));
}

#[test]
fn mixed_line_endings_keep_line_numbers() {
    let r = one("mixed-line-endings.csv");
    assert_eq!(counts(&r, 0), (6, 1, 0, "usage"));
    assert_eq!(errors(&r), [err("mixed-line-endings.csv", 5, "ActiveUsage", "lots", "not a number")]);
    // T-GAMMA's Oct-2025 row is lost: Enterprise falls to a net -1 customer and -50 growth.
    assert_eq!(
        scores(&r),
        json!({ "enterprise": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], "smb": [5.1, 2.0, 0.0, 0.0, 0.6, 2.5] })
    );
    assert_eq!(r["areas"]["modern-work"]["tracks"]["enterprise"]["metrics"]["netCustomerAdds"]["value"], -1);
}

/// Old Mac Excel ends lines with a lone CR; rows used to be all "line 1".
#[test]
fn cr_line_endings_keep_line_numbers() {
    let r = one("mac-cr-line-endings.csv");
    assert_eq!(counts(&r, 0), (6, 1, 0, "usage"));
    assert_eq!(errors(&r), [err("mac-cr-line-endings.csv", 4, "QualifiedUsage", "n/a", "not a number")]);
    // T-BETA's row is lost: no SMB net add, growth 30-10 = 20, deployments 1 - 1.
    assert_eq!(scores(&r)["smb"], json!([0.3, 0.0, 0.0, 0.0, 0.3, 0.0]));
    assert_eq!(scores(&r)["enterprise"], json!([1.5, 0.0, 0.0, 0.0, 1.5, 0.0]));
}

#[test]
fn last_line_without_newline_counts() {
    let bytes = corpus("no-final-newline.csv");
    assert_ne!(bytes.last(), Some(&b'\n'));
    let r = one("no-final-newline.csv");
    assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
    assert_eq!(figures(&r), figures(&one("base-usage.csv")));
}

#[test]
fn ragged_rows_are_skipped_with_their_line() {
    let r = one("ragged-rows.csv");
    assert_eq!(counts(&r, 0), (6, 3, 0, "usage"));
    assert_eq!(
        errors(&r),
        [
            err(
                "ragged-rows.csv",
                3,
                "QualifiedUsage",
                "",
                "the row has 5 fields but the header has 6; the row was skipped"
            ),
            err(
                "ragged-rows.csv",
                4,
                "field 7 (beyond the header)",
                "extra",
                "the row has 7 fields but the header has 6 (an unquoted number with a thousands separator?); the row was skipped"
            ),
            err(
                "ragged-rows.csv",
                6,
                "field 7 (beyond the header)",
                "400.00",
                "the row has 7 fields but the header has 6 (an unquoted number with a thousands separator?); the row was skipped"
            ),
        ]
    );
    // Line 5 has two trailing empty fields and counts. What is left:
    // T-GAMMA in Oct-2025 only (an Enterprise net add, 100 CPOR growth),
    // T-ALPHA in Oct-2024 only (an SMB net loss).
    assert_eq!(
        scores(&r),
        json!({ "enterprise": [7.0, 4.0, 0.0, 0.0, 3.0, 0.0], "smb": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] })
    );
    assert_eq!(tenant_ids(&r), ["T-ALPHA", "T-GAMMA", "T-DELTA"]);
}

#[test]
fn unclosed_quote_names_the_line_it_opens_on() {
    let r = one("unclosed-quote.csv");
    assert_eq!(counts(&r, 0), (5, 1, 0, "usage"));
    assert_eq!(
        errors(&r),
        [err(
            "unclosed-quote.csv",
            4,
            "CustomerTenantName",
            "\"T-BETA,CSP Tier1,Exchange,Oct-2025,20.00,50.00",
            "a quote opened on line 4 is never closed (it ran on to line 6); the row was skipped; lines 5 to 6 were read again, each as a row"
        )]
    );
    assert_eq!(r["errors"][0]["kind"], "unclosedQuote");
    // The rows before the quote still count (T-ALPHA, 20 more CSP users),
    // and so do those after it (T-GAMMA, 50 more CPOR users: Enterprise
    // 1.5); only T-BETA's row is lost (it was lines 4 to 6 before).
    assert_eq!(scores(&r)["smb"], json!([0.3, 0.0, 0.0, 0.0, 0.3, 0.0]));
    assert_eq!(scores(&r)["enterprise"], json!([1.5, 0.0, 0.0, 0.0, 1.5, 0.0]));
    assert_eq!(tenant_ids(&r), ["T-ALPHA", "T-GAMMA"]);
}

/// The quote opens on the last line: it was reported on line 8 of a
/// 7-line file, as a row of 1 field.
#[test]
fn unclosed_quote_on_the_last_line() {
    let r = one("unclosed-quote-last-line.csv");
    assert_eq!(counts(&r, 0), (6, 1, 0, "usage"));
    assert_eq!(
        errors(&r),
        [err(
            "unclosed-quote-last-line.csv",
            7,
            "CustomerTenantName",
            "\"T-DELTA,DPOR,Intune,Oct-2024,5.00,5.00",
            "a quote opened on line 7 is never closed: the rest of the line was read as one field; the row was skipped"
        )]
    );
    // Only T-DELTA is lost, and it counted for nothing (5 seats).
    assert_eq!(scores(&r), base_scores());
    assert_eq!(tenant_ids(&r), ["T-ALPHA", "T-BETA", "T-GAMMA"]);
    // Without the final line break, with CRLF, and with lone CRs: the same error.
    let text = String::from_utf8(corpus("unclosed-quote-last-line.csv")).unwrap();
    for other in [text.trim_end().to_string(), text.replace('\n', "\r\n"), text.replace('\n', "\r")] {
        let r = report(&[("unclosed-quote-last-line.csv", other.as_bytes())]);
        assert_eq!(errors(&r), errors(&one("unclosed-quote-last-line.csv")), "{other:?}");
    }
}

/// A quote opened on line 3 runs on to the next quote, which opens the
/// tenant id on line 4: csv-core reads lines 3 and 4 as one row of six
/// fields whose tenant is `T-ALPHA,CSP Tier1,…\nT-BETA"`. It was loaded
/// as a tenant without a word, then skipped with line 4; now line 4 is
/// read again and counts.
#[test]
fn unclosed_quote_in_the_middle_swallows_up_to_the_next_quote() {
    let r = one("unclosed-quote-middle.csv");
    assert_eq!(counts(&r, 0), (6, 1, 0, "usage"));
    assert_eq!(
        errors(&r),
        [err(
            "unclosed-quote-middle.csv",
            3,
            "CustomerTenantName",
            "\"T-ALPHA,CSP Tier1,Teams,Oct-2025,30.00,40.00",
            "a quote opened on line 3 is never closed (it ran on to the next quote, on line 4); the row was skipped; lines 4 to 4 were read again, each as a row"
        )]
    );
    // T-ALPHA's Oct-2025 row is lost: SMB has T-BETA's net add against
    // T-ALPHA's loss (0) and T-BETA's 20 CSP users less T-ALPHA's 10
    // (0.15); Enterprise keeps T-GAMMA's 1.5.
    assert_eq!(
        scores(&r),
        json!({ "enterprise": [1.5, 0.0, 0.0, 0.0, 1.5, 0.0], "smb": [0.15, 0.0, 0.0, 0.0, 0.15, 0.0] })
    );
    assert_eq!(r["areas"]["modern-work"]["tracks"]["smb"]["metrics"]["netCustomerAdds"]["value"], 0);
    assert_eq!(tenant_ids(&r), ["T-ALPHA", "T-BETA", "T-GAMMA", "T-DELTA"]);
    // Closed by a lone quote, in a row of the wrong width: the same error,
    // naming the column the quote opened in.
    let text = format!(
        "{HEADER}\nT-1,\"CSP Tier1,Teams,Oct-2025,1,2\nT-2,CSP Tier1,Teams,Oct-2025,1,2\n\"\nT-3,CSP Tier1,Teams,Oct-2025,1,2\n"
    );
    let r = report(&[("lone.csv", text.as_bytes())]);
    // Line 3 is read again and counts; line 4 (the lone quote) opens a
    // quote of its own, and line 5 is read again after it.
    assert_eq!(counts(&r, 0), (4, 2, 0, "usage"));
    assert_eq!(
        errors(&r)[..1],
        [err(
            "lone.csv",
            2,
            "PartnerAttachType",
            "\"CSP Tier1,Teams,Oct-2025,1,2",
            "a quote opened on line 2 is never closed (it ran on to the next quote, on line 4); the row was skipped; lines 3 to 4 were read again, each as a row"
        )]
    );
    assert_eq!(kinds(&r, "errors"), ["unclosedQuote", "unclosedQuote"]);
    assert_eq!(errors(&r)[1].1, Some(4));
    assert_eq!(tenant_ids(&r), ["T-2", "T-3"]);
    // A quoted value holding a line break, in a row of the right width, is a value.
    let text =
        format!("{HEADER},Notes\nT-1,CSP Tier1,Teams,Oct-2025,1,2,\"two\nlines\"\nT-2,CSP Tier1,Teams,Oct-2025,1,2,\n");
    let r = report(&[("notes.csv", text.as_bytes())]);
    assert_eq!(counts(&r, 0), (2, 0, 0, "usage"));
    assert_eq!(errors(&r), vec![]);
}

/// A quote never closed in the header swallowed the file; now the header
/// line is an error and the lines after it are read again: a second
/// header below it is found (a title line with a stray quote above the
/// header loses nothing).
#[test]
fn unclosed_quote_in_the_header() {
    let text = format!("\"{HEADER}\nT-1,CSP Tier1,Teams,Oct-2025,1,2\n");
    let r = report(&[("h.csv", text.as_bytes())]);
    assert_eq!(counts(&r, 0), (0, 0, 0, "unknown"));
    let e = errors(&r);
    assert_eq!(kinds(&r, "errors"), ["unclosedQuote", "unknownHeader"]);
    assert_eq!(
        (e[0].1, &e[0].2, e[0].3.as_deref(), e[0].4.as_str()),
        (
            Some(1),
            &None,
            Some(format!("\"{HEADER}").as_str()),
            "a quote opened on line 1 is never closed (it ran on to line 2); lines 2 to 2 were read again, each as a row"
        )
    );
    assert_eq!(e[1].1, Some(2));
    let text = format!("\"Usage report, October\n{HEADER}\nT-1,CSP Tier1,Teams,Oct-2025,1,2\n");
    let r = report(&[("title.csv", text.as_bytes())]);
    assert_eq!(counts(&r, 0), (1, 0, 0, "usage"));
    assert_eq!(kinds(&r, "errors"), ["unclosedQuote"]);
    assert_eq!(tenant_ids(&r), ["T-1"]);
}

/// The errors of an unclosed quote are the same fed whole or in chunks,
/// past the first 12 lines (where the head is decided) as well as in them.
#[test]
fn unclosed_quotes_read_the_same_in_chunks() {
    let padding = format!("{HEADER}\n{}", "T-0,CSP Tier1,Teams,Oct-2025,1,2\n".repeat(14));
    for name in ["unclosed-quote.csv", "unclosed-quote-last-line.csv", "unclosed-quote-middle.csv"] {
        let text = String::from_utf8(corpus(name)).unwrap();
        let body = text.split_once('\n').unwrap().1;
        for bytes in [text.clone().into_bytes(), format!("{padding}{body}").into_bytes()] {
            let whole = whole_json(name, &bytes);
            let error = &serde_json::from_str::<Value>(&whole).unwrap()["errors"][0];
            assert_eq!(error["kind"], "unclosedQuote", "{name}");
            for cut in 0..=bytes.len() {
                assert_chunking_invariant(name, &bytes, &whole, &[cut]);
            }
            assert_chunking_invariant(name, &bytes, &whole, &(1..bytes.len()).collect::<Vec<_>>());
        }
    }
}

#[test]
fn a_10_mb_field_is_an_error_quoted_short_and_the_other_rows_count() {
    let digits = "9".repeat(10 << 20);
    let dashes = "-".repeat(10 << 20);
    let text = format!(
        "{HEADER}\nT-1,CSP Tier1,Teams,Oct-2025,12,20\nT-2,CSP Tier1,Teams,Oct-2025,{digits},20\n\
         T-3,CSP Tier1,Teams,Oct-2025,12,{dashes}\n\"T-4 {digits}\",CSP Tier1,Teams,Oct-2025,12,20\nT-1,CSP Tier1,Teams,Oct-2024,2,20\n"
    );
    let mut book = Workbook::default();
    book.begin_file("huge.csv");
    for chunk in text.as_bytes().chunks(64 << 10) {
        book.push(chunk);
    }
    book.end_file();
    let r = serde_json::from_str::<serde_json::Value>(
        &book.report_json(&ScoreOptions { detail: spd_score::DetailLevel::Full, ..ScoreOptions::default() }, false),
    )
    .unwrap();
    // Each field over 64 KiB is an error (inputs.md section 3), its value
    // quoted as its first 200 characters and its length; the rest of its
    // line is skipped unread.
    assert_eq!(counts(&r, 0), (5, 3, 0, "usage"));
    let message = |line| format!("a field of more than 64 KiB on line {line} (no export has one): the row was skipped");
    let cut = |s: &str, len: usize| format!("{}… ({len} bytes)", &s[..200]);
    let kept = 64 * 1024 + 1;
    assert_eq!(
        errors(&r),
        [
            err("huge.csv", 3, "ActiveUsage", &cut(&digits, kept), &message(3)),
            err("huge.csv", 4, "QualifiedUsage", &cut(&dashes, kept), &message(4)),
            err("huge.csv", 5, "CustomerTenantName", &cut(&format!("T-4 {digits}"), kept), &message(5)),
        ]
    );
    assert_eq!(kinds(&r, "errors"), ["longField"; 3]);
    // T-1 (2 -> 12 users of 20): 10 CSP growth (0.15), one net deployment
    // (2.5); T-4 was a tenant of a 10 MB id, and is lost.
    assert_eq!(scores(&r)["smb"], json!([2.65, 0.0, 0.0, 0.0, 0.15, 2.5]));
}

#[test]
fn bad_numbers_each_get_a_message() {
    let r = one("bad-numbers.csv");
    assert_eq!(counts(&r, 0), (11, 8, 0, "usage"));
    let f = "bad-numbers.csv";
    assert_eq!(
        errors(&r),
        [
            err(f, 2, "ActiveUsage", "abc", "not a number"),
            err(f, 3, "ActiveUsage", "-", "not a number"),
            err(f, 4, "ActiveUsage", "", "empty value where a number is required"),
            err(f, 6, "ActiveUsage", "1e9", "number too large for a user count (over 42,949,672)"),
            err(f, 7, "ActiveUsage", "NaN", "not a number"),
            err(f, 8, "ActiveUsage", "-5", "negative number where a count is required"),
            err(f, 9, "QualifiedUsage", "-3", "negative number where a count is required"),
            // Both bad values of one row are named; the row is skipped once.
            err(f, 10, "ActiveUsage", "abc", "not a number"),
            err(f, 10, "QualifiedUsage", "xyz", "not a number"),
        ]
    );
    // Line 5 reads "1.234,56" as 1,234.56 users of 2,000 seats (Enterprise
    // size, but CSP counts only for SMB); line 12 reads 1.5E+01 and "1,000".
    let tenants = r["areas"]["modern-work"]["tenants"].as_array().unwrap();
    assert_eq!(tenant_ids(&r), ["N-04", "N-10"]);
    assert_eq!(tenants[0]["tracks"]["enterprise"]["maxPau"]["asOf"], 0.0);
    assert_eq!(tenants[0]["tracks"]["smb"]["eligible"]["asOf"], false);
    assert_eq!(tenants[1]["tracks"]["smb"]["eligible"], json!({ "asOf": true, "baseline": false }));
    // 1.5E+01 is 15 users; "1,000" is 1,000 seats, too many for SMB size.
    assert_eq!(tenants[1]["tracks"]["smb"]["options"]["CSP"]["baseline"]["mau"], 15.0);
    assert_eq!(tenants[1]["tracks"]["smb"]["maxPau"]["baseline"], 1000.0);
    assert_eq!(tenants[1]["tracks"]["smb"]["options"]["CSP"]["asOf"]["mau"], 12.0);
    // N-10: an SMB net add (2), 12 CSP growth (0.18), a net deployment (2.5).
    assert_eq!(scores(&r)["smb"], json!([4.68, 2.0, 0.0, 0.0, 0.18, 2.5]));
    // The decimal-comma value on its own, under CPOR:
    let one_row = format!("{HEADER}\nN-04,CPOR,Teams,Oct-2025,\"1.234,56\",2000\nN-04,CPOR,Teams,Oct-2024,1,2000\n");
    let r = report(&[("n.csv", one_row.as_bytes())]);
    assert_eq!(
        r["areas"]["modern-work"]["tenants"][0]["tracks"]["enterprise"]["options"]["CPOR"]["asOf"]["mau"],
        1234.56
    );
}

/// `Feb-30` is February 2030: after today, by the clock when no today is
/// given (natively; WebAssembly is given one by its caller), so an error.
/// With a today after it, it is a month.
#[test]
fn bad_months_feb_30_is_2030() {
    let clock = one("bad-months.csv");
    assert_eq!(kinds(&clock, "errors"), ["badMonth", "futureMonth", "emptyValue"]);
    assert_eq!(clock["areas"]["modern-work"]["asOf"], "2025-10");
    let r = report_with(&[("bad-months.csv", &corpus("bad-months.csv"))], Month::new(2099, 12));
    assert_eq!(counts(&r, 0), (5, 2, 0, "usage"));
    let f = "bad-months.csv";
    assert_eq!(
        errors(&r),
        [
            err(f, 2, "MonthName", "13-2025", "not a month (expected e.g. Oct-2024, 2024-10 or 10/1/2024)"),
            err(f, 4, "MonthName", "", "empty month"),
        ]
    );
    // `Feb-30` is February 2030 (Excel writes Oct-2024 back as Oct-24), so
    // it becomes the latest month and its baseline (2029-02) is missing.
    assert_eq!(r["areas"]["modern-work"]["months"], json!(["2024-10", "2025-10", "2030-02"]));
    assert_eq!(r["areas"]["modern-work"]["asOf"], "2030-02");
    assert_eq!(scores(&r)["smb"], json!([0.0, null, 0.0, 0.0, null, null]));
    assert!(
        warnings(&r)[0].starts_with("The baseline month 2029-02 (12 months before 2030-02) is not in the usage data")
    );
}

#[test]
fn bad_months_with_today_future_months_are_errors() {
    let r = report_with(&[("bad-months.csv", &corpus("bad-months.csv"))], Month::new(2025, 10));
    assert_eq!(counts(&r, 0), (5, 3, 0, "usage"));
    let f = "bad-months.csv";
    assert_eq!(
        errors(&r),
        [
            err(f, 2, "MonthName", "13-2025", "not a month (expected e.g. Oct-2024, 2024-10 or 10/1/2024)"),
            err(f, 3, "MonthName", "Feb-30", "month 2030-02 is in the future"),
            err(f, 4, "MonthName", "", "empty month"),
        ]
    );
    assert_eq!(r["areas"]["modern-work"]["asOf"], "2025-10");
    // M-04: 5 -> 15 users of 20 seats: 10 growth (0.15), deployed from 25% to 75% (2.5).
    assert_eq!(scores(&r)["smb"], json!([2.65, 0.0, 0.0, 0.0, 0.15, 2.5]));
}

/// European Excel: a `sep=;` line, a title line above the header,
/// day.month.year dates and decimal commas.
#[test]
fn european_excel_export() {
    let r = one("excel-europe.csv");
    assert_eq!(counts(&r, 0), (4, 0, 0, "usage"));
    assert_eq!(r["files"][0]["delimiter"], "semicolon");
    assert_eq!(errors(&r), vec![]);
    assert!(warnings(&r).contains(&"1 line(s) above the header were skipped.".to_string()));
    assert_eq!(r["areas"]["modern-work"]["months"], json!(["2024-10", "2025-10"]));
    // T-EU: 2.5 -> 12.5 CSP users of 20 (growth 10, deployed from 12.5% to 62.5%);
    // T-BIG: 1,000 -> 1,234.56 CPOR users of 2,000 (Enterprise growth 234.56).
    assert_eq!(scores(&r)["smb"], json!([2.65, 0.0, 0.0, 0.0, 0.15, 2.5]));
    assert_eq!(scores(&r)["enterprise"], json!([7.0368, 0.0, 0.0, 0.0, 7.0368, 0.0]));
}

/// Lines are numbered as in the file: a `sep=` line is line 1 (rows
/// after it were numbered one short), a BOM is no line, and a `sep=` line
/// ended by a lone CR is a `sep=` line too (it was read as a title line).
#[test]
fn a_sep_line_is_line_1() {
    let header = HEADER.replace(',', ";");
    let rows = ["T-1;CSP Tier1;Teams;Oct-2025;abc;20", "T-1;CSP Tier1;Teams;Oct-2024;2;20"];
    for (name, eol, bom) in [("crlf.csv", "\r\n", ""), ("lf.csv", "\n", "\u{feff}"), ("cr.csv", "\r", "")] {
        let text = format!("{bom}sep=;{eol}{header}{eol}{}{eol}{}{eol}", rows[0], rows[1]);
        let r = report(&[(name, text.as_bytes())]);
        assert_eq!(r["files"][0]["delimiter"], "semicolon", "{name}");
        assert_eq!(counts(&r, 0), (2, 1, 0, "usage"), "{name}");
        assert_eq!(errors(&r), [err(name, 3, "ActiveUsage", "abc", "not a number")], "{name}");
        assert_eq!(kinds(&r, "warnings"), ["missingBaseline", "noSkilling"], "{name}");
    }
}

/// Lines above the header are counted as lines (a quoted title over two
/// lines was one), and row errors after them, after blank lines, a BOM,
/// CRLF and a quoted value over two lines keep their line numbers.
#[test]
fn lines_above_and_below_the_header_are_counted_as_in_the_file() {
    let text = format!(
        "\u{feff}\r\nTitle line\r\n\r\n\"A title\r\nover two lines\"\r\n{HEADER},Notes\r\n\
         T-1,CSP Tier1,Teams,Oct-2025,abc,2,\"a note\r\nover two lines\"\r\n\r\nT-2,CSP Tier1,Teams,Oct-2025,1,x,\r\n"
    );
    let r = report(&[("titled.csv", text.as_bytes())]);
    assert_eq!(counts(&r, 0), (2, 2, 0, "usage"));
    assert_eq!(
        errors(&r),
        [
            err("titled.csv", 7, "ActiveUsage", "abc", "not a number"),
            err("titled.csv", 10, "QualifiedUsage", "x", "not a number")
        ]
    );
    assert_eq!(warnings(&r)[0], "3 line(s) above the header were skipped.");
}

/// The header error names the line of the record whose columns it lists
/// (was always line 1).
#[test]
fn an_unknown_header_is_named_on_its_line() {
    for (text, line) in [("\n\nInvoice,Date\n1,2\n", 3), ("sep=,\r\nInvoice,Date\r\n1,2\r\n", 2), ("Invoice,Date\n", 1)]
    {
        let r = report(&[("invoice.csv", text.as_bytes())]);
        assert_eq!(kinds(&r, "errors"), ["unknownHeader"], "{text:?}");
        assert_eq!(r["errors"][0]["line"], line, "{text:?}");
        assert!(errors(&r)[0]
            .4
            .starts_with("the header matches no known layout. Columns found: \"Invoice\", \"Date\"."));
    }
}

#[test]
fn extra_and_reordered_columns_change_nothing() {
    let r = one("extra-reordered-columns.csv");
    assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
    assert_eq!(errors(&r), vec![]);
    assert_eq!(figures(&r), figures(&one("base-usage.csv")));
}

/// Two exports pasted one below the other: the second header is skipped,
/// not reported as a row whose every value is wrong.
#[test]
fn a_repeated_header_is_skipped() {
    let r = one("pasted-exports.csv");
    assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
    assert_eq!(errors(&r), vec![]);
    assert!(warnings(&r)
        .contains(&"1 line(s) repeat the header (exports pasted one after another?) and were skipped.".to_string()));
    assert_eq!(figures(&r), figures(&one("base-usage.csv")));
}

#[test]
fn same_file_twice_counts_once() {
    let base = corpus("base-usage.csv");
    let r = report(&[("base-usage.csv", &base), ("base-usage (1).csv", &base)]);
    assert_eq!(counts(&r, 0), (6, 0, 0, "usage"));
    assert_eq!(counts(&r, 1), (6, 0, 6, "usage"));
    assert_eq!(errors(&r), vec![]);
    assert!(warnings(&r).contains(
        &"6 row(s) repeat rows already loaded (same tenant, association, workload and month) and were counted once."
            .to_string()
    ));
    assert_eq!(figures(&r), figures(&one("base-usage.csv")));
}

#[test]
fn conflicting_rows_keep_the_first_and_name_the_second() {
    let r = report(&[("conflict-a.csv", &corpus("conflict-a.csv")), ("conflict-b.csv", &corpus("conflict-b.csv"))]);
    assert_eq!(counts(&r, 0), (2, 0, 0, "usage"));
    // Line 2 repeats a.csv's row exactly (a duplicate); line 3 is the same
    // key spelt differently (t-alpha, "CSP Tier 1") with other MAU.
    assert_eq!(counts(&r, 1), (3, 1, 1, "usage"));
    assert_eq!(
        errors(&r),
        [err(
            "conflict-b.csv",
            3,
            "CustomerTenantName",
            "t-alpha",
            "conflicting duplicate: this tenant, association, workload and month was already loaded with MAU 30 and PAU 40; this row (MAU 35, PAU 40) was skipped"
        )]
    );
    assert_eq!(scores(&r)["smb"], json!([5.1, 2.0, 0.0, 0.0, 0.6, 2.5]));
    assert_eq!(r["areas"]["modern-work"]["tenants"][0]["tracks"]["smb"]["options"]["CSP"]["asOf"]["mau"], 30.0);
}

#[test]
fn skilling_without_usage_scores_the_certifications() {
    let r = one("skilling.csv");
    assert_eq!(counts(&r, 0), (3, 0, 0, "skilling"));
    // No usage export: as of the skilling list's month (designations.md section 11).
    assert_eq!(r["areas"]["modern-work"]["asOf"], "2025-01");
    // 2 intermediate (Ana, Ben), 1 advanced (Chen); customer metrics unknown.
    assert_eq!(
        scores(&r),
        json!({ "enterprise": [12.5, null, 5.0, 7.5, null, null], "smb": [25.0, null, 10.0, 15.0, null, null] })
    );
    assert_eq!(r["areas"]["modern-work"]["tracks"]["smb"]["complete"], false);
    assert!(warnings(&r).iter().any(|w| w.starts_with("No usage export was loaded")));
}

#[test]
fn usage_without_skilling_scores_the_customers() {
    let r = one("base-usage.csv");
    assert_eq!(scores(&r), base_scores());
    assert!(warnings(&r).contains(&"No skilling list was loaded: certification metrics count no one.".to_string()));
    // Both together add up.
    let r = report(&[("skilling.csv", &corpus("skilling.csv")), ("base-usage.csv", &corpus("base-usage.csv"))]);
    assert_eq!(
        scores(&r),
        json!({ "enterprise": [14.0, 0.0, 5.0, 7.5, 1.5, 0.0], "smb": [30.1, 2.0, 10.0, 15.0, 0.6, 2.5] })
    );
}

#[test]
fn unknown_header_lists_what_was_found() {
    let r = one("unknown-header.csv");
    assert_eq!(counts(&r, 0), (0, 0, 0, "unknown"));
    let errors = errors(&r);
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].1, &errors[0].2), (Some(1), &None));
    assert!(errors[0].4.starts_with(
        "the header matches no known layout. Columns found: \"InvoiceNumber\", \"ChargeStartDate\", \"ChargeEndDate\", \"Subtotal\"."
    ));
}

/// Regression (fuzzing): a year past 5461 overflowed the 16 bits the
/// store's cell key gave the month, landing in the tenant bits and
/// panicking when the month was read back.
#[test]
fn far_future_years_do_not_corrupt_the_store() {
    let text = format!(
        "{HEADER}\nT-1,CSP Tier1,Teams,Oct-9999,12,20\nT-2,CSP Tier1,Teams,Oct 6571,12,20\nT-1,CSP Tier1,Teams,Oct-2025,12,20\n"
    );
    let r = report_with(&[("far.csv", text.as_bytes())], Month::new(9999, 12));
    assert_eq!(counts(&r, 0), (3, 0, 0, "usage"));
    assert_eq!(r["areas"]["modern-work"]["months"], json!(["2025-10", "6571-10", "9999-10"]));
    assert_eq!(tenant_ids(&r), ["T-1", "T-2"]);
    let r = report_with(&[("far.csv", text.as_bytes())], Month::new(2025, 10));
    assert_eq!(counts(&r, 0), (3, 2, 0, "usage"));
    assert_eq!(errors(&r)[0], err("far.csv", 2, "MonthName", "Oct-9999", "month 9999-10 is in the future"));
    assert_eq!(r["areas"]["modern-work"]["months"], json!(["2025-10"]));
}

/// Regression (fuzzing): encoding was decided on however much of the file
/// the chunk that completed the first 12 lines brought, so NUL bytes past
/// line 12 made the file "binary" fed whole but CSV fed in chunks. (One
/// NUL no longer makes a file binary: here a row of them would, if the
/// decision looked past line 12.)
#[test]
fn the_encoding_is_decided_on_the_same_bytes_however_the_file_is_cut() {
    let mut bytes = format!("{HEADER}\n{}", "\n".repeat(11)).into_bytes();
    bytes.extend_from_slice(b"T-1,CSP Tier1,Teams,Oct-2025,12,20\nT-\x002,CSP Tier1,Teams,Oct-2025,12,20");
    bytes.extend_from_slice(&[0; 300]);
    bytes.push(b'\n');
    let r = report(&[("nul.csv", &bytes)]);
    assert_eq!(counts(&r, 0), (2, 1, 0, "usage"));
    assert_eq!(kinds(&r, "errors"), ["nulByte"]);
    assert_eq!(r["errors"][0]["line"], 14);
    assert_eq!(tenant_ids(&r), ["T-1"]);
    let whole = whole_json("nul.csv", &bytes);
    for cut in 0..=bytes.len() {
        assert_chunking_invariant("nul.csv", &bytes, &whole, &[cut]);
    }
}

/// A stray NUL byte (a damaged export) loses its row, not the file: it
/// was "this looks like a binary file" when in the first 12 lines, and
/// read into a tenant id or a number after them.
#[test]
fn a_nul_byte_loses_its_row_only() {
    let base = String::from_utf8(corpus("base-usage.csv")).unwrap();
    // In T-BETA's tenant id (line 4).
    let text = base.replace("T-BETA", "T-BE\0TA");
    let nul_error = |file: &str| {
        err(
            file,
            4,
            "CustomerTenantName",
            "T-BE\u{2400}TA",
            "a NUL byte (character 0) on line 4 in column CustomerTenantName: the file is damaged there; the row was skipped",
        )
    };
    let r = report(&[("nul.csv", text.as_bytes())]);
    assert_eq!(r["files"][0]["encoding"], "UTF-8");
    assert_eq!(counts(&r, 0), (6, 1, 0, "usage"));
    assert_eq!(errors(&r), [nul_error("nul.csv")]);
    assert_eq!(kinds(&r, "errors"), ["nulByte"]);
    // The other five rows count: T-BETA's SMB net add, its 20 CSP users and
    // its deployment are gone (as in mac-cr-line-endings.csv); Enterprise is whole.
    assert_eq!(
        scores(&r),
        json!({ "enterprise": [1.5, 0.0, 0.0, 0.0, 1.5, 0.0], "smb": [0.3, 0.0, 0.0, 0.0, 0.3, 0.0] })
    );
    assert_eq!(tenant_ids(&r), ["T-ALPHA", "T-GAMMA", "T-DELTA"]);
    // The same in CRLF, in UTF-16 (an U+0000 character), and fed in chunks
    // past the first 12 lines as well as in them.
    let crlf = text.replace('\n', "\r\n");
    let r = report(&[("nul.csv", crlf.as_bytes())]);
    assert_eq!(errors(&r), [nul_error("nul.csv")]);
    let r = report(&[("nul.csv", &utf16(&text, false))]);
    assert_eq!((r["files"][0]["encoding"].as_str(), errors(&r)), (Some("UTF-16 LE"), vec![nul_error("nul.csv")]));
    let padded = text.replacen('\n', &format!("\n{}", "\n".repeat(12)), 1);
    for bytes in [text.as_bytes(), padded.as_bytes()] {
        let whole = whole_json("nul.csv", bytes);
        assert!(whole.contains(r#""kind":"nulByte""#));
        assert_chunking_invariant("nul.csv", bytes, &whole, &(1..bytes.len()).collect::<Vec<_>>());
        for cut in 0..=bytes.len() {
            assert_chunking_invariant("nul.csv", bytes, &whole, &[cut]);
        }
    }
    // In a number, and beyond the header.
    let text =
        base.replace("30.00,40.00", "30.\u{0}0,40.00").replace("50.00,400.00\nT-DELTA", "50.00,400.00,,\0\nT-DELTA");
    let r = report(&[("nul.csv", text.as_bytes())]);
    assert_eq!(counts(&r, 0), (6, 2, 0, "usage"));
    let found: Vec<_> = errors(&r).into_iter().map(|e| (e.1, e.2, e.3)).collect();
    assert_eq!(
        found,
        [
            (Some(3), Some("ActiveUsage".into()), Some("30.\u{2400}0".into())),
            (Some(6), Some("field 8 (beyond the header)".into()), Some("\u{2400}".into())),
        ]
    );
    // A binary file is still one: a zip, a PNG (see above), or NULs everywhere.
    let r = report(&[("zeros.csv", &[0; 4096]), ("xlsx.csv", b"PK\x03\x04\x14\x00\x06\x00")]);
    assert_eq!(kinds(&r, "errors"), ["notCsv", "notCsv"]);
    assert!(errors(&r)[0].4.starts_with("this looks like a binary file, not a CSV file."));
}

/// Regression (review): `184467440737095516.99` overflowed u64 once the
/// decimals were added (a panic in debug builds, 0.83 in release ones).
#[test]
fn numbers_at_the_edge_of_u64_are_too_large() {
    let text = format!("{HEADER}\nT-1,CSP Tier1,Teams,Oct-2025,184467440737095516.99,20\n");
    let r = report(&[("edge.csv", text.as_bytes())]);
    assert_eq!(
        errors(&r),
        [err(
            "edge.csv",
            2,
            "ActiveUsage",
            "184467440737095516.99",
            "number too large for a user count (over 42,949,672)"
        )]
    );
}

/// Regression (review): an empty chunk, or a one-byte UTF-16 chunk (which
/// transcodes to nothing), past the first 12 lines was taken for the end of
/// the file and split the record being read in two.
#[test]
fn empty_and_one_byte_chunks_do_not_end_the_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-sample-usage.csv");
    let text = String::from_utf8(std::fs::read(path).unwrap()).unwrap();
    for (name, bytes) in [("utf8.csv", text.clone().into_bytes()), ("utf16.csv", utf16(&text, false))] {
        let whole = whole_json(name, &bytes);
        let mut book = Workbook::default();
        book.begin_file(name);
        for byte in &bytes {
            book.push(&[]);
            book.push(std::slice::from_ref(byte));
        }
        book.push(&[]);
        book.end_file();
        let r = book.report(&ScoreOptions::default());
        assert_eq!(r.files[0].rows, 25, "{name}");
        assert_eq!(r.errors.len(), 0, "{name}");
        assert_eq!(spd_score::to_json(&r), whole, "{name}");
    }
}

/// Every corpus file, and the generated ones, read the same cut anywhere.
/// Each is read three times over in one file: the first 12 lines decide
/// the encoding and delimiter before any row is read, so a small file fed
/// in chunks would never get past that stage. (The repeated rows are
/// duplicates; what matters is that chunked and whole feeding agree.)
#[test]
fn every_corpus_file_reads_the_same_in_chunks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    let text = String::from_utf8(corpus("base-usage.csv")).unwrap();
    files.push(("le.csv".into(), utf16(&text, false)));
    files.push(("be.csv".into(), utf16(&text, true)));
    let cp1252 = format!("{HEADER}\nCaf\u{e9},CPOR,Teams,Oct-2025,1,2\n").chars().map(|c| c as u8).collect();
    files.push(("cp1252.csv".into(), cp1252));
    files.push(("xlsx.csv".into(), b"PK\x03\x04\x14\x00".to_vec()));
    assert!(files.len() >= 20, "{}", files.len());
    for (name, once) in &files {
        let bytes = once.repeat(3);
        let n = bytes.len();
        let whole = whole_json(name, &bytes);
        // One byte at a time: every position is a cut.
        assert_chunking_invariant(name, &bytes, &whole, &(1..n).collect::<Vec<_>>());
        // One cut, at 40 places.
        for cut in (0..=n).step_by(n / 40 + 1) {
            assert_chunking_invariant(name, &bytes, &whole, &[cut]);
        }
        assert_chunking_invariant(name, &bytes, &whole, &[n / 5, n / 3, n / 3, n / 2, n - n / 7]);
    }
}

/// `tests/corpus/README.md` documents every corpus file.
#[test]
fn the_corpus_table_names_every_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".csv") {
            assert!(readme.contains(&format!("`{name}`")), "{name} is not in tests/corpus/README.md");
        }
    }
}

fn kinds(r: &Value, of: &str) -> Vec<String> {
    r[of].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap().to_string()).collect()
}

/// Every error and warning says what it is in `kind`, beside its message,
/// so that programs need not match the wording.
#[test]
fn errors_and_warnings_have_a_kind() {
    let bad = format!("{HEADER}\nT-1,CSP Tier1,Teams,Oct-2025,abc,20\n");
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    let r = report(&[
        ("bad.csv", bad.as_bytes()),
        ("unknown-header.csv", &corpus("unknown-header.csv")),
        ("book.csv", xlsx),
    ]);
    let e = &r["errors"];
    assert_eq!(
        e[0],
        json!({ "kind": "badNumber", "file": "bad.csv", "line": 2, "column": "ActiveUsage", "value": "abc", "message": "not a number" })
    );
    assert_eq!(
        (&e[1]["kind"], &e[1]["file"], &e[1]["line"]),
        (&json!("unknownHeader"), &json!("unknown-header.csv"), &json!(1))
    );
    assert_eq!((&e[2]["kind"], &e[2]["file"], &e[2]["line"]), (&json!("notCsv"), &json!("book.csv"), &Value::Null));
    assert_eq!(e.as_array().unwrap().len(), 3);
    // The kind is the first key, then the fields there were before it.
    let text = whole_json("bad.csv", bad.as_bytes());
    let expected = r#"{"kind":"badNumber","file":"bad.csv","line":2,"column":"ActiveUsage","value":"abc","message":"not a number"}"#;
    assert!(text.contains(expected), "{text}");
    // bad.csv's only row was skipped: there is no usage at all.
    assert_eq!(kinds(&r, "warnings"), ["noUsage", "noSkilling"]);

    // The kinds of the other corpus files' errors and warnings.
    let f = |name: &str| one(name);
    assert_eq!(
        kinds(&f("bad-numbers.csv"), "errors"),
        [vec!["badNumber"; 2], vec!["emptyValue"], vec!["badNumber"; 6]].concat()
    );
    assert_eq!(kinds(&f("bad-months.csv"), "errors"), ["badMonth", "futureMonth", "emptyValue"]);
    let today = report_with(&[("bad-months.csv", &corpus("bad-months.csv"))], Month::new(2025, 10));
    assert_eq!(kinds(&today, "errors"), ["badMonth", "futureMonth", "emptyValue"]);
    assert_eq!(kinds(&f("ragged-rows.csv"), "errors"), ["shortRow", "longRow", "longRow"]);
    assert_eq!(kinds(&f("empty.csv"), "errors"), ["emptyFile"]);
    assert_eq!(kinds(&f("header-only.csv"), "warnings"), ["noDataRows", "noUsage", "noSkilling"]);
    assert_eq!(kinds(&f("excel-europe.csv"), "warnings"), ["preamble", "noSkilling"]);
    assert_eq!(kinds(&f("pasted-exports.csv"), "warnings"), ["repeatedHeader", "noSkilling"]);
    let base = corpus("base-usage.csv");
    let twice = report(&[("a.csv", &base), ("b.csv", &base)]);
    assert_eq!(kinds(&twice, "warnings"), ["duplicateRows", "noSkilling"]);
    let conflict = report(&[("a.csv", &corpus("conflict-a.csv")), ("b.csv", &corpus("conflict-b.csv"))]);
    assert_eq!(kinds(&conflict, "errors"), ["conflictingDuplicate"]);
    let skilling = f("skilling.csv");
    assert_eq!(kinds(&skilling, "warnings")[0], "noUsage");
}

/// Huge hostile inputs (issue 25), sized down from the bench's 100 MB and
/// 300 MB (bench/hostile.mjs): each dropped beside a good Azure usage file,
/// fed in 1 MB chunks as the page and the CLI feed files. The good file
/// still scores exactly as alone; the hostile one is one clear error; the
/// report is no more than a few KB larger than the good file's.
mod huge {
    use super::*;

    fn good() -> Vec<u8> {
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-layouts/azure-usage.csv")).unwrap()
    }

    /// The report's JSON with the good file alone and with `hostile` beside it.
    fn beside(hostile: &[u8]) -> (String, String, Value) {
        let json = |files: &[(&str, &[u8])]| {
            let mut book = Workbook::default();
            for (name, bytes) in files {
                book.begin_file(name);
                for chunk in bytes.chunks(1 << 20) {
                    book.push(chunk);
                }
                book.end_file();
            }
            spd_score::to_json(&book.report(&ScoreOptions::default()))
        };
        let good = good();
        let alone = json(&[("azure.csv", &good)]);
        let both = json(&[("hostile.csv", hostile), ("azure.csv", &good)]);
        let value = serde_json::from_str(&both).unwrap();
        (alone, both, value)
    }

    fn check(hostile: &[u8], kind: &str, line: u64) {
        let (alone, both, r) = beside(hostile);
        let alone: Value = serde_json::from_str(&alone).unwrap();
        assert_eq!(r["areas"], alone["areas"], "the good file scores as alone");
        assert!(alone["areas"]["data-ai"]["total"].as_f64().is_some(), "the good file scores");
        let errors = r["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0]["kind"].as_str(), errors[0]["file"].as_str()), (Some(kind), Some("hostile.csv")));
        assert_eq!(errors[0]["line"].as_u64(), Some(line));
        let growth = both.len() - alone.to_string().len();
        assert!(growth < 4096, "the report grew by {growth} bytes");
    }

    #[test]
    fn a_header_of_200_000_empty_fields() {
        let header = format!("{}\nT-1,CSP Tier1,Teams,Oct-2025,1,2\n", ",".repeat(200_000));
        check(header.as_bytes(), "tooManyColumns", 1);
        // `x,` as in the issue, and a header just over the limit.
        check(format!("{}\n", "x,".repeat(200_000)).as_bytes(), "tooManyColumns", 1);
        check(format!("{}\n", "x,".repeat(1000)).as_bytes(), "tooManyColumns", 1);
    }

    #[test]
    fn a_5_mb_line() {
        let line = format!("{HEADER}\n{}\n", "7".repeat(5 << 20));
        check(line.as_bytes(), "longField", 2);
    }

    /// A column name of 60 KB (under the field limit), named by the error
    /// of each of 300 short rows: named cut to 200 characters.
    #[test]
    fn a_60_kb_column_name_in_every_error() {
        let name = "C".repeat(60 << 10);
        let rows = "T-1,CSP Tier1,Teams,Oct-2025,1,2\n".repeat(300);
        let text = format!("{HEADER},{name}\n{rows}");
        let r = report(&[("wide.csv", text.as_bytes())]);
        let errors = r["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 200);
        assert_eq!(errors[0]["kind"], "shortRow");
        assert_eq!(
            errors[0]["column"].as_str().map(|c| c.chars().count()),
            Some(200 + " (61440 characters)".len() + 1)
        );
        assert!(r.to_string().len() < 200 << 10, "{} bytes", r.to_string().len());
    }

    #[test]
    fn a_5_mb_name() {
        let good = String::from_utf8(good()).unwrap();
        let (header, rows) = good.split_once('\n').unwrap();
        let first = rows.lines().next().unwrap();
        // CustomerName is the second column of the Azure layout.
        let (tenant, rest) = first.split_once(',').unwrap();
        let rest = rest.split_once(',').unwrap().1;
        let hostile = format!("{header}\n{tenant}-2,{},{rest}\n", "N".repeat(5 << 20));
        check(hostile.as_bytes(), "longField", 2);
    }
}
