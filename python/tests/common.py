"""What the Python tests share: the repository, the CLI (dist/cli.js, built
by scripts/build.mjs) and a generated portfolio (examples/gen.rs)."""

import atexit
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "dist" / "cli.js"
PARTNERS = 200


def cli(*args, check=True) -> subprocess.CompletedProcess:
    """`spd-score ARGS...` (node dist/cli.js)."""
    result = subprocess.run(["node", str(CLI), *map(str, args)], capture_output=True, text=True)
    if check and result.returncode not in (0, 1):
        raise AssertionError(f"spd-score {' '.join(map(str, args))}: exit {result.returncode}: {result.stderr}")
    return result


def cli_batch(source) -> tuple:
    """`spd-score batch SOURCE --json`: its rows and its summary."""
    lines = [json.loads(line) for line in cli("batch", source, "--json").stdout.splitlines()]
    return lines[:-1], lines[-1]["summary"]


_made = {}


def portfolio() -> Path:
    """A generated portfolio of PARTNERS partners, made once per test run
    (the debug example, which `cargo test` has built) and removed at exit."""
    if "dir" not in _made:
        tmp = tempfile.mkdtemp(prefix="spd-python-")
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        out = Path(tmp) / "partners"
        subprocess.run(
            ["cargo", "run", "--quiet", "--example", "gen", "--", "--portfolio", str(PARTNERS), "--out", str(out)],
            cwd=ROOT,
            check=True,
        )
        _made["dir"] = out
    return _made["dir"]


def fixtures() -> list:
    """Every CSV fixture, top level and per area."""
    base = ROOT / "tests" / "fixtures"
    return sorted(base.glob("*.csv")) + sorted((base / "areas").glob("*.csv"))
