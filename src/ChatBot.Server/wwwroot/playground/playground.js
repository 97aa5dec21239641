// The playground page: renders the channel's neutral views the way Slack would show them, and sends lines
// and button clicks to the same pipeline Slack and Teams use.
const channel = "general";
const messagesEl = document.getElementById("messages");
const statusEl = document.getElementById("status");

async function click(actionId, value, messageId) {
  await fetch("/api/playground/actions", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ action_id: actionId, value, message_id: messageId, channel }),
  });
  await refresh();
}

function renderView(view, message) {
  switch (view.view) {
    case "receipt":
      return el("div", { class: "receipt", "data-kind": view.kind },
        el("div", { class: "header" }, view.header),
        el("div", { class: "title" }, view.title),
        view.details.length ? el("div", { class: "details" }, ...view.details.flatMap((segment, i) => [
          i ? " · " : null,
          segment.url ? el("a", { href: segment.url, class: "details-link" }, segment.text) : segment.text,
        ])) : null);
    case "approval_request": {
      const open = view.status === "pending";
      return el("div", { class: "card approval", "data-approval": view.approvalId },
        el("div", {}, el("strong", {}, "Approval needed: "), view.actionText),
        el("div", { class: "muted" }, `Requested by @${view.requestedBy} · ~${view.estimatedCredits} credits`),
        open ? el("div", { class: "buttons" },
          el("button", { class: "primary", onclick: () => click("approval.approve", view.approvalId, message.id) }, "Approve"),
          el("button", { class: "danger", onclick: () => click("approval.deny", view.approvalId, message.id) }, "Deny"))
          : el("div", { class: "outcome" }, outcomeOf(view)));
    }
    case "monitor_list":
      if (!view.items.length) return el("div", {}, "No monitors in this channel yet. Start one with /monitor <url or topic>.");
      return el("div", { class: "card" }, ...view.items.map(item => el("div", { class: "monitor-item" },
        `${item.query} · ${item.cadence} · ${item.status} `,
        el("span", { class: "buttons" },
          item.status === "paused"
            ? el("button", { onclick: () => click("monitor.resume", item.monitorId, message.id) }, "Resume")
            : el("button", { onclick: () => click("monitor.pause", item.monitorId, message.id) }, "Pause"),
          el("button", { class: "danger", onclick: () => click("monitor.cancel", item.monitorId, message.id) }, "Cancel")))));
    case "help":
      return el("div", { class: "card" }, view.preamble ? el("div", {}, view.preamble) : null,
        ...view.entries.map(entry => el("div", {}, el("code", {}, entry.usage), " — ", entry.description)));
    case "run_result":
      return el("pre", { class: "output" }, view.output);
    default:
      return el("pre", { class: "output" }, withChannelNames(message.text));
  }
}

// Channel mentions in view text are neutral ([label](chat-channel:id)); the playground shows the label.
function withChannelNames(text) {
  return text.replace(/\[([^\]\n]*)\]\(chat-channel:[^)\s]+\)/g, "$1");
}

function outcomeOf(view) {
  if (view.status === "approved") return `Approved by @${view.decidedBy}`;
  if (view.status === "denied") return `Denied by @${view.decidedBy}`;
  return "Expired: no decision was made in time";
}

function renderMessage(message) {
  const you = message.author !== "bot";
  return el("div", { class: "message" + (message.ephemeral ? " ephemeral" : ""), "data-id": message.id, "data-view": message.view.view },
    el("div", { class: "avatar" + (you ? " you" : "") }, you ? "Y" : "C"),
    el("div", { class: "body" },
      el("div", { class: "author" }, you ? "you" : "ChatBot", el("span", { class: "time" }, new Date(message.created_at).toLocaleTimeString())),
      renderView(message.view, message),
      message.ephemeral ? el("div", { class: "ephemeral-note" }, "Only visible to you") : null));
}

async function refresh() {
  const response = await fetch(`/api/playground/messages?channel=${channel}`);
  const { messages } = await response.json();
  const roots = messages.filter(m => !m.thread_id || !messages.some(r => r.id === m.thread_id));
  messagesEl.replaceChildren(...roots.map(root => el("div", { class: "root" },
    renderMessage(root),
    el("div", { class: "thread" }, ...messages.filter(m => m.thread_id === root.id).map(renderMessage)))));
  messagesEl.scrollTop = messagesEl.scrollHeight;
}

document.getElementById("composer").addEventListener("submit", async event => {
  event.preventDefault();
  const input = document.getElementById("text");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  await fetch("/api/playground/messages", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, channel }),
  });
  await refresh();
});

const events = new EventSource(`/api/playground/events?channel=${channel}`);
events.addEventListener("ready", () => { statusEl.textContent = "live"; refresh(); });
events.addEventListener("changed", () => refresh());
events.onerror = () => { statusEl.textContent = "reconnecting…"; };
refresh();
