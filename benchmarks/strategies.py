"""How fast ledarutveckling.testing generates (and the validators accept) objects.

Prints, per strategy, how many examples Hypothesis generated per second, including building and
validating every object and, for ledgers, running ``problems()``.

Run: .venv/bin/python benchmarks/strategies.py [examples per strategy, default 500]
"""

from __future__ import annotations

import sys
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import AgreementLedger
from ledarutveckling.examples import stockholm_agreement
from ledarutveckling.testing import (
    agreements,
    call_offs,
    evaluations,
    invalid_call_offs,
    ledgers,
    programs,
    rollout_instances,
)


def measure(name: str, strategy: st.SearchStrategy[Any], examples: int, check: Any) -> None:
    count = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        nonlocal count
        check(value)
        count += 1

    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"{name:34} {count:6} examples  {elapsed:6.2f} s  {count / elapsed:8.0f} per second")


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    agreement = stockholm_agreement()
    measure("programs()", programs(), examples, lambda p: None)
    measure("agreements()", agreements(), examples, lambda a: None)
    measure(
        "call_offs(stockholm_agreement())",
        call_offs(agreement),
        examples,
        lambda c: AgreementLedger(agreement=agreement, call_offs=[c]).problems(),
    )
    measure("ledgers() + problems()", ledgers(), examples, lambda b: b.problems())
    measure(
        "invalid_call_offs(...) + problems()",
        invalid_call_offs(agreement),
        examples,
        lambda b: AgreementLedger(agreement=agreement, call_offs=[b.value]).problems(),
    )
    measure("evaluations()", evaluations(), examples, lambda e: None)
    measure(
        "rollout_instances() + plan()",
        rollout_instances(),
        max(examples // 10, 1),
        lambda i: i.plan(),
    )


if __name__ == "__main__":
    main()
