"""bsdnet-pmtu-flood: forged need-fragmentation messages, path-MTU routes."""
import os

from studycheck import FAILURES, run, expect, check_seed, bad_flag, done

EX = "bsdnet-pmtu-flood"
# 30 s at 100 messages/s, unlimited memory: the table shows only what
# the timer and the watermarks do.
SHORT = ["--rate=100", "--duration=30", "--budget=0"]

# NetBSD: a dynamic host route per message, on the mtudisc rt_timer
# queue; the table levels off at rate x (timeout + 1).
for pers in ("netbsd-1.5", "netbsd-2"):
    s, _ = run(EX, "--personality=" + pers, "--mtudisc-timeout=10", *SHORT)
    expect(s, "peak_cloned", lambda v: v == 0, "no clones: NetBSD adds a path-MTU route")
    expect(s, "peak_pmtu", lambda v: 1000 <= v <= 1200,
           "about rate x (mtudisc-timeout + 1) = 1100: the routes expire")
    expect(s, "final_pmtu", lambda v: v < s["peak_pmtu"], "below the peak at the end")
    expect(s, "routes_with_mtu", lambda v: v == s["final_pmtu"],
           "every path-MTU route carries the reported 296")
    expect(s, "pmtu_lifetime_s", lambda v: v == 10, "10 (--mtudisc-timeout)")
    expect(s, "untimed_pmtu", lambda v: v == 0, "every path-MTU route on the timer queue")

# FreeBSD 4 (ip_icmp.c PRC_MSGSIZE: rtalloc1 without cloning) and BSD/OS
# (seed 004 (5)) make no route for a need-frag: with no host route to
# lower, every forged message is ignored and nothing grows.
for pers in ("bsdos-4", "freebsd-4"):
    s, _ = run(EX, "--personality=" + pers, "--mtudisc-timeout=10", *SHORT)
    expect(s, "peak_pmtu", lambda v: v == 0, "no path-MTU route")
    expect(s, "peak_cloned", lambda v: v == 0, "no clone: need-frag never clones")
    expect(s, "pmtu_nohost", lambda v: v == s["needfrag_sent"] and v > 2500,
           "every message ignored: no host route to lower")
    expect(s, "routes_with_mtu", lambda v: v == 0, "no route carries 296")
    expect(s, "pmtu_lifetime_s", lambda v: v == 3600,
           "3600 (clone_idle / rtq_reallyold: the lifetime of a --talk clone)")

# Watermarks on NetBSD's path-MTU routes.
s, _ = run(EX, "--hiwat=100", "--lowat=25", *SHORT)
expect(s, "peak_pmtu", lambda v: v == 101,
       "101: refuse admits while count <= hiwat (KAME's 'count > hiwat' test)")
expect(s, "pmtu_refused_wm", lambda v: v == s["needfrag_sent"] - 101,
       "every message past the high watermark refused")
s, _ = run(EX, "--hiwat=100", "--lowat=25", "--policy=evict", *SHORT)
expect(s, "peak_pmtu", lambda v: v == 100, "100: evict never goes past hiwat")
expect(s, "pmtu_trough", lambda v: v == 25, "eviction cuts down to lowat (25)")
expect(s, "pmtu_evicted", lambda v: v > 0 and v % 75 == 0,
       "evictions in batches of hiwat - lowat = 75")

# ... and have nothing to hold back on BSD/OS and FreeBSD.
for pers in ("bsdos-4", "freebsd-4"):
    s, _ = run(EX, "--personality=" + pers, "--hiwat=100", "--lowat=25", *SHORT)
    expect(s, "peak_cloned", lambda v: v == 0, "no clones to hold back")
    expect(s, "pmtu_refused_wm", lambda v: v == 0, "nothing refused by the watermark")

# Validation is by the quoted source address, not by a connected socket:
# the messages are believed whether or not V talked to the destinations.
quiet, _ = run(EX, "--personality=netbsd-2", *SHORT)
talked, _ = run(EX, "--personality=netbsd-2", "--talk", *SHORT)
expect(quiet, "peak_pmtu", lambda v: v == quiet["needfrag_sent"] and v > 2500,
       "a route per message though V never sent to the destinations")
expect(talked, "peak_pmtu", lambda v: v == quiet["peak_pmtu"],
       "the same with --talk (%d)" % quiet["peak_pmtu"])
# FreeBSD and BSD/OS with --talk: in_pcbconnect cloned first, the message
# lowers the clone's MTU (from the interface's 1500 on FreeBSD).
for pers in ("bsdos-4", "freebsd-4"):
    s, _ = run(EX, "--personality=" + pers, "--talk", *SHORT)
    expect(s, "peak_cloned", lambda v: v == s["talk_sent"], "one clone per datagram V sent")
    expect(s, "routes_with_mtu", lambda v: v == s["needfrag_sent"],
           "every clone a message was about carries 296")
    expect(s, "pmtu_nohost", lambda v: v == 0, "no message without its clone")
    expect(s, "peak_pmtu", lambda v: v == 0, "still no path-MTU route")

# An MTU the kernel does not believe still makes the route, without it,
# and locks RTV_MTU (NetBSD's icmp_mtudisc); the interface's own is taken.
for mtu in ("100", "9000"):
    s, _ = run(EX, "--mtu=" + mtu, *SHORT)
    expect(s, "peak_pmtu", lambda v: v > 2500, "routes made anyway")
    expect(s, "routes_with_mtu", lambda v: v == 0,
           "no route carries MTU %s (outside 296 .. interface MTU)" % mtu)
    expect(s, "routes_mtu_locked", lambda v: v == s["final_pmtu"], "every one locked")
s, _ = run(EX, "--mtu=1500", *SHORT)
expect(s, "routes_with_mtu", lambda v: v == s["final_pmtu"], "every route carries 1500")
expect(s, "routes_mtu_locked", lambda v: v == 0, "none locked")

# A memory budget: the routes spend it and the legitimate flow's ARP
# entry is refused until NetBSD's timer gives memory back.  A high
# watermark keeps memory for the flow on NetBSD; BSD/OS spends none on
# need-frags.
BUDGET = ["--duration=60", "--budget=65536", "--mtudisc-timeout=20", "--legit-start=10"]
s, _ = run(EX, "--personality=netbsd-1.5", *BUDGET)
expect(s, "time_to_exhaustion_s", lambda v: v is not None and 3 < v < 6,
       "the budget spent after about 290 messages (3 s at 100/s)")
expect(s, "peak_mem_bytes", lambda v: v <= 65536, "<= the budget")
expect(s, "legit_lost", lambda v: 80 <= v <= 160,
       "the flow lost from 10 s until the first routes expire (about 22 s)")
expect(s, "untimed_pmtu", lambda v: v == 1,
       "1: the route made with the budget's last bytes got no rt_timer (never expires)")
s, _ = run(EX, "--personality=netbsd-1.5", "--hiwat=100", *BUDGET)
expect(s, "legit_lost", lambda v: v == 0, "no loss under the watermark")
s, _ = run(EX, "--personality=bsdos-4", *BUDGET)
expect(s, "legit_lost", lambda v: v == 0, "no loss: BSD/OS makes no route for a need-frag")
expect(s, "enobufs", lambda v: v == 0, "no ENOBUFS")

# The minimal command line works with every other flag defaulted.
s, outdir = run(EX, "--hiwat=100", "--lowat=25")
expect(s, "peak_pmtu", lambda v: v == 101, "101 (refuse, KAME's test)")
expect(s, "lowat", lambda v: v == 25, "the flag echoed")
expect(s, "legit_lost", lambda v: v == 0, "no loss under the watermark")
with open(os.path.join(outdir, "netstat.txt")) as f:
    text = f.read()
if "UGHD" not in text or "   296  " not in text:
    FAILURES.append("netstat.txt shows no UGHD route with MTU 296")


# Same seed, same outputs, byte for byte; another seed moves the flows.
check_seed(EX, "--duration=30", "--budget=32768")

bad_flag(EX, "--mtu=67", "for --mtu: allowed an integer from 68 to 65535")
bad_flag(EX, "--mtu=65536", "for --mtu: allowed an integer from 68 to 65535")
bad_flag(EX, ["--hiwat=10", "--lowat=50"], "for --lowat: allowed -1 or at most --hiwat (10)")
bad_flag(EX, "--mtudisc-timeout=0",
         "for --mtudisc-timeout: allowed -1 (default) or 1 to 2147483647 s")
bad_flag(EX, "--policy=drop", "for --policy: allowed refuse, evict")
bad_flag(EX, "--talk=maybe", "for --talk: allowed true or false")
bad_flag(EX, "--personality=linux", "for --personality: allowed netbsd-1.5, bsdos-4")
done()
