"""Hand-built Records for archive, CLI and web tests (sentences written by the team).

Offsets are computed from the text, so the Records are valid whatever the
pipeline components currently find. Loaded by other test folders through
``load_samples()`` in their conftest.
"""

from __future__ import annotations

from warta.record import (Actor, Cue, Entity, Event, Geo, Location, Quantity, Quote, Record, Sentence, Speaker,
                          TextSpan, TimeExpr)

XSS_TITLE = '<script>alert("judul")</script> Uji keamanan'
XSS_BODY = '<img src=x onerror=alert(2)>'


def _span(text: str, surface: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def ent(text, surface, label, canonical=None, country=None, geo=None, role=None, nth=1) -> Entity:
    s, e = _span(text, surface, nth)
    return Entity(start=s, end=e, text=surface, label=label, canonical=canonical or surface, country=country,
                  geo=Geo(lat=geo[0], lon=geo[1]) if geo else None, role=role)


def quote(text, content, kind, speaker=None, speaker_canonical=None, cue=None, label="PER") -> Quote:
    s, e = _span(text, content)
    sp = None
    if speaker:
        ss, se = _span(text, speaker)
        sp = Speaker(start=ss, end=se, text=speaker, canonical=speaker_canonical or speaker, label=label)
    cu = None
    if cue:
        cs, ce = _span(text, cue, 1)
        cu = Cue(start=cs, end=ce, text=cue)
    return Quote(start=s, end=e, text=content, kind=kind, speaker=sp, cue=cu)


def time(text, surface, value, type_="DATE") -> TimeExpr:
    s, e = _span(text, surface)
    return TimeExpr(start=s, end=e, text=surface, type=type_, value=value)


def qty(text, surface, value=None, modifier="exact", counted=None, unit=None, vmin=None, vmax=None) -> Quantity:
    s, e = _span(text, surface)
    return Quantity(start=s, end=e, text=surface, value=value, modifier=modifier, counted=counted, unit=unit,
                    min=vmin, max=vmax)


def event(text, trigger, type_, cameo, actors=(), recipients=(), location=None, date=None, sentence=0) -> Event:
    s, e = _span(text, trigger)
    loc = Location(text=location[0], canonical=location[0], country=location[1], lat=location[2],
                   lon=location[3]) if location else None
    return Event(type=type_, cameo=cameo, quad=None, sentence=sentence, trigger=TextSpan(start=s, end=e, text=trigger),
                 actor=[Actor(text=a[0], canonical=a[0], country=a[1]) for a in actors],
                 recipient=[Actor(text=a[0], canonical=a[0], country=a[1]) for a in recipients],
                 location=loc, date=date)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            seg = text[start:i + 1]
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(start=start + lead, end=i + 1))
            start = i + 1
    return out


ALMATY = ("Almaty", "KAZ", 43.25, 76.95)
JAKARTA = ("Jakarta", "IDN", -6.21, 106.85)


def almaty() -> Record:
    t = ('ALMATY - Ribuan tentara Rusia mulai meninggalkan Kazakhstan pada Kamis. "Tugas kami di sini sudah '
         'tuntas," kata Jenderal Andrei Serdyukov di Almaty.\n\nPresiden Kassym-Jomart Tokayev mengatakan bahwa '
         'situasi sudah pulih. Tokayev menuduh kelompok bersenjata berupaya melakukan kudeta.')
    return Record(
        id="sample-almaty", url="https://kabar.example/dunia/almaty", outlet="kabar.example",
        title="Pasukan penjaga perdamaian tinggalkan Almaty", published="2022-01-13", text=t,
        sentences=_sentences(t),
        entities=[ent(t, "Rusia", "LOC", country="RUS"), ent(t, "Kazakhstan", "LOC", country="KAZ"),
                  ent(t, "Andrei Serdyukov", "PER", country="RUS", role="Jenderal"),
                  ent(t, "Almaty", "LOC", country="KAZ", geo=(43.25, 76.95), nth=1),
                  ent(t, "Kassym-Jomart Tokayev", "PER", country="KAZ", role="Presiden"),
                  ent(t, "Tokayev", "PER", canonical="Kassym-Jomart Tokayev", country="KAZ", nth=2)],
        quotes=[quote(t, '"Tugas kami di sini sudah tuntas,"', "direct", "Andrei Serdyukov", cue="kata"),
                quote(t, "situasi sudah pulih", "indirect", "Kassym-Jomart Tokayev", cue="mengatakan")],
        times=[time(t, "Kamis", "2022-01-13")],
        quantities=[qty(t, "Ribuan tentara", modifier="approx", counted="tentara", vmin=1000, vmax=9999)],
        events=[event(t, "meninggalkan", "RETREAT", "0871", [("Rusia", "RUS")], [("Kazakhstan", "KAZ")], ALMATY,
                      "2022-01-13"),
                event(t, "menuduh", "ACCUSE", "112", [("Kassym-Jomart Tokayev", "KAZ")], [], ALMATY, None, 3)],
    )


def jakarta() -> Record:
    t = ('Ribuan buruh berunjuk rasa di depan gedung DPR di Jakarta, Senin (7/2/2022). "Kami menolak upah murah," '
         'ujar Siti Rahmawati, koordinator aksi dari Serikat Pekerja Nusantara. Polisi menangkap 12 orang.')
    return Record(
        id="sample-jakarta", url="https://berita.example/nasional/unjuk-rasa", outlet="berita.example",
        title="Buruh berunjuk rasa tolak upah murah", published="2022-02-07", text=t, sentences=_sentences(t),
        entities=[ent(t, "DPR", "ORG", country="IDN"), ent(t, "Jakarta", "LOC", country="IDN", geo=(-6.21, 106.85)),
                  ent(t, "Siti Rahmawati", "PER", country="IDN", role="koordinator aksi"),
                  ent(t, "Serikat Pekerja Nusantara", "ORG", country="IDN"), ent(t, "Polisi", "ORG", country="IDN")],
        quotes=[quote(t, '"Kami menolak upah murah,"', "direct", "Siti Rahmawati", cue="ujar")],
        times=[time(t, "Senin (7/2/2022)", "2022-02-07")],
        quantities=[qty(t, "12 orang", value=12, counted="orang")],
        events=[event(t, "berunjuk rasa", "PROTEST", "141", [("buruh", "IDN")], [("DPR", "IDN")], JAKARTA,
                      "2022-02-07"),
                event(t, "menangkap", "COERCE", "173", [("Polisi", "IDN")], [("buruh", "IDN")], JAKARTA, "2022-02-07",
                      2)],
    )


def overlap() -> Record:
    # A time that straddles the end of a quote, and a name inside a quote.
    t = '"Tokayev datang besok pagi" kata juru bicara itu kepada wartawan di Almaty.'
    q_end = t.index('"', 1) + 1
    tm_s = t.index("pagi")
    return Record(
        id="sample-overlap", title="Kunjungan Tokayev", published="2022-01-20", text=t, sentences=_sentences(t),
        entities=[ent(t, "Tokayev", "PER", canonical="Kassym-Jomart Tokayev", country="KAZ"),
                  ent(t, "Almaty", "LOC", country="KAZ", geo=(43.25, 76.95))],
        quotes=[Quote(start=0, end=q_end, text=t[:q_end], kind="direct",
                      speaker=None, cue=Cue(start=q_end + 1, end=q_end + 5, text="kata"))],
        times=[TimeExpr(start=tm_s, end=q_end + 5, text=t[tm_s:q_end + 5], type="TIME", value="2022-01-21TMO")],
    )


def xss() -> Record:
    t = (f'Pejabat itu menulis {XSS_BODY} di akun media sosialnya. <script>alert(1)</script> '
         'Juru bicara Budi Hartono mengatakan unggahan itu palsu. Robert\'); DROP TABLE articles;-- ikut dikutip.')
    return Record(
        id="sample-xss", url="javascript:alert(3)", title=XSS_TITLE, published="2022-02-10", text=t,
        sentences=_sentences(t),
        entities=[ent(t, "Budi Hartono", "PER", country="IDN"),
                  ent(t, "<script>alert(1)</script>", "ORG", canonical='<script>alert("org")</script>')],
        quotes=[quote(t, "unggahan itu palsu", "indirect", "Budi Hartono", cue="mengatakan")],
    )


ARREST = "Polisi menangkap seorang pengedar di Jakarta. "


def many_events(n: int, published: str = "2022-03-31", rid: str = "many") -> Record:
    """One article of ``n`` team-written arrest sentences, each an event on its own day of March 2022."""
    text = ARREST * n
    events = []
    for i in range(n):
        s = i * len(ARREST) + ARREST.index("menangkap")
        events.append(Event(type="COERCE", cameo="173", quad=4, sentence=i,
                            trigger=TextSpan(start=s, end=s + 9, text="menangkap"),
                            actor=[Actor(text="Polisi", canonical="Polisi", country="IDN")],
                            location=Location(text="Jakarta", canonical="Jakarta", country="IDN", lat=-6.21,
                                              lon=106.85, adm1="ID.04", province="DKI Jakarta"),
                            date=f"2022-03-{(1 + i) % 28 + 1:02d}"))
    sentences = [Sentence(start=i * len(ARREST), end=(i + 1) * len(ARREST) - 1) for i in range(n)]
    return Record(id=rid, title="Rangkaian penangkapan", published=published, text=text, sentences=sentences,
                  events=events)


def all_samples() -> list[Record]:
    """The four sample Records, in a fixed order."""
    return [almaty(), jakarta(), overlap(), xss()]
