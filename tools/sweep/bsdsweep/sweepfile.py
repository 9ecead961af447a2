"""Read and check a sweep file (TOML), and expand it into points.

A sweep file names an example, the flags every run gets (``[fixed]``), the
flags that vary (``[grid]``, a cartesian product), the number of
replications and the plots to draw.  ``load()`` returns a ``Sweep``;
anything wrong raises ``SweepError`` whose message names the file and the
offending key.

A *point* is one combination of flags (fixed and grid), without the seed;
a *run* is a point and a seed (``RngRun``).  A point's id is a short hash
of the example name and its flags, so it does not change when the file is
reordered or grows: results of an earlier sweep are found again.
"""

import hashlib
import itertools
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

#: Keys allowed at the top of a sweep file.
TOP_KEYS = ("example", "description", "replications", "timeout", "fixed", "grid", "plot")
#: Keys allowed in a ``[[plot]]`` table, with their types.
PLOT_KEYS = {
    "x": str, "y": str, "series": str, "name": str,
    "title": str, "xlabel": str, "ylabel": str,
    "xlog": bool, "ylog": bool, "categorical": bool, "xnames": dict,
}
#: Flags the runner sets itself.
RESERVED_FLAGS = ("RngRun", "outdir")

_FLAG_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
_NAME_RE = re.compile(r"^[A-Za-z0-9_.=-]+$")
_SCALARS = (bool, int, float, str)


class SweepError(Exception):
    """A sweep file that cannot be used; the message says why."""


def format_value(value):
    """Return a flag value as it is written on the command line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


@dataclass(frozen=True)
class Dimension:
    """One ``[grid]`` entry: the flags it sets and its list of values.

    A plain list sets one flag (``name``); a list of tables sets several
    flags together (``linked``), one table per value.
    """

    name: str
    flags: tuple
    values: tuple          # one dict {flag: value} per entry
    linked: bool

    def label(self, index):
        """A short readable label of entry ``index`` (``rate=10``)."""
        entry = self.values[index]
        return ",".join(f"{k}={format_value(v)}" for k, v in entry.items())


@dataclass(frozen=True)
class PlotSpec:
    """One ``[[plot]]``: y (a summary field) against x (a grid flag)."""

    x: str
    y: str
    name: str
    series: str = None
    title: str = None
    xlabel: str = None
    ylabel: str = None
    xlog: bool = False
    ylog: bool = False
    categorical: bool = False
    xnames: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Point:
    """One combination of flags; ``choice`` is its entry in each dimension."""

    index: int
    point_id: str
    flags: dict
    choice: tuple


@dataclass
class Sweep:
    """A checked sweep file."""

    source: str                 # file name, for messages
    stem: str                   # file name without .toml
    example: str
    replications: int
    fixed: dict
    dims: list
    plots: list
    timeout: float = None
    description: str = ""
    text: str = ""              # the file as read, saved next to the results

    def flag_names(self):
        """All flags a run gets from the file, fixed first, in file order."""
        names = list(self.fixed)
        for dim in self.dims:
            names.extend(dim.flags)
        return names

    def dimension_of(self, flag):
        """The grid dimension that sets ``flag``, or None."""
        for dim in self.dims:
            if flag in dim.flags:
                return dim
        return None

    def points(self):
        """Every point of the grid, in file order (last entry varies fastest)."""
        points = []
        ranges = [range(len(d.values)) for d in self.dims]
        for index, choice in enumerate(itertools.product(*ranges)):
            flags = dict(self.fixed)
            for dim, i in zip(self.dims, choice):
                flags.update(dim.values[i])
            points.append(Point(index, point_id(self.example, flags), flags, choice))
        return points


def point_id(example, flags):
    """A stable 8-hex-digit id for an example and its flags (order-free)."""
    canon = json.dumps({"example": example, "flags": flags}, sort_keys=True)
    return hashlib.sha1(canon.encode()).hexdigest()[:8]


def load(path):
    """Read and check the sweep file at ``path``; return a ``Sweep``."""
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as e:
        raise SweepError(f"{path}: cannot read: {e.strerror}") from None
    return loads(text, source=str(path), stem=path.stem)


def loads(text, source="<sweep>", stem="sweep"):
    """Check the TOML ``text`` of a sweep file; return a ``Sweep``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise SweepError(f"{source}: not valid TOML: {e}") from None
    return _parse(data, source, stem, text)


def _parse(data, source, stem, text):
    def fail(msg):
        raise SweepError(f"{source}: {msg}")

    for key in data:
        if key not in TOP_KEYS:
            fail(f"unknown top-level key '{key}' (allowed: {', '.join(TOP_KEYS)})")

    example = data.get("example")
    if not isinstance(example, str) or not example:
        fail("'example' must be given: the name of the example binary")
    if "/" in example:
        fail(f"'example' must be a binary name, not a path: '{example}' (use --build DIR)")

    replications = data.get("replications", 1)
    if type(replications) is not int or replications < 1:
        fail(f"'replications' must be an integer >= 1, not {replications!r}")

    timeout = data.get("timeout")
    if timeout is not None and (isinstance(timeout, bool)
                                or not isinstance(timeout, (int, float)) or timeout <= 0):
        fail(f"'timeout' must be a number of seconds > 0, not {timeout!r}")

    description = data.get("description", "")
    if not isinstance(description, str):
        fail("'description' must be a string")

    fixed = data.get("fixed", {})
    if not isinstance(fixed, dict):
        fail("[fixed] must be a table of flags")
    for name, value in fixed.items():
        _check_flag(fail, f"fixed.{name}", name, value)

    grid = data.get("grid", {})
    if not isinstance(grid, dict):
        fail("[grid] must be a table of lists")
    dims = [_parse_dimension(fail, name, values) for name, values in grid.items()]

    seen = {name: "[fixed]" for name in fixed}
    for dim in dims:
        for flag in dim.flags:
            if flag in seen:
                fail(f"flag '{flag}' is set twice: in {seen[flag]} and in grid.{dim.name}")
            seen[flag] = f"grid.{dim.name}"

    sweep = Sweep(source=source, stem=stem, example=example, replications=replications,
                  fixed=dict(fixed), dims=dims, plots=[], timeout=timeout,
                  description=description, text=text)

    plots = data.get("plot", [])
    if isinstance(plots, dict):
        plots = [plots]
    if not isinstance(plots, list):
        fail("'plot' must be one or more [[plot]] tables")
    for i, table in enumerate(plots, 1):
        sweep.plots.append(_parse_plot(fail, sweep, i, table))
    names = [p.name for p in sweep.plots]
    for name in names:
        if names.count(name) > 1:
            fail(f"two plots are named '{name}': give each [[plot]] its own 'name'")
    return sweep


def _check_flag(fail, where, name, value):
    if not _FLAG_RE.match(name):
        fail(f"{where}: '{name}' is not a flag name")
    if name in RESERVED_FLAGS:
        fail(f"{where}: flag '{name}' is set by the runner; remove it")
    if not isinstance(value, _SCALARS):
        fail(f"{where}: a flag value must be a number, string or boolean, not {value!r}")


def _parse_dimension(fail, name, values):
    where = f"grid.{name}"
    if not isinstance(values, list):
        fail(f"{where}: must be a list of values, not {values!r}")
    if not values:
        fail(f"{where}: empty list (give at least one value)")
    linked = isinstance(values[0], dict)
    entries = []
    if linked:
        keys = None
        for i, table in enumerate(values, 1):
            if not isinstance(table, dict):
                fail(f"{where}: entry {i} is not a table; the list mixes tables and values")
            if not table:
                fail(f"{where}: entry {i} is an empty table")
            for flag, value in table.items():
                _check_flag(fail, f"{where}[{i}]", flag, value)
            if keys is None:
                keys = list(table)
            elif set(table) != set(keys):
                fail(f"{where}: entry {i} sets {', '.join(table)} but entry 1 sets "
                     f"{', '.join(keys)}; every table must set the same flags")
            entries.append({k: table[k] for k in keys})
        flags = tuple(keys)
    else:
        _check_flag(fail, where, name, values[0])
        for i, value in enumerate(values, 1):
            if isinstance(value, dict):
                fail(f"{where}: entry {i} is a table; the list mixes tables and values")
            _check_flag(fail, f"{where}[{i}]", name, value)
            entries.append({name: value})
        flags = (name,)
    canon = [json.dumps(e, sort_keys=True) for e in entries]
    for i, c in enumerate(canon):
        if canon.index(c) != i:
            fail(f"{where}: entry {i + 1} repeats entry {canon.index(c) + 1}")
    return Dimension(name=name, flags=flags, values=tuple(entries), linked=linked)


def _parse_plot(fail, sweep, i, table):
    where = f"plot {i}"
    if not isinstance(table, dict):
        fail(f"{where}: must be a table")
    for key, value in table.items():
        if key not in PLOT_KEYS:
            fail(f"{where}: unknown key '{key}' (allowed: {', '.join(PLOT_KEYS)})")
        if type(value) is not PLOT_KEYS[key]:
            fail(f"{where}: '{key}' must be a {PLOT_KEYS[key].__name__}, not {value!r}")
    for key in ("x", "y"):
        if key not in table:
            fail(f"{where}: '{key}' is missing")
    grid_flags = [f for d in sweep.dims for f in d.flags]
    for key in ("x", "series"):
        flag = table.get(key)
        if flag is None:
            continue
        if flag in sweep.fixed:
            fail(f"{where}: {key} '{flag}' is a [fixed] flag; it must vary in [grid]")
        if flag not in grid_flags:
            fail(f"{where}: {key} '{flag}' is not a flag of this sweep "
                 f"(grid flags: {', '.join(grid_flags) or 'none'})")
    x, series = table["x"], table.get("series")
    if series is not None:
        if series == x:
            fail(f"{where}: series and x are both '{x}'")
        if sweep.dimension_of(series) is sweep.dimension_of(x):
            fail(f"{where}: x '{x}' and series '{series}' are linked in "
                 f"grid.{sweep.dimension_of(x).name}; they cannot vary independently")
    if table.get("xlog") and table.get("categorical"):
        fail(f"{where}: 'xlog' and 'categorical' cannot both be true")
    for k, v in table.get("xnames", {}).items():
        if not isinstance(v, str):
            fail(f"{where}: xnames.{k} must be a string")
    name = table.get("name", f"{table['y']}-vs-{x}")
    if not _NAME_RE.match(name):
        fail(f"{where}: name '{name}' may hold only letters, digits and _ . = -")
    opts = {k: v for k, v in table.items() if k not in ("name",)}
    return PlotSpec(name=name, **opts)
