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

Entries are JSON, written by rename and never fsynced. The out folder is
untrusted (a pack folder may arrive with its out/, an out dir may be shared):
an entry is data checked field by field against the stage's result type
(``jsondata``), never code, so a torn, stale, corrupt or hostile entry is a
miss and is recomputed. The stamp is untrusted the same way: it is believed
only about files the manifest itself names, each read as a regular file
within its size limit.

This module imports no stage and no WeasyPrint, so the CLI can answer "up to
date" without paying for either.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TypeVar

from briefpack import __version__
from briefpack.errors import BriefpackError
from briefpack.files import read_regular
from briefpack.jsondata import decode, encode
from briefpack.model import Paragraph, Source, SourceSpec, ThemeSpec, Timex
from briefpack.paths import LAYOUTS, PACKAGE

CACHE_DIR = ".cache"
# The module whose imports define each stage's code. "date" starts at the
# timeline because it builds the text the tagger reads.
STAGE_MODULES = {
    "clean": "briefpack.readers.settle",
    "theme": "briefpack.analysis.theme",
    "date": "briefpack.dating.timeline",
}

# What each stage returns: an entry decodes to exactly this or is a miss.
STAGE_KINDS = {
    "clean": tuple[Source, list[str]],
    "theme": tuple[Paragraph, ...],
    "date": tuple[Timex, ...],
}
# Raised with every change to how entries and stamps are written, so old ones are misses.
CACHE_FORMAT = 2
MAX_ENTRY_BYTES = 1 << 30  # a stage result is a few times its source, and sources are limited
MAX_STAMP_BYTES = 1 << 20
MAX_OUTPUT_BYTES = 1 << 34  # outputs are only hashed; the limit just refuses what is no output of ours
# Changes the pages without touching a file: the PDF's creation date when the manifest gives none.
ENVIRONMENT = ("SOURCE_DATE_EPOCH",)

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
    """Of the compiler's own files; the files a user names go through ``read_regular`` (``regular_digest``)."""
    h = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def regular_digest(path: Path | str, limit: int) -> str:
    """The sha256 of a regular file of at most ``limit`` bytes; FileRefused (a BriefpackError) otherwise."""
    return hashlib.sha256(read_regular(path, limit)).hexdigest()


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
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)|import[ \t]+([^\n#]+))", re.M
)


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
            anchor = package.split(".")[: len(package.split(".")) - level + 1]
            base = ".".join(anchor + ([base] if base else []))
        found.add(base)
        found.update(
            f"{base}.{part.split()[0]}" for part in names.strip("()").replace("\n", " ").split(",") if part.strip()
        )
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
        # The package's own __init__ holds the version and the library entry point, which imports
        # every stage: it counts as text, but what it imports is not what a stage runs.
        if name != "briefpack":
            pending.extend(_imported(path, name))
    return seen


@cache
def code_digest(stage: str) -> str:
    """The compiler version and the text of every compiler module the stage runs."""
    seen = stage_modules(stage)
    # Data files beside the code (word lists, gazetteers) may steer any stage.
    data = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc"))
    return digest(
        __version__,
        *(part for n in sorted(seen) for part in (n, file_digest(seen[n]))),
        *(part for p in data for part in (p.relative_to(PACKAGE).as_posix(), file_digest(p))),
    )


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

    def source_digest(self, path: Path, limit: int = MAX_ENTRY_BYTES) -> str:
        """Each file is hashed once per build, for its cache key and for the stamp alike."""
        if path not in self._files:
            self._files[path] = regular_digest(path, limit)
        return self._files[path]

    def clean_key(self, spec: SourceSpec, max_bytes: int, language: str = "en") -> str | None:
        """None when the source cannot be read: the stage then runs and reports the error itself.

        The language is in the key because clean-up sets quotes by it.
        """
        try:
            data = self.source_digest(spec.path, max_bytes)
        except BriefpackError:
            return None
        return digest("clean", code_digest("clean"), data, spec_fields(spec), max_bytes, language)

    @staticmethod
    def theme_key(
        clean_key: str | None, themes: tuple[ThemeSpec, ...], fallback: str, settings: object = None
    ) -> str | None:
        return clean_key and digest("theme", code_digest("theme"), clean_key, themes, fallback, settings)

    @staticmethod
    def date_key(body: str, published: str | None, day_first: bool) -> str:
        return digest("date", code_digest("date"), body, published, day_first)

    def get(self, stage: str, key: str | None, label: str, compute: Callable[[], T]) -> T:
        path = self._entry(stage, key)
        if self.read and path is not None and key is not None:
            value = _load_entry(path, stage, key)
            if value is not None:
                self.hits[stage].append(label)
                return value
        value = compute()
        self.misses[stage].append(label)
        if path is not None:
            record = {"format": CACHE_FORMAT, "stage": stage, "key": key, "value": encode(value)}
            _write(path, json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode())
        return value

    def _entry(self, stage: str, key: str | None) -> Path | None:
        if self.root is None or key is None:
            return None
        return self.root / stage / key[:2] / f"{key}.json"


def _load_entry(path: Path, stage: str, key: str):
    """The stored result, or None for anything else: absent, torn, stale, from another key, or hostile."""
    try:
        record = json.loads(read_regular(path, MAX_ENTRY_BYTES))
        if (
            not isinstance(record, dict)
            or record.get("format") != CACHE_FORMAT
            or record.get("stage") != stage
            or record.get("key") != key
        ):
            return None
        return decode(record["value"], STAGE_KINDS[stage])
    except (BriefpackError, ValueError, TypeError, KeyError, RecursionError):
        return None  # ValueError covers bad UTF-8, bad JSON and a value of the wrong shape


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

    format: int
    inputs: tuple[tuple[str, str], ...]  # (absolute path, sha256) of the manifest and each source
    layouts: str  # tree digest of the layout folder
    compiler: str  # tree digest of the compiler package
    toolchain: str  # see toolchain_digest
    environment: str  # see environment_digest
    outputs: tuple[tuple[str, str], ...]  # (absolute path, sha256) of the PDF, HTML and JSON
    pages: int


def stamp_path(out_dir: Path, manifest_path: Path) -> Path:
    return Path(out_dir) / CACHE_DIR / "stamps" / f"{digest(os.path.realpath(manifest_path))[:24]}.json"


def environment_digest() -> str:
    return digest(*(f"{name}={os.environ.get(name)}" for name in ENVIRONMENT))


def make_stamp(inputs: dict[Path, str], outputs: list[Path], pages: int) -> Stamp:
    return Stamp(
        format=CACHE_FORMAT,
        inputs=tuple((str(p), d) for p, d in inputs.items()),
        layouts=tree_digest(LAYOUTS),
        compiler=tree_digest(PACKAGE),
        toolchain=toolchain_digest(),
        environment=environment_digest(),
        outputs=tuple((str(p.resolve()), regular_digest(p, MAX_OUTPUT_BYTES)) for p in outputs),
        pages=pages,
    )


def write_stamp(out_dir: Path, manifest_path: Path, stamp: Stamp) -> None:
    _write(stamp_path(out_dir, manifest_path), json.dumps(encode(stamp), indent=1).encode())


def current_stamp(out_dir: Path, manifest_path: Path) -> Stamp | None:
    """The stamp of the last build if nothing it read or wrote has changed since, else None.

    The stamp is believed only about the files this manifest names: the
    manifest, its sources and its three outputs, in the order a build
    records them. Each is read as a regular file within its limit before it
    is hashed, so a stamp naming another file, a FIFO or a device is stale,
    never followed. A manifest with problems raises them, as the build would.
    """
    from briefpack.manifest import load_manifest  # the manifest's modules load only when a stamp exists
    from briefpack.manifest.checker import MAX_MANIFEST_BYTES

    try:
        stamp = decode(json.loads(read_regular(stamp_path(out_dir, manifest_path), MAX_STAMP_BYTES)), Stamp)
    except (BriefpackError, ValueError, TypeError, RecursionError):
        return None
    if stamp.format != CACHE_FORMAT:
        return None
    manifest = load_manifest(manifest_path)
    named = [(str(manifest.path), MAX_MANIFEST_BYTES)] + [
        (str(s.path), manifest.max_source_bytes) for s in manifest.sources
    ]
    inputs = list(dict(named).items())  # a file listed twice is read and recorded once
    outputs = [
        (str((Path(out_dir) / f"{manifest.name}.{suffix}").resolve()), MAX_OUTPUT_BYTES)
        for suffix in ("pdf", "html", "json")
    ]
    recorded = stamp.inputs + stamp.outputs
    if [p for p, _ in recorded] != [p for p, _ in inputs + outputs]:
        return None
    try:
        files_match = all(regular_digest(p, limit) == d for (p, limit), (_, d) in zip(inputs + outputs, recorded))
    except BriefpackError:
        return None
    if (
        files_match
        and stamp.layouts == tree_digest(LAYOUTS)
        and stamp.compiler == tree_digest(PACKAGE)
        and stamp.toolchain == toolchain_digest()
        and stamp.environment == environment_digest()
    ):
        return stamp
    return None
