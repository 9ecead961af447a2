"""bsdsweep: run a bsdnet example over a grid of flags, collect and plot.

Modules:

- ``sweepfile``: read and check a sweep file (TOML), expand it into points.
- ``complete``: when a run is complete (summary keys, whole ``table.csv``,
  the runner's ``.done`` marker).
- ``runner``: build each run's command line, run them (local pool or Dask),
  each in a locked directory and a process group of its own; skip those
  already complete, report failures.
- ``results``: ``runs.csv`` and ``aggregate.csv`` (mean, 95 % CI, n).
- ``plots``: one PNG per ``[[plot]]`` (and per combination of other flags).
- ``names``: readable names of flags and fields, for titles and axes.
- ``__main__``: the command line (``run``, ``aggregate``, ``plot``).
"""

from pathlib import Path

#: The repository root (``tools/sweep/bsdsweep/`` is three levels down).
REPO_ROOT = Path(__file__).resolve().parents[3]
