#!/bin/sh
# Instructions per forwarded datagram, counted by callgrind, where wall
# time on a shared machine is too noisy to compare: bench-forward runs
# under valgrind --tool=callgrind once per stack (null, ns3, bsdnet), in
# one process each (--no-fork).  bench-forward dumps the counts at its
# phase marks (CALLGRIND_DUMP_STATS_AT), so the learn phase (an ARP miss
# and a new entry per destination) and the steady phase (plain
# forwarding) are counted apart, set-up excluded.
#
# Prints, per phase: instructions per datagram of the whole simulation
# for each stack, the router's share (stack - null), ns-3 / bsdnet; then
# the hottest functions (exclusive Ir) inside bsdnet's router path and
# inside ns-3's.
#
# Usage: bench/callgrind.sh [BUILD] [N] [STEADY]
#   BUILD  build directory holding bench-forward (default build)
#   N      destinations (default 10000)
#   STEADY steady-phase datagrams (default 50000)
# Output files stay in $CGDIR (default a new mktemp -d directory).
#
# SPDX-License-Identifier: GPL-2.0-only
set -eu

BUILD=${1:-build}
N=${2:-10000}
STEADY=${3:-50000}
BIN=$BUILD/bench-forward
TOP=${TOP:-12}

if ! command -v valgrind >/dev/null 2>&1 || ! command -v callgrind_annotate >/dev/null 2>&1; then
	echo "callgrind.sh: valgrind (with callgrind_annotate) is not installed: apt-get install valgrind" >&2
	exit 2
fi
if [ ! -x "$BIN" ]; then
	echo "callgrind.sh: no $BIN: build first (make build BUILD=$BUILD)" >&2
	exit 2
fi
CGDIR=${CGDIR:-$(mktemp -d /tmp/bsdnet-callgrind.XXXXXX)}
mkdir -p "$CGDIR"

# run STACK TOGGLE: one callgrind run; TOGGLE limits collection to the
# router's entry point (empty: everything).
run() {
	stack=$1
	toggle=$2
	tag=$stack${toggle:+-router}
	rm -f "$CGDIR/$tag".*
	if [ -n "$toggle" ]; then
		valgrind --tool=callgrind --toggle-collect="$toggle" \
		    --callgrind-out-file="$CGDIR/$tag.%p" "$BIN" --no-fork \
		    --stacks="$stack" --sizes="$N" --steady="$STEADY" \
		    >"$CGDIR/$tag.log" 2>&1
	else
		valgrind --tool=callgrind --callgrind-out-file="$CGDIR/$tag.%p" \
		    "$BIN" --no-fork --stacks="$stack" --sizes="$N" \
		    --steady="$STEADY" >"$CGDIR/$tag.log" 2>&1
	fi
}

# part TAG NUMBER: the dump file of a phase (1 learn, 2 steady).
part() {
	ls "$CGDIR/$1".*."$2" 2>/dev/null | head -n 1
}

# total FILE: the instructions in a dump.
total() {
	sed -n 's/^summary: //p' "$1"
}

echo "callgrind: bench-forward, N=$N destinations, $STEADY steady datagrams ($CGDIR)" >&2
for s in null ns3 bsdnet; do
	echo "callgrind: $s ..." >&2
	run "$s" ""
done
echo "callgrind: router paths ..." >&2
run bsdnet 'ns3::BsdKernel::ReceiveCsma*'
run ns3 'ns3::Ipv4L3Protocol::Receive*'

echo "Instructions (callgrind Ir) per datagram, N = $N, steady = $STEADY"
printf '  %-8s %14s %14s %14s\n' phase null ns3 bsdnet
for ph in 1 2; do
	name=learn
	cnt=$N
	[ "$ph" = 2 ] && name=steady && cnt=$STEADY
	nu=$(total "$(part null $ph)")
	n3=$(total "$(part ns3 $ph)")
	bs=$(total "$(part bsdnet $ph)")
	awk -v name="$name" -v cnt="$cnt" -v nu="$nu" -v n3="$n3" -v bs="$bs" 'BEGIN {
		printf "  %-8s %14.0f %14.0f %14.0f   whole run, Ir per datagram\n", name, nu / cnt, n3 / cnt, bs / cnt
		r3 = (n3 - nu) / cnt; rb = (bs - nu) / cnt
		printf "  %-8s %14s %14.0f %14.0f   router (stack - null); ns-3 / bsdnet = %.2f, whole = %.2f\n", "", "", r3, rb, (rb > 0 ? r3 / rb : 0), n3 / bs
	}'
done

for s in bsdnet ns3; do
	f=$(part "$s-router" 2)
	echo
	echo "Hottest functions in the $s router path, steady phase (exclusive Ir per datagram, inside the router's receive entry):"
	callgrind_annotate --threshold=100 "$f" 2>/dev/null | awk -v cnt="$STEADY" -v top="$TOP" '
		/^-+$/ { sep++; next }
		sep == 6 && $1 ~ /^[0-9,]+$/ && $2 ~ /^\(/ {
			v = $1; gsub(",", "", v)
			# skip the inclusive chain from main down to Simulator::Run
			line = $0; sub(/^ *[0-9,]+ +\([^)]*\) +/, "", line)
			if (line ~ /libc-start|below main|Scenario::Run|:main |0x0000|Simulator::Run/) next
			if (n++ < top) { sub(/ \[.*$/, "", line); printf "  %8.0f  %s\n", v / cnt, substr(line, 1, 150) }
		}'
done
