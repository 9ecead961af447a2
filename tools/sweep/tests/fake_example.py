#!/usr/bin/python3
"""A stand-in for a bsdnet study example, honouring the same contract.

Flags are --name=value.  An unknown flag: message on stderr, exit 2.
Success: writes <outdir>/table.csv (a header and one line a second) and
<outdir>/summary.json (one line, with every key BsdStudy always writes:
"example", the flags, "RngRun", then the measurements), and prints the
summary last.  Each call is appended to calls.log next to this script.

Test knobs: --fail-if-rate=N exits 1 (with stderr text) when --rate=N;
--sleep=S sleeps S seconds first; --no-summary=true exits 0 without a
summary; --summary=empty writes ``{}`` as the summary, --summary=partial
one without peak_routes; --table=truncated cuts table.csv in the middle
of its last line; --spawn=true starts a grandchild that sleeps as long as
the example does and records its pid in <outdir>/grandchild.pid (the
example's own pid goes to <outdir>/example.pid).
"""
import json
import os
import subprocess
import sys
import time

KNOWN = {"rate", "personality", "mode", "duration", "pcap", "hiwat", "lowat", "budget",
         "fail-if-rate", "sleep", "no-summary", "summary", "table", "spawn",
         "RngRun", "outdir"}
#: Flags the fake reports in its summary, with their defaults (as BsdStudy does).
REPORTED = {"rate": "1", "personality": "none", "duration": "600", "budget": "8388608"}

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
outdir = args["outdir"]
with open(os.path.join(outdir, "example.pid"), "w") as f:
    f.write(f"{os.getpid()}\n")

sleep = float(args.get("sleep", 0))
if args.get("spawn") == "true":
    child = subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({sleep})"])
    with open(os.path.join(outdir, "grandchild.pid"), "w") as f:
        f.write(f"{child.pid}\n")
time.sleep(sleep)
rate = int(args.get("rate", 1))
seed = int(args["RngRun"])
print("fake-example: starting")
if args.get("fail-if-rate") == str(rate):
    print("fake-example: warming up", file=sys.stderr)
    print(f"fake-example: simulated crash at rate {rate}", file=sys.stderr)
    sys.exit(1)

table = "time_s,node,total,static,cloned,arp,redirect,pmtu,mem_bytes,drops\n"
table += "".join(f"{t},0,{3 + t},3,{t},0,0,0,{256 * (3 + t)},0\n" for t in range(5))
if args.get("table") == "truncated":
    table = table[:-9]
with open(os.path.join(outdir, "table.csv"), "w") as f:
    f.write(table)
if args.get("no-summary") == "true":
    sys.exit(0)

summary = {"example": "fake-example"}
for name, default in REPORTED.items():
    value = args.get(name, default)
    summary[name] = value if name == "personality" else int(value)
summary.update({
    "outdir": outdir,
    "RngRun": seed,
    "peak_routes": rate * 10 + seed,          # mean rate*10+2 over seeds 1..3
    "peak_cloned": rate * 10,
    "peak_arp": 0,
    "peak_redirect": 0,
    "peak_pmtu": 0,
    "peak_mem_bytes": 256 * rate,
    "final_routes": rate,
    "enobufs": seed % 2,
    "time_to_exhaustion_s": None if seed == 1 else 100.0 * seed,
    "mean_routes": rate / seed,
    "p95_routes": rate,
    "growth_rate": 1.5,
    "growth_r2": None,
    "legit_sent": 100,
    "legit_lost": 0,
    "legit_delay_ms": None,
    "kernel": {"mem": seed},
    "ok": True,
    "label": f"run{seed}",
})
if args.get("summary") == "empty":
    summary = {}
elif args.get("summary") == "partial":
    del summary["peak_routes"]
line = json.dumps(summary, separators=(",", ":"))
with open(os.path.join(outdir, "summary.json"), "w") as f:
    f.write(line + "\n")
print(line)
