"""The catalogue of threat, effector, sensor and EW types, with sources for every figure.

Shipped data lives in ``data/*.yaml``; the schema is the field tables in :mod:`.fields`.
"""

from airshield.catalogue.fields import (
    EFFECTOR_FIELDS, EW_FIELDS, MUNITION_FIELDS, SENSOR_FIELDS, THREAT_FIELDS, FieldSpec,
)
from airshield.catalogue.load import load_catalogue
from airshield.catalogue.model import Catalogue
from airshield.catalogue.table import catalogue_rows
from airshield.catalogue.types import (
    THREAT_CLASSES, EffectorType, EwType, Munition, SensorType, ThreatType,
)

__all__ = [
    "Catalogue", "EFFECTOR_FIELDS", "EW_FIELDS", "EffectorType", "EwType", "FieldSpec",
    "MUNITION_FIELDS", "Munition", "SENSOR_FIELDS", "SensorType", "THREAT_CLASSES",
    "THREAT_FIELDS", "ThreatType", "catalogue_rows", "load_catalogue",
]
