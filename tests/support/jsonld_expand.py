#!/usr/bin/env python3
"""Expands a JSON-LD document with pyld, offline: tests/export_jsonld.rs.

Usage: jsonld_expand.py CONTEXT_FILE < DOCUMENT > EXPANDED

Every request pyld makes for the schema.org context (http or https, with or
without a trailing slash or a path such as /docs/jsonldcontext.json) is
answered with CONTEXT_FILE, a local context (there is no network here); any
other URL is an error. Writes the expanded document as JSON on stdout.

Exit status: 0 on success, 3 when pyld is not installed (the test skips), 1 on
any other error (message on stderr).
"""
import json
import sys

try:
    from pyld import jsonld
except ImportError:
    sys.stderr.write("pyld is not installed (pip install PyLD)\n")
    sys.exit(3)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 1
    with open(sys.argv[1], encoding="utf-8") as f:
        context = json.load(f)

    def loader(url, options=None):
        bare = url.split("://", 1)[-1].rstrip("/")
        if bare == "schema.org" or bare.startswith("schema.org/"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise jsonld.JsonLdError(
            "no network: only the schema.org context is available",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )

    doc = json.load(sys.stdin)
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    json.dump(expanded, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
