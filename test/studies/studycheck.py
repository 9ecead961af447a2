"""Run a bsdnet study example and check what its summary says.

Each test_<study>.py imports this, runs the example with some flags and
checks the behaviour a researcher relies on; a failure says which flag
set, which summary key and what was expected.
"""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
FAILURES = []

REQUIRED_KEYS = (
    "example", "personality", "peak_routes", "peak_cloned", "peak_arp",
    "peak_redirect", "peak_pmtu", "peak_mem_bytes", "enobufs", "legit_sent",
    "legit_lost", "legit_delay_ms", "mean_routes", "p95_routes",
    "growth_rate", "time_to_exhaustion_s", "RngRun", "outdir",
)


def tmpdir(prefix):
    """A directory removed when the test ends."""
    d = tempfile.mkdtemp(prefix=prefix + "-")
    atexit.register(shutil.rmtree, d, True)
    return d


def run(example, *flags):
    """Run example with flags in a fresh --outdir; return (summary, outdir)."""
    outdir = tmpdir(example)
    cmd = [os.path.join(BUILD, example), *flags, "--outdir=" + outdir]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        sys.exit("FAIL: %s exited %d:\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    last = p.stdout.strip().splitlines()[-1]
    summary = json.loads(last)
    with open(os.path.join(outdir, "summary.json")) as f:
        if json.loads(f.read()) != summary:
            FAILURES.append("%s: summary.json differs from the printed line" % example)
    for key in REQUIRED_KEYS:
        if key not in summary:
            FAILURES.append("%s: summary lacks %r" % (example, key))
    for name in ("table.csv", "netstat.txt"):
        if not os.path.getsize(os.path.join(outdir, name)):
            FAILURES.append("%s: %s is empty" % (example, name))
    summary["_cmd"] = " ".join(cmd)
    return summary, outdir


def expect(summary, key, ok, what):
    """Record a failure unless ok(summary[key])."""
    value = summary.get(key)
    if not ok(value):
        FAILURES.append("%s\n    %s = %r, expected %s" % (summary["_cmd"], key, value, what))


def check_seed(example, *flags):
    """Same --RngRun, same outputs byte for byte; another seed moves them."""
    def outputs(seed):
        _, d = run(example, *flags, "--RngRun=%d" % seed)
        names = ("table.csv", "rtsock.log", "netstat.txt")
        return [open(os.path.join(d, n), "rb").read() for n in names]

    if outputs(3) != outputs(3):
        FAILURES.append("%s: same --RngRun, different table.csv/rtsock.log/netstat.txt"
                        % example)
    if outputs(3) == outputs(4):
        FAILURES.append("%s: --RngRun 3 and 4 gave identical outputs: the seed changes nothing"
                        % example)


def bad_flag(example, flags, expect_text):
    """A bad value must exit 2 and name the flag and what it allows."""
    if isinstance(flags, str):
        flags = [flags]
    cmd = [os.path.join(BUILD, example), *flags, "--outdir=" + tmpdir(example)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if p.returncode != 2 or expect_text not in p.stderr:
        FAILURES.append("%s: exit %d, stderr %r; expected exit 2 and %r"
                        % (" ".join(cmd), p.returncode, p.stderr.strip(), expect_text))


def done():
    """Exit non-zero, listing every failure, if any check failed."""
    if FAILURES:
        print("\n".join("FAIL: " + f for f in FAILURES))
        sys.exit(1)
    print("ok")
