#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build and run every libFuzzer target in test/fuzz.
#
#   sh test/fuzz/run.sh SECONDS [BUILDDIR]
#
# Each test/fuzz/fuzz_NAME.c is linked with fhost.c (the kernel on the
# fuzzer's clock they share) and the whole C core
# (model/kern/*.c, model/kern/media/*.c) by clang with libFuzzer, ASan
# and UBSan, then run for SECONDS on a copy of test/fuzz/corpus/NAME/
# (the repository's corpus is never written).  One line per target
# gives its result and executions.  Crash reproducers and logs are kept
# in BUILDDIR (default build-fuzz).  Exits non-zero if any target fails
# to build or crashes.
set -eu

usage() {
	echo "usage: sh $0 SECONDS [BUILDDIR]" >&2
	exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	usage
fi
secs=$1
case $secs in
''|*[!0-9]*) usage ;;
esac
[ "$secs" -gt 0 ] || usage

root=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${2:-build-fuzz}
mkdir -p "$builddir"
builddir=$(cd "$builddir" && pwd)
CC=${CC:-clang}
CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"

work=$(mktemp -d "${TMPDIR:-/tmp}/bsdnet-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

status=0
found=0
for src in "$root"/test/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	found=1
	name=$(basename "$src" .c)
	short=${name#fuzz_}
	bin=$builddir/$name
	log=$builddir/$name.log

	# shellcheck disable=SC2086
	if ! $CC $CFLAGS -I"$root/model/kern" "$src" "$root/test/fuzz/fhost.c" \
	    "$root"/model/kern/*.c \
	    "$root"/model/kern/media/*.c -o "$bin" \
	    >"$builddir/$name.build.log" 2>&1
	then
		printf '%-12s BUILD FAILED (see %s)\n' "$name" \
		    "$builddir/$name.build.log"
		sed 's/^/    /' "$builddir/$name.build.log" | head -n 20
		status=1
		continue
	fi

	corpus=$work/$short
	mkdir -p "$corpus"
	if [ -d "$root/test/fuzz/corpus/$short" ]; then
		for f in "$root/test/fuzz/corpus/$short"/*; do
			if [ -f "$f" ]; then
				cp "$f" "$corpus/"
			fi
		done
	fi
	artifacts=$builddir/artifacts-$short
	mkdir -p "$artifacts"

	if "$bin" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$artifacts/" \
	    "$corpus" >"$log" 2>&1; then
		result=ok
	else
		result=CRASH
		status=1
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -n 1)
	printf '%-12s %-6s execs %s\n' "$name" "$result" "${execs:-?}"
	if [ "$result" = CRASH ]; then
		grep -E 'ERROR: |SUMMARY: |runtime error|Test unit written' \
		    "$log" | head -n 6 | sed 's/^/    /'
		echo "    log: $log"
	fi
done

if [ "$found" = 0 ]; then
	echo "no test/fuzz/fuzz_*.c found" >&2
	exit 1
fi
exit "$status"
