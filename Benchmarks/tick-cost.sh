#!/usr/bin/env bash
# Instructions per simulated tick and peak RSS of poled: a benchmark, not a test (no limits here).
#
#   bash Benchmarks/tick-cost.sh [path/to/poled]      (default .build/release/poled)
#
# Instructions: callgrind counts what `poled simulate` executes for a busy night street on
# boards/sim.toml (head cycles with flashing green, people at both kerbs and on the crossing, motion
# under the lamp, dust), every check on (both invariant checkers, the trace written to /dev/null),
# for 10 simulated minutes and for 1; the difference divided by the ticks between them is the cost of
# one tick without start-up. valgrind cannot read Swift 6.3's debug information, so it runs a
# stripped copy; counts repeat to a few parts in a million on a busy machine, where seconds do not.
#
# Memory: `poled run --board boards/sim.toml --duration 60s --loop-stats` with the store and the
# control socket in a scratch directory; the peak RSS it reports.
set -euo pipefail
cd "$(dirname "$0")/.."
poled=${1:-.build/release/poled}
command -v valgrind >/dev/null || { echo "tick-cost: valgrind is not installed (apt-get install valgrind)" >&2; exit 69; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip -o "$work/poled" "$poled"

# A scenario of $1 minutes starting at dusk in Seoul in November (night: lamp, spotlight and voice
# night volume in play). Every minute: red 30 s, green 15 s, flashing green 15 s; a pedestrian at
# kerb a from 20 s (motion with them), on the crossing during green, at kerb b from 50 s.
scenario() {
    local minutes=$1 minute at
    printf '{ "start": "2026-11-25T18:00:00+09:00", "duration": "%sm", "seed": 7, "steps": [\n' "$minutes"
    printf '  { "at": "0s", "lux": 3.0 }, { "at": "0s", "photocell": true }'
    for ((minute = 0; minute < minutes; minute++)); do
        at=$((minute * 60))
        printf ',\n  { "at": "%ss", "head": "red" }, { "at": "%ss", "head": "green" }' "$at" "$((at + 30))"
        printf ', { "at": "%ss", "head": "flashing-green" }' "$((at + 45))"
        printf ', { "at": "%ss", "presence": { "zone": "a", "value": true } }' "$((at + 20))"
        printf ', { "at": "%ss", "motion": true }, { "at": "%ss", "motion": false }' "$((at + 20))" "$((at + 28))"
        printf ', { "at": "%ss", "presence": { "zone": "a", "value": false } }' "$((at + 31))"
        printf ', { "at": "%ss", "presence": { "zone": "crossing", "value": true } }' "$((at + 32))"
        printf ', { "at": "%ss", "presence": { "zone": "crossing", "value": false } }' "$((at + 44))"
        printf ', { "at": "%ss", "presence": { "zone": "b", "value": true } }' "$((at + 50))"
        printf ', { "at": "%ss", "presence": { "zone": "b", "value": false } }' "$((at + 58))"
        printf ', { "at": "%ss", "pm": { "pm2_5": %s.0, "pm10": %s.0 } }' "$at" "$((20 + minute * 7 % 60))" "$((40 + minute * 11 % 90))"
    done
    printf ' ] }\n'
}

instructions() {
    local minutes=$1
    scenario "$minutes" >"$work/street-$minutes.json"
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind-$minutes.out" \
        "$work/poled" simulate --board boards/sim.toml --scenario "$work/street-$minutes.json" --trace /dev/null \
        >"$work/simulate-$minutes.log" 2>&1 || { cat "$work/simulate-$minutes.log" >&2; exit 1; }
    awk '/^(summary|totals):/ { print $2; exit }' "$work/callgrind-$minutes.out"
}

short=$(instructions 1)
long=$(instructions 10)
ticks=$((9 * 60 * 1000 / 20))
echo "instructions: 1 min $short, 10 min $long"
echo "instructions per simulated tick: $(((long - short) / ticks)) (10 min − 1 min of a busy night street, every check on, trace to /dev/null)"

printf 'board = "%s/boards/sim.toml"\n[store]\npath = "%s/poled.sqlite"\n[control]\nsocket = "%s/control.sock"\n' \
    "$PWD" "$work" "$work" >"$work/site.toml"
"$poled" run --config "$work/site.toml" --duration 60s --status-every 0s --loop-stats >"$work/run.log" 2>&1 \
    || { cat "$work/run.log" >&2; exit 1; }
grep -E 'peak RSS|wake-up|page faults' "$work/run.log"
