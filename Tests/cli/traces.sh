#!/usr/bin/env bash
# The traces a refactoring must leave byte for byte as they were: every scenario in Tests/Scenarios
# on the simulated board, and the soak runs of seeds 1–20 (an hour each). Writes them to DIR with a
# SHA-256 list; compare two lists with `diff DIR1/SHA256SUMS DIR2/SHA256SUMS`.
# Usage: Tests/cli/traces.sh POLED DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
poled=$1 out=$2
mkdir -p "$out"
find Tests/Scenarios -name '*.json' | sort | while read -r scenario; do
    name=$(echo "${scenario#Tests/Scenarios/}" | tr / _)
    # A scenario that breaks an invariant on purpose exits 70; its trace counts all the same.
    "$poled" simulate --board boards/sim.toml --scenario "$scenario" --trace "$out/${name%.json}.jsonl" 2>/dev/null || [ $? -eq 70 ]
done
for seed in $(seq 1 20); do
    "$poled" soak --board boards/sim.toml --minutes 60 --seed "$seed" --trace "$out/soak-$seed.jsonl" >/dev/null
done
(cd "$out" && sha256sum -- *.jsonl >SHA256SUMS)
echo "traces: $(ls "$out"/*.jsonl | wc -l) files, $(cat "$out"/*.jsonl | wc -c) bytes in $out"
