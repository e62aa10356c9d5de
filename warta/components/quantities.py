"""The ``quantities`` component (placeholder: produces nothing yet; see the issue tracker)."""

from spacy.language import Language
from spacy.tokens import Doc


class Quantities:
    """Placeholder component; it assigns nothing."""

    def __init__(self, nlp: Language, name: str = "quantities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("quantities")
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(nlp, name)
