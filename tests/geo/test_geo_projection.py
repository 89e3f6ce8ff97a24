"""Local projection and radar horizon."""

import pickle

import numpy as np
from pyproj import Geod

from airshield.geo import LocalProjection, radar_horizon


def test_round_trip_under_one_metre_across_ukraine():
    proj = LocalProjection(48.5, 31.5)
    lat, lon = np.meshgrid(np.linspace(44, 52.5, 18), np.linspace(22, 40.5, 38), indexing="ij")
    x, y = proj.to_xy(lat, lon)
    lat2, lon2 = proj.to_latlon(x, y)
    _, _, err = Geod(ellps="WGS84").inv(lon, lat, lon2, lat2)
    assert np.max(np.abs(err)) < 1.0


def test_kyiv_lviv_distance_about_468_km():
    kyiv, lviv = (50.4501, 30.5234), (49.8397, 24.0297)
    proj = LocalProjection(*kyiv)
    x, y = proj.to_xy(*lviv)
    assert abs(np.hypot(x, y) - 468_000) / 468_000 < 0.01
    assert np.hypot(*proj.to_xy(*kyiv)) < 1e-6


def test_scalars_give_floats_and_arrays_give_arrays():
    proj = LocalProjection(48.5, 31.5)
    x, y = proj.to_xy(49.0, 32.0)
    assert isinstance(x, float) and isinstance(y, float)
    xs, ys = proj.to_xy(np.array([49.0, 50.0]), np.array([32.0, 33.0]))
    assert xs.shape == (2,) and ys.shape == (2,)


def test_projection_pickles():
    proj = LocalProjection(48.5, 31.5)
    proj.to_xy(49.0, 32.0)  # builds the transformer
    back = pickle.loads(pickle.dumps(proj))
    assert back == proj
    assert np.allclose(back.to_xy(49.0, 32.0), proj.to_xy(49.0, 32.0))


def test_radar_horizon_10m_30m():
    assert abs(radar_horizon(10, 30) - 4120 * (np.sqrt(10) + np.sqrt(30))) < 100
    assert abs(radar_horizon(10, 30) - 35_600) < 100


def test_radar_horizon_vectorised_and_clipped():
    d = radar_horizon(np.array([-5.0, 0.0, 10.0]), 0.0)
    assert d.shape == (3,) and d[0] == 0.0 and d[1] == 0.0 and d[2] > 0
