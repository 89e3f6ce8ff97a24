"""Detection probability per look: a Swerling I target in a square-law detector.

For a radar, the mean signal-to-noise ratio follows the radar equation,
``SNR = SNR_ref * (rcs / reference_rcs) * (range_ref / R)^4``, and a fluctuating (Swerling I)
target is detected with ``Pd = Pfa^(1 / (1 + SNR))``. ``SNR_ref`` is fixed per sensor so that
``Pd = p_detect`` at the catalogue ``range`` against ``reference_rcs``:
``1 + SNR_ref = ln(Pfa) / ln(p_detect)``. ``Pfa`` is the false-alarm probability per resolution
cell (default 1e-6); it only shapes the curve, the number of false plots is set separately
(:class:`~airshield.sensing.measure.SensingParams.false_alarms`).

Acoustic nodes and observers are not radars: they detect with their ``p_detect`` inside
``range * (rcs / reference_rcs)^(1/4)`` (the engine's detection-window rule) and not beyond.
"""

from __future__ import annotations

import numpy as np

from airshield.physics.reach import effective_range  # noqa: F401  (re-exported)

DEFAULT_PFA = 1e-6
"""False-alarm probability per resolution cell that shapes the Pd curve [-]."""


def reference_snr(p_detect: np.ndarray, pfa: float = DEFAULT_PFA) -> np.ndarray:
    """Mean SNR [-] (linear) giving ``p_detect`` at the reference range; inf for Pd = 1, 0 for Pd <= Pfa."""
    p = np.asarray(p_detect, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        snr = np.log(pfa) / np.log(np.clip(p, 0.0, 1.0)) - 1.0
    snr = np.where(p >= 1.0, np.inf, snr)
    return np.where(p <= pfa, 0.0, np.maximum(snr, 0.0))


def swerling1_pd(snr: np.ndarray, pfa: float = DEFAULT_PFA) -> np.ndarray:
    """Detection probability [-] of a Swerling I target at mean ``snr`` (linear), square-law detector."""
    snr = np.asarray(snr, dtype=float)
    with np.errstate(divide="ignore", over="ignore"):
        return np.where(np.isinf(snr), 1.0, pfa ** (1.0 / (1.0 + snr)))


def radar_pd(p_detect, ref_range, ref_rcs, rcs, slant_range, pfa: float = DEFAULT_PFA) -> np.ndarray:
    """Pd [-] of a radar (broadcast arrays): p_detect at ``ref_range`` [m] vs ``ref_rcs`` [m^2].

    A perfect sensor (p_detect = 1) detects with Pd = 1 at any range; the caller applies the
    geometric limits (horizon, altitude band, speed, classes) and the maximum search range.
    """
    snr0 = reference_snr(p_detect, pfa)
    ratio = (np.asarray(rcs, float) / np.asarray(ref_rcs, float)) * (
        np.asarray(ref_range, float) / np.maximum(np.asarray(slant_range, float), 1.0)) ** 4
    with np.errstate(invalid="ignore"):
        snr = np.where(np.isinf(snr0), np.inf, snr0 * ratio)
    p = swerling1_pd(snr, pfa)
    return np.where(np.asarray(p_detect) <= 0.0, 0.0, p)
