import numpy as np
import pytest

from airshield.kinematics import (Trajectories, build_arcs, build_routes, circle_windows,
                                  detection_windows, dogleg_offsets, envelope_windows,
                                  sphere_windows)
from airshield.physics import radar_horizon

SPEED, ALT, T0, LENGTH = 100.0, 500.0, 20.0, 100e3
CLIMB = max(1000.0, 1.5 * ALT)


def _direct(n=1, length=LENGTH, alt=ALT):
    launch = np.zeros((n, 2))
    impact = np.tile([length, 0.0], (n, 1))
    return build_routes(launch, impact, np.full(n, T0), np.full(n, SPEED), np.full(n, alt), np.zeros((n, 2)))


def _cruise_time(x):
    """Time the direct route reaches along-track x on the cruise leg [s]."""
    return T0 + (np.hypot(CLIMB, ALT) + x - CLIMB) / SPEED


def test_sphere_analytic_window():
    tr = _direct()
    xc, d, zc, r = 40e3, 3e3, 200.0, 8e3
    t_in, t_out = sphere_windows(tr, np.array([[xc, d, zc]]), np.array([r]), np.array([0.0]), np.array([5e3]))
    half = np.sqrt(r**2 - d**2 - (ALT - zc) ** 2)
    assert t_in.shape == (1, 1)
    np.testing.assert_allclose(t_in[0, 0], _cruise_time(xc - half), atol=1e-6)
    np.testing.assert_allclose(t_out[0, 0], _cruise_time(xc + half), atol=1e-6)


def test_never_near_gives_nan():
    tr = _direct()
    t_in, t_out = sphere_windows(tr, np.array([[50e3, 30e3, 0.0]]), np.array([10e3]), [0.0], [5e3])
    assert np.isnan(t_in[0, 0]) and np.isnan(t_out[0, 0])


def test_altitude_band_excludes_high_flyer():
    tr = _direct(alt=5000.0)
    centres = np.array([[50e3, 0.0, 0.0], [50e3, 0.0, 0.0]])
    t_in, _ = sphere_windows(tr, centres, np.array([20e3, 20e3]), np.array([0.0, 0.0]), np.array([3000.0, 6000.0]))
    assert np.isnan(t_in[0, 0]) and not np.isnan(t_in[0, 1])


def test_radius_per_threat_and_point():
    tr = _direct(n=2)
    radius = np.array([[5e3], [50e3]])
    t_in, _ = sphere_windows(tr, np.array([[50e3, 10e3, ALT]]), radius, [0.0], [5e3])
    assert np.isnan(t_in[0, 0]) and not np.isnan(t_in[1, 0])


def test_envelope_cut_at_inner_entry():
    tr = _direct()
    xc, rmin, rmax = 50e3, 2e3, 10e3
    t_in, t_out = envelope_windows(tr, np.array([[xc, 0.0, ALT]]), [rmin], [rmax], [0.0], [5e3])
    np.testing.assert_allclose(t_in[0, 0], _cruise_time(xc - rmax), atol=1e-6)
    np.testing.assert_allclose(t_out[0, 0], _cruise_time(xc - rmin), atol=1e-6)


def test_start_inside_gets_start_time_and_padding_makes_no_window():
    route = _direct(length=20e3)
    arc = build_arcs(np.zeros((1, 2)), np.array([[300e3, 0.0]]), np.zeros(1), np.full(1, 1e3), np.full(1, 50e3))
    tr = Trajectories.concat([route, arc])
    assert tr.segments == 16
    centres = np.array([[0.0, 0.0, 0.0], [20e3, 0.0, 0.0]])
    t_in, t_out = sphere_windows(tr, centres, np.array([3e3, 3e3]), [0.0, 0.0], [1e5, 1e5])
    assert t_in[0, 0] == tr.start_time[0] and t_in[1, 0] == tr.start_time[1]
    np.testing.assert_allclose(t_out[0, 1], tr.end_time[0])
    assert np.isnan(t_in[1, 1])


def test_circle_ignores_altitude():
    tr = _direct(alt=8000.0)
    t_in, t_out = circle_windows(tr, np.array([[50e3, 6e3]]), np.array([10e3]))
    climb = 1.5 * 8000.0
    expect = T0 + (np.hypot(climb, 8000.0) + 50e3 - 8e3 - climb) / SPEED
    np.testing.assert_allclose(t_in[0, 0], expect, atol=1e-6)
    np.testing.assert_allclose(t_out[0, 0] - t_in[0, 0], 16e3 / SPEED, atol=1e-6)


def test_detection_horizon_low_flyer():
    tr = build_routes(np.array([[200e3, 0.0]]), np.zeros((1, 2)), np.zeros(1), np.full(1, 100.0),
                      np.full(1, 30.0), np.zeros((1, 2)))
    t_in, t_out = detection_windows(tr, np.array([[0.0, 0.0, 10.0]]), np.array([[1e7]]), [0.0], [1e5])
    x, y, z = tr.position_of(0, t_in[0, 0])
    dist = np.sqrt(x**2 + y**2 + (z - 10.0) ** 2)
    np.testing.assert_allclose(dist, 4.12e3 * (np.sqrt(10) + np.sqrt(30)), rtol=0.01)
    np.testing.assert_allclose(t_out[0, 0], tr.end_time[0])
    assert radar_horizon(10.0, 30.0) == pytest.approx(dist, rel=1e-9)


# ---- brute force -------------------------------------------------------------------------

def _random_case(seed, n=25, m=15):
    rng = np.random.default_rng(seed)
    launch = rng.uniform(-30e3, 30e3, (n, 2))
    impact = rng.uniform(-30e3, 30e3, (n, 2))
    lateral = dogleg_offsets(launch, impact, rng.uniform(-20e3, 20e3, (3, 2)), np.full(n, 0.2),
                             rng.standard_normal((n, 2)), rng.random((n, 2)))
    routes = build_routes(launch, impact, rng.uniform(0, 100, n), rng.uniform(80, 300, n),
                          rng.uniform(50, 3000, n), lateral)
    arcs = build_arcs(launch[:5], impact[:5], rng.uniform(0, 100, 5), rng.uniform(300, 800, 5),
                      rng.uniform(5e3, 20e3, 5), segments=8)
    tr = Trajectories.concat([routes, arcs])
    centres = np.column_stack([rng.uniform(-30e3, 30e3, (m, 2)), rng.uniform(0, 500, m)])
    return tr, centres, rng


def _sampled(tr, dt=0.05):
    grid = np.arange(tr.start_time.min() - 1, tr.end_time.max() + 1, dt)
    pos = [np.stack([np.interp(grid, tr.t[i], a[i], left=np.nan, right=np.nan) for i in range(tr.n)])
           for a in (tr.x, tr.y, tr.z)]
    return grid, pos  # each (n, T); NaN outside flight


def _first_run(grid, mask):
    """Brute-force first contiguous window of each (n, m, T) mask."""
    n, m, _ = mask.shape
    t_in = np.full((n, m), np.nan)
    t_out = np.full((n, m), np.nan)
    for i in range(n):
        for j in range(m):
            idx = np.flatnonzero(mask[i, j])
            if idx.size:
                gaps = np.flatnonzero(np.diff(idx) > 1)
                last = idx[gaps[0]] if gaps.size else idx[-1]
                t_in[i, j], t_out[i, j] = grid[idx[0]], grid[last]
    return t_in, t_out


def _compare(got, want, tol=1.0):
    for g, w in zip(got, want):
        both = ~np.isnan(g) & ~np.isnan(w)
        np.testing.assert_allclose(g[both], w[both], atol=tol)
        short = (got[1] - got[0]) < tol  # windows shorter than the tolerance may be missed
        assert np.all((np.isnan(g) == np.isnan(w)) | short)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sphere_and_envelope_match_brute_force(seed):
    tr, c, rng = _random_case(seed)
    m = c.shape[0]
    r_max = rng.uniform(3e3, 15e3, m)
    r_min = r_max * rng.uniform(0.05, 0.5, m)
    lo, hi = rng.uniform(0, 300, m), rng.uniform(1000, 15e3, m)
    grid, (x, y, z) = _sampled(tr)
    d = np.sqrt((x[:, None] - c[None, :, 0, None]) ** 2 + (y[:, None] - c[None, :, 1, None]) ** 2
                + (z[:, None] - c[None, :, 2, None]) ** 2)
    band = (z[:, None] >= lo[None, :, None]) & (z[:, None] <= hi[None, :, None])
    outer = (d <= r_max[None, :, None]) & band
    _compare(sphere_windows(tr, c, r_max, lo, hi), _first_run(grid, outer))
    _compare(envelope_windows(tr, c, r_min, r_max, lo, hi),
             _first_run(grid, outer & (d > r_min[None, :, None])))
    dh = np.hypot(x[:, None] - c[None, :, 0, None], y[:, None] - c[None, :, 1, None])
    _compare(circle_windows(tr, c[:, :2], r_max), _first_run(grid, dh <= r_max[None, :, None]))


def test_chunking_gives_same_result(monkeypatch):
    from airshield.kinematics import windows
    tr, c, rng = _random_case(5, m=40)
    r = rng.uniform(3e3, 15e3, 40)
    full = sphere_windows(tr, c, r, np.zeros(40), np.full(40, 1e4))
    monkeypatch.setattr(windows, "CHUNK", 1)
    chunked = sphere_windows(tr, c, r, np.zeros(40), np.full(40, 1e4))
    np.testing.assert_array_equal(full[0], chunked[0])
    np.testing.assert_array_equal(full[1], chunked[1])


def test_hover_segment_and_inner_start():
    # flies east 0 -> 1000 m in 10 s, hovers 10 s, flies on to 2000 m in 10 s, at z = 100 m
    t = np.array([[0.0, 10.0, 20.0, 30.0]])
    x = np.array([[0.0, 1000.0, 1000.0, 2000.0]])
    tr = Trajectories(t, x, np.zeros((1, 4)), np.full((1, 4), 100.0))
    t_in, t_out = sphere_windows(tr, np.array([[1000.0, 0.0, 100.0]]), [500.0], [0.0], [1e3])
    np.testing.assert_allclose([t_in[0, 0], t_out[0, 0]], [5.0, 25.0])
    t_in, t_out = envelope_windows(tr, np.array([[0.0, 0.0, 100.0]]), [200.0], [1500.0], [0.0], [1e3])
    np.testing.assert_allclose([t_in[0, 0], t_out[0, 0]], [2.0, 25.0])
