"""runs.csv and aggregate.csv on known data; the t quantiles; plots."""

import csv
import math

import pytest
from conftest import BASIC

from bsdsweep import results
from bsdsweep.results import flatten, mean_ci, t975, t975_table


#: The measurements every study writes after RngRun, as the fake example does.
MEASURED = ["peak_routes", "peak_cloned", "peak_arp", "peak_redirect", "peak_pmtu",
            "peak_mem_bytes", "final_routes", "enobufs", "time_to_exhaustion_s", "mean_routes",
            "p95_routes", "growth_rate", "growth_r2", "legit_sent", "legit_lost",
            "legit_delay_ms"]


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def test_mean_ci_on_known_values():
    mean, hw = mean_ci([1, 2, 3, 4, 5])
    assert mean == 3
    # s = sqrt(2.5), t(0.975, 4) = 2.776445
    assert hw == pytest.approx(2.776445 * math.sqrt(2.5 / 5), rel=1e-6)
    mean, hw = mean_ci([2, 4])
    assert (mean, hw) == (3, pytest.approx(12.706205, rel=1e-6))
    mean, hw = mean_ci([7])
    assert mean == 7 and math.isnan(hw)              # n = 1: no interval
    mean, hw = mean_ci([5, 5, 5])
    assert (mean, hw) == (5, 0)


def test_builtin_t_table(monkeypatch):
    assert t975_table(1) == 12.706205
    assert t975_table(4) == 2.776445
    assert t975_table(35) == t975_table(30)          # the smaller df: wider
    assert t975_table(1000) == pytest.approx(1.959964)
    # without scipy, mean_ci falls back on the table
    monkeypatch.setattr(results, "t975", t975_table)
    assert mean_ci([1, 2, 3, 4, 5])[1] == pytest.approx(2.776445 * math.sqrt(0.5))


def test_table_agrees_with_scipy():
    pytest.importorskip("scipy")
    for df in (1, 2, 5, 10, 30, 60, 120):
        assert t975(df) == pytest.approx(t975_table(df), abs=1e-6)


def test_flatten():
    assert flatten({"a": 1, "k": {"x": None, "y": {"z": True}}, "l": [1, 2]}) == {
        "a": 1, "k.x": None, "k.y.z": True, "l": "[1,2]"}


def test_csv_files_on_known_data(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(), "--build", build, "--out", out)[0] == 0
    runs = read_csv(out / "runs.csv")
    # flags, then RngRun, then the summary fields that are not flags (nor outdir)
    assert list(runs[0]) == ["run_id", "point_id", "duration", "personality", "rate", "RngRun",
                             "example", "budget", *MEASURED, "kernel.mem", "ok", "label"]
    r = next(r for r in runs
             if (r["personality"], r["rate"], r["RngRun"]) == ("freebsd-4", "30", "1"))
    assert (r["peak_routes"], r["mean_routes"], r["time_to_exhaustion_s"], r["ok"]) == (
        "301", "30.0", "", "true")

    agg = {(a["personality"], a["rate"]): a for a in read_csv(out / "aggregate.csv")}
    # all-null fields are not numeric; budget is a flag the example reports
    # (before RngRun) and the sweep never varies: not a measured quantity
    averaged = [*(f for f in MEASURED if f not in ("growth_r2", "legit_delay_ms")),
                "kernel.mem"]
    expected = ["point_id", "duration", "personality", "rate", "n"]
    for f in averaged:
        expected += [f"{f}_mean", f"{f}_ci95"] + (["time_to_exhaustion_s_n"]
                                                  if f == "time_to_exhaustion_s" else [])
    assert list(next(iter(agg.values()))) == expected
    a = agg[("bsdos-4", "30")]
    assert a["n"] == "3"
    # peak_routes = 10 rate + seed, seeds 1..3: mean 302, s = 1, t(2) = 4.302653
    assert float(a["peak_routes_mean"]) == 302
    assert float(a["peak_routes_ci95"]) == pytest.approx(4.302653 / math.sqrt(3), rel=1e-6)
    # time_to_exhaustion_s is null for seed 1: mean of 200 and 300, n = 2, s = 70.71, t(1)
    assert float(a["time_to_exhaustion_s_mean"]) == 250 and a["time_to_exhaustion_s_n"] == "2"
    assert float(a["time_to_exhaustion_s_ci95"]) == pytest.approx(12.706205 * 50, rel=1e-6)
    # mean_routes = rate / seed: 30, 15, 10
    assert float(a["mean_routes_mean"]) == pytest.approx(55 / 3)


def test_one_replication_has_empty_ci(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    text = BASIC.replace("replications = 3", "replications = 1")
    assert run_cli("run", sweep_file(text), "--build", build, "--out", out)[0] == 0
    a = read_csv(out / "aggregate.csv")[0]
    assert a["n"] == "1" and a["peak_routes_mean"] == "101.0" and a["peak_routes_ci95"] == ""


def test_aggregate_and_plot_subcommands(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(), "--build", build, "--out", out)[0] == 0
    before = (out / "aggregate.csv").read_bytes()
    for name in ("runs.csv", "aggregate.csv", "plots/peak.png"):
        (out / name).unlink()
    assert run_cli("aggregate", out)[0] == 0
    assert (out / "aggregate.csv").read_bytes() == before
    assert not (out / "plots" / "peak.png").exists()
    assert run_cli("plot", out)[0] == 0
    assert (out / "plots" / "peak.png").exists()
    # another sweep file may redraw with other plots
    other = sweep_file(BASIC.replace('name = "peak"', 'name = "mean"').replace(
        'y = "peak_routes"', 'y = "mean_routes"'), name="other.toml")
    assert run_cli("plot", out, "--file", other)[0] == 0
    assert (out / "plots" / "mean.png").exists()
    status, _, err = run_cli("plot", tmp_path)
    assert status == 2 and "not found" in err


PLOTS = """
example = "fake-example"
replications = 2
[grid]
mode = ["local", "remote"]
personality = ["bsdos-4", "freebsd-4"]
rate = [10, 30]
pcap = [false, true]
[[plot]]
x = "rate"
y = "peak_routes"
series = "personality"
xlog = true
[[plot]]
name = "by-mode"
x = "mode"
y = "time_to_exhaustion_s"
"""


def test_plot_per_combination_of_other_flags(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    status, _, err = run_cli("run", sweep_file(PLOTS), "--build", build, "--out", out)
    assert status == 0, err
    names = {p.name for p in (out / "plots").iterdir()}
    assert names == {
        f"by-mode--personality={p}_rate={r}_pcap={c}.png"
        for p in ("bsdos-4", "freebsd-4") for r in (10, 30) for c in ("false", "true")
    } | {
        f"peak_routes-vs-rate--mode={m}_pcap={c}.png"
        for m in ("local", "remote") for c in ("false", "true")
    }


def test_plot_of_unknown_field_fails_clearly(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    text = BASIC.replace('y = "peak_routes"', 'y = "peak_rotues"')
    status, _, err = run_cli("run", sweep_file(text), "--build", build, "--out", out)
    assert status == 1
    assert "y 'peak_rotues' is not a numeric summary field of these runs" in err
    assert "peak_routes" in err                      # the fields it could be
    status, _, err = run_cli("plot", out, "--file", sweep_file(BASIC.replace(
        'y = "peak_routes"', 'y = "label"'), name="label.toml"))
    assert status == 1 and "y 'label' is not a numeric summary field" in err


def test_constant_flags_get_no_mean_but_varying_ones_do():
    """Only a reported flag that is the same in every run loses its mean/CI."""
    from bsdsweep.results import Row, constant_flags
    rows = [Row("a-r1", None, 1, {"example": "x", "budget": 8, "hosts": 2, "RngRun": 1,
                                  "peak_routes": 5, "peak_arp": 0}),
            Row("a-r2", None, 2, {"example": "x", "budget": 8, "hosts": 3, "RngRun": 2,
                                  "peak_routes": 6, "peak_arp": 0})]
    # peak_arp is constant too, but it is measured (after RngRun): kept
    assert constant_flags(rows) == {"budget"}
