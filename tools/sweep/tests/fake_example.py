#!/usr/bin/python3
"""A stand-in for a bsdnet study example, honouring the same contract.

Flags are --name=value.  An unknown flag: message on stderr, exit 2.
Success: writes <outdir>/summary.json (one line) and prints it last.
Each call is appended to calls.log next to this script.

Test knobs: --fail-if-rate=N exits 1 (with stderr text) when --rate=N;
--sleep=S sleeps S seconds first; --no-summary=true exits 0 without a
summary.
"""
import json
import os
import sys
import time

KNOWN = {"rate", "personality", "mode", "duration", "pcap", "hiwat", "lowat",
         "fail-if-rate", "sleep", "no-summary", "RngRun", "outdir"}

args = {}
for arg in sys.argv[1:]:
    if not arg.startswith("--") or "=" not in arg:
        print(f"fake-example: bad argument {arg!r}", file=sys.stderr)
        sys.exit(2)
    name, value = arg[2:].split("=", 1)
    if name not in KNOWN:
        print(f"fake-example: unknown flag --{name}", file=sys.stderr)
        sys.exit(2)
    args[name] = value

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "calls.log"), "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\n")

time.sleep(float(args.get("sleep", 0)))
rate = int(args.get("rate", 1))
seed = int(args["RngRun"])
print("fake-example: starting")
if args.get("fail-if-rate") == str(rate):
    print("fake-example: warming up", file=sys.stderr)
    print(f"fake-example: simulated crash at rate {rate}", file=sys.stderr)
    sys.exit(1)
if args.get("no-summary") == "true":
    sys.exit(0)

summary = {
    "example": "fake-example",
    "rate": rate,
    "personality": args.get("personality", "none"),
    "outdir": args["outdir"],
    "RngRun": seed,
    "peak_routes": rate * 10 + seed,          # mean rate*10+2 over seeds 1..3
    "ratio": rate / seed,
    "exhausted_s": None if seed == 1 else 100.0 * seed,
    "kernel": {"enobufs": seed % 2},
    "ok": True,
    "label": f"run{seed}",
}
line = json.dumps(summary, separators=(",", ":"))
with open(os.path.join(args["outdir"], "summary.json"), "w") as f:
    f.write(line + "\n")
print(line)
