"""Column sets of the raid-records CSV (current upstream file and the older one)."""

from __future__ import annotations

REQUIRED = ("time_start", "time_end", "model", "launched", "destroyed")
"""Columns without which a file cannot be analysed."""

CURRENT = (
    "time_start", "time_end", "model", "launch_place", "target", "target_main", "launched",
    "destroyed", "not_reach_goal", "still_attacking", "border_crossing", "is_shahed",
    "num_hit_location", "num_fall_fragment_location", "carrier", "turbojet", "turbojet_destroyed",
    "affected region", "destroyed_details", "launched_details", "launch_place_details", "source",
)
"""The 22 columns of the shipped file, in order."""

OLDER_ONLY = ("cross_border_belarus", "back_russia")
"""Columns of the older upstream column set that the current file dropped."""

ALL = CURRENT + OLDER_ONLY
"""Every column a loaded table has (missing ones are filled as empty)."""

COUNTS = ("launched", "destroyed", "not_reach_goal")
"""Count columns [weapons] that are checked: whole numbers >= 0; ``launched`` must be given."""
