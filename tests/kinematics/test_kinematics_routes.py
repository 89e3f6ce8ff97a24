import numpy as np

from airshield.kinematics import build_routes, dogleg_offsets, path_length


def _direct(length=100e3, alt=np.array([100.0, 2000.0]), speed=50.0, t0=10.0):
    n = alt.size
    launch = np.zeros((n, 2))
    impact = np.tile([length, 0.0], (n, 1))
    return build_routes(launch, impact, np.full(n, t0), np.full(n, speed), alt, np.zeros((n, 2)))


def test_direct_route_length_and_climb_dive():
    alt = np.array([100.0, 2000.0])
    tr = _direct(alt=alt)
    assert tr.segments == 5
    np.testing.assert_allclose(path_length(tr), 100e3)
    climb = np.maximum(1000.0, 1.5 * alt)
    np.testing.assert_allclose(tr.x[:, 1], climb)
    np.testing.assert_allclose(tr.x[:, 4], 100e3 - climb)
    np.testing.assert_allclose(tr.z, np.column_stack([0 * alt, alt, alt, alt, alt, 0 * alt]))
    np.testing.assert_allclose(tr.y, 0.0)
    slant = np.hypot(climb, alt)
    np.testing.assert_allclose(tr.end_time, 10.0 + (100e3 - 2 * climb + 2 * slant) / 50.0)


def test_lateral_offsets_are_left_positive():
    tr = build_routes(np.zeros((1, 2)), np.array([[90e3, 0.0]]), np.zeros(1), np.full(1, 100.0),
                      np.full(1, 500.0), np.array([[5e3, -7e3]]))
    np.testing.assert_allclose([tr.x[0, 2], tr.y[0, 2]], [30e3, 5e3])
    np.testing.assert_allclose([tr.x[0, 3], tr.y[0, 3]], [60e3, -7e3])
    assert path_length(tr)[0] > 90e3
    assert np.all(np.diff(tr.t, axis=1) > 0)


def test_short_route_shrinks_climb_and_dive():
    tr = _direct(length=1500.0, alt=np.array([3000.0]))
    np.testing.assert_allclose(path_length(tr), 1500.0)
    assert np.all(np.diff(tr.x, axis=1) >= 0)
    assert tr.x[0, 1] < 500.0 and tr.x[0, 4] > 1000.0


def test_dogleg_avoids_defended_side():
    n = 400
    rng = np.random.default_rng(3)
    launch = np.zeros((n, 2))
    impact = np.tile([300e3, 0.0], (n, 1))
    defended = np.array([[150e3, 50e3]])  # north = left of an eastward route
    lat = dogleg_offsets(launch, impact, defended, np.full(n, 0.1), rng.standard_normal((n, 2)), rng.random((n, 2)))
    assert lat.shape == (n, 2)
    assert np.mean(lat[:, 0] < 0) > 0.9 and np.mean(lat[:, 1] < 0) > 0.9
    assert np.all(np.abs(lat) <= 0.3 * 300e3 + 1e-6)


def test_dogleg_random_side_without_defended_points():
    n = 2000
    lat = dogleg_offsets(np.zeros((n, 2)), np.tile([100e3, 0.0], (n, 1)), np.zeros((0, 2)),
                         np.full(n, 0.5), np.random.default_rng(0).standard_normal((n, 2)),
                         np.random.default_rng(1).random((n, 2)))
    assert 0.4 < np.mean(lat > 0) < 0.6
    assert np.max(np.abs(lat)) <= 30e3 + 1e-6
    assert np.any(np.abs(lat) == 30e3)  # the cap binds for large spread
