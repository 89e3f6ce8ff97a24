"""Shipped tables: oblasts, cities, power plants, launch areas."""

import hashlib
from pathlib import Path

import numpy as np

from airshield import geo

DATA = Path(geo.__file__).parent / "data"


def test_oblasts_has_27_units_of_the_four_kinds():
    table = geo.oblasts()
    assert len(table) == 27
    assert table["name"].str.endswith("Oblast").sum() == 24
    assert {"UA-30", "UA-43", "UA-40"} <= set(table["iso"])
    assert table["iso"].is_unique
    assert all(r.ndim == 2 and r.shape[1] == 2 for rings in table["rings"] for r in rings)


def test_oblast_areas_and_centroids_are_plausible():
    table = geo.oblasts().set_index("iso")
    assert 600_000 < table["area_km2"].sum() < 700_000  # land 603,628 km2 plus territorial waters
    assert 700 < table.loc["UA-30", "area_km2"] < 900
    found = geo.oblast_of(table["centroid_lat"], table["centroid_lon"])
    assert (found == table.index.to_numpy()).sum() >= 25  # concave units (Odesa) may miss


def test_oblasts_returns_a_fresh_copy():
    first = geo.oblasts()
    first.loc[0, "name"] = "changed"
    first["rings"][0].clear()
    again = geo.oblasts()
    assert again.loc[0, "name"] != "changed"
    assert len(again["rings"][0]) >= 1


def test_kyiv_is_a_city_with_its_population_and_no_city_sections():
    table = geo.cities()
    kyiv = table[table["name"] == "Kyiv"]
    assert len(kyiv) == 1 and kyiv["population"].iloc[0] > 2_500_000
    assert bool(kyiv["is_admin_centre"].iloc[0]) and kyiv["oblast_iso"].iloc[0] == "UA-30"
    assert "Obolon" not in set(geo.cities(min_population=0)["name"])
    assert table["is_admin_centre"].sum() == 26
    assert ((table["population"] >= 50_000) | table["is_admin_centre"]).all()


def test_power_plants_total_capacity():
    plants = geo.power_plants()
    assert len(plants) == 64
    assert abs(plants["capacity_mw"].sum() - 48_570) < 1
    assert set(plants.columns) == {"name", "fuel", "capacity_mw", "lat", "lon", "gppd_id"}


def test_launch_areas_have_source_and_lie_in_theatre():
    table = geo.launch_areas()
    required = {"kursk", "bryansk", "oryol", "millerovo", "shatalovo", "primorsko-akhtarsk", "hvardiiske",
                "chauda", "navlya", "belgorod", "voronezh", "rostov", "taganrog", "black-sea", "caspian-sea",
                "sea-of-azov", "engels-bombers", "volgodonsk-bombers", "kursk-bombers", "belarus-border", "crimea"}
    assert required <= set(table["key"])
    assert table["source"].str.len().gt(0).all()
    assert table["lat"].between(40, 58).all() and table["lon"].between(25, 52).all()
    assert (table["radius_km"] > 0).all()
    assert all(isinstance(a, list) and a for a in table["aliases"])


def test_shipped_files_match_readme_checksums():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for rel in ("geo/geoBoundaries-UKR-ADM1_simplified.geojson", "geo/ukraine_cities_geonames15000.csv",
                "geo/ukraine_admin1_codes.csv", "energy/gppd_v1.3.0_ukraine.csv"):
        digest = hashlib.sha256((DATA / rel).read_bytes()).hexdigest()
        assert digest in readme, rel


def test_oblast_of_known_points():
    lat = np.array([50.45466, 49.8397, 46.4857, 55.7558])
    lon = np.array([30.5238, 24.0297, 30.7438, 37.6173])
    assert geo.oblast_of(lat, lon).tolist() == ["UA-30", "UA-46", "UA-51", ""]
    assert geo.oblast_of(50.0, 30.0).shape == ()


def test_oblast_of_agrees_with_geonames_for_cities():
    table = geo.cities(min_population=0)
    found = geo.oblast_of(table["lat"].to_numpy(), table["lon"].to_numpy())
    assert (found == table["oblast_iso"].to_numpy()).mean() > 0.99
