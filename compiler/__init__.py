"""briefpack: compile raw source texts into a printable PDF briefing pack.

As a library: ``briefpack.build(manifest, out_dir)`` builds a pack and returns a
``BuildResult`` (the pack, the pages, the output paths); see ``briefpack.build``.
"""

__version__ = "0.1.0"

from briefpack.build import BuildResult, build

__all__ = ["BuildResult", "__version__", "build"]
