#!/usr/bin/env python3
"""Generate src/country/data.rs, the built-in country table of diplomeet.

Python 3 standard library only; this tool is not part of the published package.

Sources (see the header it writes for their licences):

* tzdata 2025b ``iso3166.tab``, ``zone.tab`` and ``zone1970.tab``, vendored in
  ``tools/tzdata-2025b/`` (public domain; ``--tzdata`` names another directory).
* tzdata 2025b ``iso3166.tab``: the ISO 3166-1 alpha-2 codes (public domain).
  Its short English names are informal ("Britain (UK)", "Korea (South)") and
  are used only as a fallback for a code CLDR has no English name for.
* tzdata 2025b ``zone.tab``: country -> zones, in zone.tab order (public
  domain). ``zone1970.tab`` (public domain), whose first column lists every
  country a zone overlaps, is the second source, used only for a country that
  zone.tab leaves without a zone.
* CLDR ``cldr-core`` 48.2.0 from npm, ``supplemental/codeMappings.json``: the
  alpha-3 and numeric codes (Unicode License v3; see tools/LICENSE-CLDR).
  Install it with::

      npm install --prefix /tmp/cldr cldr-core@48.2.0

  and pass ``--cldr /tmp/cldr/node_modules/cldr-core``.
* CLDR ``cldr-localenames-full`` 48.2.0 from npm, ``main/en/territories.json``:
  the short English names (Unicode License v3; see tools/LICENSE-CLDR). Install
  it with::

      npm install --prefix /tmp/cldr cldr-localenames-full@48.2.0

  and pass ``--cldr-localenames /tmp/cldr/node_modules/cldr-localenames-full``.
  Name rule: CLDR's plain name (``"GB": "United Kingdom"``), never its
  ``-alt-variant`` or other ``-alt-*`` forms, except for the codes in
  ``ALT_SHORT`` (HK, MO, PS), whose ``-alt-short`` form is taken because the
  plain one is descriptive rather than a name ("Hong Kong SAR China", "Macao
  SAR China", "Palestinian Territories" become "Hong Kong", "Macao",
  "Palestine"). A code CLDR lacks falls back to tzdata's iso3166.tab name (for
  EU and XK: to the name in ``EXTRAS``); the header lists any such code.
* ``tools/countries.tsv``, curated by hand for diplomeet: formal names and the
  capital's zone.
* ``EXTRAS`` below: the two built-ins that are not ISO 3166-1 entries, EU and XK.

Usage, from the repository root::

    python3 tools/gen_countries.py --cldr /tmp/cldr/node_modules/cldr-core \\
        --cldr-localenames /tmp/cldr/node_modules/cldr-localenames-full
    python3 tools/gen_countries.py --cldr /tmp/cldr/node_modules/cldr-core \\
        --cldr-localenames /tmp/cldr/node_modules/cldr-localenames-full --check

``--check`` writes nothing and exits with status 1 when the committed file
differs from what the sources give. The output is deterministic: rows sorted by
alpha-2, lookup tables sorted by their key.

Zone order in each row: the capital's zone first, then the country's other
zones in zone.tab order (zone1970.tab order for a zone1970-only country).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TZDATA_RELEASE = "2025b"
CLDR_VERSION = "48.2.0"
# The three tables, vendored in the repository (see its README.md).
DEFAULT_TZDATA = ROOT / "tools" / f"tzdata-{TZDATA_RELEASE}"
DEFAULT_TSV = ROOT / "tools" / "countries.tsv"
DEFAULT_OUT = ROOT / "src" / "country" / "data.rs"

# Codes whose short English name is CLDR's "-alt-short" form rather than its
# plain one (see the module docstring). A code listed here must have that form.
ALT_SHORT = ("HK", "MO", "PS")

# Built-ins beyond ISO 3166-1. Short names come from CLDR like every other row
# (the "name" here is only the fallback should CLDR lack the code). Formal names and capital zones come from
# countries.tsv like every other row; zones are curated because tzdata has
# neither code.
#   EU: exceptionally reserved by ISO 3166/MA; no ISO alpha-3 or numeric code
#       (CLDR's QUU/967 are private-use codes, not taken).
#   XK: user-assigned code used by the EU and others for Kosovo; alpha-3 XKX is
#       the common user-assigned one (CLDR uses XKK, not taken); no numeric.
EXTRAS = {
    "EU": {"name": "European Union", "alpha3": None, "zones": ["Europe/Brussels"]},
    "XK": {"name": "Kosovo", "alpha3": "XKX", "zones": ["Europe/Belgrade"]},
}


class DataError(Exception):
    """An inconsistency in the sources."""


def read_tab(path: Path) -> list[list[str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def tz_variant(name: str) -> str:
    """The chrono_tz::Tz variant of an IANA name (chrono-tz's own mangling)."""
    out = name.replace("/", "__").replace("-", "").replace("+", "Plus")
    if not out.replace("_", "").isalnum() or not out.isascii():
        raise DataError(f"zone name {name!r} does not map to a Rust identifier")
    return out


def rust_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cldr_copyright(package: Path) -> str:
    line = next(
        (line.strip() for line in (package / "LICENSE").read_text(encoding="utf-8").splitlines() if line.startswith("Copyright")),
        None,
    )
    if line is None:
        raise DataError(f"{package.name} LICENSE has no copyright line")
    return line


def read_cldr_names(localenames: Path) -> dict[str, str]:
    """CLDR's English short territory names, by alpha-2 code (see ALT_SHORT)."""
    path = localenames / "main" / "en" / "territories.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    territories = data["main"]["en"]["localeDisplayNames"]["territories"]
    names = {k: v for k, v in territories.items() if "-alt-" not in k}
    for code in ALT_SHORT:
        alt = territories.get(f"{code}-alt-short")
        if alt is None:
            raise DataError(f"territories.json: {code} has no -alt-short name")
        names[code] = alt
    return names


def build(tzdata: Path, cldr: Path, localenames: Path, tsv: Path) -> str:
    cldr_names = read_cldr_names(localenames)
    names = {}
    for row in read_tab(tzdata / "iso3166.tab"):
        code, name = row[0], row[1]
        if code in names:
            raise DataError(f"iso3166.tab: {code} twice")
        names[code] = name

    zones: dict[str, list[str]] = {}
    for row in read_tab(tzdata / "zone.tab"):
        zones.setdefault(row[0], []).append(row[2])
    zones1970: dict[str, list[str]] = {}
    for row in read_tab(tzdata / "zone1970.tab"):
        for code in row[0].split(","):
            zones1970.setdefault(code, []).append(row[2])
    for code, zs in zones1970.items():
        if code not in zones:
            zones[code] = zs

    copyright_line = cldr_copyright(cldr)
    if cldr_copyright(localenames) != copyright_line:
        raise DataError("cldr-core and cldr-localenames-full LICENSE copyright lines differ")

    mappings = json.loads((cldr / "supplemental" / "codeMappings.json").read_text(encoding="utf-8"))
    mappings = mappings["supplemental"]["codeMappings"]

    curated: dict[str, tuple[str, str]] = {}
    for row in read_tab(tsv):
        if row[0] == "alpha2":
            continue
        row = row + [""] * (3 - len(row))
        code, formal, capital = row[0], row[1].strip(), row[2].strip()
        if code in curated:
            raise DataError(f"countries.tsv: {code} twice")
        if code not in names and code not in EXTRAS:
            raise DataError(f"countries.tsv: {code} is neither in iso3166.tab nor an extra")
        curated[code] = (formal, capital)

    entries = []
    fallbacks = []
    for code in sorted(set(names) | set(EXTRAS)):
        formal, capital = curated.get(code, ("", ""))
        if code in EXTRAS:
            extra = EXTRAS[code]
            name, alpha3, numeric = extra["name"], extra["alpha3"], None
            country_zones = list(extra["zones"])
        else:
            name = names[code]
            m = mappings.get(code)
            if m is None or "_alpha3" not in m or "_numeric" not in m:
                raise DataError(f"codeMappings.json: no alpha-3 or numeric code for {code}")
            alpha3, numeric = m["_alpha3"], int(m["_numeric"], 10)
            country_zones = list(zones.get(code, []))
        if code in cldr_names:
            name = cldr_names[code]
        else:
            fallbacks.append(code)
        if not country_zones:
            if not capital:
                raise DataError(f"{code} has no zone in tzdata: curate its capital zone")
            country_zones = [capital]
        if not capital:
            if len(country_zones) > 1:
                raise DataError(f"{code} has {len(country_zones)} zones: curate its capital zone")
            capital = country_zones[0]
        if capital not in country_zones:
            raise DataError(f"{code}: capital zone {capital} is not one of {country_zones}")
        ordered = [capital] + [z for z in country_zones if z != capital]
        entries.append((code, alpha3, numeric, name, formal or None, ordered))

    alpha3s = [(e[1], i) for i, e in enumerate(entries) if e[1] is not None]
    numerics = [(e[2], i) for i, e in enumerate(entries) if e[2] is not None]
    for label, keys in (("alpha-3", [k for k, _ in alpha3s]), ("numeric", [k for k, _ in numerics])):
        if len(set(keys)) != len(keys):
            raise DataError(f"duplicate {label} codes")

    if fallbacks:
        fallback_note = "CLDR has no English name for " + ", ".join(fallbacks) + ", which keep\n//   tzdata's (or, for EU and XK, EXTRAS') name."
    else:
        fallback_note = "CLDR has every code, so no\n//   name falls back to tzdata's iso3166.tab (or to EXTRAS for EU and XK)."
    out = [
        HEADER.format(
            tz=TZDATA_RELEASE,
            cldr=CLDR_VERSION,
            count=len(entries),
            copyright=copyright_line,
            alt_short=", ".join(ALT_SHORT),
            fallback=fallback_note,
        )
    ]
    out.append("/// The tzdata release the zones come from (read by a test).\n#[cfg(test)]\n")
    out.append(f'pub(crate) const TZDATA_VERSION: &str = "{TZDATA_RELEASE}";\n\n')
    out.append("/// Every built-in country, sorted by alpha-2.\n")
    out.append("pub(crate) static COUNTRIES: &[CountryData] = &[\n")
    for code, alpha3, numeric, name, formal, zs in entries:
        out.append("    CountryData {\n")
        out.append(f"        alpha2: {rust_str(code)},\n")
        out.append(f"        alpha3: {'None' if alpha3 is None else 'Some(' + rust_str(alpha3) + ')'},\n")
        out.append(f"        numeric: {'None' if numeric is None else f'Some({numeric})'},\n")
        out.append(f"        name: {rust_str(name)},\n")
        out.append(f"        formal_name: {'None' if formal is None else 'Some(' + rust_str(formal) + ')'},\n")
        out.append(f"        capital_zone: Tz::{tz_variant(zs[0])},\n")
        out.append("        zones: &[" + ", ".join(f"Tz::{tz_variant(z)}" for z in zs) + "],\n")
        out.append("    },\n")
    out.append("];\n\n")
    out.append("/// Alpha-3 code to index in `COUNTRIES`, sorted by code.\n")
    out.append("pub(crate) static BY_ALPHA3: &[(&str, u16)] = &[\n")
    for key, i in sorted(alpha3s):
        out.append(f"    ({rust_str(key)}, {i}),\n")
    out.append("];\n\n")
    out.append("/// Numeric code to index in `COUNTRIES`, sorted by code.\n")
    out.append("pub(crate) static BY_NUMERIC: &[(u16, u16)] = &[\n")
    for key, i in sorted(numerics):
        out.append(f"    ({key}, {i}),\n")
    out.append("];\n")
    return "".join(out)


HEADER = """\
// @generated by tools/gen_countries.py, do not edit.
//
// Regenerate (or check with --check) from the repository root:
//   npm install --prefix /tmp/cldr cldr-core@{cldr} cldr-localenames-full@{cldr}
//   python3 tools/gen_countries.py --cldr /tmp/cldr/node_modules/cldr-core \\
//       --cldr-localenames /tmp/cldr/node_modules/cldr-localenames-full
//
// {count} built-in countries. Where each column comes from:
// - alpha2: tzdata {tz} iso3166.tab (public domain). EU and XK, which are not
//   ISO 3166-1 entries, come from the generator's EXTRAS.
// - name: CLDR {cldr} (npm cldr-localenames-full), main/en/territories.json:
//   the plain English name, except the -alt-short form for {alt_short}
//   ("Hong Kong", not "Hong Kong SAR China"). {fallback}
//   {copyright} Unicode License v3 (SPDX: Unicode-3.0);
//   the full notice is in tools/LICENSE-CLDR.
// - zones: tzdata {tz} zone.tab (public domain), falling back to zone1970.tab
//   (public domain) for a country zone.tab leaves out; curated in
//   tools/countries.tsv when tzdata has none (BV, HM) and for EU and XK.
//   Order: the capital's zone first, then the others in zone.tab order.
//   chrono-tz 0.10.4 embeds the same tzdata release ({tz}).
// - alpha3, numeric: CLDR {cldr} (npm cldr-core), supplemental/codeMappings.json.
//   {copyright} Unicode License v3 (SPDX: Unicode-3.0);
//   the full notice is in tools/LICENSE-CLDR. XK's alpha-3 (XKX) is curated in
//   EXTRAS; EU and XK have no numeric code.
// - formal_name, capital_zone: tools/countries.tsv, curated by hand for
//   diplomeet (facts only). A country with a single zone has it as capital zone.

use chrono_tz::Tz;

use super::CountryData;

"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cldr", type=Path, required=True, help="path to the cldr-core npm package")
    p.add_argument(
        "--cldr-localenames", type=Path, required=True, help="path to the cldr-localenames-full npm package"
    )
    p.add_argument("--tzdata", type=Path, default=DEFAULT_TZDATA, help="directory of iso3166.tab, zone.tab, zone1970.tab")
    p.add_argument("--tsv", type=Path, default=DEFAULT_TSV, help="curated countries.tsv")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="file to write")
    p.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = p.parse_args()

    for package, expected_name in ((args.cldr, "cldr-core"), (args.cldr_localenames, "cldr-localenames-full")):
        try:
            pkg = json.loads((package / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"gen_countries: cannot read {package / 'package.json'}: {e}", file=sys.stderr)
            return 2
        if pkg.get("name") != expected_name:
            print(f"{package} is {pkg.get('name')}, expected {expected_name}", file=sys.stderr)
            return 2
        if pkg.get("version") != CLDR_VERSION:
            print(f"{expected_name} is {pkg.get('version')}, expected {CLDR_VERSION}", file=sys.stderr)
            return 2
    try:
        text = build(args.tzdata, args.cldr, args.cldr_localenames, args.tsv)
    except DataError as e:
        print(f"gen_countries: {e}", file=sys.stderr)
        return 2
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run tools/gen_countries.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
