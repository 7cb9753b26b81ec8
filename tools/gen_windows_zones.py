#!/usr/bin/env python3
"""Generate src/ical/windows_data.rs, the Windows time-zone name -> IANA zone
table that diplomeet's iCalendar reader uses for TZIDs such as
"Tokyo Standard Time" (as Outlook and Microsoft Graph write them).

Python 3 standard library only; this tool is not part of the published package.

Source: CLDR ``cldr-core`` 48.2.0 from npm, ``supplemental/windowsZones.json``
(Unicode License v3, SPDX Unicode-3.0; the full notice is in
tools/LICENSE-CLDR). Install it with::

    npm install --prefix target/cldr cldr-core@48.2.0

Second source: tzdata 2025b's ``backward`` file (public domain), vendored as
``tools/tzdata-2025b-backward`` (the release chrono-tz 0.10.4 embeds). CLDR
keeps long-standing zone names (``Asia/Calcutta``, ``Europe/Kiev``). A CLDR
zone that tzdata 2025b's ``zone.tab`` and ``zone1970.tab`` (public domain,
``../shared/data/tzdata-2025b``, the tables the crate's country data comes
from) do not list is replaced by the zone its ``Link`` line names
(``Asia/Kolkata``, ``Europe/Kyiv``), so that the table's zones are the ones
the country data uses; a zone they list stays as it is (``Europe/Amsterdam``,
although ``backward`` links it to ``Europe/Brussels``).

Each CLDR ``mapZone`` entry is one row: the Windows name, the territory
(``001`` is the default for the name, ``ZZ`` the Etc/GMT fallback) and the
IANA zones, the first of which is the one a reader takes. Rows are sorted by
the ASCII-lowercased Windows name, then by territory, so the crate can
binary-search case-insensitively. The zone names stay text: a test checks
that chrono-tz knows every one of them.

Usage, from the repository root::

    python3 tools/gen_windows_zones.py --cldr target/cldr/node_modules/cldr-core
    python3 tools/gen_windows_zones.py --cldr target/cldr/node_modules/cldr-core --check

``--check`` writes nothing and exits with status 1 when the committed file
differs from what the source gives. The output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLDR_VERSION = "48.2.0"
DEFAULT_OUT = ROOT / "src" / "ical" / "windows_data.rs"
DEFAULT_BACKWARD = ROOT / "tools" / "tzdata-2025b-backward"
TZDATA_RELEASE = "2025b"
DEFAULT_TZDATA = ROOT.parent / "shared" / "data" / f"tzdata-{TZDATA_RELEASE}"


class DataError(Exception):
    pass


def rust_str(s: str) -> str:
    if any(c in s for c in '"\\') or not s.isascii() or not s.isprintable():
        raise DataError(f"unexpected character in {s!r}")
    return f'"{s}"'


def cldr_copyright(package: Path) -> str:
    for line in (package / "LICENSE").read_text(encoding="utf-8").splitlines():
        if line.startswith("Copyright"):
            return line.strip()
    raise DataError(f"{package.name} LICENSE has no copyright line")


def read_links(backward: Path) -> dict[str, str]:
    """tzdata's backward links: old name -> current name (the ``#= TARGET1``
    of a line when it has one: the name the link would point to if data
    could link to links, such as Africa/Asmara for Africa/Asmera)."""
    links = {}
    for line in backward.read_text(encoding="utf-8").splitlines():
        data, _, comment = line.partition("#")
        fields = data.split()
        if len(fields) == 3 and fields[0] == "Link":
            target1 = comment.strip()
            links[fields[2]] = target1[1:].strip() if target1.startswith("=") else fields[1]
    if not links:
        raise DataError(f"{backward}: no Link lines")
    return links


def read_tab_zones(tzdata: Path) -> set[str]:
    """The zone names zone.tab and zone1970.tab list."""
    zones = set()
    for name in ("zone.tab", "zone1970.tab"):
        for line in (tzdata / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                fields = line.split("\t")
                if len(fields) < 3:
                    raise DataError(f"{name}: bad line {line!r}")
                zones.add(fields[2])
    return zones


def build(cldr: Path, backward: Path, tzdata: Path) -> str:
    links = read_links(backward)
    listed = read_tab_zones(tzdata)
    renamed: dict[str, str] = {}
    data = json.loads((cldr / "supplemental" / "windowsZones.json").read_text(encoding="utf-8"))
    entries = data["supplemental"]["windowsZones"]["mapTimezones"]
    rows: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        z = entry["mapZone"]
        windows, territory, zones = z["_other"], z["_territory"], []
        for name in z["_type"].split():
            current = name if name in listed else links.get(name, name)
            if current != name:
                renamed[name] = current
            if current not in zones:
                zones.append(current)
        if not zones:
            raise DataError(f"{windows} {territory}: no zone")
        key = (windows, territory)
        if key in rows:
            raise DataError(f"{windows} {territory}: listed twice")
        rows[key] = zones
    names = {w for w, _ in rows}
    for w in sorted(names):
        if (w, "001") not in rows:
            raise DataError(f"{w}: no default (001) row")
    ordered = sorted(rows.items(), key=lambda kv: (kv[0][0].lower(), kv[0][0], kv[0][1]))
    copyright_line = cldr_copyright(cldr)
    out = [
        "// @generated by tools/gen_windows_zones.py, do not edit.",
        "//",
        "// Regenerate (or check with --check) from the repository root:",
        f"//   npm install --prefix target/cldr cldr-core@{CLDR_VERSION}",
        "//   python3 tools/gen_windows_zones.py --cldr target/cldr/node_modules/cldr-core",
        "//",
        f"// {len(names)} Windows zone names in {len(rows)} rows (name, territory, IANA zones:",
        "// the first is the one read). Territory 001 is each name's default; ZZ rows",
        "// give the Etc/GMT zone. Sorted by the ASCII-lowercased name, then territory.",
        f"// Source: CLDR {CLDR_VERSION} (npm cldr-core), supplemental/windowsZones.json.",
        f"//   {copyright_line} Unicode License v3 (SPDX: Unicode-3.0);",
        "//   the full notice is in tools/LICENSE-CLDR.",
        f"// Zone names: CLDR's; one that tzdata {TZDATA_RELEASE}'s zone.tab and zone1970.tab (public",
        "//   domain) do not list is replaced by its link in tzdata's backward file",
        "//   (tools/tzdata-2025b-backward, public domain), so that they are the names the",
        "//   country data uses:",
        "//   " + ", ".join(f"{a} -> {b}" for a, b in sorted(renamed.items())) + ".",
        "",
        "/// `(Windows name, territory, IANA zones)`, sorted by the lowercased name.",
        "pub(super) static WINDOWS_ZONES: &[(&str, &str, &[&str])] = &[",
    ]
    for (windows, territory), zones in ordered:
        zone_list = ", ".join(rust_str(z) for z in zones)
        out.append(f"    ({rust_str(windows)}, {rust_str(territory)}, &[{zone_list}]),")
    out.append("];")
    out.append("")
    out.append(f"/// The CLDR release the table comes from.")
    out.append(f'pub(super) const CLDR_VERSION: &str = "{CLDR_VERSION}";')
    return "\n".join(out) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cldr", type=Path, required=True, help="path to the cldr-core npm package")
    p.add_argument("--tzdata", type=Path, default=DEFAULT_TZDATA, help="directory of zone.tab and zone1970.tab")
    p.add_argument("--backward", type=Path, default=DEFAULT_BACKWARD, help="tzdata's backward file")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="file to write")
    p.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = p.parse_args()
    try:
        pkg = json.loads((args.cldr / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"gen_windows_zones: cannot read {args.cldr / 'package.json'}: {e}", file=sys.stderr)
        return 2
    if pkg.get("name") != "cldr-core" or pkg.get("version") != CLDR_VERSION:
        print(f"{args.cldr} is {pkg.get('name')} {pkg.get('version')}, expected cldr-core {CLDR_VERSION}", file=sys.stderr)
        return 2
    try:
        text = build(args.cldr, args.backward, args.tzdata)
    except (DataError, KeyError, OSError, ValueError) as e:
        print(f"gen_windows_zones: {e}", file=sys.stderr)
        return 2
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run tools/gen_windows_zones.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
