"""``ledarutveckling validate`` and ``schema``: the document commands (private)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledarutveckling import AgreementLedger, serialization
from ledarutveckling._cli.console import InvalidError, UserError, _complain, _problems, _say
from ledarutveckling._cli.files import _catalogue, _ledger_of, _load, _write, every_problem
from ledarutveckling._cli.invoice import _against_ledger
from ledarutveckling._cli.texts import _kind_name, _said
from ledarutveckling.errors import ValidationError
from ledarutveckling.serialization import DeliveryRecord, RolloutRequest, ScheduleRequest


def _validation_ledger(name: str | None, locale: str) -> AgreementLedger | None:
    """The ledger of ``validate --ledger``, read and checked; None without the option.

    Raises:
        UserError: If it cannot be read or is neither an agreement nor a ledger.
        InvalidError: If it is invalid (its problems are printed under its own name).
    """
    if name is None:
        return None
    path = Path(name)
    try:
        return _ledger_of(path, _load(path), "--ledger")
    except ValidationError as error:
        _problems(path, error, sys.stdout, locale)
        raise InvalidError from None


def cmd_validate(args: argparse.Namespace) -> int:
    """``validate FILE...``: check documents, print every problem with its path.

    A delivery document is also checked against the ledger of ``--ledger`` (its agreement,
    call-offs, programs and modules must exist there); without it, the output says so.
    """
    try:
        ledger = _validation_ledger(args.ledger, args.locale)
    except UserError as error:
        _complain("validate", error.text(args.locale), args.locale)
        return 2
    except InvalidError:  # the ledger's problems are printed
        return 1
    status = 0
    for name in args.files:
        path = Path(name)
        value: object = None
        try:
            value = _load(path)
            if isinstance(value, AgreementLedger):
                value.check()
            elif isinstance(value, ScheduleRequest):
                value.schedule(_catalogue(value, path, args.catalogue, sys.stdout, args.locale))
            elif isinstance(value, RolloutRequest):
                value.plan(_catalogue(value, path, args.catalogue, sys.stdout, args.locale))
            elif isinstance(value, DeliveryRecord) and ledger is not None:
                problems = _against_ledger(value, ledger)[1]
                if problems:
                    raise ValidationError(problems)
        except UserError as error:
            _complain("validate", error.text(args.locale), args.locale)
            status = 2
            continue
        except ValidationError as error:
            if value is None:  # the document did not read: the rest of a request is checked too
                error = every_problem(path, error, args.catalogue, args.locale)
            _problems(path, error, sys.stdout, args.locale)
            status = max(status, 1)
            continue
        except InvalidError:  # the catalogue's problems are printed
            status = max(status, 1)
            continue
        _say(_said("valid", args.locale, path=path, kind=_kind_name(type(value), args.locale)))
        if isinstance(value, DeliveryRecord) and ledger is None:
            _say(_said("unchecked", args.locale))
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema of a document kind to stdout or a file."""
    import json

    schema = serialization.json_schema(args.kind, toml=args.toml)
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        _write(Path(args.output), text, force=args.force)
    else:
        sys.stdout.write(text)
    return 0
