# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Shared fixtures: the source tree's examples, and documents used across the suites."""
import json
import os
import pathlib

import pytest

import activering

SRCDIR = pathlib.Path(os.environ.get("ACTIVERING_SRCDIR", pathlib.Path(__file__).resolve().parents[3]))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def srcdir():
    return SRCDIR


@pytest.fixture(scope="session")
def rules():
    return activering.RuleSet()


@pytest.fixture(scope="session")
def caseload():
    """The fourteen hand-written example dossiers."""
    return read_lines(SRCDIR / "examples" / "caseload.jsonl")


@pytest.fixture(scope="session")
def twe_facts():
    with open(SRCDIR / "examples" / "facts" / "facts-twe-eligible.json", encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="session")
def organisation():
    with open(SRCDIR / "examples" / "organisations" / "ocmw-voorbeeld.json", encoding="utf-8") as f:
        return json.load(f)
