"""Pd model: calibrated to the catalogue figure at the reference range, monotone, edge cases."""

import numpy as np
import pytest

from airshield.catalogue import load_catalogue
from airshield.errors import InputError
from airshield.sensing import radar_pd, reference_snr


def test_pd_equals_p_detect_at_reference_range():
    for p in (0.5, 0.8, 0.9, 0.99):
        assert radar_pd(p, 100e3, 1.0, 1.0, 100e3) == pytest.approx(p, rel=1e-9)


def test_pd_follows_radar_equation():
    r = np.linspace(10e3, 300e3, 50)
    pd = radar_pd(0.9, 150e3, 1.0, 1.0, r)
    assert np.all(np.diff(pd) < 0)
    # a target 16x larger gives the reference SNR at twice the range
    assert radar_pd(0.9, 100e3, 1.0, 16.0, 200e3) == pytest.approx(0.9)


def test_pd_edges():
    assert np.all(radar_pd(1.0, 100e3, 1.0, 0.01, np.array([1e3, 1e6])) == 1.0)
    assert np.all(radar_pd(0.0, 100e3, 1.0, 10.0, np.array([1e3, 1e5])) == 0.0)
    assert reference_snr(0.9) > 0


@pytest.mark.parametrize("field,value", [("range_sigma_m", -1.0), ("azimuth_sigma_deg", -0.1),
                                         ("elevation_sigma_deg", -0.1), ("p_detect", 1.2), ("p_detect", -0.1),
                                         ("scan_period_s", 0.0)])
def test_nonsense_sensor_parameters_are_rejected(field, value):
    with pytest.raises(InputError) as err:
        load_catalogue({"sensors": {"patriot-radar": {field: value}}}, file="s.yaml")
    assert err.value.path == f"catalogue.sensors.patriot-radar.{field}"
    assert "out of range" in str(err.value)
