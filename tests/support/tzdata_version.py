#!/usr/bin/env python3
"""Prints the tzdata release that Python's `zoneinfo` answers from, as
`VERSION WHERE` (`2025b /usr/share/zoneinfo/tzdata.zi`), for the zoneinfo
tests to compare with `chrono_tz::IANA_TZDB_VERSION`.

zoneinfo looks a zone up in each directory of `zoneinfo.TZPATH` in turn and
falls back to the `tzdata` package, so the release is the one of the first
directory that holds the zones (its `tzdata.zi`'s `# version` line, or its
`+VERSION` file as macOS ships it), else the `tzdata` package's
`IANA_VERSION`. Prints `unknown WHERE` when the directory that zoneinfo reads
says no version. Exit status 3 when zoneinfo itself is missing (Python before
3.9). Standard library only.
"""
import os
import sys

try:
    import zoneinfo
except ImportError as e:  # pragma: no cover
    print(f"zoneinfo not importable: {e}", file=sys.stderr)
    sys.exit(3)

PROBE = "America/New_York"


def from_directory(directory):
    zi = os.path.join(directory, "tzdata.zi")
    try:
        with open(zi, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# version "):
                    return line.split()[2], zi
                if not line.startswith("#"):
                    break
    except OSError:
        pass
    plus = os.path.join(directory, "+VERSION")
    try:
        with open(plus, encoding="utf-8") as f:
            return f.read().strip(), plus
    except OSError:
        pass
    return "unknown", directory


def main():
    for directory in zoneinfo.TZPATH:
        if os.path.isfile(os.path.join(directory, PROBE)):
            version, where = from_directory(directory)
            print(version, where)
            return
    try:
        import tzdata
    except ImportError:
        print("unknown", "no tz database: TZPATH holds none and the tzdata package is absent")
        return
    print(tzdata.IANA_VERSION, f"the tzdata package {os.path.dirname(tzdata.__file__)}")


if __name__ == "__main__":
    main()
