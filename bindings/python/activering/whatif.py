# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""What-if: a dossier's answer with some facts changed, next to its answer as given, and how the two differ."""
from __future__ import annotations

from typing import Any, Mapping, NamedTuple, Optional

from ._convert import DateLike, Document, _dumps, _facts
from ._native import lib as _lib
from .errors import _new_error, _raise
from .evaluation import _result
from .rules import RuleSet, _rules

__all__ = ["what_if", "WhatIf", "UNSET"]


class _Unset:
    """The value that makes a fact unknown, as if its key were absent (None makes it blank: asked, not known)."""

    def __repr__(self) -> str:
        return "activering.UNSET"


UNSET = _Unset()


class WhatIf(NamedTuple):
    """The answer as given (`before`), with the changes (`after`), both `activering.result/1` documents, and
    `difference`: one entry per measure whose outcome or conditions changed, as in the `impact.examples` of the
    `activering.rules-diff/1` document (`activering eligibility --set … --diff`)."""
    before: dict
    after: dict
    difference: list


def _apply(handle, changes: Mapping[str, Any]) -> None:
    """Each change through the C setter, which checks the value as a facts document's member is checked."""
    if not isinstance(changes, Mapping):
        raise TypeError(f"changes must be a mapping of fact paths to values, not {type(changes).__name__}")
    for path, value in changes.items():
        if not isinstance(path, str):
            raise TypeError(f"a fact path must be a str, not {type(path).__name__}")
        error = _new_error()
        if value is UNSET:
            ok = _lib.activering_facts_unset(handle, path.encode(), error)
        else:
            text = _dumps(value).encode()
            ok = _lib.activering_facts_set_json(handle, path.encode(), text, len(text), error)
        if not ok:
            _raise(error)


def _difference(id_: str, before: dict, after: dict) -> list:
    """The measures whose outcome or conditions differ, matched by code, conditions by id ("absent" on the side
    that lacks one)."""
    old = {m["measure"]: m for m in before["measures"]}
    difference = []
    for m in after["measures"]:
        was = old.get(m["measure"], {"outcome": "absent", "conditions": []})
        states = {c["id"]: c["state"] for c in was["conditions"]}
        now = {c["id"]: c["state"] for c in m["conditions"]}
        flipped = [{"id": c, "old": states.get(c, "absent"), "new": s} for c, s in now.items()
                   if states.get(c, "absent") != s]
        flipped += [{"id": c, "old": s, "new": "absent"} for c, s in states.items() if c not in now]
        if flipped or was["outcome"] != m["outcome"]:
            difference.append({"id": id_, "measure": m["measure"], "old": was["outcome"], "new": m["outcome"],
                               "conditions": flipped})
    return difference


def what_if(facts: Document, changes: Mapping[str, Any], as_of: DateLike = None, lang: str = "nl",
            rules: Optional[RuleSet] = None) -> WhatIf:
    """Evaluates a dossier as given and with @changes, a mapping of dotted fact paths to new values: a value as
    a facts document holds it (a date may be a `datetime.date`), `None` for blank (asked, not known), `UNSET` for
    unknown (absent). A value is checked as in a facts document, with the same errors (UnknownKeyError for a path
    the rule set lacks, InvalidValueError, OutOfRangeError, JSONTypeError). Returns a WhatIf(before, after,
    difference)."""
    r = _rules(rules)
    before = _result(r, _facts(r, facts), as_of, lang)
    handle = _facts(r, facts)
    _apply(handle, changes)
    after = _result(r, handle, as_of, lang)
    return WhatIf(before, after, _difference(after["id"], before, after))
