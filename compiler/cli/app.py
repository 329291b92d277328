"""The command group and what every command shares: one line per user error, exit codes, signals."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from pathlib import Path
from typing import NoReturn

import click

from briefpack import __version__
from briefpack.errors import BriefpackError
from briefpack.paths import LAYOUTS, PACKAGE

# With no MANIFEST, a command looks for pack.yaml, then briefpack.yaml, in the current folder
# (``pack_paths``); the outputs go beside the manifest unless --out or its 'out:' says otherwise.
DEFAULT_MANIFEST = None
OUT_HELP = "Folder for the outputs (default: the manifest's 'out:', else out/ beside the manifest)."


def user_errors(command):
    """Print a BriefpackError or OSError as one line per problem and exit with code 2.

    Ctrl-C and SIGTERM end the command with 130 and one line; a build
    writes its outputs as a set at the very end, so an interrupted build
    leaves either all the previous ones or all new ones.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        main_thread = threading.current_thread() is threading.main_thread()  # only it may set handlers
        previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
        try:
            return command(*args, **kwargs)
        except BriefpackError as error:
            for line in str(error).splitlines():
                click.echo(f"error: {line}", err=True)
            sys.exit(2)
        except OSError as error:
            where = error.filename if isinstance(error.filename, (str, bytes, os.PathLike)) else None
            if where is not None and _is_ours(where):  # briefpack's own files: an installation bug
                _report_bug(error)
            click.echo(f"error: {BriefpackError(error.strerror or str(error), path=where)}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except Exception as error:  # anything else is briefpack's own fault, never the user's
            _report_bug(error)
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, previous)

    return wrapper


def debugging() -> bool:
    """Whether a bug should show its traceback: ``--debug`` or BRIEFPACK_DEBUG=1."""
    context = click.get_current_context(silent=True)
    flag = bool(context and context.find_root().params.get("debug"))
    return flag or os.environ.get("BRIEFPACK_DEBUG", "") not in ("", "0")


def _is_ours(filename: str | bytes | os.PathLike) -> bool:
    path = Path(os.path.realpath(os.fsdecode(filename)))  # realpath: a symlink loop is no error here
    return path.is_relative_to(PACKAGE) or path.is_relative_to(LAYOUTS)


def _report_bug(error: BaseException) -> NoReturn:
    """One line that says this is briefpack's bug, exit 1; the traceback only when debugging."""
    if debugging():
        raise error
    summary = " ".join(str(error).split())[:300]
    click.echo(
        f"error: internal error in briefpack {__version__} (a bug, not your input): "
        f"{type(error).__name__}: {summary}; rerun with --debug for the traceback",
        err=True,
    )
    sys.exit(1)


def _interrupt(number, frame):
    """SIGTERM ends a build the way Ctrl-C does, with its clean-up."""
    raise KeyboardInterrupt


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefpack")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (also BRIEFPACK_DEBUG=1).")
def cli(debug: bool) -> None:
    """Compile a folder of raw source texts into a printable PDF briefing pack."""


@contextlib.contextmanager
def stage_display(quiet: bool):
    """The build's stage display on a terminal; a silent callback otherwise."""
    from briefpack.progress import silent

    if quiet or not sys.stderr.isatty():
        yield silent
        return
    from briefpack.progress import Terminal

    with Terminal() as terminal:
        yield terminal


def pack_paths(manifest: Path | None, out_dir: Path | None) -> tuple[Path, Path]:
    """The manifest named (or a folder's, or the current folder's) and the folder its outputs go to."""
    from briefpack.manifest.locate import find_manifest, output_folder

    found = find_manifest(manifest)
    return found, output_folder(found, out_dir)


def matching_id(given: str, known: list[str]) -> str | None:
    """The known id ``given`` names, whatever its case: ``s7`` is ``S7``."""
    return next((k for k in known if k == given), None) or next((k for k in known if k.lower() == given.lower()), None)
