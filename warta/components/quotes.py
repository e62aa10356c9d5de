"""The ``quotes`` component (placeholder: produces nothing yet; see the issue tracker)."""

from spacy.language import Language
from spacy.tokens import Doc


class Quotes:
    """Placeholder component; it assigns nothing."""

    def __init__(self, nlp: Language, name: str = "quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("quotes")
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, name)
