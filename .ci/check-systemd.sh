#!/usr/bin/env bash
# CI: check the systemd integration in systemd/: the unit passes `systemd-analyze verify` with no
# warning, its sandbox scores at most 2.0 in `systemd-analyze security`, and the sysusers file applies.
set -euo pipefail
cd "$(dirname "$0")/.."

unit=systemd/poled.service
# systemd-analyze's --threshold counts in tenths: the exposure is computed as an integer 0…100
# (rounded up) and printed as N/10, and the check fails when it is strictly above the threshold
# (analyze-security.c in systemd 252; the man page only says "default value is 100").
# 20 therefore means "fail above 2.0".
threshold=20

if ! command -v systemd-analyze >/dev/null || ! command -v systemd-sysusers >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd
fi
systemd-analyze --version | head -n 1

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# verify: `systemd-analyze verify` insists that every Exec*= command exists and is executable, and
# /usr/bin/poled does not exist on a CI machine. Instead of editing a copy of the unit, verify the
# unmodified file under --root=: a scratch root holding a copy of this machine's unit directory (for
# sysinit.target and the other units the default dependencies name), the unit itself, and an
# executable stub at each absolute path the unit's Exec*= lines name. --recursive-errors=no makes a
# warning about this unit (unknown key, bad value) fail the check; without it systemd 252 exits 0.
root=$scratch/root
mkdir -p "$root/usr/lib/systemd"
cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
cp "$unit" "$root/usr/lib/systemd/system/"
# An Exec line's command may carry the prefixes - @ : + ! (systemd.service(5)).
sed -nE 's/^Exec[A-Za-z]+=[-@:+!]*(\/[^ ]+).*/\1/p' "$unit" | sort -u | while read -r executable; do
    mkdir -p "$root$(dirname "$executable")"
    printf '#!/bin/sh\nexit 0\n' >"$root$executable"
    chmod 0755 "$root$executable"
done
verify_log=$scratch/verify.log
if ! systemd-analyze --root="$root" --recursive-errors=no verify "$(basename "$unit")" >"$verify_log" 2>&1; then
    cat "$verify_log" >&2
    echo "check-systemd: systemd-analyze verify $unit failed" >&2
    exit 1
fi
if [ -s "$verify_log" ]; then
    cat "$verify_log" >&2
    echo "check-systemd: systemd-analyze verify $unit printed warnings" >&2
    exit 1
fi
echo "verify: $unit ok"

# sysusers: apply the file to an empty scratch root; a syntax error fails.
users_root=$scratch/users
mkdir -p "$users_root/etc"
touch "$users_root/etc/passwd" "$users_root/etc/group" "$users_root/etc/shadow" "$users_root/etc/gshadow"
if ! systemd-sysusers --root="$users_root" "$PWD/systemd/poled.sysusers" >"$scratch/sysusers.log" 2>&1; then
    cat "$scratch/sysusers.log" >&2
    echo "check-systemd: systemd-sysusers systemd/poled.sysusers failed" >&2
    exit 1
fi
for entry in '^poled:' '^gpio:[^:]*:[0-9]+:(.*,)?poled(,|$)' '^i2c:[^:]*:[0-9]+:(.*,)?poled(,|$)'; do
    if ! grep -Eq "$entry" "$users_root/etc/passwd" "$users_root/etc/group"; then
        echo "check-systemd: systemd/poled.sysusers does not create $entry" >&2
        exit 1
    fi
done
echo "sysusers: systemd/poled.sysusers ok (user poled, member of gpio and i2c)"

# udev rules: `udevadm verify` exists from systemd 254 on; use it where it does.
if command -v udevadm >/dev/null && udevadm verify --help >/dev/null 2>&1; then
    udevadm verify --no-style systemd/60-poled-gpio.rules
fi

# security: the offline review of the unit file. The table's rows with an exposure are the
# settings left open; the unit's header comment says why each one is.
security_log=$scratch/security.log
status=0
SYSTEMD_COLORS=0 systemd-analyze security --offline=true --threshold="$threshold" --no-pager \
    "./$unit" >"$security_log" 2>&1 || status=$?
awk '$NF ~ /^[0-9]+\.[0-9]$/' "$security_log"
score=$(sed -nE 's/.*Overall exposure level for [^:]+: ([0-9]+\.[0-9]).*/\1/p' "$security_log")
if [ -z "$score" ]; then
    cat "$security_log" >&2
    echo "check-systemd: no exposure level in systemd-analyze security's output" >&2
    exit 1
fi
echo "security: $unit exposure $score (must be at most $((threshold / 10)).$((threshold % 10)))"
if [ "$status" -ne 0 ] || [ "${score/./}" -gt "$threshold" ]; then
    echo "check-systemd: $unit exposure $score is above the threshold" >&2
    exit 1
fi
