#!/usr/bin/env bash
# CI: a pole whose distribution goes from Debian 12 to 13 gets the trixie package over the bookworm
# one. dpkg installs poled_*~deb13 over poled_*~deb12 as an upgrade, keeps the site file (a
# conffile, changed here as a district would change it) and the store in /var/lib/poled, and the
# upgraded poled runs with libgpiod 2. Run as root on Debian 13, in the CI root: the bookworm
# package's libgpiod2 is not there, so it goes in with --force-depends, as if it had been installed
# before the distribution upgrade. Purged afterwards, with the copy of /var/lib/poled a purge keeps
# in /var/backups, so the root stays as it was.
#
#   .ci/check-upgrade.sh OLD.deb NEW.deb
set -euo pipefail
old=${1:?usage: .ci/check-upgrade.sh OLD.deb NEW.deb}
new=${2:?usage: .ci/check-upgrade.sh OLD.deb NEW.deb}
sh "$(dirname "$0")/../tools/deps.sh" systemd
export DEBIAN_FRONTEND=noninteractive
purge() { dpkg --purge poled >/dev/null 2>&1 || true; rm -rf /var/backups/poled-*; }
purge
trap purge EXIT

dpkg -i --force-depends "$old" >/dev/null 2>&1
site="# a district's change, $(date +%s)"
echo "$site" >>/etc/poled/poled.toml
# What the service leaves there once it has run (StateDirectory=poled).
install -d -o poled -g poled /var/lib/poled
echo "the store" >/var/lib/poled/poled.sqlite
dpkg -i "$new" >/dev/null

fail() { echo "check-upgrade: $*" >&2; exit 1; }
version=$(dpkg-query -W -f '${Version}' poled)
[ "$version" = "$(dpkg-deb --field "$new" Version)" ] || fail "poled is $version after the upgrade"
[ "$(tail -n 1 /etc/poled/poled.toml)" = "$site" ] || fail "the upgrade replaced the changed /etc/poled/poled.toml"
[ ! -e /etc/poled/poled.toml.dpkg-new ] && [ ! -e /etc/poled/poled.toml.dpkg-old ] || fail "the upgrade asked about the site file"
[ "$(cat /var/lib/poled/poled.sqlite)" = "the store" ] || fail "the upgrade lost /var/lib/poled"
running=$(poled --version)
grep -q 'libgpiod v2 API' <<<"$running" || fail "the upgraded poled says $running"
echo "upgrade: $(dpkg-deb --field "$old" Version) → $version kept /etc/poled/poled.toml and /var/lib/poled; poled $running"
