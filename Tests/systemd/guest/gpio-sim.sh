#!/bin/bash
# The systemd harness's wiring, run at boot by hil-gpio-sim.service (before poled.service): one
# gpio-sim bank labelled "poled-hil" whose lines carry the names the pole's wiring gives them (the
# names boards/hil.toml binds, fixed here as in Tests/HIL/guest-init.sh, so a board file that
# misspells one is refused by poled as on a real pole). Every output line is pulled opposite its safe
# level (pull-up: the safe level of the floor, beacon and heartbeat is off), so a released line reads
# 1 and a line driven safe reads 0; the head shows red (its red input is active-low) and nobody waits.
# Writes CHIP, BASE (the chip's first global GPIO number, as ftrace's gpio events name lines) and SIM
# (the sysfs folder with sim_gpioN/value and pull) to /run/hil/sim.env for the cases.
set -euo pipefail
names=(HEAD_RED HEAD_GREEN FLOOR_RED_SENSE FLOOR_GREEN_SENSE PRESENCE_A FLOOR_RED FLOOR_GREEN BEACON HEARTBEAT)
pulls=(down down down down down up up up up)

modprobe gpio-sim
config=/sys/kernel/config/gpio-sim/pole
mkdir "$config" "$config/bank0"
echo "${#names[@]}" >"$config/bank0/num_lines"
echo poled-hil >"$config/bank0/label"
for offset in "${!names[@]}"; do
    mkdir "$config/bank0/line$offset"
    echo "${names[offset]}" >"$config/bank0/line$offset/name"
done
echo 1 >"$config/live"
chip=$(cat "$config/bank0/chip_name")
sim=/sys/bus/gpio/devices/$chip
for offset in "${!names[@]}"; do
    echo "pull-${pulls[offset]}" >"$sim/sim_gpio$offset/pull"
done
base=
for class in /sys/class/gpio/gpiochip*; do
    if [ "$(cat "$class/label")" = poled-hil ]; then base=$(cat "$class/base"); fi
done
[ -n "$base" ] || { echo "gpio-sim: no /sys/class/gpio entry labelled poled-hil" >&2; exit 1; }
mkdir -p /run/hil
printf 'CHIP=%s\nBASE=%s\nSIM=%s\n' "$chip" "$base" "$sim" >/run/hil/sim.env
echo "gpio-sim: $chip (GPIO $base…$((base + ${#names[@]} - 1))): ${names[*]}"
