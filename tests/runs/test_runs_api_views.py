"""The API's views of a run: short repr, HTML, tidy frames with units, xarray/netCDF, options."""

from __future__ import annotations

import pytest

import airshield
from airshield.errors import InputError
from airshield.runs import RunOptions
from airshield.world import load_world

SMALL = {"raid.waves[0].count": 10, "raid.waves[1].count": 3}


@pytest.fixture(scope="module")
def result():
    return airshield.run("kyiv-small", SMALL, replications=3, seed=2, keep_events=True, progress=False)


def test_repr_is_short_and_html_is_a_table(result):
    text = repr(result)
    assert len(text) < 200 and "kyiv-small" in text and "value points" in text
    html = result._repr_html_()
    assert html.count("<tr>") >= 10 and "value points" in html and "USD" in html


def test_summary_frame_has_units_and_the_interval(result):
    frame = result.summary_frame()
    value = frame[(frame.section == "value_lost")].iloc[0]
    assert value["unit"] == "value points" and value["n"] == 3 and 0 <= value["ci95_low"] <= value["mean"]
    assert set(frame.section) >= {"totals", "by_threat", "interceptors", "cost", "value_lost", "shares"}
    assert frame["unit"].notna().all()


def test_metrics_frame_has_one_row_per_replication_and_measure(result):
    frame = result.metrics_frame()
    leaked = frame[(frame.section == "totals") & (frame.measure == "leaked")]
    assert list(leaked.replication) == [0, 1, 2] and set(leaked.unit) == {"threats"}
    assert not frame.duplicated(["replication", "section", "key", "measure"]).any()
    launched = frame[(frame.section == "by_threat") & (frame.measure == "launched")].groupby("replication").value.sum()
    assert (launched == result.summary.totals.launched).all()


def test_event_logs_carry_lat_lon_and_timestamps(result):
    log = result.event_logs[0]
    launches = log[log.kind == "launch"]
    assert launches["lat"].between(44, 58).all() and launches["lon"].between(28, 50).all()  # Russia and Crimea
    assert (launches["timestamp"] - launches["timestamp"].min()).dt.total_seconds().round(6).tolist() == \
        (launches["time"] - launches["time"].min()).round(6).tolist()
    assert str(log["timestamp"].dt.tz) == "UTC"


def test_raid_start_from_an_override():
    late = airshield.run("kyiv-small", {**SMALL, "run.start": "2024-08-26T03:00:00+03:00"}, replications=1, seed=1,
                         keep_events=True, progress=False)
    first = late.event_logs[0]["timestamp"].min()
    assert first >= __import__("pandas").Timestamp("2024-08-26T00:00:00Z")


def test_netcdf_round_trip(result, tmp_path):
    xr = pytest.importorskip("xarray")
    dataset = result.to_xarray()
    assert dataset["value_lost"].attrs["units"] == "value points"
    assert dataset["leaked_by_threat_type"].dims == ("replication", "threat_type")
    path = result.to_netcdf(tmp_path / "metrics.nc")
    back = xr.open_dataset(path)
    assert back["value_lost"].values.tolist() == pytest.approx(dataset["value_lost"].values.tolist())
    back.close()


def test_options_errors_name_the_option():
    with pytest.raises(InputError, match="did you mean 'replications'"):
        airshield.run("kyiv-small", replicatons=2)
    with pytest.raises(InputError, match="replications"):
        RunOptions(replications=0)
    with pytest.raises(InputError, match="until_precision"):
        RunOptions(until_precision=-1.0)


def test_progress_callback_and_world_source():
    seen = []
    world = load_world("kyiv-small", SMALL)
    result = airshield.run(world, replications=2, seed=1, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)] and result.scenario == "kyiv-small"
