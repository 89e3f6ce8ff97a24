import numpy as np
import pytest

from airshield.kinematics import Trajectories


def _two():
    t = np.array([[0.0, 10.0, 20.0], [5.0, 5.0, 15.0]])
    x = np.array([[0.0, 100.0, 100.0], [0.0, 0.0, 50.0]])
    y = np.array([[0.0, 0.0, 100.0], [0.0, 0.0, 0.0]])
    z = np.array([[0.0, 10.0, 10.0], [0.0, 0.0, 20.0]])
    return Trajectories(t, x, y, z)


def test_shapes_and_times():
    tr = _two()
    assert tr.n == 2 and tr.segments == 2
    np.testing.assert_array_equal(tr.start_time, [0, 5])
    np.testing.assert_array_equal(tr.end_time, [20, 15])


def test_position_at_waypoints_and_between():
    tr = _two()
    for k in range(3):
        x, y, z = tr.position(tr.t[:, k])
        np.testing.assert_allclose(x, tr.x[:, k])
        np.testing.assert_allclose(y, tr.y[:, k])
        np.testing.assert_allclose(z, tr.z[:, k])
    x, y, z = tr.position(np.array([5.0, 10.0]))
    np.testing.assert_allclose(x, [50, 25])
    np.testing.assert_allclose(z, [5, 10])


def test_position_clamped_outside():
    tr = _two()
    x, y, z = tr.position(-100.0)
    np.testing.assert_allclose(x, tr.x[:, 0])
    x, y, z = tr.position(1e6)
    np.testing.assert_allclose(y, tr.y[:, -1])
    np.testing.assert_allclose(z, tr.z[:, -1])


def test_position_of_matches_position():
    tr = _two()
    for time in (-1.0, 3.0, 12.5, 30.0):
        x, y, z = tr.position(time)
        for i in range(2):
            np.testing.assert_allclose(tr.position_of(i, time), (x[i], y[i], z[i]))


def test_concat_pads_and_subset():
    tr = _two()
    one = Trajectories(np.array([[0.0, 1.0]]), np.array([[0.0, 1.0]]), np.zeros((1, 2)), np.zeros((1, 2)))
    both = Trajectories.concat([one, tr])
    assert both.n == 3 and both.segments == 2
    np.testing.assert_array_equal(both.t[0], [0, 1, 1])
    np.testing.assert_array_equal(both.x[0], [0, 1, 1])
    sub = both.subset([2, 0])
    assert sub.n == 2 and sub.segments == 2
    np.testing.assert_array_equal(sub.t[1], [0, 1, 1])
    np.testing.assert_array_equal(both.subset(np.array([True, False, False])).x, [[0, 1, 1]])


def test_rejects_bad_input():
    with pytest.raises(ValueError):
        Trajectories(np.array([[1.0, 0.0]]), np.zeros((1, 2)), np.zeros((1, 2)), np.zeros((1, 2)))
    with pytest.raises(ValueError):
        Trajectories(np.zeros((1, 2)), np.zeros((1, 3)), np.zeros((1, 2)), np.zeros((1, 2)))
