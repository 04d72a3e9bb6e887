"""`python -m spd_score.spark` in Spark's local mode on a generated
portfolio: every row it writes, as Parquet and as CSV, equals the row
`spd-score batch` writes for the same files."""

import csv
import glob
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from common import PARTNERS, cli_batch, portfolio

import pyarrow.parquet as pq


def read_csv_parts(folder: Path) -> list:
    """Spark's CSV output: part files in order, each with its header."""
    rows = []
    for part in sorted(glob.glob(str(folder / "part-*.csv"))):
        with open(part, newline="", encoding="utf-8") as f:
            rows.extend(csv.DictReader(f))
    return rows


class SparkJob(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = portfolio()
        cls.expected, _ = cli_batch(cls.dir / "manifest.csv")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = Path(cls.tmp.name)
        cls.job = subprocess.run(
            [sys.executable, "-m", "spd_score.spark", cls.dir / "manifest.csv", "--out", cls.out, "--master", "local[2]", "--partitions", "4"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYSPARK_PYTHON": sys.executable},
        )

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_exit_status_as_batch(self):
        # partner-missing (its one file does not exist) and the partners with
        # only a file of no known layout cannot be scored: 1, as batch.
        self.assertEqual(self.job.returncode, 1, self.job.stderr[-3000:])
        partners = {r["partner"] for r in self.expected}
        unscored = {r["partner"] for r in self.expected if r["area"] is None}
        self.assertIn("partner-missing", unscored)
        self.assertIn(f"spd-score: {len(partners)} partners, {len(unscored)} not scored", self.job.stderr)

    def test_parquet_rows_equal_the_batch_rows(self):
        rows = pq.read_table(self.out / "rows.parquet").to_pylist()
        self.assertEqual(len(rows), len(self.expected))
        self.assertGreater(len({r["partner"] for r in rows}), PARTNERS * 0.9)
        for row, expected in zip(rows, self.expected):
            # The same fields, in order, with the same values (a score is a double here).
            self.assertEqual(list(row), list(expected))
            self.assertEqual(row, expected, f"{expected['partner']} {expected['area']}")

    def test_csv_rows_equal_the_batch_rows(self):
        rows = read_csv_parts(self.out / "rows.csv")
        self.assertEqual(len(rows), len(self.expected))
        for row, expected in zip(rows, self.expected):
            where = f"{expected['partner']} {expected['area']}"
            self.assertEqual(list(row), list(expected), where)
            for name, value in expected.items():
                cell = row[name]
                if name == "score" and value is not None:
                    self.assertEqual(float(cell), value, where)
                elif name == "errors":
                    self.assertEqual(cell, " | ".join(value), where)
                elif isinstance(value, bool):
                    self.assertEqual(cell, str(value).lower(), where)
                else:
                    self.assertEqual(cell, "" if value is None else str(value), f"{where} {name}")


if __name__ == "__main__":
    unittest.main()
