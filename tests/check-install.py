#!/usr/bin/env python3
# check-install.py MESON BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR MANDIR SOURCE_ROOT APPLICATION_ID UI
#
# Installs the build into a temporary DESTDIR and checks that every file a
# desktop expects is where it expects it. gnome.post_install skips its cache
# updates when DESTDIR is set, so this touches nothing outside the
# temporary folder.
#
# Copyright 2026 The Outlay authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

meson, builddir, prefix, bindir, datadir, localedir, mandir, source_root, app_id, ui = sys.argv[1:11]


def under_prefix(path):
    # meson's install directories are relative to the prefix unless absolute.
    return path if os.path.isabs(path) else os.path.join(prefix, path)


def linguas():
    names = []
    with open(os.path.join(source_root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            names += line.split('#', 1)[0].split()
    return names


with tempfile.TemporaryDirectory(prefix='outlay-destdir-') as destdir:
    env = dict(os.environ)
    env.pop('DESTDIR', None)
    run = subprocess.run([meson, 'install', '-C', builddir, '--no-rebuild', '--quiet', '--destdir', destdir],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        print(run.stdout, run.stderr)
        sys.exit(f'meson install failed with status {run.returncode}')

    def root(path):
        return os.path.join(destdir, under_prefix(path).lstrip('/'))

    share = root(datadir)
    expected = [os.path.join(share, 'glib-2.0', 'schemas', app_id + '.gschema.xml'),
                os.path.join(root(mandir), 'man1', 'outlay.1')]
    if ui == 'true':
        expected += [
            os.path.join(root(bindir), 'outlay'),
            os.path.join(share, 'applications', app_id + '.desktop'),
            os.path.join(share, 'metainfo', app_id + '.metainfo.xml'),
            os.path.join(share, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
            os.path.join(share, 'icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'),
            os.path.join(share, 'dbus-1', 'services', app_id + '.service'),
            os.path.join(share, 'gnome-shell', 'search-providers', app_id + '.search-provider.ini'),
        ]
    expected += [os.path.join(root(localedir), lang, 'LC_MESSAGES', 'outlay.mo') for lang in linguas()]

    missing = [path for path in expected if not os.path.isfile(path)]
    for path in expected:
        print(('missing  ' if path in missing else 'ok       ') + os.path.relpath(path, destdir))
    if ui == 'true' and os.path.join(root(bindir), 'outlay') not in missing:
        if not os.access(os.path.join(root(bindir), 'outlay'), os.X_OK):
            missing.append('bin/outlay is not executable')
    # A DESTDIR install must leave no compiled caches behind: those belong
    # to the system that really installs the files.
    for cache in (os.path.join(share, 'glib-2.0', 'schemas', 'gschemas.compiled'),
                  os.path.join(share, 'icons', 'hicolor', 'icon-theme.cache')):
        if os.path.exists(cache):
            missing.append(f'{os.path.relpath(cache, destdir)} was written into DESTDIR')
    if missing:
        sys.exit('not installed as expected: ' + ', '.join(missing))
