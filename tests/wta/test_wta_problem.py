import numpy as np
import pytest

from airshield.errors import InputError
from airshield.wta import Solution, WtaProblem


def test_objective_matches_formula():
    prob = WtaProblem([10.0, 20.0], [[0.5, 0.2], [0.1, 0.9]], [2, 1])
    x = np.array([[1, 1], [0, 1]])
    expected = 10 * 0.5 + 20 * 0.8 * 0.1
    assert prob.objective(x) == pytest.approx(expected)
    assert prob.is_feasible(x)
    assert not prob.is_feasible(np.array([[2, 1], [0, 1]]))


@pytest.mark.parametrize("values, p, mu", [
    ([1.0, -1.0], [[0.5, 0.5]], [1]),
    ([1.0, 1.0], [[0.5, 1.5]], [1]),
    ([1.0, 1.0], [[0.5, 0.5, 0.5]], [1]),
    ([1.0, 1.0], [[0.5, 0.5]], [1, 1]),
    ([1.0, 1.0], [[0.5, 0.5]], [-1]),
])
def test_invalid_problems_raise_input_error(values, p, mu):
    with pytest.raises(InputError):
        WtaProblem(values, p, mu)


def test_problem_arrays_are_read_only():
    prob = WtaProblem([1.0], [[0.5]], [1])
    with pytest.raises(ValueError):
        prob.p[0, 0] = 0.1


def test_assignment_lists_positive_units_and_gap():
    sol = Solution(np.array([[0, 2], [1, 0]]), 4.0, 3.0, 0.1, "test")
    assert sol.assignment() == [[0, 1, 2], [1, 0, 1]]
    assert sol.gap == pytest.approx(0.25)
    assert Solution(np.zeros((1, 1), int), 1.0, None, 0.0, "t").gap is None
