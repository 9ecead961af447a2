"""bsdnet-redirect-flood: forged ICMP redirects, their timer and watermarks."""
import os

from studycheck import FAILURES, run, expect, check_seed, bad_flag, done

EX = "bsdnet-redirect-flood"
# 30 s at 100 redirects/s, unlimited memory: the table shows only what
# the timer and the watermarks do.
SHORT = ["--rate=100", "--duration=30", "--budget=0"]

# NetBSD's rt_timer: a redirect route lives redirtimeout (+ the 1 s
# tick), so the table levels off at rate x (redirtimeout + 1) while the
# attack goes on; every forged redirect was believed.  (netbsd-1.5 had
# no such queue; --redirtimeout gives it the later one.)
for pers in ("netbsd-1.5", "netbsd-2", "bsdos-4"):
    s, _ = run(EX, "--personality=" + pers, "--redirtimeout=10", *SHORT)
    expect(s, "redirects_accepted", lambda v: v == s["redirects_sent"] and v > 2500,
           "every forged redirect believed (spoofed from the gateway, RFC 1122 check passed)")
    expect(s, "peak_redirect", lambda v: 1000 <= v <= 1200,
           "about rate x (redirtimeout + 1) = 1100: the routes expire at redirtimeout")
    expect(s, "final_redirect", lambda v: v < s["peak_redirect"],
           "below the peak: the last second's routes are gone, none made after the attack")
    expect(s, "redirect_lifetime_s", lambda v: v == 10, "10 (--redirtimeout)")
    expect(s, "untimed_redirect", lambda v: v == 0, "every redirect route on the timer queue")

# NetBSD 1.5 as shipped (ip_icmp.c 1.44): no redirect timer at all.
s, _ = run(EX, "--personality=netbsd-1.5", *SHORT)
expect(s, "peak_redirect", lambda v: v == s["redirects_accepted"] and v > 2500,
       "every accepted redirect still there: 1.44 arms no timer")
expect(s, "redirect_lifetime_s", lambda v: v is None, "null: no timer")

# redirtimeout=0: the queue is gone, nothing expires.
s, _ = run(EX, "--personality=netbsd-1.5", "--redirtimeout=0", *SHORT)
expect(s, "peak_redirect", lambda v: v == s["redirects_accepted"] and v > 2500,
       "every accepted redirect still there (redirtimeout 0: never expire)")
expect(s, "redirect_lifetime_s", lambda v: v is None, "null: no timer")

# BSD/OS's own redirect timer (an hour, assumed) and FreeBSD 4 (no timer
# at all): nothing expires in 30 s; FreeBSD ignores --redirtimeout.
for pers, life, flags in (("bsdos-4", 3600, []), ("freebsd-4", None, ["--redirtimeout=10"])):
    s, _ = run(EX, "--personality=" + pers, *(flags + SHORT))
    expect(s, "redirects_accepted", lambda v: v == s["redirects_sent"] and v > 2500,
           "every forged redirect believed")
    expect(s, "peak_redirect", lambda v: v == s["redirects_accepted"],
           "every accepted redirect still there")
    expect(s, "redirect_lifetime_s", lambda v, life=life: v == life, repr(life))

# rediraccept=0: the redirects are ignored.
s, _ = run(EX, "--rediraccept=0", *SHORT)
expect(s, "peak_redirect", lambda v: v == 0, "no redirect route with rediraccept=0")
expect(s, "redirects_ignored", lambda v: v == s["redirects_sent"] and v > 0,
       "every forged redirect counted as ignored")

# Watermarks, on a rt_timer personality and on FreeBSD (no timer).
for pers in ("netbsd-1.5", "freebsd-4"):
    s, _ = run(EX, "--personality=" + pers, "--hiwat=100", "--lowat=25", *SHORT)
    expect(s, "peak_redirect", lambda v: v == 101,
           "101: refuse admits while count <= hiwat (KAME's 'count > hiwat' test)")
    expect(s, "redirects_refused_wm", lambda v: v == s["redirects_sent"] - 101,
           "every redirect past the high watermark refused")
    s, _ = run(EX, "--personality=" + pers, "--hiwat=100", "--lowat=25", "--policy=evict",
               *SHORT)
    expect(s, "peak_redirect", lambda v: v == 100, "100: evict never goes past hiwat")
    expect(s, "redirect_trough", lambda v: v == 25, "eviction cuts down to lowat (25)")
    expect(s, "redirect_evicted", lambda v: v > 0 and v % 75 == 0,
           "evictions in batches of hiwat - lowat = 75")
    expect(s, "redirects_accepted", lambda v: v == s["redirects_sent"],
           "evict admits every redirect")
s, _ = run(EX, "--hiwat=100", "--policy=evict", *SHORT)
expect(s, "redirect_trough", lambda v: v == 0, "0: evict with --lowat off empties the kind")

# Few destinations, in turn: the table holds each once; a repeat fails
# the first-hop check (the route's gateway is now the attacker), and a
# destination is taken again only after its route expired.
s, _ = run(EX, "--destinations=500", "--redirtimeout=10", "--duration=40", "--budget=0")
expect(s, "peak_redirect", lambda v: v == 500, "one route per destination (500)")
expect(s, "redirects_bad", lambda v: v > 1000, "repeats refused by the first-hop check")
expect(s, "redirects_accepted", lambda v: v >= 1000,
       "destinations redirected again after their routes expired")

# A memory budget: the redirect routes spend it, the legitimate flow's
# ARP entry is refused until NetBSD's timer gives memory back; FreeBSD
# never does.  A high watermark keeps the memory for the flow.
BUDGET = ["--duration=60", "--budget=65536", "--redirtimeout=20", "--legit-start=10"]
s, _ = run(EX, "--personality=netbsd-1.5", *BUDGET)
expect(s, "time_to_exhaustion_s", lambda v: v is not None and 3 < v < 6,
       "the budget spent after about 290 redirects (3 s at 100/s)")
expect(s, "peak_mem_bytes", lambda v: v <= 65536, "<= the budget")
expect(s, "legit_lost", lambda v: 80 <= v <= 160,
       "the flow lost from 10 s until the first routes expire (about 22 s)")
expect(s, "untimed_redirect", lambda v: v == 1,
       "1: the route made with the budget's last bytes got no rt_timer (never expires)")
s, _ = run(EX, "--personality=freebsd-4", *BUDGET)
expect(s, "legit_lost", lambda v: v == s["legit_sent"] and v > 0,
       "every legitimate datagram lost (FreeBSD 4 never expires redirect routes)")
s, _ = run(EX, "--personality=freebsd-4", "--hiwat=100", *BUDGET)
expect(s, "enobufs", lambda v: v == 0, "no ENOBUFS: the watermark holds the table")
expect(s, "legit_lost", lambda v: v == 0, "no loss under the watermark")

# The minimal command line works with every other flag defaulted.
s, outdir = run(EX, "--hiwat=100", "--lowat=25")
expect(s, "peak_redirect", lambda v: v == 101, "101 (refuse, KAME's test)")
expect(s, "hiwat", lambda v: v == 100, "the flag echoed")
expect(s, "legit_lost", lambda v: v == 0, "no loss under the watermark")
with open(os.path.join(outdir, "netstat.txt")) as f:
    text = f.read()
if "192.168.1.4        UGHD" not in text:
    FAILURES.append("netstat.txt shows no UGHD route through the attacker 192.168.1.4")
if "(before the first redirect routes expire)" not in text:
    FAILURES.append("netstat.txt lacks the dump before the first routes expire (t = 601.5 s)")


# Same seed, same outputs, byte for byte; another seed moves the flows.
check_seed(EX, "--duration=30", "--budget=32768")

bad_flag(EX, ["--hiwat=10", "--lowat=50"], "for --lowat: allowed -1 or at most --hiwat (10)")
bad_flag(EX, "--policy=drop", "for --policy: allowed refuse, evict")
bad_flag(EX, "--redirtimeout=-2", "for --redirtimeout: allowed an integer from -1 to")
bad_flag(EX, "--rediraccept=2", "for --rediraccept: allowed an integer from -1 to 1")
bad_flag(EX, "--rate=0", "for --rate: allowed an integer from 1 to 1000000")
bad_flag(EX, "--personality=linux", "for --personality: allowed netbsd-1.5, bsdos-4")
bad_flag(EX, ["--duration=50", "--legit-start=100"], "for --legit-start")
done()
