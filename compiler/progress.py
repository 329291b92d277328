"""What a build tells its user while it runs, and what it tells a benchmark afterwards.

The build calls one ``progress(stage, done, total, unit)`` callback; here are
the listeners: a terminal display that appears only once a build has run
for a moment (a cached rebuild should not flash a bar), and a clock that
records each stage's wall time and the process's peak memory when it ended.
"""

from __future__ import annotations

import resource
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console


class Progress(Protocol):
    """Told when a stage starts (``stage`` alone) and how far it has got (``done`` of ``total`` units)."""

    def __call__(self, stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None: ...


def silent(stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None:
    pass


# Below this, a build is over before a display would be read.
DISPLAY_DELAY = 0.4


class Terminal:
    """A one-line rich display of the stage and its count, removed when the build ends."""

    def __init__(self, console: Console | None = None, *, delay: float = DISPLAY_DELAY):
        # Imported here so quiet and piped builds never pay for rich.
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("starting", total=None, count="")
        self._lock = threading.Lock()
        self._finished = False
        self._timer = threading.Timer(delay, self._start)
        self._timer.daemon = True

    def _start(self) -> None:
        with self._lock:  # the build may end while the timer fires
            if not self._finished:
                self._progress.start()

    def __call__(self, stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None:
        count = "" if done is None else f"{done}/{total} {unit}" if total else f"{done} {unit}"
        self._progress.update(self._task, description=stage, total=total, completed=done or 0, count=count.strip())

    def __enter__(self) -> Terminal:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:
            self._finished = True
            self._progress.stop()


@dataclass(frozen=True)
class StageTime:
    stage: str
    started: float  # time.perf_counter() when it started: the system's monotonic clock, the same in a forked child
    seconds: float
    cpu_seconds: float  # this process's CPU time, which other work on the machine disturbs less than wall time
    peak_rss_kb: int  # the process's peak resident set when the stage ended (Linux reports KB)


class StageClock:
    """Records when each stage starts; a stage ends when the next one starts or the clock stops."""

    def __init__(self):
        self.times: list[StageTime] = []
        self._current: tuple[str, float, float] | None = None

    def __call__(self, stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None:
        if self._current is None or self._current[0] != stage:
            self._close()
            self._current = (stage, time.perf_counter(), time.process_time())

    def stop(self) -> list[StageTime]:
        self._close()
        return self.times

    def _close(self) -> None:
        if self._current is not None:
            stage, started, cpu_started = self._current
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            self.times.append(
                StageTime(stage, started, time.perf_counter() - started, time.process_time() - cpu_started, peak)
            )
            self._current = None


def fan_out(*listeners):
    """One callback that tells every listener."""

    def progress(stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None:
        for listener in listeners:
            listener(stage, done, total, unit)

    return progress
