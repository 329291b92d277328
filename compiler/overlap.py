"""Work run in a forked child while the build does something else with its second core.

A build's own stages (reading, clean-up, theming, dating, the view) need
nothing from WeasyPrint, and WeasyPrint's start-up (its import, then the
layout's stylesheet parsed and fonts decoded: about 0.7 s) needs nothing
from them. ``Overlap`` forks: the child runs the work and sends back its
result, pickled, while the parent goes on; ``result()`` waits for it. The
build forks twice, for the stages and for the fonts (``fonts``). The
child's progress reaches the caller's display as it happens (at most every
``FORWARD_EVERY`` seconds, so a parent busy elsewhere never blocks it on a
full pipe), and its stage times come back with the result, measured where
the work ran.

Without a second core, or without ``os.fork`` (Windows), the work runs in
the calling process when its result is asked for.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import time
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from briefpack.progress import Progress, StageClock, StageTime, fan_out, silent

T = TypeVar("T")

PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
FORWARD_EVERY = 0.05  # seconds between two forwarded counts of the same stage; a display redraws at 10 Hz


class Overlap(Generic[T]):
    """``work(progress)`` beside the caller; ``result()`` is its value and the stages it timed."""

    def __init__(self, work: Callable[[Progress], T], progress: Progress = silent):
        self._work, self._progress = work, progress
        self._pid: int | None = None
        if _second_core() and hasattr(os, "fork"):
            read, write = os.pipe()
            parent = os.getpid()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                _die_with_parent(parent)
                _run_child(work, write)
            os.close(write)
            self._pid, self._stream = pid, os.fdopen(read, "rb")

    def result(self) -> tuple[T, tuple[StageTime, ...]]:
        if self._pid is None:
            clock = StageClock()
            value = self._work(fan_out(clock, self._progress))
            return value, tuple(clock.stop())
        delivered = False
        try:
            while True:
                try:
                    kind, payload = pickle.load(self._stream)
                except EOFError:
                    raise RuntimeError(f"the build's stages ended without a result ({self._reap()})") from None
                if kind == "progress":
                    self._progress(*payload)
                elif kind == "error":
                    raise payload
                else:
                    delivered = True
                    return payload
        finally:
            # Interrupted while waiting (Ctrl-C, SIGTERM turned into KeyboardInterrupt): the child's
            # work is no longer wanted, and waiting for it could take as long as the work itself.
            self._end(kill=not delivered)

    def __enter__(self) -> Overlap[T]:
        return self

    def __exit__(self, *exc) -> None:
        # Leaving with the result unread means the build stopped: end the child now, not when it is done.
        self._end(kill=True)

    def _end(self, *, kill: bool) -> None:
        if self._pid is not None:
            if kill:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self._pid, signal.SIGKILL)
            self._stream.close()
            self._reap()

    def _reap(self) -> str:
        if self._pid is None:
            return "ended"
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if os.WIFSIGNALED(status):
            return f"killed by signal {os.WTERMSIG(status)}"
        return f"exit status {os.waitstatus_to_exitcode(status)}"


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this child when the parent dies, however it dies (``kill -9`` included).

    Linux's PR_SET_PDEATHSIG; elsewhere the child ends at its next write to
    the closed pipe. A parent that died before the request took hold has
    handed the child to another process already: it leaves at once.
    """
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # no libc prctl: not Linux
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _second_core() -> bool:
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return len(cores) > 1


def _run_child(work: Callable[[Progress], T], fd: int) -> None:
    """Run ``work`` and send what it gives, then leave: the child must never return into the parent's code."""
    status = 1
    try:
        with os.fdopen(fd, "wb") as stream:
            clock = StageClock()
            forward = _Forward(stream)
            try:
                message: tuple[str, object] = ("result", (work(fan_out(clock, forward)), tuple(clock.stop())))
                forward.flush()
            except BaseException as error:
                message = ("error", _portable(error))
            stream.write(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
        status = 0
    finally:
        os._exit(status)  # no atexit handlers, no flushing of buffers the parent still owns


class _Forward:
    """A progress callback for the child: each new stage at once, counts at most every ``FORWARD_EVERY`` s.

    A count held back is sent before the next stage, and by ``flush``, so the
    display always ends a stage on its last count.
    """

    def __init__(self, stream):
        self.stream, self.stage, self.sent, self.held = stream, None, 0.0, None

    def __call__(self, stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None:
        now = time.perf_counter()
        if stage == self.stage and now - self.sent < FORWARD_EVERY:
            self.held = (stage, done, total, unit)
            return
        self.flush()
        self._send((stage, done, total, unit))
        self.stage, self.sent = stage, now

    def flush(self) -> None:
        if self.held is not None:
            self._send(self.held)
            self.held = None

    def _send(self, event: tuple) -> None:
        self.stream.write(pickle.dumps(("progress", event), protocol=pickle.HIGHEST_PROTOCOL))
        self.stream.flush()


def _portable(error: BaseException) -> BaseException:
    """``error`` as the parent can unpickle it, with the child's traceback as a note where it is a bug."""
    from briefpack.errors import BriefpackError

    if not isinstance(error, BriefpackError) and hasattr(error, "add_note"):
        error.add_note("in the build's forked stages:\n" + "".join(traceback.format_exception(error)).rstrip())
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
