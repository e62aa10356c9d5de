"""The ``geo`` component (placeholder: produces nothing yet; see the issue tracker)."""

from spacy.language import Language
from spacy.tokens import Doc


class Geo:
    """Placeholder component; it assigns nothing."""

    def __init__(self, nlp: Language, name: str = "geo"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("geo")
def make_geo(nlp: Language, name: str) -> Geo:
    return Geo(nlp, name)
