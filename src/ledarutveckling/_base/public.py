"""Give the public objects their public home in ``__module__`` (private).

Every public class, enum and function is defined in a private module (``_procurement``,
``_rollout``…) and re-exported by a public face. :func:`publish`, called by each room's
``__init__.py`` after importing the room's modules that define public objects, sets their
``__module__`` to the face that exports them, as svcs does, so that reprs, pickles, ``help()``
and the documentation name the path users import from and the files can move without breaking
a pickle. The room does it, not the face, so that whatever imports a room's module first (the
root, another room, a test importing a private module), the room's ``__init__.py`` has run by
the time anything can use its objects. The functions written in a
published class's body move with it, so that :mod:`doctest` finds their examples (it searches a
class's methods in the class's module).

A class whose annotations are strings (``from __future__ import annotations``) has
them resolved first: cattrs and :func:`typing.get_type_hints` look the names up in
``sys.modules[cls.__module__]``, which after the change is the face, not the module that
imported them; so both the class's own ``__annotations__`` and its attrs fields' types are
replaced by the types while ``__module__`` still names the defining module.
"""

from __future__ import annotations

import inspect
import typing
from typing import Any, Final

import attrs

_WRAPPERS: Final = (classmethod, staticmethod)


def publish(module_name: str, *objects: object) -> None:
    """Set ``__module__`` of each class or function to *module_name*; leave the rest alone.

    Objects already public (defined in a module with no ``_``-prefixed part) keep their home:
    a name re-exported by two faces (``Session`` from the root and from ``scheduling``) stays
    with the first face that publishes it, which is the root, imported first.

    Examples:
        >>> class Example:
        ...     pass
        >>> Example.__module__ = "ledarutveckling._private"
        >>> publish("ledarutveckling.public", Example, 42)
        >>> Example.__module__
        'ledarutveckling.public'
        >>> publish("ledarutveckling.other", Example)
        >>> Example.__module__
        'ledarutveckling.public'
    """
    for obj in objects:
        if not isinstance(obj, type) and not callable(obj):
            continue
        current = getattr(obj, "__module__", None)
        if not isinstance(current, str) or not _is_private(current):
            continue
        if isinstance(obj, type):
            _resolve_annotations(obj)
            for function in _own_functions(obj, current):
                function.__module__ = module_name
        obj.__module__ = module_name


def _own_functions(cls: type, module_name: str) -> list[Any]:
    """The functions written in the body of *cls*: methods, class and static methods, properties.

    They move with their class, so that :mod:`doctest` (which keeps a method's examples only
    when the method's module is the one it searches) still finds their examples.
    """
    found: list[Any] = []
    for value in vars(cls).values():
        if isinstance(value, _WRAPPERS):
            value = value.__func__
        if isinstance(value, property):
            found.extend(f for f in (value.fget, value.fset, value.fdel) if f is not None)
        elif callable(value):
            found.append(value)
    prefix = cls.__qualname__ + "."
    return [
        f
        for f in found
        if getattr(f, "__module__", None) == module_name
        and getattr(f, "__qualname__", "").startswith(prefix)
    ]


def _resolve_annotations(cls: type) -> None:
    """Replace the class's own string annotations, and its attrs fields' types, by the types.

    Done while ``__module__`` still names the module whose globals define the names.
    """
    own = inspect.get_annotations(cls)
    if not own:
        return
    if attrs.has(cls):
        attrs.resolve_types(cls)
        # The fields' types are the class's hints: when every annotation is a field (no
        # ClassVar), the strings are evaluated once, not a second time (the import's cost).
        types = {field.name: field.type for field in attrs.fields(cls)}
        if own.keys() <= types.keys():
            cls.__annotations__ = {name: types[name] for name in own}
            return
    hints = typing.get_type_hints(cls, include_extras=True)
    cls.__annotations__ = {name: hints[name] for name in own}


def _is_private(module_name: str) -> bool:
    """Whether *module_name* is a module of this package with a ``_``-prefixed part."""
    parts = module_name.split(".")
    return parts[0] == "ledarutveckling" and any(part.startswith("_") for part in parts[1:])
