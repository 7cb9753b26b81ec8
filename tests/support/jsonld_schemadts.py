#!/usr/bin/env python3
"""Checks schema.org JSON-LD documents against the schema.org vocabulary as
shipped by the npm package `schema-dts` (TypeScript declarations generated
from schema.org's own vocabulary file by Google's schema-dts-gen; we wrote
none of it): every `@type` must be a schema.org type, every property one
that the type has (its own or inherited), and every value must fit the
property's range:

* an object's `@type` must be a type of the range or a subtype of one;
* a string must be allowed by the range: a data type (`Text`, `URL`, `Date`,
  `DateTime`, `Duration`, ...), a type whose declaration admits a string
  (`Country`), or a member of an enumeration in the range, written as
  schema-dts writes it (`https://schema.org/EventScheduled`).

Usage: jsonld_schemadts.py SCHEMA.d.ts FILE.jsonld... Prints one line per
problem (`FILE: $.path: ...`) and exits 1 if any; prints `ok N` (the number
of property values checked) and exits 0 otherwise. Exit 3 when the
declaration file cannot be read (the test then skips).
"""
import json
import re
import sys

BASE = re.compile(r"^interface (\w+)Base extends ([^{]+)\{")
PROP = re.compile(r'^\s+"([^"]+)"\?: SchemaValue<(.+), "[^"]+">;$')
LEAF = re.compile(r"^export interface (\w+)Leaf extends (\w+)Base \{")
LEAF_TYPE = re.compile(r'^\s+"@type": "([^"]+)";')
UNION = re.compile(r"^export type (\w+)(?:<[^=]*>)? = (.+);$")


def load(path):
    props = {}  # type -> {property: [range names]}
    parents = {}  # type -> [parent types]
    unions = {}  # type -> [members: names or string literals]
    leaves = {}  # type name -> the Base holding its properties
    current = None
    leaf_base = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = BASE.match(line)
            if m:
                current = m.group(1)
                props.setdefault(current, {})
                parents[current] = [
                    p.strip()[: -len("Base")]
                    for p in m.group(2).split(",")
                    if p.strip().endswith("Base")
                ]
                continue
            if current:
                if line.startswith("}"):
                    current = None
                    continue
                m = PROP.match(line)
                if m:
                    props[current][m.group(1)] = [
                        r.strip() for r in m.group(2).split("|")
                    ]
                continue
            if leaf_base:
                m = LEAF_TYPE.match(line)
                if m:
                    leaves[m.group(1)] = leaf_base
                leaf_base = None
                continue
            m = LEAF.match(line)
            if m:
                leaf_base = m.group(2)
                continue
            m = UNION.match(line)
            if m:
                unions[m.group(1)] = [x.strip() for x in m.group(2).split("|")]
    return props, parents, unions, leaves


class Vocabulary:
    STRINGY = {"Text", "URL", "Date", "DateTime", "Time", "Duration", "Number",
               "Integer", "Float", "CssSelectorType", "XPathType", "PronounceableText"}

    def __init__(self, path):
        self.props, self.parents, self.unions, self.leaves = load(path)

    def properties_of_type(self, t):
        return self.properties(self.leaves[t])

    def properties(self, t, seen=None):
        seen = seen if seen is not None else set()
        if t in seen:
            return {}
        seen.add(t)
        out = {}
        for p in self.parents.get(t, []):
            out.update(self.properties(p, seen))
        out.update(self.props.get(t, {}))
        return out

    def subtypes(self, t, seen=None):
        """`t` and every type its union names, recursively."""
        seen = seen if seen is not None else set()
        if t in seen:
            return seen
        seen.add(t)
        for m in self.unions.get(t, []):
            if re.fullmatch(r"\w+", m) and not m.endswith("Leaf") and m != "string":
                self.subtypes(m, seen)
        return seen

    def accepts_string(self, names, value):
        for n in names:
            if n in self.STRINGY:
                return True
            members = self.unions.get(n, [])
            if "string" in members or f'"{value}"' in members:
                return True
        return False

    def accepts_type(self, names, t):
        return any(t in self.subtypes(n) for n in names if n != "IdReference")


def check(vocab, node, path, problems, counter):
    t = node.get("@type")
    if not isinstance(t, str) or t not in vocab.leaves:
        problems.append(f"{path}: @type {t!r} is not a schema.org type")
        return
    allowed = vocab.properties_of_type(t)
    for key, value in node.items():
        if key.startswith("@"):
            if key not in ("@type", "@context"):
                problems.append(f"{path}: unexpected keyword {key}")
            continue
        if key not in allowed:
            problems.append(f"{path}: {key!r} is not a property of {t}")
            continue
        ranges = allowed[key]
        for i, v in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{key}" + (f"[{i}]" if isinstance(value, list) else "")
            counter[0] += 1
            if isinstance(v, dict):
                vt = v.get("@type")
                if not vocab.accepts_type(ranges, vt):
                    problems.append(f"{where}: a {vt} is not in the range of {key} ({' | '.join(ranges)})")
                check(vocab, v, where, problems, counter)
            elif isinstance(v, str):
                if not vocab.accepts_string(ranges, v):
                    problems.append(f"{where}: the string {v!r} is not in the range of {key} ({' | '.join(ranges)})")
            else:
                problems.append(f"{where}: unexpected JSON value {v!r}")


def main():
    try:
        vocab = Vocabulary(sys.argv[1])
    except OSError as e:
        print(f"schema-dts declarations not readable: {e}", file=sys.stderr)
        sys.exit(3)
    if len(vocab.leaves) < 500:
        raise SystemExit(f"only {len(vocab.leaves)} types parsed from {sys.argv[1]}: format changed?")
    problems = []
    counter = [0]
    for name in sys.argv[2:]:
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
        docs = doc if isinstance(doc, list) else [doc]
        for d in docs:
            if d.get("@context") != "https://schema.org":
                problems.append(f"{name}: $: @context is {d.get('@context')!r}")
            mine = []
            check(vocab, d, "$", mine, counter)
            problems.extend(f"{name}: {p}" for p in mine)
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok {counter[0]}")


if __name__ == "__main__":
    main()
