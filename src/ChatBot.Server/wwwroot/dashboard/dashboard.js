// The ops dashboard: one snapshot from /api/dashboard, refreshed whenever the server says something changed.
async function load() {
  const response = await fetch("/api/dashboard");
  if (response.status === 403) { showLocked(); return; }
  if (!response.ok) { document.getElementById("health").textContent = `error ${response.status}`; return; }
  const d = await response.json();
  const health = document.getElementById("health");
  health.textContent = d.status; health.dataset.status = d.status;

  document.getElementById("alerts").replaceChildren(...(d.alerts.length ? d.alerts.map(alertItem) : [el("li", { class: "muted" }, "No alerts")]));
  document.getElementById("runs-chart").replaceChildren(barChart(Object.entries(d.runs_by_state)));
  document.getElementById("credits-chart").replaceChildren(barChart(Object.entries(d.credits_by_window), "#1264a3"));
  document.getElementById("credits-total").textContent = `${d.credits_total} credits in all`;
  document.getElementById("spend-chart").replaceChildren(barChart(Object.entries(d.spend_by_workspace), "#2eb67d"));

  fill("#nodes", d.nodes, "No node has checked in yet: this server shows here within seconds of starting, with every other node sharing its database.",
    n => el("tr", { "data-node": n.id, "data-state": n.state },
      el("td", {}, n.id, n.is_this_node ? el("span", { class: "muted" }, " (this node)") : null),
      el("td", {}, el("span", { class: `pill state-${n.state}` }, n.state)),
      el("td", {}, n.running_jobs),
      el("td", {}, ago(n.last_seen_at)),
      el("td", {}, el("label", { class: "toggle" },
        el("input", { type: "checkbox", class: "drain", ...(n.draining ? { checked: "" } : {}), onchange: e => drain(n.id, e.target.checked) }),
        " draining"))));

  fill("#runs", d.recent_runs, "No runs yet. A run appears here when someone mentions the bot or DMs it, types a task in the playground, or calls the trigger API.",
    r => el("tr", { "data-run": r.run_id },
      el("td", {}, el("a", { href: `/runs/${r.run_id}` }, r.run_id)),
      el("td", {}, el("span", { class: `pill state-${r.status}` }, r.status)),
      el("td", { class: "request", title: r.request }, r.request),
      el("td", {}, r.credits_used),
      el("td", {}, ago(r.created_at))));

  fill("#approvals", d.approvals, "Nothing waits for a decision. Sensitive actions (sending email, changing HTTP calls, MCP tools) wait here until someone clicks Approve or Deny in the chat.",
    a => el("tr", {},
      el("td", {}, el("a", { href: `/runs/${a.run_id}` }, a.action)), el("td", {}, a.requested_by || "api"),
      el("td", {}, a.estimated_credits), el("td", {}, new Date(a.expires_at).toLocaleString())));

  fill("#monitors", d.monitors, "No monitors yet. Type /monitor <url or topic> in Slack, Teams or the playground to watch a page, a feed or a topic.",
    m => el("tr", { id: `monitor-${m.monitor_id}`, "data-monitor": m.monitor_id },
      el("td", {}, m.query), el("td", {}, m.cadence), el("td", {}, el("span", { class: `pill state-${m.status}` }, m.status)),
      el("td", {}, ago(m.last_run_at)), el("td", {}, m.consecutive_failures)));
  markLinked();
}

// The row an alert links to (#monitor-…) stays highlighted: each refresh replaces the rows, and :target goes with them.
function markLinked() {
  for (const row of document.querySelectorAll("tr.linked")) row.classList.remove("linked");
  const id = decodeURIComponent(location.hash.slice(1));
  if (id) document.getElementById(id)?.classList.add("linked");
}
window.addEventListener("hashchange", markLinked);

// A table's rows, or one row saying what will appear there.
function fill(table, items, whenEmpty, row) {
  const body = document.querySelector(`${table} tbody`);
  const columns = document.querySelectorAll(`${table} thead th`).length;
  body.replaceChildren(...(items.length ? items.map(row) : [el("tr", { class: "empty" }, el("td", { colspan: columns, class: "muted" }, whenEmpty))]));
}

function alertItem(a) {
  return el("li", { "data-code": a.code, "data-severity": a.severity }, a.message,
    a.link ? [" ", el("a", { href: a.link, class: "fix" }, a.link.startsWith("/runs/") ? "Open the run →" : a.link.startsWith("#") ? "Show →" : "How to fix →")] : null);
}

// Without ops credentials the server answers only this machine; in a container the browser is not this machine.
function showLocked() {
  events.close();
  const health = document.getElementById("health");
  health.textContent = "locked"; health.dataset.status = "locked";
  document.getElementById("live").textContent = "";
  document.getElementById("alerts").replaceChildren(el("li", { "data-code": "OPS_CREDENTIALS_NEEDED", class: "locked" },
    "This dashboard answers only browsers on the server's own machine until ops credentials are set. ",
    "Set Ops__Username and Ops__Password (with docker compose: OPS_USERNAME and OPS_PASSWORD in the environment or an .env file) ",
    "and restart; the browser then asks for them. ",
    el("a", { href: "/docs/configuration#ops-access", class: "fix" }, "How to fix →")));
}

async function drain(nodeId, draining) {
  await fetch(`/api/ops/workers/${encodeURIComponent(nodeId)}/drain`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ drain: draining }),
  });
  await load();
}

const events = new EventSource("/api/dashboard/events");
events.addEventListener("changed", () => { document.getElementById("live").textContent = "live"; load(); });
events.onerror = () => { if (events.readyState !== EventSource.CLOSED) document.getElementById("live").textContent = "reconnecting…"; };
load();
