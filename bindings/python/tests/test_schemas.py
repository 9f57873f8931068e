# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The JSON Schemas of the documents (`activering rules schema`, docs/schemas.md), with a real validator (Debian's
python3-jsonschema, draft 2020-12, formats checked).

- Each schema is itself a valid draft 2020-12 schema, in every language of the rule set.
- The project's documents validate: the examples, the inputs of tests/cases, the golden outputs, and a few thousand
  documents the tool writes from bench/gen-caseload.py and bench/gen-trajectories.py with a fixed seed.
- Schema and library agree on facts, trajectory and organisation documents, valid and mutated (wrong types, values
  outside an enum, unknown keys, bad dates, numbers out of range, …): what one refuses, the other refuses. The few
  cases where they cannot agree (rules across members, byte lengths, JSON text a parser normalises) are listed in
  SCHEMA_CANNOT_SAY below and in docs/schemas.md, and each is checked to be what the list says.
"""
import copy
import json
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import activering

SRCDIR = pathlib.Path(os.environ.get("ACTIVERING_SRCDIR", pathlib.Path(__file__).resolve().parents[3]))
TOOL = os.environ.get("ACTIVERING", str(SRCDIR / "_build" / "tools" / "activering"))
SEED = "16"

pytestmark = pytest.mark.skipif(not os.access(TOOL, os.X_OK), reason=f"no activering tool at {TOOL}")


def tool(*args, stdin=None) -> str:
    done = subprocess.run([TOOL, *map(str, args)], input=stdin, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def json_lines(text: str) -> list:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def documents_in(text: str) -> list:
    """The JSON documents of a file that holds them one per line or pretty-printed one after another, skipping
    lines that are not JSON (messages on standard error kept in a golden file)."""
    decoder, found, i = json.JSONDecoder(), [], 0
    while i < len(text):
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if i >= len(text):
            break
        try:
            document, i = decoder.raw_decode(text, i)
            found.append(document)
        except json.JSONDecodeError:
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
    return [d for d in found if isinstance(d, dict)]


@pytest.fixture(scope="session")
def formats():
    return tool("rules", "schema").split()


@pytest.fixture(scope="session")
def validators(formats):
    return {f: Draft202012Validator(json.loads(tool("rules", "schema", f, "--lang", "en")),
                                    format_checker=FormatChecker()) for f in formats}


def problems(validators, document, format=None) -> list:
    """What the schema of @format (by default, of the document's own "format") finds wrong with @document."""
    format = format or document.get("format")
    validator = validators.get(format)
    assert validator is not None, f"no schema for {format!r}"
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in validator.iter_errors(document)]


def assert_all_valid(validators, documents, what):
    assert documents, f"{what}: no documents"
    for number, document in enumerate(documents):
        found = problems(validators, document)
        assert not found, f"{what}: document {number} ({document.get('id')}): {found[:3]}"


# ---- the schemas themselves ----

def test_the_formats(formats):
    assert formats == ["activering.facts/1", "activering.result/1", "activering.outcomes/1", "activering.trajectory/1",
                       "activering.trajectory-report/1", "activering.organisation/1", "activering.roles/1",
                       "activering.error/1"]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_each_schema_is_a_valid_schema(formats, lang):
    titles = set()
    for f in formats:
        schema = json.loads(tool("rules", "schema", f, "--lang", lang))
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["properties"]["format"] == {"const": f}
        titles.add(schema["title"])
    assert len(titles) == len(formats)


def test_descriptions_follow_the_language():
    nl = json.loads(tool("rules", "schema", "activering.facts/1"))
    fr = json.loads(tool("rules", "schema", "activering.facts/1", "--lang", "fr"))
    assert nl["properties"]["income"]["properties"]["status"]["description"] == "Inkomensstatuut"
    assert fr["properties"]["income"]["properties"]["status"]["description"] != nl["properties"]["income"][
        "properties"]["status"]["description"]


def test_unknown_format_and_language():
    done = subprocess.run([TOOL, "rules", "schema", "activering.facts/9"], capture_output=True, text=True)
    assert done.returncode == 2
    assert 'no schema for the format "activering.facts/9" (known: activering.facts/1, ' in done.stderr
    done = subprocess.run([TOOL, "rules", "schema", "activering.facts/1", "--lang", "de"], capture_output=True,
                          text=True)
    assert done.returncode == 2 and 'no texts in "de"' in done.stderr


# ---- the project's documents ----

def test_examples(validators):
    documents = []
    for pattern in ("examples/facts/*.json", "examples/trajectories/*.json", "examples/organisations/*.json"):
        for path in sorted(SRCDIR.glob(pattern)):
            documents.append(json.loads(path.read_text(encoding="utf-8")))
    documents += json_lines((SRCDIR / "examples" / "caseload.jsonl").read_text(encoding="utf-8"))
    assert {d["format"] for d in documents} == {"activering.facts/1", "activering.trajectory/1",
                                                 "activering.organisation/1"}
    assert_all_valid(validators, documents, "examples")


def test_rule_case_inputs(validators):
    """The facts, trajectories and organisations of tests/cases, completed as the case runner completes them."""
    documents = []
    for path in sorted((SRCDIR / "tests" / "cases").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")).get("cases", []):
            for key, kind in (("facts", "facts"), ("trajectory", "trajectory"), ("organisation", "organisation")):
                if isinstance(case.get(key), dict):
                    documents.append({"format": f"activering.{kind}/1", "id": case["name"][:200], **case[key]})
    assert len(documents) > 300
    assert_all_valid(validators, documents, "tests/cases")


def test_golden_outputs(validators):
    documents = []
    for path in sorted((SRCDIR / "tests" / "golden").iterdir()):
        if path.name.startswith("bad-"):
            continue  # inputs that are wrong on purpose
        text = path.read_text(encoding="utf-8", errors="replace")
        documents += [d for d in documents_in(text) if d.get("format") in validators]
    kinds = {d["format"] for d in documents}
    assert {"activering.result/1", "activering.outcomes/1", "activering.trajectory/1",
            "activering.trajectory-report/1", "activering.roles/1", "activering.facts/1"} <= kinds
    assert_all_valid(validators, documents, "tests/golden")


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """The tool's documents on a synthetic caseload (fixed seed): facts, results in two languages, outcomes,
    trajectories with the same ids, their reports with facts (next steps), role assignments in both example
    organisations, and the error documents of a batch with bad lines."""
    work = tmp_path_factory.mktemp("schemas")
    caseload = work / "caseload.jsonl"
    caseload.write_text(subprocess.run([sys.executable, SRCDIR / "bench" / "gen-caseload.py", "--count", "1500",
                                        "--seed", SEED], capture_output=True, text=True, check=True).stdout)
    text = subprocess.run([sys.executable, SRCDIR / "bench" / "gen-trajectories.py", "--count", "400", "--events",
                           "30", "--seed", SEED], capture_output=True, text=True, check=True).stdout
    trajectories = work / "trajectories.jsonl"
    trajectories.write_text(text.replace('"id":"traj-', '"id":"synth-'))
    head = work / "head.jsonl"
    head.write_text("".join(caseload.read_text().splitlines(True)[:400]))
    organisations = sorted(SRCDIR.glob("examples/organisations/*.json"))
    out = {
        "facts": json_lines(caseload.read_text()),
        "trajectories": json_lines(trajectories.read_text()),
        "results": json_lines(tool("eligibility", "--jsonl", head)),
        "results-fr": json_lines(tool("eligibility", "--jsonl", "--lang", "fr", "--as-of", "2024-02-29", head)),
        "outcomes": json_lines(tool("eligibility", "--jsonl", "--compact", caseload)),
        "reports": json_lines(tool("trajectory", "--jsonl", "--facts", caseload, trajectories)),
        "roles": json_lines(tool("roles", "--jsonl", "--organisation", organisations[0], "--trajectory", trajectories,
                                 head))
        + json_lines(tool("roles", "--jsonl", "--all", "--lang", "en", "--organisation", organisations[-1], head)),
    }
    out["reports"] = [d for d in out["reports"] if d["format"] == "activering.trajectory-report/1"]
    bad = ['{"format":"activering.facts/1","id":"e1","income":{"status":"rich"}}', "{", "[]",
           '{"format":"activering.facts/1"}', '{"format":"activering.facts/2","id":"e2"}',
           '{"format":"activering.facts/1","id":"e3","vdab":{"registered_since":"2025-13-01"}}',
           '{"format":"activering.facts/1","id":"e4","work_capacity":7}', '{"format":"activering.facts/1","id":"e5","a":1}']
    out["errors"] = [d for d in activering.evaluate_many(bad) if d["format"] == "activering.error/1"]
    assert len(out["errors"]) == len(bad)
    return out


@pytest.mark.parametrize("kind", ["facts", "trajectories", "results", "results-fr", "outcomes", "reports", "roles",
                                  "errors"])
def test_generated_documents(validators, generated, kind):
    assert_all_valid(validators, generated[kind], kind)


def test_generated_corpus_is_varied(generated):
    """The corpus reaches the optional members, so that the test above could fail on them."""
    reports = generated["reports"]
    assert any(isinstance(r["next_steps"], list) and r["next_steps"] for r in reports)
    assert any(r["violations"] for r in reports) and any(r["state"] == "closed" for r in reports)
    outcomes = {m["outcome"] for r in generated["results"] for m in r["measures"]}
    assert outcomes == {"eligible", "not_eligible", "undetermined", "not_applicable"}
    assert any(m.get("reason") for r in generated["results"] for m in r["measures"])
    assert any(o.get("missing") for r in generated["results"] for o in r["obligations"])
    assert any(r["gaps"] or r["conflicts"] for r in generated["roles"])
    assert sum(len(v) for v in generated.values()) > 5000


def test_a_wrong_output_is_refused(validators, generated):
    """The output schemas are closed: a member they do not describe, or a code the rule set lacks, is refused."""
    result = copy.deepcopy(generated["results"][0])
    result["measures"][0]["outcome"] = "maybe"
    assert problems(validators, result)
    result = copy.deepcopy(generated["results"][0])
    result["measures"][0]["extra"] = 1
    assert problems(validators, result)
    outcomes = copy.deepcopy(generated["outcomes"][0])
    del outcomes["outcomes"]["art60"]
    assert problems(validators, outcomes)
    report = copy.deepcopy(generated["reports"][0])
    report["days_per_phase"]["no_such_phase"] = 3
    assert problems(validators, report)


# ---- agreement: what the library refuses, the schema refuses, and the other way round ----

def library_accepts_facts(texts) -> list:
    """Per facts document (JSON text): True if the library reads it, else the error document."""
    return [True if r["format"] != "activering.error/1" else r for r in activering.evaluate_many(texts, compact=True)]


def library_accepts(kind, text):
    try:
        (activering.Trajectory.parse if kind == "trajectory" else activering.Organisation)(text)
        return True
    except activering.Error as e:
        return e


def resolve(schema, node):
    while "$ref" in node and node["$ref"].startswith("#/$defs/"):
        merged = dict(schema["$defs"][node["$ref"][len("#/$defs/"):]])
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        node = merged
    return node


class FactsShape:
    """The declared facts, read off the facts schema: each leaf's kind, bounds and values, each group's members."""

    def __init__(self, schema):
        self.schema = schema
        self.leaves, self.groups = {}, {(): None}
        for key, node in schema["properties"].items():
            if key not in ("format", "id", "as_of") and "." not in key:
                self.walk((key,), node)

    def walk(self, path, node):
        kind = node.get("$ref", "").rsplit(".", 1)[-1]
        if kind == "group":
            self.groups[path] = node
            for key, child in node["properties"].items():
                self.walk(path + (key,), child)
        else:
            self.leaves[path] = (kind, resolve(self.schema, node))


DATES = ["2024-02-29", "2026-11-22", "1999-12-31", "0001-01-01", "9999-12-31"]
BAD_DATES = ["2025-02-30", "2023-02-29", "2025-13-01", "2025-1-01", "20250101", "0000-01-01", "2025-01-01T10:00:00",
             " 2025-01-01", "2025-01-01 "]
WRONG_TYPES = [True, 3, 2.5, "text", [], {}, ["a"]]


def valid_value(draw, kind, node):
    if draw(st.integers(0, 9)) == 0:
        return None  # blank
    if kind == "bool":
        return draw(st.booleans())
    if kind in ("integer", "number"):
        low, high = node.get("minimum", -10 ** 6), min(node.get("maximum", 10 ** 6), 10 ** 6)
        if kind == "integer":
            return draw(st.integers(int(low), int(high)))
        return draw(st.floats(low, high, allow_nan=False, allow_infinity=False))
    if kind == "date":
        return draw(st.sampled_from(DATES))
    if kind == "enum":
        return draw(st.sampled_from([v for v in node["enum"] if v is not None]))
    if kind == "enum_list":
        return draw(st.lists(st.sampled_from(node["items"]["enum"]), max_size=4))
    if kind == "runs":
        codes = node["items"]["properties"]["measure"]["enum"]
        run = st.fixed_dictionaries({"measure": st.sampled_from(codes), "start": st.sampled_from(DATES[:2])},
                                    optional={"end": st.sampled_from(["2027-01-01", None]),
                                              "hours_fraction": st.sampled_from([0, 0.5, 1, None])})
        return draw(st.lists(run, max_size=3))
    if kind == "id":
        return draw(st.sampled_from(["partner-1", "d-0042", "é"]))
    raise AssertionError(f"a fact of kind {kind}")


def put(document, path, value):
    for key in path[:-1]:
        document = document.setdefault(key, {})
    document[path[-1]] = value


def get(document, path):
    for key in path:
        document = document[key]
    return document


@st.composite
def facts_documents(draw, shape):
    document = {"format": "activering.facts/1", "id": "d-" + str(draw(st.integers(0, 99999)))}
    if draw(st.booleans()):
        document["as_of"] = draw(st.sampled_from(DATES + [None]))
    for path in draw(st.lists(st.sampled_from(sorted(shape.leaves)), max_size=12, unique=True)):
        kind, node = shape.leaves[path]
        put(document, path, valid_value(draw, kind, node))
    return document


def mutations(shape, document, path):
    """Each change of one place of a valid document: (name, document). A leaf gets wrong types, values outside its
    enum or range, bad dates; a group (or the root) gets an unknown key, a member of one's own, null."""
    out = []

    def changed(name, fn):
        d = copy.deepcopy(document)
        fn(d)
        out.append((name, d))

    if path in shape.groups:
        target = (lambda d: get(d, path)) if path else (lambda d: d)
        if not path or isinstance(get(document, path), dict):
            changed("unknown key", lambda d: target(d).__setitem__("regio", 1))
            changed("own key", lambda d: target(d).__setitem__("x_note", {"any": ["thing", 1, None]}))
        if path:
            changed("blank group", lambda d: put(d, path, None))
            changed("group of another type", lambda d: put(d, path, ["not", "an", "object"]))
        return out
    kind, node = shape.leaves[path]
    value = get(document, path)
    for wrong in WRONG_TYPES:
        fits = {"bool": isinstance(wrong, bool), "integer": type(wrong) is int, "number": type(wrong) in (int, float),
                "date": False, "enum": False, "enum_list": wrong == [], "runs": wrong == [], "id": False}[kind]
        if not fits:
            changed(f"wrong type {type(wrong).__name__}", lambda d, w=wrong: put(d, path, w))
    if kind == "date":
        for bad in BAD_DATES:
            changed(f"bad date {bad!r}", lambda d, b=bad: put(d, path, b))
    if kind == "enum":
        changed("outside the enum", lambda d: put(d, path, "zzz_no_such_value"))
        changed("a code of another case", lambda d: put(d, path, node["enum"][0].upper()))
    if kind == "enum_list":
        changed("outside the enum", lambda d: put(d, path, [node["items"]["enum"][0], "zzz_no_such_value"]))
        changed("duplicates", lambda d: put(d, path, [node["items"]["enum"][0]] * 2))
    if kind in ("integer", "number"):
        # (beyond the reader's bound of 2^53 by more than a double rounds away: see LIBRARY_ROUNDS)
        high, low = node.get("maximum"), node.get("minimum")
        if high is not None:
            changed("above the maximum", lambda d: put(d, path, high + 1 if high < 2 ** 53 else 2 ** 60))
        if low is not None:
            changed("below the minimum", lambda d: put(d, path, low - 1 if low > -2 ** 53 else -2 ** 60))
        if kind == "integer":
            changed("a fraction", lambda d: put(d, path, node.get("minimum", 0) + 0.5))
            changed("a whole number written as a decimal", lambda d: put(d, path, float(node.get("minimum", 0))))
    if kind == "runs":
        code = node["items"]["properties"]["measure"]["enum"][0]
        changed("run without a start", lambda d: put(d, path, [{"measure": code}]))
        changed("run of an unknown measure", lambda d: put(d, path, [{"measure": "zzz", "start": DATES[0]}]))
        changed("run with an unknown key", lambda d: put(d, path, [{"measure": code, "start": DATES[0], "stop": 1}]))
        changed("run with a member of one's own", lambda d: put(d, path, [{"measure": code, "start": DATES[0],
                                                                           "x_a": 1}]))
        changed("run with a share above 1", lambda d: put(d, path, [{"measure": code, "start": DATES[0],
                                                                     "hours_fraction": 1.5}]))
        changed("run with a null measure", lambda d: put(d, path, [{"measure": None, "start": DATES[0]}]))
    if kind == "id":
        changed("empty id", lambda d: put(d, path, ""))
        changed("id with a control character", lambda d: put(d, path, "a\u0001b"))
    if len(path) > 1 and value is not None:
        def dotted(d):
            parent = get(d, path[:-1])
            del parent[path[-1]]
            d[".".join(path)] = value
        changed("by its dotted path", dotted)
    changed("blank fact", lambda d: put(d, path, None))
    return out


ROOT_MUTATIONS = [
    ("no format", lambda d: d.pop("format")),
    ("another major version", lambda d: d.__setitem__("format", "activering.facts/2")),
    ("another kind", lambda d: d.__setitem__("format", "activering.trajectory/1")),
    ("no id", lambda d: d.pop("id")),
    ("empty id", lambda d: d.__setitem__("id", "")),
    ("id with a newline", lambda d: d.__setitem__("id", "a\nb")),
    ("id of 257 bytes", lambda d: d.__setitem__("id", "a" * 257)),
    ("id of 256 bytes", lambda d: d.__setitem__("id", "a" * 256)),
    ("numeric id", lambda d: d.__setitem__("id", 42)),
    ("bad as_of", lambda d: d.__setitem__("as_of", "2026-02-29")),
    ("blank as_of", lambda d: d.__setitem__("as_of", None)),
    ("a key with a dot that is no fact", lambda d: d.__setitem__("income.nothing", 1)),
]


@pytest.fixture(scope="session")
def facts_shape(validators):
    return FactsShape(validators["activering.facts/1"].schema)


def check_agreement(validators, documents):
    texts = [json.dumps(d, ensure_ascii=False) for _, d in documents]
    verdicts = library_accepts_facts(texts)
    disagreements = []
    for (name, document), verdict in zip(documents, verdicts):
        found = problems(validators, document, "activering.facts/1")
        if (verdict is True) != (not found):
            disagreements.append(f"{name}: library {'accepts' if verdict is True else verdict['message']}; "
                                 f"schema {'accepts' if not found else found[0]} in {json.dumps(document)[:300]}")
    assert not disagreements, "\n".join(disagreements[:10])
    return verdicts


def test_every_fact_mutated(validators, facts_shape):
    """Each declared fact and each group, given a valid value, then every mutation of that one place."""
    base = {"format": "activering.facts/1", "id": "d-1", "as_of": "2026-11-22"}
    samples = {"bool": True, "integer": None, "number": None, "date": "2025-03-01", "id": "p-1"}
    documents = [("root", base)]
    for name, change in ROOT_MUTATIONS:
        d = copy.deepcopy(base)
        change(d)
        documents.append((name, d))
    documents += mutations(facts_shape, base, ())
    for path, (kind, node) in sorted(facts_shape.leaves.items()):
        d = copy.deepcopy(base)
        if kind in ("integer", "number"):
            value = node.get("minimum", 1)
        elif kind == "enum":
            value = node["enum"][0]
        elif kind == "enum_list":
            value = node["items"]["enum"][:2]
        elif kind == "runs":
            value = [{"measure": node["items"]["properties"]["measure"]["enum"][0], "start": "2025-01-01",
                      "end": None, "hours_fraction": 0.5}]
        else:
            value = samples[kind]
        put(d, path, value)
        documents.append((".".join(path), d))
        documents += [(f"{'.'.join(path)}: {name}", m) for name, m in mutations(facts_shape, d, path)]
        for depth in range(1, len(path)):
            documents += [(f"{'.'.join(path[:depth])}: {name}", m)
                          for name, m in mutations(facts_shape, d, path[:depth])]
    verdicts = check_agreement(validators, documents)
    refused = [v for v in verdicts if v is not True]
    # both sides refuse for the reasons the brief names: type, enum, unknown key, date, range
    assert {v["code"] for v in refused} >= {"type", "invalid_value", "unknown_key", "out_of_range", "missing",
                                             "format"}
    assert len(documents) > 800 and len(refused) > 400


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_documents_agree(validators, facts_shape, data):
    """Random valid documents, and one random mutation of each, in batches."""
    documents = []
    for _ in range(6):
        document = data.draw(facts_documents(facts_shape))
        documents.append(("valid", document))
        places = [()] + [p for p in facts_shape.leaves if _has(document, p)]
        places += [g for g in facts_shape.groups if g and _has(document, g)]
        path = data.draw(st.sampled_from(places))
        choices = mutations(facts_shape, document, path)
        if choices:
            documents.append(data.draw(st.sampled_from(choices)))
    check_agreement(validators, documents)


def _has(document, path):
    try:
        get(document, path)
        return True
    except (KeyError, TypeError):
        return False


# What a JSON Schema cannot say, so that the schema accepts and the library refuses (docs/schemas.md lists the same).
# Each entry: the reason, the document as JSON text, and the error code the library gives.
SCHEMA_CANNOT_SAY = [
    ("a run's end before its start (two members compared)",
     '{"format":"activering.facts/1","id":"k1","measures":[{"measure":"art60","start":"2025-05-01",'
     '"end":"2025-04-01"}]}', "invalid_value"),
    ("one fact given nested and by its dotted path",
     '{"format":"activering.facts/1","id":"k2","income":{"status":"leefloon"},"income.status":"none"}', "duplicate"),
    ("one fact nested and blanked by a null group",
     '{"format":"activering.facts/1","id":"k3","income":null,"income.status":"none"}', "duplicate"),
    ("a key given twice (a JSON parser keeps one)",
     '{"format":"activering.facts/1","id":"k4","region":"brussel","region":"vlaanderen"}', "duplicate"),
    ("an id of 256 characters but more than 256 bytes (schemas count characters)",
     json.dumps({"format": "activering.facts/1", "id": "é" * 200}, ensure_ascii=False), "too_large"),
    ("a member of one's own nested deeper than the reader's limit",
     '{"format":"activering.facts/1","id":"k6","x_deep":' + "[" * 40 + "]" * 40 + "}", "too_large"),
    ("a member of one's own holding \\u0000 (text the library keeps must not)",
     '{"format":"activering.facts/1","id":"k7","x_note":"a\\u0000b"}', "invalid_value"),
    ("a key longer than 1024 bytes",
     '{"format":"activering.facts/1","id":"k8","x_' + "k" * 1100 + '":1}', "too_large"),
    ("a text of one's own longer than 65,536 bytes",
     '{"format":"activering.facts/1","id":"k9","x_note":"' + "t" * 70000 + '"}', "too_large"),
    ("a key of one's own holding \\u0000",
     '{"format":"activering.facts/1","id":"k10","x_a\\u0000":1}', "invalid_value"),
]


# And the other way: the library reads a number as a double, so an integer just beyond its bound of 2^53 rounds to
# the bound and is read, where the schema (exact) refuses it.
LIBRARY_ROUNDS = [
    ("an integer just above 2^53, which the reader rounds to 2^53",
     '{"format":"activering.facts/1","id":"r1","proposals":{"ibo":{"weeks":9007199254740993}}}'),
]


def test_what_the_library_rounds(validators):
    for reason, text in LIBRARY_ROUNDS:
        assert problems(validators, json.loads(text), "activering.facts/1"), reason
        assert library_accepts_facts([text])[0] is True, f"{reason}: the library refuses it; take it off the list"


@pytest.mark.parametrize("reason,text,code", SCHEMA_CANNOT_SAY, ids=[c[0] for c in SCHEMA_CANNOT_SAY])
def test_what_a_schema_cannot_say(validators, reason, text, code):
    """Each listed case is what the list says: the schema accepts the parsed document, the library refuses."""
    assert not problems(validators, json.loads(text), "activering.facts/1"), reason
    verdict = library_accepts_facts([text])[0]
    assert verdict is not True, f"{reason}: the library accepts it; take it off the list"
    assert verdict["code"] == code, verdict


def test_the_list_is_in_the_docs():
    text = " ".join((SRCDIR / "docs" / "schemas.md").read_text(encoding="utf-8").split())
    for reason, *_ in SCHEMA_CANNOT_SAY + LIBRARY_ROUNDS + TRAJECTORY_CANNOT_SAY + ORGANISATION_CANNOT_SAY:
        assert reason.split(" (")[0] in text, reason


# ---- trajectories and organisations ----

def trajectory_variants():
    base = json.loads((SRCDIR / "examples" / "trajectories" / "dossier-0042.json").read_text(encoding="utf-8"))
    variants = [("example", base)]

    def v(name, fn):
        d = copy.deepcopy(base)
        fn(d)
        variants.append((name, d))

    ev = lambda d, i: d["events"][i]  # noqa: E731
    v("unknown model", lambda d: d.__setitem__("model", "ocmw8"))
    v("no model", lambda d: d.pop("model"))
    v("no events", lambda d: d.pop("events"))
    v("events not a list", lambda d: d.__setitem__("events", {}))
    v("unknown key", lambda d: d.__setitem__("phase", "x"))
    v("own key", lambda d: d.__setitem__("x_source", [1]))
    v("unknown event type", lambda d: ev(d, 1).__setitem__("type", "enter"))
    v("no type", lambda d: ev(d, 1).pop("type"))
    v("no at", lambda d: ev(d, 1).pop("at"))
    v("bad date", lambda d: ev(d, 1).__setitem__("at", "2025-02-29"))
    v("numeric phase", lambda d: ev(d, 1).__setitem__("phase", 3))
    v("empty phase", lambda d: ev(d, 1).__setitem__("phase", ""))
    v("unknown phase (a violation, not an error)", lambda d: ev(d, 1).__setitem__("phase", "no_such_phase"))
    v("unknown role (a violation)", lambda d: ev(d, 1).__setitem__("by", "no_such_role"))
    v("phase on a measure event", lambda d: ev(d, 2).__setitem__("phase", "screening"))
    v("end_measure without reason", lambda d: ev(d, 3).pop("reason"))
    v("reason not snake_case", lambda d: ev(d, 3).__setitem__("reason", "Completed"))
    v("open without phase", lambda d: ev(d, 0).pop("phase"))
    v("open in another model", lambda d: ev(d, 0).__setitem__("model", "outreach6"))
    v("own key in an event", lambda d: ev(d, 0).__setitem__("x_by", "me"))
    v("unknown key in an event", lambda d: ev(d, 0).__setitem__("note", "me"))
    v("actor", lambda d: ev(d, 0).__setitem__("actor", "mw-an"))
    v("empty actor", lambda d: ev(d, 0).__setitem__("actor", ""))
    v("contact", lambda d: d["events"].append({"at": "2027-05-01", "type": "contact", "channel": "phone",
                                               "by": "ocmw.maatschappelijk_werker"}))
    v("contact by an unknown channel", lambda d: d["events"].append({"at": "2027-05-01", "type": "contact",
                                                                     "channel": "pigeon", "by": "ocmw"}))
    v("contact without by", lambda d: d["events"].append({"at": "2027-05-01", "type": "contact", "channel": "phone"}))
    v("vdab_report", lambda d: d["events"].append({"at": "2027-05-01", "type": "vdab_report", "kind": "no_show"}))
    v("decision of a report's kind", lambda d: d["events"].append({"at": "2027-05-01", "type": "decision",
                                                                   "kind": "no_show", "by": "ocmw"}))
    v("handover", lambda d: d["events"].append({"at": "2027-05-01", "type": "handover", "to": "vdab", "by": "ocmw"}))
    v("handover without to", lambda d: d["events"].append({"at": "2027-05-01", "type": "handover", "by": "ocmw"}))
    v("note", lambda d: d["events"].append({"at": "2027-05-01", "type": "note", "text": "Gesprek"}))
    v("note with a number", lambda d: d["events"].append({"at": "2027-05-01", "type": "note", "text": 3}))
    return variants


TRAJECTORY_CANNOT_SAY = [
    ("a phase, measure or role code longer than 1024 bytes",
     '{"format":"activering.trajectory/1","id":"t1","model":"ocmw7","events":[{"at":"2025-01-01","type":"open",'
     '"phase":"' + "p" * 1100 + '"}]}'),
]


def test_trajectories_agree(validators):
    disagreements = []
    for name, document in trajectory_variants():
        verdict = library_accepts("trajectory", json.dumps(document))
        found = problems(validators, document, "activering.trajectory/1")
        if (verdict is True) != (not found):
            disagreements.append(f"{name}: library {verdict}; schema {found[:1]}")
    assert not disagreements, "\n".join(disagreements)
    for reason, text in TRAJECTORY_CANNOT_SAY:
        assert not problems(validators, json.loads(text)) and library_accepts("trajectory", text) is not True, reason


def organisation_variants():
    base = json.loads((SRCDIR / "examples" / "organisations" / "ocmw-voorbeeld.json").read_text(encoding="utf-8"))
    variants = [("example", base)]

    def v(name, fn):
        d = copy.deepcopy(base)
        fn(d)
        variants.append((name, d))

    v("unknown region", lambda d: d.__setitem__("region", "atlantis"))
    v("unknown service", lambda d: d.__setitem__("activation_service", "outsourced"))
    v("no service", lambda d: d.pop("activation_service"))
    v("external without partner", lambda d: d.__setitem__("activation_service", "external"))
    v("external with partner", lambda d: (d.__setitem__("activation_service", "external"),
                                          d.__setitem__("external_partner", "Regio Zuid")))
    v("numeric partner", lambda d: d.__setitem__("external_partner", 3))
    v("unknown policy", lambda d: d["policies"].__setitem__("four_eyes", True))
    v("own key among policies", lambda d: d["policies"].__setitem__("x_note", True))
    v("policy not a bool", lambda d: d["policies"].__setitem__("icf_certified", "yes"))
    v("unknown role", lambda d: d["actors"][0].__setitem__("role", "ocmw.directeur"))
    v("actor without role", lambda d: d["actors"][0].pop("role"))
    v("actor with own key", lambda d: d["actors"][0].__setitem__("x_team", "noord"))
    v("actor with unknown key", lambda d: d["actors"][0].__setitem__("name", "An"))
    v("agreement", lambda d: d.__setitem__("agreements", [{"task": "hold_regie", "actor": "mw-an"}]))
    v("agreement of an unknown task", lambda d: d.__setitem__("agreements", [{"task": "cook", "actor": "mw-an"}]))
    v("agreement without actor", lambda d: d.__setitem__("agreements", [{"task": "hold_regie"}]))
    v("own key", lambda d: d.__setitem__("x_version", 2))
    v("unknown key", lambda d: d.__setitem__("services", []))
    v("no id", lambda d: d.pop("id"))
    return variants


ORGANISATION_CANNOT_SAY = [
    ("two actors with one id",
     '{"format":"activering.organisation/1","id":"o1","activation_service":"internal_dedicated",'
     '"actors":[{"id":"a","role":"ocmw"},{"id":"a","role":"vdab"}]}'),
    ("an agreement naming an actor the organisation does not list",
     '{"format":"activering.organisation/1","id":"o2","activation_service":"internal_dedicated",'
     '"actors":[],"agreements":[{"task":"hold_regie","actor":"nobody"}]}'),
]


def test_organisations_agree(validators):
    disagreements = []
    for name, document in organisation_variants():
        verdict = library_accepts("organisation", json.dumps(document))
        found = problems(validators, document, "activering.organisation/1")
        if (verdict is True) != (not found):
            disagreements.append(f"{name}: library {verdict}; schema {found[:1]}")
    assert not disagreements, "\n".join(disagreements)
    for reason, text in ORGANISATION_CANNOT_SAY:
        assert not problems(validators, json.loads(text)) and library_accepts("organisation", text) is not True, reason
