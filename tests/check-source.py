#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The conventions of HACKING.md that a compiler does not check, over every
C file of src/, tools/, tests/ and fuzz/:

1. error domains are registered under their real names: clang-format once
   turned G_DEFINE_QUARK (outlay-thing-error-quark, …) into
   `outlay - thing - error - quark`, a quark named with spaces;
2. the gettext macros are written _("…"), N_("…"), C_("…", "…");
3. every file opens with the licence header ending in SPDX-License-Identifier;
4. no file of src/ is longer than MAX_FILE_LINES: one concern per file;
5. no line is longer than the max_line_length of .editorconfig."""

import configparser
import os
import re
import sys

MAX_FILE_LINES = 1500
QUARK = re.compile(r'G_DEFINE_QUARK\s*\(([^,]*),\s*(\w+)\)')
GETTEXT_SPACED = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|Q_) \(')


def c_files(srcdir):
    for top in ("src", "tools", "tests", "fuzz"):
        for root, _dirs, files in os.walk(os.path.join(srcdir, top)):
            for name in sorted(files):
                if name.endswith((".c", ".h")):
                    yield os.path.relpath(os.path.join(root, name), srcdir)


def line_limit(srcdir):
    parser = configparser.ConfigParser()
    with open(os.path.join(srcdir, ".editorconfig"), encoding="utf-8") as f:
        parser.read_string("[root]\n" + f.read())
    return int(parser["*.{c,h}"]["max_line_length"])


def main(srcdir):
    limit = line_limit(srcdir)
    problems = {name: [] for name in ("quark names", "gettext macros", "licence headers",
                                      "file length", "line length")}

    for path in c_files(srcdir):
        with open(os.path.join(srcdir, path), encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")

        for match in QUARK.finditer(text):
            quark, function = match.group(1).strip(), match.group(2)
            expected = function.replace("_", "-") + "-quark"
            if quark != expected:
                problems["quark names"].append("%s: %s should be %s" % (path, quark, expected))

        for number, line in enumerate(lines, 1):
            if GETTEXT_SPACED.search(line):
                problems["gettext macros"].append("%s:%d: %s" % (path, number, line.strip()))
            if len(line) > limit:
                problems["line length"].append("%s:%d: %d characters" % (path, number, len(line)))

        header = text.split("*/", 1)[0]
        if not text.startswith("/* ") or "SPDX-License-Identifier: GPL-3.0-or-later" not in header \
                or "GNU General Public License" not in header:
            problems["licence headers"].append(path)

        if path.startswith("src" + os.sep) and len(lines) - 1 > MAX_FILE_LINES:
            problems["file length"].append("%s: %d lines" % (path, len(lines) - 1))

    print("1..%d" % len(problems))
    failed = 0
    for number, (name, found) in enumerate(problems.items(), 1):
        for problem in found:
            print("# %s: %s" % (name, problem))
        print("%s %d %s" % ("not ok" if found else "ok", number, name))
        failed += bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
