"""Entity identity across the archive: one ``entity_id`` per real-world entity.

Every name the archive stores (an entity's canonical form, a speaker, an
event actor) has a row in ``entity_names`` with the ``entity_id`` of the
entity it names. Names are merged into one entity by:

- their key (:func:`name_key`: "DPR-RI" and "DPR RI", "JAKARTA" and "Jakarta");
- the links articles make (``article`` links in ``entity_links``): a nickname
  or acronym and the full name the article resolved it to ("Jokowi" ->
  "Joko Widodo", "KPU" -> "Komisi Pemilihan Umum"), an acronym and its long
  form. A short form made of words of the full name ("Bagja" for "Rahmat
  Bagja") is NOT linked across articles: another article's "Bagja" may be
  someone else. See :func:`linkable`;
- the shared alias table (``warta/lang/aliases.tsv`` and the acronyms of
  ``warta/lang/organisations.json``, source ``seed``);
- the user's aliases (``warta aliases add "Jokowi" "Joko Widodo"``, source
  ``user``), applied to the stored names at once, without re-extraction.

Merging is a union: an ``entity_id`` is the smallest ``entity_names.pk`` of
its names. Removing an alias rebuilds every id from the keys, the links and
the remaining aliases (:func:`rebuild`).

Outlets ("Bisnis.com", "Antara", a dateline's "KOMPAS.com") are entities
whose key is in ``outlet_keys`` (from each article's ``outlet`` and dateline,
``warta/lang/outlets.txt`` and ``warta/lang/news_agencies.txt``); rankings
leave them out.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from ..errors import AliasError
from ..lang import load_json, load_lines
from ..record import Record

_WORDS = re.compile(r"\w+")
# Labels of the last parts of a web host that are not the outlet's name.
_HOST_SUFFIXES = frozenset("com co id net org or go ac tv news us info biz web my sg asia www".split())
# The longest nickname or acronym linked across articles by its letters alone.
_MAX_SHORT = 12
# Words that may stand before or after a name without making it another entity:
# place types and legal forms ("Kota Jayapura" is Jayapura, "Partai Golkar" Golkar).
# A building or an office named after a body ("Gedung Djuanda Kementerian
# Keuangan", "Humas Polri") is not the body, so other extra words block a link.
_EXTRA_OK = frozenset("kota kabupaten kab provinsi prov kecamatan kelurahan desa pulau negara republik ri "
                      "partai pt tbk persero".split())


def name_key(name: Optional[str]) -> str:
    """A name as compared across articles: NFKC, case-folded, letters and digits only.

    "DPR-RI", "DPR RI" and "dpr ri" share a key; so do "JAKARTA" and "Jakarta".
    """
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def _words(name: str) -> set[str]:
    return {w.casefold() for w in _WORDS.findall(name)}


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def linkable(short: str, full: str) -> bool:
    """Whether an article's link between ``short`` and ``full`` holds across the archive.

    True for a nickname or acronym whose letters occur in order in the full
    name ("Jokowi"/"Joko Widodo", "Polri"/"Kepolisian Negara Republik
    Indonesia", "Korut"/"Korea Utara") and for a name with the other's words
    plus more ("Kota Jayapura"/"Jayapura"). False for a short form made of
    the full name's words ("Bagja"/"Rahmat Bagja": another Bagja elsewhere)
    and for pairs whose letters do not fit ("BLBI"/"Bank Indonesia", a
    resolver's slip that would merge two bodies).
    """
    ks, kf = name_key(short), name_key(full)
    if not ks or not kf or ks == kf:
        return False
    ws, wf = _words(short), _words(full)
    if ws <= wf or wf <= ws:
        # One is the other plus a place type or legal form: the same entity.
        # Otherwise a short form made of the other's words ("Bagja"), or a
        # longer name of something else ("Gedung ... Kementerian Keuangan").
        extra = (wf - ws) | (ws - wf)
        return bool(extra) and extra <= _EXTRA_OK
    a, b = (ks, kf) if len(ks) <= len(kf) else (kf, ks)
    return len(a) <= _MAX_SHORT and _subsequence(a, b)


# -- seeds -------------------------------------------------------------------


@lru_cache(maxsize=1)
def seed_aliases() -> tuple[tuple[str, str], ...]:
    """``(alias, name)`` pairs of ``lang/aliases.tsv`` and the acronyms of ``lang/organisations.json``."""
    pairs = []
    text = resources.files("warta.lang").joinpath("aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if "\t" in line:
            alias, name = (x.strip() for x in line.split("\t", 1))
            if alias and name and alias != name:
                pairs.append((alias, name))
    for acronym, info in load_json("organisations")["acronyms"].items():
        if isinstance(info, dict) and info.get("long"):
            pairs.append((acronym, info["long"]))
    return tuple(dict.fromkeys(pairs))


def outlet_keys_of(outlet: Optional[str]) -> set[str]:
    """Keys an outlet goes by: "papua.antaranews.com" -> {"papuaantaranewscom", "antaranews", "antaranewscom"}."""
    if not outlet or not outlet.strip():
        return set()
    base = name_key(outlet)
    out = {base} if base.endswith("com") else {base, base + "com"}  # "CNN Indonesia" is also "CNNIndonesia.com"
    host = outlet.strip().lower()
    if "." in host and " " not in host:
        labels = [x for x in host.split(".") if x and x != "www"][:-1]  # the last is the top-level domain
        while labels and labels[-1] in _HOST_SUFFIXES:
            labels.pop()
        # "papua.us" is an outlet, Papua a province: a brand that is a place name stays a place.
        if labels and name_key(labels[-1]) not in _place_keys():
            brand = labels[-1]
            out |= {name_key(brand), name_key(brand + ".com")}
    return {k for k in out if len(k) >= 3}


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """Keys of every place name of the gazetteer (``lang/places.json``)."""
    rows = load_json("places")["places"]
    return frozenset(name_key(f) for row in rows for f in [row[0], *row[-1]])


# -- writes (inside the writer's transaction) ---------------------------------


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _ids_of(conn: sqlite3.Connection, names: Iterable[str], mentions: Counter) -> dict[str, int]:
    """``entity_id`` of every name, adding the missing ones and counting ``mentions``."""
    names = list(dict.fromkeys(n for n in names if name_key(n)))
    if not names:
        return {}
    found: dict[str, int] = {}
    for chunk in _chunks(names):
        for name, eid in conn.execute(
                f"SELECT name, entity_id FROM entity_names WHERE name IN ({','.join('?' * len(chunk))})", chunk):
            found[name] = eid
    counted = [(mentions[n], n) for n in found if mentions.get(n)]
    if counted:
        conn.executemany("UPDATE entity_names SET mentions = mentions + ? WHERE name = ?", counted)
    for name in names:
        if name in found:
            continue
        key = name_key(name)
        row = conn.execute("SELECT entity_id FROM entity_names WHERE key = ? LIMIT 1", (key,)).fetchone()
        cur = conn.execute("INSERT INTO entity_names(name, key, entity_id, mentions) VALUES (?, ?, ?, ?)",
                           (name, key, row[0] if row else 0, mentions.get(name, 0)))
        if row is None:
            conn.execute("UPDATE entity_names SET entity_id = pk WHERE pk = ?", (cur.lastrowid,))
            found[name] = cur.lastrowid
        else:
            found[name] = row[0]
    return found


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _union(conn: sqlite3.Connection, a: int, b: int) -> int:
    if a == b:
        return a
    keep, drop = min(a, b), max(a, b)
    conn.execute("UPDATE entity_names SET entity_id = ? WHERE entity_id = ?", (keep, drop))
    return keep


def _full_names(conn: sqlite3.Connection, eid: int) -> list[set[str]]:
    return [_words(n) for (n,) in conn.execute("SELECT name FROM entity_names WHERE entity_id = ?", (eid,))
            if len(_words(n)) >= 2]


def _conflict(conn: sqlite3.Connection, a: int, b: int) -> bool:
    """True when both entities already have full names and none of them fits the other side's.

    An acronym with two expansions in two articles ("BMI": Banteng Muda
    Indonesia, Bea Masuk Imbalan) would otherwise merge two bodies. The
    shared and user alias tables are not checked: a person said so.
    """
    fa, fb = _full_names(conn, a), _full_names(conn, b)
    if not fa or not fb:
        return False
    return not any(x <= y or y <= x for x in fa for y in fb)


def record_names(rec: Record) -> tuple[Counter, set[tuple[str, str]], set[str]]:
    """What one Record tells the identity table.

    Returns:
        ``(mentions, links, outlets)``: entity mentions per canonical name
        (speakers and actors with 0, so that they get a row), the linkable
        name pairs the article makes, and the outlet's keys.
    """
    mentions: Counter = Counter()
    links: set[tuple[str, str]] = set()
    for e in rec.entities:
        name = e.canonical or e.text
        mentions[name] += 1
        if e.text != name and linkable(e.text, name):
            links.add((e.text, name))
        if e.long_form and e.long_form != name and linkable(name, e.long_form):
            links.add((name, e.long_form))
    for q in rec.quotes:
        if q.speaker is not None:
            mentions[q.speaker.canonical or q.speaker.text] += 0
    for ev in rec.events:
        for a in (*ev.actor, *ev.recipient):
            mentions[a.canonical or a.text] += 0
    outlets = outlet_keys_of(rec.outlet)
    if rec.dateline is not None:
        outlets |= outlet_keys_of(rec.dateline.outlet)
    return mentions, links, outlets


def link_record(conn: sqlite3.Connection, rec: Record) -> None:
    """Give every name of a stored Record its ``entity_id`` (the ingest hook)."""
    mentions, links, outlets = record_names(rec)
    _ids_of(conn, [*mentions, *(n for pair in links for n in pair)], mentions)
    for a, b in sorted(links):
        ia = conn.execute("SELECT entity_id FROM entity_names WHERE name = ?", (a,)).fetchone()[0]
        ib = conn.execute("SELECT entity_id FROM entity_names WHERE name = ?", (b,)).fetchone()[0]
        if ia == ib or _conflict(conn, ia, ib):
            continue
        ka, kb = sorted((name_key(a), name_key(b)))
        conn.execute("INSERT OR IGNORE INTO entity_links(a, b) VALUES (?, ?)", (ka, kb))
        _union(conn, ia, ib)
    if outlets:
        conn.executemany("INSERT OR IGNORE INTO outlet_keys(key, name) VALUES (?, ?)",
                         [(k, rec.outlet or (rec.dateline.outlet if rec.dateline else k)) for k in sorted(outlets)])


def _apply_alias(conn: sqlite3.Connection, alias: str, name: str, preferred: int) -> None:
    ids = _ids_of(conn, [alias, name], Counter())
    if alias in ids and name in ids:
        conn.execute("UPDATE entity_names SET preferred = max(preferred, ?) WHERE name = ?", (preferred, name))
        _union(conn, ids[alias], ids[name])


def sync_seeds(conn: sqlite3.Connection) -> int:
    """Make the archive's ``seed`` aliases those this warta ships; returns how many changed.

    New seeds are merged at once; a seed no longer shipped triggers a
    :func:`rebuild`. Runs in its own transaction when there is work.
    """
    shipped = set(seed_aliases())
    stored = {(a, n) for a, n in conn.execute("SELECT alias, name FROM entity_aliases WHERE source = 'seed'")}
    new, gone = shipped - stored, stored - shipped
    outlets = {k: n for name in ("outlets", "news_agencies") for n in load_lines(name) for k in outlet_keys_of(n)}
    have_outlets = {k for (k,) in conn.execute("SELECT key FROM outlet_keys")}
    missing_outlets = {k: n for k, n in outlets.items() if k not in have_outlets}
    if not new and not gone and not missing_outlets:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        now = _now()
        conn.executemany("INSERT OR IGNORE INTO outlet_keys(key, name) VALUES (?, ?)", sorted(missing_outlets.items()))
        conn.executemany("DELETE FROM entity_aliases WHERE alias = ? AND name = ? AND source = 'seed'", sorted(gone))
        conn.executemany("INSERT OR IGNORE INTO entity_aliases(alias, name, source, created_at) VALUES (?, ?, 'seed', ?)",
                         [(a, n, now) for a, n in sorted(new)])
        if gone:
            rebuild(conn)
        else:
            for a, n in sorted(new):
                _apply_alias(conn, a, n, 1)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(new) + len(gone)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every ``entity_id`` from the names' keys, the article links and the aliases.

    Runs inside the caller's transaction.
    """
    rows = conn.execute("SELECT pk, name, key FROM entity_names").fetchall()
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in conn.execute("SELECT a, b FROM entity_links"):
        union(a, b)
    preferred: dict[str, int] = {}
    for alias, name, source in conn.execute("SELECT alias, name, source FROM entity_aliases"):
        union(name_key(alias), name_key(name))
        preferred[name] = max(preferred.get(name, 0), 2 if source == "user" else 1)
    first: dict[str, int] = {}
    for pk, _, key in rows:
        root = find(key)
        first[root] = min(first.get(root, pk), pk)
    conn.executemany("UPDATE entity_names SET entity_id = ?, preferred = ? WHERE pk = ?",
                     [(first[find(key)], preferred.get(name, 0), pk) for pk, name, key in rows])
    # Alias names that no article used yet still need rows, so that they merge when one does.
    for alias, name in conn.execute("SELECT alias, name FROM entity_aliases").fetchall():
        _apply_alias(conn, alias, name, preferred.get(name, 0))


def backfill(conn: sqlite3.Connection) -> int:
    """Link every stored Record (an archive made before identities); returns how many."""
    import json

    n = 0
    last = 0
    while True:
        rows = conn.execute("SELECT pk, record FROM articles WHERE pk > ? ORDER BY pk LIMIT 500", (last,)).fetchall()
        if not rows:
            return n
        for pk, raw in rows:
            link_record(conn, Record.model_validate(json.loads(raw)))
            n += 1
        last = rows[-1][0]


# -- user aliases -------------------------------------------------------------


def add_alias(conn: sqlite3.Connection, alias: str, name: str) -> int:
    """Declare ``alias`` another name of ``name`` and merge their entities in the stored archive.

    No article is extracted again: the names already stored point to the
    merged ``entity_id`` when this returns.

    Returns:
        The merged entity's id.

    Raises:
        AliasError: an empty name, or two names with the same key.
    """
    alias, name = (alias or "").strip(), (name or "").strip()
    if not name_key(alias) or not name_key(name):
        raise AliasError("an alias and a name are both needed (letters or digits)")
    if name_key(alias) == name_key(name):
        raise AliasError(f"{alias!r} and {name!r} are already one name (they differ only in case or punctuation)")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO entity_aliases(alias, name, source, created_at) VALUES (?, ?, 'user', ?)",
                     (alias, name, _now()))
        _apply_alias(conn, alias, name, 2)
        eid = conn.execute("SELECT entity_id FROM entity_names WHERE name = ?", (name,)).fetchone()[0]
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return eid


def remove_alias(conn: sqlite3.Connection, alias: str, name: str) -> bool:
    """Forget a user alias and rebuild the identities; False when there was no such alias."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        cur = conn.execute("DELETE FROM entity_aliases WHERE alias = ? AND name = ? AND source = 'user'",
                           (alias.strip(), name.strip()))
        if cur.rowcount:
            rebuild(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return bool(cur.rowcount)


def aliases(conn: sqlite3.Connection, source: Optional[str] = "user") -> list[dict]:
    """Aliases of one source (``user``, ``seed``, or None for both)."""
    sql = "SELECT alias, name, source, created_at FROM entity_aliases"
    params: list = []
    if source:
        sql += " WHERE source = ?"
        params.append(source)
    return [dict(r) for r in conn.execute(sql + " ORDER BY source DESC, name, alias", params)]


# -- reads --------------------------------------------------------------------

# Names sharing an entity with any name LIKE the parameter (one ``?``, ESCAPE '\').
SAME_ENTITY_NAMES = ("SELECT n2.name FROM entity_names n1 JOIN entity_names n2 ON n2.entity_id = n1.entity_id "
                     "WHERE n1.name LIKE ? ESCAPE '\\'")
# Entity ids of outlets (no parameter).
OUTLET_ENTITIES = "SELECT n.entity_id FROM entity_names n JOIN outlet_keys o ON o.key = n.key"


def entity_id(conn: sqlite3.Connection, name: str) -> Optional[int]:
    """The ``entity_id`` of a stored name (exact, else by key), or None."""
    row = conn.execute("SELECT entity_id FROM entity_names WHERE name = ?", (name,)).fetchone()
    if row is None:
        row = conn.execute("SELECT entity_id FROM entity_names WHERE key = ? LIMIT 1", (name_key(name),)).fetchone()
    return row[0] if row else None


def names_of(conn: sqlite3.Connection, name: str) -> list[str]:
    """Every stored name of the entity ``name`` names (``[name]`` when it is unknown)."""
    eid = entity_id(conn, name)
    if eid is None:
        return [name]
    names = [r[0] for r in conn.execute("SELECT name FROM entity_names WHERE entity_id = ? ORDER BY name", (eid,))]
    return names if name in names else [name, *names]


def display_name(conn: sqlite3.Connection, eid: int) -> Optional[str]:
    """The name shown for an entity: an alias target first, then the most mentioned."""
    row = conn.execute("SELECT name FROM entity_names WHERE entity_id = ? "
                       "ORDER BY preferred DESC, mentions DESC, length(name) DESC, name LIMIT 1", (eid,)).fetchone()
    return row[0] if row else None


def ids_for(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """``{name: entity_id}`` for the stored names among ``names``."""
    names = list(dict.fromkeys(names))
    out: dict[str, int] = {}
    for chunk in _chunks(names):
        out.update(conn.execute(f"SELECT name, entity_id FROM entity_names WHERE name IN ({','.join('?' * len(chunk))})",
                                chunk).fetchall())
    return out


def outlet_entity_ids(conn: sqlite3.Connection) -> set[int]:
    """Entity ids that are news outlets."""
    return {r[0] for r in conn.execute(OUTLET_ENTITIES)}
