"""The JSON export other tools read; its keys are a contract (see README)."""

from __future__ import annotations

import json

from briefpack import __version__
from briefpack.model import Pack


def pack_to_dict(pack: Pack, pages: int) -> dict:
    manifest = pack.manifest
    cited = [(c.id, {p.source for p in c.paragraphs}) for c in pack.chapters]
    newer = {x.older: x.newer for x in pack.supersessions}
    older: dict[str, list[str]] = {}
    for x in pack.supersessions:
        older.setdefault(x.newer, []).append(x.older)
    return {
        "title": manifest.title,
        "subtitle": manifest.subtitle,
        "date": manifest.date,
        "generator": f"briefpack {__version__}",
        "sources": [
            {
                "id": s.id,
                "path": s.rel,
                "title": s.title,
                "author": s.author,
                "publisher": s.publisher,
                "published": s.published,
                "published_inferred": s.published_inferred,
                "url": s.url,
                "sha256": s.sha256,
                "words": s.words,
                "summary": s.summary,
                "rights": s.rights,
                "place": s.place,
                "agency": s.agency,
                "dateline": next((b.dateline for b in s.blocks if b.dateline), None),
                "chapters": [cid for cid, ids in cited if s.id in ids],
                "supersedes": older.get(s.id, []),
                "superseded_by": newer.get(s.id),
            }
            for s in pack.sources
        ],
        "summary": [
            {"text": k.text, "sources": list(k.sources), "chapter": k.chapter, "paragraph": k.anchor}
            for k in (pack.summary.points if pack.summary else ())
        ],
        "key_dates": [
            {"date": e.date, "text": e.text, "sources": list(e.sources)}
            for e in (pack.summary.dates if pack.summary else ())
        ],
        "chapters": [
            {
                "id": c.id,
                "title": c.title,
                "paragraphs": [
                    {
                        "source": p.source,
                        "ordinal": p.ordinal,
                        "text": p.text,
                        "themes": list(p.themes),
                        "scores": {s.theme: {"score": s.score, "matched": list(s.matched)} for s in p.scores},
                        "footnotes": [{"number": f.number, "text": f.text} for f in p.footnotes],
                        "passage": p.passage,
                        "joined": p.joined,
                        "duplicates": [{"source": d.source, "ordinal": d.ordinal} for d in p.duplicates],
                    }
                    for p in c.paragraphs
                ],
                "key_points": [
                    {"text": k.text, "sources": list(k.sources), "paragraph": k.anchor} for k in c.key_points
                ],
                "see_also": [{"source": p.source, "ordinal": p.ordinal} for p in c.see_also],
            }
            for c in pack.chapters
        ],
        "timeline": [
            {
                "date": e.date,
                "mod": e.mod,
                "end": e.end,
                "precision": e.precision,
                "text": e.text,
                "sources": list(e.sources),
                "chapter": e.chapter,
                "paragraphs": [m.paragraph for m in e.mentions],
            }
            for e in pack.timeline
        ],
        "glossary": [{"short": g.short, "long": g.long, "sources": list(g.sources)} for g in pack.glossary],
        # Paragraphs not printed because a near-identical one of another source is: nothing is lost.
        "duplicates": [
            {
                "source": d.paragraph.source,
                "ordinal": d.paragraph.ordinal,
                "text": d.paragraph.text,
                "printed": {"source": d.printed.source, "ordinal": d.printed.ordinal},
            }
            for d in pack.duplicates
        ],
        "excluded": [
            {"source": x.source, "text": x.text, "reason": x.reason} for s in pack.sources for x in s.excluded
        ],
        "warnings": list(pack.warnings),
        "pages": pages,
    }


def to_json(pack: Pack, pages: int) -> str:
    return json.dumps(pack_to_dict(pack, pages), ensure_ascii=False, indent=2) + "\n"
