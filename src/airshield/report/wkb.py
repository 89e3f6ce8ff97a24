"""GeoJSON geometries (Point, LineString, Polygon) as GeoPackage binary: the GP header and WKB.

GeoPackage 1.2+ (OGC 12-128r15) section 2.1.3: magic ``GP``, version 0, flags (little-endian, an xy
envelope), the SRS id, the envelope (min x, max x, min y, max y) and ISO well-known binary.
"""

from __future__ import annotations

import struct

WKB_TYPES = {"Point": 1, "LineString": 2, "Polygon": 3}


def wkb(geometry: dict) -> bytes:
    """Little-endian 2D WKB of a GeoJSON Point, LineString or Polygon."""
    kind, coords = geometry["type"], geometry["coordinates"]
    head = struct.pack("<BI", 1, WKB_TYPES[kind])
    if kind == "Point":
        return head + struct.pack("<2d", *coords[:2])
    if kind == "LineString":
        return head + _points(coords)
    return head + struct.pack("<I", len(coords)) + b"".join(_points(ring) for ring in coords)


def _points(points: list) -> bytes:
    return struct.pack("<I", len(points)) + b"".join(struct.pack("<2d", p[0], p[1]) for p in points)


def envelope(geometry: dict) -> tuple[float, float, float, float]:
    """(min x, max x, min y, max y) of a geometry's coordinates."""
    coords = geometry["coordinates"]
    flat = [coords] if geometry["type"] == "Point" else coords if geometry["type"] == "LineString" else \
        [p for ring in coords for p in ring]
    xs, ys = [p[0] for p in flat], [p[1] for p in flat]
    return min(xs), max(xs), min(ys), max(ys)


def gpkg_geometry(geometry: dict, srs_id: int = 4326) -> bytes:
    """The GeoPackage binary blob of ``geometry`` (little-endian, xy envelope)."""
    flags = 0b0000_0011  # envelope type 1 (xy), byte order 1 (little-endian)
    return b"GP" + struct.pack("<BBi4d", 0, flags, srs_id, *envelope(geometry)) + wkb(geometry)
