#!/bin/sh
# bench-clone-dos: the flagship local clone DoS of bsdnet-clone-dos at a
# million destinations: wall time, peak RSS, and the cost per attack
# datagram early in the run against late in it (is it flat as the table
# grows?).
#
# The run: --mode=local --personality=bsdos-4 (in_pcbconnect clones a
# host route per destination) --destinations=1000000 --rate=10000
# --budget=0 (no kernel budget: the table takes them all) --duration=101,
# so about 10^6 datagrams and a table of about 10^6 cloned routes, with
# the example's own outputs (table.csv, rtsock.log, netstat.txt at the
# middle and at the end, summary.json).
#
# Flatness: the example cannot be instrumented from here, so the same run
# is repeated with shorter durations and the cost per datagram taken
# between two of them: early = (wall(21 s) - wall(11 s)) / (datagrams
# between), the table growing from ~10^5 to ~2*10^5 entries; late =
# (wall(101 s) - wall(91 s)) / (datagrams between), from ~9*10^5 to
# ~10^6.  Both include the example's netstat dumps, whose size grows with
# the datagrams sent, in the same proportion.  The machine is shared:
# these use the run's own CPU time (user + system, from /usr/bin/time -v;
# wall time would count other processes' turns on the CPUs), the best of
# --repeat runs (default 1).  The flagship's wall time is reported too.
#
# Usage: bench/bench_clone_dos.sh [BUILD] [--quick] [--repeat=R]
#   --quick  10^5 destinations (durations 11 s and 21 s only)
#
# SPDX-License-Identifier: GPL-2.0-only
set -eu

BUILD=build
QUICK=0
REPEAT=1
for a in "$@"; do
	case $a in
	--quick) QUICK=1 ;;
	--repeat=*) REPEAT=${a#--repeat=} ;;
	-*) echo "bench_clone_dos.sh: unknown flag $a (--quick, --repeat=R)" >&2; exit 2 ;;
	*) BUILD=$a ;;
	esac
done
BIN=$BUILD/bsdnet-clone-dos
if [ ! -x "$BIN" ]; then
	echo "bench_clone_dos.sh: no $BIN: build first (make build BUILD=$BUILD)" >&2
	exit 2
fi
TIMEV=
if /usr/bin/time -v true >/dev/null 2>&1; then
	TIMEV="/usr/bin/time -v"
fi
OUT=$(mktemp -d /tmp/bsdnet-clone-dos-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

if [ "$QUICK" = 1 ]; then
	DEST=100000
	DURS="11 21"
	FLAG=21
else
	DEST=1000000
	DURS="11 21 91 101"
	FLAG=101
fi
RATE=10000

# json FILE KEY: a number from the example's one-line summary.json.
json() {
	sed -n "s/.*\"$2\":\([-0-9.e+]*\).*/\1/p" "$1"
}

# run DURATION: best wall time of REPEAT runs -> $OUT/d$DURATION.{wall,rss,json}
run() {
	d=$1
	best=
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		i=$((i + 1))
		dir=$OUT/d$d-$i
		t0=$(date +%s.%N)
		if [ -n "$TIMEV" ]; then
			$TIMEV "$BIN" --mode=local --personality=bsdos-4 \
			    --destinations=$DEST --rate=$RATE --budget=0 \
			    --duration="$d" --outdir="$dir" \
			    >"$OUT/d$d-$i.stdout" 2>"$OUT/d$d-$i.time"
		else
			"$BIN" --mode=local --personality=bsdos-4 \
			    --destinations=$DEST --rate=$RATE --budget=0 \
			    --duration="$d" --outdir="$dir" \
			    >"$OUT/d$d-$i.stdout" 2>"$OUT/d$d-$i.time"
		fi
		t1=$(date +%s.%N)
		w=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/d$d-$i.time")
		cpu=$(awk -v w="$w" '/User time/ { u = $NF } /System time/ { s = $NF }
		    END { if (u == "") print w; else printf "%.3f", u + s }' "$OUT/d$d-$i.time")
		if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$cpu
			echo "$cpu" >"$OUT/d$d.cpu"
			echo "$w" >"$OUT/d$d.wall"
			echo "${rss:-0}" >"$OUT/d$d.rss"
			cp "$dir/summary.json" "$OUT/d$d.json"
		fi
	done
}

echo "bench-clone-dos: bsdnet-clone-dos --mode=local --personality=bsdos-4 --destinations=$DEST"
echo "  --rate=$RATE --budget=0, durations $DURS s (best of $REPEAT; shared machine, noisy)"
for d in $DURS; do
	echo "bench-clone-dos: --duration=$d ..." >&2
	run "$d"
done

printf '%9s %8s %8s %12s %12s %9s %14s %12s\n' duration wall_s cpu_s datagrams routes peak_MB mem_budget_MB cpu_us/dgram
for d in $DURS; do
	sent=$(json "$OUT/d$d.json" attack_sent)
	routes=$(json "$OUT/d$d.json" peak_routes)
	memb=$(json "$OUT/d$d.json" peak_mem_bytes)
	awk -v d="$d" -v w="$(cat "$OUT/d$d.wall")" -v c="$(cat "$OUT/d$d.cpu")" \
	    -v s="$sent" -v r="$routes" \
	    -v rss="$(cat "$OUT/d$d.rss")" -v m="$memb" 'BEGIN {
		printf "%9s %8.2f %8.2f %12d %12d %9.1f %14.1f %12.2f\n", d, w, c, s, r,
		    rss / 1024, m / 1048576, (s > 0 ? c * 1e6 / s : 0)
	}'
done

# marginal D1 D2: "us-per-datagram routes1 routes2" between two runs.
marginal() {
	awk -v w1="$(cat "$OUT/d$1.cpu")" -v w2="$(cat "$OUT/d$2.cpu")" \
	    -v s1="$(json "$OUT/d$1.json" attack_sent)" \
	    -v s2="$(json "$OUT/d$2.json" attack_sent)" \
	    -v r1="$(json "$OUT/d$1.json" peak_routes)" \
	    -v r2="$(json "$OUT/d$2.json" peak_routes)" \
	    'BEGIN { printf "%.3f %d %d\n", (w2 - w1) * 1e6 / (s2 - s1), r1, r2 }'
}

echo
set -- $(marginal 11 21)
EARLY=$1
echo "early: $1 us of CPU per datagram (table $2 -> $3 routes)"
if [ "$QUICK" = 0 ]; then
	set -- $(marginal 91 101)
	echo "late:  $1 us of CPU per datagram (table $2 -> $3 routes)"
	awk -v e="$EARLY" -v l="$1" 'BEGIN {
		printf "late / early = %.2f (1.00 is flat)\n", (e > 0 ? l / e : 0)
	}'
fi
awk -v w="$(cat "$OUT/d$FLAG.wall")" -v c="$(cat "$OUT/d$FLAG.cpu")" \
    -v rss="$(cat "$OUT/d$FLAG.rss")" \
    -v r="$(json "$OUT/d$FLAG.json" peak_routes)" 'BEGIN {
	printf "flagship (%d routes): %.2f s wall (%.2f s CPU), peak RSS %.1f MB, %.0f B of process per route\n", r, w, c, rss / 1024, (r > 0 ? rss * 1024 / r : 0)
}'
