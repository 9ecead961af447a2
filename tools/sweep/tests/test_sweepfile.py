"""The sweep file: grid expansion, linked values, ids, and bad files."""

import re

import pytest

from bsdsweep.runner import plan
from bsdsweep.sweepfile import SweepError, loads

LINKED = """
example = "fake-example"
replications = 2
[fixed]
duration = 60
pcap = false
[grid]
policy = ["refuse", "evict"]
watermarks = [{hiwat = -1, lowat = -1}, {hiwat = 1000, lowat = 250}, {hiwat = 400, lowat = 100}]
"""


def test_cartesian_product_with_fixed_flags():
    sweep = loads("""
example = "fake-example"
[fixed]
duration = 600
destinations = 100000
[grid]
personality = ["netbsd-1.5", "bsdos-4", "freebsd-4", "netbsd-2"]
rate = [10, 30, 100]
""")
    points = sweep.points()
    assert len(points) == 4 * 3
    assert sweep.flag_names() == ["duration", "destinations", "personality", "rate"]
    # every point carries the fixed flags; the last grid entry varies fastest
    assert all(p.flags["duration"] == 600 and p.flags["destinations"] == 100000 for p in points)
    assert [(p.flags["personality"], p.flags["rate"]) for p in points[:4]] == [
        ("netbsd-1.5", 10), ("netbsd-1.5", 30), ("netbsd-1.5", 100), ("bsdos-4", 10)]
    assert len({tuple(p.flags.items()) for p in points}) == 12


def test_linked_values_set_flags_together():
    sweep = loads(LINKED)
    points = sweep.points()
    assert len(points) == 2 * 3
    assert sweep.flag_names() == ["duration", "pcap", "policy", "hiwat", "lowat"]
    pairs = {(p.flags["hiwat"], p.flags["lowat"]) for p in points}
    assert pairs == {(-1, -1), (1000, 250), (400, 100)}     # never mixed
    assert sweep.dimension_of("lowat").name == "watermarks"


def test_replications_give_rngrun_1_to_n():
    sweep = loads(LINKED)
    specs = plan(sweep, "/b", "/o")
    assert len(specs) == 6 * 2
    assert [s.rng_run for s in specs[:4]] == [1, 2, 1, 2]
    assert all(f"--RngRun={s.rng_run}" in s.command for s in specs)


def test_run_ids_are_stable_and_readable():
    a = [s.run_id for s in plan(loads(LINKED), "/b", "/o")]
    b = [s.run_id for s in plan(loads(LINKED), "/other/build", "/other/out")]
    assert a == b                                   # same file: same ids
    assert all(re.fullmatch(r"[0-9a-f]{8}-r[12]", r) for r in a)
    assert len(set(a)) == len(a)
    # reordering [fixed] and adding a grid value keeps the old points' ids
    grown = LINKED.replace('duration = 60\npcap = false', 'pcap = false\nduration = 60')
    grown = grown.replace('"evict"]', '"evict", "other"]')
    c = [s.run_id for s in plan(loads(grown), "/b", "/o")]
    assert len(c) == 18 and set(a) <= set(c)
    # a different fixed value is a different point
    d = [s.run_id for s in plan(loads(LINKED.replace("60", "61")), "/b", "/o")]
    assert not set(a) & set(d)


def test_command_line():
    sweep = loads("""
example = "bsdnet-clone-dos"
[fixed]
pcap = true
share = 0.5
personality = "bsdos-4"
[grid]
rate = [10]
""")
    (spec,) = plan(sweep, "/b", "/o")
    assert spec.command == ("/b/bsdnet-clone-dos", "--pcap=true", "--share=0.5",
                            "--personality=bsdos-4", "--rate=10", "--RngRun=1",
                            f"--outdir=/o/runs/{spec.run_id}")
    assert spec.outdir == f"/o/runs/{spec.run_id}"


BAD = [
    ('replication = 3', "unknown top-level key 'replication'"),
    ('[grid]\nrate = []', "grid.rate: empty list"),
    ('replications = 0', "'replications' must be an integer >= 1"),
    ('replications = "3"', "'replications' must be an integer >= 1"),
    ('[grid]\nrate = [1]\n[[plot]]\nx = "speed"\ny = "peak_routes"',
     "plot 1: x 'speed' is not a flag of this sweep"),
    ('[fixed]\nduration = 5\n[grid]\nrate = [1]\n[[plot]]\nx = "duration"\ny = "a"',
     "plot 1: x 'duration' is a [fixed] flag"),
    ('[grid]\nrate = [1, 2]\n[[plot]]\nx = "rate"\ny = "a"\nseries = "mode"',
     "plot 1: series 'mode' is not a flag of this sweep"),
    ('[grid]\nw = [{hiwat = 1, lowat = 0}]\n[[plot]]\nx = "hiwat"\ny = "a"\nseries = "lowat"',
     "x 'hiwat' and series 'lowat' are linked in grid.w"),
    ('[grid]\nrate = [1]\n[[plot]]\nx = "rate"', "plot 1: 'y' is missing"),
    ('[grid]\nrate = [1]\n[[plot]]\nx = "rate"\ny = "a"\ncolour = "red"',
     "plot 1: unknown key 'colour'"),
    ('[fixed]\nrate = 1\n[grid]\nrate = [1, 2]', "flag 'rate' is set twice"),
    ('[fixed]\nRngRun = 4', "fixed.RngRun: flag 'RngRun' is set by the runner"),
    ('[grid]\noutdir = ["a"]', "flag 'outdir' is set by the runner"),
    ('[grid]\nrate = [1, 2, 1]', "grid.rate: entry 3 repeats entry 1"),
    ('[grid]\nw = [{hiwat = 1}, 5]', "grid.w: entry 2 is not a table"),
    ('[grid]\nw = [{hiwat = 1, lowat = 0}, {hiwat = 2}]', "every table must set the same flags"),
    ('[grid]\nrate = 10', "grid.rate: must be a list"),
    ('[fixed]\nrate = [1, 2]', "fixed.rate: a flag value must be"),
    ('timeout = -1', "'timeout' must be a number of seconds > 0"),
    ('rate = [1', "not valid TOML"),
]


@pytest.mark.parametrize("body,message", BAD, ids=[m for _, m in BAD])
def test_bad_sweep_file_names_the_key(body, message):
    text = body if body.startswith("example") else 'example = "fake-example"\n' + body
    with pytest.raises(SweepError) as err:
        loads(text, source="bad.toml")
    assert message in str(err.value)
    assert str(err.value).startswith("bad.toml: ")


def test_missing_example():
    with pytest.raises(SweepError, match="'example' must be given"):
        loads("replications = 2")
