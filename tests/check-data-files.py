#!/usr/bin/env python3
# check-data-files.py SOURCE_ROOT DATA_BUILDDIR APPLICATION_ID
#
# Checks that the desktop file, the D-Bus service, the metainfo, the icons and
# the screenshots agree with each other and with what the issue asks of them.
# desktop-file-validate and appstreamcli check the syntax in their own tests.
#
# Copyright 2026 The Outlay authors
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

source_root, builddir, app_id = sys.argv[1:4]
srcdir = os.path.join(source_root, 'data')
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def read_keyfile(path, group):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    return parser[group]


# The desktop file
desktop_path = os.path.join(builddir, app_id + '.desktop')
desktop = read_keyfile(desktop_path, 'Desktop Entry')
expected = {
    'Type': 'Application',
    'Name': 'Outlay',
    'Exec': 'outlay',
    'Icon': app_id,
    'Terminal': 'false',
    'Categories': 'Office;Finance;',
    'Keywords': 'expenses;spending;money;budget;finance;',
    'StartupNotify': 'true',
    'DBusActivatable': 'true',
}
for key, value in expected.items():
    check(desktop.get(key) == value, f'desktop file: {key}={desktop.get(key)!r}, expected {value!r}')
check(bool(desktop.get('Comment')), 'desktop file: no Comment')

# The D-Bus service that DBusActivatable relies on: named after the
# application and starting the installed binary as a service.
service = read_keyfile(os.path.join(builddir, app_id + '.service'), 'D-BUS Service')
check(service.get('Name') == app_id, f'service: Name={service.get("Name")!r}, expected {app_id!r}')
exec_line = service.get('Exec', '')
check(os.path.isabs(exec_line.split()[0]) if exec_line else False, f'service: Exec={exec_line!r} is not an absolute path')
check(exec_line.endswith('/outlay --gapplication-service'), f'service: Exec={exec_line!r} does not start outlay as a service')

# The metainfo
root = ET.parse(os.path.join(builddir, app_id + '.metainfo.xml')).getroot()


def text(path):
    element = root.find(path)
    return element.text.strip() if element is not None and element.text else None


check(root.get('type') == 'desktop-application', 'metainfo: not a desktop-application')
check(text('id') == app_id, f'metainfo: id {text("id")!r}')
check(text('launchable[@type="desktop-id"]') == app_id + '.desktop', 'metainfo: launchable does not name the desktop file')
check(text('summary') == 'Track your spending', f'metainfo: summary {text("summary")!r}')
check(text('metadata_license') == 'CC0-1.0', 'metainfo: metadata_license')
check(text('project_license') == 'GPL-3.0-or-later', 'metainfo: project_license')
check(root.find('developer[@id]/name') is not None, 'metainfo: no developer with an id and a name')
check(text('translation[@type="gettext"]') == 'outlay', 'metainfo: translation is not the gettext domain "outlay"')
check(root.find('content_rating[@type="oars-1.1"]') is not None, 'metainfo: no OARS 1.1 content rating')
for scheme in ('light', 'dark'):
    check(root.find(f'branding/color[@type="primary"][@scheme_preference="{scheme}"]') is not None,
          f'metainfo: no {scheme} branding colour')
controls = {c.text for c in root.findall('supports/control')}
check(controls == {'keyboard', 'pointing', 'touch'}, f'metainfo: supported controls {sorted(controls)}')
length = root.find('requires/display_length')
check(length is not None and length.get('compare') == 'ge' and int(length.text) >= 360,
      'metainfo: does not require a display of at least 360 px')
release = root.find('releases/release')
check(release is not None and release.find('description') is not None, 'metainfo: no release with notes')

# Each screenshot is one of the committed PNGs, and has a caption.
screenshots = root.findall('screenshots/screenshot')
check(3 <= len(screenshots) <= 6, f'metainfo: {len(screenshots)} screenshots')
check(len(root.findall('screenshots/screenshot[@type="default"]')) == 1, 'metainfo: not exactly one default screenshot')
prefix = 'https://raw.githubusercontent.com/outlay/outlay/main/'
for shot in screenshots:
    url = shot.findtext('image', '').strip()
    check(bool(shot.findtext('caption', '').strip()), f'metainfo: screenshot {url} has no caption')
    if not url.startswith(prefix):
        check(False, f'metainfo: screenshot {url} is not in the repository')
        continue
    png = os.path.join(source_root, url[len(prefix):])
    if not os.path.isfile(png):
        check(False, f'metainfo: screenshot {url} is not a file in the source tree')
        continue
    with open(png, 'rb') as f:
        head = f.read(24)
    check(head[:8] == b'\x89PNG\r\n\x1a\n', f'{png}: not a PNG')
    width, height = struct.unpack('>II', head[16:24])
    check(width >= 360 and height >= 360, f'{png}: {width}×{height} is too small')
    check(os.path.getsize(png) <= 256 * 1024, f'{png}: larger than 256 KiB; optimise it')

# The icons: named after the application, the sizes GNOME expects, and the
# symbolic one in the single colour that GTK recolours.
SVG = '{http://www.w3.org/2000/svg}'
icons = {
    os.path.join(srcdir, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'): '0 0 128 128',
    os.path.join(srcdir, 'icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'): '0 0 16 16',
}
for path, viewbox in icons.items():
    if not os.path.isfile(path):
        check(False, f'{path}: missing')
        continue
    # GTK loads icons from a stream, with no file name: GdkPixbuf must tell
    # SVG by its content, which shared-mime-info's magic finds only when
    # "<svg" starts within the first 256 bytes (a long comment before the
    # root element makes the icon fail to load).
    with open(path, 'rb') as f:
        check(b'<svg' in f.read(256), f'{path}: <svg does not start in the first 256 bytes')
    svg = ET.parse(path).getroot()
    check(svg.tag == SVG + 'svg', f'{path}: not an SVG')
    check(svg.get('viewBox') == viewbox, f'{path}: viewBox {svg.get("viewBox")!r}, expected {viewbox!r}')
    if path.endswith('-symbolic.svg'):
        colours = {e.get(a) for e in svg.iter() for a in ('fill', 'stroke') if e.get(a) not in (None, 'none')}
        check(colours == {'#2e3436'}, f'{path}: colours {sorted(colours)}, expected only #2e3436')
    thumbnailer = shutil.which('gdk-pixbuf-thumbnailer')
    if thumbnailer:
        with tempfile.TemporaryDirectory() as tmp:
            nameless = os.path.join(tmp, 'icon')
            shutil.copyfile(path, nameless)
            run = subprocess.run([thumbnailer, '-s', '48', nameless, nameless + '.png'],
                                 capture_output=True, text=True)
            check(run.returncode == 0, f'{path}: GdkPixbuf cannot load it from its content: {run.stderr.strip()}')
    rsvg_convert = shutil.which('rsvg-convert')
    if rsvg_convert:
        with tempfile.TemporaryDirectory() as tmp:
            for size in (16, 32, 64, 128):
                out = os.path.join(tmp, f'{size}.png')
                run = subprocess.run([rsvg_convert, '-w', str(size), '-h', str(size), path, '-o', out],
                                     capture_output=True, text=True)
                check(run.returncode == 0 and os.path.getsize(out) > 0,
                      f'{path}: rsvg-convert at {size} px failed: {run.stderr.strip()}')

# The symbolic icons shipped in the resources (the category icons and the
# window's own): the same rules, and each one listed in the resources under
# icons/scalable/, where GtkApplication makes the icon theme look.
uidir = os.path.join(source_root, 'src', 'ui')
resources = ET.parse(os.path.join(uidir, 'outlay.gresource.xml')).getroot()
aliases = {f.text.strip(): f.get('alias') for f in resources.iter('file')}
for root_dir, _dirs, files in os.walk(os.path.join(uidir, 'icons')):
    for name in sorted(files):
        if not name.endswith('.svg'):
            continue
        path = os.path.join(root_dir, name)
        relative = os.path.relpath(path, source_root)
        alias = aliases.get(os.path.relpath(path, uidir))
        check(alias is not None and alias.startswith('icons/scalable/') and alias.endswith('/' + name),
              f'{relative}: not in outlay.gresource.xml as icons/scalable/<context>/{name}')
        with open(path, 'rb') as f:
            check(b'<svg' in f.read(256), f'{relative}: <svg does not start in the first 256 bytes')
        svg = ET.parse(path).getroot()
        check(svg.tag == SVG + 'svg', f'{relative}: not an SVG')
        check(svg.get('viewBox') == '0 0 16 16' and svg.get('width') == '16' and svg.get('height') == '16',
              f'{relative}: not 16×16 with the viewBox 0 0 16 16')
        colours = {e.get(a) for e in svg.iter() for a in ('fill', 'stroke') if e.get(a) not in (None, 'none')}
        check(name.endswith('-symbolic.svg') and colours == {'#2e3436'},
              f'{relative}: colours {sorted(colours)}, expected a symbolic icon in #2e3436 only')
        # GTK recolours symbolic icons by their fill: a stroke would keep
        # its colour, or turn into a fill.
        check(all(e.get('stroke') in (None, 'none') for e in svg.iter()), f'{relative}: has a stroke')

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
