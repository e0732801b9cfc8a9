#!/usr/bin/env python3
# validate-metainfo.py APPSTREAMCLI METAINFO
#
# Validates the built metainfo offline. appstreamcli must report nothing: no
# error, warning or info (pedantic hints are not shown and cannot all be met:
# the component ID has capitals by design).
#
# One exception, on AppStream older than 1.0 only: the <developer> element,
# which AppStream 1.0 and Flathub require (its old form, <developer_name>, is
# reported as deprecated there), is unknown to 0.16 (Debian 12), which reports
# it as an "unknown-tag" info. Only that exact line is let through.
#
# Copyright 2026 The Outlay authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess
import sys

appstreamcli, metainfo = sys.argv[1:3]

version_out = subprocess.run([appstreamcli, '--version'], capture_output=True, text=True).stdout
match = re.search(r'AppStream version:\s*(\d+)\.(\d+)', version_out)
if not match:
    sys.exit(f'cannot tell the AppStream version from {version_out!r}')
version = (int(match.group(1)), int(match.group(2)))

result = subprocess.run([appstreamcli, 'validate', '--no-net', '--explain', metainfo],
                        capture_output=True, text=True)
output = result.stdout + result.stderr

issues = [line for line in output.splitlines() if re.match(r'[EWI]: ', line)]
tolerated = []
if version < (1, 0):
    tolerated = [line for line in issues
                 if re.fullmatch(r'I: [\w.]+:\d+: unknown-tag developer', line)]
issues = [line for line in issues if line not in tolerated]

print(f'appstreamcli {version[0]}.{version[1]} validate --no-net {metainfo}')
for line in tolerated:
    print(f'tolerated on AppStream < 1.0: {line}')
if result.returncode != 0 or issues:
    print(output)
    sys.exit(f'appstreamcli reported {len(issues)} issue(s), exit status {result.returncode}')
