import numpy as np

from airshield.kinematics import build_arcs


def test_arc_time_peak_and_impact():
    launch = np.array([[0.0, 0.0], [10e3, 0.0]])
    impact = np.array([[300e3, 400e3], [10e3, 100e3]])
    tr = build_arcs(launch, impact, np.array([0.0, 50.0]), np.array([1000.0, 500.0]),
                    np.array([100e3, 30e3]))
    assert tr.segments == 16
    np.testing.assert_allclose(tr.end_time - tr.start_time, [500.0, 200.0])
    np.testing.assert_allclose(tr.z[:, 8], [100e3, 30e3])
    np.testing.assert_allclose(tr.z.max(axis=1), [100e3, 30e3])
    np.testing.assert_allclose(tr.z[:, -1], 0.0)
    np.testing.assert_allclose(np.column_stack([tr.x[:, -1], tr.y[:, -1]]), impact)
    x, y, z = tr.position(tr.start_time + np.array([250.0, 100.0]))
    np.testing.assert_allclose(x, [150e3, 10e3])
    np.testing.assert_allclose(y, [200e3, 50e3])


def test_arc_with_start_altitude_keeps_peak():
    launch = np.zeros((2, 2))
    impact = np.array([[200e3, 0.0], [200e3, 0.0]])
    tr = build_arcs(launch, impact, np.zeros(2), np.full(2, 800.0), np.array([20e3, 5e3]),
                    start_altitude=np.array([10e3, 10e3]), segments=400)
    np.testing.assert_allclose(tr.z[:, 0], 10e3)
    np.testing.assert_allclose(tr.z.max(axis=1), [20e3, 10e3], rtol=1e-3)
    assert np.all(np.diff(tr.z[1]) <= 1e-9)  # apogee below start: monotone descent
    np.testing.assert_allclose(tr.z[:, -1], 0.0, atol=1e-9)
