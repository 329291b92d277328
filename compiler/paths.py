"""Where briefpack's own files are: the one place that knows.

The layouts (templates, CSS, fonts) install as the package ``briefpack.layouts``
(``pyproject.toml`` maps it to the repository's ``layouts/`` folder), so a wheel, an
sdist and an editable install all find them the same way, from any folder.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _layouts() -> Path:
    spec = importlib.util.find_spec("briefpack.layouts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("briefpack is installed without its layouts (briefpack.layouts); reinstall it")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


LAYOUTS = _layouts()
