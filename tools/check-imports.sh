#!/usr/bin/env bash
# Checks that every module imports only what docs/architecture.md allows.
#
# Usage: tools/check-imports.sh [REPOSITORY]      (default: the repository holding this script)
#
# Reads the module table of docs/architecture.md (the table whose header has the columns "module" and
# "may import"; one row per module, "may import" a comma-separated list of module names, "—" for
# none), then:
#   - every folder Sources/<Module>/ must have a row (so the table stays complete);
#   - every `import X` line in Sources/<Module>/**/*.swift, with any access level (`public`,
#     `package`, `internal`, ...) and attributes (`@_implementationOnly`, `@preconcurrency`,
#     `@_exported`, `@testable`, `@_spi(...)`), and `import struct X.Y` forms, must name X in the
#     module's row, the module itself, or the always-allowed set below;
#   - every dependency of a `.target`, `.executableTarget` or `.systemLibrary` in Package.swift
#     (target names and `.product(name:)` names) must be in the target's row. Test targets are not
#     checked: their folders are in Tests/, not Sources/.
# Rows whose Sources/ folder does not exist yet (a module the table plans) are skipped.
#
# Always allowed, as docs/architecture.md says: the Swift standard library and the C library under it
# (Swift, _Concurrency, _StringProcessing, Synchronization, Glibc, Musl). Dispatch, Foundation and
# FoundationEssentials are allowed only where a row lists them.
#
# Prints each violation as
#   Sources/X/File.swift:LINE: X imports Y, not allowed by docs/architecture.md
#   Package.swift:LINE: X depends on Y, not allowed by docs/architecture.md
#   Sources/X: X has no row in docs/architecture.md's module table
# and exits 1 if there is any; otherwise prints one summary line and exits 0. Exits 2 when the table
# cannot be read. Needs bash, awk, find and sort.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi # `sh tools/check-imports.sh` works too
set -euo pipefail

root=${1:-"$(cd "$(dirname "$0")/.." && pwd)"}
doc="$root/docs/architecture.md"
package="$root/Package.swift"
always_allowed="Swift _Concurrency _StringProcessing Synchronization Glibc Musl"

if [ ! -f "$doc" ]; then
    echo "check-imports: $doc not found" >&2
    exit 2
fi

# The table as "Module<TAB>Allowed Allowed ..." lines.
table=$(awk -F'|' '
    function trim(text) { gsub(/`/, "", text); gsub(/^[ \t]+|[ \t]+$/, "", text); return text }
    { gsub(/\\\|/, "/"); $0 = $0 } # an escaped pipe inside a cell is not a column
    !in_table {
        module_col = 0; allowed_col = 0
        for (i = 2; i < NF; i++) {
            if (trim($i) == "module") module_col = i
            if (trim($i) == "may import") allowed_col = i
        }
        if (module_col && allowed_col) in_table = 1
        next
    }
    in_table && !/^[ \t]*\|/ { exit }
    in_table && /^[ \t]*\|[ \t:|-]+$/ { next }
    in_table {
        module = trim($module_col)
        allowed = trim($allowed_col)
        if (allowed == "—" || allowed == "-") allowed = ""
        gsub(/[ \t]*,[ \t]*/, " ", allowed)
        print module "\t" allowed
    }
' "$doc")

if [ -z "$table" ]; then
    echo "check-imports: no module table (columns \"module\" and \"may import\") in $doc" >&2
    exit 2
fi

# allowed_for MODULE: prints the row's list, or nothing and status 1 when there is no row.
allowed_for() {
    printf '%s\n' "$table" | awk -F'\t' -v module="$1" '$1 == module { print $2; found = 1 } END { exit !found }'
}

violations=0
checked_modules=0
checked_imports=0
skipped=""

report() {
    echo "$1"
    violations=$((violations + 1))
}

# Rows planned but without a folder yet.
while IFS="$(printf '\t')" read -r module _; do
    [ -d "$root/Sources/$module" ] || skipped="$skipped $module"
done <<EOF
$table
EOF

# Imports, folder by folder.
for folder in "$root"/Sources/*/; do
    module=$(basename "$folder")
    if ! allowed=$(allowed_for "$module"); then
        report "Sources/$module: $module has no row in docs/architecture.md's module table"
        continue
    fi
    checked_modules=$((checked_modules + 1))
    permitted=" $module $allowed $always_allowed "
    while IFS= read -r file; do
        relative=${file#"$root"/}
        # FILE:LINE:IMPORTED for each import line outside block comments and multi-line strings.
        while IFS=: read -r line imported; do
            [ -n "$imported" ] || continue
            checked_imports=$((checked_imports + 1))
            case "$permitted" in
            *" $imported "*) ;;
            *) report "$relative:$line: $module imports $imported, not allowed by docs/architecture.md" ;;
            esac
        done < <(awk '
            {
                text = $0
                if (in_string) { if (gsub(/"""/, "&", text) % 2 == 1) in_string = 0; next }
                if (in_comment) { if (index(text, "*/")) in_comment = 0; next }
                if (text ~ /^[ \t]*\/\*/ && !index(text, "*/")) { in_comment = 1; next }
                if (gsub(/"""/, "&", text) % 2 == 1) { in_string = 1; next }
                pattern = "^[ \t]*(@[A-Za-z_]+(\\([^)]*\\))?[ \t]+)*((public|package|internal|fileprivate|private|open)[ \t]+)?import[ \t]+"
                if (match(text, pattern)) {
                    rest = substr(text, RLENGTH + 1)
                    sub(/^(typealias|struct|class|enum|protocol|let|var|func)[ \t]+/, "", rest)
                    if (match(rest, /^[A-Za-z_][A-Za-z0-9_]*/)) print FNR ":" substr(rest, 1, RLENGTH)
                }
            }
        ' "$file")
    done < <(find "$folder" -name '*.swift' -type f | LC_ALL=C sort)
done

# Package.swift: LINE<TAB>KIND<TAB>TARGET<TAB>DEPENDENCY for each dependency of each target.
if [ -f "$package" ]; then
    while IFS="$(printf '\t')" read -r line kind target dependency; do
        [ "$kind" = "testTarget" ] && continue
        [ -d "$root/Sources/$target" ] || continue
        allowed=$(allowed_for "$target") || continue # reported above as a folder without a row
        case " $allowed " in
        *" $dependency "*) ;;
        *) report "Package.swift:$line: $target depends on $dependency, not allowed by docs/architecture.md" ;;
        esac
    done < <(awk '
        # Prints the quoted names in the dependency text up to the bracket that closes the list.
        function dependencies(text,    i, c, collected, name) {
            collected = ""
            for (i = 1; i <= length(text); i++) {
                c = substr(text, i, 1)
                if (c == "[") depth++
                else if (c == "]") { depth--; if (depth == 0) { in_deps = 0; break } }
                collected = collected c
            }
            gsub(/package:[ \t]*"[^"]*"/, "", collected)
            while (match(collected, /"[^"]*"/)) {
                name = substr(collected, RSTART + 1, RLENGTH - 2)
                print FNR "\t" kind "\t" target "\t" name
                collected = substr(collected, RSTART + RLENGTH)
            }
        }
        {
            text = $0
            sub(/\/\/.*/, "", text)
            if (in_deps) { dependencies(text); next }
            if (match(text, /\.(target|executableTarget|systemLibrary|testTarget|binaryTarget|plugin|macro)\(/)) {
                kind = substr(text, RSTART + 1, RLENGTH - 2)
                target = ""
                text = substr(text, RSTART + RLENGTH)
            }
            if (kind != "" && target == "" && match(text, /name:[ \t]*"[^"]*"/)) {
                target = substr(text, RSTART, RLENGTH)
                sub(/^name:[ \t]*"/, "", target)
                sub(/"$/, "", target)
            }
            if (kind != "" && target != "" && (at = index(text, "dependencies:"))) {
                in_deps = 1
                depth = 0
                dependencies(substr(text, at + length("dependencies:")))
            }
        }
    ' "$package")
fi

if [ "$violations" -gt 0 ]; then
    echo "check-imports: $violations violation(s) of docs/architecture.md" >&2
    exit 1
fi
echo "check-imports: $checked_imports imports in $checked_modules modules and Package.swift follow docs/architecture.md${skipped:+ (no folder yet:$skipped)}"
