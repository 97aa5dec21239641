// Shared by the web pages (dashboard, run page, playground): element building, relative times, SVG bar charts.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child != null) node.append(child.nodeType ? child : document.createTextNode(String(child)));
  return node;
}

function ago(iso) {
  if (!iso) return "—";
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86400)}d ago`;
}

// A horizontal bar chart: one labelled bar per entry, scaled to the largest value.
function barChart(entries, color = "#4a154b") {
  const svgNs = "http://www.w3.org/2000/svg";
  const rows = entries.length ? entries : [["none yet", 0]];
  const max = Math.max(1, ...rows.map(([, value]) => value));
  const height = rows.length * 26 + 4;
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 320 ${height}`);
  svg.setAttribute("role", "img");
  rows.forEach(([label, value], i) => {
    const y = i * 26 + 4;
    const text = document.createElementNS(svgNs, "text");
    text.setAttribute("x", 0); text.setAttribute("y", y + 15); text.textContent = label;
    const bar = document.createElementNS(svgNs, "rect");
    bar.setAttribute("x", 120); bar.setAttribute("y", y); bar.setAttribute("height", 20);
    bar.setAttribute("width", Math.max(2, (value / max) * 160)); bar.setAttribute("fill", color); bar.setAttribute("rx", 3);
    bar.dataset.label = label; bar.dataset.value = value;
    const count = document.createElementNS(svgNs, "text");
    count.setAttribute("x", 126 + Math.max(2, (value / max) * 160)); count.setAttribute("y", y + 15); count.textContent = value;
    svg.append(text, bar, count);
  });
  return svg;
}
