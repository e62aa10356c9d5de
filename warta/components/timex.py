"""The ``timex`` component (placeholder: produces nothing yet; see the issue tracker)."""

from spacy.language import Language
from spacy.tokens import Doc


class Timex:
    """Placeholder component; it assigns nothing."""

    def __init__(self, nlp: Language, name: str = "timex"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("timex")
def make_timex(nlp: Language, name: str) -> Timex:
    return Timex(nlp, name)
