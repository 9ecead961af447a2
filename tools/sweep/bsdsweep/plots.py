"""Draw each ``[[plot]]`` of a sweep: y's mean against x, 95 % CI bars.

One line per value of ``series`` (in the order of the grid), or a single
line without it.  A grid entry that varies and is neither x's nor the
series' gives one PNG per combination of its values; the file name then
ends with ``--flag=value`` (``peak_routes--mode=local.png``).  Files go to
``<out>/plots/<name>.png`` (``name`` defaults to ``<y>-vs-<x>``).

x is drawn on a numeric axis when all its values are numbers and the
plot does not ask for ``categorical = true``; otherwise its values are
evenly spaced and labelled (``xnames`` renames labels: ``{"-1" = "off"}``).
"""

import itertools
import math
import re
from pathlib import Path

from .results import averaged_fields
from .sweepfile import format_value


class PlotError(Exception):
    """A plot that cannot be drawn from these results; the message says why."""


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _safe(text):
    return re.sub(r"[^A-Za-z0-9_.=,-]", "_", text)


def draw_all(sweep, rows, agg, plot_dir):
    """Draw every plot of ``sweep``; return the files written."""
    files = []
    for spec in sweep.plots:
        files += draw(sweep, spec, rows, agg, plot_dir)
    return files


def draw(sweep, spec, rows, agg, plot_dir):
    """Draw one ``[[plot]]`` (one file per combination of other flags)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fields = averaged_fields(sweep, rows)
    if spec.y not in fields:
        raise PlotError(f"plot '{spec.name}': y '{spec.y}' is not a numeric summary field "
                        f"of these runs (fields: {', '.join(fields) or 'none'})")
    xdim = sweep.dimension_of(spec.x)
    sdim = sweep.dimension_of(spec.series) if spec.series else None
    others = [d for d in sweep.dims if d is not xdim and d is not sdim and len(d.values) > 1]
    di = {id(d): i for i, d in enumerate(sweep.dims)}

    xvalues = [entry[spec.x] for entry in xdim.values]
    categorical = spec.categorical or not all(_is_number(v) for v in xvalues)

    def xpos(i):
        return i if categorical else xvalues[i]

    Path(plot_dir).mkdir(parents=True, exist_ok=True)
    files = []
    for combo in itertools.product(*(range(len(d.values)) for d in others)):
        group = [ps for ps in agg
                 if all(ps.point.choice[di[id(d)]] == c for d, c in zip(others, combo))]
        fig, ax = plt.subplots(figsize=(6.4, 4.4))
        series_range = range(len(sdim.values)) if sdim else [None]
        drawn = 0
        for s in series_range:
            pts = [ps for ps in group
                   if s is None or ps.point.choice[di[id(sdim)]] == s]
            pts = [ps for ps in pts if not math.isnan(ps.stats[spec.y][0])]
            pts.sort(key=lambda ps: xpos(ps.point.choice[di[id(xdim)]]))
            if not pts:
                continue
            xs = [xpos(ps.point.choice[di[id(xdim)]]) for ps in pts]
            ys = [ps.stats[spec.y][0] for ps in pts]
            errs = [0.0 if math.isnan(ps.stats[spec.y][1]) else ps.stats[spec.y][1]
                    for ps in pts]
            label = format_value(sdim.values[s][spec.series]) if sdim else None
            ax.errorbar(xs, ys, yerr=errs, marker="o", capsize=3, label=label)
            drawn += 1
        suffix = ", ".join(d.label(c) for d, c in zip(others, combo))
        if categorical:
            ax.set_xticks(range(len(xvalues)))
            ax.set_xticklabels([spec.xnames.get(format_value(v), format_value(v))
                                for v in xvalues])
        if spec.xlog:
            ax.set_xscale("log")
        if spec.ylog:
            ax.set_yscale("log")
        ax.set_xlabel(spec.xlabel or spec.x)
        ax.set_ylabel(spec.ylabel or spec.y)
        title = spec.title or f"{spec.y} against {spec.x}"
        ax.set_title(f"{title}\n({suffix})" if suffix else title, fontsize=11)
        ax.grid(True, alpha=0.3)
        if sdim and drawn:
            ax.legend(title=spec.series, fontsize=9)
        if not drawn:
            ax.text(0.5, 0.5, "no results", ha="center", va="center", transform=ax.transAxes)
        fig.tight_layout()
        name = spec.name + ("--" + _safe("_".join(d.label(c) for d, c in zip(others, combo)))
                            if others else "")
        path = Path(plot_dir) / f"{name}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        files.append(path)
    return files
