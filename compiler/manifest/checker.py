"""Reading YAML as nodes, so that every problem names its line, and checking values as they are read."""

from __future__ import annotations

import datetime
import difflib
import math
import os
import re
from pathlib import Path

import yaml

from briefpack.errors import BriefpackError
from briefpack.files import FileRefused, read_regular

PAPERS = ("A4", "Letter")
MAX_NODES = 20_000  # values aliases may add to those written: far above any real manifest, far below a bomb


MAX_MANIFEST_BYTES = 1024 * 1024  # a manifest is a page of YAML; a megabyte is a mistake or an attack


MAX_MB = 1024 * 1024  # size limits above a terabyte are typos, and would overflow as bytes


# ASCII digits only: \d would let '٢٠٢٠' through as a year.
PARTIAL_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z")
# The years a date may name: the dating counts days within them, and a PDF date has four digits.
YEARS = range(1000, 3000)
# Characters no one-line value may hold: they end a mail header, rename a file or steer a terminal.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MULTILINE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Checker:
    """Collects problems while the manifest is read, so all are reported at once."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[BriefpackError] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(BriefpackError(message, path=self.path, line=line))

    def mapping(self, node: yaml.Node, where: str, allowed: dict[str, bool]) -> dict[str, yaml.Node]:
        """The keys of a mapping node; unknown keys and missing required ones are problems.

        ``allowed`` maps each key to whether it is required.
        """
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where} must be a mapping of keys to values")
            return {}
        keys: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.problem(key_node, f"unknown key '{key}' in {where}{suggestion}")
                continue
            if key in keys:
                self.problem(key_node, f"duplicate key '{key}' in {where}")
            keys[key] = value_node
        for key, required in allowed.items():
            if required and key not in keys:
                self.problem(node, f"missing key '{key}' in {where}")
        return keys

    def text(
        self, keys: dict[str, yaml.Node], key: str, default: str | None = None, *, multiline: bool = False
    ) -> str | None:
        """A one-line text (``multiline``: line breaks and tabs allowed); control characters are problems."""
        node = keys.get(key)
        if node is None:
            return default
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"'{key}' must be a single value")
            return default
        if node.tag == "tag:yaml.org,2002:null":
            return default
        value = str(node.value).strip()
        control = (MULTILINE_CONTROL if multiline else CONTROL).search(value)
        if control:
            self.problem(
                node,
                f"'{key}' holds a control character ({control.group()!a}): "
                "line breaks and terminal codes have no place in it",
            )
            return default
        return value or default

    def required(self, keys: dict[str, yaml.Node], key: str, where: str) -> str | None:
        """A text that must be given; an empty or null one is a problem on its line, never skipped."""
        value = self.text(keys, key)
        if value is None and key in keys and not self.reported(keys[key]):
            self.problem(keys[key], f"'{key}' of {where} is empty")
        return value

    def reported(self, node: yaml.Node) -> bool:
        line = node.start_mark.line + 1
        return any(p.line == line and p.path == self.path for p in self.problems)

    def choice(self, keys: dict[str, yaml.Node], key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(keys, key, default) or default
        matches = {o.lower(): o for o in options}
        if value.lower() not in matches:
            self.problem(keys[key], f"'{key}' must be one of {', '.join(options)}, not '{value}'")
            return default
        return matches[value.lower()]

    def boolean(self, keys: dict[str, yaml.Node], key: str, default: bool) -> bool:
        value = self.text(keys, key)
        if value is None:
            return default
        if value.lower() in ("true", "yes", "on"):
            return True
        if value.lower() in ("false", "no", "off"):
            return False
        self.problem(keys[key], f"'{key}' must be true or false, not '{value}'")
        return default

    def number(
        self,
        keys: dict[str, yaml.Node],
        key: str,
        default: float,
        *,
        integer: bool = False,
        minimum: float | None = None,
        maximum: float | None = None,
    ) -> float:
        value = self.text(keys, key)
        if value is None:
            return default
        try:
            number = int(value) if integer else float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):  # float() accepts 'nan' and 'inf', which no setting means
            self.problem(keys[key], f"'{key}' must be a {'whole ' if integer else ''}number, not '{value}'")
            return default
        if minimum is not None and number < minimum:
            self.problem(keys[key], f"'{key}' must be at least {minimum:g}, not {value}")
            return default
        if maximum is not None and number > maximum:
            self.problem(keys[key], f"'{key}' must be at most {maximum:g}, not {value}")
            return default
        return number

    def date(self, keys: dict[str, yaml.Node], key: str) -> str | None:
        value = self.text(keys, key)
        if value is not None and not valid_partial_date(value):
            self.problem(keys[key], f"'{key}' is not a date: '{value}' (write 2020, 2020-05 or 2020-05-28)")
            return None
        if value is not None and int(value[:4]) not in YEARS:
            self.problem(keys[key], f"'{key}' {value} is outside the years {YEARS[0]}-{YEARS[-1]}")
            return None
        return value

    def sequence(self, keys: dict[str, yaml.Node], key: str) -> list[yaml.Node]:
        node = keys.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'{key}' must be a list")
            return []
        return list(node.value)

    def strings(self, keys: dict[str, yaml.Node], key: str) -> tuple[str, ...]:
        values = []
        for item in self.sequence(keys, key):
            if isinstance(item, yaml.ScalarNode) and item.value.strip():
                if CONTROL.search(item.value.strip()):
                    self.problem(item, f"an entry of '{key}' holds a control character")
                    continue
                values.append(item.value.strip())
            else:
                self.problem(item, f"each entry of '{key}' must be a non-empty text")
        return tuple(values)


def valid_partial_date(value: str) -> bool:
    if not PARTIAL_DATE.match(value):
        return False
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
    return True


def read_text(path: Path) -> str:
    """The manifest's text: a regular UTF-8 file of sane size, or a one-line reason why not."""
    try:
        data = read_regular(path, MAX_MANIFEST_BYTES)
    except FileRefused as refused:
        if os.path.isdir(path):  # os.path: False rather than an error for a name too long
            raise BriefpackError("manifest is a folder: give the path of its YAML file", path=path) from None
        if not os.path.lexists(path):
            raise BriefpackError("manifest not found", path=path) from None
        if "over the limit" in refused.message:
            raise BriefpackError(f"manifest is larger than {MAX_MANIFEST_BYTES // 1024} KB", path=path) from None
        raise BriefpackError(f"manifest {refused.message}", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BriefpackError(
            f"manifest is not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}); save it as UTF-8",
            path=path,
            line=line,
        ) from None


def compose(raw: str, path: Path) -> yaml.Node:
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except RecursionError:  # PyYAML composes nested collections recursively
        raise BriefpackError("invalid YAML: nested too deeply", path=path) from None
    except yaml.reader.ReaderError as exc:
        line: int | None = raw[: exc.position].count("\n") + 1
        raise BriefpackError(
            f"invalid YAML: character #x{exc.character:04x} is not allowed in a manifest", path=path, line=line
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        raise BriefpackError(f"invalid YAML{column}: {exc.problem or exc.context}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise BriefpackError(f"invalid YAML: {exc}", path=path) from None
    if root is None:
        raise BriefpackError("manifest is empty", path=path)
    count_nodes(root, path)
    return root


def count_nodes(root: yaml.Node, path: Path) -> None:
    """Refuse manifests whose aliases expand into more values than any real pack has.

    Only what aliases add counts: a node reached a second time is an alias
    expanded. A long honest manifest (thousands of themes) writes each value
    once and its size is bounded by the byte limit.
    """
    visits = 0
    written: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        visits += 1
        written.add(id(node))
        if visits - len(written) > MAX_NODES:
            raise BriefpackError(
                f"manifest expands to more than {MAX_NODES} values (alias bomb?)",
                path=path,
                line=node.start_mark.line + 1,
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def megabytes(check: Checker, keys: dict[str, yaml.Node], key: str, default: float) -> int:
    return int(check.number(keys, key, default, minimum=0.001, maximum=MAX_MB) * 1024 * 1024)
