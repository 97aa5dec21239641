// One run in detail (the receipts' "view details" target): request, timeline, tools, credits, output, receipt.
async function loadRun() {
  const runId = location.pathname.split("/").filter(Boolean).pop();
  document.getElementById("run-id").textContent = runId;
  const response = await fetch(`/api/timeline/runs/${encodeURIComponent(runId)}`);
  if (!response.ok) { document.getElementById("state").textContent = response.status === 404 ? "not found" : `error ${response.status}`; return; }
  const t = await response.json();
  const state = document.getElementById("state");
  state.textContent = t.current_state; state.className = `pill state-${t.current_state}`;
  document.getElementById("meta").textContent =
    `${t.credits_used} credits · ${t.tools_used.length ? t.tools_used.join(", ") : "no tools"} · ${t.attempts} attempt(s)${t.node ? " · on " + t.node : ""}${t.model_used ? " · " + t.model_used : ""}`;
  document.getElementById("headline").textContent = t.headline || t.failure_reason || "";
  document.getElementById("request").textContent = t.request;
  document.getElementById("output").textContent = t.output || "—";
  const mark = { succeeded: "✓", denied: "✕" }[t.current_state] || "⚠";
  document.getElementById("receipt").replaceChildren(
    el("div", { class: "title" }, `${mark} ${t.headline || t.failure_reason || t.current_state}${t.summary ? " — " + t.summary : ""}`),
    el("div", { class: "muted" }, `correlation_id ${t.correlation_id} · receipt ${t.receipt_delivery || "pending"}`));
  document.getElementById("timeline").replaceChildren(...t.entries.map(e =>
    el("li", { "data-kind": e.kind }, el("strong", {}, e.kind.replace(/_/g, " ")), ` · ${new Date(e.at).toLocaleTimeString()} `, e.detail)));
}
loadRun();
setInterval(loadRun, 3000);
