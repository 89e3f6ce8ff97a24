"""Sensor coverage per altitude band: a grid over the theatre and the share of each oblast seen.

A grid point at altitude h is seen by a sensor when its ground range is within the sensor's
range (against its reference target, or ``range x (rcs / reference_rcs)^(1/4)`` for a given
``rcs``), within the 4/3-Earth horizon for the antenna height and h, and h is inside the sensor's
altitude band. Shares are of the grid cells (default 10 km) whose centre lies in the oblast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.geo import oblast_of, oblasts
from airshield.physics import radar_horizon
from airshield.vocabulary import KIND_CODES
from airshield.world.tables import SensorTable
from airshield.physics import effective_range

DEFAULT_ALTITUDES = (30.0, 100.0, 500.0, 2000.0)
"""Altitude bands of the coverage report [m]."""


@dataclass(frozen=True)
class Coverage:
    """Coverage grids: ``x`` (nx,), ``y`` (ny,) cell centres [m]; ``seen`` (altitudes, kinds, ny, nx)
    bool per sensor kind (order of ``KIND_CODES``); ``oblast`` (ny, nx) ISO code or ''."""

    altitudes: tuple[float, ...]
    x: np.ndarray
    y: np.ndarray
    seen: np.ndarray
    oblast: np.ndarray

    def shares(self) -> list[dict]:
        """One row per (altitude, oblast) and per altitude for the whole of Ukraine: share [0..1]
        of cells seen by any sensor and by each kind."""
        table = oblasts()
        names = dict(zip(table["iso"], table["name"]))
        inside = self.oblast != ""
        rows = []
        for a, alt in enumerate(self.altitudes):
            seen = self.seen[a]
            for iso, name in [("", "Ukraine")] + sorted(names.items(), key=lambda kv: kv[1]):
                cells = inside if iso == "" else self.oblast == iso
                count = int(cells.sum())
                if count == 0:
                    continue
                row = {"altitude_m": alt, "oblast": name, "iso": iso or "UA", "cells": count,
                       "any": float(seen.any(axis=0)[cells].mean())}
                for kind, k in KIND_CODES.items():
                    row[kind] = float(seen[k][cells].mean())
                rows.append(row)
        return rows


def coverage_grid(sensors: SensorTable, projection, altitudes=DEFAULT_ALTITUDES, cell: float = 10e3,
                  rcs: float | None = None) -> Coverage:
    """Coverage of ``sensors`` over the bounding box of Ukraine's oblasts on a ``cell`` [m] grid."""
    lon_lat = np.vstack([ring for rings in oblasts()["rings"] for ring in rings])
    bx, by = projection.to_xy(lon_lat[:, 1], lon_lat[:, 0])
    x = np.arange(bx.min() + cell / 2, bx.max(), cell)
    y = np.arange(by.min() + cell / 2, by.max(), cell)
    gx, gy = np.meshgrid(x, y)
    lat, lon = projection.to_latlon(gx.ravel(), gy.ravel())
    region = oblast_of(lat, lon).reshape(gx.shape)
    reach = sensors.range if rcs is None else effective_range(sensors.range, sensors.reference_rcs, rcs)
    seen = np.zeros((len(altitudes), len(KIND_CODES), *gx.shape), bool)
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    for a, alt in enumerate(altitudes):
        radius = np.minimum(reach, radar_horizon(sensors.z, alt))
        band = (sensors.min_alt <= alt) & (alt <= sensors.max_alt)
        for k in np.flatnonzero(band):
            near = np.hypot(pts[:, 0] - sensors.x[k], pts[:, 1] - sensors.y[k]) <= radius[k]
            seen[a, sensors.kind[k]].ravel()[near] = True  # ravel of a contiguous slice is a view
    return Coverage(tuple(float(a) for a in altitudes), x, y, seen, region)


def world_coverage(world, altitudes=DEFAULT_ALTITUDES, cell: float = 10e3, rcs: float | None = None) -> Coverage:
    """Coverage of all sensors of ``world`` (scenario sensors and fire units' own radars)."""
    return coverage_grid(world.sensors, world.projection, altitudes, cell, rcs)
