"""The same sweep on a Dask cluster gives the same results as the local pool."""

import os
import signal
import threading
import time

import pytest
from conftest import BASIC, calls

distributed = pytest.importorskip("distributed")


@pytest.fixture
def cluster():
    """A one-worker Dask cluster in this process, reached over TCP."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_dask_results_equal_local(tmp_path, build, sweep_file, run_cli, cluster):
    local, dask = tmp_path / "local", tmp_path / "dask"
    path = sweep_file()
    assert run_cli("run", path, "--build", build, "--out", local, "--jobs", 2)[0] == 0
    assert calls(build) == 12
    address = cluster.scheduler_address
    assert address.startswith("tcp://")
    status, _, err = run_cli("run", path, "--build", build, "--out", dask,
                             "--scheduler", address)
    assert status == 0, err
    assert f"running on the Dask scheduler {address}" in err
    assert calls(build) == 24
    for name in ("runs.csv", "aggregate.csv", "points.csv"):
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name
    # resume works the same way on the cluster
    status, _, err = run_cli("run", path, "--build", build, "--out", dask,
                             "--scheduler", address)
    assert status == 0 and calls(build) == 24
    assert "12 already done, skipped; 0 to run" in err


def test_dask_failures_are_reported(tmp_path, build, sweep_file, run_cli, cluster):
    text = BASIC.replace("duration = 60", "duration = 60\nfail-if-rate = 10")
    status, _, err = run_cli("run", sweep_file(text), "--build", build,
                             "--out", tmp_path / "out", "--scheduler", cluster.scheduler_address)
    assert status == 1
    assert "6 ok, 6 failed" in err
    assert "fake-example: simulated crash at rate 10" in err


def test_unreachable_scheduler(tmp_path, build, sweep_file, run_cli, monkeypatch):
    monkeypatch.setattr("bsdsweep.runner.CONNECT_TIMEOUT", 2)
    status, _, err = run_cli("run", sweep_file(), "--build", build, "--out", tmp_path / "out",
                             "--scheduler", "tcp://127.0.0.1:9")
    assert status == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err


def test_no_workers_is_reported_after_a_bounded_wait(tmp_path, build, sweep_file, run_cli,
                                                     cluster, monkeypatch):
    """Every worker gone mid-sweep: the runner says so instead of waiting forever."""
    monkeypatch.setattr("bsdsweep.runner.NO_WORKERS_WAIT", 1.0, raising=False)
    out = tmp_path / "out"
    text = BASIC.replace("duration = 60", "duration = 60\nsleep = 2")
    box = []
    runner = threading.Thread(daemon=True, target=lambda: box.append(run_cli(
        "run", sweep_file(text), "--build", build, "--out", out, "--no-progress",
        "--scheduler", cluster.scheduler_address)))
    runner.start()
    deadline = time.monotonic() + 15
    while not list(out.glob("runs/*/example.pid")) and time.monotonic() < deadline:
        time.sleep(0.05)
    cluster.sync(cluster.workers[0].close)
    runner.join(30)
    assert not runner.is_alive(), "the runner hangs with no workers"
    status, _, err = box[0]
    assert status == 1
    assert "no Dask workers for 1 s" in err
    assert calls(build) < 12                         # the runs not started are reported


def test_cancel_reaches_a_run_on_a_worker(tmp_path, build, cluster):
    """The runner's cancel (Ctrl-C) kills a run's whole process group on the worker."""
    from test_process import alive, read_pid, slow_spec, wait_for

    from bsdsweep.runner import DaskCancel, execute_run
    cancel = DaskCancel("bsdsweep-cancel-test")
    with distributed.Client(cluster.scheduler_address, timeout=10) as client:
        fut = client.submit(execute_run, slow_spec(tmp_path, build), cancel, pure=False)
        pids = []
        try:
            assert wait_for(lambda: read_pid(tmp_path / "slow" / "grandchild.pid"), 15)
            pids = [read_pid(tmp_path / "slow" / n) for n in ("example.pid", "grandchild.pid")]
            distributed.Event(cancel.name, client=client).set()
            res = fut.result(timeout=15)
        finally:
            for pid in pids:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
    assert res.status == "cancelled"
    assert wait_for(lambda: not any(alive(p) for p in pids), 5)
