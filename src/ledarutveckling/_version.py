"""The version of the distribution (private; read it as ``ledarutveckling.__version__``).

Static, so that ``import ledarutveckling`` does not read the installed metadata; hatch reads the
same line for the wheel (``[tool.hatch.version]`` in pyproject.toml), and a test checks that
the installed metadata agrees.
"""

__version__ = "0.1.0.dev0"
