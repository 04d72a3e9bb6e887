"""A portfolio scored on Spark: each partner's files scored by the spd-score
core in `applyInPandas`, the rows those of `spd-score batch`.

    python -m spd_score.spark manifest.csv --out portfolio/ [--as-of YYYY-MM] [--master local[*]]

INPUT is a manifest CSV `partner,file` (or a folder of partner folders),
read on the driver as `spd-score batch` reads it; the files themselves are
read by the executors, so they must be at the same path on every machine
(shared storage mounted on the cluster: /dbfs, /lakehouse/default/Files,
/synfs ...). Writes OUT/rows.parquet and OUT/rows.csv (Spark directories),
the rows in the portfolio's order. In a notebook:

    from spd_score.spark import partner_files, score_partners
    rows = score_partners(partner_files(spark, "/lakehouse/default/Files/manifest.csv"))
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Optional

import spd_score

#: The rows' schema: `spd-score batch`'s fields and types (docs/portfolio.md).
ROW_SCHEMA = (
    "partner string, area string, score double, atLeast boolean, status string, track string, "
    "incentiveLineMet boolean, next string, asOf string, files long, skippedRows long, errors array<string>"
)
# Each row's place among its partner's (Partner Center's order of designations), dropped on writing.
_ORDER = "_order"
_FILES_SCHEMA = "partner string, seq int, file string, problem string"


def partner_files(spark, source: str):
    """A DataFrame `partner, seq, file, problem`: each partner's files in
    order (`problem` for a partner with none, such as an empty folder), as
    `spd-score batch` finds them in SOURCE (a manifest CSV or a folder)."""
    lines = []
    for partner in spd_score.find_partners(source):
        lines.extend((partner.name, i, f, None) for i, f in enumerate(partner.files))
        if not partner.files:
            lines.append((partner.name, 0, None, partner.problem))
    return spark.createDataFrame(lines, _FILES_SCHEMA)


def score_partners(files, *, as_of: Optional[str] = None, today: Optional[str] = None):
    """Scores each partner of `files` (as `partner_files` makes it) with the
    spd-score core, one group per partner: its rows, ordered by partner and
    then Partner Center's order of designations."""
    return in_order(scored(files, as_of=as_of, today=today))


def scored(files, *, as_of: Optional[str] = None, today: Optional[str] = None):
    """`score_partners` before the sort: the rows with their place among
    their partner's (`_order`). Cache this to score each partner once: the
    sort samples its input before it sorts it."""

    def score_group(group):
        import pandas as pd

        group = group.sort_values("seq")
        problems = [p for p in group["problem"] if isinstance(p, str)]
        partner = spd_score.Partner(
            name=group["partner"].iloc[0],
            files=[f for f in group["file"] if isinstance(f, str)],
            problem=problems[0] if problems else None,
        )
        rows = spd_score.partner_rows(partner, as_of=as_of, today=today)
        columns = {name: [row[name] for row in rows] for name in spd_score.COLUMNS}
        columns[_ORDER] = list(range(len(rows)))
        # object columns: None stays null (not NaN) for strings and booleans.
        return pd.DataFrame({k: pd.Series(v, dtype="object") for k, v in columns.items()})

    return files.groupBy("partner").applyInPandas(score_group, f"{ROW_SCHEMA}, {_ORDER} int")


def in_order(rows):
    """Rows from `scored` in the portfolio's order, as `spd-score batch` writes them."""
    return rows.orderBy("partner", _ORDER).drop(_ORDER)


def write(rows, out: str) -> None:
    """OUT/rows.parquet (typed) and OUT/rows.csv (a header; errors joined
    by ` | ` as the CLI's CSV; RFC 4180 quotes; null as an empty field)."""
    from pyspark.sql import functions as F

    rows.write.mode("overwrite").parquet(os.path.join(out, "rows.parquet"))
    flat = rows.withColumn("errors", F.array_join("errors", " | "))
    (
        flat.write.mode("overwrite")
        .option("header", True)
        .option("quote", '"')
        .option("escape", '"')
        .option("emptyValue", "")
        .csv(os.path.join(out, "rows.csv"))
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spd_score.spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a manifest CSV partner,file, or a folder of partner folders")
    parser.add_argument("--out", required=True, help="the folder for rows.parquet and rows.csv")
    parser.add_argument("--as-of", dest="as_of", help="the month to score, YYYY-MM (default: each partner's latest)")
    parser.add_argument("--today", help="YYYY-MM-DD: rows dated after its month are errors (default: this month)")
    parser.add_argument("--master", help="the Spark master, e.g. local[*] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, help="spark.sql.shuffle.partitions (default: Spark's)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    # Local mode: the Python workers run this interpreter, which has the package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("spd-score")
    if args.master:
        builder = builder.master(args.master)
    if args.partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(args.partitions))
    spark = builder.getOrCreate()
    try:
        rows = in_order(scored(partner_files(spark, args.input), as_of=args.as_of, today=args.today).cache())
        write(rows, args.out)
        counts = rows.agg(F.countDistinct("partner").alias("partners"), F.sum(F.col("area").isNull().cast("int")).alias("unscored")).first()
        print(f"spd-score: {counts.partners} partners, {counts.unscored} not scored: {args.out}", file=sys.stderr)
        # As `spd-score batch`: 1 when some partner could not be scored.
        return 0 if counts.partners and not counts.unscored else 1
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
