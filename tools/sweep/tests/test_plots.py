"""What the plots show, checked on matplotlib's objects (not on pixels)."""

from bsdsweep.names import readable
from bsdsweep.plots import figures
from bsdsweep.results import Row, aggregate
from bsdsweep.sweepfile import load

SWEEP = """
example = "fake-example"
replications = 2
[grid]
personality = ["netbsd-1.5", "bsdos-4", "freebsd-4", "netbsd-2"]
rate = [10, 30, 100, 300]
[[plot]]
x = "rate"
y = "peak_routes"
series = "personality"
xlog = true
"""


def results(tmp_path, text=SWEEP, same=True):
    """A sweep and made-up rows: with ``same``, every series has the same values."""
    path = tmp_path / "s.toml"
    path.write_text(text)
    sweep = load(path)
    rows = []
    for point in sweep.points():
        for r in (1, 2):
            bump = 0 if same else point.choice[0]
            rows.append(Row(f"{point.point_id}-r{r}", point, r,
                            {"example": "fake-example", "RngRun": r,
                             "peak_routes": point.flags["rate"] * 10 + r + bump,
                             "held_lost": r}))
    return sweep, rows, aggregate(sweep, rows)


def only_figure(sweep, rows, agg, plot=0):
    ((_, fig),) = list(figures(sweep, sweep.plots[plot], rows, agg))
    fig.canvas.draw()
    return fig, fig.axes[0]


def test_coinciding_series_stay_visible(tmp_path):
    fig, ax = only_figure(*results(tmp_path))
    lines = [c.lines[0] for c in ax.containers]
    assert [c.get_label() for c in ax.containers] == ["netbsd-1.5", "bsdos-4", "freebsd-4",
                                                    "netbsd-2"]
    # the four lines lie on each other: each has its own marker and dash
    assert len({line.get_marker() for line in lines}) == 4
    assert len({line.get_linestyle() for line in lines}) == 4
    # hollow markers of decreasing size: the ones beneath show around the others
    assert all(line.get_markerfacecolor() == "none" for line in lines)
    sizes = [line.get_markersize() for line in lines]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4


def test_log_axis_ticks_are_the_swept_values(tmp_path):
    fig, ax = only_figure(*results(tmp_path))
    assert ax.get_xscale() == "log"
    assert list(ax.get_xticks()) == [10, 30, 100, 300]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["10", "30", "100", "300"]
    assert all(t.get_text() == "" for t in ax.xaxis.get_minorticklabels())


def test_labels_come_from_readable_names(tmp_path):
    fig, ax = only_figure(*results(tmp_path))
    assert ax.get_xlabel() == "Attack rate (datagrams/s)"
    assert ax.get_ylabel() == "Peak routes"
    assert ax.get_title() == "Peak routes against attack rate"
    assert ax.get_legend().get_title().get_text() == "Personality"


def test_sweep_file_labels_win(tmp_path):
    text = SWEEP + 'title = "T"\nxlabel = "X"\nylabel = "Y"\n'
    fig, ax = only_figure(*results(tmp_path, text))
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("T", "X", "Y")


def test_readable_names():
    assert readable("peak_routes") == "Peak routes"
    assert readable("rate") == "Attack rate (datagrams/s)"
    assert readable("rtq-toomany") == "rtq_toomany (cloned-route cache limit)"
    # a field not in the table is still not shown raw
    assert readable("foo_bar_ms") == "Foo bar (ms)"
    assert readable("kernel.mem_s") == "Kernel mem (s)"
