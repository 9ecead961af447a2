"""A run is a process group that is killed whole, in a run directory it locks."""

import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import BASIC, EXAMPLE, calls

from bsdsweep import REPO_ROOT
from bsdsweep.runner import RunSpec, execute_run

#: BASIC with a single run of 30 s that spawns a grandchild.
SLOW = (BASIC.replace("replications = 3", "replications = 1")
        .replace("duration = 60", "duration = 60\nsleep = 30\nspawn = true")
        .replace('["bsdos-4", "freebsd-4"]', '["bsdos-4"]').replace("[10, 30]", "[10]"))


def alive(pid):
    """True if ``pid`` runs (a zombie left to a non-reaping init is dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_for(predicate, seconds=10.0):
    """Poll ``predicate`` until true or ``seconds`` passed; return its last value."""
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.05)
    return predicate()


def read_pid(path):
    try:
        return int(Path(path).read_text())
    except (OSError, ValueError):
        return None


@pytest.fixture
def reaper():
    """Pids to SIGKILL at the end of the test, whatever happened."""
    pids = []
    yield pids
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, TypeError):
            pass


def slow_spec(tmp_path, build, name="slow", timeout=None):
    outdir = tmp_path / name
    return RunSpec(name, "p", 1, (str(build / EXAMPLE), "--sleep=30", "--spawn=true",
                                  "--RngRun=1", f"--outdir={outdir}"), str(outdir), timeout)


def test_timeout_kills_the_whole_process_group(tmp_path, build, reaper):
    spec = slow_spec(tmp_path, build, timeout=1.0)
    try:
        res = execute_run(spec)
    finally:
        reaper += [read_pid(tmp_path / "slow" / n) for n in ("example.pid", "grandchild.pid")]
    assert res.status == "timeout" and res.seconds < 10
    grandchild = read_pid(tmp_path / "slow" / "grandchild.pid")
    assert grandchild is not None
    assert wait_for(lambda: not alive(grandchild), 5), "the grandchild outlived the timeout"


def test_cancel_kills_the_whole_process_group(tmp_path, build, reaper):
    spec = slow_spec(tmp_path, build)
    cancel = threading.Event()
    box = []
    worker = threading.Thread(target=lambda: box.append(execute_run(spec, cancel=cancel)))
    worker.start()
    try:
        assert wait_for(lambda: read_pid(tmp_path / "slow" / "grandchild.pid"), 10)
        pids = [read_pid(tmp_path / "slow" / n) for n in ("example.pid", "grandchild.pid")]
        reaper += pids
        cancel.set()
        worker.join(10)
    finally:
        cancel.set()
    assert not worker.is_alive() and box[0].status == "cancelled"
    assert wait_for(lambda: not any(alive(p) for p in pids), 5)


def test_locked_run_dir_is_busy_not_run(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    one = BASIC.replace("replications = 3", "replications = 1")
    assert run_cli("run", sweep_file(one), "--build", build, "--out", out)[0] == 0
    first = sorted((out / "runs").iterdir())[0]
    (first / ".done").unlink()                      # it has to run again
    # hold the lock of its directory, as another runner would
    with open(first / ".lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        status, _, err = run_cli("run", sweep_file(one), "--build", build, "--out", out)
    assert status == 1
    assert f"run {first.name}: busy: {first} is locked" in err
    assert calls(build) == 4, "a locked run directory was run"


def test_killed_runner_leaves_a_locked_dir_not_a_second_writer(tmp_path, build, sweep_file,
                                                               run_cli, reaper):
    """SIGKILL the runner: its orphaned run keeps the lock; a rerun reports it busy."""
    out = tmp_path / "out"
    path = sweep_file(SLOW)
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "tools" / "sweep"))
    runner = subprocess.Popen([sys.executable, "-m", "bsdsweep", "run", str(path), "--build",
                               str(build), "--out", str(out), "--no-progress"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    reaper.append(runner.pid)
    try:
        found = wait_for(lambda: list(out.glob("runs/*/grandchild.pid")), 15)
        assert found, "the run did not start"
        run_dir = found[0].parent
        reaper += [read_pid(run_dir / "example.pid"), read_pid(run_dir / "grandchild.pid")]
        runner.kill()
        runner.wait(10)
        status, _, err = run_cli("run", path, "--build", build, "--out", out, "--no-progress")
        assert status == 1
        assert "busy" in err and str(run_dir) in err
        assert calls(build) == 1, "the orphan's run directory was run a second time"
    finally:
        runner.kill()
        runner.wait(10)


def test_sigterm_to_the_runner_kills_its_runs(tmp_path, build, sweep_file, reaper):
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "tools" / "sweep"))
    runner = subprocess.Popen([sys.executable, "-m", "bsdsweep", "run", str(sweep_file(SLOW)),
                               "--build", str(build), "--out", str(out), "--no-progress"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    reaper.append(runner.pid)
    try:
        found = wait_for(lambda: list(out.glob("runs/*/grandchild.pid")), 15)
        assert found, "the run did not start"
        pids = [read_pid(found[0].parent / n) for n in ("example.pid", "grandchild.pid")]
        reaper += pids
        runner.terminate()
        _, err = runner.communicate(timeout=10)
    finally:
        runner.kill()
        runner.wait(10)
    assert runner.returncode == 130 and b"interrupted" in err
    assert wait_for(lambda: not any(alive(p) for p in pids), 5)
