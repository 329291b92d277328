"""Load and validate a pack manifest, reporting every problem at once.

The YAML is composed into nodes rather than loaded into Python objects so
that each problem can name the line it stands on, and so that aliases can
be counted before anything is expanded (a "billion laughs" manifest is
refused instead of eating the machine's memory).
"""
from __future__ import annotations

import datetime
import difflib
import math
import os
import re
import stat
from pathlib import Path

import yaml

from compiler.errors import BriefpackError, ManifestError
from compiler.model import Manifest, Recipient, Rule, SmtpSettings, SourceSpec, ThemeSpec

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
           ".html": "html", ".htm": "html", ".pdf": "pdf"}
LAYOUTS = ("default", "compact")
PAPERS = ("A4", "Letter")
PDF_VARIANTS = ("ua", "a3b")
SECURITY = ("none", "starttls", "tls")
MAX_NODES = 20_000  # far above any real manifest, far below an alias bomb
MAX_MANIFEST_BYTES = 1024 * 1024  # a manifest is a page of YAML; a megabyte is a mistake or an attack
MAX_MB = 1024 * 1024  # size limits above a terabyte are typos, and would overflow as bytes

# ASCII digits only: \d would let '٢٠٢٠' through as a year.
PARTIAL_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z")
EMAIL = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
THEME_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


class _Checker:
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

    def text(self, keys: dict[str, yaml.Node], key: str, default: str | None = None) -> str | None:
        node = keys.get(key)
        if node is None:
            return default
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"'{key}' must be a single value")
            return default
        if node.tag == "tag:yaml.org,2002:null":
            return default
        value = str(node.value).strip()
        return value or default

    def choice(self, keys: dict[str, yaml.Node], key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(keys, key, default)
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

    def number(self, keys: dict[str, yaml.Node], key: str, default: float, *, integer: bool = False,
               minimum: float | None = None, maximum: float | None = None) -> float:
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
        if value is not None and not _valid_partial_date(value):
            self.problem(keys[key], f"'{key}' is not a date: '{value}' (write 2020, 2020-05 or 2020-05-28)")
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
                values.append(item.value.strip())
            else:
                self.problem(item, f"each entry of '{key}' must be a non-empty text")
        return tuple(values)


def _valid_partial_date(value: str) -> bool:
    if not PARTIAL_DATE.match(value):
        return False
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
    return True


TOP_KEYS = {
    "title": True, "subtitle": False, "date": False, "author": False, "organisation": False,
    "handling": False, "language": False, "keywords": False, "output": False, "layout": False,
    "paper": False, "pdf_variant": False, "day_first": False, "actors": False,
    "sources": True, "themes": True, "fallback": True, "allow_outside": False,
    "recipients": False, "smtp": False, "max_message_mb": False, "max_source_mb": False,
    "distribution": False,
}
DISTRIBUTION_KEYS = {"recipients": True, "smtp": False}
SOURCE_KEYS = {"file": True, "id": False, "format": False, "title": False, "author": False,
               "publisher": False, "published": False, "url": False}
THEME_KEYS = {"id": True, "title": True, "terms": False, "regex": False, "threshold": False,
              "summary": False}
FALLBACK_KEYS = {"id": True, "title": True, "summary": False}
RECIPIENT_KEYS = {"name": True, "email": True, "organisation": False, "paper": False, "stamp": False}
SMTP_KEYS = {"host": False, "port": False, "security": False, "user": False, "sender": False,
             "password_env": False}


def load_manifest(path: Path | str) -> Manifest:
    """Read and validate the manifest at ``path``; raise ManifestError listing every problem."""
    path = Path(path).absolute()
    raw = _read_text(path)
    root = _compose(raw, path)
    check = _Checker(path)
    manifest = _read(root, path, check)
    if check.problems:
        raise ManifestError(check.problems)
    return manifest


def _read_text(path: Path) -> str:
    """The manifest's text: a regular UTF-8 file of sane size, or a one-line reason why not."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not hang the build
    except FileNotFoundError:
        raise BriefpackError("manifest not found", path=path) from None
    except IsADirectoryError:
        raise BriefpackError("manifest is a folder: give the path of its YAML file", path=path) from None
    except OSError as exc:
        raise BriefpackError(f"cannot read manifest: {exc.strerror or exc}", path=path) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BriefpackError("manifest is a folder: give the path of its YAML file", path=path)
        raise BriefpackError("manifest is not a regular file", path=path)
    with os.fdopen(fd, "rb") as stream:
        try:
            data = stream.read(MAX_MANIFEST_BYTES + 1)
        except OSError as exc:
            raise BriefpackError(f"cannot read manifest: {exc.strerror or exc}", path=path) from None
    if len(data) > MAX_MANIFEST_BYTES:
        raise BriefpackError(f"manifest is larger than {MAX_MANIFEST_BYTES // 1024} KB", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BriefpackError(f"manifest is not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}); "
                             "save it as UTF-8", path=path, line=line) from None


def _compose(raw: str, path: Path) -> yaml.Node:
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except RecursionError:  # PyYAML composes nested collections recursively
        raise BriefpackError("invalid YAML: nested too deeply", path=path) from None
    except yaml.reader.ReaderError as exc:
        line = raw[:exc.position].count("\n") + 1
        raise BriefpackError(f"invalid YAML: character #x{exc.character:04x} is not allowed in a manifest",
                             path=path, line=line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        raise BriefpackError(f"invalid YAML{column}: {exc.problem or exc.context}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise BriefpackError(f"invalid YAML: {exc}", path=path) from None
    if root is None:
        raise BriefpackError("manifest is empty", path=path)
    _count_nodes(root, path)
    return root


def _count_nodes(root: yaml.Node, path: Path) -> None:
    """Refuse manifests whose aliases expand into more nodes than any real pack has."""
    seen = 0
    stack = [root]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            raise BriefpackError(f"manifest expands to more than {MAX_NODES} values (alias bomb?)",
                                 path=path, line=node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def _read(root: yaml.Node, path: Path, check: _Checker) -> Manifest:
    top = check.mapping(root, "the manifest", TOP_KEYS)
    title = check.text(top, "title") or ""
    if "title" in top and not title:
        check.problem(top["title"], "'title' must not be empty")
    allow_outside = check.boolean(top, "allow_outside", False)
    sources = _read_sources(check.sequence(top, "sources"), path, check, allow_outside)
    if "sources" in top and not sources and not check.problems:
        check.problem(top["sources"], "'sources' lists no source")
    themes = _read_themes(check.sequence(top, "themes"), check)
    if "themes" in top and not themes and not check.problems:
        check.problem(top["themes"], "'themes' lists no theme")
    themes, fallback = _read_fallback(top.get("fallback"), themes, check)
    recipients, smtp = _read_distribution(top, path, check, allow_outside)
    name = check.text(top, "output") or path.stem
    if not re.match(r"^[\w.-]+$", name) or name.startswith("."):
        check.problem(top.get("output"), f"'output' must be a plain file name, not '{name}'")
    return Manifest(
        path=path,
        title=title,
        name=name,
        subtitle=check.text(top, "subtitle"),
        date=check.date(top, "date"),
        author=check.text(top, "author"),
        organisation=check.text(top, "organisation"),
        handling=check.text(top, "handling"),
        language=check.text(top, "language", "en"),
        keywords=check.strings(top, "keywords"),
        sources=sources,
        themes=themes,
        fallback=fallback,
        layout=check.choice(top, "layout", LAYOUTS, "default"),
        paper=check.choice(top, "paper", PAPERS, "A4"),
        pdf_variant=check.choice(top, "pdf_variant", PDF_VARIANTS, "ua"),
        day_first=check.boolean(top, "day_first", True),
        actors=check.strings(top, "actors"),
        recipients=recipients,
        smtp=smtp,
        max_message_bytes=_megabytes(check, top, "max_message_mb", 10),
        max_source_bytes=_megabytes(check, top, "max_source_mb", 20),
    )


def _megabytes(check: _Checker, keys: dict[str, yaml.Node], key: str, default: float) -> int:
    return int(check.number(keys, key, default, minimum=0.001, maximum=MAX_MB) * 1024 * 1024)


def _read_sources(nodes: list[yaml.Node], path: Path, check: _Checker,
                  allow_outside: bool) -> tuple[SourceSpec, ...]:
    root = path.parent.resolve()
    specs: list[SourceSpec] = []
    seen_ids: dict[str, int] = {}
    for number, node in enumerate(nodes, start=1):
        if isinstance(node, yaml.ScalarNode):  # a bare file name is allowed
            node = yaml.MappingNode("tag:yaml.org,2002:map",
                                    [(yaml.ScalarNode("tag:yaml.org,2002:str", "file", node.start_mark),
                                      node)], node.start_mark, node.end_mark)
        keys = check.mapping(node, f"source {number}", SOURCE_KEYS)
        rel = check.text(keys, "file")
        if rel is None:
            continue
        source_id = check.text(keys, "id", f"S{number}")
        if source_id in seen_ids:
            check.problem(keys.get("id", node),
                          f"duplicate source id '{source_id}' (also on line {seen_ids[source_id]})")
        seen_ids[source_id] = node.start_mark.line + 1
        try:
            # resolve() follows symlinks, so a link inside the folder to a file outside counts as outside
            file = (path.parent / rel).resolve()
            is_file = file.is_file()
        except (OSError, ValueError, RuntimeError) as exc:  # NUL byte, name too long, symlink loop
            reason = getattr(exc, "strerror", None) or exc
            check.problem(keys["file"], f"source file cannot be used: '{rel}' ({reason})")
            continue
        if not allow_outside and not file.is_relative_to(root):
            check.problem(keys["file"], f"source '{rel}' lies outside the manifest's folder "
                                        "(set 'allow_outside: true' to allow it)")
            continue  # nothing more about a file that will not be read is worth saying
        if not is_file:
            check.problem(keys["file"], f"source file not found: '{rel}'")
        fmt = check.text(keys, "format") or FORMATS.get(file.suffix.lower())
        if fmt not in FORMATS.values():
            check.problem(keys.get("format", keys["file"]),
                          f"cannot tell the format of '{rel}': set 'format' to one of txt, md, html, pdf")
            fmt = "txt"
        specs.append(SourceSpec(
            id=source_id, path=file, rel=rel, format=fmt,
            title=check.text(keys, "title"), author=check.text(keys, "author"),
            publisher=check.text(keys, "publisher"), published=check.date(keys, "published"),
            url=check.text(keys, "url"),
        ))
    return tuple(specs)


def _read_rules(keys: dict[str, yaml.Node], key: str, check: _Checker, *, regex: bool) -> list[Rule]:
    """Rules are a list of patterns (weight 1) or a mapping of pattern to weight."""
    node = keys.get(key)
    if node is None:
        return []
    rules: list[Rule] = []
    if isinstance(node, yaml.SequenceNode):
        # A list may mix bare patterns with one-entry mappings that give a weight.
        pairs: list[tuple[yaml.Node, yaml.Node | None]] = []
        for item in node.value:
            pairs.extend(item.value if isinstance(item, yaml.MappingNode) else [(item, None)])
    elif isinstance(node, yaml.MappingNode):
        pairs = list(node.value)
    else:
        check.problem(node, f"'{key}' must be a list of patterns or a mapping of pattern to weight")
        return []
    for pattern_node, weight_node in pairs:
        pattern = pattern_node.value if isinstance(pattern_node, yaml.ScalarNode) else None
        if not pattern or not str(pattern).strip():
            check.problem(pattern_node, f"each entry of '{key}' must be a non-empty pattern")
            continue
        weight = 1.0
        if weight_node is not None:
            try:
                weight = float(weight_node.value)
            except (TypeError, ValueError):
                weight = math.nan
            if not math.isfinite(weight):
                check.problem(weight_node, f"weight of '{pattern}' must be a number")
                continue
        if regex:
            try:
                re.compile(pattern)
            except (re.error, RecursionError, OverflowError) as exc:  # the latter two: absurd nesting or repeats
                check.problem(pattern_node, f"invalid regular expression '{pattern}': {exc}")
                continue
        rules.append(Rule(pattern=str(pattern).strip(), weight=weight, regex=regex))
    return rules


def _read_themes(nodes: list[yaml.Node], check: _Checker) -> tuple[ThemeSpec, ...]:
    themes: list[ThemeSpec] = []
    for number, node in enumerate(nodes, start=1):
        keys = check.mapping(node, f"theme {number}", THEME_KEYS)
        theme_id = check.text(keys, "id")
        if theme_id is None:
            continue
        if not THEME_ID.match(theme_id):
            check.problem(keys["id"], f"theme id '{theme_id}' must be lower-case letters, digits, - or _")
        if any(t.id == theme_id for t in themes):
            check.problem(keys["id"], f"duplicate theme id '{theme_id}'")
        reported = len(check.problems)
        rules = _read_rules(keys, "terms", check, regex=False) + _read_rules(keys, "regex", check, regex=True)
        if not rules and len(check.problems) == reported:  # an empty 'terms:' is no rule either
            check.problem(node, f"theme '{theme_id}' has no rules: give it 'terms' or 'regex'")
        themes.append(ThemeSpec(id=theme_id, title=check.text(keys, "title") or theme_id,
                                rules=tuple(rules),
                                threshold=check.number(keys, "threshold", 1.0, minimum=0),
                                summary=check.text(keys, "summary")))
    return tuple(themes)


def _read_fallback(node: yaml.Node | None, themes: tuple[ThemeSpec, ...],
                   check: _Checker) -> tuple[tuple[ThemeSpec, ...], str]:
    """The fallback is either a theme's id or a chapter of its own with no rules."""
    if node is None:
        return themes, ""
    if isinstance(node, yaml.ScalarNode):
        if not any(t.id == node.value for t in themes):
            ids = [t.id for t in themes]
            hint = difflib.get_close_matches(node.value, ids, n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            check.problem(node, f"fallback '{node.value}' is not a theme id{suggestion}")
        return themes, node.value
    keys = check.mapping(node, "fallback", FALLBACK_KEYS)
    fallback_id = check.text(keys, "id") or "other"
    if any(t.id == fallback_id for t in themes):
        check.problem(node, f"fallback '{fallback_id}' is a theme already: name it by id alone")
        return themes, fallback_id
    fallback = ThemeSpec(id=fallback_id, title=check.text(keys, "title") or fallback_id, rules=(),
                         threshold=0, summary=check.text(keys, "summary"))
    return themes + (fallback,), fallback_id


def _read_distribution(top: dict[str, yaml.Node], path: Path, check: _Checker,
                       allow_outside: bool) -> tuple[tuple[Recipient, ...], SmtpSettings]:
    """Recipients and SMTP settings, from the manifest or from the file its 'distribution' names.

    A separate file lets one pack go to several lists, and keeps addresses
    out of a manifest that is shared more widely than the list.
    """
    rel = check.text(top, "distribution")
    if rel is None:
        return _read_recipients(check.sequence(top, "recipients"), check), _read_smtp(top.get("smtp"), check)
    for key in ("recipients", "smtp"):
        if key in top:
            check.problem(top[key], f"'{key}' cannot be set here as well as in the 'distribution' file '{rel}'")
    file = (path.parent / rel).resolve()
    if not allow_outside and not file.is_relative_to(path.parent.resolve()):
        check.problem(top["distribution"], f"distribution file '{rel}' lies outside the manifest's folder "
                                           "(set 'allow_outside: true' to allow it)")
        return (), SmtpSettings()
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not found" if isinstance(exc, FileNotFoundError) else f"cannot be read: {exc}"
        check.problem(top["distribution"], f"distribution file '{rel}' {reason}")
        return (), SmtpSettings()
    try:
        root = _compose(raw, file)
    except BriefpackError as error:
        check.problems.append(error)
        return (), SmtpSettings()
    # Problems in the list name the list's own file and line.
    inner = _Checker(file)
    keys = inner.mapping(root, "the distribution file", DISTRIBUTION_KEYS)
    recipients = _read_recipients(inner.sequence(keys, "recipients"), inner)
    smtp = _read_smtp(keys.get("smtp"), inner)
    check.problems.extend(inner.problems)
    return recipients, smtp


def _read_recipients(nodes: list[yaml.Node], check: _Checker) -> tuple[Recipient, ...]:
    recipients = []
    seen: dict[str, int] = {}
    for number, node in enumerate(nodes, start=1):
        keys = check.mapping(node, f"recipient {number}", RECIPIENT_KEYS)
        name, email = check.text(keys, "name"), check.text(keys, "email")
        if name is None or email is None:
            continue
        if not EMAIL.match(email):
            check.problem(keys["email"], f"recipient {number} ({name}): '{email}' is not an email address")
        elif email.lower() in seen:
            # The send log is keyed by address: two entries would get one message.
            check.problem(keys["email"], f"recipient {number} ({name}): '{email}' is listed already "
                                         f"as recipient {seen[email.lower()]}")
        seen.setdefault(email.lower(), number)
        paper = check.choice(keys, "paper", PAPERS, "") if "paper" in keys else None
        recipients.append(Recipient(name=name, email=email, organisation=check.text(keys, "organisation"),
                                    paper=paper or None, stamp=check.boolean(keys, "stamp", True)))
    return tuple(recipients)


def _read_smtp(node: yaml.Node | None, check: _Checker) -> SmtpSettings:
    if node is None:
        return SmtpSettings()
    keys = check.mapping(node, "smtp", SMTP_KEYS)
    security = check.choice(keys, "security", SECURITY, "none")
    default_port = {"none": 25, "starttls": 587, "tls": 465}[security]
    return SmtpSettings(host=check.text(keys, "host", "localhost"),
                        port=int(check.number(keys, "port", default_port, integer=True, minimum=1)),
                        security=security, user=check.text(keys, "user"), sender=check.text(keys, "sender"),
                        password_env=check.text(keys, "password_env", "BRIEFPACK_SMTP_PASSWORD"))
