"""Fixtures: a fake build directory holding a fake example, sweep files."""

import shutil
import stat
from pathlib import Path

import pytest

from bsdsweep.__main__ import main

HERE = Path(__file__).resolve().parent
EXAMPLE = "fake-example"

#: A small sweep over the fake example: 2 x 2 points, 3 replications.
BASIC = """
example = "fake-example"
replications = 3
[fixed]
duration = 60
[grid]
personality = ["bsdos-4", "freebsd-4"]
rate = [10, 30]
[[plot]]
name = "peak"
x = "rate"
y = "peak_routes"
series = "personality"
"""


@pytest.fixture
def build(tmp_path):
    """A build directory with the fake example in it, as ``fake-example``."""
    d = tmp_path / "build"
    d.mkdir()
    exe = d / EXAMPLE
    shutil.copy(HERE / "fake_example.py", exe)
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return d


@pytest.fixture
def sweep_file(tmp_path):
    """Write a sweep file (default: BASIC) and return its path."""
    def write(text=BASIC, name="basic.toml"):
        path = tmp_path / name
        path.write_text(text)
        return path
    return write


def calls(build):
    """How many times the fake example was run."""
    log = build / "calls.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


@pytest.fixture
def run_cli(capsys):
    """Run ``python3 -m bsdsweep`` in this process: (status, stdout, stderr)."""
    def run(*args):
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err
    return run
