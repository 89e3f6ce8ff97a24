"""The report map is fit for a briefing: zoomed, labelled without overlaps, scale bar, north arrow, inset,
neighbouring countries, distinct colours; the histogram counts whole replications; print keeps the map whole."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest

from airshield.report.mapframe import fit
from airshield.report.maplabels import Label, place
from airshield.report.palette import LAYER, categorical
from airshield.report.plots import value_figure
from airshield.report.scene import build_scene
from airshield.report.svgmap import render_map
from airshield.world import load_world


@lru_cache(maxsize=None)
def svg_of(name: str) -> str:
    world = load_world(name)
    return render_map(build_scene(world), None, world.projection)


def texts(svg: str, css: str) -> list[str]:
    return re.findall(rf'<text [^>]*class="{css}">([^<]*)</text>', svg)


def test_kyiv_map_labels_assets_cities_units_and_launch_areas_off_the_map():
    svg = svg_of("kyiv-small")
    assert {"Kyiv", "Brovary", "Trypilska"} <= set(texts(svg, "lab-asset"))
    assert texts(svg, "lab-city") and "patriot-kyiv" in texts(svg, "lab-unit")
    launches = texts(svg, "lab-launch")
    assert any(re.search(r"kursk \(\d+ km\)", t) for t in launches), launches
    for part in ('class="scale-bar"', 'class="north-arrow"', 'class="inset"', 'class="legend"'):
        assert part in svg


def test_national_map_is_legible_zoomed_and_shows_the_neighbours():
    svg = svg_of("ukraine-national")
    assets = set(texts(svg, "lab-asset"))
    assert {"Kyiv", "Kharkiv", "Odesa", "Lviv"} <= assets, assets
    assert len(texts(svg, "lab-unit")) >= 5
    countries = set(texts(svg, "lab-country"))
    assert {"Poland", "Moldova"} & countries and "Belarus" in countries
    assert svg.count(f'fill="{LAYER["neighbour"]}"') > 5


def test_labels_never_overlap_and_crowded_ones_are_dropped():
    crowd = [Label(100 + i % 3, 100 + i % 2, f"label number {i}", i, "lab-unit") for i in range(30)]
    placed = place(crowd, 400, 300)
    assert 1 < len(placed) < 30
    boxes = []
    for text in placed:
        x, y = (float(v) for v in re.search(r'x="([\d.]+)" y="([\d.]+)"', text).groups())
        boxes.append((x, y))
    assert len(set(boxes)) == len(boxes)


def test_frame_keeps_a_readable_aspect():
    frame = fit(np.array([0.0, 500e3]), np.array([0.0, 10e3]), 960)
    assert 0.6 <= frame.height / frame.width <= 0.86
    tall = fit(np.array([0.0, 1e3]), np.array([0.0, 800e3]), 960)
    assert tall.height / tall.width <= 0.86 and tall.width / tall.scale >= 800e3 / 0.86


def test_palette_gives_distinct_colours_for_many_munitions():
    for n in (12, 20, 31):
        assert len(set(categorical(n))) == n
    assert LAYER["fire_unit"] != LAYER["kill"]


def test_histogram_of_replications_has_whole_number_ticks():
    figure = value_figure(pd.DataFrame({"value_lost": [1.0, 2.5]}))
    ticks = figure.axes[0].get_yticks()
    assert len(ticks) and np.allclose(ticks, np.round(ticks))


@pytest.mark.parametrize("css", ["break-after:avoid", "section#map,figure,table,.cards{break-inside:avoid"])
def test_print_stylesheet_keeps_headings_with_their_content(css):
    from airshield.report.html import CSS
    assert "@media print" in CSS and css in CSS
