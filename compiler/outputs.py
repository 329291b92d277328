"""Write build outputs so that a failed or interrupted build never leaves half a file.

A pack's outputs (PDF, HTML, JSON) are written as a set: every file goes to
a temporary ``.part`` file beside its target first, and only when all of
them are safely on disk are they renamed into place, with Ctrl-C held back
for those few renames so a reader never sees a PDF from one build beside
JSON from another. Builds of the same pack into the same folder take turns
through an ``flock`` on ``out/.<name>.lock``.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefpack.errors import BriefpackError

LOCK_TIMEOUT = 120.0  # seconds; longer than any real build's writing phase takes
_LOCK_POLL = 0.1
_HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    temporary = _write_part(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_outputs(out_dir: Path, name: str, files: dict[Path, bytes | str], *, timeout: float = LOCK_TIMEOUT) -> None:
    """Replace all of ``files`` together, under the pack's lock.

    Any OSError (folder not writable, disk full) becomes a BriefpackError
    naming the file, and leaves the previous outputs as they were.
    """
    with pack_lock(out_dir, name, timeout=timeout):
        _remove_stale_parts(files)
        parts: dict[Path, Path] = {}
        try:
            for path, data in files.items():
                parts[path] = _write_part(path, data)
            with _signals_held():
                for path, temporary in parts.items():
                    os.replace(temporary, path)
        except OSError as exc:
            raise BriefpackError(f"cannot write output: {exc.strerror or exc}", path=exc.filename or out_dir) from None
        finally:
            for temporary in parts.values():
                temporary.unlink(missing_ok=True)


@contextmanager
def pack_lock(out_dir: Path, name: str, *, timeout: float = LOCK_TIMEOUT) -> Iterator[Path]:
    """Hold ``out_dir/.<name>.lock``; wait up to ``timeout`` seconds for another build to finish.

    The lock file itself stays behind: deleting it would let a third build
    lock a fresh file while the second still holds the old one.
    """
    lock_path = Path(out_dir) / f".{name}.lock"
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise BriefpackError(f"cannot create the lock file: {exc.strerror or exc}", path=lock_path) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise BriefpackError(f"cannot lock: {exc.strerror or exc}", path=lock_path) from None
            if time.monotonic() >= deadline:
                raise BriefpackError(
                    f"another build of '{name}' held this lock for {timeout:g} s; try again when it has finished",
                    path=lock_path,
                )
            time.sleep(_LOCK_POLL)
        yield lock_path
    finally:
        os.close(fd)  # closing releases the flock


def _write_part(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to a synced ``.part`` file beside ``path`` and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temporary = Path(name)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide the pack from other users
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _remove_stale_parts(files: dict[Path, bytes | str]) -> None:
    """Drop ``.part`` files a killed build (SIGKILL, power loss) of this pack left behind.

    Only called under the pack's lock, so no live build is writing them;
    the exact pattern keeps other packs' files in the same folder safe.
    """
    for path in files:
        pattern = re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]{{8}}\.part")
        for stale in path.parent.glob(f".{path.name}.*.part"):
            if pattern.fullmatch(stale.name):
                stale.unlink(missing_ok=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Defer SIGINT and SIGTERM until the block is done, so the renames happen as one.

    Handlers are swapped rather than the signals masked: a mask covers one
    thread only, while Python runs its handlers in the main thread whichever
    thread the kernel chose.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be changed from the main thread
        return
    caught: list[int] = []
    previous = {number: signal.signal(number, lambda number, frame: caught.append(number)) for number in _HELD_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for caught_number in dict.fromkeys(caught):
            signal.raise_signal(caught_number)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
