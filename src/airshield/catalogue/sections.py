"""The four catalogue sections: file, field table and record type of each."""

from __future__ import annotations

from dataclasses import dataclass

from airshield.catalogue.fields import (
    EFFECTOR_FIELDS, EW_FIELDS, SENSOR_FIELDS, THREAT_FIELDS, FieldSpec,
)
from airshield.catalogue.types import EffectorType, EwType, SensorType, ThreatType
from airshield.errors import unknown_name


@dataclass(frozen=True)
class Section:
    """One section: ``name`` in files and paths, ``kind`` in the CLI."""

    name: str
    kind: str
    label: str
    file: str
    fields: tuple[FieldSpec, ...]
    record: type


SECTIONS: tuple[Section, ...] = (
    Section("threats", "threat", "threat type", "threats.yaml", THREAT_FIELDS, ThreatType),
    Section("effectors", "effector", "effector type", "effectors.yaml", EFFECTOR_FIELDS,
            EffectorType),
    Section("sensors", "sensor", "sensor type", "sensors.yaml", SENSOR_FIELDS, SensorType),
    Section("ew", "ew", "EW type", "ew.yaml", EW_FIELDS, EwType),
)


def section_named(name: str, *, file: str | None = None) -> Section:
    """The section called ``name`` in files (``threats``, ...)."""
    for section in SECTIONS:
        if section.name == name:
            return section
    raise unknown_name("catalogue section", str(name), [s.name for s in SECTIONS], file=file,
                       path=f"catalogue.{name}")


def section_of_kind(kind: str) -> Section:
    """The section whose CLI kind is ``kind`` (``threat``, ``effector``, ...)."""
    for section in SECTIONS:
        if section.kind == kind:
            return section
    raise unknown_name("catalogue kind", str(kind), [s.kind for s in SECTIONS])
