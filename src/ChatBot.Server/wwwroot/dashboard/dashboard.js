// The ops dashboard: one snapshot from /api/dashboard, refreshed whenever the server says something changed.
async function load() {
  const response = await fetch("/api/dashboard");
  if (!response.ok) { document.getElementById("health").textContent = `error ${response.status}`; return; }
  const d = await response.json();
  const health = document.getElementById("health");
  health.textContent = d.status; health.dataset.status = d.status;

  document.getElementById("alerts").replaceChildren(...(d.alerts.length ? d.alerts.map(a => el("li", { "data-code": a.code }, a.message)) : [el("li", { class: "muted" }, "No alerts")]));
  document.getElementById("runs-chart").replaceChildren(barChart(Object.entries(d.runs_by_state)));
  document.getElementById("credits-chart").replaceChildren(barChart(Object.entries(d.credits_by_window), "#1264a3"));
  document.getElementById("credits-total").textContent = `${d.credits_total} credits in all`;
  document.getElementById("spend-chart").replaceChildren(barChart(Object.entries(d.spend_by_workspace), "#2eb67d"));

  document.querySelector("#nodes tbody").replaceChildren(...d.nodes.map(n => el("tr", { "data-node": n.id, "data-state": n.state },
    el("td", {}, n.id, n.is_this_node ? el("span", { class: "muted" }, " (this node)") : null),
    el("td", {}, el("span", { class: `pill state-${n.state}` }, n.state)),
    el("td", {}, n.running_jobs),
    el("td", {}, ago(n.last_seen_at)),
    el("td", {}, el("label", { class: "toggle" },
      el("input", { type: "checkbox", class: "drain", ...(n.draining ? { checked: "" } : {}), onchange: e => drain(n.id, e.target.checked) }),
      " draining")))));

  document.querySelector("#runs tbody").replaceChildren(...d.recent_runs.map(r => el("tr", { "data-run": r.run_id },
    el("td", {}, el("a", { href: `/runs/${r.run_id}` }, r.run_id)),
    el("td", {}, el("span", { class: `pill state-${r.status}` }, r.status)),
    el("td", {}, r.headline || r.request),
    el("td", {}, r.credits_used),
    el("td", {}, ago(r.created_at)))));

  document.querySelector("#approvals tbody").replaceChildren(...d.approvals.map(a => el("tr", {},
    el("td", {}, el("a", { href: `/runs/${a.run_id}` }, a.action)), el("td", {}, a.requested_by || "api"),
    el("td", {}, a.estimated_credits), el("td", {}, new Date(a.expires_at).toLocaleString()))));

  document.querySelector("#monitors tbody").replaceChildren(...d.monitors.map(m => el("tr", {},
    el("td", {}, m.query), el("td", {}, m.cadence), el("td", {}, el("span", { class: `pill state-${m.status}` }, m.status)),
    el("td", {}, ago(m.last_run_at)), el("td", {}, m.consecutive_failures))));
}

async function drain(nodeId, draining) {
  await fetch(`/api/ops/workers/${encodeURIComponent(nodeId)}/drain`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ drain: draining }),
  });
  await load();
}

const events = new EventSource("/api/dashboard/events");
events.addEventListener("changed", () => { document.getElementById("live").textContent = "live"; load(); });
events.onerror = () => { document.getElementById("live").textContent = "reconnecting…"; };
load();
