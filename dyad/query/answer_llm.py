"""Optional phrasing of an answer by an OpenAI-compatible endpoint (``settings.llm_url``).

The model only rewords: the answer and every piece of evidence come from Dyad's own
retrieval, and the model sees nothing else. Any failure keeps the extracted answer.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

TIMEOUT = 20.0
SYSTEM = ("Rephrase the given answer as one short sentence for a reader. Use only the evidence given. "
          "Do not add facts. If the answer is 'No', say so plainly.")


def _prompt(result) -> str:
    lines = [f"Question: {result.question}", f"Answer: {result.answer}", "Evidence:"]
    lines += [f"- {e.sentence} ({e.outlet or 'unknown outlet'}, {e.published_at or 'undated'})"
              for e in result.evidence[:5]]
    return "\n".join(lines)


def phrase(settings, result) -> str | None:
    import httpx

    url = settings.llm_url.rstrip("/") + "/chat/completions"
    body = {"model": "default", "temperature": 0,
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": _prompt(result)}]}
    try:
        response = httpx.post(url, json=body, timeout=TIMEOUT)
        response.raise_for_status()
        return response.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
        log.warning("LLM phrasing failed (%s); keeping the extracted answer", exc)
        return None
