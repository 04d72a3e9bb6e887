#!/usr/bin/env python3
"""Writes the broken variants of every layout's good file (cases/) and the
table of README.md that tests/hostile_layouts.rs and
tests/js/hostile-layouts.test.mjs run. Run from this folder after changing a
good file or a case: `python3 make.py`."""
import csv, io, os

HERE = os.path.dirname(os.path.abspath(__file__))

# Good file -> (layout, the column naming its tenant or person, its number
# column, its month or date column, what it is loaded beside, a column after
# which a short row is cut).
GOOD = {
    "usage.csv": ("usage", "CustomerTenantName", "ActiveUsage", "MonthName", [], None),
    "office-usage.csv": ("usage", "CustomerTenantId", "PaidAvailableUnits", "Month", [], None),
    "ems-usage.csv": ("ems-usage", "CustomerTenantId", "IntunePaidAvailableUnits", "Month", [], None),
    "azure-usage.csv": ("azure-usage", "CustomerTenantId", "ACR_USD", "Month", ["skilling.csv"], None),
    "azure-programmatic.csv": ("azure-usage", "CustomerTenantId", "TotalACR", "Month", ["training-programmatic.csv"], None),
    "customers-tenants.csv": ("customers-tenants", "CustomerTenantId", "AzureConsumedRevenueUSD", "Month", ["skilling.csv"], None),
    "bizapps-revenue.csv": ("bizapps-revenue", "CustomerTenantID", "AdjustedRevenueAmtCD", "FiscalMonthName", ["bizapps-usage.csv", "skilling.csv"], None),
    "bizapps-usage.csv": ("bizapps-usage", "CustomerTenantID", "PAMAU", "FiscalMonthName", ["bizapps-revenue.csv", "skilling.csv"], None),
    "skilling.csv": ("skilling", "Email", None, "TrainingCompletionDate", [], "TrainingTitle"),
    "training-programmatic.csv": ("skilling", "AADUserId", None, "TrainingCompletionDate", ["azure-programmatic.csv"], "TrainingTitle"),
    "skilling-people.csv": ("skilling", "Email", None, "DateEarned", [], "Certification"),
    "manual.csv": ("manual", None, "Value", None, [], None),
}


def read(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()


def future(value):
    """The same kind of date, in 2099."""
    if value[:4].isdigit():
        return "2099" + value[4:]
    if "/" in value:
        m, d, _ = value.split("/")
        return f"{m}/{d}/2099"
    return value[:-4] + "2099"


def row_text(fields, end):
    out = io.StringIO()
    csv.writer(out, lineterminator=end).writerow(fields)
    return out.getvalue()


def cases_of(good):
    layout, who, number, month, beside, short_after = GOOD[good]
    text = read(good).decode("utf-8")
    end = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(end)
    if lines[-1] == "":
        lines = lines[:-1]
    header = next(csv.reader([lines[0]]))
    first = next(csv.reader([lines[1]]))
    col = {name: i for i, name in enumerate(header)}
    stem = good[:-4]

    def new_row(**changes):
        fields = list(first)
        if who:
            fields[col[who]] = "hostile-" + ("x@example.com" if "@" in first[col[who]] else "tenant")
        for name, value in changes.items():
            fields[col[name]] = value
        return fields

    def inserted(row_line, at=2):
        body = lines[:at] + [row_line] + lines[at:]
        return end.join(body) + end

    out = []  # (case, what, kind, line, bytes)
    n = len(lines)
    if number:
        bad = "abc" if layout != "manual" else "lots"
        kind = "badNumber" if layout != "manual" else "badValue"
        out.append(("bad-number", f"`{number}` is `{bad}` on line 3", kind, 3,
                    inserted(row_text(new_row(**{number: bad}), ""))))
        if layout != "manual":
            out.append(("huge-number", f"`{number}` is 10^30 on line 3", "badNumber", 3,
                        inserted(row_text(new_row(**{number: "1" + "0" * 30}), ""))))
    if month:
        kind = "badDate" if layout == "skilling" else "badMonth"
        out.append(("bad-month", f"`{month}` is `13-2025` on line 3", kind, 3,
                    inserted(row_text(new_row(**{month: "13-2025"}), ""))))
        value = future(first[col[month]])
        out.append(("future-month", f"`{month}` is `{value}` (after today) on line 3", "futureMonth", 3,
                    inserted(row_text(new_row(**{month: value}), ""))))
    if "Month" in col and layout == "skilling":
        value = future(first[col["Month"]])
        out.append(("future-reporting-month", f"the reporting `Month` is `{value}` on line 3", "futureMonth", 3,
                    inserted(row_text(new_row(Month=value), ""))))
    cut = col[short_after] + 1 if short_after else max(1, len(header) // 2)
    what = f"line 3 cut after `{header[cut - 1]}`" + (" (no person)" if short_after and col.get(who, 0) >= cut else "")
    out.append(("short-row", what, "shortRow", 3, inserted(row_text(new_row()[:cut], ""))))
    out.append(("long-row", "line 3 has one more field, `extra`", "longRow", 3,
                inserted(row_text(new_row() + ["extra"], ""))))
    out.append(("unclosed-quote", "a quote opens line 3 and never closes: every line after it still counts", "unclosedQuote", 3,
                inserted('"' + row_text(new_row(), ""))))
    out.append(("unclosed-quote-last-line", f"a quote opens the last line ({n + 1}) and never closes", "unclosedQuote", n + 1,
                inserted('"' + row_text(new_row(), ""), at=n)))
    out.append(("nul-byte", "a NUL byte in line 3", "nulByte", 3,
                inserted(row_text(new_row(), "").replace(",", ",\0", 1))))
    if layout == "manual":
        area = first[col["Area"]]
        for case, what, kind, changes in [
            ("unknown-area", "area `Atlantis`", "unknownArea", {"Area": "Atlantis"}),
            ("unknown-metric", "metric `coffeeBreaks`", "unknownMetric", {"Metric": "coffeeBreaks"}),
            ("negative-people", "-2 people at `intermediateCertifications.step1`", "badValue",
             {"Metric": "intermediateCertifications.step1", "Value": "-2"}),
            ("fractional-people", "2.5 people at `intermediateCertifications.step1`", "badValue",
             {"Metric": "intermediateCertifications.step1", "Value": "2.5"}),
        ]:
            out.append((case, what + " on line 3", kind, 3, inserted(row_text(new_row(**changes), ""))))
    out.append(("utf16", "the good file as UTF-16 LE with a byte-order mark (Excel's Unicode text)", "", "",
                b"\xff\xfe" + text.encode("utf-16-le")))
    out.append(("zip", "a zip (an .xlsx) renamed .csv, dropped beside the good file", "notCsv", "",
                b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 24))
    out.append(("wide-header", "a header of 1,001 columns, dropped beside the good file", "tooManyColumns", 1,
                ",".join(["Column"] * 1001) + end + lines[1] + end))
    return stem, beside, out


def main():
    os.makedirs(os.path.join(HERE, "cases"), exist_ok=True)
    table = []
    for good in GOOD:
        stem, beside, cases = cases_of(good)
        for case, what, kind, line, data in cases:
            name = f"{stem}.{case}.csv"
            data = data if isinstance(data, bytes) else data.encode("utf-8")
            with open(os.path.join(HERE, "cases", name), "wb") as f:
                f.write(data)
            with_ = " + ".join(f"`{b}`" for b in beside) or "-"
            table.append(f"| `{name}` | `{good}` | {with_} | {kind and '`' + kind + '`' or '-'} | {line or '-'} | {what} |")
    readme = os.path.join(HERE, "README.md")
    text = open(readme).read()
    start = text.index("<!-- cases -->") + len("<!-- cases -->\n")
    stop = text.index("<!-- /cases -->")
    head = "| Case | Good file | Beside | Error kind | Line | What it is |\n| --- | --- | --- | --- | --- | --- |\n"
    with open(readme, "w") as f:
        f.write(text[:start] + head + "\n".join(table) + "\n" + text[stop:])


main()
