"""What a manifest states beyond plain values: a source's missing metadata, and where outputs go.

``author: none`` (or ``publisher: none``, ``published: none``) says that a
source has none, so the build neither looks for one in the text nor warns
that it is missing; it is the word ``none`` in any case, since YAML's own
null (``author:``, ``~``) reads as "not given". ``out:`` names the output
folder, relative to the manifest; like a source, it must lie inside the
manifest's folder unless ``allow_outside: true``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from briefpack.manifest.checker import Checker
from briefpack.manifest.locate import out_path

NONE = "none"
MAY_BE_NONE = ("author", "publisher", "published")


def absent(check: Checker, keys: dict[str, yaml.Node]) -> tuple[str, ...]:
    """The fields a source entry states as ``none``."""
    return tuple(key for key in MAY_BE_NONE if (check.text(keys, key) or "").lower() == NONE)


def unless_absent(keys: dict[str, yaml.Node], gone: tuple[str, ...]) -> dict[str, yaml.Node]:
    """The entry's keys without those stated as ``none``, for the readers of plain values."""
    return {key: node for key, node in keys.items() if key not in gone}


def read_out(check: Checker, top: dict[str, yaml.Node], manifest: Path, allow_outside: bool) -> Path | None:
    stated = check.text(top, "out")
    if stated is None:
        return None
    try:
        folder = out_path(manifest, stated).resolve()
        is_file = folder.exists() and not folder.is_dir()  # exists() raises for a name too long
    except (OSError, ValueError, RuntimeError) as exc:
        check.problem(top["out"], f"'out' cannot be used: '{stated}' ({getattr(exc, 'strerror', None) or exc})")
        return None
    if not allow_outside and not folder.is_relative_to(manifest.parent.resolve()):
        check.problem(
            top["out"],
            f"'out' folder '{stated}' lies outside the manifest's folder (set 'allow_outside: true' to allow it)",
        )
        return None
    if is_file:
        check.problem(top["out"], f"'out' names a file, not a folder: '{stated}'")
        return None
    return folder
