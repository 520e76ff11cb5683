"""An opt-in, read-only dashboard page: ``app.include_router(task_dashboard_router())``.

One HTML page (no external assets: it works offline and behind strict CSPs) that polls a
JSON view of the counts by state and the newest tasks, and draws them with progress bars,
errors (every attempt's), takeovers and why a task whose worker vanished waits again. It
only reads: cancelling and retrying stay with ``app.tasks`` and ``fastapi tasks``.
Arguments are never sent to the page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from enum import Enum
from typing import Annotated, Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from fastapi.param_functions import Query
from fastapi.routing import APIRouter
from fastapi.tasks.records import TaskState
from fastapi.tasks.runtime import TaskRuntime, runtime_or_404


def _runtime(request: Request) -> TaskRuntime:
    return runtime_or_404(request, "Not Found")


def task_dashboard_router(
    *,
    prefix: str = "/task-dashboard",
    title: str = "Background tasks",
    refresh: float = 2.0,
    limit: int = 100,
    dependencies: Sequence[Any] | None = None,
    tags: Sequence[str | Enum] = ("tasks",),
    include_in_schema: bool = False,
    **options: Any,
) -> APIRouter:
    """``GET {prefix}`` (the page) and ``GET {prefix}/data`` (what it polls every ``refresh``
    seconds). Protect it like any router: ``dependencies=[Depends(require_admin)]``."""
    router = APIRouter(
        prefix=prefix, tags=list(tags), dependencies=list(dependencies or ()), **options
    )
    page = _PAGE.replace("__TITLE__", html.escape(title)).replace(
        "__CONFIG__", json.dumps({"refresh": max(0.2, refresh)})
    )

    @router.get("", response_class=HTMLResponse, include_in_schema=include_in_schema)
    def dashboard_page() -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    @router.get("/data", include_in_schema=include_in_schema, summary="Task dashboard data")
    def dashboard_data(
        request: Request,
        state: Annotated[TaskState | None, Query(description="Only tasks in this state")] = None,
    ) -> Any:
        runtime = _runtime(request)
        tasks = runtime.list(state=state, limit=limit)
        return {
            "counts": {s.value: n for s, n in runtime.counts().items()},
            "tasks": [status.model_dump(mode="json", exclude={"arguments"}) for status in tasks],
        }

    return router


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
  :root { --bg: #f6f7f9; --fg: #1d2330; --muted: #6b7385; --line: #e2e5eb; --card: #fff;
          --pending: #8a94a6; --running: #2f6fde; --succeeded: #1f9d55; --failed: #d64545;
          --cancelled: #b7791f; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
         background: var(--bg); color: var(--fg); }
  header { padding: 20px 28px 8px; display: flex; align-items: baseline; gap: 16px; }
  h1 { font-size: 20px; margin: 0; }
  #updated { color: var(--muted); font-size: 12px; }
  #counts { display: flex; gap: 12px; padding: 8px 28px 16px; flex-wrap: wrap; }
  .count { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
           padding: 10px 16px; min-width: 120px; cursor: pointer; border-top: 4px solid; }
  .count.active { outline: 2px solid var(--fg); }
  .count b { display: block; font-size: 22px; }
  .count span { color: var(--muted); text-transform: capitalize; }
  table { width: calc(100% - 56px); margin: 0 28px 28px; border-collapse: collapse;
          background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line);
           vertical-align: top; }
  th { font-size: 12px; color: var(--muted); font-weight: 600; }
  td.id { font-family: ui-monospace, monospace; font-size: 12px; color: var(--muted); }
  .state { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff;
           font-size: 12px; }
  .bar { width: 180px; height: 10px; background: var(--line); border-radius: 5px;
         overflow: hidden; }
  .bar > div { height: 100%; background: var(--running); transition: width .3s; }
  .message { color: var(--muted); font-size: 12px; }
  .error { color: var(--failed); font-family: ui-monospace, monospace; font-size: 12px;
           white-space: pre-wrap; max-width: 420px; }
  .reason { max-width: 260px; margin-top: 4px; }
  .history { margin: 4px 0 0; padding-left: 22px; }
  summary { cursor: pointer; color: var(--muted); }
  #empty { margin: 0 28px; color: var(--muted); }
</style>
</head>
<body>
<header><h1>__TITLE__</h1><span id="updated">loading...</span></header>
<div id="counts"></div>
<table id="tasks">
  <thead><tr><th>Task</th><th>Id</th><th>State</th><th>Progress</th><th>Attempts</th>
  <th>Created</th><th>Error</th></tr></thead>
  <tbody></tbody>
</table>
<p id="empty" hidden>No tasks.</p>
<script>
"use strict";
const CONFIG = __CONFIG__;
const STATES = ["pending", "running", "succeeded", "failed", "cancelled"];
const dataUrl = location.pathname.replace(/\\/$/, "") + "/data";
let filter = new URLSearchParams(location.search).get("state");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);  // text is inserted as text, never HTML
  return node;
}

function progressCell(task) {
  const p = task.progress;
  if (!p) return el("td", {}, task.state === "succeeded" ? "done" : "");
  const share = p.total ? Math.min(100, Math.round(100 * p.done / p.total)) : null;
  const bar = el("div", {"class": "bar", "title": share === null ? "" : share + "%"},
                 el("div", {"style": "width: " + (share === null ? 100 : share) + "%"}));
  const label = p.done + (p.total ? " / " + p.total : "") + (p.message ? " \\u2014 " + p.message : "");
  return el("td", {"class": "progress"}, bar, el("div", {"class": "message"}, label));
}

function attemptsCell(task) {
  const cell = el("td", {"class": "attempts"}, task.attempts + " / " + task.max_attempts);
  if (task.takeovers) {
    const label = task.takeovers + (task.takeovers === 1 ? " takeover" : " takeovers");
    cell.append(el("div", {"class": "message", "title": "attempts whose worker vanished"}, label));
  }
  return cell;
}

function errorsCell(task) {
  const cell = el("td", {"class": "error"}, task.error || "");
  const errors = task.errors || [];
  if (errors.length > (task.error ? 1 : 0)) {
    const list = el("ol", {"class": "history"}, ...errors.map(entry => el("li", {"value": entry.attempt},
      entry.error + (entry.worker ? " (" + entry.worker + ")" : ""))));
    cell.append(el("details", {}, el("summary", {}, errors.length + " attempt errors"), list));
  }
  return cell;
}

function row(task) {
  const state = el("td", {}, el("span", {"class": "state", "style": "background: var(--" + task.state + ")"},
                   task.state + (task.cancel_requested && task.state === "running" ? " (cancelling)" : "")));
  if (task.reason) state.append(el("div", {"class": "message reason"}, task.reason));
  const when = new Date(task.created_at).toLocaleString();
  return el("tr", {"data-state": task.state, "data-id": task.id},
    el("td", {}, task.name), el("td", {"class": "id"}, task.id), state,
    progressCell(task), attemptsCell(task), el("td", {}, when), errorsCell(task));
}

function drawCounts(counts) {
  const box = document.getElementById("counts");
  box.replaceChildren(...STATES.map(state => {
    const card = el("div", {"class": "count" + (filter === state ? " active" : ""),
                            "style": "border-top-color: var(--" + state + ")", "data-state": state},
                    el("b", {}, String(counts[state] || 0)), el("span", {}, state));
    card.onclick = () => { filter = filter === state ? null : state; refresh(); };
    return card;
  }));
}

async function refresh() {
  try {
    const query = filter ? "?state=" + encodeURIComponent(filter) : "";
    const response = await fetch(dataUrl + query, {credentials: "same-origin"});
    if (!response.ok) throw new Error("HTTP " + response.status);
    const data = await response.json();
    drawCounts(data.counts);
    document.querySelector("#tasks tbody").replaceChildren(...data.tasks.map(row));
    document.getElementById("empty").hidden = data.tasks.length > 0;
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (error) {
    document.getElementById("updated").textContent = "could not load: " + error.message;
  }
}

refresh();
setInterval(refresh, CONFIG.refresh * 1000);
</script>
</body>
</html>
"""
