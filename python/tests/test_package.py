"""The Python package against the CLI: the same core, so the same report
and the same rows, to the digit."""

import json
import tempfile
import unittest
from pathlib import Path

import spd_score

from common import ROOT, cli, cli_batch, fixtures, portfolio


class Score(unittest.TestCase):
    def test_every_fixture_scores_as_the_cli_scores_it(self):
        files = fixtures()
        self.assertGreater(len(files), 20)
        for path in files:
            with self.subTest(path.name):
                expected = json.loads(cli("score", "--json", path).stdout)
                self.assertEqual(spd_score.score([path]), expected)

    def test_files_together_and_the_options_as_the_cli_takes_them(self):
        base = ROOT / "tests" / "fixtures"
        files = [base / "cpor-report-13-months.csv", base / "skilling-people.csv"]
        expected = json.loads(
            cli("score", "--json", "--today", "2025-11-20", "--anniversary", "2026-03-01", "--as-of", "2025-09", *files).stdout
        )
        report = spd_score.score(files, today="2025-11-20", anniversary="2026-03-01", as_of="2025-09")
        self.assertEqual(report, expected)
        self.assertEqual(report["areas"]["modern-work"]["asOf"], "2025-09")
        # Bytes by name read as the files do.
        named = [(p.name, p.read_bytes()) for p in files]
        self.assertEqual(spd_score.score(named, today="2025-11-20", anniversary="2026-03-01", as_of="2025-09"), expected)

    def test_summary_detail_leaves_out_the_lists_but_not_the_scores(self):
        path = ROOT / "tests" / "fixtures" / "mixed-60-tenants.csv"
        full, brief = spd_score.score(path), spd_score.score(path, detail="summary")
        full_area, brief_area = full["areas"]["modern-work"], brief["areas"]["modern-work"]
        # Summary counts each list and lists nothing; full lists every row inline.
        self.assertEqual(len(full_area["tenants"]), brief_area["lists"]["tenants"])
        self.assertGreater(brief_area["lists"]["tenants"], 0)
        self.assertNotIn("tenants", brief_area)
        self.assertEqual([o["score"] for o in brief["overview"]], [o["score"] for o in full["overview"]])

    def test_a_missing_file_and_bad_options_raise(self):
        with self.assertRaises(FileNotFoundError) as caught:
            spd_score.score(["no-such-file.csv"])
        self.assertEqual(caught.exception.filename, "no-such-file.csv")
        with self.assertRaises(IsADirectoryError):
            spd_score.score([ROOT / "tests"])
        path = ROOT / "tests" / "fixtures" / "rules-2026.csv"
        with self.assertRaisesRegex(ValueError, 'asOf must be a month as YYYY-MM, not "2025/09"'):
            spd_score.score([path], as_of="2025/09")
        with self.assertRaisesRegex(ValueError, 'detail must be "summary" or "full"'):
            spd_score.score([path], detail="all")

    def test_the_embedded_rulesets_and_the_version(self):
        self.assertEqual([r["id"] for r in spd_score.rulesets()][:2], ["modern-work", "security"])
        package = json.loads((ROOT / "package.json").read_text())
        self.assertEqual(spd_score.version(), package["version"])


class Batch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = portfolio()
        cls.rows, cls.summary = cli_batch(cls.dir)

    def test_the_rows_of_a_folder_are_the_cli_batch_rows(self):
        rows = spd_score.batch(self.dir, workers=2)
        self.assertEqual(len({r["partner"] for r in rows}), 200)
        self.assertEqual(rows, self.rows)
        # One worker, the same.
        self.assertEqual(spd_score.batch(self.dir, workers=1), self.rows)
        self.assertEqual(spd_score.summary(rows), self.summary)
        self.assertTrue(any(r["status"] == "qualified" for r in rows))

    def test_the_manifest_and_a_missing_file(self):
        manifest = self.dir / "manifest.csv"
        expected, _ = cli_batch(manifest)
        rows = spd_score.batch(manifest)
        self.assertEqual(rows, expected)
        missing = [r for r in rows if r["partner"] == "partner-missing"]
        self.assertEqual([(r["area"], r["errors"]) for r in missing], [(None, ["usage.csv: no such file"])])

    def test_csv_and_json_lines_are_written_as_the_cli_writes_them(self):
        rows = spd_score.batch(self.dir)
        with tempfile.TemporaryDirectory() as tmp:
            for ext, fmt in (("csv", "csv"), ("jsonl", "jsonl")):
                out = Path(tmp) / f"rows.{ext}"
                cli("batch", self.dir, "--out", out)
                self.assertEqual(spd_score.write(rows, fmt), out.read_bytes().decode("utf-8"), fmt)
                if fmt == "csv":
                    # COLUMNS (what the Spark job writes) is the CLI's header.
                    header = out.read_text(encoding="utf-8").splitlines()[0]
                    self.assertEqual(",".join(spd_score.COLUMNS), header)
        # Partners in any order, the portfolio's order out; floats from a
        # typed column (Spark's) written as whole numbers still.
        partners = sorted({r["partner"] for r in rows}, reverse=True)
        shuffled = [
            {**r, "score": float(r["score"])} if r["score"] is not None else r
            for p in partners
            for r in rows
            if r["partner"] == p
        ]
        self.assertEqual(spd_score.write(shuffled, "csv"), spd_score.write(rows, "csv"))

    def test_broken_partners_have_their_row_and_the_others_are_scored(self):
        rows = spd_score.batch(self.dir)
        of = lambda p: [r for r in rows if r["partner"] == p]  # noqa: E731
        self.assertEqual([(r["area"], r["errors"]) for r in of("partner-0005")], [(None, ["partner-0005: no files in the folder"])])
        self.assertRegex(of("partner-0003")[0]["errors"][0], r"^notes\.csv: the header matches no known layout")
        self.assertEqual(len(of("partner-0007")), 6)
        self.assertRegex(of("partner-0007")[0]["errors"][0], r"^readme\.csv: the header matches no known layout")
        with self.assertRaises(FileNotFoundError):
            spd_score.batch(self.dir / "nowhere")


if __name__ == "__main__":
    unittest.main()
