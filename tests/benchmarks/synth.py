"""Synthetic corpora for the benchmark, recombined from the seed pack.

Each synthetic source is a handful of seed paragraphs, its dates moved by
one whole shift (years and months, carried consistently, so "26 May 2020"
and "May 2020" in the same source move together) and its people and places
renamed from small lists, so theming, dating and merging see realistic but
not identical text. The manifest reuses the seed pack's themes and actors.
The same size and seed always give the same bytes.

    python tests/benchmarks/synth.py 100 --out out/bench
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

from briefpack.text.knowledge import MONTH_NAMES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SIZES = (20, 100, 400)
PARAGRAPHS_PER_SOURCE = (3, 8)
# The share of sources that report an earlier source's story (its dates and names), so the
# timeline has the same events from several sources to merge, as a real pack has.
SAME_STORY = 0.3
LONG_CHUNK = 1500  # seeds without blank lines between paragraphs are split at lines instead

MONTHS = list(MONTH_NAMES)
_MONTH = "|".join(MONTHS)
# "26 May 2020", "May 2020", "26 May", "May 26, 2020": day, month and year move as one date.
# One pass over three shapes, so a year inside a full date is never moved twice:
# "26 May 2020" / "May 2020" / "26 May" / "May 26, 2020", then "05/06/2020", then a bare year.
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<us_day>\d{{1,2}}),)?"
    rf"(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b"
    r"|\b(?P<numeric>\d{1,2}/\d{1,2}/)(?P<numeric_year>(?:19|20)\d{2})\b"
    r"|\b(?P<bare_year>(?:19|20)\d{2})\b"
)

# People and places of the seeds, each with stand-ins; theme terms (Russia, Turkey, Wagner...) stay.
NAMES = {
    "Haftar": ["Haftar", "Hafez", "Hamdan", "Harbi"],
    "Serraj": ["Serraj", "Sabri", "Salem", "Sharif"],
    "Sarraj": ["Sarraj", "Sabri", "Salem", "Sharif"],
    "Pompeo": ["Pompeo", "Porter", "Pollard"],
    "Macron": ["Macron", "Marchand", "Moreau"],
    "Williams": ["Williams", "Whitaker", "Winslow"],
    "Salamé": ["Salamé", "Sarkis", "Haddad"],
    "Gargash": ["Gargash", "Ghobash", "Galadari"],
    "Saleh": ["Saleh", "Sadiq", "Said"],
    "Tripoli": ["Tripoli", "Zawiya", "Gharyan", "Khoms"],
    "Benghazi": ["Benghazi", "Tobruk", "Derna", "Ajdabiya"],
    "Sirte": ["Sirte", "Brega", "Ras Lanuf"],
    "Jufra": ["Jufra", "Sebha", "Brak"],
    "Bani Walid": ["Bani Walid", "Ghadames", "Nalut"],
    "Misrata": ["Misrata", "Zliten", "Sabratha"],
    "Tarhuna": ["Tarhuna", "Msallata", "Garabulli"],
}
_NAME = re.compile(r"\b(" + "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)) + r")\b")


def seed_paragraphs() -> list[str]:
    pool = []
    for path in sorted(SEEDS.glob("*.txt")):
        for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            parts = chunk.split("\n") if len(chunk) > LONG_CHUNK else [chunk]
            pool.extend(p.strip() for p in parts if len(p.strip()) >= 80)
    return pool


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_dates(text: str, years: int, months: int) -> str:
    """Move every date by the same shift; where only a year is named it moves by the shift rounded to years."""
    whole_years = years + (1 if months >= 6 else 0)

    def moved(match: re.Match) -> str:
        if match["bare_year"]:
            return str(int(match["bare_year"]) + whole_years)
        if match["numeric"]:
            return f"{match['numeric']}{int(match['numeric_year']) + whole_years}"
        year = int(match["year"]) if match["year"] else 2000  # a yearless date still moves its month
        new_year, new_month = shift_month(year, MONTHS.index(match["month"]) + 1, years * 12 + months)
        out = f"{min(int(match['day']), 28)} " if match["day"] else ""  # every month has a 28th
        out += MONTHS[new_month - 1]
        if match["us_day"]:
            out += f" {min(int(match['us_day']), 28)},"
        if match["year"]:
            out += f" {new_year}"
        return out

    return _DATE.sub(moved, text)


def rename(text: str, choice: dict[str, str]) -> str:
    return _NAME.sub(lambda m: choice[m.group(1)], text)


def shift_published(published: str, years: int, months: int) -> str:
    parts = published.split("-")
    if len(parts) == 1:
        return str(int(parts[0]) + years + (1 if months >= 6 else 0))
    year, month = shift_month(int(parts[0]), int(parts[1]), years * 12 + months)
    return f"{year}-{month:02d}" + (f"-{min(int(parts[2]), 28):02d}" if len(parts) == 3 else "")


def generate(size: int, out: Path, *, seed: int = 1) -> Path:
    """Write ``size`` sources and a manifest under ``out``; returns the manifest's path."""
    rng = random.Random(f"{seed}-{size}")
    pool = seed_paragraphs()
    base = yaml.safe_load((SEEDS / "pack.yaml").read_text(encoding="utf-8"))
    published = [s["published"] for s in base["sources"] if s.get("published")]
    out.mkdir(parents=True, exist_ok=True)
    sources, stories = [], []
    for index in range(1, size + 1):
        if stories and rng.random() < SAME_STORY:
            years, months, choice = rng.choice(stories)
        else:
            years, months = rng.randint(-2, 2), rng.randint(0, 11)
            choice = {name: rng.choice(options) for name, options in NAMES.items()}
            stories.append((years, months, choice))
        paragraphs = rng.sample(pool, rng.randint(*PARAGRAPHS_PER_SOURCE))
        text = "\n\n".join(rename(shift_dates(p, years, months), choice) for p in paragraphs) + "\n"
        name = f"src_{index:04d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        sources.append({"file": name, "published": shift_published(str(rng.choice(published)), years, months)})
    manifest = {
        key: base[key]
        for key in (
            "subtitle",
            "date",
            "organisation",
            "handling",
            "language",
            "keywords",
            "layout",
            "paper",
            "day_first",
            "actors",
            "themes",
            "fallback",
        )
        if key in base
    }
    manifest = {
        "title": f"{base['title']} (synthetic, {size} sources)",
        "output": f"synth-{size}",
        **manifest,
        "sources": sources,
    }
    path = out / "pack.yaml"
    path.write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in args.sizes:
        print(generate(size, args.out / f"synth-{size}", seed=args.seed))


if __name__ == "__main__":
    main()
