"""Templates, CSS and fonts: installed with the code as ``briefpack.layouts`` (see ``briefpack.paths``)."""
