"""Routes: what the map draws besides a run: oblasts, neighbouring countries, cities and the colour of each layer."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from airshield.geo import cities
from airshield.geo.neighbours import neighbours_text
from airshield.report.palette import LAYER
from airshield.web.basemap import basemap_text
from airshield.web.state import AppState, state

router = APIRouter(prefix="/api", tags=["map"])
CITY_COUNT = 80


@router.get("/basemap", summary="Oblast boundaries as GeoJSON (the offline basemap)")
async def basemap() -> Response:
    return Response(basemap_text(), media_type="application/json")


@router.get("/neighbours", summary="Neighbouring countries as GeoJSON (Natural Earth 1:50m, clipped; label points)")
async def neighbours() -> Response:
    return Response(neighbours_text(), media_type="application/json")


@router.get("/cities", summary="The largest cities of Ukraine (GeoNames): name, lon, lat [deg], population")
async def city_list(app: AppState = Depends(state)) -> Response:
    def build() -> list[dict]:
        table = cities().sort_values("population", ascending=False).head(CITY_COUNT)
        return [{"name": n, "lon": round(float(lo), 4), "lat": round(float(la), 4), "population": int(p)}
                for n, lo, la, p in zip(table["name"], table["lon"], table["lat"], table["population"])]
    return await app.cache.json(("cities",), (), build)


@router.get("/palette", summary="The colour [#rrggbb] of each map layer and event kind (shared with the report)")
async def palette() -> dict:
    return dict(LAYER)
