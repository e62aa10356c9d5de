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


def country_code(name: str):
    """ISO 3166 alpha-3 for an Indonesian country name, exonym or demonym ("Rusia", "AS"), else None.

    Placeholder until the geo component lands; the interface is stable.
    """
    return None


def lookup_place(name: str):
    """``{"canonical", "country", "lat", "lon", "geonameid"}`` for a place name, else None.

    Placeholder until the geo component lands; the interface is stable.
    """
    return None
