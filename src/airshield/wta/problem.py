"""The static weapon-target assignment (WTA) problem and its solutions.

Minimise the expected surviving value ``F(x) = sum_j V_j prod_i (1 - p_ij)^x_ij`` over integer
``x_ij >= 0`` with ``sum_j x_ij <= mu_i`` (weapon ``i`` fires at most ``mu_i`` units).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from airshield.errors import InputError

#: probabilities are capped just below 1 wherever a logarithm of ``1 - p`` is taken
P_CAP = 1.0 - 1e-12


@dataclass(frozen=True)
class WtaProblem:
    """One WTA instance.

    ``values`` (T,) target values [value units, >= 0]; ``p`` (W, T) single-shot kill probability of
    one unit of weapon ``i`` fired at target ``j`` [0..1]; ``mu`` (W,) units weapon ``i`` may fire [count].
    """

    values: np.ndarray
    p: np.ndarray
    mu: np.ndarray

    def __post_init__(self) -> None:
        values = np.asarray(self.values, dtype=float)
        p = np.asarray(self.p, dtype=float)
        mu = np.asarray(self.mu)
        _validate(values, p, mu)
        for name, arr in (("values", values), ("p", p), ("mu", mu.astype(np.int64))):
            arr.setflags(write=False)
            object.__setattr__(self, name, arr)

    @property
    def weapons(self) -> int:
        """Number of weapons W."""
        return self.p.shape[0]

    @property
    def targets(self) -> int:
        """Number of targets T."""
        return self.p.shape[1]

    @property
    def log_survival(self) -> np.ndarray:
        """``a_ij = -ln(1 - p_ij)`` (W, T), with p capped at ``1 - 1e-12`` [nepers]."""
        return -np.log1p(-np.minimum(self.p, P_CAP))

    def survival(self, x: np.ndarray) -> np.ndarray:
        """Expected surviving value of each target (T,) under assignment ``x`` (W, T)."""
        x = np.asarray(x)
        return self.values * np.prod((1.0 - self.p) ** x, axis=0)

    def objective(self, x: np.ndarray) -> float:
        """``F(x)``: expected total surviving value under assignment ``x`` (W, T) [value units]."""
        return float(self.survival(x).sum())

    def is_feasible(self, x: np.ndarray) -> bool:
        """True when ``x`` is a non-negative integer (W, T) array using at most ``mu_i`` units per weapon."""
        x = np.asarray(x)
        return (x.shape == self.p.shape and bool(np.all(x >= 0))
                and bool(np.all(x == np.round(x))) and bool(np.all(x.sum(axis=1) <= self.mu)))


def _validate(values: np.ndarray, p: np.ndarray, mu: np.ndarray) -> None:
    if values.ndim != 1:
        raise InputError("target values must be a 1-D array", path="values", expected="shape (T,)")
    if p.ndim != 2 or p.shape[1] != values.shape[0]:
        raise InputError(f"kill probabilities have shape {p.shape}", path="p",
                         expected=f"shape (W, {values.shape[0]})")
    if mu.ndim != 1 or mu.shape[0] != p.shape[0]:
        raise InputError(f"mu has shape {mu.shape}", path="mu", expected=f"shape ({p.shape[0]},)")
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise InputError("target values must be finite and >= 0", path="values", expected="values >= 0")
    if not np.all(np.isfinite(p)) or np.any((p < 0) | (p > 1)):
        raise InputError("kill probabilities must lie in [0, 1]", path="p", expected="0 <= p <= 1")
    if np.any(mu < 0) or np.any(mu != np.round(mu)):
        raise InputError("units per weapon must be integers >= 0", path="mu", expected="integers >= 0")


@dataclass(frozen=True)
class Solution:
    """A solver's answer.

    ``x`` (W, T) units of weapon i fired at target j; ``objective`` F(x) [value units]; ``bound`` a proven
    lower bound on the optimum (None when the solver proves none); ``time_s`` wall time [s]; ``solver`` its
    name; ``optimal`` True when the solver proved ``x`` optimal (within its tolerance).
    """

    x: np.ndarray
    objective: float
    bound: float | None
    time_s: float
    solver: str
    optimal: bool = False
    info: dict = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        """Relative gap ``(objective - bound) / objective`` (0 when both are 0), or None without a bound."""
        if self.bound is None:
            return None
        if self.objective <= 0:
            return 0.0
        return max(0.0, (self.objective - self.bound) / self.objective)

    def assignment(self) -> list[list[int]]:
        """``[weapon, target, units]`` for every pair with units > 0, in weapon then target order."""
        rows, cols = np.nonzero(self.x)
        return [[int(i), int(j), int(self.x[i, j])] for i, j in zip(rows, cols)]

    def to_dict(self) -> dict:
        """A JSON-ready summary."""
        return {"solver": self.solver, "objective": self.objective, "bound": self.bound, "gap": self.gap,
                "optimal": self.optimal, "time_s": self.time_s, "assignment": self.assignment()}
