#!/bin/sh
# bsdnet against the real Linux kernel of this machine.
#
#   sh test/emu/linux-interop.sh BUILD_DIR
#
# Linux runs in a network namespace of its own at one end of a veth pair;
# bsdnet-emu-peer (BSD nodes, see its source) runs in this namespace on
# the other end, through FdNetDevices.  Test addresses only
# (198.51.100.0/24 on the link, 192.0.2.0/24 behind the BSD router).  The
# namespace and the veth pair are named after this process and removed on
# exit, whatever happens.  Needs root and /dev/net/tun; without them it
# is skipped (exit 77).  Checks:
#   1. Linux pings a bsdnet host, and the bsdnet host pings Linux;
#   2. each side's ARP entry for the other is right (ip neigh, netstat);
#   3. 3000-octet UDP datagrams both ways (fragmented, reassembled);
#   4. a Linux router's ICMP redirect installs a bsdnet dynamic host
#      route, which the next packets use;
#   5. a bsdnet router's redirect is accepted by Linux (ip route get);
#   6. the capture on the Linux side has no bad checksum, no malformed
#      packet, and bsdnet dropped nothing for a checksum.
#
# SPDX-License-Identifier: GPL-2.0-only
set -u

build=$(cd "${1:?usage: linux-interop.sh BUILD_DIR}" && pwd)
peer=$build/bsdnet-emu-peer

if [ "$(id -u)" != 0 ]; then
	echo "linux-interop: SKIPPED: needs root (network namespace, veth, packet socket)"
	exit 77
fi
if [ ! -c /dev/net/tun ]; then
	echo "linux-interop: SKIPPED: no /dev/net/tun on this machine"
	exit 77
fi
for tool in ip ping tshark timeout ethtool; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "linux-interop: FAIL: $tool not found (make deps installs it)"
		exit 1
	fi
done

# Unique names, 15 characters at most (IFNAMSIZ).
ns=bsdnet-t-$$
va=bt$$a	# this namespace's end: bsdnet's FdNetDevices
vb=bt$$b	# the Linux namespace's end
work=$(mktemp -d /tmp/bsdnet-emu.XXXXXX)
pids=""

cleanup() {
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	for p in $pids; do
		wait "$p" 2>/dev/null
	done
	ip netns del "$ns" 2>/dev/null
	ip link del "$va" 2>/dev/null
	if [ "${keep:-0}" = 1 ]; then
		echo "linux-interop: outputs kept in $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fails=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*"; fails=$((fails + 1)); keep=1; }
in_ns() { ip netns exec "$ns" "$@"; }

start=$(date +%s)
ip netns add "$ns" || { echo "linux-interop: FAIL: ip netns add"; exit 1; }
ip link add "$va" address 02:bd:00:00:00:a0 type veth \
    peer name "$vb" address 02:bd:00:00:01:01 || exit 1
ip link set "$vb" netns "$ns" || exit 1
# This end carries bsdnet's frames only: this namespace's own stack must
# keep off it.  No ARP (else it answers for this machine's own addresses
# in bsdnet's place), no IPv6 chatter; promiscuous for the packet sockets.
sysctl -q -w "net.ipv6.conf.$va.disable_ipv6=1" 2>/dev/null
sysctl -q -w "net.ipv4.conf.$va.arp_ignore=8" 2>/dev/null
ip link set "$va" arp off up promisc on || exit 1

in_ns ip link set lo up
in_ns sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 2>/dev/null
in_ns sysctl -q -w "net.ipv6.conf.$vb.disable_ipv6=1" 2>/dev/null
in_ns ip addr add 198.51.100.1/24 dev "$vb"
in_ns ip link set "$vb" up
# veth leaves UDP checksums to "hardware": bsdnet would read them
# unfinished and drop the datagram (udp-bad), as the manual says.
in_ns ethtool -K "$vb" tx off >/dev/null ||
	{ echo "linux-interop: FAIL: ethtool -K $vb tx off"; exit 1; }
# Linux is a router for (4), and takes redirects for (5): with forwarding
# on, both the "all" and the interface switch must say so.
in_ns sysctl -q -w net.ipv4.ip_forward=1
in_ns sysctl -q -w net.ipv4.conf.all.accept_redirects=1
in_ns sysctl -q -w "net.ipv4.conf.$vb.accept_redirects=1"
in_ns sysctl -q -w net.ipv4.conf.all.send_redirects=1
in_ns sysctl -q -w "net.ipv4.conf.$vb.send_redirects=1"
in_ns sysctl -q -w net.ipv4.conf.all.rp_filter=0
in_ns sysctl -q -w "net.ipv4.conf.$vb.rp_filter=0"
# (4): 192.0.2.0/24 through bsdnet's router R; (5): its upper half
# through G, which routes it through R on the same link (a redirect).
in_ns ip route add 192.0.2.0/24 via 198.51.100.3
in_ns ip route add 192.0.2.128/25 via 198.51.100.4

# The capture, and a UDP listener for bsdnet's datagrams, both bounded.
in_ns timeout 60 tshark -q -i "$vb" -w "$work/linux.pcap" >"$work/tshark.log" 2>&1 &
pids="$pids $!"
in_ns timeout 60 /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("198.51.100.1", 9000))
s.settimeout(50)
out = open(sys.argv[1], "w")
try:
    for _ in range(2):
        data, src = s.recvfrom(65535)
        out.write("%d %s\n" % (len(data), src[0]))
        out.flush()
except socket.timeout:
    pass
' "$work/linux-udp.txt" &
pids="$pids $!"
# tshark is listening once it has said so (bounded: 20 s on a busy machine).
i=0
while ! grep -q -i 'capturing' "$work/tshark.log" 2>/dev/null && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
if ! grep -q -i 'capturing' "$work/tshark.log"; then
	echo "linux-interop: FAIL: tshark did not start capturing:"
	cat "$work/tshark.log"
	exit 1
fi

timeout 45 "$peer" --interface="$va" --duration=10 --outdir="$work" \
    >"$work/peer.log" 2>&1 &
peerpid=$!
pids="$pids $peerpid"
i=0
while [ ! -f "$work/ready" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
if [ ! -f "$work/ready" ]; then
	echo "linux-interop: FAIL: bsdnet-emu-peer did not start:"
	cat "$work/peer.log"
	exit 1
fi

echo "linux-interop: Linux's part"
# (1) Linux pings H.
if in_ns ping -c 3 -i 0.3 -W 2 198.51.100.2 >"$work/ping-h.txt" 2>&1; then
	pass "Linux pings bsdnet host 198.51.100.2"
else
	fail "Linux cannot ping bsdnet host 198.51.100.2: $(tail -n 2 "$work/ping-h.txt")"
fi
# (3) Two 3000-octet datagrams to H's port 9001, and a small one (its
# checksum finished by Linux only with tx offload off).
in_ns /usr/bin/python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(2):
    s.sendto(bytes([i]) * 3000, ("198.51.100.2", 9001))
s.sendto(bytes(100), ("198.51.100.2", 9001))
'
# (5) R must be a valid neighbour before Linux takes a redirect to it.
in_ns ping -c 2 -i 0.3 -W 2 198.51.100.3 >"$work/ping-r.txt" 2>&1 ||
	fail "Linux cannot ping bsdnet router R 198.51.100.3"
in_ns ping -c 3 -i 0.5 -W 2 192.0.2.130 >"$work/ping-s.txt" 2>&1 ||
	fail "Linux cannot reach 192.0.2.130 through G and R: $(tail -n 2 "$work/ping-s.txt")"
in_ns ip route get 192.0.2.130 >"$work/route-get.txt" 2>&1
in_ns ip neigh show 198.51.100.2 dev "$vb" >"$work/neigh.txt" 2>&1

# bsdnet's part ends by itself (10 s); bounded by timeout above.
wait "$peerpid"
rc=$?
pids=$(echo "$pids" | sed "s/ $peerpid//")
if [ $rc != 0 ]; then
	fail "bsdnet-emu-peer exited $rc: $(tail -n 5 "$work/peer.log")"
fi
sleep 0.5
for p in $pids; do
	kill "$p" 2>/dev/null
	wait "$p" 2>/dev/null
done
pids=""

echo "linux-interop: checks"
sum=$work/summary.txt
touch "$sum" "$work/netstat-H.txt" "$work/netstat-G.txt" "$work/linux-udp.txt"

# (1) H pings Linux.
if grep -A1 -- '--- 198.51.100.1 ping statistics' "$sum" | grep -q '3 packets transmitted, 3 packets received'; then
	pass "bsdnet host pings Linux 198.51.100.1 (3 of 3)"
else
	fail "bsdnet host's pings of Linux: $(grep -A1 -- '--- 198.51.100.1' "$sum" | tail -n 1)"
fi

# (2) ARP, both sides.
if grep -q 'lladdr 02:bd:00:00:00:02' "$work/neigh.txt" &&
    ! grep -q -E 'FAILED|INCOMPLETE' "$work/neigh.txt"; then
	pass "Linux's neighbour entry for 198.51.100.2: $(cat "$work/neigh.txt")"
else
	fail "Linux's neighbour entry for 198.51.100.2: $(cat "$work/neigh.txt")"
fi
line=$(awk '$1 == "198.51.100.1"' "$work/netstat-H.txt")
case "$line" in
*" 2:bd:0:0:1:1 "*L*) pass "bsdnet's ARP entry for 198.51.100.1: $line" ;;
*) fail "bsdnet's ARP entry for 198.51.100.1 (want 2:bd:0:0:1:1, L): '$line'" ;;
esac

# (3) UDP, 3000 octets each way.
n=$(grep -c '^udp-rx 3000 198.51.100.1$' "$sum")
if [ "$n" = 2 ]; then
	pass "bsdnet reassembled Linux's two 3000-octet datagrams"
else
	fail "bsdnet received $n of Linux's 3000-octet datagrams: $(grep udp-rx "$sum")"
fi
n=$(grep -c '^udp-rx 100 198.51.100.1$' "$sum")
if [ "$n" = 1 ]; then
	pass "bsdnet received Linux's 100-octet datagram (UDP checksum good)"
else
	fail "bsdnet received $n of Linux's 100-octet datagram: $(grep -E '^drop H' "$sum")"
fi
n=$(grep -c '^3000 198.51.100.2$' "$work/linux-udp.txt")
if [ "$n" = 2 ]; then
	pass "Linux reassembled bsdnet's two 3000-octet datagrams"
else
	fail "Linux received $n of bsdnet's 3000-octet datagrams: $(cat "$work/linux-udp.txt")"
fi

# (4) Linux's redirect to H: a dynamic host route via R, then used.
line=$(awk '$1 == "192.0.2.10"' "$work/netstat-H.txt")
flags=$(echo "$line" | awk '{print $3}')
use=$(echo "$line" | awk '{print $5}')
case "$flags" in
*G*H*D* | *D*G*H* | *H*D*G*)
	if [ "$(echo "$line" | awk '{print $2}')" = 198.51.100.3 ] && [ "${use:-0}" -gt 0 ]; then
		pass "Linux's redirect: bsdnet route $line"
	else
		fail "Linux's redirect: route not via 198.51.100.3 or unused: '$line'"
	fi
	;;
*) fail "Linux's redirect installed no dynamic host route on H: '$line'" ;;
esac
if grep -A1 -- '--- 192.0.2.10 ping statistics' "$sum" | grep -q '6 packets transmitted, 6 packets received'; then
	pass "H reaches 192.0.2.10 (6 of 6)"
else
	fail "H's pings of 192.0.2.10: $(grep -A1 -- '--- 192.0.2.10' "$sum" | tail -n 1)"
fi

# (5) G's redirect, accepted by Linux.
if grep -q 'via 198.51.100.3' "$work/route-get.txt" && grep -q 'redirected' "$work/route-get.txt"; then
	pass "Linux took bsdnet's redirect: $(tr '\n' ' ' <"$work/route-get.txt")"
else
	fail "Linux did not take bsdnet router G's redirect: $(tr '\n' ' ' <"$work/route-get.txt")"
fi

# (6) The capture: decoded with checksums checked (two passes of tshark).
cap=$work/linux.pcap
bad=$(tshark -n -r "$cap" -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE \
    -Y '_ws.malformed || ip.checksum.status == 0 || udp.checksum.status == 0 || icmp.checksum.status == 0' \
    2>"$work/tshark-read.log") || bad="tshark could not read the capture: $(cat "$work/tshark-read.log")"
tshark -n -r "$cap" -T fields -E separator=, -E occurrence=f \
    -e eth.src -e eth.dst -e ip.src -e ip.dst -e icmp.type -e ip.flags.mf \
    >"$work/fields.txt" 2>/dev/null
total=$(wc -l <"$work/fields.txt")
# After Linux's redirect, H sent its echo requests to S straight to R.
direct=$(awk -F, '$1 == "02:bd:00:00:00:02" && $2 == "02:bd:00:00:00:03" &&
    $4 == "192.0.2.10" && $5 == "8"' "$work/fields.txt" | wc -l)
viaLinux=$(awk -F, '$1 == "02:bd:00:00:00:02" && $2 == "02:bd:00:00:01:01" &&
    $4 == "192.0.2.10" && $5 == "8"' "$work/fields.txt" | wc -l)
frags=$(awk -F, '$3 == "198.51.100.2" && ($6 == "1" || $6 == "True")' "$work/fields.txt" | wc -l)
redir=$(awk -F, '$3 == "198.51.100.4" && $5 == "5"' "$work/fields.txt" | wc -l)
if [ "$total" -gt 20 ] && [ -z "$bad" ]; then
	pass "Linux-side capture: $total packets, no bad checksum, nothing malformed"
else
	fail "Linux-side capture: $total packets; bad or malformed: $bad"
fi
if [ "$direct" -gt 0 ] && [ "$viaLinux" -ge 1 ]; then
	pass "H's echo requests to S: $viaLinux through Linux, then $direct straight to R"
else
	fail "H's echo requests to S: $viaLinux through Linux, $direct straight to R"
fi
if [ "$frags" -gt 0 ] && [ "$redir" -gt 0 ]; then
	pass "captured: $frags first fragments from H, $redir redirects from G"
else
	fail "captured: $frags first fragments from H, $redir redirects from G"
fi
if grep -E '^drop [A-Z] (ip-cksum|ip-header|udp-bad|icmp-bad) ' "$sum"; then
	fail "bsdnet dropped Linux's packets as bad (above)"
else
	pass "bsdnet dropped nothing of Linux's for a bad header or checksum"
fi

echo "linux-interop: $(( $(date +%s) - start )) s"
if [ $fails != 0 ]; then
	echo "linux-interop: $fails checks failed; bsdnet-emu-peer said:"
	cat "$work/peer.log"
	exit 1
fi
echo "linux-interop: passed"
