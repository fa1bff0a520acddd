"""The bundled City of Stockholm example data behind :mod:`ledarutveckling.examples`."""
