"""Tracker parameters (SI units)."""

from __future__ import annotations

from dataclasses import dataclass

from scipy.stats import chi2


@dataclass(frozen=True)
class TrackerParams:
    """Parameters of :class:`~airshield.tracking.gnn.GnnTracker`.

    Filter: ``q`` white-acceleration spectral density of the constant-velocity model per axis
    [m^2/s^3]; ``init_speed_sigma`` 1-sigma of each velocity component of a new track [m/s].
    Manoeuvre mode (a two-level process noise): when a track's normalised innovation squared
    exceeds ``manoeuvre_nis`` [-] it switches to ``q_manoeuvre`` [m^2/s^3] for the next
    ``manoeuvre_hold`` updates; ``manoeuvre=False`` keeps ``q`` always.
    Association: a plot may update a track when its squared Mahalanobis distance is below the
    chi-square quantile ``gate_probability`` (3 degrees of freedom); global nearest neighbour on
    squared distances, a miss costing the gate.
    Track management: a tentative track is confirmed with ``confirm_m`` hits within its first
    ``confirm_n`` looks, else deleted; a confirmed track is deleted after ``delete_misses``
    consecutive looks without a plot or ``max_coast`` [s] without any update. A look counts for a
    track when the scanning sensor's coverage disc (range x ``coverage_margin``) contains it.
    """

    q: float = 5.0
    init_speed_sigma: float = 300.0
    manoeuvre: bool = True
    q_manoeuvre: float = 2500.0
    manoeuvre_nis: float = 11.34
    manoeuvre_hold: int = 3
    gate_probability: float = 0.9999
    confirm_m: int = 2
    confirm_n: int = 3
    delete_misses: int = 3
    max_coast: float = float("inf")
    coverage_margin: float = 1.05

    def __post_init__(self) -> None:
        if not 0 < self.gate_probability < 1:
            raise ValueError("gate_probability must be in (0, 1)")
        if not 1 <= self.confirm_m <= self.confirm_n:
            raise ValueError("need 1 <= confirm_m <= confirm_n")
        if self.delete_misses < 1 or self.q < 0 or self.q_manoeuvre < 0 or self.init_speed_sigma <= 0:
            raise ValueError("delete_misses >= 1, q >= 0, q_manoeuvre >= 0 and init_speed_sigma > 0 required")

    @property
    def gate(self) -> float:
        """Gate on the squared Mahalanobis distance [-]."""
        return float(chi2.ppf(self.gate_probability, 3))
