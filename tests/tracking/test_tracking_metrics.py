"""GOSPA and OSPA on tiny cases with known values, and agreement with Stone Soup if installed."""

import numpy as np
import pytest

from airshield.tracking import gospa, ospa


def test_gospa_known_values():
    assert gospa(np.zeros((0, 3)), np.zeros((0, 3))).distance == 0.0
    # one missed target: (c^p / alpha)^(1/p) = c / sqrt(2)
    assert gospa(np.zeros((1, 3)), np.zeros((0, 3)), c=10.0).distance == pytest.approx(10.0 / np.sqrt(2))
    # one exact, one 3-4-5 offset, one false track
    truth = np.array([[0.0, 0.0, 0.0], [100.0, 0.0, 0.0]])
    est = np.array([[0.0, 0.0, 0.0], [103.0, 4.0, 0.0], [500.0, 500.0, 0.0]])
    g = gospa(truth, est, c=10.0, p=2.0, alpha=2.0)
    assert g.localisation == pytest.approx(25.0)
    assert g.false == pytest.approx(50.0) and g.missed == 0.0
    assert g.distance == pytest.approx(np.sqrt(75.0))
    assert list(g.assignment) == [0, 1]
    # beyond the cut-off: one missed plus one false, never a pair
    g = gospa(np.zeros((1, 2)), np.array([[20.0, 0.0]]), c=10.0)
    assert g.missed == pytest.approx(50.0) and g.false == pytest.approx(50.0) and g.localisation == 0.0


def test_ospa_known_values():
    assert ospa(np.zeros((0, 2)), np.zeros((0, 2)), c=5.0) == 0.0
    assert ospa(np.zeros((1, 2)), np.zeros((0, 2)), c=5.0) == 5.0
    assert ospa(np.array([[0.0, 0.0]]), np.array([[3.0, 4.0], [100.0, 0.0]]), c=10.0, p=1.0) == pytest.approx(7.5)


def test_gospa_agrees_with_stonesoup():
    pytest.importorskip("stonesoup")
    from stonesoup.metricgenerator.ospametric import GOSPAMetric
    from stonesoup.types.state import State
    rng = np.random.default_rng(2)
    metric = GOSPAMetric(c=50.0, p=2.0)
    for _ in range(5):
        truth, est = rng.uniform(0, 100, (6, 2)), rng.uniform(0, 100, (4, 2))
        theirs = metric.compute_gospa_metric([State(e[:, None]) for e in est], [State(t[:, None]) for t in truth])
        ours = gospa(truth, est, c=50.0, p=2.0)
        assert ours.distance == pytest.approx(theirs[0].value["distance"], rel=1e-9)
