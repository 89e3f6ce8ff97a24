"""The compiled world: column tables in local metric coordinates, catalogue types resolved."""

from airshield.world.compile import compile_world
from airshield.world.tables import (AssetTable, DoctrineTable, EwTable, SensorTable, ThreatTypeTable,
                                    UnitTable, WaveTable, WeaponTable, World)

__all__ = ["AssetTable", "DoctrineTable", "EwTable", "SensorTable", "ThreatTypeTable", "UnitTable",
           "WaveTable", "WeaponTable", "World", "compile_world"]
