"""Per-recipient copies of a rendered pack, each page stamped with who it is for.

The pack is laid out once per paper size, never per recipient. All stamps
are laid out together by WeasyPrint as one small document, page N being the
stamp of copy N, so every stamp uses the same embedded font subset and any
script a name is written in. Each copy then is the original PDF, cloned once
into a pypdf writer, with the stamp page installed as a form XObject drawn on
top of every page inside an ``/Artifact`` marked-content sequence; per copy
only that XObject's content stream and the metadata change before the writer
is serialised again. Cloning keeps the outline, links, named destinations,
attachments and the structure tree; marking the stamp as an artifact keeps
the tagging valid, since a screen reader should not read it as content.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape as xml_escape

import pypdf
import weasyprint
from markupsafe import Markup
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, PdfObject, TextStringObject

from briefpack.build import build
from briefpack.errors import BriefpackError
from briefpack.export import to_json
from briefpack.layout.fetcher import SealedFetcher
from briefpack.layout.render import attachments_for, lay_out, render_pdf
from briefpack.layout.view import environment
from briefpack.manifest import load_manifest
from briefpack.model import Manifest, Pack, Recipient
from briefpack.outputs import write_atomic
from briefpack.paths import LAYOUTS
from briefpack.progress import Progress, silent
from briefpack.stages import compile_pack

STAMP_NAME = NameObject("/BriefpackStamp")  # unlikely to clash with WeasyPrint's own resource names


@dataclass(frozen=True)
class CopySpec:
    """One recipient's copy, decided before anything is rendered."""

    recipient: Recipient
    number: int  # 1-based position in the distribution list
    total: int
    paper: str
    file_name: str
    stamp: str | None  # the stamp's text, or None for an unstamped copy


@dataclass(frozen=True)
class Edition:
    """The pack laid out on one paper size."""

    paper: str
    pdf: bytes
    pack_sha256: str  # of the HTML it was laid out from; see edition_identity


@dataclass(frozen=True)
class Copy:
    spec: CopySpec
    path: Path
    sha256: str
    pack_sha256: str
    size: int


@dataclass(frozen=True)
class StampResult:
    manifest: Manifest
    copies: tuple[Copy, ...]
    warnings: tuple[str, ...]


# Letters that Unicode does not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
    }
)


def slug(text: str) -> str:
    """A file-name-safe lower-case ASCII rendering of a name: 'J. Smith' -> 'j-smith'."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "recipient"


def stamp_text(recipient: Recipient, number: int, total: int, date: str) -> str:
    who = recipient.name + (f" ({recipient.organisation})" if recipient.organisation else "")
    return f"Prepared for {who}, copy {number} of {total} · {date}"


def plan_copies(manifest: Manifest, today: datetime.date) -> tuple[CopySpec, ...]:
    """Number, name and word the copies; the stamp carries the pack's date, else today's."""
    total = len(manifest.recipients)
    width = max(2, len(str(total)))
    date = manifest.date or today.isoformat()
    return tuple(
        CopySpec(
            recipient=r,
            number=n,
            total=total,
            paper=r.paper or manifest.paper,
            file_name=f"{manifest.name}-copy-{n:0{width}d}-{slug(r.name)}.pdf",
            stamp=stamp_text(r, n, total, date) if r.stamp else None,
        )
        for n, r in enumerate(manifest.recipients, start=1)
    )


def edition_identity(html: str, paper: str) -> str:
    """What a pack 'is' for re-sending: its HTML, which holds text, CSS and metadata.

    The PDF bytes would not do: WeasyPrint names font subsets at random, so
    two renders of an unchanged pack differ.
    """
    return hashlib.sha256(f"{paper}\n{html}".encode()).hexdigest()


def render_stamps(texts: list[str], width: float, height: float) -> bytes:
    """One stamp page per text, sized to the pack's pages (in points)."""
    css = (LAYOUTS / "stamp.css").read_text(encoding="utf-8")
    html = (
        environment()
        .get_template("stamp.html")
        .render(texts=texts, width=f"{width:.4f}", height=f"{height:.4f}", css=Markup(css))
    )
    return weasyprint.HTML(string=html, base_url=str(LAYOUTS) + "/", url_fetcher=SealedFetcher([LAYOUTS])).write_pdf()


class Stamper:
    """Turns one edition into copies, each an incremental update of one shared base.

    The base is the original plus one pypdf incremental update that installs
    the stamp's form XObject on every page and copies in every stamp's
    resources (one shared font subset); for unstamped copies it is the
    original itself. A copy is the base plus an appended update of three
    objects: the form's content for this recipient, the Info dictionary and
    the XMP metadata. Everything else stays byte for byte as WeasyPrint
    wrote it, compression included. Rewriting the whole document per copy
    cost ~45 ms on the seed pack and tripled its size; an update costs ~1 ms.
    """

    def __init__(self, original: bytes, stamp_pages: list[pypdf.PageObject]):
        reader = pypdf.PdfReader(io.BytesIO(original))
        info_ref = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
        self.info = {str(k): str(v) for k, v in (reader.metadata or {}).items()}
        self.root_id = reader.trailer.raw_get("/Root").idnum
        xmp_ref = reader.root_object.raw_get("/Metadata") if "/Metadata" in reader.root_object else None
        self.xmp_id = xmp_ref.idnum if xmp_ref is not None else None
        self.xmp_text = xmp_ref.get_object().get_data().decode("utf-8") if xmp_ref is not None else None
        self.form_id = None
        self.stamp_resources: list[PdfObject] = []
        self.base = original
        if stamp_pages:
            writer = pypdf.PdfWriter(reader, incremental=True)
            self.form_id = _install_form(writer)
            # Cloning is memoised per writer: pages sharing a font share its copy.
            self.stamp_resources = [page.raw_get("/Resources").clone(writer) for page in stamp_pages]
            out = io.BytesIO()
            writer.write(out)
            self.base = out.getvalue()
        self.stamp_boxes = [ArrayObject(page.mediabox) for page in stamp_pages]
        self.stamp_contents = [_ours(page.get_contents(), "a stamp page's content").get_data() for page in stamp_pages]
        self.prev = int(_ours(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", self.base[-64:]), "startxref").group(1))
        self.size = int(_ours(re.search(rb"/Size\s+(\d+)", self.base[self.prev :]), "the trailer's /Size").group(1))
        if info_ref is None:  # WeasyPrint always writes one; allocate it if another tool did not
            info_ref, self.size = pypdf.generic.IndirectObject(self.size, 0, None), self.size + 1
        self.info_id = info_ref.idnum

    def copy(self, spec: CopySpec, stamp_index: int | None) -> bytes:
        """The copy for ``spec``, stamped with stamp page ``stamp_index`` if given."""
        r = spec.recipient
        who = r.name + (f" ({r.organisation})" if r.organisation else "")
        keywords = ", ".join(
            k for k in (self.info.get("/Keywords"), f"copy {spec.number} of {spec.total} for {who}") if k
        )
        info = DictionaryObject(
            {
                NameObject(k): TextStringObject(v)
                for k, v in {**self.info, "/Recipient": f"{who} <{r.email}>", "/Keywords": keywords}.items()
            }
        )
        objects: dict[int, PdfObject] = {self.info_id: info}
        if self.xmp_id is not None:
            xmp = DecodedStreamObject()
            xmp.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
            xmp.set_data(_xmp_with_keywords(_ours(self.xmp_text, "the XMP packet"), keywords).encode("utf-8"))
            objects[self.xmp_id] = xmp
        if self.form_id is not None and stamp_index is not None:
            objects[self.form_id] = _form(
                self.stamp_boxes[stamp_index], self.stamp_resources[stamp_index], self.stamp_contents[stamp_index]
            )
        return _incremental_update(
            self.base, objects, prev=self.prev, size=self.size, root=self.root_id, info=self.info_id
        )


T = TypeVar("T")


def _ours(value: T | None, what: str) -> T:
    """``value``, which a PDF briefpack wrote itself always has: its absence is a bug, not bad input."""
    if value is None:
        raise RuntimeError(f"the pack's PDF has no {what}")
    return value


def _form(bbox: ArrayObject, resources: PdfObject, content: bytes) -> DecodedStreamObject:
    form = DecodedStreamObject()
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): bbox,
            NameObject("/Resources"): resources,
        }
    )
    form.set_data(content)
    return form


def _install_form(writer: pypdf.PdfWriter) -> int:
    """Draw one (still empty) form XObject over every page, as an artifact; its object number."""
    form_ref = writer._add_object(_form(ArrayObject(), DictionaryObject(), b""))
    # The original content does not restore its graphics state (WeasyPrint
    # starts with a bare 'cm'), so it is wrapped in q/Q before the stamp.
    before = DecodedStreamObject()
    before.set_data(b"q\n")
    after = DecodedStreamObject()
    after.set_data(b"Q\n/Artifact BMC\nq " + STAMP_NAME.encode() + b" Do Q\nEMC\n")
    before_ref, after_ref = writer._add_object(before), writer._add_object(after)
    for page in writer.pages:
        contents = page.raw_get("/Contents")
        resolved = contents.get_object()
        streams = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([before_ref, *streams, after_ref])
        resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
        xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
        xobjects[STAMP_NAME] = form_ref
    return form_ref.idnum


def _incremental_update(
    base: bytes, objects: dict[int, PdfObject], *, prev: int, size: int, root: int, info: int
) -> bytes:
    """``base`` with ``objects`` replaced by an appended update (ISO 32000-1, 7.5.6).

    Its cross-reference section is a stream, like the ones WeasyPrint and
    pypdf write before it; mixing a classic table after a stream is legal
    only in the hybrid form that some readers mishandle.
    """
    out = io.BytesIO()
    out.write(base if base.endswith(b"\n") else base + b"\n")
    offsets = {}
    for number, obj in sorted(objects.items()):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(out)
        out.write(b"\nendobj\n")
    xref_number, xref_offset = max(size, max(objects) + 1), out.tell()
    offsets[xref_number] = xref_offset
    rows = b"".join(b"\x01" + offset.to_bytes(4, "big") + b"\x00\x00" for offset in offsets.values())
    index = " ".join(f"{number} 1" for number in offsets)
    out.write(
        f"{xref_number} 0 obj\n<< /Type /XRef /Size {xref_number + 1} /Index [{index}] /W [1 4 2] "
        f"/Root {root} 0 R /Info {info} 0 R /Prev {prev} /Length {len(rows)} >>\nstream\n".encode()
    )
    out.write(rows)
    out.write(f"\nendstream\nendobj\nstartxref\n{xref_offset}\n%%EOF\n".encode())
    return out.getvalue()


def _xmp_with_keywords(xmp: str, keywords: str) -> str:
    """Keep XMP's pdf:Keywords equal to the Info dictionary's, as PDF/A requires."""
    element = f"<pdf:Keywords>{xml_escape(keywords)}</pdf:Keywords>"
    if "<pdf:Keywords>" in xmp:
        return re.sub(r"<pdf:Keywords>.*?</pdf:Keywords>", lambda _: element, xmp, flags=re.S)
    return xmp.replace("</rdf:RDF>", f'<rdf:Description rdf:about="">{element}</rdf:Description></rdf:RDF>')


def render_editions(
    manifest_path: Path | str, out_dir: Path, papers: set[str], progress: Progress
) -> tuple[Manifest, dict[str, Edition], tuple[str, ...]]:
    """Lay the pack out once per paper size; the manifest's own one is a normal build."""
    built = build(manifest_path, out_dir, progress)
    manifest = built.pack.manifest
    html = built.html.read_text(encoding="utf-8")
    editions = {manifest.paper: Edition(manifest.paper, built.pdf.read_bytes(), edition_identity(html, manifest.paper))}
    warnings = list(built.pack.warnings)
    others = sorted(papers - {manifest.paper})
    if others:
        pack: Pack = compile_pack(manifest)
        for paper in others:
            progress(f"laying out pages on {paper}")
            variant = dataclasses.replace(pack, manifest=dataclasses.replace(manifest, paper=paper))
            layout = lay_out(variant)
            rendered = render_pdf(
                layout,
                variant=manifest.pdf_variant,
                attachments=attachments_for(variant, to_json(variant, layout.pages)),
            )
            editions[paper] = Edition(paper, rendered.pdf, edition_identity(layout.html, paper))
            warnings.extend(layout.warnings + rendered.warnings)
    return manifest, editions, tuple(dict.fromkeys(warnings))


def make_copies(
    specs: tuple[CopySpec, ...], editions: dict[str, Edition], copies_dir: Path, progress: Progress = silent
) -> tuple[Copy, ...]:
    copies: list[Copy] = []
    for paper, edition in editions.items():
        group = [s for s in specs if s.paper == paper]
        stamped = [s for s in group if s.stamp is not None]
        stamp_pages: list[pypdf.PageObject] = []
        if stamped:
            progress(f"laying out {len(stamped)} stamps ({paper})")
            box = pypdf.PdfReader(io.BytesIO(edition.pdf)).pages[0].mediabox
            stamp_pages = list(
                pypdf.PdfReader(
                    io.BytesIO(
                        render_stamps(
                            [s.stamp for s in stamped if s.stamp is not None], float(box.width), float(box.height)
                        )
                    )
                ).pages
            )
        index = {s.number: i for i, s in enumerate(stamped)}
        stampers = {
            True: Stamper(edition.pdf, stamp_pages) if stamped else None,
            False: Stamper(edition.pdf, []) if len(stamped) < len(group) else None,
        }
        progress(f"writing {len(group)} copies ({paper})")
        for spec in group:
            data = _ours(stampers[spec.stamp is not None], "a stamper").copy(spec, index.get(spec.number))
            path = copies_dir / spec.file_name
            write_atomic(path, data)
            copies.append(
                Copy(
                    spec=spec,
                    path=path,
                    sha256=hashlib.sha256(data).hexdigest(),
                    pack_sha256=edition.pack_sha256,
                    size=len(data),
                )
            )
    return tuple(sorted(copies, key=lambda c: c.spec.number))


def stamp(
    manifest_path: Path | str, out_dir: Path | str, progress: Progress = silent, today: datetime.date | None = None
) -> StampResult:
    """Render the pack and write one copy per recipient into ``out_dir/copies``."""
    manifest = load_manifest(manifest_path)
    if not manifest.recipients:
        raise BriefpackError(
            "no recipients: list them under 'recipients:' or name a 'distribution:' file", path=manifest.path
        )
    specs = plan_copies(manifest, today or datetime.date.today())
    out = Path(out_dir)
    manifest, editions, warnings = render_editions(manifest_path, out, {s.paper for s in specs}, progress)
    copies = make_copies(specs, editions, out / "copies", progress)
    return StampResult(manifest=manifest, copies=copies, warnings=warnings)
