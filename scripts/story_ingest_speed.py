"""Ingest speed with stories on against stories off, interleaved, as one ratio.

    python scripts/story_ingest_speed.py [--articles 1000] [--chunk 50]

The first N IndoSum articles (``warta.corpus.iter_indosum``) are cut into
chunks; each chunk is ingested with warta's own ``ingest`` twice, into an
archive with stories on and one with stories off, the order alternating from
chunk to chunk, so that a busy moment on a shared machine slows both. Both
archives grow chunk by chunk as a real one does. The pipeline is loaded
before the clock starts. Prints per-condition seconds, articles per second
and the ratio on/off; ``--json`` for a machine-readable line. The time spent
giving names their entity ids (on in both conditions) is reported apart.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chunk", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from warta.corpus import iter_indosum
    from warta.ingest import IngestOptions, ingest
    from warta.pipeline import load
    from warta.store import identity

    arts = list(itertools.islice(iter_indosum(), args.articles))
    load()  # model load outside the clock
    link_seconds = {"on": 0.0, "off": 0.0}
    condition = {"now": "off"}
    original = identity.link_record

    def timed_link(conn, rec):
        t = time.perf_counter()
        original(conn, rec)
        link_seconds[condition["now"]] += time.perf_counter() - t

    identity.link_record = timed_link  # the Store calls it through the module
    seconds = {"on": 0.0, "off": 0.0}
    added = {"on": 0, "off": 0}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dbs = {"on": tmp / "on.db", "off": tmp / "off.db"}
        for i in range(0, len(arts), args.chunk):
            chunk = tmp / f"chunk{i}.jsonl"
            with open(chunk, "w", encoding="utf-8") as fh:
                for a in arts[i:i + args.chunk]:
                    fh.write(json.dumps({k: a[k] for k in ("id", "text", "url", "outlet", "published")},
                                        ensure_ascii=False) + "\n")
            order = ("on", "off") if (i // args.chunk) % 2 == 0 else ("off", "on")
            for cond in order:
                condition["now"] = cond
                t = time.perf_counter()
                s = ingest([chunk], dbs[cond], IngestOptions(progress=False, stories=(cond == "on")))
                seconds[cond] += time.perf_counter() - t
                added[cond] += s.added
    identity.link_record = original
    ratio = seconds["on"] / seconds["off"]
    out = {"articles": len(arts), "added": added, "seconds": {k: round(v, 2) for k, v in seconds.items()},
           "articles_per_s": {k: round(added[k] / seconds[k], 2) for k in seconds},
           "ratio_on_off": round(ratio, 4), "identity_link_seconds": {k: round(v, 2) for k, v in link_seconds.items()}}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{len(arts)} IndoSum articles, chunks of {args.chunk}, conditions interleaved")
        for k in ("off", "on"):
            print(f"  stories {k:3}: {seconds[k]:7.1f} s  {out['articles_per_s'][k]:6.2f} articles/s"
                  f"  (entity ids: {link_seconds[k]:.2f} s)")
        print(f"  ratio on/off: {ratio:.3f} ({(ratio - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
