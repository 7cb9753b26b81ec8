#!/usr/bin/env bash
# Builds every fuzz target and runs each briefly (20 s by default), failing on
# any crash, panic, timeout or out-of-memory. Works from a clean clone: it
# installs cargo-fuzz if missing. The toolchain is stable: cargo-fuzz needs
# nightly flags (-Zsanitizer..., -Cpasses=sancov-module), which RUSTC_BOOTSTRAP=1
# unlocks on a stable rustc.
#
#   fuzz/ci.sh                 # all targets, 20 s each
#   FUZZ_SECONDS=60 fuzz/ci.sh json_reader rfc9557
set -euo pipefail

CARGO_FUZZ_VERSION=0.13.2
SECONDS_PER_TARGET=${FUZZ_SECONDS:-20}
ALL_TARGETS=(json_reader rfc9557 codes_and_zones builders stated_check slot_search ics_import reader)

cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    echo "+ cargo install cargo-fuzz --locked --version $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${ALL_TARGETS[@]}"); fi

# No sanitizer: the crate forbids unsafe code, and ASan would cost most of the
# speed. Debug assertions and overflow checks stay on (cargo-fuzz's default).
FLAGS=(-s none)

start=$(date +%s)
echo "+ cargo fuzz build ${FLAGS[*]}"
cargo fuzz build "${FLAGS[@]}"
echo "build: $(( $(date +%s) - start )) s"

dict_for() {
    case "$1" in
        json_reader) echo "-dict=dict/json.dict" ;;
        rfc9557 | codes_and_zones | stated_check) echo "-dict=dict/time.dict" ;;
        ics_import) echo "-dict=dict/ics.dict" ;;
        reader) echo "-dict=dict/readout.dict" ;;
    esac
}

failed=()
for t in "${targets[@]}"; do
    corpus="corpus/$t"
    mkdir -p "$corpus"
    dirs=("$corpus")
    [ -d "seeds/$t" ] && dirs+=("seeds/$t")
    [ -d "../tests/fuzz_regressions/$t" ] && dirs+=("../tests/fuzz_regressions/$t")
    args=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
    d=$(dict_for "$t")
    [ -n "$d" ] && args+=("$d")
    echo "+ cargo fuzz run ${FLAGS[*]} $t ${dirs[*]} -- ${args[*]}"
    t0=$(date +%s)
    if cargo fuzz run "${FLAGS[@]}" "$t" "${dirs[@]}" -- "${args[@]}" 2>"/tmp/fuzz-$t.log"; then
        echo "$t: ok in $(( $(date +%s) - t0 )) s: $(grep -E '^stat::number_of_executed_units' "/tmp/fuzz-$t.log" | awk '{print $2}') execs"
    else
        echo "$t: FAILED (log below; the crashing input is under fuzz/artifacts/$t/)"
        tail -n 60 "/tmp/fuzz-$t.log"
        failed+=("$t")
    fi
done

echo "total: $(( $(date +%s) - start )) s"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "crashed: ${failed[*]}"
    exit 1
fi
