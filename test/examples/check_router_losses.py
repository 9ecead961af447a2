"""bsdnet-router at default flags: every lost ping is accounted for.

Usage: check_router_losses.py BUILD.  The ping statistics' losses must
add up to the "--- losses ---" section: per lossy pair, the requests and
replies AX.25 collisions took plus the ones a kernel dropped (la_hold),
and those kernel drops must be the ones listed.
"""
import os
import re
import subprocess
import sys
import tempfile

build = sys.argv[1]
fails = []
with tempfile.TemporaryDirectory() as out:
    p = subprocess.run([os.path.join(build, "bsdnet-router"), "--outdir=" + out],
                       capture_output=True, text=True, timeout=120)
text = p.stdout
if p.returncode != 0:
    sys.exit("FAIL: bsdnet-router exited %d: %s" % (p.returncode, p.stderr))
stats = re.findall(r"(\d+) packets transmitted, (\d+) packets received", text)
lost = sum(int(s) - int(r) for s, r in stats)
if "--- losses ---" not in text:
    sys.exit("FAIL: %d pings lost and no '--- losses ---' section says why" % lost)
section = text.split("--- losses ---", 1)[1]
pairs = re.findall(r"(\S+) -> (\S+): (\d+) of (\d+) lost; AX.25 collisions took (\d+) "
                   r"request\(s\) and (\d+) reply\(ies\)(?:; (\d+) dropped by a kernel)?", section)
if sum(int(x[2]) for x in pairs) != lost:
    fails.append("the pairs listed lose %d pings, the statistics %d"
                 % (sum(int(x[2]) for x in pairs), lost))
if len(pairs) != sum(1 for s, r in stats if s != r):
    fails.append("%d pairs listed, %d pairs lost pings" % (len(pairs), sum(1 for s, r in stats if s != r)))
kernel = 0
for src, dst, n, sent, req, rep, drop in pairs:
    if int(req) + int(rep) + int(drop or 0) < int(n):
        fails.append("%s -> %s: %s lost, only %d explained" % (src, dst, n,
                                                              int(req) + int(rep) + int(drop or 0)))
    kernel += int(drop or 0)
m = re.search(r"(\d+) pings lost, (\d+) to collisions on the AX.25 channel", section)
if not m or int(m.group(1)) != lost:
    fails.append("the total line %r does not say %d pings lost" % (m and m.group(0), lost))
drops = sum(int(d) for d in re.findall(r"kernel drops on node \d+: \S+ (\d+)", section))
if kernel > drops:
    fails.append("%d losses blamed on kernels, which list %d drops" % (kernel, drops))
if lost == 0:
    fails.append("no ping lost at default flags: the check checks nothing")
if fails:
    print("\n".join("FAIL: " + f for f in fails))
    sys.exit(1)
print("ok: %d pings lost, all accounted for" % lost)
