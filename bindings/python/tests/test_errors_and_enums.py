# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The static exception classes (activering.errors) and the state names (activering.enums) match the C library."""
import activering
from activering import enums, errors
from activering._native import ffi, lib


def c_error_names():
    """The C error codes' names, by number: up to the first number the library no longer knows."""
    names = []
    while True:
        name = ffi.string(lib.activering_error_code_to_string(len(names))).decode()
        if names and name == "failed":  # the library says "failed" for a code it does not know
            return names
        names.append(name)


def test_one_class_per_c_error_code_in_order():
    assert [cls.code for cls in errors.BY_CODE] == c_error_names()


def test_error_classes_are_named_after_their_codes():
    shadowing = {"syntax": "JSONSyntaxError", "type": "JSONTypeError", "io": "FileError"}
    for number, cls in enumerate(errors.BY_CODE):
        expected = shadowing.get(cls.code) or "".join(p.capitalize() for p in cls.code.split("_")) + "Error"
        assert cls.__name__ == expected
        assert cls.__doc__.startswith(f"libactivering error code {number} ({cls.code}): ")
        assert issubclass(cls, activering.Error) and cls.__module__ == "activering"
        assert getattr(activering, cls.__name__) is cls and cls.__name__ in activering.__all__
        assert cls.__name__ in errors.__all__


def test_a_c_error_raises_the_class_of_its_code():
    try:
        activering.RuleSet.from_json("{")
    except activering.Error as caught:
        assert type(caught) is errors.BY_CODE[c_error_names().index("syntax")]
    else:
        raise AssertionError("a syntax error raised nothing")


def test_state_names_are_the_words_of_the_documents():
    assert enums.OUTCOMES == activering.OUTCOMES == ("eligible", "not_eligible", "undetermined", "not_applicable")
    assert enums.TRUTHS == ("false", "true", "unknown")
    assert enums.REASONS == ("not_in_force", "not_in_region", "regime_not_encoded")
    assert enums.OBLIGATION_STATES == ("met", "due", "overdue", "undetermined")
    assert enums.FACT_STATES == ("known", "unknown", "blank")
    result = activering.evaluate({"id": "d-1", "region": "vlaanderen", "income": {"status": "leefloon"},
                                  "person": {"birth_date": None}}, as_of="2026-11-22")
    for measure in result["measures"]:
        assert measure["outcome"] in enums.OUTCOMES
        assert measure.get("reason", "not_in_force") in enums.REASONS
        assert all(condition["state"] in enums.TRUTHS for condition in measure["conditions"])
        assert all(missing["state"] in enums.FACT_STATES for missing in measure.get("missing", []))
    assert all(obligation["state"] in enums.OBLIGATION_STATES for obligation in result["obligations"])
