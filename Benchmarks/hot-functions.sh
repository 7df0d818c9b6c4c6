#!/usr/bin/env bash
# Regenerates Sources/poled/hot-functions.order: the functions `poled run` executes, hottest first,
# which the daemon's link (Package.swift, daemonLinking) places together at the start of its code.
#
#   bash Benchmarks/hot-functions.sh [path/to/poled]      (default .build/release/poled)
#
# The kernel maps a file's pages around each one a process touches (fault-around, 64 KiB), so code
# spread over the binary costs resident memory far beyond what runs: placed together, the code a
# running pole uses is a few MiB less of its RSS. The list comes from callgrind (raw symbol names)
# on a release build: start-up, 8 s of the simulated board with the store and the status line, a
# SIGHUP reload and a clean stop. A stale list costs memory, never correctness: functions it does
# not name are linked after it, names it has that are gone are skipped. Run it after large changes.
set -euo pipefail
cd "$(dirname "$0")/.."
poled=${1:-.build/release/poled}
command -v valgrind >/dev/null || { echo "hot-functions: valgrind is not installed (apt-get install valgrind)" >&2; exit 69; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Symbols kept, debug information dropped (valgrind cannot read Swift 6.3's).
strip --strip-debug -o "$work/poled" "$poled"
printf 'board = "%s/boards/sim.toml"\n[store]\npath = "%s/poled.sqlite"\n[control]\nsocket = "%s/control.sock"\n' \
    "$PWD" "$work" "$work" >"$work/site.toml"
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/callgrind.out" \
    "$work/poled" run --config "$work/site.toml" --duration 8s --status-every 1s >"$work/run.log" 2>&1 &
pid=$!
sleep 4
kill -HUP "$pid" 2>/dev/null || true
wait "$pid" || { cat "$work/run.log" >&2; exit 1; }
python3 - "$work" >Sources/poled/hot-functions.order <<'PYTHON'
import glob, re, sys

# Self cost of every function in the poled object, from callgrind's compressed name tables.
cost, names, objects = {}, {}, {}
for path in glob.glob(sys.argv[1] + "/callgrind.out*"):
    function = object_name = None
    after_call = False
    for line in open(path):
        line = line.rstrip("\n")
        match = re.match(r"^(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line)
        if match:
            table = objects if match.group(2) == "ob" else names
            if match.group(4):
                table[match.group(3)] = match.group(4)
            if not match.group(1):
                if match.group(2) == "ob":
                    object_name = objects[match.group(3)]
                else:
                    function = (names[match.group(3)], object_name)
            continue
        if line.startswith("calls="):
            after_call = True
            continue
        match = re.match(r"^\S+\s+(\d+)$", line)
        if match and function:
            if after_call:
                after_call = False
                continue
            cost[function] = cost.get(function, 0) + int(match.group(1))
hot = {}
for (name, object_name), instructions in cost.items():
    name = re.sub(r"'\d+$", "", name)  # callgrind's mark for a recursion level
    if object_name and object_name.endswith("/poled") and not name.startswith("0x"):
        hot[name] = hot.get(name, 0) + instructions
for name, _ in sorted(hot.items(), key=lambda item: (-item[1], item[0])):
    print(name)
PYTHON
echo "hot-functions: $(wc -l <Sources/poled/hot-functions.order) functions in Sources/poled/hot-functions.order"
