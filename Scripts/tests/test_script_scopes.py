"""Python resolves a name assigned anywhere in a function as local throughout it, so a function that assigns
to the name of a module-level function breaks every call to that function within it, and only on the path
that runs it: `Scripts/bench` once did, in `table = ...` of its `--serve` branch, which made the full run fail
with UnboundLocalError after minutes of measuring. This checks every Python script for such shadowing."""
import symtable
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1]


def python_scripts():
    for path in sorted(SCRIPTS.rglob("*")):
        if path.is_file() and "tests" not in path.parts and ".build" not in path.parts:
            head = path.read_bytes()[:64]
            if path.suffix == ".py" or head.startswith(b"#!/usr/bin/env python3"):
                yield path


def shadowed(path):
    """(function, name) pairs where a function assigns a local that is one of the module's functions."""
    top = symtable.symtable(path.read_text(encoding="utf-8"), str(path), "exec")
    module_functions = {child.get_name() for child in top.get_children() if child.get_type() == "function"}
    found = []

    def visit(table):
        for child in table.get_children():
            if child.get_type() == "function":
                for symbol in child.get_symbols():
                    if symbol.is_assigned() and symbol.is_local() and not symbol.is_parameter() \
                            and symbol.get_name() in module_functions:
                        found.append((child.get_name(), symbol.get_name()))
            visit(child)

    visit(top)
    return found


@pytest.mark.parametrize("path", list(python_scripts()), ids=lambda path: str(path.relative_to(SCRIPTS)))
def test_no_function_shadows_a_module_function(path):
    assert shadowed(path) == []


def test_the_check_sees_the_shadowing_that_broke_bench(tmp_path):
    script = tmp_path / "example.py"
    script.write_text("def table():\n    return 1\n\ndef main(serve):\n    if serve:\n        table = 2\n"
                      "        return table\n    return table()\n", encoding="utf-8")
    assert shadowed(script) == [("main", "table")]
