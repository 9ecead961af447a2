#!/bin/sh
# make demo: the flagship study.  bsdnet-clone-dos against the four
# personalities with the same local attack (a process sending UDP to a
# new destination 20 times a second through the default route, 8 MiB of
# kernel memory for routes, a legitimate flow to a new neighbour from
# minute 40), two runs at a time; then a table and a plot.  The pcaps come
# from a short run of its own, so that the demo does not write 250 MB.
#
#   sh tools/demo/run.sh BUILD OUTDIR
# SPDX-License-Identifier: GPL-2.0-only
set -eu
build=${1:-build}
out=${2:-results/demo}
flags="--mode=local --rate=20 --destinations=1000000 --duration=7200 --budget=8388608 --legit-start=2400"

mkdir -p "$out"
run() {
	"$build/bsdnet-clone-dos" --personality="$1" $flags --outdir="$out/$1" \
	    >"$out/$1.out" 2>"$out/$1.err" || {
		echo "demo: bsdnet-clone-dos --personality=$1 failed:" >&2
		cat "$out/$1.err" >&2
		return 1
	}
}
echo "demo: bsdnet-clone-dos $flags"
echo "demo: personalities netbsd-1.5 bsdos-4 freebsd-4 netbsd-2 -> $out/"
run netbsd-1.5 & a=$!
run bsdos-4 & b=$!
wait $a && wait $b
run freebsd-4 & a=$!
run netbsd-2 & b=$!
wait $a && wait $b
"$build/bsdnet-clone-dos" --personality=freebsd-4 --rate=20 --duration=30 --budget=8388608 \
    --pcap --outdir="$out/pcap" >/dev/null
echo "demo: pcaps of the first 30 s (freebsd-4) in $out/pcap/"
/usr/bin/python3 "$(dirname "$0")/plot.py" "$out" netbsd-1.5 bsdos-4 freebsd-4 netbsd-2
