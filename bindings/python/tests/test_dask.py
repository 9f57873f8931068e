# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""activering.dask: screening a Dask DataFrame with map_partitions on a local Dask cluster."""
import pandas as pd
import pytest

import activering
import activering.dask

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


def test_screen_on_a_local_cluster(caseload):
    from test_frame import flatten
    df = pd.DataFrame([flatten(d) for d in caseload] * 5).drop(columns=["format"]).reset_index(drop=True)
    expected = activering.evaluate_frame(df, missing=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        ddf = dd.from_pandas(df, npartitions=4)
        result = activering.dask.screen(ddf).compute()
    pd.testing.assert_frame_equal(result.sort_index(), expected)
    with_missing = activering.dask.screen(dd.from_pandas(df, npartitions=3), missing=True).compute()
    assert any(c.startswith("missing:") for c in with_missing.columns)


def test_screen_argument_type(caseload):
    with pytest.raises(TypeError, match="takes a dask DataFrame"):
        activering.dask.screen(pd.DataFrame(caseload))
