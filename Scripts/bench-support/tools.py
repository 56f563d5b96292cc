"""What Scripts/bench and Scripts/growth-curve share: where the measured binaries live, how a step runs and
fails, how they are built, and the machine's processor."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CLI = ROOT / ".build/bench-main/release/gazetteer"
PROBE = ROOT / "Benchmarks/.build/release/resolve-latency"


def fail(message):
    sys.exit(f"{Path(sys.argv[0]).name}: {message}")


def run(command, step, stdin=None, stdout=subprocess.PIPE, ok=(0,), cwd=None):
    """Runs `command`; a failure stops the script with the step's name and the command's last words."""
    result = subprocess.run([str(part) for part in command], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                            text=True, cwd=cwd)
    if result.returncode not in ok:
        fail(f"{step} failed (exit {result.returncode}): {' '.join(map(str, command))}\n"
             f"{(result.stderr or result.stdout or '')[-3000:]}")
    return result.stdout


def freshen(scratch, binary):
    """Drops the project's objects and SwiftPM's cached build plan in `scratch` when a source is newer than
    `binary`: SwiftPM 6.3.1 keeps objects of modules that only import a changed one (they then read an old
    layout) and reuses a plan that lacks files added since (the build fails on their declarations)."""
    if not binary.exists():
        return
    built = binary.stat().st_mtime
    sources = [ROOT / "Package.swift", ROOT / "Benchmarks/Package.swift", *(ROOT / "Sources").rglob("*")]
    if not any(path.is_file() and path.stat().st_mtime > built for path in sources):
        return
    for module in (ROOT / "Sources").iterdir():
        for obj in (scratch / "release" / f"{module.name}.build").glob("*.o"):
            obj.unlink()
    (scratch / "release.yaml").unlink(missing_ok=True)


def build_command():
    """The release command, in its own scratch path so that the developer's build is left alone."""
    freshen(ROOT / ".build/bench-main", CLI)
    run(["swift", "build", "-c", "release", "--scratch-path", ROOT / ".build/bench-main", "--product", "gazetteer"],
        "building gazetteer", cwd=ROOT)


def build_measured():
    """The release command and the latency probe."""
    build_command()
    freshen(ROOT / "Benchmarks/.build", PROBE)
    run(["swift", "build", "-c", "release", "--package-path", ROOT / "Benchmarks", "--product", "resolve-latency"],
        "building resolve-latency", cwd=ROOT)


def processor():
    """The processor's model and core count, e.g. "AMD EPYC, 2 cores"."""
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return f"{model}, {os.cpu_count()} cores"


def database_names(database):
    """Every name of a gazetteer database as written, place by place: the records of each `place_name` blob
    (Sources/GazetteerStore/Database/StoredNames.swift), of which the name comes after a gap number, a flags
    byte and a source number."""
    def varint(blob, offset):
        value = shift = 0
        while True:
            byte = blob[offset]
            offset += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value, offset
            shift += 7

    names = []
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    for (blob,) in connection.execute("SELECT names FROM place_name ORDER BY pid"):
        offset = 0
        while offset < len(blob):
            _, offset = varint(blob, offset)
            flags = blob[offset]
            _, offset = varint(blob, offset + 1)
            length, offset = varint(blob, offset)
            names.append(blob[offset:offset + length].decode("utf-8"))
            offset += length
            for present in (flags & 32, flags & 8, flags & 16):  # language, search key, citation
                if present:
                    length, offset = varint(blob, offset)
                    offset += length
    connection.close()
    return names
