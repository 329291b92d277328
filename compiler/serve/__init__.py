"""``briefpack serve``: rebuild on every save and show the pages in a browser.

Two processes. This one (``session``) builds, watches the manifest, its sources
and the layouts, and rebuilds on a change, reusing the cache; after each build
it writes the page images and a small state file into ``OUT/preview/``. The
other (``server``) answers HTTP on the loopback address from those files only,
and the page it serves asks for the state a few times a second and reloads
itself when a new build is there. Keeping the server in its own process keeps
the builder single-threaded, so a build may fork its stages as it always does.
"""
