"""The command line: one module per command, all registered on the group in ``app``.

Click gives every command its ``--help``, argument checking and exit code 2
for usage errors; user errors raised as BriefpackError, and the machine's
own refusals (OSError: permissions, a full disk), are printed as one line
each and exit with 2 too, never as a traceback. Anything else is a bug in
briefpack: one line that says so, exit 1, and the traceback with ``--debug``.
"""

from __future__ import annotations

import gc

from briefpack.cli import build, dates, distribute, explain, new, preview, serve, suggest  # noqa: F401  (each registers its commands)
from briefpack.cli.app import cli
from briefpack.process import scratch_tempdir


def main() -> None:
    # Every command that runs WeasyPrint (build, stamp, preview) leaves its font files in the scratch folder.
    with scratch_tempdir():
        try:
            cli(prog_name="briefpack")
        finally:
            # The process ends here. Its last garbage collection would walk every object a layout
            # left (about 0.1 s after the seed pack) to free memory the system takes back anyway.
            gc.freeze()


__all__ = ["cli", "main"]
