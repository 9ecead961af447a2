"""The figure of bench-forward's CSV (bench-forward --csv=FILE).

    plot-forward.py CSV PNG

Left: what the router itself costs per forwarded datagram in the steady
phase (the stack's run less the run with no stack), ns-3 against bsdnet,
against the number of destinations it has learned.  Right: the whole
simulation per datagram, the stack-less run included, which is what a
sweep pays.  Both axes of the left panel are what the issue's targets
are stated in; the ratios are written on the points.
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LABEL = {"null": "no stack (harness)", "ns3": "ns-3 internet stack",
         "bsdnet": "bsdnet kernel"}
STYLE = {"null": dict(color="0.55", linestyle=":", marker="s"),
         "ns3": dict(color="tab:red", marker="o"),
         "bsdnet": dict(color="tab:blue", marker="^")}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: plot-forward.py CSV PNG")
    runs = {}
    try:
        with open(sys.argv[1]) as f:
            for r in csv.DictReader(f):
                runs.setdefault(r["stack"], []).append(r)
    except OSError as e:
        sys.exit("plot-forward.py: %s" % e)
    for rows in runs.values():
        rows.sort(key=lambda r: int(r["n"]))
    if "ns3" not in runs or "bsdnet" not in runs:
        sys.exit("plot-forward.py: %s holds no ns3 and bsdnet rows"
                 % sys.argv[1])

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4.2))
    own = {}
    for stack in ("ns3", "bsdnet"):
        rows = [r for r in runs[stack] if r["router_steady_us"] != ""]
        n = [int(r["n"]) for r in rows]
        us = [float(r["router_steady_us"]) for r in rows]
        own[stack] = dict(zip(n, us))
        ax1.plot(n, us, label=LABEL[stack], **STYLE[stack])
    for n, b in own["bsdnet"].items():
        if n in own["ns3"] and b > 0:
            ax1.annotate("%.1fx" % (own["ns3"][n] / b), (n, b),
                         textcoords="offset points", xytext=(0, -14),
                         ha="center", fontsize=8, color="tab:blue")
    ax1.set_xscale("log")
    ax1.set_ylim(bottom=0)
    ax1.set_xlabel("destinations learned (N)")
    ax1.set_ylabel("µs of CPU per datagram")
    ax1.set_title("The router alone (stack less harness)")
    ax1.text(0.97, 0.35, "under bsdnet's points: ns-3 / bsdnet",
             transform=ax1.transAxes, ha="right", va="center", fontsize=8,
             color="tab:blue")
    ax1.legend(fontsize=8, loc="upper left")
    ax1.grid(True, which="both", alpha=0.3)

    for stack in ("null", "ns3", "bsdnet"):
        if stack not in runs:
            continue
        n = [int(r["n"]) for r in runs[stack]]
        us = [float(r["steady_us_per_pkt"]) for r in runs[stack]]
        ax2.plot(n, us, label=LABEL[stack], **STYLE[stack])
    ax2.set_xscale("log")
    ax2.set_ylim(bottom=0)
    ax2.set_xlabel("destinations learned (N)")
    ax2.set_title("The whole simulation")
    ax2.legend(fontsize=8, loc="lower left")
    ax2.grid(True, which="both", alpha=0.3)

    steady = int(runs["bsdnet"][0]["steady"])
    fig.suptitle("A router forwarding to N destinations on CSMA, steady "
                 "phase (%s datagrams, best of the runs)" % f"{steady:,}",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)
    print("plot-forward.py: wrote %s" % sys.argv[2])


if __name__ == "__main__":
    main()
