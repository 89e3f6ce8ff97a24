"""Geography of the theatre: oblasts, cities, power plants, launch areas, projection, horizon."""

from airshield.geo.boundaries import oblast_of, oblasts
from airshield.physics.horizon import radar_horizon
from airshield.geo.launch_areas import launch_areas
from airshield.geo.places import Place, find_place
from airshield.geo.projection import LocalProjection
from airshield.geo.tables import admin1_codes, cities, power_plants

__all__ = [
    "LocalProjection",
    "Place",
    "admin1_codes",
    "cities",
    "find_place",
    "launch_areas",
    "oblast_of",
    "oblasts",
    "power_plants",
    "radar_horizon",
]
