# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Screening a Dask DataFrame: evaluate_frame on every partition, on as many cores or machines as Dask has.

    import dask.dataframe as dd
    from distributed import Client, LocalCluster
    import activering.dask

    client = Client(LocalCluster(n_workers=4))
    caseload = dd.read_json("caseload-*.jsonl", lines=True)      # or dd.from_pandas(df, npartitions=…)
    outcomes = activering.dask.screen(caseload, as_of="2026-11-22").compute()

Each worker loads the rule set once (the embedded default, or @rules_path) and keeps it: a rule set is immutable
and shared by the worker's threads. The partitions keep their index, so the result lines up with the input.
"""
from __future__ import annotations

import functools
import threading
from typing import Optional

import activering

__all__ = ["screen", "screen_partition"]

_lock = threading.Lock()
_loaded: dict = {}


def _rules(path: Optional[str]) -> activering.RuleSet:
    with _lock:
        if path not in _loaded:
            _loaded[path] = activering.RuleSet.from_file(path) if path else activering.RuleSet()
        return _loaded[path]


def screen_partition(partition: "pandas.DataFrame", as_of: activering.DateLike = None, missing: bool = False,
                     rules_path: Optional[str] = None, id_column: str = "id") -> "pandas.DataFrame":
    """evaluate_frame on one pandas partition (what screen() maps over the Dask DataFrame). With @missing, every
    fact of the rule set gets its "missing:<fact>" column, so that all partitions have the same columns."""
    rules = _rules(rules_path)
    result = activering.evaluate_frame(partition, as_of=as_of, missing=missing, id_column=id_column, rules=rules)
    if missing:
        for path in rules.facts:
            column = "missing:" + path
            if column not in result.columns:
                result[column] = False
        fixed = ["id", *rules.measures, "error"] + ["missing:" + path for path in rules.facts]
        result = result[fixed]
    return result


def screen(frame: "dask.dataframe.DataFrame", as_of: activering.DateLike = None, missing: bool = False,
           rules_path: Optional[str] = None, id_column: str = "id") -> "dask.dataframe.DataFrame":
    """Screens a Dask DataFrame of facts (the columns of activering.evaluate_frame): a lazy Dask DataFrame with an
    "id" column, one categorical outcome column per measure, an "error" column, and with @missing one boolean
    "missing:<fact>" column for every fact of the rule set."""
    import pandas as pd

    try:
        import dask.dataframe as dd
    except ImportError as e:  # pragma: no cover - the Debian package python3-dask provides it
        raise ImportError("activering.dask needs dask (Debian: python3-dask)") from e
    if not isinstance(frame, dd.DataFrame):
        raise TypeError(f"activering.dask.screen takes a dask DataFrame, not {type(frame).__name__}")
    function = functools.partial(screen_partition, as_of=as_of, missing=missing, rules_path=rules_path,
                                 id_column=id_column)
    rules = _rules(rules_path)
    meta = pd.DataFrame({"id": pd.Series(dtype=object),
                         **{m: pd.Series(pd.Categorical([], categories=list(activering.OUTCOMES)))
                            for m in rules.measures},
                         "error": pd.Series(dtype=object),
                         **({"missing:" + f: pd.Series(dtype=bool) for f in rules.facts} if missing else {})})
    return frame.map_partitions(function, meta=meta)
