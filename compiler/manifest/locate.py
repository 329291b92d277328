"""Where a pack's manifest is found and where its outputs go.

With no manifest named, briefpack looks in the current folder for
``pack.yaml``, then ``briefpack.yaml``. Outputs go to ``--out`` if given,
else to the manifest's ``out:`` (relative to the manifest), else to ``out/``
beside the manifest, so that a pack builds into the same folder from
wherever the command is run.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefpack.errors import BriefpackError
from briefpack.manifest.checker import read_text

MANIFEST_NAMES = ("pack.yaml", "briefpack.yaml")
DEFAULT_OUT = "out"
CACHE_FOLDER = ".cache"  # the build's cache and stamps, in every output folder
# A top-level "out:" line; only a manifest that has one is parsed to find its output folder.
_OUT_LINE = re.compile(r"^out\s*:", re.M)
# A source entry that is a folder or a pattern (or text that looks like one: then the check is only slower).
_PATTERN_ENTRY = re.compile(r"\b(?:folder|glob)\s*:")


def find_manifest(given: Path | None, folder: Path | None = None) -> Path:
    """The manifest named, the one in a folder named, or the current folder's."""
    if given is not None and not given.is_dir():
        return given
    where = given if given is not None else (folder or Path("."))
    for name in MANIFEST_NAMES:
        if (where / name).is_file():
            return where / name
    if given is None:
        raise BriefpackError(
            f"no manifest in the current folder: looked for {' and '.join(MANIFEST_NAMES)}; "
            "`briefpack new .` writes one for the sources here"
        )
    raise BriefpackError(
        f"a folder without a manifest: looked for {' and '.join(MANIFEST_NAMES)} in it; "
        f"`briefpack new {where}` writes one for the sources there",
        path=where,
    )


def is_output_folder(folder: Path) -> bool:
    """Whether a folder holds a build's outputs (its cache says so): never a source folder."""
    return (folder / CACHE_FOLDER).is_dir()


def output_folder(manifest: Path, given: Path | None) -> Path:
    """Where the outputs of ``manifest`` go, read without loading the manifest in full.

    The up-to-date check must answer before YAML and the stages load: only a
    manifest with an ``out:`` line is parsed, and only that value read. A
    manifest that cannot be read here gets the default, and its full load
    then reports what is wrong with it.
    """
    if given is not None:
        return given
    try:
        text = read_text(manifest.absolute())
    except BriefpackError:
        return manifest.parent / DEFAULT_OUT
    stated = _out_value(text) if _OUT_LINE.search(text) else None
    return out_path(manifest, stated)


def out_path(manifest: Path, stated: str | None) -> Path:
    return manifest.parent / (stated or DEFAULT_OUT)


def _out_value(text: str) -> str | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "out" and isinstance(value, yaml.ScalarNode):
            return str(value.value).strip() or None
    return None


def uses_patterns(manifest: Path) -> bool:
    """Whether the manifest may take sources from a folder or a pattern, whose files no stamp lists."""
    try:
        return bool(_PATTERN_ENTRY.search(read_text(manifest.absolute())))
    except BriefpackError:
        return False
