"""Running a sweep end to end on the fake example: results, resume, failures."""

import csv
import os
import shlex
import subprocess
import sys

from conftest import BASIC, EXAMPLE, calls

from bsdsweep import REPO_ROOT
from bsdsweep.runner import RunSpec, execute_run


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def test_run_writes_runs_aggregate_and_plot(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    status, _, err = run_cli("run", sweep_file(), "--build", build, "--out", out, "--jobs", 2)
    assert status == 0, err
    assert calls(build) == 12
    runs = read_csv(out / "runs.csv")
    assert len(runs) == 12
    assert {r["RngRun"] for r in runs} == {"1", "2", "3"}
    agg = read_csv(out / "aggregate.csv")
    assert len(agg) == 4 and all(r["n"] == "3" for r in agg)
    png = out / "plots" / "peak.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "sweep.toml").read_text() == BASIC
    assert len(read_csv(out / "points.csv")) == 4
    assert not (out / "failures.txt").exists()
    # the runner's own files next to the example's
    run_dir = out / "runs" / runs[0]["run_id"]
    assert (run_dir / "command.txt").read_text().startswith(str(build / EXAMPLE) + " --duration=60")
    assert (run_dir / "stdout.txt").read_text().splitlines()[-1].startswith('{"example"')


def test_resume_runs_nothing_twice(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(), "--build", build, "--out", out)[0] == 0
    first = {n: (out / n).read_bytes() for n in ("runs.csv", "aggregate.csv")}
    assert calls(build) == 12
    status, _, err = run_cli("run", sweep_file(), "--build", build, "--out", out)
    assert status == 0
    assert calls(build) == 12, "the second run executed runs again"
    assert "12 already done, skipped; 0 to run" in err
    assert {n: (out / n).read_bytes() for n in first} == first
    # a run whose summary is gone is run again, and only that one
    (out / "runs" / read_csv(out / "runs.csv")[5]["run_id"] / "summary.json").unlink()
    status, _, err = run_cli("run", sweep_file(), "--build", build, "--out", out)
    assert status == 0 and calls(build) == 13
    assert "11 already done, skipped; 1 to run" in err


def test_failures_are_reported_and_others_complete(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    text = BASIC.replace("duration = 60", "duration = 60\nfail-if-rate = 30")
    status, _, err = run_cli("run", sweep_file(text), "--build", build, "--out", out)
    assert status != 0
    # the 6 runs at rate 30 failed; the 6 at rate 10 completed
    assert calls(build) == 12
    assert len(read_csv(out / "runs.csv")) == 6
    assert "6 ok, 6 failed" in err
    (pid,) = [p["point_id"] for p in read_csv(out / "points.csv")
              if (p["personality"], p["rate"]) == ("bsdos-4", "30")]
    cmd = shlex.join([str(build / EXAMPLE), "--duration=60", "--fail-if-rate=30",
                      "--personality=bsdos-4", "--rate=30", "--RngRun=2",
                      f"--outdir={out}/runs/{pid}-r2"])
    report = (out / "failures.txt").read_text()
    for shown in (err, report):
        assert f"run {pid}-r2: failed: exit status 1" in shown
        assert cmd in shown
        assert "fake-example: simulated crash at rate 30" in shown
        assert "fake-example: warming up" in shown
    # the failures are run again next time; the successes are not
    status, _, err = run_cli("run", sweep_file(text), "--build", build, "--out", out)
    assert status != 0 and calls(build) == 18
    assert "6 already done, skipped; 6 to run" in err


def test_bad_flag_timeout_and_missing_summary(tmp_path, build):
    exe = str(build / EXAMPLE)

    def spec(name, *flags, timeout=None):
        outdir = tmp_path / name
        return RunSpec(name, "p", 1, (exe, *flags, "--RngRun=1", f"--outdir={outdir}"),
                       str(outdir), timeout)

    assert execute_run(spec("good", "--rate=3")).status == "ok"
    bad = execute_run(spec("bad", "--colour=red"))
    assert (bad.status, bad.returncode) == ("bad-flag", 2)
    assert "unknown flag --colour" in bad.stderr_tail
    slow = execute_run(spec("slow", "--sleep=10", timeout=0.5))
    assert slow.status == "timeout" and "timed out after 0.5 s" in slow.reason
    assert slow.seconds < 5
    empty = execute_run(spec("empty", "--no-summary=true"))
    assert empty.status == "no-summary"
    missing = RunSpec("x", "p", 1, (str(tmp_path / "nope"),), str(tmp_path / "x"))
    assert execute_run(missing).status == "error"


def test_timeout_option(tmp_path, build, sweep_file, run_cli):
    text = BASIC.replace("duration = 60", "duration = 60\nsleep = 5").replace(
        "replications = 3", "replications = 1").replace('["bsdos-4", "freebsd-4"]', '["bsdos-4"]')
    status, _, err = run_cli("run", sweep_file(text), "--build", build,
                             "--out", tmp_path / "out", "--timeout", 0.3)
    assert status == 1
    assert err.count("timed out after 0.3 s") == 2


def test_missing_binary_says_build_first(tmp_path, sweep_file, run_cli):
    status, _, err = run_cli("run", sweep_file(), "--build", tmp_path / "nobuild",
                             "--out", tmp_path / "out")
    assert status == 2
    assert "no such example binary; run `make build` first" in err


def test_bad_sweep_file_exits_2(tmp_path, build, sweep_file, run_cli):
    status, _, err = run_cli("run", sweep_file("example = 'x'\nreplications = 0\n"),
                             "--build", build, "--out", tmp_path / "out")
    assert status == 2
    assert "'replications' must be an integer >= 1" in err


def test_dry_run_prints_commands_only(tmp_path, build, sweep_file, run_cli):
    status, out, _ = run_cli("run", sweep_file(), "--build", build,
                             "--out", tmp_path / "out", "--dry-run")
    assert status == 0 and calls(build) == 0
    lines = out.splitlines()
    assert len(lines) == 12 and all(line.startswith(str(build / EXAMPLE)) for line in lines)


def test_module_runs_from_repo_root_and_tools_sweep(tmp_path, build, sweep_file):
    text = BASIC.replace("replications = 3", "replications = 1")
    env = dict(os.environ, PYTHONPATH="tools/sweep")
    base = ["-m", "bsdsweep", "run", str(sweep_file(text)), "--build", str(build)]
    root = subprocess.run([sys.executable, *base, "--out", str(tmp_path / "a")],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    assert root.returncode == 0, root.stderr
    env.pop("PYTHONPATH")
    sub = subprocess.run([sys.executable, *base, "--out", str(tmp_path / "b")],
                         cwd=REPO_ROOT / "tools" / "sweep", env=env, capture_output=True,
                         text=True)
    assert sub.returncode == 0, sub.stderr
    assert (tmp_path / "a" / "runs.csv").read_text() == (tmp_path / "b" / "runs.csv").read_text()
