"""What the email that carries a copy says about the pack, beyond whom it is for.

The body names the pack's chapters and appendices with the page each starts
on, read from the copy's own bookmarks (a Letter copy's pages differ from an
A4 one's), and its summary or each chapter's key points when the pack's JSON
export has them. A cover note may be given in the distribution file, as text
(``note:``) or as a file it names (``note_file:``), and the templates may be
overridden per pack with a folder of same-named files (``email_templates:``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from briefpack.files import FileRefused, read_regular
from briefpack.model import Letter

if TYPE_CHECKING:  # only for its type: the manifest package imports this module while it loads
    from briefpack.manifest.checker import Checker

LETTER_KEYS = ("note", "note_file", "email_templates")
MAX_NOTE_BYTES = 64 * 1024  # a cover note is a few paragraphs
MAX_POINTS = 8  # key points in one email: the pack has the rest


@dataclass(frozen=True)
class Entry:
    title: str
    page: int


def read_letter(keys: dict[str, yaml.Node], folder: Path, check: Checker, allow_outside: bool) -> Letter:
    """The cover note and template folder, from the distribution file's (or the manifest's) keys."""
    from briefpack.manifest.checker import MULTILINE_CONTROL  # loaded by now: the manifest package imports this

    note, note_file = check.text(keys, "note", multiline=True), check.text(keys, "note_file")
    if note is not None and note_file is not None:
        check.problem(keys["note_file"], "give the cover note as 'note' or as 'note_file', not both")
    if note_file is not None and (where := _inside(keys["note_file"], note_file, folder, check, allow_outside)):
        try:
            note = read_regular(where, MAX_NOTE_BYTES).decode("utf-8-sig").strip() or None
            if note is not None and (control := MULTILINE_CONTROL.search(note)):
                check.problem(
                    keys["note_file"], f"cover note '{note_file}' holds a control character ({control.group()!a})"
                )
                note = None
        except FileRefused as refused:
            check.problem(keys["note_file"], f"cover note '{note_file}' {refused.message}")
        except UnicodeDecodeError:
            check.problem(keys["note_file"], f"cover note '{note_file}' is not UTF-8 text; save it as UTF-8")
    templates = None
    if (stated := check.text(keys, "email_templates")) is not None:
        templates = _inside(keys["email_templates"], stated, folder, check, allow_outside)
        if templates is not None and not templates.is_dir():
            check.problem(keys["email_templates"], f"email templates folder not found: '{stated}'")
            templates = None
    return Letter(note=note, templates=templates)


def _inside(node: yaml.Node, stated: str, folder: Path, check: Checker, allow_outside: bool) -> Path | None:
    where = (folder / stated).resolve()
    if not allow_outside and not where.is_relative_to(folder.resolve()):
        check.problem(node, f"'{stated}' lies outside the manifest's folder (set 'allow_outside: true' to allow it)")
        return None
    return where


def contents(pdf: bytes) -> tuple[Entry, ...]:
    """The chapters and appendices of a copy, from its top-level bookmarks, with the page each starts on."""
    import pypdf  # here, not at the top: loading a manifest needs none of it

    try:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        found = [
            (str(item.title), reader.get_destination_page_number(item))
            for item in reader.outline
            if not isinstance(item, list) and item.title
        ]
        return tuple(Entry(title, page + 1) for title, page in found if page is not None)
    except (pypdf.errors.PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return ()  # a copy without bookmarks still goes out; its email lists no contents


def highlights(export: dict) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The pack's summary points, and each chapter's key points, where the export has them."""
    summary = tuple(point for item in export.get("summary") or () if (point := _point(item)))
    chapters = tuple(
        (str(chapter.get("title", "")), points)
        for chapter in export.get("chapters") or ()
        if isinstance(chapter, dict)
        if (points := tuple(p for item in chapter.get("key_points") or () if (p := _point(item))))
    )
    return summary[:MAX_POINTS], chapters


def _point(item: object) -> str | None:
    """One point as the email shows it: its text, and the sources that carry it."""
    if isinstance(item, str):
        return item
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return None
    sources = [str(s) for s in item.get("sources") or ()]
    return item["text"] + (f" [{', '.join(sources)}]" if sources else "")


def paragraphs(note: str | None) -> tuple[str, ...]:
    """A cover note's paragraphs: blank lines part them, single line breaks are the writer's wrapping."""
    if not note:
        return ()
    return tuple(" ".join(block.split()) for block in note.replace("\r\n", "\n").split("\n\n") if block.strip())
