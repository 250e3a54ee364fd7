// The board room page (docs/board-room.md): levers in, evaluations out, no reload, no network
// beyond this server. Every number is shown with its unit.
"use strict";
const state = {
  park: null, words: {}, lang: localStorage.getItem("boardRoomLang") || "en",
  session: Math.random().toString(36).slice(2) + Date.now().toString(36),
  policies: [], overrides: {}, current: null, previous: null, statusQuo: null, pinned: [], timer: null, asked: 0,
};
const $ = (id) => document.getElementById(id);
const w = (key) => state.words[key] || key;
const locale = () => (state.lang === "vi" ? "vi-VN" : "en-US");
function num(x, digits = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  // Rounded first, then + 0: a tiny negative (−1e-9 from the solver) reads "0", never "-0".
  const scale = 10 ** digits;
  const rounded = Math.round(Number(x) * scale) / scale + 0;
  return rounded.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
const money = (x) => `${num(x)} ${state.park.currency}`;
const tonnes = (x) => `${num(x)} ${state.lang === "vi" ? "tấn" : "t"} CO2e`;
const pct = (x) => `${num(100 * x, 1)} %`;
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) { if (k === "class") e.className = v; else if (k.startsWith("data")) e.setAttribute(k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()), v); else e[k] = v; }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
async function getJSON(url, body) {
  const r = await fetch(url, body ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) } : {});
  const data = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  return { status: r.status, data };
}

async function loadWords() {
  state.words = (await getJSON(`/api/labels?lang=${state.lang}`)).data;
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-word]").forEach((e) => { e.textContent = w(e.dataset.word); });
  document.title = `${w("pageTitle")} — ${state.park ? state.park.scenario : ""}`;
  $("title").textContent = document.title;
  $("lang").value = state.lang;
}

function renderControls() {
  const vi = state.lang === "vi";
  const box = $("policies"); box.replaceChildren();
  for (const p of state.park.policies) {
    if (p.id === "baseline") continue;
    const input = el("input", { type: "checkbox", id: `policy-${p.id}`, checked: state.policies.includes(p.id) });
    input.addEventListener("change", () => {
      state.policies = state.park.policies.map((q) => q.id).filter((id) => id !== "baseline" && $(`policy-${id}`).checked);
      schedule(0);
    });
    box.append(el("label", { class: "policy" }, input, " ", vi ? p.name_vi : p.name, el("small", {}, vi ? p.description_vi : p.description)));
  }
  const levers = $("levers"); levers.replaceChildren();
  let group = "";
  for (const l of state.park.levers) {
    if (l.group !== group) { group = l.group; levers.append(el("div", { class: "group" }, w(`group.${group}`))); }
    const shown = leverValue(l);
    // A lever of a few states (a permit's status) is a list to choose from, the others sliders.
    const input = l.choices
      ? el("select", { id: `lever-${l.key}` }, ...l.choices.map((c) => el("option", { value: c.value, selected: c.value === shown }, vi ? c.label_vi : c.label)))
      : el("input", { type: "range", id: `lever-${l.key}`, min: l.minimum, max: l.maximum, step: l.step, value: shown });
    input.dataset.key = l.key;
    const out = el("output", { id: `out-${l.key}` }, leverText(l, shown));
    input.addEventListener(l.choices ? "change" : "input", () => {
      const v = Number(input.value);
      state.overrides[l.key] = v;
      out.textContent = leverText(l, v);
      input.parentElement.classList.add("moved");
      schedule(250);
    });
    const unit = vi ? l.unit_vi : l.unit;
    levers.append(el("div", { class: "lever" + (l.choices ? " choice" : "") + (l.key in state.overrides ? " moved" : "") },
      el("label", { htmlFor: input.id }, el("span", {}, (vi ? l.label_vi : l.label) + (unit ? ` (${unit})` : "")), out), input));
  }
}
function leverValue(l) {
  if (l.key in state.overrides) return state.overrides[l.key];
  const ev = state.current && state.current.evaluation;
  return ev && ev.levers && l.key in ev.levers ? ev.levers[l.key] : l.value;
}
function leverText(l, v) {
  if (l.choices) return "";
  if (!l.unit && l.maximum <= 1 && !l.integer) return pct(v);
  return num(v, l.integer ? 0 : (l.step < 1 ? 2 : 0));
}

function schedule(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => evaluate(state.park.first_samples), delay);
}
function setting() { return { policies: [...state.policies], overrides: { ...state.overrides } }; }
function status(text, busy) { $("status").textContent = text; $("status").className = busy ? "busy" : ""; }

async function evaluate(samples) {
  const asked = ++state.asked;
  const started = performance.now();
  status(samples > state.park.first_samples ? `${w("refining")} (${num(samples)} ${w("samplesWord")})` : w("solving"), true);
  const s = setting();
  const { status: code, data } = await getJSON("/api/evaluate", { ...s, session: state.session, samples, lang: state.lang });
  if (asked !== state.asked) return; // a newer request is on its way
  if (code === 409) { status(w("supersededText"), false); return; }
  if (code !== 200) { status(data.error || `HTTP ${code}`, false); return; }
  if (!state.current || JSON.stringify(state.current.setting) !== JSON.stringify(s)) state.previous = state.current;
  state.current = { setting: s, evaluation: data.evaluation, cached: data.cached, run: data.run };
  const ms = Math.round(performance.now() - started);
  status(`${w("ready")} · ${data.cached ? w("cached") : `${w("solvedIn")} ${num(ms / 1000, 1)} s`}`, false);
  document.body.dataset.evaluations = String(Number(document.body.dataset.evaluations || 0) + 1);
  document.body.dataset.lastMs = String(ms);
  render();
  // Refine the risk while the page stays on this setting (a new setting supersedes it).
  const next = (state.park.sample_steps || []).find((n) => n > samples);
  if (state.park.has_uncertainty && next !== undefined) evaluate(next);
}

// "256 samples" under a risk figure: how many Monte Carlo samples it rests on.
function sampleNote(ev) {
  const n = ev && ev.risk && ev.risk.samples;
  return n ? el("small", { class: "samples" }, `${num(n)} ${w("samplesWord")}`) : "";
}
function figures(ev) {
  if (!ev || !ev.economic) return null;
  const built = (ev.exchanges || []).filter((x) => x.built).length + (ev.facilities || []).filter((x) => x.built).length;
  const a = ev.accounts || {}, r = (ev.risk && ev.risk.npv) || {};
  return [
    ["parkNPV", ev.economic.npv, money, "npv"], ["co2eAvoided", ev.environmental.co2e_avoided, tonnes, "co2e"],
    ["jobs", ev.social.jobs_fte_years, (x) => `${num(x)} FTE·${state.lang === "vi" ? "năm" : "years"}`, "jobs"],
    ["exchangesBuilt", built, (x) => num(x), "built"], ["publicCostNet", a.public_cost_net, money, "public"],
    ["societyAccount", a.society, money, "society"], ["npvP10", r.p10, money, "p10", true],
    ["probabilityOfLoss", r.probability_of_loss, (x) => (x === undefined ? "–" : pct(x)), "loss", true],
  ];
}

function render() {
  const ev = state.current.evaluation;
  const rows = figures(ev), sq = figures(state.statusQuo), prev = figures(state.previous && state.previous.evaluation);
  const head = $("headline"); head.replaceChildren(el("tr", {}, el("th", {}, ""), el("th", {}, w("thisSetting")),
    el("th", {}, w("statusQuoColumn")), el("th", {}, w("previousColumn")), el("th", {}, w("changeColumn"))));
  if (!rows) { head.append(el("tr", {}, el("td", { colSpan: 5 }, `${w("noDesignText")}: ${ev.status}`))); }
  else rows.forEach(([key, value, fmt, id, risk], i) => {
    const before = prev ? prev[i][1] : undefined;
    const change = before === undefined || value === undefined ? undefined : value - before;
    const note = (e) => (risk ? sampleNote(e) : "");
    const cell = el("td", { id: `fig-${id}` }, el("span", { class: "value" }, fmt(value)), note(ev)); cell.dataset.value = value === undefined ? "" : String(value);
    const delta = el("td", { class: change > 1e-9 ? "up" : change < -1e-9 ? "down" : "" }, change === undefined ? "–" : (change > 0 ? "+" : "") + fmt(change));
    head.append(el("tr", {}, el("td", {}, w(key)), cell, el("td", {}, sq ? fmt(sq[i][1]) : "–", sq ? note(state.statusQuo) : ""),
      el("td", {}, prev ? fmt(before) : "–", prev ? note(state.previous.evaluation) : ""), delta));
  });
  $("map").innerHTML = ev.map_svg || "";
  const a = ev.accounts;
  const acc = $("accounts"); acc.replaceChildren();
  if (a) {
    acc.append(el("tr", {}, el("th", {}, ""), el("th", {}, `${w("gainVsStatusQuo")} (${state.park.currency})`)));
    [["firmsAccount", a.firms], ["operatorAccount", a.operator], ["publicAccount", a.public_budget], ["externalities", a.externalities]]
      .forEach(([k, v]) => acc.append(el("tr", {}, el("td", {}, w(k)), el("td", {}, money(v)))));
    const total = el("tr", { class: "total" }, el("td", {}, w("societyAccount")), el("td", { id: "acc-society" }, money(a.society)));
    acc.append(total);
  }
  const gains = new Map(((ev.risk && ev.risk.gains) || []).map((g) => [g.id, g]));
  const firms = $("firms"); firms.replaceChildren(el("tr", {}, el("th", {}, w("firm")), el("th", {}, `${w("gainVsStatusQuo")} (${state.park.currency})`),
    el("th", {}, `${w("gainP10")} (${state.park.currency})`, sampleNote(ev)), el("th", {}, `${w("npvAfterTransfers")} (${state.park.currency})`)));
  const npvs = new Map((ev.companies || []).map((c) => [c.id, c.npv]));
  for (const f of ev.firm_gains || []) {
    const g = gains.get(f.id);
    firms.append(el("tr", {}, el("td", {}, f.id), el("td", { class: f.gain < -0.5 ? "down" : "" }, num(f.gain)), el("td", {}, g ? num(g.p10) : "–"), el("td", {}, num(npvs.get(f.id)))));
  }
  const links = $("links"); links.replaceChildren(el("tr", {}, el("th", {}, w("exchange")), el("th", {}, w("fromTo")), el("th", {}, w("built")), el("th", {}, w("whyNot"))));
  for (const x of ev.exchanges || []) {
    const why = x.built ? `${w("year")} ${x.build_year}` : x.not_built_because ? x.not_built_because.text : x.blocked_by ? `${x.blocked_by}` : "";
    links.append(el("tr", {}, el("td", {}, x.id), el("td", {}, `${x.from} → ${x.to} (${x.resource_name || x.resource})`), el("td", {}, x.built ? w("yes") : w("no")), el("td", {}, why)));
  }
  for (const input of document.querySelectorAll("#levers [data-key]")) {
    const l = state.park.levers.find((q) => q.key === input.dataset.key);
    if (!(l.key in state.overrides)) { const v = leverValue(l); input.value = v; $(`out-${l.key}`).textContent = leverText(l, v); }
  }
  renderPinned();
}

function renderPinned() {
  const t = $("pinned"); t.replaceChildren();
  if (!state.pinned.length) return;
  t.append(el("tr", {}, el("th", {}, w("setting")), ...state.pinned.map((p) => el("th", {}, p.title))));
  const all = state.pinned.map((p) => figures(p.evaluation));
  figures(state.pinned[0].evaluation).forEach(([key, , fmt, , risk], i) =>
    t.append(el("tr", {}, el("td", {}, w(key)), ...all.map((f, j) => el("td", {}, f ? fmt(f[i][1]) : "–", risk ? sampleNote(state.pinned[j].evaluation) : "")))));
  t.append(el("tr", {}, el("td", {}, ""), ...state.pinned.map((p, i) => {
    const b = el("button", { type: "button" }, w("unpin"));
    b.addEventListener("click", () => { state.pinned.splice(i, 1); renderPinned(); });
    return el("td", {}, b);
  })));
}

async function init() {
  state.park = (await getJSON("/api/park")).data;
  await loadWords();
  renderControls();
  $("lang").addEventListener("change", async () => {
    state.lang = $("lang").value; localStorage.setItem("boardRoomLang", state.lang);
    await loadWords(); renderControls(); if (state.current) render(); schedule(0);
  });
  $("reset").addEventListener("click", () => { state.overrides = {}; renderControls(); schedule(0); });
  $("pin").addEventListener("click", () => {
    if (!state.current) return;
    const s = state.current.setting;
    // The setting in words (the server's `BoardRoomPark.words`), in the language of its evaluation.
    const title = state.current.evaluation.setting.words;
    if (!state.pinned.some((p) => p.title === title)) state.pinned.push({ title, setting: s, evaluation: state.current.evaluation });
    renderPinned();
  });
  $("export").addEventListener("click", async () => {
    if (!state.pinned.length) return;
    $("exported").textContent = w("solving");
    const { status: code, data } = await getJSON("/api/report", { settings: state.pinned.map((p) => p.setting), lang: state.lang });
    $("exported").textContent = code === 200 ? `${w("reportWritten")} ${data.path}` : data.error || `HTTP ${code}`;
    $("exported").dataset.path = code === 200 ? data.path : "";
  });
  const sqParts = state.park.status_quo === "baseline" ? [] : state.park.status_quo.split("+");
  const sq = await getJSON("/api/evaluate", { policies: sqParts, overrides: {}, samples: state.park.first_samples, lang: state.lang });
  if (sq.status === 200) state.statusQuo = sq.data.evaluation;
  evaluate(state.park.first_samples);
}
init();
