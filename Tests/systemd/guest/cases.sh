#!/bin/bash
# The systemd harness's cases, run in the Debian 13 VM by hil-cases.service once it has booted
# (Tests/systemd/run.sh makes the machine): the .deb installed with apt, poled enabled as a pole runs
# it, on the gpio-sim bank hil-gpio-sim.service made. Prints `HIL PASS n name (… s)` or
# `HIL FAIL n name: reason` per case on the serial console, then `HIL DONE`, and powers off.
#
# Two recorders watch the outputs: ftrace's gpio_value event (clock `mono`, with the writer's process)
# logs every level any process drives, however briefly, and `hilwire record` samples the floor
# lines' levels, which show a released line (pulled opposite its safe level) apart from a driven one.
# ftrace also logs every EPERM or EACCES a poled process gets from a system call, and poled's
# adjtimex results. Times are CLOCK_MONOTONIC microseconds, as systemd's *TimestampMonotonic are.
#
# Environment (from the kernel command line): HIL_LATENCY_MS, the floor's follow limit.
set -euo pipefail
here=/usr/local/lib/poled-vm
export PATH=$here:/usr/sbin:/usr/bin:/sbin:/bin
export SYSTEMD_PAGER= SYSTEMD_COLORS=0 DEBIAN_FRONTEND=noninteractive
limit_ms=$(sed -n 's/.*HIL_LATENCY_MS=\([0-9]*\).*/\1/p' /proc/cmdline)
limit_ms=${limit_ms:-200}
# From the site file (Tests/systemd/poled.toml) and the unit.
hold_ms=6000
rtprio=50
ready_limit_ms=60000
work=/run/hil
mkdir -p "$work"
trap 'echo "HIL FAIL guest: cases.sh line $LINENO: $BASH_COMMAND exited $?"' ERR
# On the way out: poled's journal for the console log when a case failed, then power off.
finish() {
    if [ "${failed:-1}" != 0 ]; then journalctl -u poled -o short-monotonic --no-hostname | tail -n 80 | sed 's/^/journal: /'; fi
    echo "HIL DONE"
    systemctl start --no-block poweroff.target
}
trap finish EXIT

. "$work/sim.env"
names=(HEAD_RED HEAD_GREEN FLOOR_RED_SENSE FLOOR_GREEN_SENSE PRESENCE_A FLOOR_RED FLOOR_GREEN BEACON HEARTBEAT)
outputs=(FLOOR_RED FLOOR_GREEN BEACON HEARTBEAT)
offset() { local i; for i in "${!names[@]}"; do [ "${names[i]}" != "$1" ] || { echo "$i"; return; }; done; return 1; }
value_path() { echo "$SIM/sim_gpio$(offset "$1")/value"; }
pull_path() { echo "$SIM/sim_gpio$(offset "$1")/pull"; }
pull() { echo "pull-$2" >"$(pull_path "$1")"; }
now() { hilwire now; }
prop() { systemctl show -P "$1" poled; }
ms() { echo $((($2 - $1) / 1000)); }
journal_cursor() { journalctl -n 0 --show-cursor | sed -n 's/^-- cursor: //p'; }

passed=0 failed=0 case_started=0
begin() { case_name=$1; case_started=$(now); echo "HIL CASE $case_name"; }
pass() { passed=$((passed + 1)); echo "HIL PASS $case_name: $* ($(awk -v d=$(($(now) - case_started)) 'BEGIN { printf "%.1f", d / 1e6 }') s)"; }
fail() { failed=$((failed + 1)); echo "HIL FAIL $case_name: $* ($(awk -v d=$(($(now) - case_started)) 'BEGIN { printf "%.1f", d / 1e6 }') s)"; }

# ftrace: every level driven on the bank's lines, and poled's failed and clock-reading system calls.
tracing=/sys/kernel/tracing
[ -e "$tracing/trace" ] || mount -t tracefs tracefs "$tracing"
echo 0 >"$tracing/tracing_on"
echo mono >"$tracing/trace_clock"
echo 1 >"$tracing/options/record-tgid"
echo 16384 >"$tracing/buffer_size_kb"
echo "gpio >= $BASE && gpio < $((BASE + ${#names[@]})) && get == 0" >"$tracing/events/gpio/gpio_value/filter"
echo 1 >"$tracing/events/gpio/gpio_value/enable"
echo 'ret == -1 || ret == -13' >"$tracing/events/raw_syscalls/sys_exit/filter"
echo 1 >"$tracing/events/raw_syscalls/sys_exit/enable"
for call in adjtimex clock_adjtime; do
    echo 'comm == "poled"' >"$tracing/events/syscalls/sys_exit_$call/filter"
    echo 1 >"$tracing/events/syscalls/sys_exit_$call/enable"
done
echo 1 >"$tracing/events/sched/sched_process_exec/enable"
echo 1 >"$tracing/tracing_on"
# trace: "MICROSECONDS TGID EVENT DETAILS" per event so far (the buffer is never cleared).
trace() {
    awk '!/^#/ && match($0, /\( *[0-9]+\) +\[[0-9]+\] [^ ]+ +[0-9]+\.[0-9]+: /) {
        head = substr($0, RSTART, RLENGTH); rest = substr($0, RSTART + RLENGTH)
        match(head, /[0-9]+\)/); tgid = substr(head, RSTART, RLENGTH - 1)
        match(head, /[0-9]+\.[0-9]+/); split(substr(head, RSTART, RLENGTH), t, ".")
        print t[1] t[2], tgid, rest }' "$tracing/trace"
}
# levels FROM TO: "MICROSECONDS TGID NAME LEVEL" for each level driven on an output from FROM to TO.
levels() {
    trace | awk -v from="$1" -v to="$2" -v base="$BASE" -v names="${names[*]}" '
        BEGIN { n = split(names, name, " ") }
        $3 == "gpio_value:" && $1 >= from && $1 <= to { print $1, $2, name[$4 - base + 1], $6 }'
}
# unsafe_outputs FROM TO EXCLUDED...: for each output, whether a process other than EXCLUDED drove it
# to its safe level (0) from FROM to TO; prints the outputs that none did.
unsafe_outputs() {
    local from=$1 to=$2 output
    shift 2
    for output in "${outputs[@]}"; do
        levels "$from" "$to" | awk -v name="$output" -v excluded=" $* " '
            $3 == name && $4 == 0 && index(excluded, " " $2 " ") == 0 { found = 1 } END { exit !found }' || echo -n "$output "
    done
}
# The floor's levels as the lines show them, released or driven: "MICROSECONDS NAME LEVEL".
start_recorder() {
    hilwire record FLOOR_RED="$(value_path FLOOR_RED)" FLOOR_GREEN="$(value_path FLOOR_GREEN)" >"$work/$1.rec" &
    recorder=$!
    until grep -q FLOOR_GREEN "$work/$1.rec" 2>/dev/null; do sleep 0.05; done
}
stop_recorder() { kill "$recorder"; wait "$recorder" 2>/dev/null || true; }
# The floor lamps' sense wiring: each floor output's level copied to its sense input.
start_mirror() {
    hilwire mirror "$(value_path FLOOR_RED)" "$(pull_path FLOOR_RED_SENSE)" "$(value_path FLOOR_GREEN)" "$(pull_path FLOOR_GREEN_SENSE)" &
    mirror=$!
}
held_by_poled() { gpioinfo -c "$CHIP" | grep -c '"poled"' || true; }
# wait_restart OLD_PID SECONDS: until poled is active with another main process.
wait_restart() {
    local i main
    for ((i = 0; i < $2 * 10; i++)); do
        main=$(prop MainPID)
        if [ "$main" != 0 ] && [ "$main" != "$1" ] && [ "$(prop ActiveState)" = active ]; then return 0; fi
        sleep 0.1
    done
    return 1
}
journal_tail() { journalctl -u poled -n "${1:-5}" -o cat --no-hostname | tr '\n' '|'; }

userspace=$(systemctl show -P UserspaceTimestampMonotonic)
multi_user=$(systemctl show -P ActiveEnterTimestampMonotonic multi-user.target)
echo "HIL BOOTED kernel $(uname -r), $(systemctl --version | head -n 1): systemd started $(ms 0 "$userspace") ms after the kernel, multi-user.target $(ms 0 "$multi_user") ms"

start_mirror

# 1. apt install, enable --now: active and READY; the floor driven safe before READY, then red after
# the start-up hold, then following the head.
begin "1 install and start"
deb=$(ls "$here"/poled_*.deb)
cp "$deb" /root/ && cd /root
if ! apt install -y "./$(basename "$deb")" >"$work/install.log" 2>&1; then
    fail "apt install ./$(basename "$deb") failed: $(tail -n 3 "$work/install.log" | tr '\n' '|')"
    exit 1
fi
install -m 0644 "$here/hil.toml" /etc/poled/hil.toml
install -m 0644 "$here/poled.toml" /etc/poled/poled.toml
useradd --create-home --groups poled tech
useradd --create-home outsider
start_recorder start
started=$(now)
status=0
systemctl enable --now poled >"$work/enable.log" 2>&1 || status=$?
returned=$(now)
main=$(prop MainPID)
ready=$(prop ActiveEnterTimestampMonotonic)
exec_started=$(prop ExecMainStartTimestampMonotonic)
# Until the floor lights (the hold runs from the first tick), then a head cycle.
for _ in $(seq 1 300); do
    [ "$(prop ActiveState)" = active ] && ! levels "$started" "$(now)" | grep -q ' FLOOR_RED 1$' || break
    sleep 0.1
done
first_tick=$(journalctl -u poled -o cat | sed -n 's/.*first tick.*monotonic_ms=\([0-9]*\).*/\1/p' | head -n 1)
lit=$(levels "$started" "$(now)" | awk '$4 == 1 && ($3 == "FLOOR_RED" || $3 == "FLOOR_GREEN") { print $1, $3; exit }')
stop_recorder
green_ms=$(hilwire step "$(pull_path HEAD_RED)" pull-up "$(pull_path HEAD_GREEN)" pull-up -- "$(value_path FLOOR_GREEN)" 1 5000) || green_ms="never ($green_ms)"
sleep 1
red_ms=$(hilwire step "$(pull_path HEAD_GREEN)" pull-down "$(pull_path HEAD_RED)" pull-down -- "$(value_path FLOOR_GREEN)" 0 5000) || red_ms="never ($red_ms)"
safe_first=$(levels "$started" "$ready" | awk -v main="$main" '$2 == main && ($3 == "FLOOR_RED" || $3 == "FLOOR_GREEN") && !seen[$3]++ { print $3 "=" $4 "@" $1 }' | tr '\n' ' ')
released_first=$(awk '!seen[$2]++ { print $2 "=" $3 }' "$work/start.rec" | sort | tr '\n' ' ')
devices="$(stat -c '%G:%a' "/dev/$CHIP") $(stat -c '%G:%a' /dev/i2c-0 2>/dev/null || echo 'no /dev/i2c-0')"
if [ "$status" != 0 ] || [ "$(prop ActiveState)" != active ]; then
    fail "systemctl enable --now poled exited $status, poled is $(prop ActiveState) ($(prop Result)); poled said: $(journalctl -u poled -p err -o cat _COMM=poled | head -n 1)"
elif [ -z "$ready" ] || [ "$ready" = 0 ] || [ "$(ms "$exec_started" "$ready")" -gt "$ready_limit_ms" ]; then
    fail "not READY within $ready_limit_ms ms of its start (ActiveEnterTimestampMonotonic=$ready)"
elif [ "$released_first" != "FLOOR_GREEN=1 FLOOR_RED=1 " ]; then
    fail "the floor lines did not read released (1, pulled up) before poled started: $released_first"
elif [[ $safe_first != *FLOOR_RED=0@* || $safe_first != *FLOOR_GREEN=0@* ]]; then
    fail "the floor was not driven to its safe level (0) by poled before READY: ${safe_first:-no level driven}"
elif [ -z "$first_tick" ] || [ -z "$lit" ]; then
    fail "the floor never lit (first tick ${first_tick:-not logged}): $(journal_tail 3)"
elif [ "${lit#* }" != FLOOR_RED ] || [ $((${lit% *} / 1000 - first_tick)) -lt "$hold_ms" ] || [ $((${lit% *} / 1000 - first_tick)) -gt $((hold_ms + limit_ms)) ]; then
    fail "the floor lit ${lit#* } $((${lit% *} / 1000 - first_tick)) ms after the first tick (expected red after the ${hold_ms} ms hold, within ${limit_ms} ms)"
elif ! [[ $green_ms =~ ^[0-9]+$ && $red_ms =~ ^[0-9]+$ ]] || [ "$green_ms" -gt "$limit_ms" ] || [ "$red_ms" -gt "$limit_ms" ]; then
    fail "the floor did not follow the head within $limit_ms ms: green after $green_ms ms, back to red after $red_ms ms"
elif [ "$(held_by_poled)" != 9 ]; then
    fail "poled holds $(held_by_poled) of 9 lines"
elif [ "$devices" != "gpio:660 i2c:660" ]; then
    fail "device permissions (udev rule) are $devices, expected gpio:660 i2c:660"
else
    pass "active and READY $(ms "$exec_started" "$ready") ms after exec (systemctl returned after $(ms "$started" "$returned") ms); floor driven safe before READY ($safe_first), red $((${lit% *} / 1000 - first_tick)) ms after the first tick, followed green in $green_ms ms and red in $red_ms ms; /dev/$CHIP and /dev/i2c-0 $devices"
fi
[ "$(prop ActiveState)" = active ] || exit 1

# 2. polectl as a technician in group poled, and as someone outside it.
begin "2 polectl access"
tech_status=0
runuser -u tech -- polectl status >"$work/tech.out" 2>&1 || tech_status=$?
outsider_status=0
runuser -u outsider -- polectl status >"$work/outsider.out" 2>&1 || outsider_status=$?
# Exit 1 is an answer too: the pole reports a fault (clock-untrusted: the VM has no time server).
if [ "$tech_status" -gt 1 ] || ! grep -Eq "^site .*, pid $main," "$work/tech.out"; then
    fail "polectl status as tech (group poled) exited $tech_status: $(tr '\n' '|' <"$work/tech.out")"
elif [ "$outsider_status" != 77 ]; then
    fail "polectl status as outsider exited $outsider_status, expected 77: $(head -n 2 "$work/outsider.out" | tr '\n' '|')"
else
    pass "tech (group poled) exit $tech_status ($(grep -E '^(faults|health) ' "$work/tech.out" | tr -s ' ' | tr '\n' ' ')), outsider exit 77 ($(head -n 1 "$work/outsider.out"))"
fi

# 3. systemctl reload: a changed setting (the beacon's flash period) applies without a restart or a
# new start-up hold; a broken file leaves the running settings, with the errors at priority err.
begin "3 reload"
# beacon_changes FROM TO: how many times poled changed the beacon's level (it writes every output
# each tick; the trace has every write).
beacon_changes() {
    levels 0 "$2" | awk -v from="$1" -v main="$main" '
        $2 == main && $3 == "BEACON" { if ($1 >= from && seen && $4 != last) n++; last = $4; seen = 1 } END { print n + 0 }'
}
hilwire step "$(pull_path HEAD_RED)" pull-up "$(pull_path HEAD_GREEN)" pull-up -- "$(value_path FLOOR_GREEN)" 1 5000 >/dev/null
pull PRESENCE_A up
sleep 1
from=$(now); sleep 3; flashing=$(beacon_changes "$from" "$(now)")
restarts=$(prop NRestarts)
cursor=$(journal_cursor)
sed -i 's/^flash_period = "1s"/flash_period = "0s"/' /etc/poled/poled.toml
reloaded_at=$(now)
reload_status=0
systemctl reload poled || reload_status=$?
sleep 1
from=$(now); sleep 3; steady=$(beacon_changes "$from" "$(now)"); beacon=$(cat "$(value_path BEACON)")
floor_dark=$(levels "$reloaded_at" "$(now)" | awk '$3 == "FLOOR_GREEN" && $4 == 0' | wc -l)
applied=$(journalctl -u poled --after-cursor "$cursor" -o cat | grep -c 'configuration reloaded' || true)
cursor=$(journal_cursor)
printf 'bogus_key = 1\n' | cat - /etc/poled/poled.toml >"$work/broken.toml"
cp /etc/poled/poled.toml "$work/good.toml"
cp "$work/broken.toml" /etc/poled/poled.toml
broken_status=0
systemctl reload poled || broken_status=$?
sleep 2
from=$(now); sleep 2; after_broken=$(beacon_changes "$from" "$(now)")
errors=$(journalctl -u poled -p err --after-cursor "$cursor" -o cat | tr '\n' '|')
cp "$work/good.toml" /etc/poled/poled.toml
restored_status=0
systemctl reload poled || restored_status=$?
if [ "$flashing" -lt 3 ]; then
    fail "the beacon did not flash before the reload ($flashing changes in 3 s with someone waiting under green)"
elif [ "$reload_status" != 0 ] || [ "$applied" = 0 ]; then
    fail "systemctl reload exited $reload_status; journal: $(journal_tail 3)"
elif [ "$steady" != 0 ] || [ "$beacon" != 1 ]; then
    fail "flash_period = \"0s\" not applied: $steady beacon changes in 3 s after the reload, level $beacon"
elif [ "$floor_dark" != 0 ]; then
    fail "the floor went dark during the reload (the start-up hold restarted?)"
elif [ "$broken_status" != 0 ] || [ "$(prop MainPID)" != "$main" ] || [ "$(prop NRestarts)" != "$restarts" ] || [ "$(prop ActiveState)" != active ]; then
    fail "after a broken file: reload exit $broken_status, main $(prop MainPID) (was $main), restarts $(prop NRestarts) (were $restarts), $(prop ActiveState)"
elif [ "$after_broken" != 0 ] || ! grep -q 'bogus_key' <<<"$errors"; then
    fail "a broken file: $after_broken beacon changes in 2 s (the old settings keep it steady); errors at priority err: ${errors:-none}"
elif [ "$restored_status" != 0 ]; then
    fail "the reload of the good file again exited $restored_status"
else
    pass "beacon flashing ($flashing changes in 3 s), steady after the reload (same process, floor green throughout); broken file kept the running settings, journal -p err: ${errors:0:160}"
fi
pull PRESENCE_A down
hilwire step "$(pull_path HEAD_GREEN)" pull-down "$(pull_path HEAD_RED)" pull-down -- "$(value_path FLOOR_RED)" 1 5000 >/dev/null
sleep 4

# 4. kill -9: ExecStopPost= drives every output safe, then poled is back after RestartSec=.
begin "4 kill -9"
old=$(prop MainPID)
restarts=$(prop NRestarts)
start_recorder kill
killed=$(now)
kill -9 "$old"
if ! wait_restart "$old" 90; then
    stop_recorder
    fail "poled was not active again within 90 s: $(prop ActiveState) $(prop SubState); $(journal_tail 4)"
else
    stop_recorder
    main=$(prop MainPID)
    restarted=$(prop ExecMainStartTimestampMonotonic)
    missing=$(unsafe_outputs "$killed" "$restarted" "$old" "$main")
    released=$(awk -v from="$killed" -v to="$restarted" '$1 >= from && $1 <= to && $2 == "FLOOR_GREEN" && $3 == 1' "$work/kill.rec" | wc -l)
    delay=$(ms "$killed" "$restarted")
    if [ -n "$missing" ]; then
        fail "outputs not driven safe between the kill and the restart: $missing"
    elif [ "$released" = 0 ]; then
        fail "the recorder never saw FLOOR_GREEN released (1) after the kill"
    elif [ "$delay" -lt 5000 ] || [ "$(prop NRestarts)" != $((restarts + 1)) ]; then
        fail "restarted $delay ms after the kill (RestartSec=5s), NRestarts $(prop NRestarts)"
    else
        pass "every output driven safe by ExecStopPost ($(levels "$killed" "$restarted" | awk -v old="$old" '$2 != old && $4 == 0 { print $3 }' | sort -u | tr '\n' ' ')), lines released, active again $delay ms after the kill (READY $(ms "$killed" "$(prop ActiveEnterTimestampMonotonic)") ms)"
    fi
fi

# 5. kill -STOP: the watchdog (WatchdogSec=2s) aborts it; outputs safe until the restart.
begin "5 watchdog"
old=$(prop MainPID)
cursor=$(journal_cursor)
stopped=$(now)
kill -STOP "$old"
if ! wait_restart "$old" 90; then
    fail "poled was not active again within 90 s: $(prop ActiveState) $(prop SubState); $(journal_tail 4)"
else
    main=$(prop MainPID)
    restarted=$(prop ExecMainStartTimestampMonotonic)
    fired=$(journalctl -u poled --after-cursor "$cursor" -o short-monotonic | sed -n 's/^\[ *\([0-9]*\)\.\([0-9]*\)\].*Watchdog timeout.*/\1\2/p' | head -n 1)
    missing=$(unsafe_outputs "$stopped" "$restarted" "$old" "$main")
    if [ -z "$fired" ]; then
        fail "no watchdog timeout in the journal: $(journalctl -u poled --after-cursor "$cursor" -o cat | head -n 4 | tr '\n' '|')"
    elif [ "$(ms "$stopped" "$fired")" -gt 5000 ]; then
        fail "the watchdog fired $(ms "$stopped" "$fired") ms after SIGSTOP (WatchdogSec=2s)"
    elif [ -n "$missing" ]; then
        fail "outputs not driven safe between the watchdog and the restart: $missing"
    else
        pass "watchdog fired $(ms "$stopped" "$fired") ms after SIGSTOP, every output driven safe, active again $(ms "$stopped" "$(prop ActiveEnterTimestampMonotonic)") ms after SIGSTOP"
    fi
fi

# 6. The sandbox costs nothing.
begin "6 sandbox"
# The control: the same binary, user, groups and site file for 4 s outside the unit (no sandbox).
# A system call that fails the same way there is the kernel's answer to an unprivileged process
# (Dispatch asking for a higher worker priority, say), not a cost of the unit's restrictions.
systemctl stop poled
install -d -o poled -g poled -m 0750 /run/poled
control_from=$(now)
runuser -u poled -- poled run --config /etc/poled/poled.toml --status-every 0s --duration 4s >"$work/control.log" 2>&1 || true
control_to=$(now)
systemctl start poled
main=$(prop MainPID)
# Failed calls (EPERM -1, EACCES -13) by every process that ran /usr/bin/poled, after its exec:
# "UNIT|CONTROL COUNT CALL = ERROR".
errors_by() {
    trace | awk -v from="$control_from" -v to="$control_to" '
        $3 == "sched_process_exec:" && $4 == "filename=/usr/bin/poled" {
            split($5, p, "="); start[p[2]] = $1; control[p[2]] = ($1 >= from && $1 <= to) }
        $3 == "sys_exit:" && ($2 in start) && $1 >= start[$2] { n[(control[$2] ? "CONTROL" : "UNIT") " NR " $5 " = " $7]++ }
        END { for (k in n) { split(k, w, " "); print w[1], n[k], w[2], w[3], w[4], w[5] } }'
}
errors_by >"$work/errors"
name_call() { sed -e 's/NR 141 /setpriority /; s/NR 257 /openat /; s/NR 151 /mlockall /; s/NR 144 /sched_setscheduler /; s/NR 157 /prctl /; s/NR 159 /adjtimex /'; }
denied=$(awk '$1 == "CONTROL" { seen[$3 " " $4 " " $5 " " $6] = 1; next } { unit[$3 " " $4 " " $5 " " $6] += $2 }
    END { for (k in unit) if (!(k in seen)) print unit[k] "x " k }' "$work/errors" | name_call | tr '\n' ' ')
excused=$(awk '$1 == "CONTROL" { seen[$3 " " $4 " " $5 " " $6] = 1; next } { unit[$3 " " $4 " " $5 " " $6] += $2 }
    END { for (k in unit) if (k in seen) print unit[k] "x " k }' "$work/errors" | name_call | tr '\n' ' ')
clock_reads=$(trace | awk '$3 ~ /^sys_(adjtimex|clock_adjtime)/ { print $NF }')
clock_failed=$(grep -c '^0xffffffff' <<<"$clock_reads" || true)
sigsys=$(journalctl -b -o cat | grep -Ei 'SIGSYS|bad system call|code=killed, status=31' | head -n 2 | tr '\n' '|' || true)
warnings=$(journalctl -u poled -p warning -o cat | grep -Ei 'errno=|could not|not permitted|permission denied' | sort | uniq -c | head -n 3 | tr '\n' '|' || true)
threads=$(for stat in /proc/"$main"/task/*/stat; do sed 's/.*) //' "$stat" | awk '{ print $38, $39 }'; done)
fifo=$(awk '$2 == 1' <<<"$threads" | wc -l)
fifo_prio=$(awk '$2 == 1 { print $1; exit }' <<<"$threads")
limit=$(prop LimitRTPRIO)
security=$(systemd-analyze security poled 2>&1 | sed -n 's/.*Overall exposure level for poled.service: \([0-9.]*\).*/\1/p')
if ! grep -q 'poled stopped' "$work/control.log"; then
    fail "the control run outside the unit did not run: $(tail -n 2 "$work/control.log" | tr '\n' '|')"
elif [ -n "$denied" ]; then
    fail "system calls of poled failed with EPERM (-1) or EACCES (-13) under the unit only: $denied"
elif [ -n "$sigsys" ]; then
    fail "SIGSYS in the journal: $sigsys"
elif [ -n "$warnings" ]; then
    fail "poled warned of a refused operation: $warnings"
elif [ "$fifo" != 1 ] || [ "$fifo_prio" != "$rtprio" ] || [ "$fifo_prio" -gt "$limit" ]; then
    fail "$fifo threads run SCHED_FIFO (priority ${fifo_prio:-none}, LimitRTPRIO=$limit); expected the loop's alone at $rtprio"
elif [ -z "$clock_reads" ] || [ "$clock_failed" != 0 ]; then
    fail "poled's adjtimex reads: $(wc -l <<<"$clock_reads") seen, $clock_failed failed"
elif [ -z "$security" ] || awk -v s="$security" 'BEGIN { exit !(s > 2.0) }'; then
    fail "systemd-analyze security poled: ${security:-no score}, above 2.0"
else
    pass "no failed call under the unit beyond the control run's (both: ${excused:-none}), no SIGSYS; 1 of $(wc -l <<<"$threads") threads SCHED_FIFO $fifo_prio (LimitRTPRIO=$limit); $(wc -l <<<"$clock_reads") adjtimex reads, result $(tail -n 1 <<<"$clock_reads"); systemd-analyze security: $security"
fi

# 7. apt remove: stopped with outputs safe; a reinstall keeps the latched faults; apt purge keeps a
# copy of them (the package moves /var/lib/poled aside) instead of silently deleting them.
begin "7 remove and purge"
kill "$mirror"; wait "$mirror" 2>/dev/null || true
hilwire step "$(pull_path FLOOR_GREEN_SENSE)" pull-up -- "$(value_path FLOOR_RED)" 0 5000 >/dev/null || true
sleep 1
polectl status >"$work/latched.out" 2>&1 || true
latched=$(sed -n 's/.*latched: \(.*\) (clear with.*/\1/p' "$work/latched.out" | head -n 1)
start_mirror
main=$(prop MainPID)
removed_at=$(now)
remove_status=0
apt remove -y poled >"$work/remove.log" 2>&1 || remove_status=$?
removed=$(now)
missing=$(unsafe_outputs "$removed_at" "$removed" "$main")
still=$({ grep -lx poled /proc/[0-9]*/comm 2>/dev/null || true; } | wc -l)
held=$(held_by_poled)
kept=$(test -f /var/lib/poled/poled.sqlite && echo yes || echo no)
apt install -y "./$(basename "$deb")" >"$work/reinstall.log" 2>&1
systemctl start poled
polectl status >"$work/reinstalled.out" 2>&1 || true
relatched=$(sed -n 's/.*latched: \(.*\) (clear with.*/\1/p' "$work/reinstalled.out" | head -n 1)
purge_status=0
apt purge -y poled >"$work/purge.log" 2>&1 || purge_status=$?
backup=$(tr -d '\r' <"$work/purge.log" | sed -n 's/.*poled: purge kept .* in \(\/var\/backups\/[^ ]*\)$/\1/p' | head -n 1)
gone=$(test -e /var/lib/poled && echo no || echo yes)
# The copy is the pole's state: put back, a reinstalled poled reports the same latched faults.
restored=
if [ -n "$backup" ] && [ -f "$backup/poled.sqlite" ]; then
    apt install -y "./$(basename "$deb")" >"$work/reinstall2.log" 2>&1
    install -m 0644 "$here/poled.toml" /etc/poled/poled.toml
    cp -a "$backup" /var/lib/poled
    systemctl start poled
    polectl status >"$work/restored.out" 2>&1 || true
    restored=$(sed -n 's/.*latched: \(.*\) (clear with.*/\1/p' "$work/restored.out" | head -n 1)
fi
if [ -z "$latched" ]; then
    fail "no fault latched with the green sense stuck on under a red head: $(head -n 2 "$work/latched.out" | tr '\n' '|')"
elif [ "$remove_status" != 0 ] || [ "$still" != 0 ] || [ "$held" != 0 ]; then
    fail "apt remove exited $remove_status; $still poled processes left, $held lines held"
elif [ -n "$missing" ]; then
    fail "apt remove: outputs not driven safe: $missing"
elif [ "$kept" != yes ] || [ "$relatched" != "$latched" ]; then
    fail "reinstall after remove: store kept $kept, latched '$relatched' (before: '$latched')"
elif [ "$purge_status" != 0 ] || [ "$gone" != yes ] || [ -z "$backup" ]; then
    fail "apt purge exited $purge_status, /var/lib/poled gone: $gone, copy: ${backup:-none}: $(tail -n 2 "$work/purge.log" | tr '\n' '|')"
elif [ "$restored" != "$latched" ]; then
    fail "the purge's copy $backup ($(ls "$backup" | tr '\n' ' ')), put back, gives latched '$restored' (before: '$latched'): $(tr '\n' '|' <"$work/restored.out" 2>/dev/null)"
else
    pass "remove stopped poled with every output driven safe; reinstall kept latched '$latched'; purge moved the state to $backup, which put back still latches '$restored'"
fi

echo "HIL RESULT $passed passed, $failed failed"
