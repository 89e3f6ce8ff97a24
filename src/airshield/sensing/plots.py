"""The plot table: every measurement of a run as numpy columns, ordered by scan.

A scan is one look of one sensor at one time; scans without plots are kept (the tracker counts
misses on them). ``truth`` is the true threat row, or -1 for a false alarm: it is for metrics
only and the tracker never reads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

PLOT_COLUMNS = ("time", "sensor", "range", "azimuth", "elevation", "x", "y", "z", "truth", "scan")


@dataclass(frozen=True)
class PlotTable:
    """m plots and s scans.

    Plot columns (m,): ``time`` [s], ``sensor`` row, measured ``range`` [m], ``azimuth`` [rad,
    counter-clockwise from east], ``elevation`` [rad], converted position ``x, y, z`` [m],
    ``cov`` (m, 3, 3) covariance of x, y, z [m^2], ``truth`` threat row or -1, ``scan`` index.
    Scan columns (s,): ``scan_time`` [s], ``scan_sensor`` row. Plots are sorted by ``scan``.
    """

    time: np.ndarray
    sensor: np.ndarray
    range: np.ndarray
    azimuth: np.ndarray
    elevation: np.ndarray
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    cov: np.ndarray
    truth: np.ndarray
    scan: np.ndarray
    scan_time: np.ndarray
    scan_sensor: np.ndarray

    def __len__(self) -> int:
        return len(self.time)

    @property
    def scans(self) -> int:
        """Number of scans."""
        return len(self.scan_time)

    @property
    def xyz(self) -> np.ndarray:
        """Converted positions (m, 3) [m]."""
        return np.column_stack([self.x, self.y, self.z])

    def take(self, index) -> "PlotTable":
        """The plots at ``index`` (scan columns unchanged)."""
        idx = index if isinstance(index, slice) else np.asarray(index)
        cols = {c: getattr(self, c)[idx] for c in PLOT_COLUMNS}
        return PlotTable(**cols, cov=self.cov[idx], scan_time=self.scan_time, scan_sensor=self.scan_sensor)

    def only_sensors(self, rows) -> "PlotTable":
        """The plots and scans of sensors ``rows`` alone (sensor indices unchanged)."""
        keep_scan = np.isin(self.scan_sensor, rows)
        new_index = np.cumsum(keep_scan) - 1
        plots = self.take(np.flatnonzero(keep_scan[self.scan]))
        return PlotTable(**{c: getattr(plots, c) for c in PLOT_COLUMNS if c != "scan"}, scan=new_index[plots.scan],
                         cov=plots.cov, scan_time=self.scan_time[keep_scan], scan_sensor=self.scan_sensor[keep_scan])

    def iter_scans(self) -> Iterator[tuple[float, int, "PlotTable"]]:
        """(time, sensor, plots of that scan) for every scan in order, empty scans included."""
        bounds = np.searchsorted(self.scan, np.arange(self.scans + 1))
        for s in range(self.scans):
            yield float(self.scan_time[s]), int(self.scan_sensor[s]), self.take(slice(bounds[s], bounds[s + 1]))

    def to_frame(self):
        """A pandas DataFrame of the plot columns (covariance as ``var_x, var_y, var_z``)."""
        import pandas as pd
        frame = pd.DataFrame({c: getattr(self, c) for c in PLOT_COLUMNS})
        for i, axis in enumerate("xyz"):
            frame[f"var_{axis}"] = self.cov[:, i, i]
        return frame


def empty_plots() -> PlotTable:
    """A table without plots or scans."""
    f, i = np.zeros(0), np.zeros(0, dtype=int)
    return PlotTable(f, i, f, f, f, f, f, f, np.zeros((0, 3, 3)), i, i, f, i)


def concat_plots(parts: Sequence[PlotTable], scan_time: np.ndarray, scan_sensor: np.ndarray) -> PlotTable:
    """The plots of ``parts`` stacked, with the given scan columns."""
    if not parts:
        base = empty_plots()
        return PlotTable(**{c: getattr(base, c) for c in PLOT_COLUMNS}, cov=base.cov,
                         scan_time=np.asarray(scan_time, float), scan_sensor=np.asarray(scan_sensor, int))
    cols = {c: np.concatenate([getattr(p, c) for p in parts]) for c in PLOT_COLUMNS}
    return PlotTable(**cols, cov=np.concatenate([p.cov for p in parts]),
                     scan_time=np.asarray(scan_time, float), scan_sensor=np.asarray(scan_sensor, int))
