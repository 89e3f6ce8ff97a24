"""The residual correction of the response surface: it learns what the layered form misses, fades
away from the simulated points, and stays out when the residuals are only noise."""

import numpy as np

from airshield.planning.design import space_filling
from airshield.planning.residual_field import fit_residual_field
from airshield.planning.surrogate import fit_surrogate


def _layered(x):
    m, c = np.array([0.6, 0.5]), np.array([2.0, 3.0])
    return 10.0 * np.prod(1 - m * (1 - np.exp(-x / c)), axis=1)


def _truth(x):
    """Layers plus a synergy the layered form cannot carry: both options together save 1.5 more."""
    both = np.minimum(x[:, 0], 3) * np.minimum(x[:, 1], 3) / 9.0
    return _layered(x) - 1.5 * both


def _points():
    x = space_filling(np.array([8, 8]), np.array([1.0, 1.0]), 100.0, 30, seed=5)
    return np.vstack([np.zeros(2, int), np.eye(2, dtype=int), x])


def test_correction_brings_predictions_of_a_missed_interaction_closer():
    x = _points()
    model = fit_surrogate(x, _truth(x), np.full(len(x), 0.02))
    assert model.correction is not None
    test = np.array([[3, 3], [5, 2], [2, 6], [7, 7]])
    corrected = np.abs(model.predict(test) - _truth(test))
    layered = np.abs(model.layered(test) - _truth(test))
    assert corrected.mean() < 0.5 * layered.mean()


def test_correction_fades_far_from_the_points():
    x = _points()
    model = fit_surrogate(x, _truth(x), np.full(len(x), 0.02))
    far = np.array([[400.0, 400.0]])
    assert abs(model.correction.predict(far)[0]) < 1e-6


def test_noise_alone_is_not_chased():
    """Residuals that are only replication noise (sd 0.3) get no correction or a small one."""
    x = _points().astype(float)
    for seed in range(5):
        residuals = np.random.default_rng(seed).normal(0.0, 0.3, len(x))
        field = fit_residual_field(x, residuals, np.full(len(x), 0.3), np.array([8.0, 8.0]))
        if field is not None:
            assert np.sqrt(np.mean(field.predict(x) ** 2)) < 0.15
