"""make demo's table and figure, from the runs of tools/demo/run.sh.

    plot.py OUTDIR PERSONALITY...

Reads OUTDIR/<personality>/summary.json and table.csv; prints one row per
personality and draws OUTDIR/table-size.png: routing-table size over
time, one line per personality, with the budget's ceiling and the
moment the legitimate flow starts.
"""
import csv
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    outdir, personalities = sys.argv[1], sys.argv[2:]
    rows = []
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for pers in personalities:
        with open(os.path.join(outdir, pers, "summary.json")) as f:
            s = json.load(f)
        t, total = [], []
        with open(os.path.join(outdir, pers, "table.csv")) as f:
            for r in csv.DictReader(f):
                t.append(float(r["time_s"]) / 60)
                total.append(int(r["total"]))
        # The NetBSD lines coincide: draw the first one wide and dashed.
        style = {"netbsd-1.5": dict(linestyle="--", linewidth=3.5, alpha=0.6)}
        ax.plot(t, total, label=pers, **style.get(pers, dict(linewidth=1.6)))
        lost = s["legit_lost"]
        sent = s["legit_sent"]
        rows.append((pers, s["peak_routes"], s["peak_mem_bytes"] / 1024,
                     s["enobufs"], s["time_to_exhaustion_s"],
                     100.0 * lost / sent if sent else 0.0))
    legit = s["legit-start"] / 60
    ax.axvline(legit, color="grey", linestyle=":", linewidth=1)
    ax.text(legit, ax.get_ylim()[1] * 0.97, " legitimate flow starts",
            va="top", fontsize=8, color="grey")
    ax.set_xlabel("simulated time (min)")
    ax.set_ylabel("routes in the victim's table")
    ax.set_title("Local cloning DoS: %d new destinations/s, %d KiB budget"
                 % (s["rate"], s["budget"] // 1024))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="center right")
    fig.tight_layout()
    png = os.path.join(outdir, "table-size.png")
    fig.savefig(png, dpi=110)

    print("%-11s %11s %10s %9s %12s %11s" % ("personality", "peak routes", "peak KiB",
                                             "ENOBUFS", "exhausted at", "legit loss"))
    for p, peak, kib, enobufs, tex, loss in rows:
        print("%-11s %11d %10.0f %9d %12s %10.1f%%" % (
            p, peak, kib, enobufs, "-" if tex is None else "%.0f s" % tex, loss))
    print("plot: %s" % png)


if __name__ == "__main__":
    main()
