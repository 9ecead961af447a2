"""bsdnet-xresolve: ARP in the kernel against a user-level resolver (seeds 000, 001)."""
from studycheck import run, expect, bad_flag, done

EX = "bsdnet-xresolve"

# The kernel asks and the neighbour answers: on a LAN a round trip of
# two small frames, well under 10 ms, so a burst 1 ms apart loses nothing.
s, _ = run(EX, "--media=ethernet", "--resolver=kernel")
eth = s["resolve_mean_ms"]
expect(s, "resolved", lambda v: v == 10, "every destination resolved (10)")
expect(s, "resolve_mean_ms", lambda v: v is not None and 0 < v < 10, "kernel ARP well under 10 ms")
expect(s, "arp_requests", lambda v: v == 10, "one ARP request per destination")
expect(s, "held_lost", lambda v: v == 0, "no held packet lost with 1 ms between datagrams")
expect(s, "legit_lost", lambda v: v == 0, "every datagram delivered")
expect(s, "daemon_requests", lambda v: v == 0, "no RTM_RESOLVE without the daemon")

# The other fast media resolve in the kernel within milliseconds too.
for media in ("fddi", "arcnet"):
    s, _ = run(EX, "--media=" + media)
    expect(s, "resolved", lambda v: v == 10, "every destination resolved on " + media)
    expect(s, "resolve_mean_ms", lambda v: v is not None and v < 10, "under 10 ms on " + media)

# The daemon: no ARP on the wire; each entry waits --daemon-delay for its
# answer, and while it waits each newer datagram replaces the held one.
means = {}
for delay in (50, 500):
    s, _ = run(EX, "--resolver=daemon", "--daemon-delay=%d" % delay)
    means[delay] = s
    expect(s, "resolve_mean_ms", lambda v, d=delay: v is not None and d <= v < d + 5,
           "the daemon's delay (%d ms) and no more" % delay)
    expect(s, "resolve_p95_ms", lambda v, d=delay: v is not None and v >= d, ">= %d ms" % delay)
    expect(s, "arp_requests", lambda v: v == 0, "no ARP request from the kernel")
    expect(s, "daemon_answered", lambda v: v == 10, "an answer per destination")
    expect(s, "held_lost", lambda v: v == 20, "2 of each burst of 3 replaced while held")
    expect(s, "legit_lost", lambda v: v == 20, "only the replaced datagrams lost")
expect(means[500], "resolve_mean_ms",
       lambda v: v is not None and v > (means[50]["resolve_mean_ms"] or float("inf")),
       "longer than with --daemon-delay=50 (%r ms)" % means[50]["resolve_mean_ms"])

# Back to back, even the kernel on a LAN keeps only the last of a burst.
s, _ = run(EX, "--burst=4", "--burst-gap=0")
expect(s, "held_lost", lambda v: v == 30, "3 of each burst of 4 lost while held")
expect(s, "held_replaced", lambda v: v == 30, "all of them replaced (arp-replaced)")

# AX.25 at 1200 bit/s with a 300 ms key-up: kernel ARP takes seconds;
# the daemon's answer does not touch the channel.
s, _ = run(EX, "--media=ax25", "--rate=0.2", "--destinations=5", "--duration=60")
expect(s, "resolved", lambda v: v == 5, "every destination resolved on ax25")
expect(s, "resolve_mean_ms", lambda v: v is not None and v > 500 and v > 100 * eth,
       "AX.25 far slower than Ethernet (%r ms)" % eth)
s, _ = run(EX, "--media=ax25", "--resolver=daemon", "--daemon-delay=100", "--rate=0.2",
           "--destinations=5", "--duration=60")
expect(s, "resolve_mean_ms", lambda v: v is not None and 100 <= v < 105,
       "the daemon's 100 ms on any medium")
expect(s, "arp_requests", lambda v: v == 0, "no ARP frame on the radio channel")

bad_flag(EX, "--media=tokenring", "for --media: allowed ethernet, fddi, arcnet, ax25")
bad_flag(EX, "--resolver=dns", "for --resolver: allowed kernel, daemon")
bad_flag(EX, "--daemon-delay=-1", "for --daemon-delay: allowed a number from 0 to 60000")
bad_flag(EX, "--destinations=0", "for --destinations: allowed an integer from 1 to 200")
bad_flag(EX, ["--media=ax25", "--destinations=60"], "for --destinations: allowed 1 to 50 on ax25")
bad_flag(EX, "--burst=0", "for --burst: allowed an integer from 1 to 100")
bad_flag(EX, ["--rate=0.1", "--duration=10"], "for --duration: allowed at least")
done()
