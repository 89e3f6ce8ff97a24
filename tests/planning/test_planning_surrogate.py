"""The response surface (diminishing returns, interactions, trust region) and the space-filling design."""

import numpy as np

from airshield.planning.design import space_filling
from airshield.planning.surrogate import fit_surrogate


def _truth(x):
    m, c = np.array([0.6, 0.3, 0.8]), np.array([2.0, 5.0, 1.0])
    return 10.0 * np.prod(1 - m * (1 - np.exp(-x / c)), axis=1)


def test_fit_recovers_a_layered_surface_with_small_cv_error():
    rng = np.random.default_rng(1)
    x = space_filling(np.array([8, 10, 6]), np.array([1.0, 1.0, 1.0]), 100.0, 24, seed=3)
    x = np.vstack([np.zeros(3, int), np.eye(3, dtype=int), x])
    y = _truth(x) + rng.normal(0, 0.05, len(x))
    model = fit_surrogate(x, y, np.full(len(x), 0.05))
    test = np.array([[4, 5, 3], [1, 9, 0], [8, 0, 6]])
    assert np.allclose(model.predict(test), _truth(test), atol=0.3)
    assert model.cv_rmse < 0.5
    assert np.all(np.diff(model.predict(np.array([[k, 0, 0] for k in range(9)]))) <= 1e-12)  # more never worse
    assert model.inside(model.upper) and not model.inside(model.upper + [1, 0, 0])
    assert np.all(model.upper >= [7, 9, 5])


def test_log_curves_are_concave_and_stop_at_the_fitted_range():
    x = np.array([[0, 0], [1, 0], [0, 1], [3, 2], [2, 4], [4, 4], [1, 3]])
    model = fit_surrogate(x, _truth(np.c_[x, np.zeros(len(x))]), np.full(len(x), 0.01))
    for i, curve in enumerate(model.log_curves([100, 100])):
        slopes = [s for _, s in curve]
        assert all(a >= b - 1e-12 for a, b in zip(slopes, slopes[1:]))
        assert sum(length for length, _ in curve) == model.upper[i]


def test_design_within_budget_and_limits():
    limits, prices = np.array([4, 20, 200]), np.array([1.1e9, 4.3e6, 5e4])
    for budget in (5e8, 2e9, 1e11):
        x = space_filling(limits, prices, budget, 16, seed=1)
        assert x.shape == (16, 3)
        assert np.all(x >= 0) and np.all(x <= limits)
        assert np.all(x @ prices <= budget + 1e-6)
