"""The peers Scripts/bench measures beside gazetteer, on the same inputs; run in the benchmark's virtual
environment. Each command prints one JSON object with its own timing (loading excluded), in CPU seconds of the
process (time.process_time), so that its MB/s is per core like ours on a loaded machine; the whole process is
timed from outside as well.

  peers.py geotext CORPUS          geotext on each line of CORPUS (an article per line)
  peers.py aho NAMES CORPUS        a pyahocorasick dictionary matcher over the names of NAMES (one per line,
                                   case as written, 3+ characters, whole words, longest match first)
  peers.py rapidfuzz NAMES QUERIES the nearest name (Levenshtein, at most 2 edits, case-folded) for each query
"""
import json
import statistics
import sys
import time


def lines(path):
    with open(path, encoding="utf-8") as file:
        return [line.rstrip("\n") for line in file if line.strip()]


def geotext(corpus):
    from geotext import GeoText
    texts = lines(corpus)
    start = time.process_time()
    mentions = 0
    for text in texts:
        places = GeoText(text)
        mentions += len(places.cities) + len(places.countries)
    return {"seconds": time.process_time() - start, "mentions": mentions}


def aho(names, corpus):
    import ahocorasick
    start = time.process_time()
    automaton = ahocorasick.Automaton()
    for name in set(lines(names)):
        if len(name) >= 3:
            automaton.add_word(name, len(name))
    automaton.make_automaton()
    texts = lines(corpus)
    loaded = time.process_time()
    mentions = 0
    for text in texts:
        for end, length in automaton.iter_long(text):
            start_index = end - length + 1
            if (start_index == 0 or not text[start_index - 1].isalnum()) and \
                    (end + 1 == len(text) or not text[end + 1].isalnum()):
                mentions += 1
    return {"seconds": time.process_time() - loaded, "load_seconds": loaded - start, "mentions": mentions}


def rapidfuzz(names, queries):
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    choices = sorted({name.casefold() for name in lines(names)})
    microseconds, found = [], 0
    for query in lines(queries):
        start = time.perf_counter()
        best = process.extractOne(query.casefold(), choices, scorer=Levenshtein.distance, score_cutoff=2)
        microseconds.append((time.perf_counter() - start) * 1e6)
        found += best is not None
    return {"median_us": statistics.median(microseconds), "queries": len(microseconds), "found": found}


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    print(json.dumps({"geotext": geotext, "aho": aho, "rapidfuzz": rapidfuzz}[command](*arguments)))
