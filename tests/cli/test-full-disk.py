#!/usr/bin/env python3
# test-full-disk.py
#
# Copyright 2026 The Outlay authors
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program.  If not, see <https://www.gnu.org/licenses/>.
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the real `outlay` on a small tmpfs that is really full: the ledger
and its backups folder live on it, and a filler file leaves a little free
space, less each time, while the program adds, imports and backs up.

Every refused command must exit 1 with one line on stderr saying that the
disk is full; the ledger must pass SQLite's integrity check and hold what it
held before (every acknowledged add, an import all or nothing); the backups
folder must hold no half-written file and every older backup unchanged. The
same again with a second connection holding the file open, as the window
does, so that the commits pile up in the WAL and the checkpoint that moves
them into the file fails for want of space. Once the filler is gone, add,
import and backup work again.

Usage: test-full-disk.py [--binary PATH] [--keep]. It mounts the tmpfs
itself, so it runs as root; otherwise, or where mounting is not allowed (no
CAP_SYS_ADMIN, a user namespace), it exits 77 (skipped) and says why. The
tmpfs is unmounted whatever happens."""

import argparse
import contextlib
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77
KiB = 1024
MiB = 1024 * KiB
# The ledger of SEED_ROWS expenses, its WAL while they are imported and two
# backups fit; BIG_ROWS more never do.
TMPFS_SIZE = 16 * MiB
SEED_ROWS = 3000
BIG_ROWS = 20000
WAL_ROWS = 1500
EXPENSE_COLUMNS = ("id, uuid, amount, currency, description, note, category_id, occurred_on, "
                   "created_at, updated_at, deleted_at")
LEFTOVER_SUFFIXES = (".partial", "-journal", "-wal", "-shm")
# What a person must never see for a full disk.
CLAIMS = ("Added expense", "Imported", "Saved a backup")
MISLEADING = ("CRITICAL", "WARNING", "I/O error", "malformed", "corrupt", "not a database", "(null)")


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def write_csv(path, rows, prefix, year):
    with open(path, "w", encoding="utf-8") as f:
        f.write("date,amount,currency,description,category,note\n")
        for i in range(rows):
            f.write(f"{year}-{i % 12 + 1:02d}-{i % 28 + 1:02d},{i % 997 + 1}.{i % 100:02d},EUR,"
                    f"{prefix}-{i},{('Groceries', 'Transport', '')[i % 3]},{'a note' if i % 5 == 0 else ''}\n")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class FullDisk:
    def __init__(self, binary, mount, scratch):
        self.binary = binary
        self.mount = mount
        self.scratch = scratch
        self.database = os.path.join(mount, "outlay.db")
        self.backups = os.path.join(mount, "backups")
        self.filler = os.path.join(mount, "filler")
        self.env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", GSETTINGS_BACKEND="memory",
                        HOME=scratch, XDG_DATA_HOME=os.path.join(scratch, "data"),
                        XDG_CONFIG_HOME=os.path.join(scratch, "config"))
        self.env.pop("OUTLAY_DATABASE", None)
        self.acknowledged = {}
        self.messages = {}
        self.checks = 0
        self.lost = 0
        self.snapshots = 0

    # The program

    def outlay(self, *arguments):
        result = subprocess.run([self.binary, "--database", self.database, *arguments], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
        if result.returncode < 0:
            raise Failure(f"outlay {' '.join(arguments)} was killed by signal {-result.returncode}: "
                          f"{result.stderr.strip()}")
        return result

    def must(self, *arguments):
        result = self.outlay(*arguments)
        if result.returncode != 0:
            raise Failure(f"outlay {' '.join(arguments)} exited {result.returncode}: {result.stderr.strip()}")
        return result

    def check(self, what, condition, detail=""):
        self.checks += 1
        if not condition:
            raise Failure(f"{what}{': ' + detail if detail else ''}")

    def expect_full(self, scenario, result, *arguments):
        """A refusal for want of space: status 1, one clear line."""
        command = f"outlay {' '.join(arguments)}"
        lines = result.stderr.splitlines()
        self.check(f"{command} exits 1 on a full disk", result.returncode == 1,
                   f"{result.returncode}: {result.stderr.strip()}")
        self.check(f"{command} says so in one line", len(lines) == 1 and lines[0].startswith("outlay: "),
                   repr(result.stderr))
        self.check(f"{command} says that the disk is full", "the disk is full" in lines[0], lines[0])
        self.check(f"{command} says nothing misleading", not any(word in lines[0] for word in MISLEADING),
                   lines[0])
        self.check(f"{command} claims no success", not any(word in result.stdout for word in CLAIMS),
                   result.stdout[-300:])
        self.messages.setdefault((scenario, lines[0]), 0)
        self.messages[(scenario, lines[0])] += 1

    # The filesystem

    def free(self):
        st = os.statvfs(self.mount)
        return st.f_bavail * st.f_frsize

    def fill(self, leave):
        """Grows or shrinks the filler so that about @leave bytes are free."""
        size = os.path.getsize(self.filler) if os.path.exists(self.filler) else 0
        target = max(0, size + self.free() - leave)
        with open(self.filler, "ab") as f:
            if target < size:
                f.truncate(target)
            elif target > size:
                try:
                    os.posix_fallocate(f.fileno(), size, target - size)
                except OSError:
                    # The last page or so may not be had.
                    os.posix_fallocate(f.fileno(), size, max(0, target - size - 8 * KiB))

    def unfill(self):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.filler)

    # What the ledger holds

    def snapshot(self):
        """Copies the file and its WAL (not the index, which SQLite rebuilds)
        off the full disk, and checks the copy: what a reader sees now, or
        after a power cut. Returns the rows a person owns and a hash of
        them."""
        self.snapshots += 1
        folder = os.path.join(self.scratch, f"snapshot-{self.snapshots}")
        os.mkdir(folder)
        copy = os.path.join(folder, "outlay.db")
        shutil.copyfile(self.database, copy)
        if os.path.exists(self.database + "-wal"):
            shutil.copyfile(self.database + "-wal", copy + "-wal")
        digest = hashlib.sha256()
        try:
            with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as db:
                rows = db.execute("PRAGMA integrity_check").fetchall()
                self.check("integrity check", rows == [("ok",)], str(rows[:3]))
                kept = db.execute("SELECT day, category_id, currency, count, total FROM expense_days "
                                  "ORDER BY 1, 2, 3").fetchall()
                truth = db.execute("SELECT occurred_on, category_id, currency, count(*), sum(amount) "
                                   "FROM expenses WHERE deleted_at IS NULL GROUP BY 1, 2, 3 "
                                   "ORDER BY 1, 2, 3").fetchall()
                self.check("the per-day summary agrees with the rows", kept == truth)
                db.execute("INSERT INTO expenses_fts (expenses_fts) VALUES ('integrity-check')")
                expenses = {}
                for row in db.execute(f"SELECT {EXPENSE_COLUMNS} FROM expenses ORDER BY id"):
                    digest.update(repr(row).encode())
                    expenses[row[4]] = (row[2], row[7])
                for row in db.execute("SELECT id, uuid, name, deleted_at FROM categories ORDER BY id"):
                    digest.update(repr(row).encode())
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return expenses, digest.hexdigest()

    def check_acknowledged(self, expenses):
        lost = [name for name, values in self.acknowledged.items() if expenses.get(name) != values]
        self.lost = max(self.lost, len(lost))
        self.check("every acknowledged add is kept", not lost, ", ".join(lost[:5]))

    def backups_state(self):
        """The backups, by name and hash; fails on a half-written one."""
        names = sorted(os.listdir(self.backups)) if os.path.isdir(self.backups) else []
        leftovers = [name for name in names if name.endswith(LEFTOVER_SUFFIXES)]
        self.check("no half-written file in the backups folder", not leftovers, ", ".join(leftovers))
        work = [name for name in os.listdir(self.mount) if name.startswith(".outlay-") or name.endswith(".partial")]
        self.check("no work file beside the database", not work, ", ".join(work))
        return {name: sha256(os.path.join(self.backups, name)) for name in names}

    def check_unchanged(self, what, before, backups_before):
        after = self.snapshot()
        self.check_acknowledged(after[0])
        self.lost = max(self.lost, len(set(before[0]) - set(after[0])))
        self.check(f"the ledger is as before {what}", after[1] == before[1],
                   f"{len(after[0])} expenses against {len(before[0])}")
        backups = self.backups_state()
        changed = [name for name, digest in backups_before.items() if backups.get(name) != digest]
        self.check(f"every older backup is intact after {what}", not changed, ", ".join(changed))
        new = [name for name in backups if name not in backups_before]
        self.check(f"no new backup is left after {what}", not new, ", ".join(new))

    # Scenarios

    def add_one(self, scenario, number):
        name = f"{scenario}-add-{number}"
        amount = 100 + number
        arguments = ("add", f"{amount // 100}.{amount % 100:02d}", name, "--currency", "EUR",
                     "--date", f"2024-05-{number % 28 + 1:02d}")
        result = self.outlay(*arguments)
        if result.returncode == 0:
            self.check(f"{name} is acknowledged", name in result.stdout, result.stdout)
            self.acknowledged[name] = (amount, f"2024-05-{number % 28 + 1:02d}")
            return True
        self.expect_full(scenario, result, *arguments)
        return False

    def sweep_adds(self, scenario, top, step):
        """One add at each amount of free space from @top down to none."""
        added = refused = 0
        number = 0
        for leave in range(top, -1, -step):
            self.fill(leave)
            before = self.snapshot()
            backups = self.backups_state()
            number += 1
            if self.add_one(scenario, number):
                added += 1
                self.check_acknowledged(self.snapshot()[0])
            else:
                refused += 1
                self.check_unchanged("a refused add", before, backups)
        # And again on a disk that stays full.
        for _ in range(3):
            number += 1
            before = self.snapshot()
            backups = self.backups_state()
            if self.add_one(scenario, number):
                added += 1
            else:
                refused += 1
                self.check_unchanged("a refused add", before, backups)
        self.check("some adds fit", added > 0)
        self.check("the disk fills up", refused > 0)
        return f"{added} adds acknowledged, {refused} refused"

    def scenario_add(self):
        return self.sweep_adds("add", 160 * KiB, 4 * KiB)

    def scenario_import(self):
        """A CSV too big for the disk, with less space each time: first none
        for the backup made before an import, then enough for that backup
        but not for the rows."""
        csv = os.path.join(self.scratch, "big.csv")
        write_csv(csv, BIG_ROWS, "big-import", 2022)
        size = os.path.getsize(self.database)
        refused = 0
        for leave in (size * 3 + 64 * KiB, size + 64 * KiB, size // 2, 64 * KiB, 16 * KiB, 0):
            self.fill(leave)
            before = self.snapshot()
            backups = self.backups_state()
            result = self.outlay("import", csv)
            self.check("a CSV bigger than the disk is not imported", result.returncode != 0, result.stdout[-300:])
            self.expect_full("import", result, "import", os.path.basename(csv))
            self.check_unchanged("a refused import", before, backups)
            refused += 1
        return f"{refused} imports of {BIG_ROWS} lines refused, none of their rows kept"

    def scenario_backup(self):
        size = os.path.getsize(self.database)
        listed = self.must("backup", "--list").stdout
        refused = 0
        for leave in (size - 64 * KiB, size // 2, 64 * KiB, 16 * KiB, 0):
            self.fill(leave)
            before = self.snapshot()
            backups = self.backups_state()
            result = self.outlay("backup")
            self.expect_full("backup", result, "backup")
            self.check_unchanged("a refused backup", before, backups)
            refused += 1
        # A backup to a file given by name.
        elsewhere = os.path.join(self.mount, "elsewhere.db")
        self.fill(size // 2)
        before = self.snapshot()
        backups = self.backups_state()
        result = self.outlay("backup", elsewhere)
        self.expect_full("backup", result, "backup", "FILE")
        self.check_unchanged("a refused backup to a file", before, backups)
        self.check("no file is left where the backup was to go",
                   not [name for name in os.listdir(self.mount) if name.startswith("elsewhere")])
        self.unfill()
        self.check("the list of backups is as before", self.must("backup", "--list").stdout == listed)
        return f"{refused + 1} backups refused"

    def scenario_wal(self):
        """The window holds the file open: the commits stay in the WAL, which
        grows until it cannot; then commits wait in the WAL while the disk is
        full and the checkpoint that would move them into the file fails."""
        csv = os.path.join(self.scratch, "wal.csv")
        write_csv(csv, WAL_ROWS, "wal-import", 2021)
        with Window(self.database) as window:
            window.send("read")
            result = self.sweep_adds("wal", 96 * KiB, 8 * KiB)

            # A read that the window keeps open stops every checkpoint
            # short of the frames committed after it began.
            self.unfill()
            window.send("begin")
            self.must("import", csv)
            imported = self.snapshot()
            self.check("the import is whole",
                       sum(name.startswith("wal-import-") for name in imported[0]) == WAL_ROWS)
            wal = os.path.getsize(self.database + "-wal")
            self.fill(0)
            window.send("commit")
            # The last connection to close checkpoints, and needs the space
            # for the rows it moves into the file.
        self.check("the WAL is kept while the disk is full", os.path.getsize(self.database + "-wal") > 0)
        kept = self.snapshot()
        self.check_acknowledged(kept[0])
        self.check("the commits in the WAL are kept through a failed checkpoint", kept[1] == imported[1])
        listed = self.must("list", "--limit", "1")
        self.check("the ledger can be read while the disk is full", "1 of" in listed.stdout, listed.stdout)
        backups = self.backups_state()
        refused = 0
        for number in range(1001, 1004):
            if not self.add_one("wal", number):
                refused += 1
                self.check_unchanged("a refused add behind a WAL that cannot grow", kept, backups)
        self.check("an add on a full disk behind a full WAL is refused", refused > 0)
        self.unfill()
        self.must("list", "--limit", "1")
        self.check("the WAL is moved into the file once there is space",
                   not os.path.exists(self.database + "-wal"))
        after = self.snapshot()
        self.check_acknowledged(after[0])
        self.check("nothing changed in the checkpoint", after[1] == kept[1])
        return f"{result}; a WAL of {wal // KiB} KiB kept through a failed checkpoint"

    def scenario_recover(self):
        """With the filler gone, everything works again."""
        self.unfill()
        self.check("the ledger is as it was", self.snapshot()[0].keys() >= self.acknowledged.keys())
        self.check("add works again", self.add_one("recover", 1))
        csv = os.path.join(self.scratch, "small.csv")
        write_csv(csv, 200, "small-import", 2020)
        self.must("import", csv)
        self.must("backup")
        expenses = self.snapshot()[0]
        self.check_acknowledged(expenses)
        self.check("import works again", sum(name.startswith("small-import-") for name in expenses) == 200)
        self.check("no big import row was ever kept", not any(name.startswith("big-import-") for name in expenses))
        self.backups_state()
        return "add, import and backup work again"

    def setup(self):
        csv = os.path.join(self.scratch, "seed.csv")
        write_csv(csv, SEED_ROWS, "seed", 2023)
        self.must("import", csv)
        self.must("backup")
        self.check("the seed fits", self.free() > TMPFS_SIZE // 4, f"{self.free()} bytes free")


class Window:
    """A connection of another process that keeps the file open, as the
    window does: in one process, closing any other descriptor of the file
    (a copy of it, say) would drop its locks."""

    SCRIPT = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
for line in sys.stdin:
    command = line.strip()
    if command == "read":
        db.execute("SELECT count(*) FROM expenses").fetchall()
    elif command == "begin":
        db.execute("BEGIN")
        db.execute("SELECT count(*) FROM expenses").fetchall()
    elif command == "commit":
        db.execute("COMMIT")
    print(command, flush=True)
db.close()
"""

    def __init__(self, database):
        self.process = subprocess.Popen([sys.executable, "-c", self.SCRIPT, database], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)

    def send(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        if self.process.stdout.readline().strip() != command:
            raise Failure(f"the window's connection failed to {command}")

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()


def mount_tmpfs(mount):
    if os.geteuid() != 0:
        raise Skip(f"mounting a tmpfs needs root, and this runs as uid {os.geteuid()}")
    if shutil.which("mount") is None or shutil.which("umount") is None:
        raise Skip("mount(8) is not installed")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700", "tmpfs", mount],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise Skip("cannot mount a tmpfs here (no CAP_SYS_ADMIN, or a user namespace?): " +
                   " ".join(result.stdout.split()))


def unmount(mount):
    if subprocess.run(["umount", mount]).returncode != 0:
        subprocess.run(["umount", "--lazy", mount])


def on_signal(number, frame):
    # meson ends a test that times out with SIGTERM: unmount all the same.
    raise SystemExit(f"killed by signal {number}")


def main():
    srcdir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.environ.get("OUTLAY_BINARY",
                                                           os.path.join(srcdir, "_build", "src", "outlay")),
                        help="the outlay program ($OUTLAY_BINARY, else _build/src/outlay)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch files, and say where")
    args = parser.parse_args()

    if not os.access(args.binary, os.X_OK):
        print(f"SKIP: no outlay program at {args.binary} (build it, or give --binary)")
        return SKIP

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    begin = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="outlay-full-disk-")
    mount = tempfile.mkdtemp(prefix="outlay-tmpfs-")
    mounted = False
    failed = 0
    test = None
    try:
        mount_tmpfs(mount)
        mounted = True
        test = FullDisk(args.binary, mount, scratch)
        test.setup()
        for name in ("add", "import", "backup", "wal", "recover"):
            try:
                test.unfill()
                print(f"{name}: {getattr(test, 'scenario_' + name)()}", flush=True)
            except (Failure, sqlite3.Error, subprocess.TimeoutExpired) as error:
                failed += 1
                print(f"FAIL {name}: {error}", flush=True)
    except Skip as reason:
        print(f"SKIP: {reason}")
        return SKIP
    except Failure as error:
        failed += 1
        print(f"FAIL setup: {error}", flush=True)
    finally:
        if mounted:
            unmount(mount)
        os.rmdir(mount)
        if args.keep:
            print(f"files kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    for (scenario, message), count in sorted(test.messages.items()):
        print(f"{scenario}: {count} × {message}")
    print(f"total: checks {test.checks}, scenarios failed {failed}, rows lost {test.lost}, "
          f"{time.monotonic() - begin:.1f} s")
    return 1 if failed or test.lost else 0


if __name__ == "__main__":
    sys.exit(main())
