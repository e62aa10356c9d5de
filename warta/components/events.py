"""The ``events`` component (placeholder: produces nothing yet; see the issue tracker)."""

from spacy.language import Language
from spacy.tokens import Doc


class Events:
    """Placeholder component; it assigns nothing."""

    def __init__(self, nlp: Language, name: str = "events"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("events")
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
