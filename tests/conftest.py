"""Hypothesis profiles for the test suite.

The machines are shared and noisy, so no profile has a deadline: speed is measured by the
scripts in ``benchmarks/``, never by timed tests. Under CI (``CI`` set, as ``.ci/run`` is run)
the examples are derandomised and no example database is read or written, so a run on a clean
clone is reproducible and cannot be tripped by examples saved by an older version of the code.
Locally, Hypothesis explores new examples on every run and remembers failures.
"""

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
