#!/bin/sh
# tshark reads what bsdnet-lan writes, on every medium: no malformed
# packets, ARP with the medium's hardware type and address length, IP
# inside every medium, ARCnet split packets where expected; the router's
# and the studies' captures are clean and hold what they are about; and
# the same RngRun gives byte-identical pcaps, another RngRun different
# ones.
#
#   sh test/tshark/check-pcaps.sh BUILDDIR
#
# SPDX-License-Identifier: GPL-2.0-only
set -eu

build=${1:?usage: check-pcaps.sh BUILDDIR}
lan="$build/bsdnet-lan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
pass=0

check() {	# check NAME CONDITION-RESULT(0/1) MESSAGE
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: $3"
		fail=$((fail + 1))
	fi
}

count() {	# count FILE FILTER
	tshark -r "$1" -Y "$2" -T fields -e frame.number 2>/dev/null | wc -l
}

for spec in "ethernet 1 6" "fddi 1 6" "arcnet 7 1" "ax25 3 7"; do
	set -- $spec
	m=$1 hrd=$2 hln=$3
	out="$work/$m"
	dur=20
	[ "$m" = ax25 ] && dur=60
	"$lan" --media=$m --pcap --outdir="$out" --duration=$dur --hosts=3 \
	    --RngRun=1 >/dev/null
	files=$(ls "$out"/*.pcap)
	[ -n "$files" ]
	for f in $files; do
		name="$m/$(basename "$f")"
		# Wireshark does not reassemble ARCnet splits: a fragment
		# alone is not malformed traffic of ours, so they are left out.
		bad=$(count "$f" "_ws.malformed && !(arcnet.split_flag > 0)")
		check "$name" "$([ "$bad" -eq 0 ]; echo $?)" "$bad malformed packets"
		arps=$(count "$f" "arp")
		check "$name" "$([ "$arps" -gt 0 ]; echo $?)" "no ARP"
		wrong=$(count "$f" "arp && !(arp.hw.type == $hrd && arp.hw.size == $hln)")
		check "$name" "$([ "$wrong" -eq 0 ]; echo $?)" \
		    "$wrong ARP packets without hw.type $hrd / hw.size $hln"
		ips=$(count "$f" "ip && icmp")
		check "$name" "$([ "$ips" -gt 0 ]; echo $?)" "no IP (ICMP) inside"
		if [ "$m" = arcnet ]; then
			frags=$(count "$f" "arcnet.split_flag > 0")
			check "$name" "$([ "$frags" -gt 0 ]; echo $?)" \
			    "no RFC 1201 split packets"
		fi
	done
done

# The router joining all four media: every pcap decodes cleanly.
"$build/bsdnet-router" --pcap --outdir="$work/router" --duration=40 >/dev/null
for f in "$work"/router/*.pcap; do
	name="router/$(basename "$f")"
	bad=$(count "$f" "_ws.malformed && !(arcnet.split_flag > 0)")
	check "$name" "$([ "$bad" -eq 0 ]; echo $?)" "$bad malformed packets"
	wrong=$(count "$f" "arp && !((arp.hw.type == 1 && arp.hw.size == 6) || \
	    (arp.hw.type == 7 && arp.hw.size == 1) || \
	    (arp.hw.type == 3 && arp.hw.size == 7))")
	check "$name" "$([ "$wrong" -eq 0 ]; echo $?)" "$wrong ARP packets of no medium"
	ips=$(count "$f" "ip")
	check "$name" "$([ "$ips" -gt 0 ]; echo $?)" "no IP inside"
done

# The studies' captures: clean, with the attack's packets in them.
study() {	# study NAME FILTER-THAT-MUST-MATCH EXAMPLE-AND-FLAGS...
	name=$1 want=$2 example=$3
	shift 3
	"$build/$example" --pcap --rtsock=false --outdir="$work/$name" "$@" >/dev/null
	n=0
	for f in "$work/$name"/*.pcap; do
		bad=$(count "$f" "_ws.malformed && !(arcnet.split_flag > 0)")
		check "$name/$(basename "$f")" "$([ "$bad" -eq 0 ]; echo $?)" \
		    "$bad malformed packets"
		n=$((n + $(count "$f" "$want")))
	done
	check "$name" "$([ "$n" -gt 0 ]; echo $?)" "no packet matches $want"
}
study clone-dos "udp && ip.dst == 100.64.0.0/10" bsdnet-clone-dos --duration=20
study clone-dos-remote "arp.dst.proto_ipv4 == 10.128.0.0/9" \
    bsdnet-clone-dos --mode=remote --duration=20
study redirect-flood "icmp.type == 5 && icmp.code == 1" \
    bsdnet-redirect-flood --duration=20
study pmtu-flood "icmp.type == 3 && icmp.code == 4" bsdnet-pmtu-flood --duration=20
study parent-removal "udp" bsdnet-parent-removal
# A request for a 10.2.2.x neighbour says "Tell 10.2.2.1": the sender is
# the address of the subnet that cloned the entry (rt_ifa), not 10.1.1.1.
wrong=0
for f in "$work"/parent-removal/*.pcap; do
	wrong=$((wrong + $(count "$f" "arp.opcode == 1 && \
	    arp.dst.proto_ipv4 == 10.2.2.0/24 && arp.src.proto_ipv4 == 10.1.1.1")))
done
check parent-removal "$([ "$wrong" -eq 0 ]; echo $?)" \
    "$wrong requests for 10.2.2.x tell 10.1.1.1"
# FreeBSD-SA-03:14: the spoofed requests decode as ARP requests for the
# victim from off-link senders (and on-link ones with --senders=mixed).
study arp-flood "arp.opcode == 1 && arp.src.proto_ipv4 == 100.64.0.0/10 && \
    arp.dst.proto_ipv4 == 10.1.0.2" bsdnet-arp-flood --duration=20
study arp-flood-mixed "arp.opcode == 1 && arp.src.proto_ipv4 == 10.1.128.0/17 && \
    arp.dst.proto_ipv4 == 10.1.0.2" bsdnet-arp-flood --senders=mixed --duration=20
study xresolve-arcnet "udp" bsdnet-xresolve --media=arcnet --duration=20
study xresolve-ax25 "ax25 && udp" bsdnet-xresolve --media=ax25 --resolver=daemon

# Same seed, same bytes; another seed, other bytes.
for run in 1 1b 2; do
	seed=${run%b}
	"$lan" --media=ethernet --pcap --outdir="$work/det$run" --duration=10 \
	    --hosts=3 --RngRun=$seed >/dev/null
done
same=0
for f in "$work"/det1/*.pcap "$work"/det1/*.csv "$work"/det1/*.log; do
	cmp -s "$f" "$work/det1b/$(basename "$f")" || same=1
done
check determinism "$same" "same RngRun gave different pcaps, CSV or log"
differ=1
for f in "$work"/det1/*.pcap; do
	cmp -s "$f" "$work/det2/$(basename "$f")" || differ=0
done
check determinism "$differ" "RngRun 2 gave the same pcaps as RngRun 1"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
