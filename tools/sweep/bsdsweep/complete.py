"""When is a run finished?  The rules its directory must meet to be counted.

A study (``helper/bsd-study.cc``) writes into its ``--outdir``:
``table.csv`` (a header, then a line a second, while it runs) and, at the
very end, ``summary.json``, one JSON object whose keys always include
``REQUIRED_KEYS``.  A run is *complete* when

- ``summary.json`` is one JSON object with every key of ``REQUIRED_KEYS``,
  and its ``RngRun`` (and ``example``) are the run's;
- ``table.csv`` has a header and ends with a whole line: a newline at the
  end, and as many fields on the last line as in the header;
- the runner's marker ``.done`` is there and still matches: the runner
  writes it only after the example exited 0 and the two checks above
  passed, with the SHA-1 of ``summary.json`` and the size of
  ``table.csv`` it checked.

Only the runner knows the exit status, so valid-looking files without a
marker (a run whose runner was killed, an orphan that went on writing)
are not counted; and files changed after the marker no longer match it.
"""

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

#: Keys every BsdStudy summary has (BsdStudy::Finish).
REQUIRED_KEYS = (
    "example", "RngRun", "personality",
    "peak_routes", "peak_cloned", "peak_arp", "peak_redirect", "peak_pmtu",
    "peak_mem_bytes", "final_routes", "enobufs", "time_to_exhaustion_s",
    "mean_routes", "p95_routes", "growth_rate", "growth_r2",
    "legit_sent", "legit_lost", "legit_delay_ms",
)
SUMMARY = "summary.json"
TABLE = "table.csv"
#: The runner's completion marker in a run directory.
MARKER = ".done"
#: Bytes read from the end of table.csv to find its last line.
_TAIL_BYTES = 65536
#: Missing keys named in a message before "and N more".
_KEYS_SHOWN = 6


@dataclass(frozen=True)
class RunState:
    """What a run directory holds.

    ``state`` is ``absent`` (never started), ``done`` (complete, counted)
    or ``incomplete`` (``reason`` says why); ``summary`` is the summary of
    a ``done`` run.
    """

    state: str
    reason: str = ""
    summary: dict = None


def read_summary(outdir):
    """``summary.json`` as a dict, or (None, why not)."""
    try:
        text = (Path(outdir) / SUMMARY).read_text()
    except FileNotFoundError:
        return None, f"no {SUMMARY}"
    except (OSError, UnicodeDecodeError) as e:
        return None, f"cannot read {SUMMARY}: {e}"
    try:
        summary = json.loads(text)
    except json.JSONDecodeError as e:
        return None, f"{SUMMARY} is not JSON ({e})"
    if not isinstance(summary, dict):
        return None, f"{SUMMARY} is not a JSON object"
    return summary, ""


def _missing_keys(summary):
    """Why ``summary`` lacks required keys, or ""."""
    missing = [k for k in REQUIRED_KEYS if k not in summary]
    if not missing:
        return ""
    shown = ", ".join(missing[:_KEYS_SHOWN])
    more = len(missing) - _KEYS_SHOWN
    return f"{SUMMARY} lacks {shown}" + (f" and {more} more" if more > 0 else "")


def check_summary(outdir, rng_run=None, example=None):
    """The run's summary if complete, else (None, why not)."""
    summary, why = read_summary(outdir)
    if summary is None:
        return None, why
    why = _missing_keys(summary)
    if why:
        return None, why
    if rng_run is not None and summary["RngRun"] != rng_run:
        return None, f"{SUMMARY} is of RngRun={summary['RngRun']}, not {rng_run}"
    if example is not None and summary["example"] != example:
        return None, f"{SUMMARY} is of example {summary['example']!r}, not {example!r}"
    return summary, ""


def _last_line(f, size):
    """The last line of the open binary file ``f`` of ``size`` bytes."""
    f.seek(max(0, size - _TAIL_BYTES))
    tail = f.read()
    return tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]


def check_table(outdir):
    """Why ``table.csv`` is not whole (missing, cut mid-line), or ""."""
    path = Path(outdir) / TABLE
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            header = f.readline()
            if not header.endswith(b"\n"):
                return f"{TABLE} has no complete header line"
            f.seek(size - 1)
            if f.read(1) != b"\n":
                return f"{TABLE} is truncated (its last line has no newline)"
            last = _last_line(f, size)
    except FileNotFoundError:
        return f"no {TABLE}"
    except OSError as e:
        return f"cannot read {TABLE}: {e}"
    want, got = header.count(b",") + 1, last.count(b",") + 1
    if got != want:
        return f"{TABLE} is truncated (last line has {got} fields, header {want})"
    return ""


def check_outputs(outdir, rng_run=None, example=None):
    """The summary of a run whose outputs are complete, else (None, why not)."""
    summary, why = check_summary(outdir, rng_run, example)
    if summary is None:
        return None, why
    why = check_table(outdir)
    return (None, why) if why else (summary, "")


def _fingerprint(outdir):
    """What the marker pins: SHA-1 of summary.json, size of table.csv."""
    d = Path(outdir)
    return {"summary_sha1": hashlib.sha1((d / SUMMARY).read_bytes()).hexdigest(),
            "table_bytes": (d / TABLE).stat().st_size}


def write_marker(outdir, **facts):
    """Write ``.done`` (atomically) for checked outputs, with ``facts``."""
    d = Path(outdir)
    tmp = d / (MARKER + ".tmp")
    tmp.write_text(json.dumps({**_fingerprint(d), **facts}) + "\n")
    os.replace(tmp, d / MARKER)


def remove_marker(outdir):
    """Remove ``.done``: the run is about to be (re)run."""
    (Path(outdir) / MARKER).unlink(missing_ok=True)


def _marker_mismatch(outdir):
    """Why ``.done`` does not match the outputs, or ""."""
    try:
        marker = json.loads((Path(outdir) / MARKER).read_text())
        now = _fingerprint(outdir)
    except (OSError, ValueError) as e:
        return f"unreadable {MARKER} ({e})"
    if not isinstance(marker, dict):
        return f"unreadable {MARKER}"
    if marker.get("summary_sha1") != now["summary_sha1"]:
        return f"{SUMMARY} changed since {MARKER} was written"
    if marker.get("table_bytes") != now["table_bytes"]:
        return f"{TABLE} changed since {MARKER} was written"
    return ""


def run_state(outdir, rng_run=None, example=None):
    """The ``RunState`` of the run directory ``outdir``."""
    d = Path(outdir)
    if not d.is_dir() or not any(p.name not in (".lock",) for p in d.iterdir()):
        return RunState("absent")
    summary, why = check_outputs(d, rng_run, example)
    if summary is None:
        return RunState("incomplete", why)
    if not (d / MARKER).exists():
        return RunState("incomplete", f"no {MARKER} marker (the runner did not see the run "
                                      f"finish: killed, or still running elsewhere)")
    why = _marker_mismatch(d)
    return RunState("incomplete", why) if why else RunState("done", summary=summary)
