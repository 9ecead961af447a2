#!/bin/sh
# Regenerate the manual's figures: run the four shipped sweeps with the
# sweep runner (tools/sweep) and copy their plots into doc/figures/ as
# <sweep>-<plot name>.png.  Every run is made afresh (the figures must
# show the code as it is), under results/sweeps/; KEEP=1 keeps and
# resumes earlier runs instead.
#
#   doc/figures/make-figures.sh          BUILD=build  JOBS=$(nproc)  KEEP=
#
# A sweep with a failed run leaves its old figures in place; the script
# goes on with the others and exits 1.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$ROOT/$BUILD ;;
esac
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
PYTHON=/usr/bin/python3
SWEEPS="clone-growth redirect-watermarks freebsd-aging arp-latency"
SWEEPDIR=$ROOT/tools/sweep/sweeps
FIGS=$ROOT/doc/figures

# Every example binary first, so that nothing runs when one is missing.
missing=""
for s in $SWEEPS; do
	ex=$("$PYTHON" -c 'import sys, tomllib
print(tomllib.load(open(sys.argv[1], "rb"))["example"])' "$SWEEPDIR/$s.toml")
	if [ ! -x "$BUILD/$ex" ]; then
		case " $missing " in
		*" $ex "*) ;;
		*) missing="$missing $ex" ;;
		esac
	fi
done
if [ -n "$missing" ]; then
	echo "make-figures: not in $BUILD:$missing; run make build first" >&2
	exit 1
fi

status=0
for s in $SWEEPS; do
	out=$ROOT/results/sweeps/$s
	[ -n "${KEEP:-}" ] || rm -rf "$out"
	if ! PYTHONPATH=$ROOT/tools/sweep "$PYTHON" -m bsdsweep run "$SWEEPDIR/$s.toml" \
	    --build "$BUILD" --out "$out" --jobs "$JOBS"; then
		echo "make-figures: $s failed (see $out/failures.txt); its figures are not updated" >&2
		status=1
		continue
	fi
	for png in "$out"/plots/*.png; do
		[ -e "$png" ] || continue
		cp "$png" "$FIGS/$s-$(basename "$png")"
		echo "make-figures: doc/figures/$s-$(basename "$png")"
	done
done
# The flagship figure: make demo's four personalities.
if sh "$ROOT/tools/demo/run.sh" "$BUILD" "$ROOT/results/demo" >/dev/null; then
	cp "$ROOT/results/demo/table-size.png" "$FIGS/demo-table-size.png"
	echo "make-figures: doc/figures/demo-table-size.png"
else
	echo "make-figures: the demo failed; doc/figures/demo-table-size.png not updated" >&2
	status=1
fi
exit $status
