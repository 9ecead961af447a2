"""The same sweep on a Dask cluster gives the same results as the local pool."""

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
