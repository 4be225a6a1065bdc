// The replay of a run in `mcastlab report`: reads the data block (report_data.h) and draws the
// state at the slider's instant. Everything shown at time T is derived from what happened at or
// before T: the state machines' lines of events.jsonl, the frames of the pcaps, and the latest
// state snapshot. No network, no other file.
//
// The address's fragment sets the view, so a link (or a headless browser) can open an instant:
// report.html#t=500&group=239.1.1.1&node=R2
"use strict";

const kNs = 1e9;
const kMaxDots = 400;
const kMaxLogRows = 80;
const kSvg = "http://www.w3.org/2000/svg";

// Errors go into the page, where a test (or a user) sees them.
function ShowError(message) {
  const box = document.getElementById("errors");
  box.hidden = false;
  box.textContent += message + "\n";
  document.body.dataset.state = "error";
}
window.addEventListener("error", (e) => ShowError("error: " + e.message));
window.addEventListener("unhandledrejection", (e) => ShowError("error: " + e.reason));

const data = JSON.parse(document.getElementById("report-data").textContent);
const $ = (id) => document.getElementById(id);

// "411.250001672": nanoseconds in seconds, every digit kept.
function Seconds(ns) {
  const whole = Math.floor(ns / kNs);
  return whole + "." + String(ns - whole * kNs).padStart(9, "0");
}

function ParseSeconds(text) {
  const m = /^\s*(\d+)(?:\.(\d{0,9}))?\s*s?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * kNs + Number((m[2] || "").padEnd(9, "0"));
}

function El(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

// The protocol filter an event belongs to, by its kind.
function EventProto(kind) {
  const family = kind.split(".")[0];
  if (family === "igmp" || family === "membership" || family === "snooping") return "igmp";
  if (family === "pim") return "pim";
  if (family === "udp" || family === "socket" || kind === "send.total" || kind === "receive.total") return "udp";
  if (family === "arp") return "arp";
  return "other";
}

// ---- What the events say at an instant ----------------------------------------------------

function FreshState() {
  return {
    next: 0,                    // the first event not yet applied
    down: new Set(),            // nodes powered off
    linksDown: new Set(),
    querier: new Map(),         // "node|interface" -> {state, querier}; interface "" on a switch
    dr: new Map(),              // "node|interface" -> {dr, mine}
    neighbors: new Map(),       // "node|interface" -> Set of addresses
    routerPorts: new Map(),     // switch -> Set of ports
    snooping: new Map(),        // switch -> Map group -> Set of ports
    members: new Map(),         // host -> Set of "interface group"
    routerGroups: new Map(),    // "node|interface|group" -> state
    downstream: new Map(),      // "node|interface|entry" -> state
    upstream: new Map(),        // "node|entry" -> {state, rpf}
  };
}

function SetOf(map, key) {
  if (!map.has(key)) map.set(key, new Set());
  return map.get(key);
}

function ApplySnooping(s, node, f) {
  const ports = SetOf(s.routerPorts, node);
  if (!s.snooping.has(node)) s.snooping.set(node, new Map());
  const groups = s.snooping.get(node);
  switch (f.change) {
    case "router port added": ports.add(f.port); break;
    case "router port aged": case "router port removed": ports.delete(f.port); break;
    case "port added": SetOf(groups, f.group).add(f.port); break;
    case "port removed": if (groups.has(f.group)) groups.get(f.group).delete(f.port); break;
    case "group unregistered": groups.delete(f.group); break;
    case "table flushed": groups.clear(); ports.clear(); break;
  }
}

function Apply(s, [, node, kind, f]) {
  const at = node + "|" + (f.interface || "");
  switch (kind) {
    case "node.down": s.down.add(node); break;
    case "node.up": s.down.delete(node); break;
    case "link.down": s.linksDown.add(f.link); break;
    case "link.up": s.linksDown.delete(f.link); break;
    case "igmp.querier": {
      // A querier names itself; a non-querier keeps the one it heard until told another.
      if (!f.to) break;
      const own = f.to === "Querier" ? OwnAddress(node, f.interface) : "";
      s.querier.set(at, {state: f.to, querier: f.querier || own || (f.to === "NonQuerier" ? (s.querier.get(at) || {}).querier : "")});
      break;
    }
    case "pim.dr": s.dr.set(at, {dr: f.to, mine: f.i_am_dr === "true"}); break;
    case "pim.neighbor":
      if (f.change === "down") SetOf(s.neighbors, at).delete(f.neighbor);
      else SetOf(s.neighbors, at).add(f.neighbor);
      break;
    case "igmp.snooping": ApplySnooping(s, node, f); break;
    case "membership.join": SetOf(s.members, node).add(f.interface + " " + f.group); break;
    case "membership.leave": SetOf(s.members, node).delete(f.interface + " " + f.group); break;
    case "igmp.router_group":
      if (f.to === "NoMembersPresent") s.routerGroups.delete(at + "|" + f.group);
      else if (f.to) s.routerGroups.set(at + "|" + f.group, f.to);
      break;
    case "pim.downstream":
      if (f.to === "NoInfo") s.downstream.delete(at + "|" + f.entry);
      else s.downstream.set(at + "|" + f.entry, f.to);
      break;
    case "pim.upstream": {
      const key = node + "|" + f.entry;
      s.upstream.set(key, {state: f.to, rpf: f.rpf || (s.upstream.get(key) || {}).rpf || ""});
      break;
    }
  }
}

// The interface's address without its prefix length ("" on a switch, which has none).
function OwnAddress(node, iface) {
  const n = data.nodes.find((x) => x.name === node);
  const i = n ? n.interfaces.find(([name]) => name === iface) : null;
  return i && i[1] ? i[1].split("/")[0] : "";
}

// The state after every event at or before `t`; moving forward applies only the new events.
let replayed = FreshState();
function StateAt(t) {
  if (replayed.next > 0 && data.events[replayed.next - 1][0] > t) replayed = FreshState();
  while (replayed.next < data.events.length && data.events[replayed.next][0] <= t) {
    Apply(replayed, data.events[replayed.next++]);
  }
  return replayed;
}

// ---- The view ---------------------------------------------------------------------------

const view = {t: 0, playing: false, group: "", node: "", tableNode: "", protos: new Set(), window: 5};
const nodeIndex = new Map(data.nodes.map((n, i) => [n.name, i]));
const addressOwner = new Map();  // "192.0.2.1" -> node name
for (const n of data.nodes) for (const [, address] of n.interfaces) if (address) addressOwner.set(address.split("/")[0], n.name);

function Who(address) {
  const owner = addressOwner.get(address);
  return owner ? owner + " (" + address + ")" : address;
}

// Every router interface on a link, with its node.
function RouterInterfaces(link) {
  const out = [];
  for (const n of data.nodes) {
    if (n.type !== "router") continue;
    for (const [name, address, l] of n.interfaces) if (l === link) out.push({node: n.name, name, address});
  }
  return out;
}

function DrawRoles(s) {
  const body = $("roles").tBodies[0];
  body.replaceChildren();
  for (const link of data.links) {
    const routers = RouterInterfaces(link.name);
    if (routers.length === 0) continue;
    const up = routers.filter((r) => !s.down.has(r.node) && !s.linksDown.has(link.name));
    const queriers = up.filter((r) => (s.querier.get(r.node + "|" + r.name) || {}).state === "Querier").map((r) => r.node);
    const drs = up.filter((r) => (s.dr.get(r.node + "|" + r.name) || {}).mine).map((r) => r.node);
    let querierText = queriers.length ? queriers.join(", ") : "none";
    // No querier up: say whom the others still count on (their Other Querier Present timer runs).
    const waiting = up.find((r) => (s.querier.get(r.node + "|" + r.name) || {}).querier);
    if (queriers.length === 0 && waiting) {
      querierText += " (" + waiting.node + " still counts on " + Who(s.querier.get(waiting.node + "|" + waiting.name).querier) + ")";
    }
    body.append(El("tr", {"data-link": link.name, "data-querier": queriers.join(","), "data-dr": drs.join(",")},
                   El("td", {}, link.name), El("td", {class: "querier"}, querierText),
                   El("td", {class: "dr"}, drs.length ? drs.join(", ") : "none")));
  }
  const switches = $("switches").tBodies[0];
  switches.replaceChildren();
  for (const n of data.nodes) {
    if (n.type !== "switch") continue;
    const q = s.querier.get(n.name + "|");
    const groups = [...(s.snooping.get(n.name) || new Map())].filter(([, p]) => p.size)
        .map(([g, p]) => g + ": " + [...p].sort().join(" "));
    switches.append(El("tr", {"data-switch": n.name}, El("td", {}, n.name),
                       El("td", {}, q ? q.state + (q.querier ? " (" + Who(q.querier) + ")" : "") : "-"),
                       El("td", {}, [...(s.routerPorts.get(n.name) || [])].sort().join(" ") || "none"),
                       El("td", {}, groups.join("; ") || "none")));
  }
  $("switches").hidden = switches.children.length === 0;
}

function Table(title, header, rows) {
  if (rows.length === 0) return El("p", {class: "empty"}, title + ": none");
  const table = El("table", {}, El("caption", {}, title), El("tr", {}, ...header.map((h) => El("th", {}, h))));
  for (const r of rows) table.append(El("tr", {}, ...r.map((c) => El("td", {}, c))));
  return table;
}

// Entries of a map whose key starts with "node|", split at the bars.
function Keyed(map, node) {
  return [...map].filter(([k]) => k.startsWith(node + "|")).map(([k, v]) => [...k.split("|").slice(1), v]).sort();
}

function DrawNodeState(s) {
  const node = view.tableNode;
  const box = $("node-state");
  box.replaceChildren();
  box.dataset.node = node;
  box.append(El("p", {class: "power"}, s.down.has(node) ? "powered off" : "powered on"));
  const querier = Keyed(s.querier, node).map(([i, q]) => [i || "(snooping)", q.state, q.querier ? Who(q.querier) : "this node"]);
  box.append(Table("IGMP querier", ["Interface", "State", "Querier"], querier));
  box.append(Table("IGMP groups", ["Interface", "Group", "State"], Keyed(s.routerGroups, node)));
  box.append(Table("Memberships", ["Interface", "Group"], [...(s.members.get(node) || [])].sort().map((m) => m.split(" "))));
  box.append(Table("PIM neighbors", ["Interface", "Neighbors"],
                   Keyed(s.neighbors, node).map(([i, n]) => [i, [...n].sort().join(", ") || "none"])));
  box.append(Table("PIM DR", ["Interface", "DR"], Keyed(s.dr, node).map(([i, d]) => [i, Who(d.dr) + (d.mine ? " (this router)" : "")])));
  box.append(Table("PIM downstream", ["Interface", "Entry", "State"], Keyed(s.downstream, node)));
  box.append(Table("PIM upstream", ["Entry", "State", "RPF neighbor"], Keyed(s.upstream, node).map(([e, u]) => [e, u.state, u.rpf || "-"])));
  // The latest snapshot at or before t: the node's own tables, as the run printed them.
  let snap = null;
  for (const candidate of data.snapshots) if (candidate.t <= view.t) snap = candidate;
  const text = snap ? (snap.nodes.find(([name]) => name === node) || [, ""])[1] : "";
  $("snapshot-title").textContent = snap ? "Tables as printed in " + snap.file + " (at " + Seconds(snap.t) + " s):"
      : "No state snapshot at or before this instant" +
        (data.snapshots.length ? " (the first is at " + Seconds(data.snapshots[0].t) + " s)." : ".");
  $("snapshot").textContent = text;
  $("snapshot").hidden = text === "";
}

// ---- Frames: the dots on the wires, the group's tree, the log ----------------------------

function Shown(node, proto) {
  return view.protos.has(proto) && (!view.node || node === view.node);
}

function FrameShown(f) {
  const link = data.links[f[1]];
  const touches = !view.node || link.ends.some((e) => data.nodes[e].name === view.node);
  return view.protos.has(f[3]) && touches;
}

// The first frame at or after t, by binary search.
function FirstFrame(t) {
  let lo = 0, hi = data.frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (data.frames[mid][0] < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function Point(i) {
  return [data.nodes[i].x, data.nodes[i].y];
}

function Dot(x, y, proto, title) {
  const c = document.createElementNS(kSvg, "circle");
  c.setAttribute("cx", x.toFixed(1));
  c.setAttribute("cy", y.toFixed(1));
  c.setAttribute("r", "6");
  c.setAttribute("class", "dot proto-" + proto);
  const t = document.createElementNS(kSvg, "title");
  t.textContent = title;
  c.append(t);
  return c;
}

const Lerp = (a, b, p) => [a[0] + (b[0] - a[0]) * p, a[1] + (b[1] - a[1]) * p];

// Frames sent in the last moment before t travel along their link: a dot goes from the sender
// to the other end, or on a segment to the bar and on to every other endpoint.
function DrawDots() {
  const layer = $("packets");
  layer.replaceChildren();
  const travel = Number($("speed").value) * 0.6 * kNs;
  let drawn = 0;
  for (let i = FirstFrame(view.t - travel + 1); i < data.frames.length && data.frames[i][0] <= view.t; ++i) {
    const f = data.frames[i];
    if (!FrameShown(f) || drawn >= kMaxDots) continue;
    const link = data.links[f[1]];
    const p = (view.t - f[0]) / travel;
    const from = Point(f[2]);
    const title = Seconds(f[0]) + " " + link.name + ": " + f[6];
    const ends = link.ends.filter((e) => e !== f[2]);
    if (!link.segment) {
      if (ends.length) layer.append(Dot(...Lerp(from, Point(ends[0]), p), f[3], title));
    } else if (p < 0.5) {
      layer.append(Dot(...Lerp(from, [link.x, link.y], 2 * p), f[3], title));
    } else {
      for (const e of ends) layer.append(Dot(...Lerp([link.x, link.y], Point(e), 2 * p - 1), f[3], title));
    }
    ++drawn;
  }
}

function DrawTree(s) {
  const g = view.group;
  $("tree-group").textContent = g || "(no group)";
  const since = view.t - view.window * kNs;
  const carried = new Map();  // link index -> Set of sender names
  for (let i = FirstFrame(since + 1); i < data.frames.length && data.frames[i][0] <= view.t; ++i) {
    const f = data.frames[i];
    if (f[3] === "udp" && f[5] === g) SetOf(carried, f[1]).add(data.nodes[f[2]].name);
  }
  const joined = new Set();  // link names where a router holds Join state for an entry of g
  for (const [key] of s.downstream) {
    const [node, iface, entry] = key.split("|");
    if (!entry.endsWith("," + g + ")")) continue;
    const n = data.nodes[nodeIndex.get(node)];
    const i = n.interfaces.find(([name]) => name === iface);
    if (i) joined.add(i[2]);
  }
  data.links.forEach((l, i) => {
    const e = $("link-" + i);
    e.classList.toggle("tree", carried.has(i));
    e.classList.toggle("joined", joined.has(l.name));
    e.classList.toggle("down", s.linksDown.has(l.name));
  });
  const members = [];
  data.nodes.forEach((n, i) => {
    const member = [...(s.members.get(n.name) || [])].some((m) => m.endsWith(" " + g)) ||
        [...s.routerGroups.keys()].some((k) => k.startsWith(n.name + "|") && k.endsWith("|" + g));
    if (member) members.push(n.name);
    const e = $("node-" + i);
    e.classList.toggle("member", member);
    e.classList.toggle("off", s.down.has(n.name));
  });
  const box = $("tree");
  box.replaceChildren();
  box.dataset.links = [...carried.keys()].sort((a, b) => a - b).map((i) => data.links[i].name).join(",");
  box.dataset.members = members.join(",");
  const lines = [...carried].map(([i, from]) => data.links[i].name + " (sent by " + [...from].sort().join(", ") + ")");
  box.append(El("p", {}, "Datagrams of " + g + " in the last " + view.window + " s: " + (lines.join("; ") || "none") + "."),
             El("p", {}, "Members (hosts joined, routers with IGMP state): " + (members.join(", ") || "none") + "."),
             El("p", {}, "Links with PIM Join state for " + g + ": " + ([...joined].sort().join(", ") || "none") + "."));
}

// Events and frames up to t that pass the filters, the latest first.
function DrawLog() {
  const rows = [];
  let fi = FirstFrame(view.t + 1) - 1, ei = replayed.next - 1;
  while (rows.length < kMaxLogRows && (fi >= 0 || ei >= 0)) {
    const f = fi >= 0 ? data.frames[fi] : null, e = ei >= 0 ? data.events[ei] : null;
    if (f && (!e || f[0] >= e[0])) {
      --fi;
      if (FrameShown(f)) rows.push([f[0], data.nodes[f[2]].name, data.links[f[1]].name, f[6], "frame proto-" + f[3]]);
    } else {
      --ei;
      if (Shown(e[1], EventProto(e[2]))) {
        const details = Object.entries(e[3]).map(([k, v]) => k + "=" + v).join(" ");
        rows.push([e[0], e[1], e[3].link || "", e[2] + " " + details, "event proto-" + EventProto(e[2])]);
      }
    }
  }
  const body = $("log").tBodies[0];
  body.replaceChildren(...rows.map(([t, node, link, what, cls]) =>
      El("tr", {class: cls}, El("td", {}, Seconds(t)), El("td", {}, node), El("td", {}, link), El("td", {}, what))));
  $("log-count").textContent = "(" + data.frames.length + " frames" +
      (data.frames_total > data.frames.length ? " replayed of " + data.frames_total : "") + ", " +
      data.events.length + " events; the latest " + kMaxLogRows + " shown, newest first)";
}

function Draw() {
  const s = StateAt(view.t);
  $("slider").value = String(Math.round(view.t / 1e6));
  if (document.activeElement !== $("time")) $("time").value = Seconds(view.t);
  for (const e of document.querySelectorAll(".now")) e.textContent = Seconds(view.t) + " s";
  document.body.dataset.t = String(view.t);
  DrawRoles(s);
  DrawTree(s);
  DrawNodeState(s);
  DrawDots();
  DrawLog();
}

// ---- Controls ---------------------------------------------------------------------------

function SetTime(t) {
  view.t = Math.max(0, Math.min(data.end, Math.round(t)));
  Draw();
}

let lastFrame = null;
function Tick(now) {
  if (!view.playing) return;
  if (lastFrame !== null) view.t += (now - lastFrame) / 1000 * Number($("speed").value) * kNs;
  lastFrame = now;
  if (view.t >= data.end) {
    view.t = data.end;
    Play(false);
  }
  Draw();
  if (view.playing) requestAnimationFrame(Tick);
}

function Play(on) {
  view.playing = on;
  lastFrame = null;
  $("play").innerHTML = on ? "&#10073;&#10073; pause" : "&#9654; play";
  if (on) {
    if (view.t >= data.end) view.t = 0;
    requestAnimationFrame(Tick);
  }
}

// The instant of the next (or previous) frame or event the filters show.
function Step(forward) {
  let best = forward ? Infinity : -Infinity;
  for (const f of data.frames) {
    if (!FrameShown(f)) continue;
    if (forward && f[0] > view.t && f[0] < best) best = f[0];
    if (!forward && f[0] < view.t && f[0] > best) best = f[0];
  }
  for (const e of data.events) {
    if (!Shown(e[1], EventProto(e[2]))) continue;
    if (forward && e[0] > view.t && e[0] < best) best = e[0];
    if (!forward && e[0] < view.t && e[0] > best) best = e[0];
  }
  if (Number.isFinite(best)) SetTime(best);
}

function Groups() {
  const groups = new Set();
  for (const f of data.frames) if (f[3] === "udp" && /^2(2[4-9]|3\d)\./.test(f[5])) groups.add(f[5]);
  for (const e of data.events) if (e[3].group) groups.add(e[3].group);
  return [...groups].sort();
}

// "#t=500&group=239.1.1.1&node=R2": t in seconds.
function ReadFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("group")) view.group = params.get("group");
  if (params.has("node") && nodeIndex.has(params.get("node"))) view.tableNode = params.get("node");
  if (params.has("t")) {
    const t = ParseSeconds(params.get("t"));
    if (t === null) ShowError("the address's t=" + params.get("t") + " is not a time in seconds");
    else view.t = Math.max(0, Math.min(data.end, t));
  }
  $("group").value = view.group;
  $("table-node").value = view.tableNode;
}

function Setup() {
  $("slider").max = String(Math.round(data.end / 1e6));
  const groups = Groups();
  view.group = groups[0] || "";
  for (const g of groups) $("group").append(El("option", {value: g}, g));
  for (const n of data.nodes) {
    $("node-filter").append(El("option", {value: n.name}, n.name));
    $("table-node").append(El("option", {value: n.name}, n.name + " (" + n.type + ")"));
  }
  view.tableNode = (data.nodes.find((n) => n.type === "router") || data.nodes[0] || {name: ""}).name;
  for (const l of data.links) {
    const item = l.pcap ? El("a", {href: l.pcap}, l.name + ".pcap") : l.name + ": not captured";
    $("pcaps").append(El("li", {}, item));
  }
  for (const box of document.querySelectorAll("input.proto")) if (box.checked) view.protos.add(box.value);
  view.window = Number($("window").value);

  $("play").addEventListener("click", () => Play(!view.playing));
  $("prev").addEventListener("click", () => Step(false));
  $("next").addEventListener("click", () => Step(true));
  $("slider").addEventListener("input", () => SetTime(Number($("slider").value) * 1e6));
  $("time").addEventListener("change", () => {
    const t = ParseSeconds($("time").value);
    if (t !== null) SetTime(t);
  });
  $("group").addEventListener("change", () => { view.group = $("group").value; Draw(); });
  $("window").addEventListener("change", () => { view.window = Number($("window").value); Draw(); });
  $("speed").addEventListener("change", Draw);
  $("node-filter").addEventListener("change", () => { view.node = $("node-filter").value; Draw(); });
  $("table-node").addEventListener("change", () => { view.tableNode = $("table-node").value; Draw(); });
  for (const box of document.querySelectorAll("input.proto")) {
    box.addEventListener("change", () => {
      if (box.checked) view.protos.add(box.value); else view.protos.delete(box.value);
      Draw();
    });
  }
  // A click on a node shows its tables.
  data.nodes.forEach((n, i) => $("node-" + i).addEventListener("click", () => {
    view.tableNode = n.name;
    $("table-node").value = n.name;
    Draw();
  }));
  document.addEventListener("keydown", (e) => {
    if (e.key === " " && e.target === document.body) { e.preventDefault(); Play(!view.playing); }
  });
  window.addEventListener("hashchange", () => { ReadFragment(); Draw(); });
  ReadFragment();
  Draw();
  if (document.body.dataset.state !== "error") document.body.dataset.state = "ready";
}

Setup();
