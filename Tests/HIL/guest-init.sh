#!/bin/busybox sh
# The guest's /init for the hardware-in-the-loop harness (Tests/HIL/run.sh): makes the gpio-sim bank
# that boards/hil.toml names, runs poled against it case by case, prints `HIL PASS n name` or
# `HIL FAIL n name: reason` on the serial console, then powers off.
/bin/busybox --install -s /bin
export PATH=/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /run/poled /var/lib/poled /tmp
echo "HIL BOOTED kernel $(uname -r)"

echo "HIL INFO poled $(poled --version)"
# Modules the kernel has built in are not in the initramfs.
for module in configfs i2c-dev "i2c-stub chip_addr=0x69" gpio-sim; do
    set -- $module
    [ ! -f /lib/modules/$1.ko ] || insmod /lib/modules/$1.ko $2
done
mount -t configfs none /sys/kernel/config

# libgpiod's tools changed their command lines in 2.0: a chip is named with -c, and gpioset holds
# its lines until killed without --mode=signal.
if gpioinfo --version | grep -q 'v1\.'; then
    chip_info() { gpioinfo $CHIP; }
    hold_line() { exec gpioset --mode=signal $CHIP $1=$2; }
else
    chip_info() { gpioinfo -c $CHIP; }
    hold_line() { exec gpioset -c $CHIP $1=$2; }
fi

# One bank, labelled as boards/hil.toml expects, its lines named by role.
NAMES="HEAD_RED HEAD_GREEN FLOOR_RED_SENSE FLOOR_GREEN_SENSE PRESENCE_A FLOOR_RED FLOOR_GREEN BEACON HEARTBEAT"
C=/sys/kernel/config/gpio-sim/pole
mkdir $C $C/bank0
echo 9 > $C/bank0/num_lines
echo poled-hil > $C/bank0/label
offset=0
for name in $NAMES; do
    mkdir $C/bank0/line$offset
    echo $name > $C/bank0/line$offset/name
    offset=$((offset + 1))
done
echo 1 > $C/live
CHIP=$(cat $C/bank0/chip_name)
SIM=/sys/bus/gpio/devices/$CHIP
HEAD_RED=0 HEAD_GREEN=1 RED_SENSE=2 GREEN_SENSE=3 PRESENCE=4 FLOOR_RED=5 FLOOR_GREEN=6 HEARTBEAT=8
LIMIT=${HIL_LATENCY_MS:-100}
# poled.toml leaves crosswalk.startup_hold at its default.
HOLD=6000

pass() { echo "HIL PASS $1"; }
fail() { echo "HIL FAIL $1: $2"; }
pull() { echo "pull-$2" > $SIM/sim_gpio$1/pull; }
value() { cat $SIM/sim_gpio$1/value; }
pullpath() { echo $SIM/sim_gpio$1/pull; }
valuepath() { echo $SIM/sim_gpio$1/value; }
held_by_poled() { chip_info | grep -c '"poled"'; }
start_poled() {
    poled run --config /etc/poled/poled.toml --status-every 0s >> /tmp/poled.log 2>&1 &
    POLED=$!
    # A 60 MB static binary under emulation may take many seconds to answer; nothing is timed from here.
    for i in $(seq 1 300); do
        polectl version > /dev/null 2>&1 && return 0
        sleep 0.2
    done
    return 1
}
start_mirror() {
    hilwire mirror $(valuepath $FLOOR_RED) $(pullpath $RED_SENSE) $(valuepath $FLOOR_GREEN) $(pullpath $GREEN_SENSE) &
    MIRROR=$!
}

# The street before poled starts: head red (active-low: lit pulls the line low), green dark, no one.
pull $HEAD_RED down; pull $HEAD_GREEN down; pull $RED_SENSE down; pull $GREEN_SENSE down; pull $PRESENCE down
start_mirror

# 1. Start: every role found by name, outputs safe, the floor dark through the start-up hold. A
# recorder started before poled's exec sees every level poled drives, and the hold is measured from
# poled's first tick, whose CLOCK_MONOTONIC time poled logs ("first tick monotonic_ms=…"), so the
# verdict does not depend on how long this machine takes to start poled or to reach its socket.
hilwire record FLOOR_RED=$(valuepath $FLOOR_RED) FLOOR_GREEN=$(valuepath $FLOOR_GREEN) > /tmp/start.rec &
RECORDER=$!
recorded() { [ -f /tmp/start.rec ] && grep -q "$1" /tmp/start.rec; }
until recorded ' FLOOR_GREEN '; do sleep 0.05; done
if start_poled; then
    lines=$(held_by_poled)
    # Until the recorder has seen the floor light (or a minute has passed).
    for i in $(seq 1 600); do recorded ' FLOOR_RED 1$' && break; sleep 0.1; done
    kill $RECORDER; wait $RECORDER 2> /dev/null
    first=$(grep 'first tick' /tmp/poled.log | head -1 | sed -n 's/.*monotonic_ms=\([0-9]*\).*/\1/p')
    verdict=$(awk -v first="${first:-0}" -v hold=$HOLD -v limit=$LIMIT '
        NR == 1 { launch = $1 }
        $3 == 1 && !lit { lit = $1; colour = $2 }
        END {
            if (!first) { print "poled logged no first tick"; exit }
            if (!lit) { print "the floor never lit"; exit }
            dark = int(lit / 1000) - first
            if (colour != "FLOOR_RED") print colour " lit first, under a red head"
            else if (dark < hold) print "the floor lit " dark " ms after the first tick, within the " hold " ms start-up hold"
            else if (dark > hold + limit) print "the floor followed the red head " dark - hold " ms after the hold (limit " limit " ms)"
            else print "OK " dark " " first - int(launch / 1000)
        }' /tmp/start.rec)
    set -- $verdict
    if [ "$1" != OK ]; then fail 1 "start-up: $verdict"; cat /tmp/start.rec
    elif [ "$lines" != 9 ]; then fail 1 "start-up: poled holds $lines of 9 lines"; chip_info
    else pass "1 start-up: 9 lines by name; floor dark from before exec until $2 ms after the first tick ($3 ms after launch), then red"
    fi
else
    kill $RECORDER
    fail 1 "start-up: poled did not answer on its socket: $(tail -1 /tmp/poled.log)"
fi

# 6. Heartbeat.
toggles=$(hilwire toggles $(valuepath $HEARTBEAT) 1000)
if [ "$toggles" -ge 10 ]; then pass "6 heartbeat: $toggles toggles in 1 s"; else fail 6 "heartbeat: $toggles toggles in 1 s"; fi

# 7. The SPS30 on an SMBus-only adapter: reported clearly; the crosswalk runs without it.
sleep 1
if grep -q "cannot do plain I²C transfers" /tmp/poled.log && polectl sensors | grep -q "pm .*fail" && [ "$(value $FLOOR_RED)" = 1 ]; then
    pass "7 i2c: SMBus-only adapter reported, crosswalk runs"
else
    fail 7 "i2c: $(grep -i 'i2c' /tmp/poled.log | tail -2) / $(polectl sensors 2>&1 | tail -1)"
fi

# 2. A head cycle with real timing: green, flashing green, red; the floor follows within the limit.
worst=0
follow() { # PULL-ARGS... -- OFFSET EXPECTED: returns the latency, fails over the limit
    ms=$(hilwire step "$@" 1000) || { echo 9999; return; }
    echo $ms
}
check() { [ "$1" -gt "$worst" ] && worst=$1; [ "$1" -le "$LIMIT" ]; }
ok=yes
ms=$(follow $(pullpath $HEAD_RED) pull-up $(pullpath $HEAD_GREEN) pull-up -- $(valuepath $FLOOR_GREEN) 1); check $ms || ok="green after ${ms} ms"
sleep 3
for pulse in 1 2 3 4; do
    ms=$(follow $(pullpath $HEAD_GREEN) pull-down -- $(valuepath $FLOOR_GREEN) 0); check $ms || ok="flash off after ${ms} ms"
    sleep 0.45
    ms=$(follow $(pullpath $HEAD_GREEN) pull-up -- $(valuepath $FLOOR_GREEN) 1); check $ms || ok="flash on after ${ms} ms"
    sleep 0.45
done
ms=$(follow $(pullpath $HEAD_GREEN) pull-down $(pullpath $HEAD_RED) pull-down -- $(valuepath $FLOOR_RED) 1); check $ms || ok="red after ${ms} ms"
if [ "$ok" = yes ]; then pass "2 head cycle: the floor followed within ${worst} ms (limit ${LIMIT} ms)"; else fail 2 "head cycle: $ok"; fi

# 3. The green sense stuck on under a red head latches a fault; a clear restores following after the hold.
sleep 1
kill $MIRROR; wait $MIRROR 2> /dev/null
if ! hilwire step $(pullpath $GREEN_SENSE) pull-up -- $(valuepath $FLOOR_RED) 0 2000 > /tmp/ms; then
    fail 3 "floor sense: the floor stayed lit with the green sense stuck on"
else
    polectl status > /tmp/status; status=$?
    start_mirror
    sleep 0.5
    if [ $status != 1 ] || ! grep -q "latched: .*floor-" /tmp/status; then
        fail 3 "floor sense: status exit $status: $(grep faults /tmp/status)"
    elif ! polectl faults clear --all --reason "hil: sense wiring fixed" > /dev/null; then
        fail 3 "floor sense: faults clear failed"
    elif ! hilwire step -- $(valuepath $FLOOR_RED) 1 9000 > /tmp/ms; then
        fail 3 "floor sense: the floor did not follow again after the clear"
    else
        pass "3 floor sense: latched, shown by polectl, cleared, following again after $(cat /tmp/ms) ms"
    fi
fi

# 5a. SIGTERM: exit 0 and every line released.
kill -TERM $POLED; wait $POLED; rc=$?
if [ $rc = 0 ] && [ "$(held_by_poled)" = 0 ]; then pass "5a SIGTERM: exit 0, lines released"; else fail 5a "SIGTERM: exit $rc, $(held_by_poled) lines still held"; fi

# 4. A line another process holds, and a line the chip lacks: exit 69 naming the line.
hold_line $FLOOR_RED 0 &
GPIOSET=$!
sleep 0.3
poled run --config /etc/poled/poled.toml --status-every 0s > /tmp/busy.log 2>&1; rc=$?
kill $GPIOSET; wait $GPIOSET 2> /dev/null
sed 's/"FLOOR_GREEN"/"FLOOR_GREENISH"/' /etc/poled/hil.toml > /tmp/missing.toml
sed 's|/etc/poled/hil.toml|/tmp/missing.toml|' /etc/poled/poled.toml > /tmp/missing-site.toml
poled run --config /tmp/missing-site.toml --status-every 0s > /tmp/missing.log 2>&1; rc2=$?
if [ $rc != 69 ] || ! grep -q 'FLOOR_RED.*busy.*gpioset' /tmp/busy.log; then fail 4 "busy line: exit $rc: $(cat /tmp/busy.log | tail -1)"
elif [ $rc2 != 69 ] || ! grep -q FLOOR_GREENISH /tmp/missing.log; then fail 4 "missing line: exit $rc2: $(tail -1 /tmp/missing.log)"
else pass "4 refused: a held line (by gpioset) and a missing line, exit 69 naming them"
fi

# 5b. SIGKILL: the kernel releases the lines; safe-state runs and exits 0.
start_poled
kill -KILL $POLED; wait $POLED 2> /dev/null
held=$(held_by_poled)
poled safe-state --config /etc/poled/poled.toml > /tmp/safe.log 2>&1; rc=$?
if [ "$held" = 0 ] && [ $rc = 0 ]; then pass "5b SIGKILL: lines released, safe-state exit 0"; else fail 5b "SIGKILL: $held lines held, safe-state exit $rc: $(tail -1 /tmp/safe.log)"; fi

echo "HIL DONE"
poweroff -f
