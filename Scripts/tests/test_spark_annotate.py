"""Tests of Scripts/spark-annotate on Spark in local[2]: its rows equal the CLI's own annotation of each article,
read as a file of its own, for NDJSON and Parquet input, with ids and texts that hold line breaks.

Needs the debug binary that Scripts/test builds first (or $GAZETTEER_BINARY) and Java 17; pyspark and pyarrow
are installed into .build/spark-venv on first use. Run with `python3 -m pytest Scripts/tests`."""
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "Scripts" / "spark-annotate"
FIXTURES = ROOT / "Tests" / "AnnotationTests" / "Fixtures"
BINARY = Path(os.environ.get("GAZETTEER_BINARY", ROOT / ".build" / "debug" / "gazetteer"))
COLUMNS = ["id", "start", "end", "text", "place_id", "name", "country", "lat", "lon", "score"]

# Articles on the annotation tests' gazetteer, with the line breaks a Parquet or JSON text can hold (LF, CR LF,
# a lone CR, NEL, U+2028) between and around names, ids that are no file name, and articles with no mention.
ARTICLES = [
    ("a1", "Shelling was reported near Goris and Jermuk on Tuesday."),
    ("a2\nwith a line feed", "Officials in Yerevan\nsaid that Goris\nwas quiet.\n"),
    ("a3\r\n", "Baku\r\nand Ganja\r\nreported damage. Residents of Xankəndi fled to Goris."),
    ("a4 ünïcödé ⟦id⟧", "Джермук и Горис.\u2028Ջերմուկ\u0085Tbilisi\rGori"),
    ("a5", ""),
    ("a6", "nothing here names a place at all"),
    ("a7", "\n\nParis\n\n"),
    ("a8", "The delegation flew from London to Baku, then on to Tbilisi and Yerevan.\n" * 3),
    ("a9", "Refugees reached Sisian on Monday."),
]
# A place whose coordinates JSON writes as integers (40, 46), which the Parquet double columns must take.
INTEGRAL_PLACE = "9000001\tSisian\tSisian\t\t40\t46\tP\tPPL\tAM\t\t08\t\t\t\t14894\t\t1600\tAsia/Yerevan\t2024-01-01\n"


def spark_support():
    loader = importlib.machinery.SourceFileLoader("spark_annotate", str(SCRIPT))
    spec = importlib.util.spec_from_loader("spark_annotate", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def venv_python():
    module = spark_support()
    return str(module.pinned_venv.ensure("spark", module.PYSPARK))


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    assert BINARY.is_file(), f"no gazetteer binary at {BINARY}: run `swift build` first (or set GAZETTEER_BINARY)"
    assert shutil.which("java"), "spark-annotate needs Java 17 on PATH"
    folder = tmp_path_factory.mktemp("db")
    path = folder / "fixture.sqlite"
    (folder / "integral.txt").write_text(INTEGRAL_PLACE, encoding="utf-8")
    subprocess.run([str(BINARY), "import", "geonames", str(FIXTURES / "places.txt"), str(folder / "integral.txt"),
                    "--alternate-names", str(FIXTURES / "alternateNames.txt"), "--admin1", str(FIXTURES / "admin1.txt"),
                    "--countries", str(FIXTURES / "countryInfo.txt"), "--curated", str(FIXTURES / "curated"),
                    "--out", str(path)], check=True, capture_output=True)
    return path


def floating(value):
    return None if value is None else float(value)


def cli_rows(database, tmp_path):
    """The CLI's mentions of each article, each read whole from a file of its own."""
    files = []
    for number, (_, text) in enumerate(ARTICLES):
        path = tmp_path / f"article-{number}.txt"
        path.write_bytes(text.encode("utf-8"))
        files.append(str(path))
    process = subprocess.run([str(BINARY), "annotate", "--format", "ndjson", "--db", str(database), *files],
                             check=True, capture_output=True, text=True)
    documents = [json.loads(line) for line in process.stdout.splitlines()]
    assert [d["document"] for d in documents] == files
    rows = []
    for (identifier, text), document in zip(ARTICLES, documents):
        for mention in document["mentions"]:
            place = mention["place"] or {}
            assert text[mention["start"]:mention["end"]] == mention["text"]
            rows.append((identifier, mention["start"], mention["end"], mention["text"], place.get("id"),
                         place.get("name"), place.get("country"), floating(place.get("lat")),
                         floating(place.get("lon")), floating(mention["score"])))
    return sorted(rows, key=repr)


def read_parquet(python, folder):
    code = ("import json, sys, pyarrow.parquet as pq\n"
            "table = pq.read_table(sys.argv[1])\n"
            "print(json.dumps({'schema': [(f.name, str(f.type)) for f in table.schema], 'rows': table.to_pylist()}))")
    process = subprocess.run([python, "-c", code, str(folder)], check=True, capture_output=True, text=True)
    return json.loads(process.stdout)


def write_parquet(python, path):
    code = ("import json, sys, pyarrow as pa, pyarrow.parquet as pq\n"
            "articles = json.loads(sys.stdin.read())\n"
            "pq.write_table(pa.table({'id': [i for i, _ in articles], 'text': [t for _, t in articles],"
            " 'section': ['news'] * len(articles)}), sys.argv[1])")
    numbered = [(number, text) for number, (_, text) in enumerate(ARTICLES)]
    subprocess.run([python, "-c", code, str(path)], input=json.dumps(numbered), check=True, text=True)


def spark_annotate(database, source, output, *options):
    return subprocess.run([sys.executable, str(SCRIPT), "--binary", str(BINARY), "--db", str(database),
                           "--master", "local[2]", *options, str(source), str(output)],
                          capture_output=True, text=True)


def test_ndjson_rows_equal_the_cli(database, venv_python, tmp_path):
    source = tmp_path / "articles.ndjson"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in ARTICLES), encoding="utf-8")
    process = spark_annotate(database, source, tmp_path / "out", "--partitions", "3")
    assert process.returncode == 0, process.stderr
    table = read_parquet(venv_python, tmp_path / "out")
    assert [name for name, _ in table["schema"]] == COLUMNS
    assert dict(table["schema"])["id"] == "string"
    rows = sorted((tuple(row[c] for c in COLUMNS) for row in table["rows"]), key=repr)
    expected = cli_rows(database, tmp_path)
    # The fixture gazetteer finds places in most articles, and in those whose ids and texts hold line breaks.
    assert len({row[0] for row in expected}) >= 5
    assert {"a2\nwith a line feed", "a3\r\n", "a4 ünïcödé ⟦id⟧", "a7"} <= {row[0] for row in expected}
    assert ("a9", "Sisian", 40, 46) in {(row[0], row[3], row[7], row[8]) for row in expected}
    assert rows == expected


def test_parquet_input_keeps_the_id_type(database, venv_python, tmp_path):
    source = tmp_path / "articles.parquet"
    write_parquet(venv_python, source)
    process = spark_annotate(database, source, tmp_path / "out")
    assert process.returncode == 0, process.stderr
    table = read_parquet(venv_python, tmp_path / "out")
    assert dict(table["schema"])["id"] == "int64"
    rows = sorted((tuple(row[c] for c in COLUMNS) for row in table["rows"]), key=repr)
    numbers = {identifier: number for number, (identifier, _) in enumerate(ARTICLES)}
    expected = sorted(((numbers[row[0]],) + row[1:] for row in cli_rows(database, tmp_path)), key=repr)
    assert rows == expected


def test_bad_input_is_one_line_and_writes_nothing(database, tmp_path):
    source = tmp_path / "articles.ndjson"
    source.write_text(json.dumps({"id": 1, "body": "Goris"}) + "\n", encoding="utf-8")
    process = spark_annotate(database, source, tmp_path / "out")
    assert process.returncode != 0
    assert process.stderr.strip().splitlines()[-1] == (
        f"spark-annotate: error: {source}: no column text (columns: body, id)")
    assert not (tmp_path / "out").exists()
