"""The HTML pages in a real browser (Debian's chromium through Playwright) against a real
uvicorn server on loopback, over a store built by ingesting the seed documents.

Each test is a user's path: ask and open the cited sentence in its document, browse an actor,
a dyad, filter events, search; bad input gets a page with the message; and no page ever
requests anything from another host.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from dyad.settings import Settings

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from dyad.runner import ingest
    from dyad.store import Store
    from dyad.web.app import create_app

    settings = Settings(db=str(tmp_path_factory.mktemp("pages") / "pages.db"))
    store = Store(settings.db)
    outcomes = list(ingest([str(SEEDS)], store, settings))
    assert sum(o.kind == "stored" for o in outcomes) == 6
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(settings, store=store), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records every URL it requests, to check that all stay on the server."""
    context = browser.new_context()
    pg = context.new_page()
    pg.requested = []
    pg.on("request", lambda request: pg.requested.append(request.url))
    yield pg
    off_site = [u for u in pg.requested if not u.startswith(server) and not u.startswith("data:")]
    context.close()
    assert off_site == [], f"pages must not load anything from elsewhere: {off_site}"


def test_web_pages_ask_then_read_the_cited_sentence_in_context(page, server):
    page.goto(server + "/")
    page.get_by_label("Question").fill("Who supplies Iran with surveillance technology?")
    page.get_by_label("Question").press("Enter")
    page.wait_for_selector("#result")
    assert "China" in page.inner_text(".answer")
    cited = page.locator("blockquote").first
    sentence = cited.inner_text().split("\n")[0].strip()
    assert "Iran" in sentence
    cited.get_by_role("link", name="in context").click()
    page.wait_for_selector("#cited")
    assert page.inner_text("#cited").strip() == sentence
    assert page.locator("h1").inner_text()  # the document's title


def test_web_pages_negated_answer_says_no(page, server):
    page.goto(server + "/?q=" + "Did Russia help Iran during the Iran-Israel war?".replace(" ", "+"))
    assert page.inner_text(".answer").strip().lower().startswith("no")
    assert "stopped short" in page.inner_text("#result")


def test_web_pages_actor_from_the_list(page, server):
    page.goto(server + "/actors?q=China")
    page.get_by_role("link", name="China", exact=True).first.click()
    assert page.locator("h1").inner_text().strip() == "China"
    assert page.locator("table.events tbody tr[data-event]").count() > 0
    assert "Partners" in page.inner_text("main")


def test_web_pages_dyad_chart_and_months(page, server):
    page.goto(server + "/dyad")
    page.get_by_label("Actor A").fill("China")
    page.get_by_label("Actor B").fill("Iran")
    page.get_by_role("button", name="Show").click()
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("svg[role=img] rect").count() > 0  # bars for the counted months
    assert page.locator("table.months tbody tr").count() > 0
    # the negated assistance is shown apart, not counted as cooperation
    assert "Negated or denied" in page.inner_text("main")


def test_web_pages_events_filter_negated(page, server):
    page.goto(server + "/events")
    page.get_by_label("Negated").select_option("yes")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.events tbody tr[data-event]")
    assert rows.count() > 0
    for i in range(rows.count()):
        assert "negated" in rows.nth(i).inner_text()
    assert "events" in page.inner_text("p.meta")


def test_web_pages_events_min_confidence_narrows_the_list(page, server):
    page.goto(server + "/events")
    everything = int(page.inner_text("p.meta").split(" of ")[1].split()[0])
    page.get_by_label("Min confidence").fill("0.2")
    page.get_by_role("button", name="Filter").click()
    surer = int(page.inner_text("p.meta").split(" of ")[1].split()[0])
    assert 0 < surer < everything


def test_web_pages_search_links_to_documents(page, server):
    page.goto(server + "/search")
    page.get_by_label("Words").fill("drones")
    page.get_by_label("Words").press("Enter")
    hits = page.locator("blockquote")
    assert hits.count() > 0
    assert "drone" in hits.first.inner_text().lower()


def test_web_pages_bad_input_gets_a_page_with_the_reason(page, server):
    response = page.goto(server + "/actor/Nobody%20Anyone%20Knows")
    assert response.status == 404 and page.locator("[role=alert]").inner_text()
    response = page.goto(server + "/events?page=0")
    assert response.status == 422 and "page" in page.inner_text("[role=alert]")
    response = page.goto(server + "/events?from=not-a-date")
    assert response.status == 400 and page.locator("[role=alert]").inner_text()
