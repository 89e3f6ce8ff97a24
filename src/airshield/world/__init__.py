"""The compiled world: column tables in local metric coordinates, catalogue types resolved, and
the run specification. The engine, sensing and tracking read the World and nothing above it."""

from airshield.world.compile import compile_world
from airshield.world.load import load_world
from airshield.world.settings import EngineSettings, RunSpec, TrackingSettings
from airshield.world.tables import (AssetTable, DoctrineTable, EwTable, SensorTable, ThreatTypeTable,
                                    UnitTable, WaveTable, WeaponTable, World)

__all__ = ["AssetTable", "DoctrineTable", "EngineSettings", "EwTable", "RunSpec", "SensorTable", "ThreatTypeTable",
           "TrackingSettings", "UnitTable", "WaveTable", "WeaponTable", "World", "compile_world", "load_world"]
