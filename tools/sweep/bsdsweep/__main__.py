"""The command line: ``python3 -m bsdsweep run|aggregate|plot``.

Exit status: 0 when every run succeeded and every plot was drawn; 1 when
a run failed or a plot could not be drawn; 2 when the sweep file, the
options or the build are wrong (nothing was run); 130 when interrupted
(Ctrl-C or SIGTERM; the running runs are killed).
"""

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

from . import REPO_ROOT
from .plots import PlotError, draw
from .results import aggregate, collect, write_aggregate_csv, write_points_csv, write_runs_csv
from .runner import (NO_WORKERS_WAIT, RunnerError, check_binary, format_failure, plan,
                     run_dask, run_local, state_of, write_failures)
from .sweepfile import SweepError, load

#: The copy of the sweep file kept with its results (read by aggregate/plot).
SWEEP_COPY = "sweep.toml"


def log(msg):
    """A message to stderr, prefixed with the program's name."""
    print(f"bsdsweep: {msg}", file=sys.stderr, flush=True)


def default_out(sweep):
    """``<repo>/results/sweeps/<file stem>``."""
    return REPO_ROOT / "results" / "sweeps" / sweep.stem


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="python3 -m bsdsweep",
        description="Run a bsdnet example over a grid of flags; collect and plot.")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="run a sweep file, then aggregate and plot")
    r.add_argument("file", help="the sweep file (TOML)")
    r.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                   help="runs at a time on this machine (default: CPUs, %(default)s)")
    r.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run on this Dask distributed scheduler instead of locally")
    r.add_argument("--out", type=Path,
                   help="results directory (default: <repo>/results/sweeps/<file stem>)")
    r.add_argument("--build", type=Path, default=REPO_ROOT / "build",
                   help="where the example binaries are (default: %(default)s)")
    r.add_argument("--timeout", type=float,
                   help="seconds before a run is killed (default: the file's 'timeout', or none)")
    r.add_argument("--no-workers-wait", type=float, metavar="S",
                   help="with --scheduler: give the runs up after S seconds without any "
                        f"worker (default: {NO_WORKERS_WAIT:g})")
    r.add_argument("--dry-run", action="store_true",
                   help="print the command lines of the runs still to do, run nothing")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")

    for name, what in (("aggregate", "write runs.csv and aggregate.csv"),
                       ("plot", "aggregate, then draw the plots")):
        a = sub.add_parser(name, help=f"{what} for an existing results directory")
        a.add_argument("dir", type=Path, help="the results directory of a sweep")
        a.add_argument("--file", type=Path,
                       help=f"sweep file to use instead of DIR/{SWEEP_COPY} "
                            "(e.g. with edited plots)")
    args = p.parse_args(argv)
    if args.command == "run" and args.jobs < 1:
        p.error("--jobs must be at least 1")
    if args.command == "run" and args.timeout is not None and args.timeout <= 0:
        p.error("--timeout must be positive")
    if args.command == "run" and args.no_workers_wait is not None and args.no_workers_wait <= 0:
        p.error("--no-workers-wait must be positive")
    return args


def cmd_run(args):
    sweep = load(args.file)
    out = (args.out or default_out(sweep)).resolve()
    build = args.build.resolve()
    timeout = args.timeout or sweep.timeout
    specs = plan(sweep, build, out, timeout)
    todo = to_run(specs)
    skipped = len(specs) - len(todo)
    npoints = len(specs) // sweep.replications
    log(f"{sweep.stem}: {len(specs)} runs ({npoints} points x {sweep.replications} "
        f"replications); {skipped} already done, skipped; {len(todo)} to run")
    if args.dry_run:
        for s in todo:
            print(s.command_line())
        return 0

    check_binary(build, sweep.example)
    out.mkdir(parents=True, exist_ok=True)
    (out / SWEEP_COPY).write_text(sweep.text)
    write_points_csv(out / "points.csv", sweep)

    start = time.monotonic()
    desc = sweep.stem
    if args.scheduler:
        log(f"running on the Dask scheduler {args.scheduler}")
        results = run_dask(todo, args.scheduler, desc, not args.no_progress,
                           args.no_workers_wait) if todo else []
    else:
        results = run_local(todo, args.jobs, desc, not args.no_progress) if todo else []
    failed = [r for r in results if not r.ok]
    log(f"{len(results)} runs in {time.monotonic() - start:.1f} s: "
        f"{len(results) - len(failed)} ok, {len(failed)} failed; {skipped} skipped")
    failures = write_failures(out, results)
    if failed:
        order = {s.run_id: i for i, s in enumerate(specs)}
        for r in sorted(failed, key=lambda r: order[r.run_id]):
            print(format_failure(r), file=sys.stderr)
        log(f"{len(failed)} failed runs; listed in {failures}")

    status = finish(sweep, out, plot=True, warn=False)
    return 1 if failed else status


def to_run(specs):
    """The runs not complete yet; warn about each incomplete one."""
    todo = []
    for spec in specs:
        st = state_of(spec)
        if st.state == "incomplete":
            log(f"{spec.outdir}: incomplete: {st.reason}; running it again")
        if st.state != "done":
            todo.append(spec)
    return todo


def finish(sweep, out, plot, warn=True):
    """Write runs.csv and aggregate.csv for ``out``; draw the plots if asked.

    With ``warn``, each incomplete run is named with the reason it is not
    counted (``run`` has reported them already).
    """
    rows, missing, incomplete = collect(sweep, out)
    if warn:
        for outdir, why in incomplete:
            log(f"{outdir}: incomplete: {why}; not counted")
    if missing or incomplete:
        log(f"{len(missing) + len(incomplete)} runs are not complete "
            f"({len(incomplete)} failed or cut short, {len(missing)} not run yet)")
    agg = aggregate(sweep, rows)
    write_runs_csv(out / "runs.csv", sweep, rows)
    write_aggregate_csv(out / "aggregate.csv", sweep, rows, agg)
    log(f"wrote {out / 'runs.csv'} ({len(rows)} runs), "
        f"{out / 'aggregate.csv'} ({len(agg)} points)")
    if not plot:
        return 0
    if not rows:
        log("no results: no plots drawn")
        return 1 if sweep.plots else 0
    status = 0
    for spec in sweep.plots:
        try:
            for path in draw(sweep, spec, rows, agg, out / "plots"):
                log(f"wrote {path}")
        except PlotError as e:
            log(str(e))
            status = 1
    return status


def load_results_sweep(args):
    """The sweep of an existing results directory (``--file`` or its copy)."""
    out = args.dir.resolve()
    path = args.file or out / SWEEP_COPY
    if not path.exists():
        raise SweepError(f"{path}: not found; is {out} the results directory of a sweep "
                         f"(or pass --file)?")
    return load(path), out


def _interrupt(signum, frame):
    """SIGTERM as Ctrl-C: the running runs are killed, not left behind."""
    raise KeyboardInterrupt


def main(argv=None):
    """Run the command line; return the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    try:
        if args.command == "run":
            return cmd_run(args)
        sweep, out = load_results_sweep(args)
        return finish(sweep, out, plot=args.command == "plot")
    except (SweepError, RunnerError) as e:
        log(str(e))
        return 2
    except KeyboardInterrupt:
        log("interrupted; rerun the same command to resume")
        return 130
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
