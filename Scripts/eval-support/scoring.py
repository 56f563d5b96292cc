"""Recognition scores of predicted place mentions against gold entities: overall, per language and per gold type.

A predicted mention matches a gold place when their spans overlap (one-to-one, gold in order, the first free
prediction); exact-span matches are counted too. Gold entities of other types (PER, ORG…) do not count as
places, but a prediction that hits one is reported by that type, since "a person read as a place" is the error
to fix. With `ignore_inside_org`, a prediction that matches no gold place but overlaps an organisation span is
left out (for gold that does not mark places inside organisation names).

Per gold type T: recall is over the gold mentions of type T; precision counts the predictions matched to T
against those that match no place at all (matches with other place types are neither).
"""
from dataclasses import dataclass, field

DEFAULT_PLACE_TYPES = ("LOC", "GPE", "LOCATION", "GEOLOC", "GEO", "GEOPOLIT", "LOCORG", "TOPONYM", "PLACE")
DEFAULT_ORG_TYPES = ("ORG", "ORGANIZATION", "ORGANISATION", "ORGANIZATION_NAME", "CORP")
NO_ENTITY = "(none)"


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    exact: int = 0

    @property
    def precision(self):
        return self.true_positive / max(1, self.true_positive + self.false_positive)

    @property
    def recall(self):
        return self.true_positive / max(1, self.true_positive + self.false_negative)

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self):
        return {"gold": self.true_positive + self.false_negative, "found": self.true_positive,
                "spurious": self.false_positive, "exact": self.exact, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class DocumentResult:
    """What scoring found in one document: matched pairs, missed gold, spurious predictions, ignored ones."""
    document: object
    pairs: list
    missed: list
    spurious: list
    ignored: list


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    languages: dict = field(default_factory=dict)
    types: dict = field(default_factory=dict)
    # Spurious predictions by the gold type they overlap (PER, ORG…, or NO_ENTITY).
    false_places: dict = field(default_factory=dict)
    ignored_inside_org: int = 0
    other_entities: int = 0
    documents: list = field(default_factory=list)

    def as_dict(self):
        return {"documents": len(self.documents), "other_entities": self.other_entities,
                "all": self.overall.as_dict(),
                "languages": {k: v.as_dict() for k, v in sorted(self.languages.items())},
                "types": {k: v.as_dict() for k, v in sorted(self.types.items())},
                "false_places": dict(sorted(self.false_places.items())),
                "ignored_inside_org": self.ignored_inside_org}


def overlaps(entity, start, end):
    return any(s < end and start < e for s, e in entity.get("fragments") or [(entity["start"], entity["end"])])


def pair(golds, predictions):
    """One-to-one pairs of overlapping spans: each gold mention, in order, takes the first free prediction."""
    pairs, used = [], set()
    for gold in golds:
        for index, predicted in enumerate(predictions):
            if index not in used and overlaps(gold, predicted["start"], predicted["end"]):
                pairs.append((gold, predicted))
                used.add(index)
                break
    return pairs


def score(documents, predictions, place_types=DEFAULT_PLACE_TYPES, org_types=DEFAULT_ORG_TYPES,
          ignore_inside_org=False):
    """Scores `predictions` (one list of mentions with start and end per document) against the documents' gold."""
    places = {t.casefold() for t in place_types}
    orgs = {t.casefold() for t in org_types}
    report = Report()
    for document, predicted in zip(documents, predictions, strict=True):
        golds = [e for e in document.entities if e["type"].casefold() in places]
        others = [e for e in document.entities if e["type"].casefold() not in places]
        report.other_entities += len(others)
        predicted = sorted(predicted, key=lambda m: (m["start"], m["end"]))
        pairs = pair(golds, predicted)
        matched = {id(p) for _, p in pairs}
        found = {id(g) for g, _ in pairs}
        spurious, ignored = [], []
        for mention in predicted:
            if id(mention) in matched:
                continue
            hits = [e for e in others if overlaps(e, mention["start"], mention["end"])]
            if ignore_inside_org and any(e["type"].casefold() in orgs for e in hits):
                ignored.append(mention)
                continue
            spurious.append(mention)
            kind = hits[0]["type"] if hits else NO_ENTITY
            report.false_places[kind] = report.false_places.get(kind, 0) + 1
        missed = [g for g in golds if id(g) not in found]
        exact = sum(g["start"] == p["start"] and g["end"] == p["end"] for g, p in pairs)
        report.ignored_inside_org += len(ignored)
        report.documents.append(DocumentResult(document, pairs, missed, spurious, ignored))

        language = report.languages.setdefault(document.language, Counts())
        for counts in (report.overall, language):
            counts.true_positive += len(pairs)
            counts.false_negative += len(missed)
            counts.false_positive += len(spurious)
            counts.exact += exact
        for type_ in {g["type"] for g in golds}:
            counts = report.types.setdefault(type_, Counts())
            counts.true_positive += sum(g["type"] == type_ for g, _ in pairs)
            counts.exact += sum(g["type"] == type_ and g["start"] == p["start"] and g["end"] == p["end"]
                                for g, p in pairs)
            counts.false_negative += sum(g["type"] == type_ for g in missed)
    for counts in report.types.values():
        counts.false_positive = report.overall.false_positive
    return report


def format_report(name, report):
    """The report as a small table: all, each language, each gold place type; then what the false places were."""
    overall = report.overall
    lines = [f"{name}: {len(report.documents)} docs, {overall.true_positive + overall.false_negative} gold places, "
             f"{report.other_entities} other gold entities",
             f"  {'':<14}{'gold':>7}{'found':>7}{'exact':>7}{'spurious':>9}{'P':>8}{'R':>7}{'F1':>7}"]

    def row(label, counts):
        lines.append(f"  {label:<14}{counts.true_positive + counts.false_negative:>7}{counts.true_positive:>7}"
                     f"{counts.exact:>7}{counts.false_positive:>9}"
                     f"{counts.precision:>8.3f}{counts.recall:>7.3f}{counts.f1:>7.3f}")

    row("all", overall)
    if len(report.languages) > 1 or any(k != "und" for k in report.languages):
        for language, counts in sorted(report.languages.items()):
            row(f"lang {language}", counts)
    if len(report.types) > 1 or report.other_entities:
        for type_, counts in sorted(report.types.items()):
            row(f"type {type_}", counts)
    if any(language.endswith("*") for language in report.languages):
        lines.append("  (* language guessed from the script)")
    if report.other_entities or report.ignored_inside_org:
        hits = ", ".join(f"{kind} {n}" for kind, n in sorted(report.false_places.items(), key=lambda kv: -kv[1]))
        lines.append(f"  spurious places by the gold entity they hit: {hits or 'none'}")
    if report.ignored_inside_org:
        lines.append(f"  not counted: {report.ignored_inside_org} places inside organisation names the gold does not mark")
    return "\n".join(lines)


def misses(report, describe=lambda mention: ""):
    """One line per missed gold mention and per spurious prediction, for reading the errors."""
    lines = []
    for result in report.documents:
        doc = result.document.id
        lines += [f"  missed {doc}: {g['surface']!r} ({g['type']}) at {g['start']}" for g in result.missed]
        lines += [f"  spurious {doc}: {p['text']!r} at {p['start']}{describe(p)}" for p in result.spurious]
    return lines
