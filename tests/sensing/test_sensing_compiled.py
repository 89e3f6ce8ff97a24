"""The compiled windowed plot simulation gives the numpy reference's plot table byte for byte
(every column, covariances and scan columns included) and leaves the generator in the same state."""

import numpy as np
import pytest
import yaml

from airshield.sensing import SensingParams, make_sensors, straight_truth
from airshield.sensing.plots import PLOT_COLUMNS
from airshield.sensing.windowed import window_plots

COLUMNS = (*PLOT_COLUMNS, "cov", "scan_time", "scan_sensor")


def assert_same_plots(sensors, truth, t_in, t_out, frame, params, seed=0):
    """Run both paths from one generator state; every column equal in dtype, shape and bytes."""
    rngs = np.random.default_rng(seed), np.random.default_rng(seed)
    fast = window_plots(sensors, truth, t_in, t_out, frame, rngs[0], params, compiled=True)
    ref = window_plots(sensors, truth, t_in, t_out, frame, rngs[1], params, compiled=False)
    for c in COLUMNS:
        a, b = getattr(fast, c), getattr(ref, c)
        assert a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes(), c
    assert rngs[0].bit_generator.state == rngs[1].bit_generator.state
    return ref


def mixed_raid(seed=0, n=40):
    """Radars scanning every 1, 2, 5 and 10 s (one with a minimum elevation, one with Pd 1), an
    acoustic node and an observer, on a 2 s frame; straight targets (some climbing out of the band)
    with windows cut short or missing."""
    rng = np.random.default_rng(seed)
    sensors = make_sensors([-30e3, 30e3, 0.0, 10e3, 5e3, -5e3], [0.0, 0.0, 40e3, -20e3, 0.0, 5e3],
                           z=[10.0, 30.0, 0.0, 120.0, 2.0, 5.0], range=[150e3, 120e3, 200e3, 90e3, 8e3, 6e3],
                           scan_period=[1.0, 2.0, 5.0, 10.0, 1.0, 3.0], p_detect=[0.85, 0.9, 0.7, 1.0, 0.6, 0.8],
                           min_elevation=[0.0, 0.0, 0.01, 0.0, 0.0, 0.0], max_alt=[30e3, 30e3, 30e3, 3e3, 2e3, 3e3],
                           kind=["radar", "radar", "radar", "radar", "acoustic", "observer"])
    start = np.column_stack([rng.uniform(-40e3, 40e3, (n, 2)), rng.uniform(50, 3000, n)])
    vel = np.column_stack([rng.uniform(-200, 200, (n, 2)), rng.uniform(-2, 20, n)])
    truth = straight_truth(start, vel, rng.uniform(0, 30, n), rng.uniform(150, 300, n), rcs=rng.uniform(0.01, 5, n))
    t_in = np.broadcast_to(rng.uniform(0, 60, (n, 1)), (n, sensors.n)).copy()
    t_out = t_in + rng.uniform(20, 250, (n, sensors.n))
    t_in[rng.random((n, sensors.n)) < 0.15] = np.nan
    return sensors, truth, t_in, t_out


@pytest.mark.parametrize("params", [SensingParams(false_alarms=2.0, false_alarms_other=0.5),
                                    SensingParams(false_alarms=0.0, range_factor=1.3, pfa=1e-4),
                                    SensingParams(false_alarms=1.0, noise=False)])
def test_compiled_plots_equal_reference(params):
    sensors, truth, t_in, t_out = mixed_raid()
    ref = assert_same_plots(sensors, truth, t_in, t_out, 2.0, params)
    assert len(ref) > 1000 and set(np.unique(ref.sensor)) == set(range(sensors.n))
    if params.false_alarms:
        assert (ref.truth < 0).any()


def test_compiled_plots_equal_reference_in_blocks(monkeypatch):
    """Several blocks of looks (the uniform and normal draws interleave per block), and plot records
    that must grow to take the false alarms."""
    from airshield.sensing import windowed
    monkeypatch.setattr(windowed, "CHUNK", 997)
    monkeypatch.setattr("airshield.sensing.compiled.driver.CHUNK", 997)
    from airshield.sensing.compiled import driver
    sizes, records = [], driver._records
    monkeypatch.setattr(driver, "_false_bound", lambda mean: 0)
    monkeypatch.setattr(driver, "_records", lambda rows: sizes.append(rows) or records(rows))
    sensors, truth, t_in, t_out = mixed_raid(seed=1)
    assert_same_plots(sensors, truth, t_in, t_out, 2.0, SensingParams(false_alarms=20.0, false_alarms_other=1.0))
    assert len(sizes) == 2  # the records grew


class PositionsOnly:
    """A truth giving positions only through ``positions`` (no waypoints to compile)."""

    def __init__(self, truth):
        self.inner = truth
        self.rcs, self.class_index, self.start, self.end = truth.rcs, truth.class_index, truth.start, truth.end

    def positions(self, rows, times):
        return self.inner.positions(rows, times)


def test_compiled_plots_equal_reference_for_any_truth():
    sensors, truth, t_in, t_out = mixed_raid(seed=2)
    assert_same_plots(sensors, PositionsOnly(truth), t_in, t_out, 2.0, SensingParams(false_alarms=1.0))


def test_compiled_plots_without_looks_or_scans():
    sensors, truth, t_in, t_out = mixed_raid(seed=3, n=3)
    t_in[:] = np.nan
    ref = assert_same_plots(sensors, truth, t_in, t_out, 2.0, SensingParams())
    assert len(ref) == 0 and ref.scans == 0


class Captured(Exception):
    pass


def test_compiled_plots_equal_reference_on_an_engine_night(monkeypatch):
    """kyiv-small in sensor mode, seed 1: the plots of the night from both paths (the inputs caught
    where the engine asks for them, before its tracker runs)."""
    from airshield.engine import tracked_sight
    from airshield.engine.replication import replication_geometry
    from airshield.scenario.builtin import builtin_path
    from airshield.world import load_world

    def capture(sensors, truth, t_in, t_out, frame, rng, params, compiled):
        raise Captured(sensors, truth, t_in, t_out, frame, rng.bit_generator.state, params, compiled)

    doc = yaml.safe_load(builtin_path("kyiv-small").read_text())
    doc["run"] = {**doc.get("run", {}), "tracking": "sensors"}
    monkeypatch.setattr(tracked_sight, "window_plots", capture)
    with pytest.raises(Captured) as caught:
        replication_geometry(load_world(text=yaml.safe_dump(doc)), 1)
    sensors, truth, t_in, t_out, frame, state, params, compiled = caught.value.args
    assert compiled  # the engine's default loop runs the kernels
    rngs = np.random.default_rng(), np.random.default_rng()
    for rng in rngs:
        rng.bit_generator.state = state
    fast = window_plots(sensors, truth, t_in, t_out, frame, rngs[0], params, compiled=True)
    ref = window_plots(sensors, truth, t_in, t_out, frame, rngs[1], params, compiled=False)
    assert len(ref) > 10_000
    for c in COLUMNS:
        assert getattr(fast, c).tobytes() == getattr(ref, c).tobytes(), c
