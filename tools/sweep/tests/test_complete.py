"""A run counts only when complete: full summary, whole table.csv, .done marker."""

import csv
import json

from conftest import BASIC, EXAMPLE, calls

from bsdsweep.runner import RunSpec, execute_run

#: BASIC with one replication: 4 runs.
ONE = BASIC.replace("replications = 3", "replications = 1")


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def spec(tmp_path, build, name, *flags):
    outdir = tmp_path / name
    return RunSpec(name, "p", 1, (str(build / EXAMPLE), *flags, "--RngRun=1",
                                  f"--outdir={outdir}"), str(outdir))


def test_incomplete_outputs_are_a_failure(tmp_path, build):
    ok = execute_run(spec(tmp_path, build, "ok", "--rate=3"))
    assert ok.status == "ok" and (tmp_path / "ok" / ".done").exists()
    empty = execute_run(spec(tmp_path, build, "empty", "--summary=empty"))
    assert empty.status == "incomplete"
    assert "summary.json lacks" in empty.reason and "peak_routes" in empty.reason
    partial = execute_run(spec(tmp_path, build, "partial", "--summary=partial"))
    assert partial.status == "incomplete"
    assert "lacks peak_routes" in partial.reason
    cut = execute_run(spec(tmp_path, build, "cut", "--table=truncated"))
    assert cut.status == "incomplete" and "table.csv" in cut.reason
    for name in ("empty", "partial", "cut"):
        assert not (tmp_path / name / ".done").exists()


def test_sweep_reruns_an_empty_summary_with_a_warning(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(ONE), "--build", build, "--out", out)[0] == 0
    assert calls(build) == 4
    rid = read_csv(out / "runs.csv")[1]["run_id"]
    (out / "runs" / rid / "summary.json").write_text("{}\n")
    # aggregate does not count it, and says so
    status, _, err = run_cli("aggregate", out)
    assert f"{out}/runs/{rid}: incomplete: summary.json lacks" in err
    assert len(read_csv(out / "runs.csv")) == 3
    # a rerun warns, runs it again, and counts it
    status, _, err = run_cli("run", sweep_file(ONE), "--build", build, "--out", out)
    assert status == 0, err
    assert f"{out}/runs/{rid}: incomplete: summary.json lacks" in err
    assert "3 already done, skipped; 1 to run" in err
    assert calls(build) == 5
    assert len(read_csv(out / "runs.csv")) == 4


def test_sweep_reruns_a_truncated_table(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(ONE), "--build", build, "--out", out)[0] == 0
    rid = read_csv(out / "runs.csv")[2]["run_id"]
    table = out / "runs" / rid / "table.csv"
    table.write_bytes(table.read_bytes()[:-7])
    status, _, err = run_cli("run", sweep_file(ONE), "--build", build, "--out", out)
    assert status == 0, err
    assert f"{out}/runs/{rid}: incomplete: table.csv" in err
    assert calls(build) == 5
    assert len(read_csv(out / "runs.csv")) == 4


def test_valid_outputs_without_marker_are_rerun(tmp_path, build, sweep_file, run_cli):
    """Outputs the runner did not see finish (killed runner, orphan) do not count."""
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(ONE), "--build", build, "--out", out)[0] == 0
    rid = read_csv(out / "runs.csv")[0]["run_id"]
    (out / "runs" / rid / ".done").unlink()
    status, _, err = run_cli("run", sweep_file(ONE), "--build", build, "--out", out)
    assert status == 0 and calls(build) == 5
    assert f"{out}/runs/{rid}: incomplete: no .done marker" in err


def test_summary_changed_after_the_marker_is_rerun(tmp_path, build, sweep_file, run_cli):
    out = tmp_path / "out"
    assert run_cli("run", sweep_file(ONE), "--build", build, "--out", out)[0] == 0
    rid = read_csv(out / "runs.csv")[3]["run_id"]
    path = out / "runs" / rid / "summary.json"
    summary = json.loads(path.read_text())
    summary["peak_routes"] += 1
    path.write_text(json.dumps(summary) + "\n")
    status, _, err = run_cli("run", sweep_file(ONE), "--build", build, "--out", out)
    assert status == 0 and calls(build) == 5
    assert f"{out}/runs/{rid}: incomplete: summary.json changed since .done" in err
