"""Frozen dataclasses to JSON-ready values and back, checked field by field against their types.

The cache stores stage results in this form because JSON can only ever be
data: loading it runs no code, whatever bytes an attacker put in the out
folder. Decoding is led by the expected type, never by the data, so an entry
can only produce the classes its stage returns, and a value of the wrong
shape (a number where text belongs, a field too many) raises ``Mismatch``
instead of reaching a stage that would trip over it later.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any


class Mismatch(ValueError):
    """The data does not have the shape of the type asked for."""


def encode(value: Any) -> Any:
    """``value`` as lists, dicts, strings, numbers, booleans and None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot encode a {type(value).__name__}")


def decode(data: Any, kind: Any) -> Any:
    """``data`` rebuilt as ``kind``; raises Mismatch where it does not fit."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(kind):
            try:
                return decode(data, option)
            except Mismatch:
                continue
        raise Mismatch(f"{_shown(data)} is none of {kind}")
    if kind is type(None) or kind is None:
        return _exact(data, type(None))
    if kind is Any:
        raise Mismatch("no type to check against")
    if origin in (tuple, list):
        if not isinstance(data, list):
            raise Mismatch(f"{_shown(data)} is not a list")
        args = typing.get_args(kind)
        if origin is list or (len(args) == 2 and args[1] is Ellipsis):
            items = [decode(item, args[0]) for item in data]
        elif len(args) == len(data):
            items = [decode(item, arg) for item, arg in zip(data, args)]
        else:
            raise Mismatch(f"a list of {len(data)} where {len(args)} belong")
        return tuple(items) if origin is tuple else items
    if origin is dict:
        key_kind, value_kind = typing.get_args(kind)
        if not isinstance(data, dict):
            raise Mismatch(f"{_shown(data)} is not a mapping")
        return {decode(key, key_kind): decode(item, value_kind) for key, item in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(data, kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(data)
        except ValueError:
            raise Mismatch(f"{_shown(data)} is not a {kind.__name__}") from None
    if kind is Path:
        return Path(_exact(data, str))
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise Mismatch(f"{_shown(data)} is not a number")
        return float(data)
    if kind in (str, int, bool):
        return _exact(data, kind)
    raise Mismatch(f"cannot decode {kind}")


def _dataclass(data: Any, kind: type) -> Any:
    if not isinstance(data, dict):
        raise Mismatch(f"{_shown(data)} is not a {kind.__name__}")
    hints = _hints(kind)
    if set(data) != set(hints):
        raise Mismatch(f"the fields of a {kind.__name__} are {sorted(hints)}, not {sorted(map(str, data))}")
    return kind(**{name: decode(data[name], hint) for name, hint in hints.items()})


@cache
def _hints(kind: type) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind) if f.init}


def _exact(data: Any, kind: type) -> Any:
    # bool is an int to isinstance; a cache entry with true where a count belongs is corrupt.
    if type(data) is not kind:
        raise Mismatch(f"{_shown(data)} is not a {kind.__name__}")
    return data


def _shown(data: Any) -> str:
    text = repr(data)
    return text if len(text) <= 40 else text[:39] + "…"
