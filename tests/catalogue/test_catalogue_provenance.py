"""Every shipped figure carries a source or an assumption."""

import pytest

from airshield.catalogue import load_catalogue
from airshield.catalogue.fields import MUNITION_FIELDS
from airshield.catalogue.sections import SECTIONS


def _figure_keys(fields, record):
    keys = []
    for spec in fields:
        if spec.kind == "prob_map":
            keys += [f"{spec.key}.{cls}" for cls in getattr(record, spec.attr)]
        elif spec.is_figure:
            keys.append(spec.key)
    return keys


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
def test_every_figure_has_provenance(section):
    cat = load_catalogue()
    for key, record in getattr(cat, section.name).items():
        items = [(record, section.fields)]
        items += [(m, MUNITION_FIELDS) for m in getattr(record, "munitions", ())]
        for rec, fields in items:
            for figure in _figure_keys(fields, rec):
                text = rec.provenance.get(figure, "")
                assert text.startswith(("source:", "assumption:")), (key, rec.key, figure)


def test_sources_cite_the_reference():
    cat = load_catalogue()
    for record in cat.threats.values():
        for text in record.provenance.values():
            if text.startswith("source:"):
                assert "public-figures.md" in text and "[" in text, text
