"""bsdnet-parent-removal: seed 004 points (2) clones when the parent goes, (3) manual add."""
import errno
import os

from studycheck import FAILURES, run, expect, bad_flag, done

EX = "bsdnet-parent-removal"


def dump(outdir, label):
    """The netstat -rn lines of netstat.txt's dump with this label."""
    with open(os.path.join(outdir, "netstat.txt")) as f:
        text = f.read()
    for block in text.split("\n# "):
        if "(" + label + ")" in block.splitlines()[0]:
            return block.splitlines()[1:]
    return None


def shows(outdir, label, prefix):
    """Whether the dump with this label lists a destination starting with prefix."""
    lines = dump(outdir, label)
    if lines is None:
        FAILURES.append("%s/netstat.txt: no dump labelled %r" % (outdir, label))
        return False
    return any(line.split()[0].startswith(prefix) for line in lines if line.strip())


# NetBSD 1.5 / OpenBSD (4.4BSD): clones are not marked, so -alias leaves
# them, orphaned, still carrying traffic from the address that went; and a
# manual host route cannot replace an incomplete ARP entry: EEXIST.
s, out = run(EX, "--personality=netbsd-1.5")
expect(s, "clones_before", lambda v: v == 5, "an ARP clone per neighbour (5)")
expect(s, "clones_after", lambda v: v == 5, "the clones stay after ifconfig -alias (point 2)")
expect(s, "clones_orphaned", lambda v: v == 5, "all of them without a parent")
expect(s, "after_delivered", lambda v: v == 5, "the orphans still deliver")
expect(s, "after_src", lambda v: v == "10.2.2.1", "from the removed alias 10.2.2.1")
expect(s, "legit_lost", lambda v: v == 0, "the flow to N1 goes on")
expect(s, "manual_add_errno", lambda v: v == errno.EEXIST, "EEXIST (point 3)")
expect(s, "manual_add_result", lambda v: v == "EEXIST", "EEXIST")
expect(s, "manual_route_flags", lambda v: v == "UHL", "the incomplete ARP entry still there")
expect(s, "remove_errno", lambda v: v == 0, "the alias removed")
if not shows(out, "after ifconfig -alias 10.2.2.1", "10.2.2.2"):
    FAILURES.append("%s\n    netstat.txt after -alias lacks 10.2.2.2 (the orphan)" % s["_cmd"])

# BSD/OS, FreeBSD and NetBSD after the proposals: clones go with their
# parent, H has no route to the neighbours, and the manual route wins.
for pers in ("bsdos-4", "freebsd-4", "netbsd-2"):
    s, out = run(EX, "--personality=" + pers)
    expect(s, "clones_before", lambda v: v == 5, "an ARP clone per neighbour (5)")
    expect(s, "clones_after", lambda v: v == 0, "the clones removed with their parent (point 2)")
    expect(s, "after_refused", lambda v: v == 5, "no route to the neighbours any more")
    expect(s, "after_delivered", lambda v: v == 0, "nothing delivered after -alias")
    expect(s, "legit_lost", lambda v: v > 0, "the flow to N1 cut by the removal")
    expect(s, "manual_add_errno", lambda v: v == 0, "the manual add accepted (point 3)")
    expect(s, "manual_add_result", lambda v: v == "overwritten", "the incomplete entry replaced")
    expect(s, "manual_route_flags", lambda v: "G" in v and "S" in v and "L" not in v,
           "a static gateway route (UGHS), no link info")
    if shows(out, "after ifconfig -alias 10.2.2.1", "10.2.2."):
        FAILURES.append("%s\n    netstat.txt after -alias still lists 10.2.2.x" % s["_cmd"])

# --hosts and --remove-at are honoured.
s, _ = run(EX, "--personality=netbsd-2", "--hosts=20", "--remove-at=6", "--duration=10")
expect(s, "clones_before", lambda v: v == 20, "20 clones for --hosts=20")
expect(s, "after_refused", lambda v: v == 20, "20 neighbours unreachable")
expect(s, "legit_sent", lambda v: 65 <= v <= 75, "10 datagrams/s from 2 s to 9 s")
expect(s, "legit_lost", lambda v: 25 <= v <= 35, "those after the removal at 6 s")

bad_flag(EX, "--personality=linux", "for --personality: allowed netbsd-1.5, bsdos-4")
bad_flag(EX, "--hosts=0", "for --hosts: allowed an integer from 1 to 200")
bad_flag(EX, "--remove-at=2", "for --remove-at: allowed a number from 4 to 86400")
bad_flag(EX, ["--duration=20", "--remove-at=19"], "for --remove-at: allowed 4 to --duration minus 2")
done()
