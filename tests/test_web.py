"""The workbench's application: the API and pages over a store, its headers and its
binding rule (issue 14). Endpoint-by-endpoint tests live beside their routes' tests."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factions.cli import app as cli
from factions.web.app import CONTENT_SECURITY_POLICY, ServeError, check_binding, create_app

EXAMPLE = (
    "Islamic State fighters attacked al-Qaeda positions near Idlib on 3 May 2017, the Syrian "
    "Observatory for Human Rights said. Ayman al-Zawahiri, the leader of al-Qaeda, urged unity."
)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    (folder / "a.txt").write_text(EXAMPLE, "utf-8")
    url = f"sqlite:///{folder / 'store.db'}"
    result = CliRunner().invoke(cli, ["ingest", str(folder / "a.txt"), "--db", url, "--published", "2017-05-04"])
    assert result.exit_code == 0, result.output
    return url


def test_summary_api_and_home_page_read_the_store(store_url):
    client = TestClient(create_app(store_url))
    data = client.get("/api/v1/summary").json()
    assert data["counts"]["documents"] == 1 and data["counts"]["events"] >= 1
    names = {a["name"] for a in data["top_actors"]}
    assert {"Islamic State", "al-Qaeda"} <= names
    page = client.get("/")
    assert page.status_code == 200 and "al-Qaeda" in page.text
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "/api/v1/summary" in client.get("/openapi.json").json()["paths"]


def test_a_token_is_checked_on_every_request(store_url):
    client = TestClient(create_app(store_url, token="s3cret"))
    assert client.get("/api/v1/summary").status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/v1/summary", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_only_loopback_binds_without_a_token():
    for host in ("127.0.0.1", "::1", "localhost"):
        check_binding(host, None)
    check_binding("0.0.0.0", "t")
    for host in ("0.0.0.0", "192.168.1.4", "::"):
        with pytest.raises(ServeError, match="--token"):
            check_binding(host, None)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"], env={"FACTIONS_TOKEN": ""})
    assert result.exit_code == 2 and "FACTIONS_TOKEN" in result.output
