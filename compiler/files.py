"""The one way briefpack reads a file it was pointed at: a regular file, within a size limit.

Every file a user or an out folder can name (manifest, distribution list,
sources, the entries of a build stamp, ``dates FILE``) is read through
``read_regular``. A FIFO would block the read for ever and a device such as
``/dev/zero`` or ``/dev/urandom`` never ends, so the path is checked before it
is opened, opened without blocking, and checked again on the open
descriptor (a file swapped for a FIFO in between is caught there); then at
most ``limit`` bytes and one more are read, so a file that grows while it is
read is refused rather than followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefpack.errors import BriefpackError

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileRefused(BriefpackError):
    """A file that is missing, not a regular file, too large or unreadable; ``message`` says which."""


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, of at most ``limit`` bytes; else FileRefused."""
    path = Path(path)
    try:
        _check(os.stat(path), limit, path)
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise FileRefused("does not exist", path=path) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise FileRefused(f"cannot be read: {getattr(exc, 'strerror', None) or exc}", path=path) from None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        _check(info, limit, path)
        # Reads from a regular file do not block; the flag only mattered for the open.
        os.set_blocking(fd, True)
        try:
            data = _read_at_most(stream, limit + 1)
        except OSError as exc:
            raise FileRefused(f"cannot be read: {exc.strerror or exc}", path=path) from None
    if len(data) > limit:
        raise FileRefused(f"is over the limit of {limit:,} bytes (it grew while it was read)", path=path)
    return data


def _read_at_most(stream, size: int) -> bytes:
    """Up to ``size`` bytes, a megabyte at a time: ``read(size)`` would reserve all of a large limit at once."""
    chunks, total = [], 0
    while total < size and (chunk := stream.read(min(1 << 20, size - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _check(info: os.stat_result, limit: int, path: Path) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"is {_kind(info.st_mode)}, not a regular file", path=path)
    if info.st_size > limit:
        raise FileRefused(f"is {info.st_size:,} bytes, over the limit of {limit:,} bytes", path=path)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")
