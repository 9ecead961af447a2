"""bsdnet-clone-dos: seed 004 point (5), memory exhaustion, the legitimate flow."""

import os

from studycheck import run, expect, check_seed, bad_flag, done

EX = "bsdnet-clone-dos"
SMALL = ["--rate=200", "--duration=60", "--budget=262144"]

# in_pcbconnect clones on BSD/OS and FreeBSD: the table grows until the
# budget is spent, and the neighbour the legitimate flow needs is refused.
for pers in ("bsdos-4", "freebsd-4"):
    s, _ = run(EX, "--personality=" + pers, *SMALL)
    expect(s, "peak_cloned", lambda v: v > 1000, "> 1000 clones")
    expect(s, "enobufs", lambda v: v > 0, "ENOBUFS once the budget is spent")
    expect(s, "peak_mem_bytes", lambda v: v <= 262144, "<= the budget")
    expect(s, "time_to_exhaustion_s", lambda v: v is not None and 1 < v < 30,
           "exhaustion within 30 s at 200 clones/s")
    expect(s, "legit_lost", lambda v: v == s["legit_sent"] and v > 0,
           "every legitimate datagram lost (no ARP entry possible)")
    expect(s, "growth_rate", lambda v: 150 < v < 250, "about 200 routes/s")

# The timers are flags: BSD/OS's inactivity timer at 20 s frees clones,
# and the legitimate flow gets its ARP entry within about 20 s.
s, _ = run(EX, "--personality=bsdos-4", "--rate=200", "--duration=120", "--budget=262144",
           "--clone-idle=20", "--legit-start=60")
expect(s, "legit_lost", lambda v: v < s["legit_sent"] / 2,
       "under half lost (the 3600 s default loses all 590)")

# NetBSD's in_pcbconnect does not clone: the table and the flow are fine.
for pers in ("netbsd-1.5", "netbsd-2"):
    s, _ = run(EX, "--personality=" + pers, *SMALL)
    expect(s, "peak_cloned", lambda v: v == 0, "no clones")
    expect(s, "enobufs", lambda v: v == 0, "no ENOBUFS")
    expect(s, "legit_lost", lambda v: v == 0, "no loss")
    expect(s, "legit_delay_ms", lambda v: v is not None and v < 1, "sub-ms delay")

# Remote: the router clones an ARP entry per scanned address.
s, _ = run(EX, "--mode=remote", "--personality=netbsd-1.5", *SMALL)
expect(s, "peak_arp", lambda v: v > 1000, "> 1000 ARP entries on the router")
expect(s, "enobufs", lambda v: v > 0, "ENOBUFS on the router")

# The minimal command line works with every other flag defaulted.
s, _ = run(EX, "--personality=freebsd-4", "--destinations=500")
expect(s, "peak_cloned", lambda v: v == 500, "one clone per destination (500)")
expect(s, "destinations", lambda v: v == 500, "the flag echoed")

# A flood of RTM_MISS (each refused datagram sends one) meets the log
# reader's 8192-byte receive buffer: at 10 wakeups a second at most 87
# messages (74 misses of 110 bytes) get through per wakeup, the rest are
# dropped, counted and logged once per run; a reader waking every 1 ms
# keeps up.
FLOOD = ["--personality=bsdos-4", "--rate=3000", "--duration=10", "--budget=65536"]
s, out = run(EX, *FLOOD)
with open(os.path.join(out, "rtsock.log")) as f:
    lines = f.read().splitlines()
drops = [l for l in lines if l.endswith(" messages dropped (receive buffer full)")]
expect(s, "rts_drops", lambda v: v is not None and v > 10000, "> 10000 misses dropped")
expect(s, "rts_drops", lambda v: v == sum(int(l.split()[3]) for l in drops),
       "the log's drop lines adding up to it")
expect(s, "rts_drops", lambda v: len(lines) - len(drops) <= 87 * 101,
       "at most 87 messages logged per wakeup, 101 wakeups (%d lines)"
       % (len(lines) - len(drops)))
s, out = run(EX, "--rtsock-hz=1000", *FLOOD)
expect(s, "rts_drops", lambda v: v == 0, "none dropped by a reader waking every ms")
bad_flag(EX, "--rtsock-hz=0", "for --rtsock-hz: allowed an integer from 1 to 1000000")

# Same seed, same outputs, byte for byte; another seed moves the flows.
check_seed(EX, "--personality=bsdos-4", "--duration=30", "--budget=65536")

bad_flag(EX, "--rate=0", "for --rate: allowed an integer from 1 to 1000000")
bad_flag(EX, "--personality=linux", "for --personality: allowed netbsd-1.5, bsdos-4")
bad_flag(EX, ["--duration=50", "--legit-start=100"], "for --legit-start")
done()
