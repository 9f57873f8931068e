# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Roles: an organisation's document, and who holds the regie and who does what for one dossier."""
from __future__ import annotations

import json as _json
from typing import Optional, Union

from ._convert import DateLike, Document, _document_bytes, _facts, _gdate, _lang, _string, _take_string
from ._native import ffi as _ffi, lib as _lib
from .errors import _new_error, _raise
from .rules import RuleSet, _rules
from .trajectory import Trajectory

__all__ = ["Organisation", "assign_roles"]

_ROLES_ALL_TASKS = 1  # ACTIVERING_ROLES_ALL_TASKS


class Organisation:
    """How a local authority organises activation (`activering.organisation/1`), parsed against a rule set."""

    __slots__ = ("_ptr", "_rules")

    def __init__(self, document: Document, rules: Optional[RuleSet] = None):
        self._rules = _rules(rules)
        data = _document_bytes(document, "an organisation", "activering.organisation/1")
        error = _new_error()
        ptr = _lib.activering_organisation_new_from_data(self._rules._ptr, data, len(data), error)
        if ptr == _ffi.NULL:
            _raise(error)
        self._ptr = _ffi.gc(ptr, _lib.activering_organisation_free)

    @property
    def id(self) -> str:
        """The organisation's id."""
        return _string(_lib.activering_organisation_get_id(self._ptr))


def assign_roles(facts: Document, organisation: Union[Organisation, Document],
                 trajectory: Union[Trajectory, Document, None] = None, as_of: DateLike = None,
                 lang: str = "nl", all_tasks: bool = False, rules: Optional[RuleSet] = None) -> dict:
    """Who holds the regie and who does what for one dossier: the `activering.roles/1` document.

    @organisation is an Organisation or its document; @trajectory (optional, same dossier id) gives the phase and
    the actors; @all_tasks lists every task of the rule set, each with "active"."""
    r = _rules(rules)
    if not isinstance(organisation, Organisation):
        organisation = Organisation(organisation, r)
    if trajectory is not None and not isinstance(trajectory, Trajectory):
        trajectory = Trajectory.parse(trajectory, r)
    handle = _facts(r, facts)
    assignment = _ffi.gc(_lib.activering_role_assignment_new(r._ptr), _lib.activering_role_assignment_free)
    error = _new_error()
    if not _lib.activering_role_assignment_run(assignment, organisation._ptr, handle,
                                               trajectory._ptr if trajectory is not None else _ffi.NULL,
                                               _gdate(as_of), _ROLES_ALL_TASKS if all_tasks else 0, error):
        _raise(error)
    text = _lib.activering_role_assignment_to_json(assignment, _lang(lang), 0, error)
    if text == _ffi.NULL:
        _raise(error)
    return _json.loads(_take_string(text))
