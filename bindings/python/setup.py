# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""pip install ./bindings/python — the activering package, built against an installed libactivering.

No network and no build isolation are needed: everything comes from Debian (python3-cffi, python3-setuptools):

    pip install --no-build-isolation ./bindings/python

The library is found with `pkg-config activering-1.0` (after `make install`), or with ACTIVERING_CFLAGS and
ACTIVERING_LIBS set by hand for a library built elsewhere.
"""
from setuptools import setup

setup(
    name="activering",
    version="0.1.0",
    description="libactivering for Python: OCMW activation measures, trajectories and roles",
    license="LGPL-2.1-or-later",
    packages=["activering"],
    package_data={"activering": ["py.typed", "_cells.c"]},
    python_requires=">=3.9",
    setup_requires=["cffi>=1.15"],
    install_requires=["cffi>=1.15"],
    extras_require={"frames": ["pandas", "numpy"], "dask": ["dask", "distributed"]},
    cffi_modules=["activering/_build.py:ffibuilder"],
    zip_safe=False,
)
