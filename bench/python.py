"""The Python package and the Spark job on a generated portfolio, for
bench/batch.mjs (which runs this with .venv's Python when the package is
installed there): partners per second for `spd_score.batch` with 1 thread
and one per core, and for `python -m spd_score.spark` in local mode (the
job's whole run, the JVM's start included); one JSON line.
    .venv/bin/python bench/python.py DIR RUNS
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import spd_score

folder, runs = sys.argv[1], int(sys.argv[2])
cores = os.cpu_count() or 1
partners = len(spd_score.find_partners(folder))


def timed(run):
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        run()
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    return {"seconds": best, "partnersPerSecond": partners / best}


result = {
    "partners": partners,
    "cores": cores,
    "oneThread": timed(lambda: spd_score.batch(folder, workers=1)),
    "everyCore": timed(lambda: spd_score.batch(folder, workers=cores)),
    "peakMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}
with tempfile.TemporaryDirectory() as out:
    job = [sys.executable, "-m", "spd_score.spark", os.path.join(folder, "manifest.csv"), "--out", out]
    job += ["--master", f"local[{cores}]", "--partitions", str(cores * 2)]
    # Once: a Spark run is long, and its start-up the same every time.
    started = time.perf_counter()
    subprocess.run(job, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    spark_partners = len(spd_score.find_partners(os.path.join(folder, "manifest.csv")))
    result["spark"] = {
        "partners": spark_partners,
        "seconds": seconds,
        "partnersPerSecond": spark_partners / seconds,
    }
print(json.dumps(result))
