#!/usr/bin/env bash
# Runs every cargo-fuzz target for a fixed time: `npm run fuzz -- SECONDS`
# (default 60 s each; FUZZ_SECONDS also sets it), one in-process job each
# (libFuzzer's default; -jobs=1 would only fork the same job into a child
# logging to fuzz-0.log), at the lowest CPU priority, with the dictionary
# of the layouts' header names (fuzz/layouts.dict). Both targets run
# fuzz/harness.rs, which `cargo test` (tests/fuzz_harness.rs) runs on
# every seed. Seeds of every layout: `python3 fuzz/seeds.py`.
# The corpus each target grows is kept under fuzz/corpus/<target>; a crash
# leaves its input in fuzz/artifacts/<target>/ and makes this script fail.
# Needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-${FUZZ_SECONDS:-60}}"
targets=(read score)
if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: rustup toolchain install nightly && cargo install cargo-fuzz" >&2
  exit 1
fi
status=0
for target in "${targets[@]}"; do
  echo "== fuzz target '$target' for ${seconds}s"
  mkdir -p "fuzz/corpus/$target"
  # -max_len keeps inputs to the size of small exports (the seeds of the
  # larger layouts are up to 40 KB); -rss_limit_mb guards against a memory
  # blow-up being hidden as slowness.
  if ! nice -n 19 cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -dict=fuzz/layouts.dict \
      -print_final_stats=1; then
    echo "!! fuzz target '$target' found a failure: see fuzz/artifacts/$target/" >&2
    status=1
  fi
done
exit $status
