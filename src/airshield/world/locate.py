"""Turn scenario lat/lon into local metres, refusing positions outside the theatre."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.errors import InputError
from airshield.geo import LocalProjection


@dataclass(frozen=True)
class Locator:
    """Projects positions and checks them against the theatre radius [m]."""

    projection: LocalProjection
    radius: float
    file: str | None

    def xy(self, lat: float, lon: float, path: str) -> tuple[float, float]:
        """Local ``(x, y)`` [m] of a point, or an InputError at ``path`` if outside the theatre."""
        x, y = self.projection.to_xy(np.float64(lat), np.float64(lon))
        distance = float(np.hypot(x, y))
        if not np.isfinite(distance) or distance > self.radius:
            raise InputError(
                f"position ({lat:.4f}, {lon:.4f}) is {distance / 1000:.0f} km from the theatre centre",
                file=self.file, path=path,
                expected=f"a position within theatre.radius_km = {self.radius / 1000:.0f} km")
        return float(x), float(y)
