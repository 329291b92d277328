"""Words in PDF text: line ends rejoined, ligatures decomposed, stray spaces inside words removed."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from briefpack.text.wrapping import join_lines

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}


def plain(text: str) -> str:
    return "".join(_LIGATURES.get(ch, ch) for ch in text).replace("\u2010", "-")


def join_block(parts: list[str], vocab: frozenset[str]) -> str:
    """Join a block's lines into one text, rejoining words broken at line ends.

    A soft hyphen always joins.  U+2010 at a line end is what typesetters
    (WeasyPrint among them) print when they hyphenate, so it joins unless the
    document spells the pair with a hyphen elsewhere or the second part is
    capitalised.  An ASCII hyphen is left to clean-up's rule, which weighs
    common compounds (``well-known``) as well.
    """
    parts = ["".join(_LIGATURES.get(ch, ch) for ch in part).strip() for part in parts]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if out.endswith("\u00ad"):
            out = out[:-1] + part
        elif out.endswith("\u2010"):
            head, tail = _WORD_BEFORE.search(out[:-1]), _WORD.match(part)
            compound = head and tail and f"{head.group(0)}-{tail.group(0)}".lower() in vocab
            out = out[:-1] + ("-" if compound or part[:1].isupper() else "") + part
        else:
            out = join_lines([out, part], vocab)
    return out.replace("\u00ad", "")


_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_WORD = re.compile(r"[^\W\d_]+")


def repair_split_words(text: str) -> str:
    """Rejoin ``UNRESOL VED``-style splits the document itself spells whole elsewhere.

    Two words separated by one space are one word when the document spells
    them whole elsewhere, neither half ever occurs except beside the other, and
    neither is a single letter ("a new" beside "anew" stays apart).
    """
    found = list(_WORD.finditer(text))
    words = Counter(m.group(0) for m in found)
    pairs: Counter[tuple[str, str]] = Counter()
    adjacent = [(a, b) for a, b in itertools.pairwise(found) if text[a.end() : b.start()] == " "]
    for a, b in adjacent:
        pairs[a.group(0), b.group(0)] += 1
    cuts = [
        a.end()
        for a, b in adjacent
        if words[a.group(0) + b.group(0)]
        and min(len(a.group(0)), len(b.group(0))) >= 2
        and words[a.group(0)] == words[b.group(0)] == pairs[a.group(0), b.group(0)]
    ]
    for cut in reversed(cuts):
        text = text[:cut] + text[cut + 1 :]
    return text
