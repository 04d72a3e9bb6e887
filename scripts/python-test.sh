#!/usr/bin/env bash
# The Python package (python/, src/python.rs) in `npm test`, after the build
# (dist/cli.js) and `cargo test` (the gen example): builds the abi3 wheel
# with maturin, installs it in .venv (scripts/setup.sh made it), and runs
# the Python tests: the fixtures and the batch rows through Python against
# the CLI's, and the Spark job (local mode) against `spd-score batch`.
set -euo pipefail
cd "$(dirname "$0")/.."
# src/python.rs is compiled only with its feature: lint it here.
cargo clippy --quiet --lib --features python -- -D warnings
rm -f target/wheels/spd_score-*.whl
# pyproject.toml names the feature (python) and the profile (Cargo.toml's [profile.python]).
(cd python && ../.venv/bin/maturin build --quiet --out ../target/wheels)
.venv/bin/pip install --quiet --force-reinstall --no-deps target/wheels/spd_score-*.whl
cd python/tests
../../.venv/bin/python -m unittest --verbose test_package test_spark
