"""Clean-up step 3: the title a text states in its leading lines."""

from __future__ import annotations

from briefpack.text.furniture import furniture_reason
from briefpack.text.metadata import is_date_line
from briefpack.text.shapes import FUNCTION_WORDS, HEADING, LIST_ITEM, NOTE, is_title_case
from briefpack.text.wrapping import Layout, Line

_TITLE_MAX = 200


def _title_like(line: str) -> bool:
    return (
        len(line) <= _TITLE_MAX // 2
        and not line.endswith((".", ",", ";", ":", "…", "-", "–", "—"))
        and furniture_reason(line) is None
        and not LIST_ITEM.match(line)
        and not NOTE.match(line)
        and not is_date_line(line)
    )


def take_title(chunks: list[list[Line]], layout: Layout | None) -> tuple[list[Line], list[list[Line]]]:
    """Take the title lines off the front of the text, if it starts with a title."""
    if not chunks:
        return [], chunks
    first = chunks[0]
    if HEADING.match(first[0].text):
        return [first[0]], _drop_lines(chunks, 1)
    if len(chunks) == 1 and len(first) == 1:
        return [], chunks  # a text that is one line long has no separate title
    taken: list[Line] = []
    if len(chunks) > 1 and chunks[1][0].text[:1].islower():
        first = first[:-1]  # the first chunk's last line runs on into the next chunk
    for i, line in enumerate(first):
        alone = i == len(first) - 1
        if not _title_like(line.text) or sum(len(x.text) + 1 for x in taken + [line]) > _TITLE_MAX:
            break
        if not taken:
            nxt = first[i + 1].text if not alone else ""
            ok = (
                alone
                or layout is None
                or is_title_case(line.text)
                or (len(line.text) < 0.7 * layout.width and nxt[:1].isupper())
            )
        else:
            ok = is_title_case(line.text) and is_title_case(taken[-1].text)
        if not ok:
            break
        taken.append(line)
    # A wrapped title may break after "the", but it does not end there.
    while taken and taken[-1].text.rsplit(None, 1)[-1].lower() in FUNCTION_WORDS:
        taken.pop()
    # Nor does a new sentence start in lower case: such a line continues a wrapped sentence.
    if taken and len(taken) < len(chunks[0]) and chunks[0][len(taken)].text[:1].islower():
        taken = []
    return taken, _drop_lines(chunks, len(taken))


def _drop_lines(chunks: list[list[Line]], n: int) -> list[list[Line]]:
    rest = chunks[0][n:]
    return ([rest] if rest else []) + chunks[1:]
