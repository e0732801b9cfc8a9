#!/usr/bin/env python3
# check-debian.py SOURCE_ROOT VERSION
#
# debian/ keeps up with the rest of the tree, so that build-aux/make-deb
# builds on a fresh Debian 12 that ran build-aux/install-deps:
#
# 1. the newest entry of debian/changelog is meson.build's version;
# 2. every package of Build-Depends is one build-aux/install-deps installs;
# 3. debian/rules is executable and debian/source/format says the format.
#
# Copyright 2026 The Outlay authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

# Virtual packages of Build-Depends and the real one install-deps names.
PROVIDED_BY = {'debhelper-compat': 'debhelper'}


def changelog_version(root):
    with open(os.path.join(root, 'debian', 'changelog'), encoding='utf-8') as f:
        match = re.match(r'(\S+) \(([^)]+)\) ', f.readline())
    return match.group(2) if match else None


def build_depends(root):
    with open(os.path.join(root, 'debian', 'control'), encoding='utf-8') as f:
        source = f.read().split('\n\n', 1)[0]
    # A field runs on over the lines that start with a space.
    match = re.search(r'^Build-Depends:(.*(?:\n .*)*)', source, re.MULTILINE)
    if not match:
        return []
    names = []
    for relation in match.group(1).split(','):
        for alternative in relation.split('|'):
            name = re.sub(r'[\s(\[<].*', '', alternative.strip())
            if name:
                names.append(name)
    return names


def install_deps_packages(root):
    with open(os.path.join(root, 'build-aux', 'install-deps'), encoding='utf-8') as f:
        text = f.read()
    names = set()
    for array in re.finditer(r'^(?:packages|host_packages)=\(\n(.*?)^\)', text, re.MULTILINE | re.DOTALL):
        for line in array.group(1).splitlines():
            words = line.split('#', 1)[0].split()
            names.update(words)
    return names


def main(root, version):
    problems = {'changelog version': [], 'build dependencies': [], 'rules and format': []}

    found = changelog_version(root)
    if found is None:
        problems['changelog version'].append('the first line of debian/changelog does not parse')
    elif found.split('-', 1)[0] != version:
        problems['changelog version'].append(
            f'debian/changelog says {found}, meson.build {version}: add an entry (dch -v {version})')

    installed = install_deps_packages(root)
    if not installed:
        problems['build dependencies'].append('no packages found in build-aux/install-deps')
    for name in build_depends(root):
        if PROVIDED_BY.get(name, name) not in installed:
            problems['build dependencies'].append(f'{name} is in Build-Depends but build-aux/install-deps '
                                                  'does not install it')

    rules = os.path.join(root, 'debian', 'rules')
    if not os.access(rules, os.X_OK):
        problems['rules and format'].append('debian/rules is not executable')
    try:
        with open(os.path.join(root, 'debian', 'source', 'format'), encoding='utf-8') as f:
            if f.read().strip() not in ('3.0 (native)', '3.0 (quilt)'):
                problems['rules and format'].append('debian/source/format names no 3.0 format')
    except FileNotFoundError:
        problems['rules and format'].append('debian/source/format is missing')

    print('1..%d' % len(problems))
    failed = 0
    for number, (name, found) in enumerate(problems.items(), 1):
        for problem in found:
            print('# %s: %s' % (name, problem))
        print('%s %d %s' % ('not ok' if found else 'ok', number, name))
        failed += bool(found)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
