#!/usr/bin/python3
"""Every CTest entry must carry a TIMEOUT.

CTest waits for ever on a test without one, so one hung test would hold
CI until its 90 minutes run out.  This lists the build's tests with
`ctest --show-only=json-v1` and fails, naming them, if any has none.

usage: check_timeouts.py BUILDDIR
"""
import json
import subprocess
import sys


def untimed(tests):
    """Names of the tests whose properties hold no positive TIMEOUT."""
    bad = []
    for t in tests:
        props = {p["name"]: p["value"] for p in t.get("properties", [])}
        if float(props.get("TIMEOUT", 0) or 0) <= 0:
            bad.append(t["name"])
    return bad


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_timeouts.py BUILDDIR")
    out = subprocess.run(["ctest", "--show-only=json-v1"], cwd=sys.argv[1],
                         check=True, capture_output=True, text=True,
                         timeout=60).stdout
    tests = json.loads(out)["tests"]
    if not tests:
        sys.exit("check_timeouts: no tests listed in " + sys.argv[1])
    bad = untimed(tests)
    if bad:
        sys.exit("check_timeouts: no TIMEOUT on: " + ", ".join(bad))
    print("check_timeouts: all %d tests have a timeout" % len(tests))


if __name__ == "__main__":
    main()
