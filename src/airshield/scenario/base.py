"""The pydantic base every scenario model derives from: strict, frozen, no unknown keys."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

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
