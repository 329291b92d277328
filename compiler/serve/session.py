"""The builder's side of ``briefpack serve``: build, watch, rebuild, and tell the server.

After every build (good or failed) the state in ``OUT/preview/state.json``
changes; the page the server shows reloads when it sees that. A failed
rebuild leaves the last good pack's outputs and images where they were (the
build writes its outputs as a set, or not at all), and the state carries the
error to show above them.
"""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from briefpack.errors import BriefpackError
from briefpack.outputs import write_atomic
from briefpack.paths import LAYOUTS
from briefpack.serve.changes import compare, page_ranges
from briefpack.serve.pages import render
from briefpack.serve.server import STATE

# A save is often several file events (write, rename, attributes); this groups them.
DEBOUNCE_MS = 50
STEP_MS = 20


class Session:
    """One pack being previewed: its last good build, and what each rebuild changed."""

    def __init__(self, manifest: Path, out_dir: Path, *, dpi: int, say: Callable[[str], None]):
        self.manifest, self.out_dir, self.dpi, self.say = manifest, out_dir, dpi, say
        self.folder = out_dir / "preview"
        self.state: dict = {"build": "", "status": "building", "title": manifest.name}
        self.export: dict | None = None
        self.inputs: set[Path] = set()  # what the last loaded manifest reads, beside the layouts
        self.patterns = False  # whether a folder or pattern entry may pick up new files

    def rebuild(self) -> None:
        from briefpack.build import build

        self._publish(status="building")
        started = time.perf_counter()
        try:
            result = build(self.manifest, self.out_dir)
        except (BriefpackError, OSError) as error:  # the user's to fix; the next save may do it
            shown = (
                error
                if isinstance(error, BriefpackError)
                else BriefpackError(
                    error.strerror or str(error), path=error.filename if isinstance(error.filename, str) else None
                )
            )
            self._publish(status="failed", build=_stamp(), error=str(shown).splitlines())
            self.say(f"rebuild failed: {shown}")
            return
        seconds = time.perf_counter() - started
        export = json.loads(result.json.read_text(encoding="utf-8"))
        pages, changed = render(result.pdf, self.folder, self.dpi)
        changes = compare(self.export, export, changed).lines() if self.export is not None else []
        self.export = export
        manifest = result.pack.manifest
        self.inputs = {manifest.path.resolve(), *(spec.path.resolve() for spec in manifest.sources)}
        self.patterns = _uses_patterns(manifest.path)
        self._publish(
            status="ok",
            build=_stamp(),
            title=manifest.title,
            pdf=result.pdf.name,
            pages=pages,
            changed_pages=list(changed),
            changes=list(changes),
            warnings=list(result.pack.warnings),
            error=None,
            seconds=round(seconds, 1),
            finished=datetime.datetime.now().strftime("%H:%M:%S"),
        )
        moved = f"; pages {page_ranges(changed)} changed" if changed and changes else ""
        self.say(f"built {result.pdf.name}: {pages} pages in {seconds:.1f} s{moved}")

    def relevant(self, paths: Iterable[Path]) -> bool:
        """Whether a change can alter the pack: the manifest, a source, a layout, or a file a pattern may take."""
        if self.state.get("status") != "ok":
            return True  # after a failure, any save may be the fix
        home = self.manifest.parent.resolve()
        for path in (p.resolve() for p in paths):
            if path in self.inputs or path.is_relative_to(LAYOUTS) or self.patterns:
                return True
            if path.parent == home:  # a distribution file or a note beside the manifest
                return True
        return False

    def watched(self) -> list[Path]:
        """The folders to watch: the manifest's (its sources are there unless allowed outside) and the layouts."""
        folders = {self.manifest.parent.resolve(), LAYOUTS, *(p.parent for p in self.inputs)}
        return sorted(f for f in folders if not any(f.is_relative_to(other) and f != other for other in folders))

    def _publish(self, **changes: object) -> None:
        self.state = {**self.state, **changes}
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / STATE, json.dumps(self.state, ensure_ascii=False))


def _stamp() -> str:
    return str(time.time_ns())


def _uses_patterns(manifest: Path) -> bool:
    from briefpack.manifest.locate import uses_patterns

    return uses_patterns(manifest)


def watch(session: Session, stop_after: int | None = None) -> None:
    """Rebuild on every relevant change until interrupted (or after ``stop_after`` rebuilds, for tests).

    One watcher runs throughout, so a save made during a rebuild is seen after
    it; it starts again only when the folders to watch change with the manifest.
    """
    import watchfiles

    out = session.out_dir.resolve()
    ignored = watchfiles.DefaultFilter()

    def wanted(change: watchfiles.Change, name: str) -> bool:
        path = Path(name)
        return ignored(change, name) and not path.is_relative_to(out) and not path.name.startswith(".")

    rebuilds = 0
    while True:
        folders = session.watched()
        for changes in watchfiles.watch(*folders, watch_filter=wanted, debounce=DEBOUNCE_MS, step=STEP_MS):
            if not session.relevant(Path(name) for _, name in changes):
                continue
            session.rebuild()
            rebuilds += 1
            if stop_after is not None and rebuilds >= stop_after:
                return
            if session.watched() != folders:
                break
