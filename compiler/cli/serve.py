"""``briefpack serve``: rebuild on every save and show the pages in a browser."""

from __future__ import annotations

import ipaddress
import subprocess
import sys
from pathlib import Path

import click

from briefpack.cli.app import OUT_HELP, cli, pack_paths, user_errors
from briefpack.errors import BriefpackError


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help=OUT_HELP)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but a loopback address shows the pack to the network.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option("--dpi", default=72, show_default=True, type=click.IntRange(20, 300), help="Resolution of the pages.")
@user_errors
def serve(manifest: Path | None, out_dir: Path | None, host: str, port: int, dpi: int) -> None:
    """Build MANIFEST, then rebuild whenever it, a source or a layout changes, and show the pages at a local address.

    The page reloads itself after each rebuild, marks the pages that changed,
    lists what moved between chapters and the build's warnings; a failed
    rebuild shows its error above the last good pages. Ctrl-C stops.
    """
    from briefpack.serve.session import Session, watch

    manifest, out_dir = pack_paths(manifest, out_dir)
    session = Session(manifest, out_dir, dpi=dpi, say=click.echo)
    server = _start_server(out_dir, host, port)  # first, so the page can say "building" meanwhile
    try:
        session.rebuild()
        watch(session)
    except KeyboardInterrupt:  # Ctrl-C is how a preview ends, not an error
        click.echo("stopped")
    finally:
        server.terminate()
        server.wait()


def _start_server(out_dir: Path, host: str, port: int) -> subprocess.Popen:
    """The server process; it prints its address once it listens, or why it cannot."""
    server = subprocess.Popen(
        [sys.executable, "-m", "briefpack.serve.server", str(out_dir.resolve()), host, str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stderr is not None
    address = server.stdout.readline().strip()
    if not address:
        raise BriefpackError(server.stderr.read().strip() or "the preview server did not start")
    if not _loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can read the pack", err=True)
    click.echo(f"serving {address}  (rebuilds on every save; Ctrl-C stops)")
    return server


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
