"""The components' structure: what each factory declares, and what a component module may hold."""

from __future__ import annotations

from spacy.language import Language

from warta.pipeline import STAGES, build


def test_structure_every_factory_declares_requires_and_assigns():
    for name in STAGES:
        if name == "ner":
            continue  # spaCy's own
        meta = Language.get_factory_meta(name)
        assert meta.assigns, name
        assert meta.requires or name == "segmenter", name


def test_structure_the_pipeline_meets_what_its_components_require():
    nlp = build()
    problems = nlp.analyze_pipes()["problems"]
    # doc._.published is set on the Doc before the pipeline runs (warta.api), by no component
    assert {name: sorted(set(p) - {"doc._.published"}) for name, p in problems.items()} \
        == {name: [] for name in problems}
