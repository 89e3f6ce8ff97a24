"""Build ``geo/data/geo/naturalearth_neighbours_50m.geojson`` from Natural Earth (via world-atlas).

Input: ``countries-50m.json`` of the npm package ``world-atlas@2.0.2`` (Natural Earth 1:50m admin-0
countries v4.1.0 as TopoJSON; Natural Earth is public domain). Output: every country but Ukraine that
meets the box lon 8..56 (rings unwrapped across the antimeridian first), lat 36..62 [deg], clipped to that box, coordinates to 3 decimals (about 100 m),
counter-clockwise exterior rings, with ``name``, ``iso_n3`` and a label point ``label_lon``/``label_lat``.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_neighbours.py package/countries-50m.json src/airshield/geo/data/geo/naturalearth_neighbours_50m.geojson

Run once by a maintainer; airshield never downloads anything at run time.
"""

from __future__ import annotations

import json
import sys

import numpy as np

BOX = (8.0, 36.0, 56.0, 62.0)  # lon_min, lat_min, lon_max, lat_max [deg]


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Absolute lon/lat arcs of a quantised TopoJSON topology."""
    scale, translate = np.array(topology["transform"]["scale"]), np.array(topology["transform"]["translate"])
    return [np.cumsum(np.array(a, dtype=float), axis=0) * scale + translate for a in topology["arcs"]]


def ring(arcs: list[np.ndarray], refs: list[int]) -> np.ndarray:
    """A closed ring from arc references (negative: reversed arc ~i)."""
    parts = []
    for r in refs:
        arc = arcs[r] if r >= 0 else arcs[~r][::-1]
        parts.append(arc if not parts else arc[1:])
    points = np.vstack(parts)
    points[:, 0] = np.unwrap(points[:, 0], period=360.0)  # rings across the antimeridian (Russia) stay planar
    return points


def clip(points: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """Sutherland-Hodgman clip of a closed ring to an axis-aligned box."""
    edges = [(0, box[0], 1), (0, box[2], -1), (1, box[1], 1), (1, box[3], -1)]
    out = points[:-1] if len(points) > 1 and np.array_equal(points[0], points[-1]) else points
    for axis, value, side in edges:
        if len(out) == 0:
            break
        kept = []
        for i in range(len(out)):
            a, b = out[i - 1], out[i]
            ina, inb = (a[axis] - value) * side >= 0, (b[axis] - value) * side >= 0
            if inb:
                if not ina:
                    kept.append(a + (b - a) * (value - a[axis]) / (b[axis] - a[axis]))
                kept.append(b)
            elif ina:
                kept.append(a + (b - a) * (value - a[axis]) / (b[axis] - a[axis]))
        out = np.array(kept)
    return out


def signed_area(r: np.ndarray) -> float:
    """Shoelace area [deg^2]; positive when counter-clockwise."""
    x, y = r[:, 0], r[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def polygons(geometry: dict, arcs: list[np.ndarray]) -> list[list[np.ndarray]]:
    kind = geometry.get("type")
    refs = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]] if kind == "Polygon" else []
    out = []
    for poly in refs:
        rings = [clip(ring(arcs, r), BOX) for r in poly]
        if len(rings[0]) >= 3 and abs(signed_area(rings[0])) > 1e-4:
            out.append([r for r in rings if len(r) >= 3])
    return out


def closed(r: np.ndarray, ccw: bool) -> list[list[float]]:
    r = np.round(r, 3)
    if (signed_area(r) > 0) != ccw:
        r = r[::-1]
    return np.vstack([r, r[:1]]).tolist()


def feature(name: str, ident: str, polys: list[list[np.ndarray]]) -> dict:
    biggest = max((p[0] for p in polys), key=lambda r: abs(signed_area(r)))
    coords = [[closed(p[0], True)] + [closed(h, False) for h in p[1:]] for p in polys]
    return {"type": "Feature", "properties": {"name": name, "iso_n3": ident,
                                              "label_lon": round(float(biggest[:, 0].mean()), 2),
                                              "label_lat": round(float(biggest[:, 1].mean()), 2)},
            "geometry": {"type": "MultiPolygon", "coordinates": coords}}


def main(source: str, target: str) -> None:
    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for g in topology["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "")
        polys = polygons(g, arcs) if name != "Ukraine" else []
        if polys:
            features.append(feature(name, str(g.get("id", "")), polys))
    doc = {"type": "FeatureCollection", "name": "Natural Earth 1:50m admin-0 neighbours of Ukraine (clipped)",
           "features": sorted(features, key=lambda f: f["properties"]["name"])}
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(doc, handle, separators=(",", ":"))
    print(f"{len(features)} countries -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
