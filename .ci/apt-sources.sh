# Sourced by .ci/debian13-root.sh and Tests/systemd/image.sh: `apt_uri_for_suite SUITE` prints the URI of
# each Debian mirror this machine's apt sources (one-line .list or deb822 .sources) name for SUITE,
# first the one to use.
apt_uri_for_suite() { # SUITE: prints the first URI serving it
    local suite=$1 file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        sed -nE "s/^deb([[:space:]]+\[[^]]*\])?[[:space:]]+([^[:space:]]+)[[:space:]]+$suite[[:space:]].*/\2/p" "$file"
    done
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        awk -v suite="$suite" '
            function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && enabled != "no") print uris; types = suites = uris = enabled = "" }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/ { sub(/^Types:[[:space:]]*/, ""); types = $0 }
            /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
            /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris = $1 }
            /^Enabled:/ { sub(/^Enabled:[[:space:]]*/, ""); enabled = tolower($0) }
            END { flush() }' "$file"
    done
}
