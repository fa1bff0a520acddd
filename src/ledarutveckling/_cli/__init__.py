"""The command line, ``ledarutveckling`` (also ``python -m ledarutveckling``) (private).

Every command has ``--help``. Output goes to stdout, errors to stderr without a traceback.
Exit codes: 0 success, 1 an invalid document (or a plan that cannot be made), 2 a usage error
or a file that cannot be read or written, 141 when the reader of stdout goes away. This is the
only place that reads the clock: when ``--on`` is not given, the day is today's date in
Europe/Stockholm. It uses the public faces of the library only (an import contract checks it).

One module per command group: :mod:`.documents` (``validate``, ``schema``), :mod:`.report`,
:mod:`.scheduling` (``schedule``, ``plan-rollout``, ``replan``), :mod:`.demo` and
:mod:`.invoice`, over :mod:`.texts` (what it says, in Swedish and English), :mod:`.console`
(printing, errors, the clock) and :mod:`.files` (reading documents, writing files);
:mod:`.parser` builds the argument parser and runs :func:`main`.
"""

from __future__ import annotations

from ledarutveckling._cli.parser import build_parser, main

__all__ = ["build_parser", "main"]
