"""A virtual environment per tool under .build/ (git-ignored), with pinned packages from PyPI, for the scripts
whose Python dependencies should not touch the machine's Python."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def ensure(name, requirements):
    """The python of `.build/<name>-venv`, created or updated so that it holds exactly `requirements` (pinned)."""
    venv = ROOT / ".build" / f"{name}-venv"
    python = venv / "bin" / "python"
    stamp = venv / "requirements.txt"
    wanted = "\n".join(requirements) + "\n"
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    print(f"{Path(sys.argv[0]).name}: installing {' '.join(requirements)} into {venv}", file=sys.stderr)
    process = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              *requirements], capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"{Path(sys.argv[0]).name}: pip could not install {' '.join(requirements)}: "
                 f"{process.stderr.strip()[-1500:]}")
    stamp.write_text(wanted)
    return python


def reexec_inside(name, requirements):
    """Runs this script again with the venv's python, unless it already runs there."""
    python = ensure(name, requirements)
    if Path(sys.prefix).resolve() != python.parent.parent.resolve():
        os.execv(str(python), [str(python), sys.argv[0], *sys.argv[1:]])
