"""Collect the runs' summaries into ``runs.csv`` and ``aggregate.csv``.

``runs.csv`` has one row per complete run (``complete.run_state``): ``run_id``,
``point_id``, the sweep's flags, ``RngRun``, then every summary field
(nested objects flattened as ``a.b``; fields that repeat a flag, RngRun or
outdir are not repeated).

``aggregate.csv`` has one row per point with at least one run: the point's
flags, ``n`` (runs), and for every numeric summary field (but the flags the
example reports that are the same in every run) ``<f>_mean`` and
``<f>_ci95`` (half-width of the 95 % confidence interval of the mean,
Student t with n-1 degrees of freedom; empty when only one value).  A
field that is null (or absent) in some run also gets ``<f>_n``, the number
of values its mean is taken over.
"""

import csv
import math
from dataclasses import dataclass

from .complete import run_state
from .runner import run_id
from .sweepfile import format_value

# 97.5 % quantiles of Student's t, used when scipy is not installed.
# Between two rows the smaller df is taken (a slightly wider interval).
_T975 = {
    1: 12.706205, 2: 4.302653, 3: 3.182446, 4: 2.776445, 5: 2.570582,
    6: 2.446912, 7: 2.364624, 8: 2.306004, 9: 2.262157, 10: 2.228139,
    11: 2.200985, 12: 2.178813, 13: 2.160369, 14: 2.144787, 15: 2.131450,
    16: 2.119905, 17: 2.109816, 18: 2.100922, 19: 2.093024, 20: 2.085963,
    21: 2.079614, 22: 2.073873, 23: 2.068658, 24: 2.063899, 25: 2.059539,
    26: 2.055529, 27: 2.051831, 28: 2.048407, 29: 2.045230, 30: 2.042272,
    40: 2.021075, 50: 2.008559, 60: 2.000298, 80: 1.990063, 100: 1.983972,
    120: 1.979930,
}
_Z975 = 1.959964
#: Summary fields never taken from the summary (the runner knows them).
_RUNNER_FIELDS = ("RngRun", "outdir")


def t975(df):
    """The 97.5 % quantile of Student's t with ``df`` degrees of freedom."""
    try:
        from scipy.stats import t
    except ImportError:
        return t975_table(df)
    return float(t.ppf(0.975, df))


def t975_table(df):
    """``t975`` from the built-in table (no scipy)."""
    if df < 1:
        raise ValueError("t quantile needs df >= 1")
    if df > 120:
        return _Z975
    return _T975[max(k for k in _T975 if k <= df)]


def mean_ci(values):
    """Mean and 95 % CI half-width of ``values``; the half-width is NaN for n < 2."""
    n = len(values)
    if n == 0:
        return math.nan, math.nan
    mean = math.fsum(values) / n
    if n < 2:
        return mean, math.nan
    var = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, t975(n - 1) * math.sqrt(var / n)


def flatten(obj, prefix=""):
    """A summary with nested objects flattened to dotted keys."""
    flat = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            flat[prefix + key] = format_cell(value)
        else:
            flat[prefix + key] = value
    return flat


def format_cell(value):
    """A value as written to a CSV cell (null and NaN as empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, list):
        return "[" + ",".join(format_cell(v) for v in value) + "]"
    return format_value(value)


@dataclass
class Row:
    """One run with a valid summary."""

    run_id: str
    point: object        # sweepfile.Point
    rng_run: int
    summary: dict        # flattened


def collect(sweep, out_dir):
    """The complete runs of ``sweep`` in ``out_dir``: (rows, missing, incomplete).

    ``missing`` are the ids of runs never started; ``incomplete`` is a list
    of (run directory, reason) of runs that are not complete (failed,
    killed, cut short): they are not counted.
    """
    rows, missing, incomplete = [], [], []
    for point in sweep.points():
        for r in range(1, sweep.replications + 1):
            rid = run_id(point.point_id, r)
            outdir = f"{out_dir}/runs/{rid}"
            st = run_state(outdir, r, sweep.example)
            if st.state == "done":
                rows.append(Row(rid, point, r, flatten(st.summary)))
            elif st.state == "absent":
                missing.append(rid)
            else:
                incomplete.append((outdir, st.reason))
    return rows, missing, incomplete


def summary_fields(sweep, rows):
    """Summary fields in first-seen order, without flags and runner fields."""
    skip = set(sweep.flag_names()) | set(_RUNNER_FIELDS)
    fields = {}
    for row in rows:
        for key in row.summary:
            if key not in skip:
                fields.setdefault(key, None)
    return list(fields)


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def numeric_fields(sweep, rows):
    """Summary fields whose every non-null value is a number (not a boolean)."""
    out = []
    for key in summary_fields(sweep, rows):
        values = [r.summary.get(key) for r in rows]
        present = [v for v in values if v is not None]
        if present and all(_is_number(v) for v in present):
            out.append(key)
    return out


def reported_flags(summary):
    """The flags a study reports: its summary's keys before ``RngRun``.

    BsdStudy::Finish writes ``example``, then every flag (the ones it was
    given and its defaults), then ``RngRun``, then what it measured.
    """
    flags = []
    for key in summary:
        if key == "RngRun":
            return flags
        if key != "example":
            flags.append(key)
    return []


def constant_flags(rows):
    """Reported flags with the same value in every run: not measured quantities."""
    if not rows:
        return set()
    first = rows[0].summary
    return {k for k in reported_flags(first)
            if all(k in r.summary and r.summary[k] == first[k] for r in rows)}


def averaged_fields(sweep, rows):
    """Numeric fields that get a mean and CI: all but the constant flags."""
    constant = constant_flags(rows)
    return [k for k in numeric_fields(sweep, rows) if k not in constant]


def write_runs_csv(path, sweep, rows):
    """Write ``runs.csv``: one row per run."""
    flags = sweep.flag_names()
    fields = summary_fields(sweep, rows)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run_id", "point_id", *flags, "RngRun", *fields])
        for row in rows:
            w.writerow([row.run_id, row.point.point_id,
                        *(format_cell(row.point.flags[k]) for k in flags),
                        row.rng_run,
                        *(format_cell(row.summary.get(k)) for k in fields)])


@dataclass
class PointStats:
    """The aggregate of one point: n runs, and per field (mean, ci95, n)."""

    point: object
    n: int
    stats: dict


def aggregate(sweep, rows):
    """Per point with runs: mean and 95 % CI of every averaged field."""
    fields = averaged_fields(sweep, rows)
    by_point = {}
    for row in rows:
        by_point.setdefault(row.point.index, []).append(row)
    out = []
    for point in sweep.points():
        prow = by_point.get(point.index)
        if not prow:
            continue
        stats = {}
        for key in fields:
            values = [r.summary[key] for r in prow if r.summary.get(key) is not None]
            mean, ci = mean_ci(values)
            stats[key] = (mean, ci, len(values))
        out.append(PointStats(point, len(prow), stats))
    return out


def counted_fields(sweep, rows):
    """Averaged fields that are null or absent in some run (they get ``_n``)."""
    return [k for k in averaged_fields(sweep, rows)
            if any(r.summary.get(k) is None for r in rows)]


def write_aggregate_csv(path, sweep, rows, agg):
    """Write ``aggregate.csv``: one row per point."""
    flags = sweep.flag_names()
    fields = averaged_fields(sweep, rows)
    counted = set(counted_fields(sweep, rows))
    header = ["point_id", *flags, "n"]
    for key in fields:
        header += [f"{key}_mean", f"{key}_ci95"] + ([f"{key}_n"] if key in counted else [])
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for ps in agg:
            line = [ps.point.point_id, *(format_cell(ps.point.flags[k]) for k in flags), ps.n]
            for key in fields:
                mean, ci, n = ps.stats[key]
                line += [format_cell(mean), format_cell(ci)] + ([n] if key in counted else [])
            w.writerow(line)


def write_points_csv(path, sweep):
    """Write ``points.csv``: point index, id, and flags, in file order."""
    flags = sweep.flag_names()
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["index", "point_id", *flags])
        for p in sweep.points():
            w.writerow([p.index, p.point_id, *(format_cell(p.flags[k]) for k in flags)])
