# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""libactivering for Python: screen OCMW dossiers for activation measures, replay trajectories, assign roles.

A thin layer over the C library (cffi, API mode): every answer comes from the same rule set and the same code as
the C API and the `activering` tool. Documents go in as dicts (or JSON text) and come out as dicts, in the shapes
of the data contract (`activering.result/1`, `activering.trajectory-report/1`, `activering.roles/1`, …).

    import activering
    result = activering.evaluate({"id": "d-1", "income": {"status": "leefloon"}}, as_of="2026-11-22")
    frame = activering.evaluate_frame(caseload_dataframe)     # one row per dossier, one column per measure

Nothing here knows a measure, a fact or a role by name: they come from the rule set, so a measure added to a rule
file needs no new binding code.

The package, module by module (each also importable on its own, e.g. activering.errors):

    errors       Error and one subclass per C error code
    enums        the names of the states the library reports (OUTCOMES, …), and version()
    rules        RuleSet
    evaluation   evaluate, evaluate_many
    frame        evaluate_frame (pandas)
    trajectory   Trajectory
    caseload     trajectory_frame, caseload_report (pandas)
    roles        Organisation, assign_roles
    whatif       what_if, WhatIf, UNSET
    dask         screen, screen_partition (Dask; import activering.dask)
"""
from __future__ import annotations

from ._convert import DateLike, Document  # noqa: F401 - the types of the signatures, for callers to annotate with
from .enums import OUTCOMES, version
from .errors import (
    CycleError, DuplicateError, Error, FailedError, FileError, FormatError, InvalidValueError, JSONSyntaxError,
    JSONTypeError, MissingError, OutOfRangeError, OverlapError, RuleTypeError, TooLargeError, TranslationError,
    UnknownKeyError, UnknownRefError, UsageError,
)
from .caseload import caseload_report, trajectory_frame
from .evaluation import evaluate, evaluate_many
from .frame import evaluate_frame
from .roles import Organisation, assign_roles
from .rules import RuleSet
from .trajectory import Trajectory
from .whatif import UNSET, WhatIf, what_if

__all__ = [
    "Error", "RuleSet", "Trajectory", "Organisation", "evaluate", "evaluate_many", "evaluate_frame",
    "assign_roles", "trajectory_frame", "caseload_report", "version", "OUTCOMES", "what_if", "WhatIf", "UNSET",
    "FailedError", "JSONSyntaxError", "FormatError", "JSONTypeError", "UnknownKeyError", "InvalidValueError",
    "OutOfRangeError", "MissingError", "TooLargeError", "UnknownRefError", "RuleTypeError", "CycleError",
    "OverlapError", "TranslationError", "DuplicateError", "FileError", "UsageError",
]
