"""Caps on what one scenario may ask for, checked on the raw document before anything is allocated.

Defaults are generous (``ukraine-national`` has 854 threats and 171 fire units) and each can be
raised or lowered with an environment variable:

========================  =========================  ======================================
variable                  default                    what
========================  =========================  ======================================
AIRSHIELD_MAX_FILE_MB     20                         size of one scenario or extends file
AIRSHIELD_MAX_YAML_NODES  1,000,000                  YAML nodes (aliases expanded) per file
AIRSHIELD_MAX_THREATS     100,000                    threats over all waves of the raid
AIRSHIELD_MAX_UNITS       10,000                     assets + sensors + fire units + EW zones
========================  =========================  ======================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from airshield.errors import InputError

ENTITY_LISTS = ("assets", "sensors", "fire_units", "ew_zones")
BYTES_PER_PAIR = 150  # [bytes] per (threat, sensor or fire unit) pair in one replication, measured on ukraine-national
BYTES_PER_THREAT = 4000  # [bytes] per threat: draws, routes, event log rows


@dataclass(frozen=True)
class ScenarioLimits:
    """``max_file_bytes`` per file [bytes], ``max_yaml_nodes`` per file [-], ``max_threats`` per raid [-],
    ``max_units`` assets + sensors + fire units + EW zones [-]."""

    max_file_bytes: int = 20_000_000
    max_yaml_nodes: int = 1_000_000
    max_threats: int = 100_000
    max_units: int = 10_000

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "ScenarioLimits":
        """The limits, with any ``AIRSHIELD_MAX_*`` variable of ``env`` (default: the process's) applied."""
        env = os.environ if env is None else env
        mb = _env_number(env, "AIRSHIELD_MAX_FILE_MB", cls.max_file_bytes / 1e6)
        return cls(max_file_bytes=int(mb * 1e6),
                   max_yaml_nodes=int(_env_number(env, "AIRSHIELD_MAX_YAML_NODES", cls.max_yaml_nodes)),
                   max_threats=int(_env_number(env, "AIRSHIELD_MAX_THREATS", cls.max_threats)),
                   max_units=int(_env_number(env, "AIRSHIELD_MAX_UNITS", cls.max_units)))


def _env_number(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if text is None or not text.strip():
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise InputError(f"{name}={text!r}", path=name, expected="a positive number")
    return value


def estimated_bytes(threats: int, units: int) -> int:
    """Rough memory of one replication [bytes] for ``threats`` against ``units`` sensors and fire units."""
    return BYTES_PER_PAIR * threats * (units + 1) + BYTES_PER_THREAT * threats


def check_document(document: Mapping[str, Any], *, file: str, limits: ScenarioLimits | None = None) -> None:
    """InputError when the raw scenario ``document`` asks for more threats or units than ``limits`` allow.

    Only counts that are well-formed are added up; malformed ones are left to the schema's message.
    """
    limits = limits or ScenarioLimits.from_env()
    threats, units = threat_total(document), unit_total(document)
    memory = _gb(estimated_bytes(threats, units))
    if threats > limits.max_threats:
        raise InputError(f"the raid has {threats:,} threats, over the limit of {limits.max_threats:,} "
                         f"(one replication would need about {memory})", file=file, path="raid.waves",
                         expected=f"at most {limits.max_threats:,} threats, or a higher AIRSHIELD_MAX_THREATS")
    if units > limits.max_units:
        raise InputError(f"the scenario has {units:,} assets, sensors, fire units and EW zones, over the limit "
                         f"of {limits.max_units:,} (one replication would need about {memory})", file=file,
                         path=_largest_list(document),
                         expected=f"at most {limits.max_units:,} entries, or a higher AIRSHIELD_MAX_UNITS")


def threat_total(document: Mapping[str, Any]) -> int:
    """Threats over all waves whose ``count`` is a whole number [-]."""
    raid = document.get("raid")
    waves = raid.get("waves") if isinstance(raid, Mapping) else None
    if not isinstance(waves, list):
        return 0
    return sum(w["count"] for w in waves if isinstance(w, Mapping) and type(w.get("count")) is int and w["count"] > 0)


def unit_total(document: Mapping[str, Any]) -> int:
    """Entries of the assets, sensors, fire units and EW zones lists [-]."""
    return sum(len(document[key]) for key in ENTITY_LISTS if isinstance(document.get(key), list))


def _largest_list(document: Mapping[str, Any]) -> str:
    return max(ENTITY_LISTS, key=lambda k: len(document[k]) if isinstance(document.get(k), list) else -1)


def _gb(n_bytes: int) -> str:
    return f"{n_bytes / 1e9:,.1f} GB of memory" if n_bytes >= 1e8 else f"{n_bytes / 1e6:,.0f} MB of memory"
