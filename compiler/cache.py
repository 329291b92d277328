"""A content-addressed cache of stage results, and the stamp that says a build is up to date.

Keys are sha256 digests of everything a result depends on: the source's
bytes and manifest entry, the theming rules where they matter, the compiler
version and the text of the compiler modules the stage runs (found by
following the stage module's own imports, so a module another engineer adds
to clean-up or dating invalidates what it should without this file knowing
its name). Layout files and the versions of WeasyPrint, pydyf and Jinja take
part only in the build stamp: a CSS edit re-lays the pages but keeps every
source's clean-up, theming and dating. Layout itself is not cached: its input,
the HTML, changes with any change that reaches it, and a build with nothing
changed never gets that far.

Entries are pickles written by rename and never fsynced: a torn entry fails
to unpickle and is recomputed, which is all a cache owes its user.

This module imports no stage and no WeasyPrint, so the CLI can answer "up to
date" without paying for either.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TypeVar

from briefpack import __version__
from briefpack.model import SourceSpec, ThemeSpec
from briefpack.paths import LAYOUTS, PACKAGE

CACHE_DIR = ".cache"
# The module whose imports define each stage's code. "date" starts at the
# timeline because it builds the text the tagger reads.
STAGE_MODULES = {
    "clean": "briefpack.readers.settle",
    "theme": "briefpack.analysis.theme",
    "date": "briefpack.dating.timeline",
}

# The libraries that decide the pages as much as the layout files do: an upgrade re-renders.
TOOLCHAIN = ("weasyprint", "pydyf", "jinja2")

T = TypeVar("T")


def digest(*parts: object) -> str:
    """A stable digest of strings, bytes and reprs of frozen dataclasses and tuples."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else (part if isinstance(part, str) else repr(part)).encode()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def tree_digest(root: Path) -> str:
    """Names and contents of every file under ``root``, so an added or removed file counts too."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest(*(part for p in files for part in (p.relative_to(root).as_posix(), file_digest(p))))


def _module_path(name: str) -> Path | None:
    relative = Path(*name.split(".")[1:])
    for candidate in (PACKAGE / relative.with_suffix(".py"), PACKAGE / relative / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


# Import statements at any indentation (a stage may import lazily inside a function). A
# docstring line that merely looks like one only makes the key stricter, never wrong.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)|import[ \t]+([^\n#]+))", re.M)


def _imported(path: Path, name: str) -> set[str]:
    """The compiler modules ``path`` imports, absolute or relative; a text scan, ten times faster than ast."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for match in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        module, names, plain = match.groups()
        if plain is not None:
            found.update(part.split()[0] for part in plain.split(",") if part.strip())
            continue
        level = len(module) - len(module.lstrip("."))
        base = module[level:]
        if level:
            anchor = package.split(".")[:len(package.split(".")) - level + 1]
            base = ".".join(anchor + ([base] if base else []))
        found.add(base)
        found.update(f"{base}.{part.split()[0]}" for part in names.strip("()").replace("\n", " ").split(",")
                     if part.strip())
    return {n for n in found if n == "briefpack" or n.startswith("briefpack.")}


def stage_modules(stage: str) -> dict[str, Path]:
    """Every compiler module the stage's module imports, directly or not, with the package itself."""
    seen: dict[str, Path] = {}
    pending = [STAGE_MODULES[stage], "briefpack"]
    while pending:
        name = pending.pop()
        path = _module_path(name) if name != "briefpack" else PACKAGE / "__init__.py"
        if name in seen or path is None:
            continue
        seen[name] = path
        pending.extend(_imported(path, name))
    return seen


@cache
def code_digest(stage: str) -> str:
    """The compiler version and the text of every compiler module the stage runs."""
    seen = stage_modules(stage)
    # Data files beside the code (word lists, gazetteers) may steer any stage.
    data = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc"))
    return digest(__version__, *(part for n in sorted(seen) for part in (n, file_digest(seen[n]))),
                  *(part for p in data for part in (p.relative_to(PACKAGE).as_posix(), file_digest(p))))


@cache
def toolchain_digest() -> str:
    """Installed versions, read from package metadata so that WeasyPrint need not be imported."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "absent"

    return digest(*(f"{name}=={installed(name)}" for name in TOOLCHAIN))


def spec_fields(spec: SourceSpec) -> tuple:
    """The manifest's word on a source, minus where the manifest happens to sit on disk."""
    return tuple((f.name, getattr(spec, f.name)) for f in fields(spec) if f.name != "path")


class Cache:
    """Stage results on disk under ``root``; ``root=None`` computes everything and stores nothing.

    ``read=False`` (``--force``) recomputes every result but still stores it,
    so the build after a forced one is fast again. ``hits`` and ``misses``
    name, per stage, the labels (source ids) that were served or computed.
    """

    def __init__(self, root: Path | None, *, read: bool = True):
        self.root = root
        self.read = read and root is not None
        self.hits: dict[str, list[str]] = defaultdict(list)
        self.misses: dict[str, list[str]] = defaultdict(list)
        self._files: dict[Path, str] = {}

    def source_digest(self, path: Path) -> str:
        """Each file is hashed once per build, for its cache key and for the stamp alike."""
        if path not in self._files:
            self._files[path] = file_digest(path)
        return self._files[path]

    def clean_key(self, spec: SourceSpec, max_bytes: int) -> str | None:
        """None when the source cannot be read: the stage then runs and reports the error itself."""
        try:
            data = self.source_digest(spec.path)
        except OSError:
            return None
        return digest("clean", code_digest("clean"), data, spec_fields(spec), max_bytes)

    @staticmethod
    def theme_key(clean_key: str | None, themes: tuple[ThemeSpec, ...], fallback: str) -> str | None:
        return clean_key and digest("theme", code_digest("theme"), clean_key, themes, fallback)

    @staticmethod
    def date_key(body: str, published: str | None, day_first: bool) -> str:
        return digest("date", code_digest("date"), body, published, day_first)

    def get(self, stage: str, key: str | None, label: str, compute: Callable[[], T]) -> T:
        path = self._entry(stage, key)
        if self.read and path is not None:
            try:
                value = pickle.loads(path.read_bytes())
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
                pass  # absent, torn or from a model that no longer exists: recompute
            else:
                self.hits[stage].append(label)
                return value
        value = compute()
        self.misses[stage].append(label)
        if path is not None:
            _write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def _entry(self, stage: str, key: str | None) -> Path | None:
        if self.root is None or key is None:
            return None
        return self.root / stage / key[:2] / f"{key}.pickle"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- the build stamp ----------------------------------------------------------

@dataclass(frozen=True)
class Stamp:
    """What a finished build read and wrote; it is current while every digest still matches."""

    inputs: tuple[tuple[str, str], ...]  # (absolute path, sha256) of the manifest and each source
    layouts: str  # tree digest of the layout folder
    compiler: str  # tree digest of the compiler package
    toolchain: str  # see toolchain_digest
    outputs: tuple[tuple[str, str], ...]  # (absolute path, sha256) of the PDF, HTML and JSON
    pages: int


def stamp_path(out_dir: Path, manifest_path: Path) -> Path:
    return Path(out_dir) / CACHE_DIR / "stamps" / f"{digest(str(Path(manifest_path).resolve()))[:24]}.json"


def make_stamp(inputs: dict[Path, str], outputs: list[Path], pages: int) -> Stamp:
    return Stamp(inputs=tuple((str(p), d) for p, d in inputs.items()), layouts=tree_digest(LAYOUTS),
                 compiler=tree_digest(PACKAGE), toolchain=toolchain_digest(), outputs=tuple((str(p.resolve()), file_digest(p)) for p in outputs),
                 pages=pages)


def write_stamp(out_dir: Path, manifest_path: Path, stamp: Stamp) -> None:
    record = {"inputs": stamp.inputs, "layouts": stamp.layouts, "compiler": stamp.compiler,
              "toolchain": stamp.toolchain, "outputs": stamp.outputs, "pages": stamp.pages}
    _write(stamp_path(out_dir, manifest_path), json.dumps(record, indent=1).encode())


def current_stamp(out_dir: Path, manifest_path: Path) -> Stamp | None:
    """The stamp of the last build if nothing it read or wrote has changed since, else None.

    The manifest's own digest stands for its list of sources, so this never
    parses YAML; the layout folder and the compiler are compared whole.
    """
    try:
        record = json.loads(stamp_path(out_dir, manifest_path).read_text(encoding="utf-8"))
        stamp = Stamp(inputs=tuple(map(tuple, record["inputs"])), layouts=record["layouts"],
                      compiler=record["compiler"], toolchain=record["toolchain"],
                      outputs=tuple(map(tuple, record["outputs"])),
                      pages=record["pages"])
        files_match = all(file_digest(Path(p)) == d for p, d in stamp.inputs + stamp.outputs)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if (files_match and stamp.layouts == tree_digest(LAYOUTS) and stamp.compiler == tree_digest(PACKAGE)
            and stamp.toolchain == toolchain_digest()):
        return stamp
    return None
