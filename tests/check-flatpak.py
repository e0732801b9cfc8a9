#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses and asks for nothing beyond what Outlay needs:
no filesystem and no network access; files come through the portals."""

import json
import sys

MIN_RUNTIME = 48
ALLOWED = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]


def main(path):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    problems = []
    if manifest.get("id") != "io.github.outlay.Outlay":
        problems.append("the id is not io.github.outlay.Outlay")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("the runtime must be org.gnome.Platform with org.gnome.Sdk")
    # Debian 13's GTK 4.18 and libadwaita 1.7 (GNOME 48), which .ci/run builds
    # against, are the oldest a current runtime may be.
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_RUNTIME:
        problems.append("runtime-version %r is not a current GNOME runtime (>= %d)" % (version, MIN_RUNTIME))
    if manifest.get("command") != "outlay":
        problems.append("the command must be outlay")
    if sorted(manifest.get("finish-args", [])) != sorted(ALLOWED):
        problems.append("finish-args must be exactly %s, not %s" % (ALLOWED, manifest.get("finish-args")))
    for arg in manifest.get("finish-args", []):
        if arg.startswith(("--filesystem", "--share=network", "--talk-name=org.freedesktop.Flatpak")):
            problems.append("%s gives away more than Outlay needs" % arg)

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get("name") != "outlay":
        problems.append("Outlay must be the last module")
    elif modules[-1].get("buildsystem") != "meson":
        problems.append("Outlay is built with meson")

    for problem in problems:
        print("flatpak: " + problem)
    print("1..1")
    print(("ok" if not problems else "not ok") + " 1 manifest")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
