"""The layout's passes, and the HTML each one lays out (``render.lay_out`` runs them).

``layouts/pack.html`` describes the whole pack and nothing else. A pass that lays
out only part of it extends that template here and replaces one block, so the
templates never see the pass plan:

- the **body** pass lays out everything but the back matter, whose page lists it
  is there to find; empty anchors stand in for the back matter's appendices, so the
  contents still points at them;
- the **back** pass lays out the back matter alone behind a stand-in page for each
  page of the body, on the same named page and carrying the anchors the contents
  points at, so that every page number and running footer comes out as in the
  whole pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from briefpack.layout.view import View, environment, pack_html


class Part(Enum):
    WHOLE = "whole"
    BODY = "body"
    BACK = "back matter"


@dataclass(frozen=True)
class StandIn:
    """A page of the body, as the back-matter pass stands it in: its named page and its anchors."""

    page_name: str
    anchors: tuple[str, ...]


_BODY = """{% extends "pack.html" %}
{% block back_matter %}
{% for appendix in ctx.back_matter %}<div id="{{ appendix.id }}"></div>{% endfor %}
{% endblock %}"""

_BACK = """{% extends "pack.html" %}
{% block body %}
{% for stand_in in stand_ins %}
<div class="stand-in" style="page: {{ stand_in.page_name }}">{% for anchor in stand_in.anchors %}<span id="{{ anchor }}"></span>{% endfor %}</div>
{% endfor %}
{% endblock %}"""


def pass_html(view: View, part: Part, stand_ins: tuple[StandIn, ...] = ()) -> str:
    """The HTML one pass lays out: the whole pack, its body, or its back matter behind ``stand_ins``."""
    if part is Part.WHOLE:
        return pack_html(view)
    template = environment().from_string(_BODY if part is Part.BODY else _BACK)
    return template.render(ctx=view, stand_ins=stand_ins)
