# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The README's Python example runs as it is written, from the top of the source tree."""
import contextlib
import io
import os
import re


def test_readme_example(srcdir):
    readme = (srcdir / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    here = os.getcwd()
    os.chdir(srcdir)
    try:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(here)
    out = printed.getvalue()
    assert "screening" in out and "ocmw.maatschappelijk_werker" in out and "eligible" in out
