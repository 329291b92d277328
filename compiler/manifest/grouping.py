"""The manifest's settings for grouping and naming: passages, pins, actors with their aliases."""

from __future__ import annotations

import yaml

from briefpack.manifest.checker import Checker
from briefpack.model import Pin, SourceSpec, ThemeSpec

PASSAGE_MODES = ("passage", "paragraph")
ACTOR_KEYS = {"name": True, "aliases": False}
PIN_KEYS = {"source": True, "paragraph": True, "theme": True}


def read_actors(top: dict[str, yaml.Node], check: Checker) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """``actors`` as plain names or ``{name, aliases}``; the names, and (alias, name) pairs."""
    names: list[str] = []
    aliases: list[tuple[str, str]] = []
    for item in check.sequence(top, "actors"):
        if isinstance(item, yaml.MappingNode):
            keys = check.mapping(item, "actor", ACTOR_KEYS)
            name = check.text(keys, "name")
            if name:
                names.append(name)
                aliases.extend((alias, name) for alias in check.strings(keys, "aliases"))
        elif isinstance(item, yaml.ScalarNode) and item.value.strip():
            names.append(item.value.strip())
        else:
            check.problem(item, "each actor must be a name or {name: ..., aliases: [...]}")
    return tuple(names), tuple(aliases)


def read_pins(
    top: dict[str, yaml.Node], sources: tuple[SourceSpec, ...], themes: tuple[ThemeSpec, ...], check: Checker
) -> tuple[Pin, ...]:
    """``pins: [{source: S3, paragraph: 4, theme: russia}]``: a paragraph placed whatever its rules say."""
    pins = []
    source_ids = {s.id for s in sources}
    theme_ids = {t.id for t in themes}
    for item in check.sequence(top, "pins"):
        keys = check.mapping(item, "pin", PIN_KEYS)
        source, theme = check.text(keys, "source"), check.text(keys, "theme")
        paragraph = int(check.number(keys, "paragraph", 0, integer=True, minimum=1))
        if source is not None and source not in source_ids:
            check.problem(keys["source"], f"pin: no source '{source}'")
        elif theme is not None and theme not in theme_ids:
            check.problem(keys["theme"], f"pin: no theme '{theme}'")
        elif source and theme and paragraph:
            pins.append(Pin(source, paragraph, theme))
    return tuple(pins)


def read_passages(top: dict[str, yaml.Node], check: Checker) -> bool:
    return check.choice(top, "passages", PASSAGE_MODES, "passage") == "passage"
