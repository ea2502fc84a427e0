"""Property tests from the OpenAPI document (schemathesis): no input gives a 5xx, and every
response matches its documented schema. Bounded: a few examples per operation, no deadline flakes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance

from parleywatch.api import ApiSettings, create_app
from parleywatch.store import Store
from test_api_sample import build_sample

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder: Path = tmp_path_factory.mktemp("schema")
    with Store.open(str(folder / "schema.db")) as store:
        build_sample(store, folder)
    app = create_app(str(folder / "schema.db"), ApiSettings(ingest_token=None))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


def test_no_server_errors(api_schema: Any) -> None:
    """Each operation gets a few generated requests (schemathesis' pytest loader does not run on pytest 9)."""
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case: Any) -> None:
            case.call_and_validate(checks=CHECKS)

        run()
