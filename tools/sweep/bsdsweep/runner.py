"""Run a sweep: one process per run, on a local pool or a Dask cluster.

Each run is ``<build>/<example> --flag=value ... --RngRun=R --outdir=DIR``
with ``DIR = <out>/runs/<run-id>`` and ``run-id = <point-id>-r<R>``.  The
example's contract: exit 0 and write ``DIR/summary.json`` (one JSON object
with the keys every study writes) and a whole ``DIR/table.csv`` on success;
exit 2 on a bad flag; anything else is a failure.

Besides the example's own files the runner leaves in ``DIR``:
``command.txt`` (the command line), ``stdout.txt`` and ``stderr.txt``,
``.lock`` (flock'd while the run runs, by the runner and the example) and
``.done`` (the completion marker, see ``complete``).  Each run is a
process group of its own, killed whole on timeout or cancel.

A run that is complete (``complete.run_state``: a full summary, a whole
``table.csv`` and the runner's ``.done`` marker, written after checking
them) is skipped, so an interrupted sweep resumes where it stopped.
``execute_run`` is the one function that runs a run; it is what a Dask
worker is sent, and it never raises: every outcome is a ``RunResult``.
"""

import concurrent.futures
import fcntl
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .complete import check_outputs, remove_marker, run_state, write_marker
from .sweepfile import format_value

#: Lines of a failed run's stderr that are reported.
STDERR_TAIL_LINES = 20
#: The lock file in each run directory.
LOCK = ".lock"
#: Seconds between checks for a timeout or a cancel while a run runs.
POLL_SECONDS = 0.2
#: Seconds a Dask sweep waits while the scheduler has no worker before it gives up.
NO_WORKERS_WAIT = 60.0
#: Seconds between asking the scheduler for its workers (or for a cancel).
DASK_WORKER_CHECK = 1.0
#: Seconds to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = 20


class RunnerError(Exception):
    """The sweep cannot start (no binary, no scheduler); the message says why."""


@dataclass(frozen=True)
class RunSpec:
    """Everything needed to run one run, on this machine or a worker."""

    run_id: str
    point_id: str
    rng_run: int
    command: tuple
    outdir: str
    timeout: float = None

    def command_line(self):
        """The command as a shell would take it."""
        return shlex.join(self.command)


@dataclass(frozen=True)
class RunResult:
    """What became of one run.

    ``status`` is ``ok``, ``failed`` (non-zero exit), ``bad-flag`` (exit
    2), ``timeout``, ``no-summary`` (exit 0 without a summary.json),
    ``incomplete`` (exit 0, but the outputs are not complete: see
    ``complete``), ``busy`` (its directory is locked by another runner or
    a run still alive), ``cancelled`` or ``error`` (could not be started,
    or the cluster lost it).
    """

    run_id: str
    status: str
    command: tuple
    returncode: int = None
    reason: str = ""
    stderr_tail: str = ""
    seconds: float = 0.0

    @property
    def ok(self):
        return self.status == "ok"


def run_id(point_id, rng_run):
    """The id of a run: its point's id and its seed, ``1a2b3c4d-r2``."""
    return f"{point_id}-r{rng_run}"


def build_command(binary, flags, rng_run, outdir):
    """The argument list of one run: flags in order, then RngRun and outdir."""
    args = [str(binary)]
    args += [f"--{name}={format_value(value)}" for name, value in flags.items()]
    args += [f"--RngRun={rng_run}", f"--outdir={outdir}"]
    return args


def plan(sweep, build_dir, out_dir, timeout=None):
    """Every run of ``sweep``, point by point, seed by seed."""
    binary = Path(build_dir) / sweep.example
    specs = []
    for point in sweep.points():
        for r in range(1, sweep.replications + 1):
            rid = run_id(point.point_id, r)
            outdir = Path(out_dir) / "runs" / rid
            specs.append(RunSpec(run_id=rid, point_id=point.point_id, rng_run=r,
                                 command=tuple(build_command(binary, point.flags, r, outdir)),
                                 outdir=str(outdir), timeout=timeout))
    return specs


def check_binary(build_dir, example):
    """Raise RunnerError unless ``<build_dir>/<example>`` can be run."""
    binary = Path(build_dir) / example
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        raise RunnerError(f"{binary}: no such example binary; run `make build` first "
                          f"(or pass --build DIR)")


def example_of(spec):
    """The example's name, as its summary gives it: the binary's file name."""
    return Path(spec.command[0]).name


def state_of(spec):
    """The ``RunState`` of ``spec``'s directory (absent, done or incomplete)."""
    return run_state(spec.outdir, spec.rng_run, example_of(spec))


def _tail(path, lines=STDERR_TAIL_LINES):
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip("\n").splitlines()[-lines:])


class RunBusy(Exception):
    """The run directory is locked by another runner or a run still alive."""


def lock_run_dir(outdir):
    """Lock ``outdir/.lock`` (flock, not waiting); return the open fd.

    The lock is held as long as any process has the fd open: the runner,
    and the example it hands the fd to.  A runner killed with SIGKILL thus
    leaves its run locked until the orphaned example ends.  Raises RunBusy
    (saying who holds it) if the lock is taken.
    """
    fd = os.open(Path(outdir) / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 512, 0).decode(errors="replace").strip() or "unknown holder"
        os.close(fd)
        raise RunBusy(f"{outdir} is locked ({holder}): another runner, or a run left "
                      f"running by a killed runner, is writing it; not run twice") from None
    _note_holder(fd)
    return fd


def _note_holder(fd, pgid=None):
    """Write who holds the lock into the lock file, for a busy message."""
    text = f"runner pid {os.getpid()} on {socket.gethostname()}"
    if pgid is not None:
        text += f", run process group {pgid} (kill -- -{pgid})"
    os.ftruncate(fd, 0)
    os.pwrite(fd, (text + "\n").encode(), 0)


def kill_group(proc):
    """SIGKILL the process group of ``proc`` (the run and all it started); reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def wait_run(proc, timeout=None, cancel=None):
    """Wait for ``proc``: ``exit``, or ``timeout``/``cancelled`` once its group is killed."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        step = POLL_SECONDS
        if deadline is not None:
            step = max(0.0, min(step, deadline - time.monotonic()))
        try:
            proc.wait(timeout=step)
            return "exit"
        except subprocess.TimeoutExpired:
            pass
        if cancel is not None and cancel.is_set():
            kill_group(proc)
            return "cancelled"
        if deadline is not None and time.monotonic() >= deadline:
            kill_group(proc)
            return "timeout"


def execute_run(spec, cancel=None):
    """Run one run and say how it went; never raises.

    The run directory is locked first (a locked one is ``busy``, not
    run).  The example runs in a process group of its own, killed whole
    on timeout or when ``cancel`` (a ``threading.Event``) is set.
    """
    start = time.monotonic()

    def result(status, returncode=None, reason="", tail=True):
        return RunResult(run_id=spec.run_id, status=status, command=spec.command,
                         returncode=returncode, reason=reason,
                         stderr_tail=_tail(outdir / "stderr.txt") if tail else "",
                         seconds=round(time.monotonic() - start, 3))

    outdir = Path(spec.outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        lock = lock_run_dir(outdir)
    except RunBusy as e:
        return result("busy", reason=str(e), tail=False)
    except OSError as e:
        return result("error", reason=f"cannot lock {outdir}: {e}", tail=False)
    try:
        return _execute_locked(spec, outdir, lock, cancel, result)
    finally:
        os.close(lock)


def _execute_locked(spec, outdir, lock, cancel, result):
    """``execute_run`` once the run directory is locked (by fd ``lock``)."""
    try:
        remove_marker(outdir)
        for stale in ("summary.json", "table.csv"):
            (outdir / stale).unlink(missing_ok=True)
        (outdir / "command.txt").write_text(spec.command_line() + "\n")
        with open(outdir / "stdout.txt", "wb") as out, open(outdir / "stderr.txt", "wb") as err:
            proc = subprocess.Popen(spec.command, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, cwd=outdir, start_new_session=True,
                                    pass_fds=(lock,))
        _note_holder(lock, proc.pid)
        how = wait_run(proc, spec.timeout, cancel)
    except OSError as e:
        return result("error", reason=f"cannot run: {e}", tail=False)
    if how == "timeout":
        return result("timeout", reason=f"timed out after {spec.timeout:g} s (killed)")
    if how == "cancelled":
        return result("cancelled", reason="cancelled (killed)")

    rc = proc.returncode
    if rc == 2:
        return result("bad-flag", rc, "exit status 2: a flag was refused")
    if rc < 0:
        return result("failed", rc, f"killed by signal {-rc}")
    if rc != 0:
        return result("failed", rc, f"exit status {rc}")
    return finished(spec, outdir, result)


def finished(spec, outdir, result):
    """The result of a run that exited 0: check its outputs, mark it done."""
    if not (outdir / "summary.json").exists():
        return result("no-summary", 0, "exit status 0 but no summary.json")
    summary, why = check_outputs(outdir, spec.rng_run, example_of(spec))
    if summary is None:
        return result("incomplete", 0, f"exit status 0 but {why}")
    res = result("ok", 0, tail=False)
    try:
        write_marker(outdir, returncode=0, seconds=res.seconds)
    except OSError as e:
        return result("error", 0, f"cannot write the .done marker: {e}")
    return res


def _progress(total, desc, enabled):
    """A tqdm bar on stderr when it is a terminal, else a silent stand-in."""
    from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit="run",
                disable=not (enabled and sys.stderr.isatty()))


def run_local(specs, jobs, desc="runs", progress=True):
    """Run ``specs`` on ``jobs`` local processes at a time; return results.

    On KeyboardInterrupt the runs not started are dropped, the running ones
    are killed (their whole process groups) and the interrupt goes on.
    """
    results = []
    cancel = threading.Event()
    with _progress(len(specs), desc, progress) as bar, \
            concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(execute_run, s, cancel) for s in specs]
        try:
            for fut in concurrent.futures.as_completed(futures):
                results.append(fut.result())
                bar.update(1)
        except KeyboardInterrupt:
            cancel.set()
            for fut in futures:
                fut.cancel()
            raise
    return results


def run_dask(specs, address, desc="runs", progress=True, no_workers_wait=None):
    """Run ``specs`` as one task each on the Dask scheduler at ``address``.

    When the scheduler has had no worker for ``no_workers_wait`` seconds
    (default ``NO_WORKERS_WAIT``), the runs not finished are given up and
    reported as ``error``: "no Dask workers".  On KeyboardInterrupt the
    tasks are cancelled and the runs on the workers killed.
    """
    try:
        from distributed import Client, Event
    except ImportError:
        raise RunnerError("--scheduler needs Dask distributed: "
                          "apt-get install python3-distributed") from None
    wait = NO_WORKERS_WAIT if no_workers_wait is None else no_workers_wait
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as e:
        raise RunnerError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    with client:
        check_workers(client, address)
        token = uuid.uuid4().hex[:8]
        cancel = DaskCancel(f"bsdsweep-cancel-{token}")
        futures = {client.submit(execute_run, s, cancel, key=f"bsdsweep-{s.run_id}-{token}",
                                 pure=False): s for s in specs}
        with _progress(len(specs), desc, progress) as bar:
            try:
                return gather_dask(client, futures, bar, wait)
            except KeyboardInterrupt:
                Event(cancel.name, client=client).set()
                client.cancel(list(futures))
                raise


def check_workers(client, address):
    """Raise RunnerError unless the cluster has workers that import bsdsweep."""
    try:
        client.run(lambda: __import__("bsdsweep.runner") and True)
    except (ImportError, ModuleNotFoundError) as e:
        raise RunnerError(f"a Dask worker cannot import bsdsweep ({e}); start the "
                          f"workers with PYTHONPATH=<repo>/tools/sweep") from None
    if not client.scheduler_info().get("workers"):
        raise RunnerError(f"the Dask scheduler at {address} has no workers")


def worker_count(client):
    """The number of workers the scheduler has now (0 if it cannot be asked)."""
    try:
        return len(client.nthreads())
    except Exception:               # noqa: BLE001 (a scheduler gone has no workers)
        return 0


def gather_dask(client, futures, bar, wait):
    """The results of ``futures`` ({future: spec}) as they finish.

    Gives the unfinished runs up when no worker has been there for ``wait`` s.
    """
    pending = dict(futures)
    results = []
    alone_since = None
    next_check = 0.0
    while pending:
        for fut in [f for f in pending if f.done()]:
            results.append(dask_result(fut, pending.pop(fut)))
            bar.update(1)
        now = time.monotonic()
        if pending and now >= next_check:
            next_check = now + DASK_WORKER_CHECK
            alone_since = None if worker_count(client) else (alone_since or now)
        if pending and alone_since is not None and now - alone_since >= wait:
            client.cancel(list(pending))
            reason = (f"no Dask workers for {wait:g} s (all gone?); not run: start workers "
                      f"and rerun to resume")
            results += [RunResult(run_id=s.run_id, status="error", command=s.command,
                                  reason=reason) for s in pending.values()]
            bar.update(len(pending))
            return results
        time.sleep(POLL_SECONDS)
    return results


def dask_result(fut, spec):
    """The RunResult of a finished Dask future (an error if the task failed)."""
    if fut.status == "finished":
        return fut.result()
    return RunResult(run_id=spec.run_id, status="error", command=spec.command,
                     reason=f"Dask task {fut.status}: {fut.exception()!r}")


class DaskCancel:
    """The cancel flag a run on a Dask worker polls: a named distributed.Event.

    It has ``is_set()`` like a ``threading.Event``; the scheduler is asked at
    most every ``DASK_WORKER_CHECK`` seconds.
    """

    def __init__(self, name):
        self.name = name
        self._set = False
        self._next = 0.0

    def is_set(self):
        """True once the runner has set the event."""
        now = time.monotonic()
        if not self._set and now >= self._next:
            self._next = now + DASK_WORKER_CHECK
            try:
                from distributed import Event
                self._set = Event(self.name).is_set()
            except Exception:       # noqa: BLE001 (no scheduler: nobody to cancel)
                pass
        return self._set


def format_failure(res):
    """A failed run as a readable block: what happened, command, stderr tail."""
    lines = [f"run {res.run_id}: {res.status}: {res.reason}",
             f"  command: {shlex.join(res.command)}"]
    if res.stderr_tail:
        lines.append("  stderr (last lines):")
        lines += ["    " + line for line in res.stderr_tail.splitlines()]
    else:
        lines.append("  stderr: (empty)")
    return "\n".join(lines)


def write_failures(out_dir, results):
    """Write ``<out>/failures.txt`` for the failed runs (remove it if none)."""
    path = Path(out_dir) / "failures.txt"
    failed = [r for r in results if not r.ok]
    if not failed:
        path.unlink(missing_ok=True)
        return None
    path.write_text("\n\n".join(format_failure(r) for r in failed) + "\n")
    return path
