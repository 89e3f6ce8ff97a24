"""The physical rules, one module each, shared by ideal mode, sensor mode and the planners.

- :mod:`.horizon`: radar horizon over a 4/3 Earth;
- :mod:`.reach`: how far a sensor detects a target (range against cross-section, classes, speed);
- :mod:`.envelope`: which munitions can engage which threats, and when a threat is inside an envelope;
- :mod:`.damage`: what an impact destroys.
"""

from airshield.physics.damage import damage_share, within_lethal_reach
from airshield.physics.envelope import can_engage, envelope_times
from airshield.physics.horizon import radar_horizon
from airshield.physics.reach import detection_reach, effective_range

__all__ = ["can_engage", "damage_share", "detection_reach", "effective_range", "envelope_times", "radar_horizon",
           "within_lethal_reach"]
