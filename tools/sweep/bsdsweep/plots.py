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

from .names import lower_first, readable, without_unit
from .results import averaged_fields
from .sweepfile import format_value

#: One marker and one dash pattern per series, in turn.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES = ("-", "--", "-.", ":")
#: Marker sizes (points): the first series', the step down, the smallest.
FIRST_MARKER, MARKER_STEP, MIN_MARKER = 10.0, 1.8, 3.5


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
    import matplotlib.pyplot as plt

    Path(plot_dir).mkdir(parents=True, exist_ok=True)
    files = []
    for name, fig in figures(sweep, spec, rows, agg):
        path = Path(plot_dir) / f"{name}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        files.append(path)
    return files


def figures(sweep, spec, rows, agg):
    """The figures of one ``[[plot]]``: (file name without .png, Figure) pairs."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fields = averaged_fields(sweep, rows)
    if spec.y not in fields:
        raise PlotError(f"plot '{spec.name}': y '{spec.y}' is not a numeric summary field "
                        f"of these runs (fields: {', '.join(fields) or 'none'})")
    axes = PlotAxes(sweep, spec)
    for combo in itertools.product(*(range(len(d.values)) for d in axes.others)):
        group = [ps for ps in agg if axes.in_combo(ps, combo)]
        fig, ax = plt.subplots(figsize=(6.4, 4.4))
        drawn = sum(draw_series(ax, axes, group, s, i)
                    for i, s in enumerate(axes.series_indices()))
        suffix = ", ".join(d.label(c) for d, c in zip(axes.others, combo))
        decorate(ax, axes, suffix, drawn)
        fig.tight_layout()
        name = spec.name + ("--" + _safe("_".join(d.label(c) for d, c in
                                                  zip(axes.others, combo)))
                            if axes.others else "")
        yield name, fig


class PlotAxes:
    """Where a plot's x, series and other grid dimensions are, and x's values."""

    def __init__(self, sweep, spec):
        self.spec = spec
        self.xdim = sweep.dimension_of(spec.x)
        self.sdim = sweep.dimension_of(spec.series) if spec.series else None
        self.others = [d for d in sweep.dims
                       if d is not self.xdim and d is not self.sdim and len(d.values) > 1]
        self.index = {id(d): i for i, d in enumerate(sweep.dims)}
        self.xvalues = [entry[spec.x] for entry in self.xdim.values]
        self.categorical = spec.categorical or not all(_is_number(v) for v in self.xvalues)

    def choice(self, ps, dim):
        """The entry of ``dim`` that the point of ``ps`` has."""
        return ps.point.choice[self.index[id(dim)]]

    def in_combo(self, ps, combo):
        """True if ``ps`` has the values ``combo`` of the other dimensions."""
        return all(self.choice(ps, d) == c for d, c in zip(self.others, combo))

    def series_indices(self):
        """The series' entries in grid order, or [None] for a single line."""
        return range(len(self.sdim.values)) if self.sdim else [None]

    def xpos(self, ps):
        """Where the point of ``ps`` goes on the x axis."""
        i = self.choice(ps, self.xdim)
        return i if self.categorical else self.xvalues[i]

    def xlabel_of(self, value):
        """An x value as its tick shows it (``xnames`` applied)."""
        text = format_value(value)
        return self.spec.xnames.get(text, text)


def series_style(i):
    """Marker, dashes and size of the ``i``-th series: lines that coincide stay visible.

    Each series has its own hollow marker and dash pattern, and its markers
    are smaller than the previous series', so a marker drawn over another
    leaves the one beneath showing around it.
    """
    return {"marker": MARKERS[i % len(MARKERS)],
            "linestyle": LINESTYLES[i % len(LINESTYLES)],
            "markersize": max(MIN_MARKER, FIRST_MARKER - MARKER_STEP * i),
            "markerfacecolor": "none", "markeredgewidth": 1.5}


def draw_series(ax, axes, group, s, i):
    """Draw the ``i``-th series (entry ``s``) of ``group``; return 1 if drawn, else 0."""
    y = axes.spec.y
    pts = [ps for ps in group if s is None or axes.choice(ps, axes.sdim) == s]
    pts = sorted((ps for ps in pts if not math.isnan(ps.stats[y][0])), key=axes.xpos)
    if not pts:
        return 0
    errs = [0.0 if math.isnan(ps.stats[y][1]) else ps.stats[y][1] for ps in pts]
    label = format_value(axes.sdim.values[s][axes.spec.series]) if axes.sdim else None
    ax.errorbar([axes.xpos(ps) for ps in pts], [ps.stats[y][0] for ps in pts], yerr=errs,
                capsize=3, label=label, **series_style(i))
    return 1


def decorate(ax, axes, suffix, drawn):
    """Scales, ticks, labels, title, grid and legend of one plot."""
    from matplotlib.ticker import NullFormatter

    spec = axes.spec
    if spec.xlog:
        ax.set_xscale("log")
    if spec.ylog:
        ax.set_yscale("log")
    if axes.categorical:
        ax.set_xticks(range(len(axes.xvalues)))
        ax.set_xticklabels([axes.xlabel_of(v) for v in axes.xvalues])
    elif spec.xlog:
        ticks = sorted(v for v in axes.xvalues if v > 0)
        ax.set_xticks(ticks, [axes.xlabel_of(v) for v in ticks])
        ax.xaxis.set_minor_formatter(NullFormatter())
    xname, yname = readable(spec.x), readable(spec.y)
    ax.set_xlabel(spec.xlabel or xname)
    ax.set_ylabel(spec.ylabel or yname)
    title = spec.title or f"{without_unit(yname)} against {lower_first(without_unit(xname))}"
    ax.set_title(f"{title}\n({suffix})" if suffix else title, fontsize=11)
    ax.grid(True, alpha=0.3)
    if axes.sdim and drawn:
        ax.legend(title=readable(spec.series), fontsize=9)
    if not drawn:
        ax.text(0.5, 0.5, "no results", ha="center", va="center", transform=ax.transAxes)
