#!/usr/bin/env python3
"""Writes the fuzz seeds of every layout (issue 25: the score target's seeds
were all Modern Work usage files) from tests/corpus-layouts' good files, and
the dictionary of the layouts' header names (fuzz/layouts.dict). Run from
anywhere: `python3 fuzz/seeds.py`."""
import csv, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOOD = os.path.join(ROOT, "tests", "corpus-layouts")
FUZZ = os.path.join(ROOT, "fuzz")
# Files scored together, as partners drop them (score target: split at \0\0).
COMBOS = {
    "azure-skilling": ["azure-usage.csv", "skilling.csv"],
    "azure-programmatic-training": ["azure-programmatic.csv", "training-programmatic.csv"],
    "bizapps-both-skilling": ["bizapps-revenue.csv", "bizapps-usage.csv", "skilling.csv"],
    "office-ems-skilling": ["office-usage.csv", "ems-usage.csv", "skilling-people.csv"],
    "tenants-manual": ["customers-tenants.csv", "manual.csv"],
    "usage-azure-bizapps": ["usage.csv", "azure-usage.csv", "bizapps-revenue.csv"],
}


def read(name):
    with open(os.path.join(GOOD, name), "rb") as f:
        return f.read()


def write(target, name, data):
    with open(os.path.join(FUZZ, "corpus", target, f"seed-layout-{name}"), "wb") as f:
        f.write(data)


goods = sorted(n for n in os.listdir(GOOD) if n.endswith(".csv"))
words = set()
for name in goods:
    data = read(name)
    stem = name[:-4]
    # read: no cuts, then three cuts; score: today 2026-12, and 2025-10 with history.
    write("read", stem, b"\x00" + data)
    write("read", stem + "-cut", b"\x13" + bytes([7, 0, 40, 0, 200, 0]) + data)
    write("score", stem, b"\x01" + data)
    write("score", stem + "-history", b"\x04" + data)
    header = next(csv.reader([data.decode("utf-8").splitlines()[0]]))
    words.update(header)
for combo, files in COMBOS.items():
    write("score", combo, b"\x01" + b"\x00\x00".join(read(f) for f in files))
words.update(["Oct-2025", "2025-10-01", "10/1/2025", "FY26-M04", "CSP Tier 1", "Partner admin link", "CPOR",
              "Certification", "Exam", "Paid", "Free", "sep=;", "\"\"", "2099-10-01"])
with open(os.path.join(FUZZ, "layouts.dict"), "w") as f:
    f.write("# Header names of every layout and values the readers look for (fuzz/seeds.py).\n")
    for w in sorted(words):
        f.write('"' + w.replace("\\", "\\\\").replace('"', '\\"') + '"\n')
    f.write('"\\x0D\\x0A"\n')
