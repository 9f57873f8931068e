# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""RuleSet: the embedded default, rule files, what a rule set says about itself, and its errors."""
import json

import pytest

import activering


def test_default_rule_set(rules):
    assert rules.id == "be-vlaanderen"
    assert rules.version
    assert rules.digest.startswith("sha256:") and len(rules.digest) == len("sha256:") + 64
    assert rules.languages == ["nl", "fr", "en"]
    assert rules.measures[:4] == ["twe_ocmw", "art60", "ibo", "individueel_maatwerk"]
    assert len(rules.measures) == 11 and "wijk_werken" in rules.measures and "gemeenschapsdienst" in rules.measures
    assert "income.status" in rules.facts and "measures" in rules.facts
    assert rules.title("en").startswith("Activation")
    assert rules.measure_label("ibo", "fr")
    assert rules.measure_decided_by("twe_ocmw") == "ocmw"
    assert rules.fact_supplied_by("vdab.registered") == "vdab.bemiddelaar"
    assert rules.fact_label("vdab.registered", "en") == "Registered with VDAB"
    assert rules.role_label("ocmw.trajectbegeleider", "nl") == "Trajectbegeleider van het OCMW"
    with pytest.raises(activering.UsageError, match='unknown role "nobody"'):
        rules.role_label("nobody")
    assert "hold_regie" in rules.tasks and rules.task_label("hold_regie", "en").startswith("Coordinate the file (regie)")
    models = rules.phase_models
    assert models["ocmw7"][0] == "randvoorwaarden" and len(models["outreach6"]) == 6
    assert rules.phase_label("ocmw7", "nazorg", "en")
    assert "be-vlaanderen" in repr(rules)


def test_unknown_codes_and_types(rules):
    with pytest.raises(activering.UsageError, match='unknown measure "twe"'):
        rules.measure_label("twe")
    with pytest.raises(activering.UsageError, match='unknown fact "vdab"'):
        rules.fact_label("vdab")
    with pytest.raises(TypeError, match="must be a string"):
        rules.measure_label(3)
    with pytest.raises(TypeError, match="language code"):
        rules.title(lang=1)


def test_rule_set_from_file_and_json(srcdir, rules):
    path = srcdir / "data" / "rules" / "be-vlaanderen.json"
    from_file = activering.RuleSet.from_file(path)
    assert from_file.digest == rules.digest
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    data["version"] = "2099.1.0"
    changed = activering.RuleSet.from_json(data)
    assert changed.version == "2099.1.0" and changed.digest != rules.digest
    assert activering.RuleSet.from_json(text).digest == rules.digest


def test_rule_set_errors(srcdir, tmp_path):
    with pytest.raises(activering.FileError) as caught:
        activering.RuleSet.from_file(tmp_path / "nothing.json")
    assert "nothing.json" in str(caught.value)
    assert caught.value.path is None  # not about a place in a document
    data = json.loads((srcdir / "data" / "rules" / "be-vlaanderen.json").read_text(encoding="utf-8"))
    data["measures"][0]["decided_by"] = "ocmw.nobody"
    with pytest.raises(activering.UnknownRefError) as caught:
        activering.RuleSet.from_json(data, name="mine.json")
    assert str(caught.value).startswith("mine.json: /measures/0/decided_by: ")
    assert caught.value.path == "/measures/0/decided_by"
    with pytest.raises(activering.JSONSyntaxError):
        activering.RuleSet.from_json("{")
    with pytest.raises(TypeError):
        activering.RuleSet.from_json(42)


def test_one_exception_class_per_error_code():
    names = ["FailedError", "JSONSyntaxError", "FormatError", "JSONTypeError", "UnknownKeyError",
             "InvalidValueError", "OutOfRangeError", "MissingError", "TooLargeError", "UnknownRefError",
             "RuleTypeError", "CycleError", "OverlapError", "TranslationError", "DuplicateError", "FileError",
             "UsageError"]
    for name in names:
        cls = getattr(activering, name)
        assert issubclass(cls, activering.Error) and cls.__doc__
    assert activering.UsageError.code == "usage"
    assert len({getattr(activering, n).code for n in names}) == len(names)
    assert activering.version().count(".") == 2


def test_every_public_name_is_documented():
    import inspect
    import activering.dask
    for module in (activering, activering.dask):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                assert inspect.getdoc(value), f"{module.__name__}.{name} has no docstring"
                if inspect.isfunction(value):
                    assert inspect.signature(value).return_annotation is not inspect.Signature.empty, \
                        f"{name} has no return type hint"
            if inspect.isclass(value):
                for attribute, member in vars(value).items():
                    if not attribute.startswith("_") and (inspect.isfunction(member) or isinstance(member, property)):
                        assert inspect.getdoc(member), f"{name}.{attribute} has no docstring"
