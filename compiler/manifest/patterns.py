"""Sources given as a folder or a pattern, with defaults they share.

A ``sources:`` entry may be ``{folder: clips/}`` (every source file in it and
below) or ``{glob: "clips/*.html"}`` (the files the pattern matches, ``**``
for any depth), with ``format``, ``author``, ``publisher`` or ``published``
shared by the files it finds. Each entry becomes one plain ``file:`` entry
per file before the sources are read, so every later check (inside the
manifest's folder, format, ids) applies to them as to any other.

The order is stable: entries in the order written, a folder's or a pattern's
files sorted by path. A file is listed once, at its first mention; a
``file:`` entry for a file that a folder or pattern also finds overrides that
entry's shared values for it. Hidden files and folders, and output folders
(those holding a build's ``.cache``), are never sources. A folder or pattern
that finds no file is an error naming it.
"""

from __future__ import annotations

import glob
from pathlib import Path

import yaml

from briefpack.manifest.checker import Checker
from briefpack.manifest.locate import is_output_folder

SHARED_KEYS = {"folder": False, "glob": False, "format": False, "author": False, "publisher": False, "published": False}
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"


def source_files(folder: Path, suffixes: frozenset[str]) -> list[Path]:
    """The files of the given suffixes in ``folder`` and below, sorted by path, as ``briefpack new`` lists them."""
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in suffixes and path.is_file() and _visible(path.relative_to(folder), folder)
    ]
    return sorted(found, key=lambda path: _order(path.relative_to(folder)))


def _visible(relative: Path, root: Path) -> bool:
    parts = relative.parts
    if any(part.startswith(".") for part in parts):
        return False
    return not any(is_output_folder(root.joinpath(*parts[:depth])) for depth in range(1, len(parts)))


def _order(relative: Path) -> tuple[str, str]:
    return relative.as_posix().casefold(), relative.as_posix()


def expand(nodes: list[yaml.Node], manifest: Path, check: Checker, suffixes: frozenset[str]) -> list[yaml.Node]:
    """The ``sources:`` entries with every folder and pattern replaced by one ``file:`` entry per file."""
    root = manifest.parent
    own: dict[Path, yaml.MappingNode] = {}  # each file's own entry
    found: dict[int, tuple[dict[str, yaml.Node], list[tuple[Path, Path]]]] = {}  # a pattern's values and files
    shared: dict[Path, dict[str, yaml.Node]] = {}  # each file's values from the first pattern that finds it
    for index, node in enumerate(nodes):
        if (name := _file_of(node)) is not None:
            own.setdefault(_where(root, name), _as_mapping(node))
        elif _is_pattern(node):
            keys = check.mapping(node, "a folder or glob source", SHARED_KEYS)
            files = [(file, _where(root, str(file))) for file in _matches(keys, root, check, suffixes, node)]
            found[index] = keys, files
            for _, target in files:
                shared.setdefault(target, keys)
    entries: list[yaml.Node] = []
    placed: set[Path] = set()
    for index, node in enumerate(nodes):
        if index in found:
            keys, files = found[index]
            for file, target in files:
                if target not in placed:
                    placed.add(target)
                    entries.append(_entry(_name(file, root), keys, own.get(target)))
        elif (name := _file_of(node)) is not None:
            target = _where(root, name)
            if target in placed and target in shared:
                continue  # a folder or pattern listed it already, with this entry's values over its own
            placed.add(target)
            entries.append(_entry(name, shared[target], _as_mapping(node)) if target in shared else node)
        else:
            entries.append(node)  # not an entry the reader knows: it reports the problem
    return entries


def _matches(
    keys: dict[str, yaml.Node], root: Path, check: Checker, suffixes: frozenset[str], node: yaml.Node
) -> list[Path]:
    folder, pattern = check.text(keys, "folder"), check.text(keys, "glob")
    if (folder is None) == (pattern is None):
        check.problem(node, "a source entry gives either 'file', 'folder' or 'glob'")
        return []
    if folder is not None:
        where = (root / folder).resolve()
        if not where.is_dir():
            check.problem(keys["folder"], f"source folder not found: '{folder}'")
            return []
        found = source_files(where, suffixes)
        if not found:
            check.problem(keys["folder"], f"source folder '{folder}' holds no {', '.join(sorted(suffixes))} file")
        return found
    assert pattern is not None
    try:
        names = glob.glob(pattern, root_dir=root, recursive=True)
    except (OSError, ValueError) as exc:
        check.problem(keys["glob"], f"glob '{pattern}' cannot be used: {exc}")
        return []
    base = root.resolve()
    found = [
        path
        for name in names
        if (path := (root / name).resolve()).is_file()
        and (not path.is_relative_to(base) or _visible(path.relative_to(base), base))
    ]
    if not found:
        check.problem(keys["glob"], f"glob '{pattern}' matches no file")
    # a file outside the folder stays in the list, for the reader's "lies outside" check to name it
    return sorted(found, key=lambda path: _order(path.relative_to(base) if path.is_relative_to(base) else path))


def _entry(rel: str, shared: dict[str, yaml.Node], own: yaml.MappingNode | None) -> yaml.MappingNode:
    """A file entry: the pattern's shared values, and the file's own entry over them."""
    anchor = own if own is not None else next(iter(shared.values()))
    pairs: dict[str, tuple[yaml.Node, yaml.Node]] = {
        "file": (yaml.ScalarNode(_STR, "file", anchor.start_mark), yaml.ScalarNode(_STR, rel, anchor.start_mark))
    }
    for key, value in shared.items():
        if key not in ("folder", "glob"):
            pairs[key] = (yaml.ScalarNode(_STR, key, value.start_mark), value)
    for key_node, value in own.value if own is not None else ():
        if isinstance(key_node, yaml.ScalarNode) and key_node.value != "file":
            pairs[key_node.value] = (key_node, value)
    return yaml.MappingNode(_MAP, list(pairs.values()), anchor.start_mark, anchor.end_mark)


def _name(file: Path, root: Path) -> str:
    base = root.resolve()
    return file.relative_to(base).as_posix() if file.is_relative_to(base) else str(file)


def _is_pattern(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value in ("folder", "glob") for key, _ in node.value
    )


def _file_of(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.MappingNode) and not _is_pattern(node):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "file" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def _as_mapping(node: yaml.Node) -> yaml.MappingNode:
    if isinstance(node, yaml.MappingNode):
        return node
    return yaml.MappingNode(
        _MAP, [(yaml.ScalarNode(_STR, "file", node.start_mark), node)], node.start_mark, node.end_mark
    )


def _where(root: Path, name: str) -> Path:
    try:
        return (root / name).resolve()
    except (OSError, ValueError, RuntimeError):
        return root / name  # the reader reports a name that cannot be resolved
