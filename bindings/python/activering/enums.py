# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The C library's vocabulary: the names of the states it reports, read from it, and its version.

Each tuple is in the order of its C enumeration, so a name's position is its C value (evaluate_frame's outcome
categories, the outcome codes of the batch calls). They are the words of the documents: a result's "outcome", a
condition's "state", a missing fact's "state", an obligation's "state" and a measure's "reason".
"""
from __future__ import annotations

from ._native import ffi as _ffi, lib as _lib

__all__ = ["OUTCOMES", "TRUTHS", "REASONS", "OBLIGATION_STATES", "FACT_STATES", "version"]


def _names(to_string, first: int, last: int) -> tuple:
    return tuple(_ffi.string(to_string(value)).decode() for value in range(first, last + 1))


#: The outcomes a measure can have (ActiveringOutcome), in the order of the C enum (and of evaluate_frame's
#: categories): eligible, not_eligible, undetermined, not_applicable.
OUTCOMES = _names(_lib.activering_outcome_to_string, 0, _lib.ACTIVERING_OUTCOME_NOT_APPLICABLE)

#: A condition's three-valued state (ActiveringTruth): false, true, unknown.
TRUTHS = _names(_lib.activering_truth_to_string, 0, _lib.ACTIVERING_TRUTH_UNKNOWN)

#: Why a measure is not applicable or undetermined regardless of its conditions (ActiveringReason, without
#: ACTIVERING_REASON_NONE, which a result leaves out): not_in_force, not_in_region, regime_not_encoded.
REASONS = _names(_lib.activering_reason_to_string, 1, _lib.ACTIVERING_REASON_REGIME_NOT_ENCODED)

#: An obligation's state (ActiveringObligationState): met, due, overdue, undetermined.
OBLIGATION_STATES = _names(_lib.activering_obligation_state_to_string, 0, _lib.ACTIVERING_OBLIGATION_UNDETERMINED)

#: A fact's state (ActiveringFactState): known, unknown (absent), blank (null).
FACT_STATES = _names(_lib.activering_fact_state_to_string, 0, _lib.ACTIVERING_FACT_BLANK)


def version() -> str:
    """The version of the C library in use."""
    return _ffi.string(_lib.activering_get_version()).decode()
