"""Runs `gazetteer annotate` on many documents in one process, for the evaluation scripts."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
RELEASE = ROOT / ".build" / "release" / "gazetteer"


def one_line(text):
    """The document as one input line with the same scalar offsets: each \\r and \\n becomes U+2028, which the
    annotator reads as a line break (turning \\r\\n into one character would shift every later offset)."""
    return text.replace("\r", "\u2028").replace("\n", "\u2028")


def ensure_binary(binary):
    """Builds the release command when the default binary is asked for and missing."""
    if not Path(binary).exists():
        if Path(binary) != RELEASE:
            sys.exit(f"{Path(sys.argv[0]).name}: {binary}: no such gazetteer binary")
        subprocess.run(["swift", "build", "-c", "release", "--product", "gazetteer"], cwd=ROOT, check=True)


def annotate(binary, db, texts, extra=()):
    """The mentions of each text (a list of dicts with start, end, text, place…), in one process."""
    command = [str(binary), "annotate", "--format", "ndjson", "--lines", *extra]
    if db:
        command += ["--db", str(db)]
    payload = "".join(one_line(text) + "\n" for text in texts)
    process = subprocess.run(command, input=payload, capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"{Path(sys.argv[0]).name}: {' '.join(command)} failed: {process.stderr.strip()[:2000]}")
    # Split at \n only: str.splitlines would also split at a U+2028 inside a mention's text.
    results = [json.loads(line)["mentions"] for line in process.stdout.split("\n") if line.strip()]
    if len(results) != len(texts):
        sys.exit(f"{Path(sys.argv[0]).name}: {len(texts)} documents in, {len(results)} out")
    return results
