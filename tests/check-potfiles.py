#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source, .ui and data file with translatable strings is listed in
po/POTFILES.in, so that no string is left out of the translations."""

import os
import re
import sys

MARKERS = {
    ".c": re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\('),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r'<_?(?:summary|name|p|li|caption)\b|^(?:Name|Comment|Keywords)=', re.M),
    ".xml": re.compile(r'<summary>|<description>'),
}


def main(srcdir):
    with open(os.path.join(srcdir, "po", "POTFILES.in"), encoding="utf-8") as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

    missing = []
    for top in ("src", "data"):
        for root, _dirs, files in os.walk(os.path.join(srcdir, top)):
            for name in files:
                ext = os.path.splitext(name)[1]
                if ext not in MARKERS or (ext == ".xml" and not name.endswith(".gschema.xml")):
                    continue
                if ext == ".in" and not (name.endswith(".desktop.in") or name.endswith(".metainfo.xml.in")):
                    continue
                path = os.path.relpath(os.path.join(root, name), srcdir)
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    text = f.read()
                if name.endswith(".c"):
                    # Ignore the gettext macro definitions and includes themselves.
                    text = re.sub(r'#\s*include[^\n]*', '', text)
                if MARKERS[ext].search(text) and path not in listed:
                    missing.append(path)

    stale = [path for path in listed if not os.path.exists(os.path.join(srcdir, path))]

    for path in missing:
        print("potfiles: %s has translatable strings but is not in po/POTFILES.in" % path)
    for path in stale:
        print("potfiles: po/POTFILES.in lists %s, which does not exist" % path)
    print("1..1")
    print(("ok" if not missing and not stale else "not ok") + " 1 POTFILES.in")
    return 1 if missing or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
