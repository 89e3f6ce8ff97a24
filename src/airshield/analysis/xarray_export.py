"""Per-replication metrics as an xarray Dataset and netCDF file (``pip install 'airshield[xarray]'``).

Unkeyed measures become variables over ``replication`` (``value_lost``, ``leaked``,
``defender_usd``, ...); keyed ones over (``replication``, key), named ``<measure>_by_<key>``
(``leaked_by_threat_type``, ``expended_by_munition``, ``rounds_by_fire_unit``,
``value_lost_by_asset``). Each variable carries its ``units`` and ``description``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from airshield.analysis.measures import measure
from airshield.errors import InputError


def _xarray():
    try:
        import xarray
    except ImportError:
        raise InputError("the xarray export needs xarray", expected="pip install 'airshield[xarray]'") from None
    return xarray


def variable_name(section: str, name: str) -> str:
    """The Dataset variable of a measure (see the module doc)."""
    key = measure(section, name).key
    return f"{name}_by_{key.replace(' ', '_')}" if key else name


def metrics_dataset(frame: pd.DataFrame, **attrs):
    """The Dataset of a tidy metrics frame (:func:`airshield.analysis.frames.metrics_frame`)."""
    xr = _xarray()
    variables = {}
    for (section, name), rows in frame.groupby(["section", "measure"], sort=False):
        m = measure(section, name)
        info = {"units": m.unit, "description": m.description, "section": section}
        if m.key:
            dim = m.key.replace(" ", "_")
            table = rows.pivot(index="replication", columns="key", values="value").rename_axis(columns=dim)
            variables[variable_name(section, name)] = xr.DataArray(table, attrs=info)
        else:
            variables[name] = xr.DataArray(rows.set_index("replication")["value"], attrs=info)
    return xr.Dataset(variables, attrs={k: str(v) for k, v in attrs.items()})


def write_netcdf(dataset, path: Path) -> Path:
    """Write ``dataset`` as netCDF (netCDF4 when installed, else netCDF3 through scipy)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import netCDF4  # noqa: F401
        engine = "netcdf4"
    except ImportError:
        engine = "scipy"
    dataset.to_netcdf(path, engine=engine)
    return path
