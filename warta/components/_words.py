"""Word-shape tests shared by the components.

One definition each, so that "a capitalised word" means the same in the
entity resolver, geo and the quote finder. Word *lists* are in
:mod:`warta.lang`; the morphology of prefixed verbs is :mod:`warta.morphology`.
"""

from __future__ import annotations


def is_cap(text: str) -> bool:
    """Whether ``text`` (a word or a token's text) starts with a capital letter: "Jakarta", "KPK", "Jl."."""
    return text[:1].isupper()


#: the shortest clipped given name taken as a short form ("Andi" could be anyone's first four letters)
MIN_CLIPPED = 4
#: the fewest letters each word gives to a blended nickname ("Set" + "nov")
MIN_BLEND_PART = 3


def is_clipped_form(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` cut after its first syllables.

    Indonesian news shortens a long given name to its head on later mentions:
    "Enggar" for "Enggartiasto", "Sandi" for "Sandiaga", "Hermawan" for
    "Hermawanto". The cut must leave at least two letters off, so "Ahmad" is
    not a clipped "Ahmadi".
    """
    return (len(short) >= MIN_CLIPPED and len(word) >= len(short) + 2 and short[:1].isupper()
            and word.lower().startswith(short.lower()))


def is_blended_form(short: str, words: tuple[str, ...]) -> bool:
    """Whether ``short`` blends the heads of two neighbouring words of a name ("Setnov" of Setya Novanto,
    "Zulhas" of Zulkifli Hasan): at least three letters of each (so "Busan" is no Budi Santoso), the first
    written with a capital. Indonesian news names officials so."""
    low = short.lower()
    if len(low) < 2 * MIN_BLEND_PART or not short[:1].isupper() or len(words) < 2:
        return False
    for first, second in zip(words, words[1:]):
        first, second = first.lower(), second.lower()
        for cut in range(MIN_BLEND_PART, min(len(first), len(low) - MIN_BLEND_PART) + 1):
            if low[:cut] == first[:cut] and second.startswith(low[cut:]) and low not in (first, second):
                return True
    return False
