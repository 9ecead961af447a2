#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Mutants the C core's tests must kill.  Each line below changes one line
# of the core, the way an outside mutation run found gaps (issue 19):
# every mutant must make its test program fail.  A mutant that survives,
# or a substitution that no longer applies (the code moved), fails this
# check with its name, so the tests cannot quietly stop pinning these.
#
#   sh test/meta/mutants.sh [CC]
#
# Builds in a temporary directory from the sources (nothing in the tree
# is written); needs cmocka and perl.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
CC=${1:-${CC:-cc}}
work=$(mktemp -d "${TMPDIR:-/tmp}/bsdnet-mutants.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

CFLAGS="-std=c11 -O0 -w -I$root/model/kern -I$root/model/kern/media -I$root/test/kern"

# The core and the fixtures, compiled once.
mkdir -p "$work/obj"
for f in "$root"/model/kern/*.c "$root"/model/kern/media/*.c \
    "$root"/test/kern/kern_fixture.c "$root"/test/kern/net_fixture.c; do
	$CC $CFLAGS -c "$f" -o "$work/obj/$(basename "$f" .c).o"
done

total=0
failed=0

# mutant NAME FILE PERL-SUBSTITUTION TEST
mutant() {
	name=$1 file=$2 subst=$3 test=$4
	total=$((total + 1))
	src=$root/$file
	mut=$work/$(basename "$file")
	perl -0pe "$subst" "$src" >"$mut"
	if cmp -s "$src" "$mut"; then
		echo "mutants: $name: the substitution no longer applies to $file"
		failed=$((failed + 1))
		return
	fi
	objs=""
	for o in "$work"/obj/*.o; do
		case $(basename "$o" .o) in
		"$(basename "$file" .c)"|kern_fixture|net_fixture) ;;
		*) objs="$objs $o" ;;
		esac
	done
	if ! $CC $CFLAGS -I"$(dirname "$src")" "$mut" \
	    "$work/obj/kern_fixture.o" "$work/obj/net_fixture.o" $objs \
	    "$root/test/kern/test_$test.c" -lcmocka -o "$work/t" 2>"$work/cc.log"; then
		echo "mutants: $name: does not compile"
		cat "$work/cc.log"
		failed=$((failed + 1))
		return
	fi
	if (cd "$work" && timeout 60 ./t) >"$work/out" 2>&1; then
		echo "mutants: $name: SURVIVED test_$test"
		failed=$((failed + 1))
	else
		echo "mutants: $name: killed by $(grep -o 'FAILED  \] test_[a-z0-9_]*' "$work/out" | sed 's/.*\] //' | sort -u | tr '\n' ' ')"
	fi
}

mutant toomany-strict model/kern/bsd_in_rmx.c \
    's/found - killed > \(uint64_t\)tun->rtq_toomany/found - killed >= (uint64_t)tun->rtq_toomany/' in_rmx
mutant one-cut-per-timeout model/kern/bsd_in_rmx.c \
    's/now - rq->rq_last_adjusted >= tun->rtq_timeout &&//' in_rmx
mutant cut-by-a-third model/kern/bsd_in_rmx.c \
    's/2 \* rq->rq_reallyold \/ 3/rq->rq_reallyold \/ 2/' in_rmx
mutant floor-not-cut-again model/kern/bsd_in_rmx.c \
    's/rq->rq_reallyold > tun->rtq_minreallyold\)/rq->rq_reallyold >= tun->rtq_minreallyold)/' in_rmx
mutant mtudisc-296-believed model/kern/bsd_rtdyn.c \
    's/mtu < IP_MINMTU \|\|/mtu <= IP_MINMTU ||/' rtdyn
mutant freebsd-mtudisc-296-believed model/kern/bsd_rtdyn.c \
    's/if \(mtu < IP_MINMTU\)/if (mtu <= IP_MINMTU)/' rtdyn
mutant plateau-below-iplen model/kern/bsd_rtdyn.c \
    's/mtu_plateaus\[i\] < mtu\)/mtu_plateaus[i] <= mtu)/' rtdyn
mutant no-clone-of-host-route model/kern/bsd_route.c \
    's/ \|\|\n\s*\(rt->rt_flags & BSD_RTF_HOST\)\)/)/' route
mutant redirect-gateway-unchecked model/kern/bsd_route.c \
    's/if \(\(ifa = bsd_ifa_ifwithnet\(k, gateway\)\) == NULL\) \{\n\t\terror = ENETUNREACH;\n\t\tgoto out;\n\t\}/ifa = bsd_ifa_ifwithnet(k, gateway);/' icmp
mutant parent-flush-ignored model/kern/bsd_route.c \
    's/\t\tif \(k->k_pers.p_flushclones\)\n\t\t\trt_flushclone\(k, rt\);\n//' route
mutant arpt-keep-1201 model/kern/bsd_personality.c \
    's/\.arpt_keep = 1200/.arpt_keep = 1201/' if_arp
mutant arc-exception-from-251 model/kern/media/bsd_arcnet.c \
    's/dlen >= ARC_MIN_FORBID_LEN - ARC_HDRNEWLEN \+ 2/dlen > ARC_MIN_FORBID_LEN - ARC_HDRNEWLEN + 2/' ip_output
mutant arc-exception-to-251 model/kern/media/bsd_arcnet.c \
    's/dlen <= ARC_MAX_FORBID_LEN - ARC_HDRNEWLEN \+ 2/dlen < ARC_MAX_FORBID_LEN - ARC_HDRNEWLEN + 2/' ip_output
mutant ax25-ssid-mask-0x1f model/kern/media/bsd_ax25.c \
    's/#define AX25_SSID_MASK\t\t0x1e/#define AX25_SSID_MASK\t\t0x1f/' media
mutant ax25-ssid-mask-0x0e model/kern/media/bsd_ax25.c \
    's/#define AX25_SSID_MASK\t\t0x1e/#define AX25_SSID_MASK\t\t0x0e/' media

echo "mutants: $((total - failed)) of $total killed"
[ "$failed" -eq 0 ]
