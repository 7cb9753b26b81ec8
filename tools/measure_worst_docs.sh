#!/bin/sh
# Peak RSS of the `check` example on each document of a directory written by
# tools/gen_worst_docs.py, less that of a tiny document, as a multiple of the
# document's size.
#
#     cargo build --release --features json --example check
#     python3 tools/gen_worst_docs.py target/worst
#     sh tools/measure_worst_docs.sh target/worst
set -eu
dir=${1:?usage: measure_worst_docs.sh DIR}
check=${CHECK:-target/release/examples/check}
rss() {
    /usr/bin/time -f %M -o "$dir/.rss" "$check" "$1" >/dev/null 2>&1 || true
    tail -n 1 "$dir/.rss"
}
base=$(rss "$dir/tiny.json")
printf '%-28s %10s %10s %10s %8s %s\n' document bytes rss_kib net_kib multiple exit
for f in "$dir"/*.json; do
    name=$(basename "$f" .json)
    [ "$name" = tiny ] && continue
    bytes=$(wc -c <"$f")
    status=0
    /usr/bin/time -f %M -o "$dir/.rss" "$check" "$f" >/dev/null 2>&1 || status=$?
    kib=$(tail -n 1 "$dir/.rss")
    net=$((kib - base))
    printf '%-28s %10d %10d %10d %8s %s\n' "$name" "$bytes" "$kib" "$net" \
        "$(awk -v n="$net" -v b="$bytes" 'BEGIN { printf "%.2f", n * 1024 / b }')" "$status"
done
echo "baseline (tiny document): $base KiB"
