"""The command line: one module per command, all registered on the group in ``app``.

Click gives every command its ``--help``, argument checking and exit code 2
for usage errors; user errors raised as BriefpackError, and the machine's
own refusals (OSError: permissions, a full disk), are printed as one line
each and exit with 2 too, never as a traceback. Anything else is a bug in
briefpack: one line that says so, exit 1, and the traceback with ``--debug``.
"""
from __future__ import annotations

import gc
import tempfile

from briefpack.cli import build, dates, distribute, explain, preview  # noqa: F401  (each registers its commands)
from briefpack.cli.app import cli


def main() -> None:
    # WeasyPrint keeps the fonts it decodes in a temporary folder it removes when its font
    # configuration is collected; this one is removed on the way out whatever happens to that.
    with tempfile.TemporaryDirectory(prefix="briefpack-") as scratch:
        tempfile.tempdir = scratch
        try:
            cli(prog_name="briefpack")
        finally:
            tempfile.tempdir = None
            # The process ends here. Its last garbage collection would walk every object a layout
            # left (about 0.1 s after the seed pack) to free memory the system takes back anyway.
            gc.freeze()


__all__ = ["cli", "main"]
