"""bsdnet-arp-flood: FreeBSD-SA-03:14.arp, per personality, with and without the fix."""

from studycheck import run, expect, check_seed, bad_flag, done

EX = "bsdnet-arp-flood"
SMALL = ["--rate=200", "--duration=60", "--budget=262144"]

# freebsd-4 before the fix (its default): one clone of the PRCLONING
# default route per off-link sender, on no timer, until the budget is
# spent; then V cannot make the ARP entry its flow to L needs.
s, _ = run(EX, "--personality=freebsd-4", *SMALL)
expect(s, "sa0314-fix", lambda v: v == -1, "the personality's default")
expect(s, "peak_cloned", lambda v: v > 1000, "> 1000 leaked clones")
expect(s, "untimed_cloned", lambda v: v == s["peak_cloned"],
       "every clone on no timer (never freed)")
expect(s, "final_routes", lambda v: v == s["peak_routes"], "nothing freed by the end")
expect(s, "enobufs", lambda v: v > 0, "ENOBUFS once the budget is spent")
expect(s, "peak_mem_bytes", lambda v: v <= 262144, "<= the budget")
expect(s, "time_to_exhaustion_s", lambda v: v is not None and 1 < v < 15,
       "exhaustion within 15 s at 200 requests/s")
expect(s, "growth_rate", lambda v: 150 < v < 250, "about 200 routes/s")
expect(s, "legit_lost", lambda v: v == s["legit_sent"] and v > 0,
       "every legitimate datagram lost (no ARP entry for L possible)")

# The fix: arplookup deletes the clone at once.  Nothing grows.
s, _ = run(EX, "--personality=freebsd-4", "--sa0314-fix=1", *SMALL)
expect(s, "peak_cloned", lambda v: v <= 1, "at most the one being deleted")
expect(s, "enobufs", lambda v: v == 0, "no ENOBUFS")
expect(s, "peak_mem_bytes", lambda v: v < 2048, "a few routes' worth")
expect(s, "legit_lost", lambda v: v == 0, "no loss")

# NetBSD and BSD/OS clone only from RTF_CLONING routes: never from the
# default route, so nothing leaks, fix or no fix.
for pers in ("netbsd-1.5", "bsdos-4", "netbsd-2"):
    s, _ = run(EX, "--personality=" + pers, *SMALL)
    expect(s, "peak_cloned", lambda v: v == 0, "no clones on " + pers)
    expect(s, "enobufs", lambda v: v == 0, "no ENOBUFS on " + pers)
    expect(s, "legit_lost", lambda v: v == 0, "no loss on " + pers)

# On-link senders: a resolved ARP entry each, on every BSD (RFC 826),
# aged by arpt_keep; the fix does not touch them.
for fix in ("0", "1"):
    s, _ = run(EX, "--personality=netbsd-2", "--senders=onlink", "--sa0314-fix=" + fix,
               *SMALL)
    expect(s, "peak_arp", lambda v: v > 1000, "> 1000 ARP entries (fix %s)" % fix)
    expect(s, "enobufs", lambda v: v > 0, "ENOBUFS (fix %s)" % fix)
    expect(s, "peak_cloned", lambda v: v == 0, "no gateway clones (fix %s)" % fix)

# Mixed: half the senders leak on freebsd-4, half make ARP entries.
s, _ = run(EX, "--personality=freebsd-4", "--senders=mixed", *SMALL)
expect(s, "peak_cloned", lambda v: v > 300, "clones from the off-link half")
expect(s, "peak_arp", lambda v: v > 300, "ARP entries from the on-link half")

# Same seed, same outputs, byte for byte; another seed moves them.
check_seed(EX, "--personality=freebsd-4", "--duration=20", "--budget=65536")

bad_flag(EX, "--sa0314-fix=2", "for --sa0314-fix: allowed an integer from -1 to 1")
bad_flag(EX, "--senders=any", "for --senders: allowed offlink, onlink, mixed")
bad_flag(EX, "--rate=0", "for --rate: allowed an integer from 1 to 100000")
done()
