"""Money: an exact amount in one currency."""

from __future__ import annotations

import math
import re
import typing
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
)
from functools import cache
from typing import Final

import attrs

from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling.errors import CurrencyMismatchError, ValidationError

__all__ = ["EXACT", "PRECISE", "SWEDISH_VAT_RATE", "Money"]


SWEDISH_VAT_RATE: Final = Decimal("0.25")
"""The standard Swedish VAT rate (moms), 25 %, mervärdesskattelagen (2023:200) 9 kap. 1 §."""


EXACT: Final = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, rounding=ROUND_HALF_EVEN)
"""The decimal context of money arithmetic: adding, subtracting, multiplying and quantizing in
it are exact, whatever precision the caller's own context has (``getcontext().prec = 6``
would otherwise round ``1234567.89 + 0.01`` to ``1.23457E+6``). Never divide in it."""


PRECISE: Final = Context(prec=28, rounding=ROUND_HALF_EVEN)
"""The decimal context of divisions and ratios (index changes, shares, utilisation, means):
28 significant digits, half-even, as Python's default context, but fixed, so that a caller's
own context changes no result."""


_ORE: Final = Decimal("0.01")


_KRONA: Final = Decimal("1")


_DECIMAL_TEXT: Final = r"[+-]?(\d+(\.\d*)?|\.\d+)"


@cache
def _known_currencies() -> frozenset[str]:
    # ISO 4217 codes as CLDR knows them; loaded on first use, not at import.
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


MAX_AMOUNT_DIGITS: Final = 40
"""An amount's whole part has at most this many digits (it is below 10**40)."""


MAX_AMOUNT_DECIMALS: Final = 100
"""An amount has at most this many decimals (computed amounts carry up to 28 digits)."""


def _check_amount(instance: Money, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError.single(
                "amount",
                value,
                "must be a finite number",
                ProblemCode.MUST_BE,
                expected=Expected.NUMBER,
            )
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite
        if value and (value.adjusted() >= MAX_AMOUNT_DIGITS or exponent < -MAX_AMOUNT_DECIMALS):
            raise ValidationError.single(
                "amount",
                value if len(str(value)) <= 60 else f"{str(value)[:40]}…",
                f"must be less than 10**{MAX_AMOUNT_DIGITS} with at most "
                f"{MAX_AMOUNT_DECIMALS} decimals (the amounts the model computes with exactly)",
                ProblemCode.TOO_MANY_DIGITS,
                digits=MAX_AMOUNT_DIGITS,
                decimals=MAX_AMOUNT_DECIMALS,
            )
        return
    if isinstance(value, float):
        raise ValidationError.single(
            "amount",
            value,
            "must be a Decimal; a float cannot hold öre exactly, "
            "pass a string or Decimal such as Money.sek('12500.50')",
            ProblemCode.DECIMAL_AS_FLOAT,
            given=str(value),
        )
    raise ValidationError.single(
        "amount",
        value,
        "must be a Decimal; use Money.of(...) or Money.sek(...) to build one from an int or string",
        ProblemCode.MUST_BE,
        expected=Expected.DECIMAL,
    )


def _check_currency(instance: Money, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or value not in _known_currencies():
        hint = ""
        if isinstance(value, str) and value.upper() in _known_currencies():
            hint = f" (did you mean {value.upper()!r}?)"
        raise ValidationError.single(
            "currency",
            value,
            f"must be an ISO 4217 currency code in upper case, e.g. 'SEK'{hint}",
            ProblemCode.CURRENCY_CODE,
            given=value if isinstance(value, str) else None,
        )


def _weights(weights: object) -> list[Decimal]:
    """The weights of :meth:`Money.allocate`, checked."""
    items = list(weights) if isinstance(weights, list | tuple) else None
    if not items:
        raise ValidationError.single(
            "weights", weights, "must be a non-empty list of numbers", ProblemCode.EMPTY_LIST
        )
    checked = []
    for index, weight in enumerate(items):
        if isinstance(weight, bool) or not isinstance(weight, Decimal | int):
            raise ValidationError.single(
                f"weights[{index}]",
                weight,
                "must be an int or a Decimal",
                ProblemCode.MUST_BE,
                expected=Expected.NUMBER,
            )
        value = Decimal(weight)
        if not value.is_finite() or value < 0:
            raise ValidationError.single(
                f"weights[{index}]",
                weight,
                "must be a finite number, zero or more",
                ProblemCode.MUST_BE,
                expected=Expected.QUANTITY,
            )
        checked.append(value)
    if not any(checked):
        raise ValidationError.single(
            "weights", weights, "must not all be zero", ProblemCode.WEIGHTS_ZERO
        )
    return checked


def _to_decimal(value: Decimal | int | str, path: str = "amount") -> Decimal:
    """Turn an int or a decimal string into a Decimal exactly; refuse everything else."""
    if isinstance(value, bool):
        raise ValidationError.single(
            path,
            value,
            "must be a number, not a bool",
            ProblemCode.MUST_BE,
            expected=Expected.NUMBER,
        )
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(_DECIMAL_TEXT, text):
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
                pass
        raise ValidationError.single(
            path,
            value,
            "must be a decimal number written with a point, e.g. '12500.50'",
            ProblemCode.BAD_DECIMAL,
            given=value,
        )
    if isinstance(value, float):
        raise ValidationError.single(
            path,
            value,
            "must not be a float (it cannot hold öre exactly); "
            "pass a string or Decimal such as '12500.50'",
            ProblemCode.DECIMAL_AS_FLOAT,
            given=str(value),
        )
    raise ValidationError.single(
        path,
        value,
        "must be a Decimal, an int or a decimal string",
        ProblemCode.MUST_BE,
        expected=Expected.DECIMAL,
    )


@attrs.frozen(kw_only=True, order=False)
class Money:
    """An exact amount of money in one currency (belopp).

    Amounts are :class:`~decimal.Decimal` and are kept exactly as given (``12500`` and
    ``12500.00`` are equal); rounding happens only when you ask for it. Prices under Swedish
    framework agreements are normally stated excluding VAT (exkl. moms).

    Build from an int or a decimal string with :meth:`of` or :meth:`sek`; the constructor
    itself takes a :class:`~decimal.Decimal` only, and a float is always refused.

    Attributes:
        amount: The amount, finite.
        currency: ISO 4217 code in upper case, ``"SEK"`` by default.

    Examples:
        >>> price = Money.sek("12500.50")
        >>> price * 3
        Money(amount=Decimal('37501.50'), currency='SEK')
        >>> sum([Money.sek(100), Money.sek("0.5")])
        Money(amount=Decimal('100.5'), currency='SEK')
        >>> Money.sek("1000").with_vat()
        Money(amount=Decimal('1250.00'), currency='SEK')
    """

    amount: Decimal = attrs.field(validator=_check_amount)
    currency: str = attrs.field(default="SEK", validator=_check_currency)

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str = "SEK") -> Money:
        """Build money from a Decimal, an int or a decimal string such as ``"12500.50"``.

        Raises:
            ValidationError: For a float, a bool, text that is not a plain decimal number,
                or an unknown currency code.

        Examples:
            >>> Money.of("99.90", "EUR")
            Money(amount=Decimal('99.90'), currency='EUR')
            >>> Money.of(1.5)
            Traceback (most recent call last):
            ...
            ledarutveckling.errors.ValidationError: amount: must not be a float ...
        """
        return cls(amount=_to_decimal(amount), currency=currency)

    @classmethod
    def sek(cls, amount: Decimal | int | str) -> Money:
        """Build an amount in Swedish kronor (SEK); see :meth:`of`.

        Examples:
            >>> Money.sek(12500)
            Money(amount=Decimal('12500'), currency='SEK')
        """
        return cls.of(amount, "SEK")

    @classmethod
    def zero(cls, currency: str = "SEK") -> Money:
        """Return zero in *currency*, the start value of a sum.

        Examples:
            >>> sum([], Money.zero())
            Money(amount=Decimal('0'), currency='SEK')
        """
        return cls(amount=Decimal(0), currency=currency)

    # -- arithmetic -------------------------------------------------------------------

    def _same_currency(self, other: Money, verb: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"cannot {verb} {self.currency} and {other.currency}; convert first"
            )

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money(amount=EXACT.add(self.amount, other.amount), currency=self.currency)

    def __radd__(self, other: object) -> Money:
        # Lets the built-in sum() start from its default 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "subtract")
        return Money(amount=EXACT.subtract(self.amount, other.amount), currency=self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        if isinstance(factor, Decimal) and not factor.is_finite():
            raise ValidationError.single(
                "factor",
                factor,
                "must be a finite number",
                ProblemCode.MUST_BE,
                expected=Expected.NUMBER,
            )
        return Money(amount=EXACT.multiply(self.amount, factor), currency=self.currency)

    __rmul__ = __mul__

    @typing.overload
    def __truediv__(self, other: Money) -> Decimal: ...
    @typing.overload
    def __truediv__(self, other: Decimal | int) -> Money: ...
    def __truediv__(self, other: Money | Decimal | int) -> Money | Decimal:
        """``money / n`` is an amount (28 significant digits), ``money / money`` a ratio.

        To split an amount into parts that add up to it in whole öre, use :meth:`allocate`.

        Raises:
            ValidationError: For a divisor of zero, or one that is not finite.
            CurrencyMismatchError: For two amounts in different currencies.

        Examples:
            >>> Money.sek("100") / 4
            Money(amount=Decimal('25'), currency='SEK')
            >>> Money.sek("100") / 3
            Money(amount=Decimal('33.33333333333333333333333333'), currency='SEK')
            >>> Money.sek("25") / Money.sek("100")
            Decimal('0.25')
        """
        if isinstance(other, Money):
            self._same_currency(other, "divide")
            divisor = other.amount
        elif isinstance(other, bool) or not isinstance(other, Decimal | int):
            return NotImplemented
        else:
            divisor = Decimal(other)
        if not divisor.is_finite() or divisor == 0:
            raise ValidationError.single(
                "divisor",
                other,
                "must be a finite number other than 0",
                ProblemCode.DIVISION_BY_ZERO,
            )
        quotient = PRECISE.divide(self.amount, divisor)
        if isinstance(other, Money):
            return quotient
        return Money(amount=quotient, currency=self.currency)

    def allocate(self, weights: typing.Sequence[Decimal | int]) -> tuple[Money, ...]:
        """Split the amount over parts in proportion to *weights*, in whole öre, losing none.

        Each part gets its share rounded down to the öre; the öre left over go one each to the
        parts that lost the most in rounding (the first of equals first). The parts add up to
        the amount exactly. A negative amount is split as its opposite, then negated.

        Args:
            weights: One weight per part, none negative, not all zero (e.g. ``[1, 1, 1]`` for
                three equal parts, or the participants per unit).

        Raises:
            ValidationError: For no weights, a negative, non-finite or non-number weight, all
                weights zero (path ``weights``), or an amount that is not whole öre (path
                ``amount``: round it first with :meth:`round_to_ore`).

        Examples:
            >>> [part.amount for part in Money.sek("100").allocate([1, 1, 1])]
            [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
            >>> [part.amount for part in Money.sek("1000").allocate([12, 7, 5])]
            [Decimal('500.00'), Decimal('291.67'), Decimal('208.33')]
        """
        checked = _weights(weights)
        if self.amount != self.amount.quantize(_ORE, context=EXACT):
            raise ValidationError.single(
                "amount",
                self.amount,
                "must be whole öre to be allocated; round it first",
                ProblemCode.NOT_WHOLE_ORE,
                given=self.amount,
            )
        sign = -1 if self.amount < 0 else 1
        ore = int(abs(self.amount) * 100)
        from fractions import Fraction  # on first use: importing it costs milliseconds

        total = sum(Fraction(w) for w in checked)
        exact = [ore * Fraction(w) / total for w in checked]  # exact: no rounding yet
        parts = [math.floor(share) for share in exact]
        left = ore - sum(parts)
        by_loss = sorted(range(len(parts)), key=lambda i: (-(exact[i] - parts[i]), i))
        for index in by_loss[:left]:
            parts[index] += 1
        return tuple(
            Money(amount=Decimal(sign * part).scaleb(-2), currency=self.currency) for part in parts
        )

    def __neg__(self) -> Money:
        return Money(amount=EXACT.minus(self.amount), currency=self.currency)

    def __abs__(self) -> Money:
        return Money(amount=EXACT.abs(self.amount), currency=self.currency)

    # -- ordering within one currency -------------------------------------------------

    def _key(self, other: Money, op: str) -> tuple[Decimal, Decimal] | None:
        if not isinstance(other, Money):
            return None
        self._same_currency(other, f"compare ({op})")
        return self.amount, other.amount

    def __lt__(self, other: Money) -> bool:
        pair = self._key(other, "<")
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: Money) -> bool:
        pair = self._key(other, "<=")
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: Money) -> bool:
        pair = self._key(other, ">")
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: Money) -> bool:
        pair = self._key(other, ">=")
        return NotImplemented if pair is None else pair[0] >= pair[1]

    # -- rounding and VAT -------------------------------------------------------------

    def round_to_ore(self) -> Money:
        """Round half up to whole öre (0.01), as on a Swedish invoice.

        Examples:
            >>> Money.sek("10.005").round_to_ore()
            Money(amount=Decimal('10.01'), currency='SEK')
        """
        amount = self.amount.quantize(_ORE, ROUND_HALF_UP, context=EXACT)
        return Money(amount=amount, currency=self.currency)

    def round_to_krona(self) -> Money:
        """Round half up to whole kronor (1.00).

        Examples:
            >>> Money.sek("12500.50").round_to_krona()
            Money(amount=Decimal('12501'), currency='SEK')
        """
        amount = self.amount.quantize(_KRONA, ROUND_HALF_UP, context=EXACT)
        return Money(amount=amount, currency=self.currency)

    def vat(self, rate: Decimal = SWEDISH_VAT_RATE) -> Money:
        """Return the VAT (moms) on this amount, rounded half up to öre.

        Args:
            rate: The VAT rate as a fraction, 0 to 1; 25 % (``Decimal("0.25")``) by default.
                Sweden's reduced rates are 12 % and 6 %.

        Raises:
            ValidationError: If *rate* is not a Decimal between 0 and 1.

        Examples:
            >>> Money.sek("999.99").vat()
            Money(amount=Decimal('250.00'), currency='SEK')
            >>> Money.sek("100").vat(Decimal("0.06"))
            Money(amount=Decimal('6.00'), currency='SEK')
        """
        if (
            isinstance(rate, bool)
            or not isinstance(rate, Decimal)
            or not rate.is_finite()
            or not Decimal(0) <= rate <= Decimal(1)
        ):
            raise ValidationError.single(
                "rate",
                rate,
                "must be a Decimal between 0 and 1, e.g. Decimal('0.25')",
                ProblemCode.MUST_BE,
                expected=Expected.SHARE,
            )
        return (self * rate).round_to_ore()

    def with_vat(self, rate: Decimal = SWEDISH_VAT_RATE) -> Money:
        """Return this amount plus VAT (inkl. moms); the VAT is rounded to öre first.

        Examples:
            >>> Money.sek("12500.50").with_vat()
            Money(amount=Decimal('15625.63'), currency='SEK')
        """
        return self + self.vat(rate)
