// The playground page: renders the channel's neutral views the way Slack would show them, and sends lines
// and button clicks to the same pipeline Slack and Teams use.
const channel = "general";
const messagesEl = document.getElementById("messages");
const statusEl = document.getElementById("status");
const replyingEl = document.getElementById("replying");
let botName = "ChatBot";
let replyTo = null;

async function click(actionId, value, messageId) {
  await fetch("/api/playground/actions", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ action_id: actionId, value, message_id: messageId, channel }),
  });
  await refresh();
}

// Markup the bot emits, drawn as Slack shows it: neutral channel mentions ([label](chat-channel:id)) and <#C…|name> as a channel chip, <url|label> and
// <url> as links, `code` in monospace, *bold*. Built as DOM nodes, never as HTML, so nothing in a message runs.
const markupPattern = /\[([^\]\n]*)\]\(chat-channel:([^)\s]+)\)|<#([A-Za-z0-9_-]+)(?:\|([^>]*))?>|<(https?:\/\/[^|>\s]+|mailto:[^|>\s]+)(?:\|([^>]*))?>|`([^`\n]+)`|\*([^*\n]+)\*|(https?:\/\/[^\s<>()]+)/g;

function markup(text) {
  const nodes = [];
  let position = 0;
  for (const match of text.matchAll(markupPattern)) {
    if (match.index > position) nodes.push(text.slice(position, match.index));
    const [, mentionLabel, mentionId, channelId, channelName, url, label, code, bold, bareUrl] = match;
    if (mentionId) nodes.push(el("span", { class: "channel-ref", "data-channel": mentionId }, mentionLabel));
    else if (channelId) nodes.push(el("span", { class: "channel-ref", "data-channel": channelId }, `#${channelName || channelId}`));
    else if (url) nodes.push(el("a", { href: url, target: "_blank", rel: "noopener" }, label || url));
    else if (code) nodes.push(el("code", {}, code));
    else if (bold) nodes.push(el("strong", {}, bold));
    else nodes.push(el("a", { href: bareUrl, target: "_blank", rel: "noopener" }, bareUrl));
    position = match.index + match[0].length;
  }
  if (position < text.length) nodes.push(text.slice(position));
  return nodes;
}

function approvalHeader(view) {
  if (view.status === "approved") return `Approved by @${view.decidedBy}`;
  if (view.status === "denied") return `Denied by @${view.decidedBy}`;
  if (view.status === "expired") return "Expired";
  return "Approval needed";
}

function credits(n) { return `~${n} ${n === 1 ? "credit" : "credits"}`; }

function renderView(view, message) {
  switch (view.view) {
    case "receipt":
      return el("div", { class: "receipt", "data-kind": view.kind },
        el("div", { class: "title" }, view.title),
        view.details.length ? el("div", { class: "details" }, ...view.details.flatMap((segment, i) => [
          i ? " · " : null,
          segment.url ? el("a", { href: segment.url, class: "details-link" }, segment.text) : segment.text,
        ])) : null);
    case "approval_request": {
      const open = view.status === "pending";
      return el("div", { class: "card approval", "data-approval": view.approvalId, "data-status": view.status },
        el("div", { class: "approval-header" }, el("strong", {}, approvalHeader(view))),
        el("div", { class: "action-text" }, view.actionText),
        ...(view.fields || []).map(field => el("div", { class: "action-field", "data-label": field.label },
          el("span", { class: "label" }, `${field.label}: `),
          field.isCode ? el("pre", { class: "code" }, field.value) : field.value)),
        view.fieldsTruncated && view.detailsUrl
          ? el("div", { class: "muted" }, "Shortened to fit here: ", el("a", { href: view.detailsUrl, class: "full-action" }, "the full action is on the run's page"))
          : null,
        el("div", { class: "muted" }, `Requested by @${view.requestedBy} · ${credits(view.estimatedCredits)}`),
        open ? el("div", { class: "buttons" },
          el("button", { class: "primary", onclick: () => click("approval.approve", view.approvalId, message.id) }, "Approve"),
          el("button", { class: "danger", onclick: () => click("approval.deny", view.approvalId, message.id) }, "Deny"))
          : null);
    }
    case "monitor_list":
      if (!view.items.length) return el("div", {}, "No monitors in this channel yet. Start one with /monitor <url or topic>.");
      return el("div", { class: "card" }, ...view.items.map(item => el("div", { class: "monitor-item", "data-monitor": item.monitorId, "data-status": item.status },
        `${item.query} · ${item.cadence} · ${item.status} `,
        item.status === "canceled" ? null : el("span", { class: "buttons" },
          item.status === "paused"
            ? el("button", { onclick: () => click("monitor.resume", item.monitorId, message.id) }, "Resume")
            : el("button", { onclick: () => click("monitor.pause", item.monitorId, message.id) }, "Pause"),
          el("button", { class: "danger", onclick: () => click("monitor.cancel", item.monitorId, message.id) }, "Cancel")))));
    case "help":
      return el("div", { class: "card" }, view.preamble ? el("div", {}, ...markup(view.preamble)) : null,
        ...view.entries.map(entry => el("div", {}, el("code", {}, entry.usage), " — ", entry.description)));
    case "run_result":
      return el("div", { class: "output" }, ...markup(view.output));
    default:
      return el("div", { class: "output" }, ...markup(message.text));
  }
}

function renderMessage(message, isRoot) {
  const you = message.author !== "bot";
  return el("div", { class: "message" + (message.ephemeral ? " ephemeral" : ""), "data-id": message.id, "data-view": message.view.view },
    el("div", { class: "avatar" + (you ? " you" : "") }, you ? "Y" : botName[0]),
    el("div", { class: "body" },
      el("div", { class: "author" }, you ? "you" : botName,
        el("span", { class: "time", "data-at": message.created_at, title: new Date(message.created_at).toLocaleString() }, ago(message.created_at))),
      renderView(message.view, message),
      message.ephemeral ? el("div", { class: "ephemeral-note" }, "Only visible to you") : null,
      isRoot && !message.ephemeral ? el("button", { class: "reply-link", onclick: () => startReply(message.id) }, "Reply in thread") : null));
}

function startReply(messageId) {
  replyTo = messageId;
  replyingEl.hidden = false;
  document.getElementById("text").focus();
}

document.getElementById("cancel-reply").addEventListener("click", () => { replyTo = null; replyingEl.hidden = true; });

async function refresh() {
  const response = await fetch(`/api/playground/messages?channel=${channel}`);
  const { messages, bot_name } = await response.json();
  if (bot_name) botName = bot_name;
  const roots = messages.filter(m => !m.thread_id || !messages.some(r => r.id === m.thread_id));
  messagesEl.replaceChildren(...roots.map(root => el("div", { class: "root", "data-root": root.id },
    renderMessage(root, true),
    el("div", { class: "thread" }, ...messages.filter(m => m.thread_id === root.id).map(m => renderMessage(m, false))))));
  messagesEl.scrollTop = messagesEl.scrollHeight;
}

// Relative times stay current, as a chat client's do.
setInterval(() => document.querySelectorAll(".time[data-at]").forEach(span => { span.textContent = ago(span.dataset.at); }), 15000);

document.getElementById("composer").addEventListener("submit", async event => {
  event.preventDefault();
  const input = document.getElementById("text");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  const thread_id = replyTo;
  await fetch("/api/playground/messages", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, channel, thread_id }),
  });
  await refresh();
});

const events = new EventSource(`/api/playground/events?channel=${channel}`);
events.addEventListener("ready", () => { statusEl.textContent = "live"; refresh(); });
events.addEventListener("changed", () => refresh());
events.onerror = () => { statusEl.textContent = "reconnecting…"; };
refresh();
