"""The pydantic base every scenario model derives from: strict, frozen, no unknown keys."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

def _not_a_boolean(value: object) -> object:
    """Refuse true/false where a count is expected (pydantic would read true as 1)."""
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is not a count; give a whole number")
    return value


Count = Annotated[int, BeforeValidator(_not_a_boolean)]
"""A whole number that true/false may not stand for [-]."""

Latitude = Field(ge=-90.0, le=90.0, description="latitude [deg], WGS84")
Longitude = Field(ge=-180.0, le=180.0, description="longitude [deg], WGS84")


class ScenarioModel(BaseModel):
    """Strict base: unknown keys are refused, values are immutable, NaN and infinity are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False,
                              populate_by_name=True)


class Position(ScenarioModel):
    """A point on the Earth given by latitude and longitude."""

    lat: float = Field(ge=-90.0, le=90.0, description="latitude [deg], WGS84")
    lon: float = Field(ge=-180.0, le=180.0, description="longitude [deg], WGS84")
