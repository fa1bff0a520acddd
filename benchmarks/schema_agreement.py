"""How often the JSON Schema agrees with the library on the fuzz corpus; prints figures.

The corpus is the one of tests/test_serialization_fuzz.py: valid documents of each kind with one
to three random changes (a value replaced by a nasty one or by random JSON, a key deleted or
added, an item appended), drawn with a fixed seed. For each document, the library reads it
(``from_json``) and jsonschema validates it against ``json_schema(kind)``.

Run: PYTHONPATH=.:src .venv/bin/python benchmarks/schema_agreement.py [EXAMPLES_PER_KIND]
"""

from __future__ import annotations

import collections
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_schema import DOCUMENTS, _validator, judge
from tests.test_serialization_fuzz import mutated


def main(examples: int) -> None:
    totals: collections.Counter[str] = collections.Counter()
    for cls, kind, valid in DOCUMENTS:
        counts: collections.Counter[str] = collections.Counter()
        validator = _validator(kind)

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(data=st.data())
        def run(data: st.DataObject) -> None:
            document = data.draw(mutated(cls, valid))  # noqa: B023 - run at once
            counts[judge(cls, validator, document)] += 1  # noqa: B023

        run()
        print(f"{kind:>12}: {dict(sorted(counts.items()))}")
        totals.update(counts)
    refused = sum(v for k, v in totals.items() if k != "both accept" and k != "schema only")
    print(f"documents: {sum(totals.values())}; {dict(sorted(totals.items()))}")
    print(
        f"refused by the library: {refused}, of which the schema refuses "
        f"{totals['both refuse']} ({totals['both refuse'] / refused:.1%}); "
        f"refused for shape or type but accepted by the schema: {totals['library only (shape)']}; "
        f"refused as a whole number written as a float: "
        f"{totals['library only (a whole number written as a float)']}; "
        f"refused by the schema but read by the library: {totals['schema only']}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
