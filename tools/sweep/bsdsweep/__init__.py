"""bsdsweep: run a bsdnet example over a grid of flags, collect and plot.

Modules:

- ``sweepfile``: read and check a sweep file (TOML), expand it into points.
- ``runner``: build each run's command line, run them (local pool or Dask),
  skip those already done, report failures.
- ``results``: ``runs.csv`` and ``aggregate.csv`` (mean, 95 % CI, n).
- ``plots``: one PNG per ``[[plot]]`` (and per combination of other flags).
- ``__main__``: the command line (``run``, ``aggregate``, ``plot``).
"""

from pathlib import Path

#: The repository root (``tools/sweep/bsdsweep/`` is three levels down).
REPO_ROOT = Path(__file__).resolve().parents[3]
