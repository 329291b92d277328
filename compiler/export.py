"""The JSON export other tools read; its keys are a contract (see README)."""
from __future__ import annotations

import json

from briefpack import __version__
from briefpack.model import Pack


def pack_to_dict(pack: Pack, pages: int) -> dict:
    manifest = pack.manifest
    cited = [(c.id, {p.source for p in c.paragraphs}) for c in pack.chapters]
    return {
        "title": manifest.title,
        "subtitle": manifest.subtitle,
        "date": manifest.date,
        "generator": f"briefpack {__version__}",
        "sources": [{
            "id": s.id, "path": s.rel, "title": s.title, "author": s.author, "publisher": s.publisher,
            "published": s.published, "published_inferred": s.published_inferred, "url": s.url,
            "sha256": s.sha256, "words": s.words, "summary": s.summary, "rights": s.rights,
            "chapters": [cid for cid, ids in cited if s.id in ids],
        } for s in pack.sources],
        "chapters": [{
            "id": c.id,
            "title": c.title,
            "paragraphs": [{
                "source": p.source, "ordinal": p.ordinal, "text": p.text, "themes": list(p.themes),
                "scores": {s.theme: {"score": s.score, "matched": list(s.matched)} for s in p.scores},
                "footnotes": [{"number": f.number, "text": f.text} for f in p.footnotes],
            } for p in c.paragraphs],
            "see_also": [{"source": p.source, "ordinal": p.ordinal} for p in c.see_also],
        } for c in pack.chapters],
        "timeline": [{
            "date": e.date, "mod": e.mod, "end": e.end, "precision": e.precision, "text": e.text,
            "sources": list(e.sources), "chapter": e.chapter,
            "paragraphs": [m.paragraph for m in e.mentions],
        } for e in pack.timeline],
        "glossary": [{"short": g.short, "long": g.long, "sources": list(g.sources)} for g in pack.glossary],
        "excluded": [{"source": x.source, "text": x.text, "reason": x.reason}
                     for s in pack.sources for x in s.excluded],
        "warnings": list(pack.warnings),
        "pages": pages,
    }


def to_json(pack: Pack, pages: int) -> str:
    return json.dumps(pack_to_dict(pack, pages), ensure_ascii=False, indent=2) + "\n"
