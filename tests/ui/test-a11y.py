#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Outlay as a screen reader meets it: the real program, run under its own
D-Bus session with the AT-SPI registry, driven only through the
accessibility tree (controls found by role and name, never by position).

It adds an expense, finds it by search, deletes it through the
confirmation and brings it back with Undo, asserting what a screen reader
would say for the list row (and for a budget's and a recurring expense's);
and on each page (the list, the editor, the Dashboard, the import window
of a file chosen from the main menu, the Budgets, Categories and
Recurring Expenses and History windows, the category editor, Preferences and its
Currencies page and rate editor, and its Sync page, syncing or not) it walks every
control on screen and fails on any that is interactive or takes the focus but has no name.

Usage: test-a11y.py OUTLAY-BINARY. Prints TAP. Skips, with the reason, when
there is no display, no D-Bus session tool, no AT-SPI bus or no pyatspi.
"""

import datetime
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

SESSION_MARK = "OUTLAY_A11Y_IN_SESSION"
SYSTEM_PYTHON = "/usr/bin/python3"
AT_SPI_SERVICE = "/usr/share/dbus-1/services/org.a11y.Bus.service"


def skip(reason):
    print("1..0 # SKIP " + reason)
    sys.exit(0)


def enter_session():
    """Runs this script again inside a D-Bus session of its own, where the
    session bus starts the accessibility bus and its registry on demand, with
    a Python that has pyatspi (Debian's python3-pyatspi)."""
    try:
        import pyatspi  # noqa: F401
        python = sys.executable
    except ImportError:
        python = SYSTEM_PYTHON
        if not os.path.exists(python) or subprocess.run(
                [python, "-c", "import pyatspi"], capture_output=True).returncode != 0:
            skip("pyatspi is not installed (python3-pyatspi)")

    if not os.environ.get("DISPLAY"):
        skip("no X display (run under xvfb-run)")
    runner = shutil.which("dbus-run-session")
    if runner is None:
        skip("dbus-run-session is not installed (dbus)")
    if not os.path.exists(AT_SPI_SERVICE):
        skip("the AT-SPI bus launcher is not installed (at-spi2-core)")
    locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    if "en_us.utf8" not in locales.split():
        skip("the en_US.UTF-8 locale, which the assertions are written in, is missing")

    env = dict(os.environ)
    env[SESSION_MARK] = "1"
    # libatspi warns of what the program does on its own bus while it
    # starts; the program itself keeps G_DEBUG as the tests set it.
    env["OUTLAY_A11Y_G_DEBUG"] = env.get("G_DEBUG", "")
    env["G_DEBUG"] = ",".join(flag for flag in env.get("G_DEBUG", "").split(",")
                              if flag and flag != "fatal-warnings")
    # The daemons the session starts print to its standard output: TAP
    # goes to a descriptor of its own.
    sys.stdout.flush()
    tap = os.dup(1)
    os.set_inheritable(tap, True)
    os.dup2(2, 1)
    env["OUTLAY_A11Y_TAP_FD"] = str(tap)
    os.execve(runner, [runner, "--", python, os.path.abspath(__file__)] + sys.argv[1:], env)


if not os.environ.get(SESSION_MARK):
    enter_session()

import pyatspi  # noqa: E402

if os.environ.get("OUTLAY_A11Y_TAP_FD"):
    sys.stdout = os.fdopen(int(os.environ.pop("OUTLAY_A11Y_TAP_FD")), "w", buffering=1)

# Interactive roles: a screen reader announces each by its name.
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "entry", "text", "password text", "spin button", "slider", "page tab",
    "menu item", "check menu item", "radio menu item", "link", "switch",
    "list item", "table cell", "tree item", "calendar", "image",
}
# Containers that pass the focus to their children and are not announced
# by their name.
PASS_THROUGH = {"scroll pane", "scroll bar", "panel", "filler", "viewport"}
# GTK 4.8 names a widget without a name after its type ("GtkImage").
TYPE_NAME = re.compile(r"^(Gtk|Adw|Outlay)[A-Z]\w*$")
# A mnemonic left in a name: "_Save Save".
RAW_MNEMONIC = re.compile(r"(^|\s)_\w")
# A name said twice, as a control labelled both by its own words and by
# its row's title reads: "Food & Drink Food & Drink".
DOUBLED = re.compile(r"^(.+) \1$")

# A wait ends as soon as its condition holds; the limit only matters on a
# loaded machine (CI, two cores), where a window can take many seconds.
TIMEOUT = 45.0
KEY_RETURN = 0xff0d
KEY_SLASH = 0x2f
KEY_TAB = 0xff09
KEY_SPACE = 0x20
FIXTURE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures", "import", "bank.csv")

tests = []
failures = 0


def test(func):
    tests.append(func)
    return func


def wait_for(what, probe, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while True:
        # Whatever it waits for, it will not come from a program that has
        # gone: say so, here, rather than time out in every test after.
        if app is not None:
            app.check_running(what)
        try:
            value = probe()
        except Exception:  # the tree changes under a walk
            value = None
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.1)


def children(acc):
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield child


def extents(acc):
    try:
        component = acc.queryComponent()
    except NotImplementedError:
        return None
    return component.getExtents(pyatspi.WINDOW_COORDS)


def on_screen(acc):
    """GTK 4.8 sets no "showing" state below the window; a widget that is
    not mapped (another page of a stack, a closed popover) has no size."""
    box = extents(acc)
    return box is None or (box.width > 0 and box.height > 0)


def walk(acc, path=""):
    """Every node on screen, with its path of roles and names."""
    here = "%s/%s[%s]" % (path, acc.getRoleName(), acc.name)
    yield acc, here
    for child in children(acc):
        if on_screen(child):
            yield from walk(child, here)


def find_all(root, role, name=None, prefix=None):
    found = []
    for acc, _path in walk(root):
        if acc.getRoleName() != role:
            continue
        if name is not None and acc.name != name:
            continue
        if prefix is not None and not acc.name.startswith(prefix):
            continue
        found.append(acc)
    return found


def find(root, role, name=None, prefix=None):
    found = find_all(root, role, name, prefix)
    return found[0] if found else None


def wait_find(root, role, name=None, prefix=None):
    label = "%s %r" % (role, name if name is not None else prefix)
    return wait_for(label, lambda: find(root, role, name, prefix))


def press(acc):
    """What a screen reader user does on a button: its default action."""
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    assert names, "%s %r has no action" % (acc.getRoleName(), acc.name)
    action.doAction(0)


def focused(acc):
    return acc.getState().contains(pyatspi.STATE_FOCUSED)


def key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def set_text(acc, text):
    acc.queryEditableText().setTextContents(text)


def get_text(acc):
    text = acc.queryText()
    # GTK 4.8 clamps an end of -1 to 0: ask for the count.
    return text.getText(0, text.characterCount)


# A named control's inner parts are read as the control: a combo box's
# current choice, a button's label.
COMPOSITE = {"combo box", "push button", "toggle button", "page tab"}
# Structural containers may go without a name, but not with a made-up one.
CONTAINERS = {"list", "table", "tree", "tree table", "page tab list"}


def text_within(acc):
    return " ".join(node.name for node, _path in walk(acc)
                    if node.getRoleName() == "label" and not TYPE_NAME.match(node.name)).strip()


def unnamed(root, path=""):
    """Every control on screen that a screen reader would announce without
    a usable name: (role, name, path)."""
    offenders = []
    role = root.getRoleName()
    name = root.name.strip()
    here = "%s/%s[%s]" % (path, role, root.name)
    states = root.getState()
    bad_name = not name or TYPE_NAME.match(name) or RAW_MNEMONIC.search(name)
    if role in INTERACTIVE and DOUBLED.match(name):
        bad_name = True

    if role in PASS_THROUGH or role == "label":
        pass
    elif role in CONTAINERS:
        if name and bad_name:
            offenders.append((role, name, here))
    elif role in ("list item", "table cell"):
        # Without a name, a screen reader reads what the item shows.
        if bad_name and not text_within(root):
            offenders.append((role, name, here))
    elif role == "image" and not states.contains(pyatspi.STATE_FOCUSABLE):
        pass  # decorative
    elif role in INTERACTIVE or states.contains(pyatspi.STATE_FOCUSABLE):
        if bad_name:
            offenders.append((role, name, here))

    if role in COMPOSITE and not bad_name:
        return offenders
    for child in children(root):
        if on_screen(child):
            offenders.extend(unnamed(child, here))
    return offenders


def assert_all_named(root, page):
    offenders = unnamed(root)
    for role, name, path in offenders:
        print("# %s: %s named %r at %s" % (page, role, name, path))
    assert not offenders, "%d controls on the %s without a name" % (len(offenders), page)


class Outlay:
    def __init__(self, binary, damaged=False):
        self.dir = tempfile.mkdtemp(prefix="outlay-a11y-")
        if damaged:
            # A ledger whose header is gone: it does not open at all.
            with open(os.path.join(self.dir, "outlay.db"), "wb") as ledger:
                ledger.write(b"this is not a database any more" * 200)
        env = dict(os.environ)
        # The other tests switch accessibility off; this one is about it.
        env.pop("NO_AT_BRIDGE", None)
        env["GTK_A11Y"] = "atspi"
        env["GSETTINGS_BACKEND"] = "memory"
        if env.get("OUTLAY_A11Y_G_DEBUG"):
            env["G_DEBUG"] = env.pop("OUTLAY_A11Y_G_DEBUG")
        # Words and numbers as the assertions spell them.
        env["LC_ALL"] = "en_US.UTF-8"
        env["LANGUAGE"] = "en_US"
        self.process = subprocess.Popen(
            [binary, "--database", os.path.join(self.dir, "outlay.db")], env=env)

        self.app = wait_for("Outlay on the accessibility bus", self.lookup_app, 30)
        self.window = wait_for("the window", lambda: find(self.app, "frame", "Outlay"))

    def lookup_app(self):
        if self.process.poll() is not None:
            raise SystemExit("outlay exited with status %d" % self.process.returncode)
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.name == "outlay" and app.get_process_id() == self.process.pid:
                return app
        return None

    def check_running(self, what):
        status = self.process.poll()
        if status is not None:
            how = ("killed by signal %d (%s)" % (-status, signal.Signals(-status).name)
                   if status < 0 else "exited with status %d" % status)
            raise AssertionError("outlay %s while waiting for %s" % (how, what))

    def toplevel(self, role, name=None):
        """A window of the application other than the main one, or the
        one named @name.

        Not while one of its windows closes: this counts the windows, then
        asks for each by its index, and GTK 4.8 answers an index past the
        windows on screen with the last window it has, shown or not. That
        is the Keyboard Shortcuts window, made with the main window and
        never shown, which has no object path yet: a CRITICAL, which
        G_DEBUG makes fatal. Wait for closed() first."""
        for acc in children(self.app):
            if acc.getRoleName() != role:
                continue
            if (acc.name == name) if name is not None else (acc.name != "Outlay"):
                return acc
        return None

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def closed(window):
    """Whether @window, a window other than the main one, has closed:
    hidden, or its object gone from the bus, while the main window still
    answers."""
    try:
        states = window.getState()
        shown = (states is not None and states.contains(pyatspi.STATE_VISIBLE)
                 and not states.contains(pyatspi.STATE_DEFUNCT))
    except Exception:  # its object is gone
        shown = False
    if shown:
        return False
    app.window.getState()
    return True


def spoken_day(day):
    return "%s %d %s" % (day.strftime("%A"), day.day, day.strftime("%B"))


def weekly_shop(day):
    return "Food & Drink, Weekly shop, 54.37 US dollars, " + spoken_day(day)


app = None
# Set when the weekly shop is saved: its day. Each test that speaks of
# today asks for the day when it runs, so that a run that goes past
# midnight expects what Outlay says then.
ROW_NAME = weekly_shop(datetime.date.today())


# The list of expenses is a grid of one column (GTK 4.8 binds far fewer
# rows in a grid view): a table whose cells are the expenses.
EXPENSE_LIST = "table"
EXPENSE_ROW = "table cell"


def expense_rows():
    listing = find(app.window, EXPENSE_LIST, "Expenses")
    if listing is None:
        return []
    return [acc.name for acc in children(listing) if acc.getRoleName() == EXPENSE_ROW]


def open_editor():
    press(wait_find(app.window, "push button", "New Expense"))
    return wait_find(app.window, "text", "Amount")


def search(words):
    """Ctrl+F's button, then the words; returns the search entry."""
    press(wait_find(app.window, "push button", "Search"))
    entry = wait_find(app.window, "entry", "Search expenses")
    set_text(entry, words)
    wait_for("the match", lambda: expense_rows() == [ROW_NAME])
    return entry


@test
def empty_ledger_is_named():
    wait_find(app.window, "push button", "New Expense")
    assert_all_named(app.window, "empty Expenses page")


@test
def add_expense():
    amount = open_editor()
    set_text(amount, "54.37")
    set_text(wait_find(app.window, "text", "Description"), "Weekly shop")
    assert get_text(amount) == "54.37"
    assert_all_named(app.window, "editor")

    global ROW_NAME
    ROW_NAME = weekly_shop(datetime.date.today())
    press(wait_find(app.window, "push button", "Save"))
    row = wait_find(app.window, EXPENSE_ROW, prefix="Food & Drink, Weekly shop")
    assert row.name == ROW_NAME, "the row reads %r, not %r" % (row.name, ROW_NAME)
    # The day's heading and total come after the row's name.
    assert row.description == "Today, in total 54.37 US dollars", row.description


@test
def invalid_amount_announces_its_error():
    amount = open_editor()
    set_text(amount, "12,345,67")
    # The message is the field's description, and shows in an alert.
    alert = wait_for("the amount's error", lambda: next(
        (acc for acc in find_all(app.window, "alert") if acc.name and not TYPE_NAME.match(acc.name)), None))
    print("# error: " + alert.name)
    assert amount.description == alert.name, (amount.description, alert.name)
    press(wait_find(app.window, "push button", "Cancel"))
    assert expense_rows() == [ROW_NAME]


@test
def waiting_for_another_program_is_named():
    """Another program holds the ledger while Save is pressed: the editor
    says that it waits, every control of that state has a name, and Stop
    Waiting leaves the form as typed."""
    amount = open_editor()
    set_text(amount, "9.99")
    set_text(wait_find(app.window, "text", "Description"), "Held")
    other = sqlite3.connect(os.path.join(app.dir, "outlay.db"), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE outlay_meta SET value = value WHERE key = 'min_writer_version'")
        press(wait_find(app.window, "push button", "Save"))
        stop = wait_find(app.window, "push button", "Stop Waiting")
        # Beside Stop Waiting: a walk of the whole window is slow, and after
        # 30 seconds the message says which program to look for instead.
        status = wait_for("the waiting message", lambda: next(
            (acc for acc, _ in walk(stop.parent)
             if acc.getRoleName() == "status bar" and "changing the ledger" in acc.name), None))
        print("# waiting: %s (%s)" % (status.name, status.getRoleName()))
        assert_all_named(app.window, "editor waiting for another program")
        press(stop)
        wait_for("the wait to end", lambda: find(app.window, "push button", "Stop Waiting") is None)
        assert get_text(amount) == "9.99", get_text(amount)
    finally:
        # Whatever failed, the save must not go through once let go.
        stop = find(app.window, "push button", "Stop Waiting")
        if stop is not None:
            press(stop)
        other.execute("ROLLBACK")
        other.close()
    press(wait_find(app.window, "push button", "Cancel"))
    assert expense_rows() == [ROW_NAME], expense_rows()


@test
def list_is_named():
    wait_find(app.window, EXPENSE_ROW, ROW_NAME)
    assert_all_named(app.window, "Expenses list")


@test
def find_by_search():
    entry = search("weekly")
    wait_find(app.window, "label", "1 matching expense")

    set_text(entry, "zeppelin")
    wait_find(app.window, "label", "No Matching Expenses")
    assert expense_rows() == []

    set_text(entry, "")
    wait_for("the whole list", lambda: expense_rows() == [ROW_NAME])


@test
def delete_and_undo():
    # Enter in the search goes to the results, Enter on a result edits it.
    entry = search("weekly")
    wait_for("the focus in the search", lambda: focused(entry))
    key(KEY_RETURN)
    wait_for("the focus on the match", lambda: focused(find(app.window, EXPENSE_ROW, ROW_NAME)))
    key(KEY_RETURN)
    wait_for("the editor on the expense", lambda: get_text(find(app.window, "text", "Description")) == "Weekly shop")
    press(wait_find(app.window, "push button", "Delete Expense"))

    dialog = wait_for("the confirmation", lambda: app.toplevel("dialog") or app.toplevel("alert"))
    assert find(dialog, "label", "Delete Expense?") is not None
    assert_all_named(dialog, "confirmation")
    press(wait_find(dialog, "push button", "Delete"))
    wait_for("the confirmation to close", lambda: closed(dialog))

    wait_for("the row to go", lambda: ROW_NAME not in expense_rows())
    press(wait_find(app.window, "push button", "Undo"))
    wait_for("the row to come back", lambda: expense_rows() == [ROW_NAME])


@test
def dashboard_is_named_and_charts_have_values():
    press(wait_find(app.window, "page tab", "Dashboard"))
    chart = wait_find(app.window, "image", "Spending by month")
    assert "54.37" in chart.description, "the trend chart says %r" % chart.description
    legend = wait_find(app.window, "list", "Spending by Category")
    items = [acc.name for acc in children(legend)]
    assert items == ["Food & Drink: 54.37 US dollars, 100% of the total, 1 expense"], items
    recent = wait_find(app.window, "list", "Recent Expenses")
    items = [acc.name for acc in children(recent)]
    assert items == [ROW_NAME], items
    assert_all_named(app.window, "Dashboard")
    press(wait_find(app.window, "page tab", "Expenses"))


def outlay_commands(*commands):
    """Runs `outlay --database …` for each of @commands, as another program."""
    for args in commands:
        done = subprocess.run([sys.argv[1], "--database"] + args,
                              env=dict(os.environ, LC_ALL="en_US.UTF-8", LANGUAGE="en_US"),
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def menu_item(label):
    """Opens the main menu and finds its item of @label."""
    menu_button = wait_find(app.window, "push button", "Main Menu")
    # The menu button wraps the toggle button that acts.
    press(next((acc for acc in children(menu_button) if acc.getRoleName() == "push button"), menu_button))
    return wait_for("the %s item" % label,
                    lambda: next((acc for acc, _ in walk(app.app)
                                  if acc.getRoleName() == "menu item"
                                  and acc.name.replace("_", "") == label), None))


@test
def import_window_is_named():
    press(menu_item("Import…"))
    # Without a portal, the GTK file chooser dialog of the program itself
    # (GTK 4.8 gives it no role of a window).
    chooser = wait_for("the file chooser", lambda: app.toplevel("filler"))
    # A slash starts typing a location, as a person would.
    key(KEY_SLASH)
    location = wait_for("the location", lambda: find(chooser, "text") or find(chooser, "entry"))
    set_text(location, FIXTURE)
    press(wait_find(chooser, "push button", "Open"))
    # The program's windows are looked through only once none closes.
    wait_for("the file chooser to close", lambda: closed(chooser))

    # Named as it is titled.
    window = wait_for("the import window named Import Expenses",
                      lambda: app.toplevel("frame", "Import Expenses"))
    wait_find(window, "label", "3 expenses will be imported")
    assert_all_named(window, "import window")
    # The columns folded away: a list row has no action of its own, the
    # keyboard goes to it and unfolds it.
    expander = wait_find(window, "list item", "Other Columns")
    for _ in range(30):
        if focused(expander):
            break
        key(KEY_TAB)
        time.sleep(0.2)
    assert focused(expander), "Tab does not reach Other Columns"
    key(KEY_RETURN)
    wait_find(window, "combo box", "Money In")
    assert_all_named(window, "import window with all columns")

    press(wait_find(window, "push button", "Cancel"))
    wait_for("the import window to close", lambda: closed(window))
    assert app.toplevel("frame") is None, "a window is left after the import window"


@test
def refund_reads_as_one():
    """The Refund switch is named and reached from the editor; a refund
    reads as one, not as a sign a speech synthesizer may drop."""
    today = datetime.date.today()
    amount = open_editor()
    set_text(amount, "12.50")
    set_text(wait_find(app.window, "text", "Description"), "Deposit back")
    refund = wait_find(app.window, "check box", "Refund")
    press(refund)
    wait_for("the switch to turn", lambda: refund.getState().contains(pyatspi.STATE_CHECKED))
    assert_all_named(app.window, "editor of a refund")
    press(wait_find(app.window, "push button", "Save"))
    name = "Food & Drink, Deposit back, refund of 12.50 US dollars, " + spoken_day(today)
    # The search of the tests before may still be on: search for it.
    entry = find(app.window, "entry", "Search expenses")
    if entry is None:
        press(wait_find(app.window, "push button", "Search"))
        entry = wait_find(app.window, "entry", "Search expenses")
    set_text(entry, "deposit")
    wait_for("the refund's row", lambda: expense_rows() == [name])


def named_toplevel(name):
    # GTK 4.8 gives a modal window the role of a filler.
    return next((app.toplevel(role, name) for role in ("frame", "dialog", "filler")
                 if app.toplevel(role, name) is not None), None)


def switch(root, name):
    """A GtkSwitch, whatever role this GTK gives it."""
    return next((acc for acc, _ in walk(root)
                 if acc.getRoleName() in ("check box", "toggle button", "switch") and acc.name == name), None)


@test
def budget_reads_as_one():
    """The Budgets window and the budget editor are named; a budget made
    there reads on the Dashboard as one phrase: what it spent of what it
    has, what is left, and the days to go."""
    today = datetime.date.today()
    press(menu_item("Budgets"))
    window = wait_for("the Budgets window", lambda: named_toplevel("Budgets"))
    wait_find(window, "label", "No Budgets")
    assert_all_named(window, "empty Budgets window")

    press(wait_find(window, "push button", "Add Budget"))
    editor = wait_for("the budget editor", lambda: named_toplevel("New Budget"))
    set_text(wait_find(editor, "text", "Name"), "Groceries")
    set_text(wait_find(editor, "text", "Amount"), "500")
    everything = wait_for("the All Expenses switch", lambda: switch(editor, "All Expenses"))
    press(everything)
    wait_for("the switch to turn off", lambda: not everything.getState().contains(pyatspi.STATE_CHECKED))
    # GTK 4.8 gives a check button no action: the keyboard ticks it.
    food = wait_find(editor, "check box", "Food & Drink")
    for _ in range(40):
        if focused(food):
            break
        key(KEY_TAB)
        time.sleep(0.2)
    assert focused(food), "Tab does not reach Food & Drink"
    key(KEY_SPACE)
    wait_for("Food & Drink to be counted", lambda: food.getState().contains(pyatspi.STATE_CHECKED))
    assert_all_named(editor, "budget editor")
    press(wait_find(editor, "push button", "Add"))
    wait_for("the budget editor to close", lambda: closed(editor))

    # A monthly budget from the first of this month, counted today too.
    next_month = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    days = (next_month - today).days
    # The weekly shop less the deposit back.
    phrase = ("Groceries: 41.87 US dollars of 500 US dollars spent, 458.13 US dollars left, %d %s to go"
              % (days, "day" if days == 1 else "days"))
    # There, the name and then where it stands.
    row = wait_find(window, "list item", "Groceries")
    assert row.description == phrase, "the Budgets window reads %r, not %r" % (row.description, phrase)
    assert_all_named(window, "Budgets window")
    press(wait_find(window, "push button", "Close"))
    wait_for("the Budgets window to close", lambda: closed(window))

    press(wait_find(app.window, "page tab", "Dashboard"))
    row = wait_find(app.window, "list item", prefix="Groceries")
    assert row.name == phrase, "the Dashboard reads %r, not %r" % (row.name, phrase)
    assert_all_named(app.window, "Dashboard with a budget")
    press(wait_find(app.window, "page tab", "Expenses"))


KEY_DOWN = 0xff54


def tab_to(root, acc, what):
    for _ in range(40):
        if focused(acc):
            return
        key(KEY_TAB)
        time.sleep(0.2)
    raise AssertionError("Tab does not reach " + what)


@test
def monthly_recurring_expense_is_named():
    """A monthly recurring expense made in the editor: the Repeat rows are
    named, the next days are read, the expense reads as recurring and its
    editor offers Edit Repetition."""
    today = datetime.date.today()
    amount = open_editor()
    # Little enough to stay below the Groceries budget's alerts: a
    # notification with no notification server is a warning, and the
    # warnings are fatal here.
    set_text(amount, "95")
    set_text(wait_find(app.window, "text", "Description"), "Rent")
    repeat = wait_find(app.window, "combo box", "Repeat")
    tab_to(app.window, repeat, "the Repeat row")
    # Never, weekly, every 2 weeks, then monthly on this day.
    key(KEY_SPACE)
    time.sleep(0.5)
    for _ in range(3):
        key(KEY_DOWN)
        time.sleep(0.2)
    key(KEY_RETURN)
    monthly = "Monthly on day %d" % today.day
    wait_for("the monthly choice", lambda: find(app.window, "label", monthly))
    # The next three days: the next month's day first.
    wait_find(app.window, "label", "Next")
    assert_all_named(app.window, "editor of a repeating expense")

    press(wait_find(app.window, "push button", "Save"))
    entry = find(app.window, "entry", "Search expenses")
    if entry is None:
        press(wait_find(app.window, "push button", "Search"))
        entry = wait_find(app.window, "entry", "Search expenses")
    set_text(entry, "rent")
    # In the category the last expense had.
    ending = ", Rent, 95 US dollars, " + spoken_day(today) + ", recurring"
    wait_for("the recurring expense's row",
             lambda: len(expense_rows()) == 1 and expense_rows()[0].endswith(ending))
    # Its editor says how it repeats, and how to change that.
    wait_find(app.window, "label", monthly)
    wait_find(app.window, "push button", "Edit Repetition")
    assert_all_named(app.window, "editor of a recurring expense's occurrence")


@test
def confirm_due_recurring_expense():
    """A weekly expense to confirm, added by the command line from a week
    ago: the Dashboard's Upcoming group reads it as one phrase and Confirm,
    named for it, writes it."""
    today = datetime.date.today()
    start = today - datetime.timedelta(days=7)
    subprocess.run([sys.argv[1], "--database", os.path.join(app.dir, "outlay.db"), "recurring", "add", "12",
                    "Swimming", "--every", "week", "--from", start.isoformat(), "--mode", "confirm"],
                   check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, LC_ALL="en_US.UTF-8"))
    press(wait_find(app.window, "page tab", "Dashboard"))
    # Due: the first two, a week ago and today.
    confirm = wait_find(app.window, "push button", "Confirm Swimming")

    def due():
        return [acc.name for acc, _ in walk(app.window)
                if acc.getRoleName() == "list item" and acc.name.startswith("Swimming, 12 US dollars, weekly on ")
                and ", due " in acc.name]

    before = wait_for("the due expenses", lambda: due() or None)
    print("# due: " + before[0])
    assert_all_named(app.window, "Dashboard with recurring expenses due")
    press(confirm)
    wait_for("one due fewer", lambda: len(due()) == len(before) - 1)
    press(wait_find(app.window, "page tab", "Expenses"))


@test
def recurring_expense_reads_as_one():
    """The Recurring Expenses window is named, and a recurring expense
    added by the command line reads there as one phrase: its description,
    amount, repetition in words and next day (among those the tests before
    made)."""
    today = datetime.date.today()
    next_month = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    added = subprocess.run(
        [sys.argv[1], "--database", os.path.join(app.dir, "outlay.db"), "recurring", "add", "480", "Insurance",
         "--on-day", "1", "--from", next_month.isoformat(), "--currency", "USD"],
        env=dict(os.environ, LC_ALL="en_US.UTF-8", LANGUAGE="en_US"), capture_output=True, text=True)
    assert added.returncode == 0, added.stderr

    press(menu_item("Recurring Expenses"))
    window = wait_for("the Recurring Expenses window", lambda: named_toplevel("Recurring Expenses"))
    day = spoken_day(next_month) + ("" if next_month.year == today.year else " %d" % next_month.year)
    phrase = "Insurance, 480 US dollars, monthly on day 1, next " + day
    row = wait_find(window, "list item", prefix="Insurance")
    assert row.name == phrase, "the row reads %r, not %r" % (row.name, phrase)
    wait_find(window, "push button", "Actions for “Insurance”")
    assert_all_named(window, "Recurring Expenses window")
    press(wait_find(window, "push button", "Close"))
    wait_for("the Recurring Expenses window to close", lambda: closed(window))


@test
def history_reads_as_one():
    """The History window, from the main menu, is named, and a change of
    the expense the tests before added reads as one phrase: the expense,
    what changed, on which device and when."""
    press(menu_item("History"))
    window = wait_for("the History window", lambda: named_toplevel("History"))
    row = wait_find(window, "list item", prefix="Expense “Weekly shop”: ")
    assert re.match(r"^Expense “Weekly shop”: .+ on This Device, today \d\d:\d\d$", row.name), \
        "the change reads %r" % row.name
    assert_all_named(window, "History window")
    press(wait_find(window, "push button", "Close"))
    wait_for("the History window to close", lambda: closed(window))


def choose_toggle(root, name):
    """Presses the toggle button @name and waits until it is on. GTK 4.8
    may give a toggle button the role of a push button, pressed."""
    toggle = wait_for("the toggle " + name, lambda: next(
        (acc for acc, _ in walk(root)
         if acc.getRoleName() in ("toggle button", "push button") and acc.name == name), None))
    press(toggle)
    wait_for(name + " to be on", lambda: toggle.getState().contains(pyatspi.STATE_CHECKED)
             or toggle.getState().contains(pyatspi.STATE_PRESSED))


@test
def category_is_made_through_the_tree():
    """The Categories window and the category editor are named: a category
    made there with its colour and its icon, toggles named by the colour
    and by what the icon shows, reads in the list as one phrase."""
    press(menu_item("Categories"))
    window = wait_for("the Categories window", lambda: named_toplevel("Categories"))
    row = wait_find(window, "list item", prefix="Food & Drink, ")
    assert row.name.endswith(" expenses") or row.name.endswith(" expense"), row.name
    wait_find(window, "push button", "Actions for “Food & Drink”")
    assert_all_named(window, "Categories window")

    press(wait_find(window, "push button", "New Category"))
    editor = wait_for("the category editor", lambda: named_toplevel("New Category"))
    set_text(wait_find(editor, "text", "Name"), "Pets")
    choose_toggle(editor, "Purple")
    # The icon: searched for, then chosen by its name.
    set_text(wait_find(editor, "entry", "Search icons"), "dog")
    choose_toggle(editor, "Pets")
    assert_all_named(editor, "category editor")
    press(wait_find(editor, "push button", "Save"))
    wait_for("the category editor to close", lambda: closed(editor))

    wait_for("the new category's row",
             lambda: find(window, "list item", "Pets, No expenses") is not None)
    press(wait_find(window, "push button", "Close"))
    wait_for("the Categories window to close", lambda: closed(window))


@test
def rule_is_made_through_the_tree():
    """The Rules page and the rule editor are named: a rule made there
    says what it matches as it is typed and reads in the list as one
    phrase, with its menu named by its place."""
    press(menu_item("Rules"))
    window = wait_for("the Categories window", lambda: named_toplevel("Categories"))
    wait_find(window, "label", "No Rules")
    assert_all_named(window, "Rules page")

    press(wait_find(window, "push button", "Add Rule"))
    editor = wait_for("the rule editor", lambda: named_toplevel("New Rule"))
    set_text(wait_find(editor, "text", "Words"), "Bakery")
    wait_find(editor, "label", prefix="Matches ")
    assert_all_named(editor, "rule editor")
    press(wait_find(editor, "push button", "Add"))
    wait_for("the rule editor to close", lambda: closed(editor))

    wait_find(window, "list item", prefix="Rule 1: Description contains “Bakery”")
    wait_find(window, "push button", "Actions for Rule 1")
    assert_all_named(window, "Rules page")
    press(wait_find(window, "push button", "Close"))
    wait_for("the Categories window to close", lambda: closed(window))


@test
def converted_total_reads_as_one():
    """Euros added and given a rate by the command line: the Dashboard's
    "≈ … in total" under the dollars reads "about … US dollars … in total",
    and opens to how the euros were converted."""
    for args in (["add", "10", "Museum", "--currency", "EUR"],
                 ["rates", "set", "EUR", "1.0813", "--quote", "USD"]):
        done = subprocess.run([sys.argv[1], "--database", os.path.join(app.dir, "outlay.db")] + args,
                              env=dict(os.environ, LC_ALL="en_US.UTF-8", LANGUAGE="en_US"), capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
    press(wait_find(app.window, "page tab", "Dashboard"))

    def converted():
        for acc, _ in walk(app.window):
            if acc.name.startswith("about ") and acc.name.endswith(" in total") and acc.name != "about  in total":
                return acc
        return None

    total = wait_for("the converted total", converted)
    assert "US dollars" in total.name, "it reads %r" % total.name
    press(total)
    wait_find(app.window, "label", prefix="€10.00 → $10.81 at 1 EUR = 1.0813 USD (your rate, ")
    assert_all_named(app.window, "Dashboard with a converted total")
    press(wait_find(app.window, "page tab", "Expenses"))
    # The Currencies page is seen empty next.
    outlay_commands([os.path.join(app.dir, "outlay.db"), "rates", "delete", "EUR", "--quote", "USD"])


@test
def preferences_are_named():
    press(menu_item("Preferences"))
    prefs = wait_for("the Preferences window", lambda: app.toplevel("frame") or app.toplevel("dialog"))
    assert_all_named(prefs, "Preferences")

    # The Currencies page, empty, then with a rate added through its editor.
    press(wait_find(prefs, "page tab", "Currencies"))
    wait_find(prefs, "label", "No Exchange Rates")
    assert_all_named(prefs, "Currencies page")
    press(wait_find(prefs, "push button", "Add Rate"))
    editor = wait_for("the rate editor", lambda: named_toplevel("Add Rate"))
    set_text(wait_find(editor, "text", "Rate"), "0.92")
    assert_all_named(editor, "rate editor")
    press(wait_find(editor, "push button", "Save"))
    wait_for("the rate editor to close", lambda: closed(editor))
    wait_find(prefs, "push button", prefix="Delete 1 ")
    assert_all_named(prefs, "Currencies page with a rate")

    # The Sync page, not syncing; then syncing with another device, set up
    # with the command line while the window is open; then left the same
    # way (GTK 4.8 gives an activatable row no action to press).
    press(wait_find(prefs, "page tab", "Sync"))
    wait_find(prefs, "list item", prefix="Choose Folder")
    assert_all_named(prefs, "Sync page")
    folder = os.path.join(app.dir, "Sync")
    os.mkdir(folder)
    phone = os.path.join(app.dir, "phone.db")
    ledger = os.path.join(app.dir, "outlay.db")
    outlay_commands([phone, "sync", "setup", folder, "--name", "Phone"], [phone, "sync"],
                    [ledger, "sync", "setup", folder])
    wait_find(prefs, "push button", "Sync Now")
    wait_find(prefs, "list item", prefix="Phone")
    assert_all_named(prefs, "Sync page while syncing")
    outlay_commands([ledger, "sync", "leave"])
    wait_find(prefs, "list item", prefix="Choose Folder")


@test
def damaged_ledger_is_named():
    global app
    # One Outlay at a time: a second would hand its window to the first.
    app.close()
    app = None
    app = Outlay(sys.argv[1], damaged=True)
    wait_find(app.window, "label", "Your Expenses File Is Damaged")
    wait_find(app.window, "list item", prefix="Restore the Newest Good Backup")
    wait_find(app.window, "list item", prefix="Save What Can Be Read")
    assert_all_named(app.window, "damaged ledger page")


def main():
    global app, failures

    if len(sys.argv) != 2:
        print("usage: test-a11y.py OUTLAY-BINARY", file=sys.stderr)
        return 2

    try:
        pyatspi.Registry.getDesktop(0).childCount
    except Exception as error:  # noqa: BLE001
        skip("no accessibility bus: %s" % error)

    app = Outlay(sys.argv[1])
    try:
        print("1..%d" % len(tests))
        for number, func in enumerate(tests, 1):
            try:
                func()
                print("ok %d %s" % (number, func.__name__))
            except Exception as error:  # noqa: BLE001 (a failed AT-SPI call fails the test)
                failures += 1
                print("not ok %d %s" % (number, func.__name__))
                for line in str(error).splitlines() or ["assertion failed"]:
                    print("# " + line)
            sys.stdout.flush()
    finally:
        if app is not None:
            app.close()

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
