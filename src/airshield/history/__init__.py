"""Real raid records (Ivaniuk, "Massive Missile Attacks on Ukraine", ODC-BY-1.0): loading, model
mapping, national vs regional sources, raids, places and summaries. See docs/history.md.
"""

from airshield.history.load import load_records, shipped_file
from airshield.history.lookup import raid
from airshield.history.mapping import group_keys, map_models, model_map
from airshield.history.places import (
    Matched, launch_area_keys, raid_launch_areas, raid_regions, region_codes,
)
from airshield.history.plot import plot_summary
from airshield.history.raids import Raid, class_totals, raid_table, raids
from airshield.history.records import Records
from airshield.history.sources import SELECTIONS, select_rows, source_tier
from airshield.history.summary import largest_raids, summarise

__all__ = [
    "Matched", "Raid", "Records", "SELECTIONS", "class_totals", "group_keys", "largest_raids",
    "launch_area_keys", "load_records", "map_models", "model_map", "plot_summary", "raid",
    "raid_launch_areas", "raid_regions", "raid_table", "raids", "region_codes", "select_rows",
    "shipped_file", "source_tier", "summarise",
]
