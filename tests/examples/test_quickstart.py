"""The bundled example app, tested through azfn's own pytest plugin and strategies.

pyproject.toml names it (``azfn_app = "docs/examples/quickstart"``), so the
``azfn_client`` fixture serves it: this is how a user's project tests itself.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import azfn as func
from azfn import strategies as azst

if TYPE_CHECKING:
    from azfn.testing import AppSettings
    from azfn.testing import Client

ORDERS = st.fixed_dictionaries({"id": st.integers(1, 10**9)})


def test_the_fixtures_serve_the_configured_app(azfn_app: object, azfn_client: Client) -> None:
    assert isinstance(azfn_app, func.FunctionApp)
    assert set(azfn_client.functions) == {"cleanup", "hello", "place_order", "process_order"}


@settings(max_examples=25)
@given(name=st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_hello_greets_by_route_or_query(azfn_client: Client, name: str) -> None:
    assert azfn_client.get(f"/api/hello/{name}").text == f"Hello, {name}!"
    assert azfn_client.get("/api/hello", query={"name": name}).text == f"Hello, {name}!"


@settings(max_examples=25)
@given(order=ORDERS)
def test_orders_are_queued(azfn_client: Client, order: dict[str, int]) -> None:
    resp = azfn_client.post("/api/orders", json=order)
    assert resp.status_code == 202
    assert resp.get_json() == {"queued": order["id"]}
    assert resp.invocation is not None
    assert json.loads(str(resp.invocation.outputs["outbox"])) == order


@settings(max_examples=25)
@given(msg=azst.queue_messages(json=ORDERS))
def test_every_queued_order_gets_its_receipt(azfn_client: Client, msg: func.QueueMessage) -> None:
    """The receipt path comes from the message's id property (binding expression)."""
    inv = azfn_client.invoke("process_order", msg=msg)
    order = msg.get_json()
    assert isinstance(order, dict)
    assert json.loads(str(inv.outputs["receipt"])) == {"id": order["id"], "status": "processed"}
    assert inv.binding_paths["receipt"]["path"] == f"receipts/{order['id']}.json"


@settings(max_examples=15)
@given(data=st.data())
def test_the_timer_runs_whatever_the_host_sends(azfn_client: Client, data: st.DataObject) -> None:
    inputs = data.draw(azst.inputs_for(azfn_client.project.function("cleanup")))
    inv = azfn_client.invoke("cleanup", **inputs)
    timer = inputs["timer"]
    assert isinstance(timer, func.TimerRequest)
    assert inv.logs[0].getMessage() == f"cleanup ran; past due: {timer.past_due}"


def test_a_message_that_is_not_json_fails_the_invocation(azfn_client: Client) -> None:
    with pytest.raises(ValueError):  # noqa: PT011  # json's own error
        azfn_client.invoke("process_order", msg="not json")


def test_a_setting_changed_by_a_test_is_in_the_environment(azfn_settings: AppSettings) -> None:
    """Restoring it after the test is covered by the plugin's own (pytester) tests."""
    azfn_settings["QUICKSTART_MODE"] = "test"
    assert os.environ["QUICKSTART_MODE"] == "test"
    assert "QUICKSTART_MODE" in azfn_settings.changed
