"""One generated unstructure function per attrs class, with its leaves written inline (private).

cattrs' generated function for a class calls one hook per field that is not a plain string,
integer or boolean: an enum's hook, an optional's hook that calls the inner hook, a tuple's hook
that calls the item hook per item. Writing a document of 24,000 dated sessions made ~150,000 such
calls, most of them trivial (``member.value``, ``None if value is None else …``). This module
generates the same function with the trivial hooks written inline:

- a field whose hook is the identity is read as it is (as cattrs does);
- a field whose hook the caller names in *inline* is written with the caller's expression
  (e.g. ``format(value, 'f')`` for the hook that writes a Decimal so);
- ``X | None`` becomes ``None if value is None else <X's expression>``;
- ``tuple[X, ...]`` and ``list[X]`` become one list comprehension with X's expression inside
  (``list(value)`` when X is written as it is);
- anything else calls the converter's own hook for its type, as cattrs' function does — a nested
  attrs class calls the function generated for it, once per object, not per field.

The fields are attrs' own (``attrs.fields``), chosen as cattrs chooses them (fields with
``init=False`` are left out, keys are the attribute names), so there is one list of fields; a
class with anything this module does not mirror (a type variable, ``Annotated`` overrides, a
bare ``Final``, a field without a type) gets cattrs' function unchanged. The tests compare the
two functions' output on generated values of every public type.

:class:`JsonFunctions` holds a second, *lazy* function per class for writing JSON, from the same
generator: it does not build the whole tree of plain data before the encoder writes it, but
leaves long sequences of attrs objects to the encoder's ``default`` hook, so each part is
written and freed in turn (see there).
"""

from __future__ import annotations

import contextvars
import itertools
import linecache
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_unstructure_fn

from ledarutveckling.errors import MISSING

Unstructure = Callable[[Any], Any]


_NONE_TYPE: Final = type(None)


_UNION_TYPE: Final = type(int | str)


_SEQUENCES: Final = (tuple, list)


LONG: Final = 16
"""Sequences of attrs objects longer than this are left to the JSON encoder (see JsonFunctions)."""


_GENERATING: Final[contextvars.ContextVar[frozenset[type]]] = contextvars.ContextVar(
    "_GENERATING", default=frozenset()
)
"""The classes whose functions are being generated, outer first: a class that holds itself."""


def _unusual(type_: Any) -> bool:
    """Whether *type_* holds something cattrs treats specially that this module does not mirror."""
    if type_ is None or isinstance(type_, typing.TypeVar) or type_ is typing.Final:
        return True
    origin = typing.get_origin(type_)
    if origin is typing.Annotated or origin is typing.Final:
        return True
    return any(_unusual(arg) for arg in typing.get_args(type_) if arg is not Ellipsis)


def _optional_of(type_: Any) -> Any:
    """``X`` for ``X | None`` (``Optional[X]``), else ``None``."""
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, _UNION_TYPE) and len(args) == 2:
        if args[1] is _NONE_TYPE:
            return args[0]
        if args[0] is _NONE_TYPE:
            return args[1]
    return None


def _item_of(type_: Any) -> Any:
    """``X`` for ``tuple[X, ...]`` and ``list[X]``, else ``None``."""
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    if origin is list and len(args) == 1:
        return args[0]
    return None


def _attrs_class(type_: Any) -> bool:
    return isinstance(type_, type) and attrs.has(type_)


class _Writer:
    """Writes the expressions of one generated function, and the names it refers to."""

    def __init__(
        self,
        converter: cattrs.Converter,
        inline: Mapping[Unstructure, str],
        *,
        lazy: Callable[[type], Unstructure] | None,
    ) -> None:
        self.converter = converter
        self.inline = inline
        self.lazy = lazy
        self.namespace: dict[str, Any] = {}
        self.names: Iterator[int] = itertools.count()

    def _local(self) -> str:
        return f"_v{next(self.names)}"

    def _bind(self, value: object) -> str:
        name = f"_h{next(self.names)}"
        self.namespace[name] = value
        return name

    def _hook(self, type_: Any) -> Unstructure:
        if isinstance(type_, type) and type_ in _GENERATING.get():
            return self.converter.unstructure  # a class holding itself: found when written
        return self.converter.get_unstructure_hook(type_)

    def expression(self, type_: Any, value: str) -> str:
        """Python code that unstructures the *type_* held in the variable *value*."""
        inner_type = _optional_of(type_)
        if inner_type is not None and inner_type is not Any:
            name = self._local()
            inner = self.expression(inner_type, name)
            if inner == name:  # None if value is None else value
                return value
            return f"(None if ({name} := {value}) is None else {inner})"
        item_type = _item_of(type_)
        if self.lazy is not None and _attrs_class(type_):
            # Exactly the declared class: its own lazy function, or the encoder for a class
            # that holds itself; anything else (a subclass) the converter's hook.
            name, cls, eager = self._local(), self._bind(type_), self._bind(self._hook(type_))
            lazy = "" if type_ in _GENERATING.get() else self._bind(self.lazy(type_))
            return f"({lazy}({name}) if type({name} := {value}) is {cls} else {eager}({name}))"
        if self.lazy is not None and _attrs_class(item_type):
            # Items all exactly the declared class: a long sequence is left to the encoder, a
            # short one written item by item with their lazy function; any other item (a
            # subclass) with the converter's hook.
            name, item, cls = self._local(), self._local(), self._bind(item_type)
            only = self._bind(frozenset({item_type}))
            eager = self._bind(self._hook(item_type))
            if item_type in _GENERATING.get():
                each = f"{eager}({item})"  # a class that holds itself: the encoder's turn below
            else:
                lazy = self._bind(self.lazy(item_type))
                each = f"({lazy}({item}) if type({item}) is {cls} else {eager}({item}))"
            return (
                f"({name} if type({name} := {value}) in _SEQUENCES and len({name}) > {LONG}"
                f" and set(map(type, {name})) <= {only}"
                f" else [{each} for {item} in {name}])"
            )
        if item_type is not None and item_type is not Any:
            name = self._local()
            item = self.expression(item_type, name)
            if item == name:
                return f"list({value})"
            return f"[{item} for {name} in {value}]"
        hook: Unstructure = self._hook(type_)
        if hook == identity:
            return value
        template = self.inline.get(hook)
        if template is not None:
            return template.format(value)
        return f"{self._bind(hook)}({value})"


def missing_default_fields(cls: type) -> tuple[str, ...]:
    """The fields of *cls* typed ``object`` whose default is ``MISSING`` (``Problem.value``)."""
    return tuple(
        a.name for a in attrs.fields(cls) if a.type in (object, Any) and a.default is MISSING
    )


def make_unstructure_fn(
    cls: type,
    converter: cattrs.Converter,
    inline: Mapping[Unstructure, str],
    *,
    lazy: Callable[[type], Unstructure] | None = None,
) -> Unstructure:
    """Generate the function that turns a *cls* into the dict cattrs' function gives.

    Args:
        cls: An attrs class.
        converter: The converter whose hooks write the fields' types.
        inline: Hooks of *converter* to write inline, each with the expression that does the
            same, ``{}`` standing for the value (evaluated once), e.g.
            ``{_unstructure_decimal: "format({}, 'f')"}``.
        lazy: Generate the lazy function of :class:`JsonFunctions` (see there); *lazy* gives
            the lazy function of a nested attrs class.

    Returns:
        A function of one argument, a *cls*, giving its fields as a dict in attrs' order.
    """
    attrs.resolve_types(cls)
    fields = [a for a in attrs.fields(cls) if a.init]
    if missing_default_fields(cls):  # the converter's own hook leaves MISSING out
        hook: Unstructure = converter.get_unstructure_hook(cls)
        return hook
    if any(_unusual(a.type) for a in fields):
        generated: Unstructure = make_dict_unstructure_fn(cls, converter)
        return generated
    writer = _Writer(converter, inline, lazy=lazy)
    writer.namespace["_SEQUENCES"] = _SEQUENCES
    token = _GENERATING.set(_GENERATING.get() | {cls})
    try:
        entries = [
            f"{a.name!r}: {writer.expression(a.type, f'instance.{a.name}')}," for a in fields
        ]
    finally:
        _GENERATING.reset(token)
    name = f"unstructure_{cls.__name__}"
    lines = [f"def {name}(instance):", "    return {", *(f"        {e}" for e in entries), "    }"]
    source = "\n".join(lines) + "\n"
    filename = f"<ledarutveckling unstructure {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), writer.namespace)
    function: Unstructure = writer.namespace[name]
    return function


class JsonFunctions:
    """The lazy functions of a converter's attrs classes, for a JSON encoder's ``default`` hook.

    Writing a large document by first building its whole tree of plain data (100,000 dicts
    and lists for the benchmark's 1,000 call-offs), then encoding it, then freeing it, spends
    a third of the time on memory. A lazy function differs from the plain one in one way: a
    tuple or list of more than :data:`LONG` objects that are all exactly of the declared attrs
    class is left as it is, and the encoder (orjson or the json module) calls :attr:`default`
    on each item, which writes it with its class's lazy function; the encoder frees each part
    once written. Every other field is written as the plain function writes it: an object of
    exactly its declared class (and each item of a short sequence) by that class's lazy
    function, anything else (a subclass) by the converter's hook for the declared type. So
    each object is written by its declared class's function and the text is the text of the
    converter's plain data. (A class that holds itself leaves those fields to the encoder,
    whose :attr:`default` finds its function when it is written.)
    """

    def __init__(self, converter: cattrs.Converter, inline: Mapping[Unstructure, str]) -> None:
        self._converter = converter
        self._inline = inline
        functions: dict[type, Unstructure] = {}
        self._functions = functions

        def default(value: object) -> Any:
            function = functions.get(type(value))
            if function is None:
                function = self._missing(value)
            return function(value)

        self.default: Final[Callable[[object], Any]] = default
        """Write *value*, an attrs object left by a lazy function, as its fields (a dict)."""

    def function(self, cls: type) -> Unstructure:
        """The lazy function of the attrs class *cls*, generated on first use."""
        found = self._functions.get(cls)
        if found is None:
            found = make_unstructure_fn(cls, self._converter, self._inline, lazy=self.function)
            self._functions[cls] = found
        return found

    def _missing(self, value: object) -> Unstructure:
        cls = type(value)
        if not _attrs_class(cls):
            raise TypeError(f"Type is not JSON serializable: {cls.__name__}")
        return self.function(cls)
