"""The ``entity_resolver`` component (placeholder: produces nothing yet; see the issue tracker)."""

from spacy.language import Language
from spacy.tokens import Doc


class EntityResolver:
    """Placeholder component; it assigns nothing."""

    def __init__(self, nlp: Language, name: str = "entity_resolver"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("entity_resolver")
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name)
