"""Natasha's news NER on documents: reads a JSON list of texts on standard input, writes a JSON list with each
text's spans ({start, end, type, text}; offsets in Unicode scalars, end exclusive; types LOC, PER, ORG).
Runs in the virtual environment that Scripts/compare-natasha makes; the model ships in the natasha wheel."""
import json
import sys

from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter


def main():
    segmenter = Segmenter()
    tagger = NewsNERTagger(NewsEmbedding())
    results = []
    for text in json.load(sys.stdin):
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        results.append([{"start": s.start, "end": s.stop, "type": s.type, "text": s.text} for s in doc.spans])
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
