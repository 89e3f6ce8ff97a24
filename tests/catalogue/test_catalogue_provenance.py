"""Every shipped figure carries a source or an assumption."""

import pytest

from airshield.catalogue import load_catalogue
from airshield.catalogue.fields import LOADOUT_FIELDS, MUNITION_FIELDS
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
        items += [(w, LOADOUT_FIELDS) for w in getattr(record, "weapons", ())]
        for rec, fields in items:
            for figure in _figure_keys(fields, rec):
                text = rec.provenance.get(figure, "")
                assert text.startswith(("source:", "assumption:")), (key, rec.key, figure)


def _cites_a_reference(text: str) -> bool:
    """public-figures.md with its reference numbers, or carriers-and-glide-bombs.md with its section."""
    public = "public-figures.md" in text and "[" in text
    carriers = "carriers-and-glide-bombs.md" in text and any(f" {p}." in text for p in "AB")
    return public or carriers


def test_sources_cite_the_reference():
    cat = load_catalogue()
    for record in cat.threats.values():
        texts = list(record.provenance.values())
        texts += [t for w in record.weapons for t in w.provenance.values()]
        for text in texts:
            if text.startswith("source:"):
                assert _cites_a_reference(text), text
