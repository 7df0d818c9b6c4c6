#!/usr/bin/env bash
# End-to-end checks of the poled executable, as a technician or CI would run it.
# Usage: Tests/cli/smoke.sh [path/to/poled]; prints one line per check and "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
poled=${1:-.build/debug/poled}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source Tests/cli/check.sh

exits() {
    local want=$1
    shift
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    [ "$got" -eq "$want" ] || { echo "  expected exit $want, got $got from: $*"; sed 's/^/  | /' "$work/err" | head -20; return 1; }
}

stderr_has() {
    grep -qE -- "$1" "$work/err" || { echo "  stderr lacks /$1/:"; sed 's/^/  | /' "$work/err" | head -20; return 1; }
}

check "version" exits 0 "$poled" --version
check "check-config sim board" exits 0 "$poled" check-config --board boards/sim.toml
check "check-config example site" exits 0 "$poled" check-config --config boards/poled.example.toml

sed 's/^debounce = /debounse = /' boards/poled.example.toml | sed 's|^board = .*|board = "'"$PWD"'/boards/sim.toml"|' >"$work/typo.toml"
check "misspelt site key exits 78" exits 78 "$poled" check-config --config "$work/typo.toml"
check "misspelt site key named with file and line" stderr_has "^$work/typo.toml:[0-9]+: crosswalk.debounse: unknown key"

sed 's/^floor_green = { line = "FLOOR_GREEN" }/floor_green = { line = "FLOOR_RED" }/' boards/sim.toml >"$work/twice.toml"
check "line bound to two roles exits 78" exits 78 "$poled" check-config --board "$work/twice.toml"
check "line bound to two roles named" stderr_has "^$work/twice.toml:[0-9]+: lines.floor_(red|green).line: \"FLOOR_RED\" is also bound to role"

sed 's/^tick = "20ms"/tick = "20 ms"/' boards/poled.example.toml | sed 's|^board = .*|board = "'"$PWD"'/boards/sim.toml"|' >"$work/duration.toml"
check "malformed duration exits 78" exits 78 "$poled" check-config --config "$work/duration.toml"
check "malformed duration named" stderr_has "^$work/duration.toml:[0-9]+: loop.tick: \"20 ms\""

printf '"\\u0000" = 1\n' >"$work/nul-key.toml"
check "a board with a U+0000 key exits 78" exits 78 "$poled" check-config --board "$work/nul-key.toml"
check "the U+0000 key is named, escaped, with file and line" stderr_has "^$work/nul-key.toml:1: \"\\\\u0000\": unknown key"
deep_header="[$(printf 'a.%.0s' $(seq 9999))a]"
printf '%s\n' "$deep_header" >"$work/deep-header.toml"
check "a board with a 10 000-part table header exits 78" exits 78 "$poled" check-config --board "$work/deep-header.toml"
check "the 10 000-part header is refused as the nesting limit" stderr_has "^$work/deep-header.toml:1: .*the TOML reader's nesting limit"
printf 'board = "%s/boards/sim.toml"\nv = %s%s\n' "$PWD" "$(printf '[%.0s' $(seq 50000))" "$(printf ']%.0s' $(seq 50000))" >"$work/deep-array.toml"
check "a site with arrays nested 50 000 deep exits 78" exits 78 "$poled" check-config --config "$work/deep-array.toml"
check "deep arrays are refused as the nesting limit" stderr_has "^$work/deep-array.toml:2: v: not valid TOML: nested deeper than 64 levels"

scenario=Tests/Scenarios/head-cycle.json
check "simulate head cycle" exits 0 "$poled" simulate --board boards/sim.toml --scenario "$scenario" --trace "$work/trace1"
check "simulate again" exits 0 "$poled" simulate --board boards/sim.toml --scenario "$scenario" --trace - 
cp "$work/out" "$work/trace2"
check "two traces byte-identical" cmp -s "$work/trace1" "$work/trace2"
check "trace has floor green" grep -q '"type":"output","name":"floor","value":"green"' "$work/trace1"
check "trace has flashing-green head event" grep -q '"type":"event","name":"head","value":"flashing-green"' "$work/trace1"

printf '{"start": "2026-11-25T18:00:00Z", "duration": "15s", "steps": [{"at": "0s", "head": "red"}, {"at": "10s", "floor_fault": "green-stuck-on"}]}' >"$work/latch.json"
check "simulate with a store" exits 0 "$poled" simulate --board boards/sim.toml --scenario "$work/latch.json" --store "$work/sim-store/poled.sqlite"
check "simulate reports its store writes" stderr_has "[0-9]+ store writes"
check "the store keeps the latched fault for the next run" exits 0 "$poled" simulate --board boards/sim.toml --scenario "$scenario" --store "$work/sim-store/poled.sqlite" --trace "$work/latched-trace"
check "so the next run's floor stays dark" test "$(grep -c '"name":"floor","value":"green"' "$work/latched-trace")" -eq 0
check "--store and --state together are a usage error" exits 64 "$poled" simulate --board boards/sim.toml --scenario "$scenario" --store "$work/a" --state "$work/b"

printf '{"start": "2026-11-25T18:00:00+09:00", "duration": "1m", "steps": [{"at": "0s", "head": "blue"}]}' >"$work/bad.json"
check "malformed scenario exits 65" exits 65 "$poled" simulate --board boards/sim.toml --scenario "$work/bad.json"
check "malformed scenario names step and field" stderr_has 'steps\[0\]\.head: "blue"'

printf '{"start": "2026-11-25T18:00:00+09:00", "duration": "1m", "steps": [{"at": "0s", "presence": {"zone": "kerb", "value": true}}]}' >"$work/zone.json"
check "a zone the board lacks exits 65" exits 65 "$poled" simulate --board boards/sim.toml --scenario "$work/zone.json"
check "a zone the board lacks is named" stderr_has 'steps\[0\]\.presence\.zone: "kerb" is not a presence zone'

"$poled" run --board boards/sim.toml --status-every 1s >"$work/run.out" 2>"$work/run.err" &
pid=$!
sleep 3
kill -TERM "$pid"
wait "$pid"
code=$?
cp "$work/run.err" "$work/err"
check "run exits 0 on SIGTERM" test "$code" -eq 0
check "run printed live status" stderr_has '^poled sim  up 00:00:0[1-9]  head '
check "run drove outputs safe" stderr_has 'outputs driven to their safe levels'

sed 's|^board = .*|board = "'"$PWD"'/boards/sim.toml"|' boards/poled.example.toml >"$work/site.toml"
sed -i 's|^path = .*|path = "'"$work"'/state/poled.sqlite"|; s|^socket = .*|socket = "'"$work"'/control.sock"|' "$work/site.toml"
"$poled" run --config "$work/site.toml" --status-every 0s >"$work/reload.out" 2>"$work/reload.err" &
pid=$!
sleep 2
sed -i 's/^night_level = 40/night_level = 30/; s/^flush_interval = "30s"/flush_interval = "20s"/' "$work/site.toml"
kill -HUP "$pid"
sleep 1
sed -i 's/^night_level = 30/night_level = 300/' "$work/site.toml"
kill -HUP "$pid"
sleep 1
printf '%s\n' "$deep_header" >>"$work/site.toml"
kill -HUP "$pid"
sleep 1
kill -TERM "$pid"
wait "$pid"
code=$?
cp "$work/reload.err" "$work/err"
check "run with a site file exits 0 on SIGTERM" test "$code" -eq 0
check "SIGHUP reloads a valid site file" stderr_has 'configuration reloaded'
check "SIGHUP keeps [store] until a restart, and says so" stderr_has 'take effect at the next restart; the store and its outbox are kept'
check "SIGHUP rejects an invalid site file with its error" stderr_has "site.toml:[0-9]+: crosswalk.night_level: 300 is out of range.*reload rejected"
check "SIGHUP rejects a 10 000-part header as the nesting limit and runs on" stderr_has "site.toml:[0-9]+: .*the TOML reader's nesting limit.*reload rejected"

check "simulate --record" exits 0 "$poled" simulate --board boards/sim.toml --scenario Tests/Scenarios/head-cycle.json --record "$work/cycle.rec"
check "replay: no divergence" exits 0 "$poled" replay "$work/cycle.rec"
printf 'board = "%s/boards/sim.toml"\n[crosswalk]\nstartup_hold = "8s"\n' "$PWD" >"$work/slower-hold.toml"
check "replay with a changed setting: exit 1 at its tick" exits 1 "$poled" replay "$work/cycle.rec" --config "$work/slower-hold.toml"
check "the divergence names tick and output" grep -q 'first divergence at tick 301 (t = 6000 ms): floor' "$work/out"
echo '{"t":0}' >"$work/not-a-recording"
check "replay of a non-recording exits 65" exits 65 "$poled" replay "$work/not-a-recording"

check "a bounded soak: 60 minutes of chaos, no violation" exits 0 "$poled" soak --board boards/sim.toml --minutes 60 --seed 3
check "the soak reports its faults" grep -qE '60 minutes simulated in 1 runs .* [1-9][0-9]* faults injected, 0 violations' "$work/out"
check "soak --trace: the same seed writes the same trace" exits 0 "$poled" soak --board boards/sim.toml --minutes 5 --seed 7 --trace "$work/soak-a.jsonl"
"$poled" soak --board boards/sim.toml --minutes 5 --seed 7 --trace - 2>/dev/null >"$work/soak-b.jsonl"
check "soak --trace -: the trace alone on standard output, identical" cmp -s "$work/soak-a.jsonl" "$work/soak-b.jsonl"
check "the soak's trace has the injected faults' events" grep -q '"type":"event"' "$work/soak-a.jsonl"
check "soak refuses a real board" exits 64 "$poled" soak --board boards/pi4-crosswalk.toml --minutes 1

report
