/*! Gatehouse help-center widget. Plain ES2019, no dependencies, no framework; about 4.8 KB gzipped (gzip -9).
 * Embed on your site (the token is a widget token: the JWT header typ "gatehouse-widget+jwt"):
 *   <script>window.hcOptions = { app_id: "<subdomain>", jwt: "<token>", onAuthExpired: async () => "<fresh token>" }</script>
 *   <script src="https://<help center>/js/init_widget.js" async></script>
 * Everything renders inside a shadow root, so the page's CSS stays out and ours stays in. */
(() => {
  "use strict";
  const W = window, D = document, O = W.hcOptions, me = D.currentScript;
  if (W.GatehouseWidget) return; // loaded twice
  if (!O || typeof O.app_id !== "string" || !O.app_id || !me) {
    console.error("Gatehouse widget: set window.hcOptions = { app_id, jwt, onAuthExpired } before loading init_widget.js");
    return;
  }
  const API = new URL(me.src).origin + "/api/widget/v1";
  const AGE = ["token_expired", "token_too_old"];

  // ---- the token ------------------------------------------------------------------------------
  // The help center refuses a widget token once now - iat passes the tenant's Token TTL (even when
  // exp is later), so renew shortly before min(exp, iat + TTL) instead of waiting for a 401.
  let token = typeof O.jwt === "string" ? O.jwt : "", ttl = 0, due = 0, renewing = null;
  const plan = () => {
    let c = {};
    try { c = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))); } catch { /* unreadable: renew on first use */ }
    const now = Date.now() / 1000, iat = +c.iat || now, end = Math.min(+c.exp || 1 / 0, ttl ? iat + ttl : 1 / 0);
    // Renewal only ever happens on the way to a call, so a fast page clock costs one extra
    // onAuthExpired() per call at worst, and a slow one a 401 and one retry.
    const left = Math.min(end - iat, end - now);
    due = c.iat ? Date.now() + (left - Math.min(10, left / 5)) * 1000 : 0;
  };
  plan();
  // final: the help center refused this token for good (a retry cannot help, a renewal might).
  const authError = (m, final) => Object.assign(Error(m), { auth: 1, final });

  // One renewal at a time: every caller holding the stale token waits for the same fresh one.
  const renew = (stale) =>
    token !== stale ? Promise.resolve() : renewing || (renewing = (async () => {
      try {
        const t = await O.onAuthExpired();
        if (typeof t !== "string" || !t) throw Error("onAuthExpired() gave no token");
        token = t; plan();
      } catch (e) {
        console.error("Gatehouse widget: could not renew the sign-in with hcOptions.onAuthExpired()", e);
        throw authError("your sign-in expired and could not be renewed.");
      } finally { renewing = null; }
    })());

  const call = async (path, again) => {
    if (!token || Date.now() >= due) await renew(token);
    const sent = token;
    const res = await fetch(API + path, { credentials: "omit", headers: { Authorization: "Bearer " + sent, "X-Gatehouse-App-Id": O.app_id } });
    const body = await res.json().catch(() => null), err = (body && body.error) || {};
    if (res.status === 401) {
      if (!again && AGE.includes(err.code)) { await renew(sent); return call(path, 1); }
      throw authError(err.message || "the help center refused the sign-in.", 1);
    }
    if (!res.ok || !body) throw Object.assign(Error(err.message || "HTTP " + res.status), { status: res.status });
    return body.data;
  };

  // ---- the DOM --------------------------------------------------------------------------------
  // :host rules are !important: important declarations from inside a shadow tree beat the page's,
  // so even `* { font-size: 40px !important }` on the page cannot reach the widget.
  const host = D.createElement("gatehouse-widget"), root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
:host{all:initial!important;display:block!important;position:fixed!important;right:20px!important;bottom:20px!important;z-index:2147483000!important;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif!important;color:#1f2937!important}
*{box-sizing:border-box;margin:0}[hidden]{display:none!important}
button,input{font:inherit;color:inherit;background:none;border:0;padding:0;text-align:left;cursor:pointer}
:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.l{display:block;padding:12px 20px;border-radius:99px;background:#1d4ed8;color:#fff;font-weight:600;box-shadow:0 4px 14px #0004}
.p{position:absolute;right:0;bottom:64px;width:min(380px,calc(100vw - 40px));height:min(560px,calc(100vh - 110px));display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 10px 40px #0005;overflow:hidden}
header{display:flex;justify-content:space-between;align-items:center;padding:10px 16px;background:#1d4ed8;color:#fff}
h2{font-size:16px;font-weight:600}.x{font-size:24px;line-height:1;padding:2px 8px}
.s{padding:12px 16px;border-bottom:1px solid #e5e7eb}label{display:block;font-size:13px;color:#4b5563}
input{width:100%;margin-top:4px;padding:8px 10px;border:1px solid #6b7280;border-radius:6px;background:#fff;cursor:text}
.b{flex:1;overflow:auto;padding:8px 16px 16px}.m{padding:8px 0;color:#4b5563;font-size:14px}
.r{list-style:none;padding:0}.r button{display:block;width:100%;padding:8px;border-radius:6px}.r button:hover{background:#f3f4f6}
.t{display:block;font-weight:600;color:#1e3a8a}.e{display:block;font-size:13px;color:#4b5563}
.k{color:#1d4ed8;text-decoration:underline}h3{font-size:20px;font-weight:700;margin:8px 0}
.a>*,.a li{margin-bottom:.7em}.a ul,.a ol{padding-left:1.4em}.a a{color:#1d4ed8}.a img{max-width:100%}
.a h1,.a h2,.a h3,.a h4{font-size:17px;font-weight:700}.a pre,.a code{font:13px ui-monospace,monospace;background:#f3f4f6}.a pre{padding:8px;overflow:auto}
.a{overflow-x:auto}.a table{border-collapse:collapse}.a th,.a td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap}
</style><button class="l" type="button" aria-expanded="false" aria-controls="p">Help</button>
<div class="p" id="p" role="dialog" aria-label="Help center" hidden><header><h2>Help center</h2><button class="x" type="button" aria-label="Close help">×</button></header>
<div class="s"><label for="q">Search articles</label><input id="q" type="search" autocomplete="off"></div>
<div class="b"><p class="m" role="status"></p><ul class="r"></ul><article class="v" hidden><button class="k" type="button">← Back</button><h3 tabindex="-1"></h3><div class="a"></div><a class="k" target="_blank" rel="noopener">Open in the help center</a></article></div></div>`;
  const $ = (s) => root.querySelector(s);
  const launcher = $(".l"), panel = $(".p"), input = $("input"), msg = $(".m"), list = $(".r"), view = $(".v"), title = $("h3"), body = $(".a"), link = $(".v>a");
  let seq = 0, timer, loaded, asked, listMsg = "", picked;

  const el = (tag, cls = "", text = "") => Object.assign(D.createElement(tag), { className: cls, textContent: text });
  const say = (text, retry) => {
    msg.textContent = text;
    if (retry) { const b = el("button", "k", "Try again"); b.type = "button"; b.onclick = retry; msg.append(" ", b); }
  };
  const fail = (e, text, retry) => {
    console.error("Gatehouse widget:", e.message); // the reason (CORS, app_id, outage) is for the site's developers
    say(e.auth ? "Sign-in problem: " + e.message : text, e.final ? 0 : retry);
  };
  // Links and images in an article are relative to the article's page, not to the host page.
  const safe = (u, base) => { try { const x = new URL(u, base); return /^(https?|mailto):$/.test(x.protocol) ? x.href : ""; } catch { return ""; } };

  const row = (a) => {
    const li = D.createElement("li"), b = el("button");
    b.type = "button";
    b.append(el("span", "t", a.title), el("span", "e", [a.category && a.category.title, a.excerpt].filter(Boolean).join(" · ")));
    b.onclick = () => read(a.id, b);
    li.append(b);
    return li;
  };

  const search = async () => {
    const q = input.value.trim(), n = ++seq;
    clearTimeout(timer);
    view.hidden = true; list.hidden = false;
    say("Loading…");
    try {
      const items = await call("/articles?" + new URLSearchParams(q ? { q, limit: 10 } : { limit: 10 }));
      if (n !== seq) return;
      list.replaceChildren(...items.map(row));
      say(listMsg = items.length ? (q ? `Results for “${q}”` : "Recent articles") : (q ? `No articles match “${q}”.` : "No articles yet."));
    } catch (e) {
      if (n === seq) { list.replaceChildren(); listMsg = ""; fail(e, "Couldn't load articles.", search); }
    }
  };

  const read = async (id, from) => {
    const n = ++seq;
    clearTimeout(timer); // a search still waiting on its debounce must not replace the article
    picked = from; list.hidden = true; view.hidden = false; link.hidden = true; title.textContent = ""; body.replaceChildren();
    say("Loading…");
    try {
      const a = await call("/articles/" + encodeURIComponent(id));
      if (n !== seq) return;
      const base = safe(a.url, API), tpl = D.createElement("template");
      tpl.innerHTML = a.html || ""; // server-rendered, sanitized Markdown; a template loads nothing yet
      for (const x of tpl.content.querySelectorAll("[href],[src]")) {
        const attr = x.hasAttribute("src") ? "src" : "href";
        x.setAttribute(attr, safe(x.getAttribute(attr), base));
        if (x.tagName === "A") { x.target = "_blank"; x.rel = "noopener"; }
      }
      say("");
      title.textContent = a.title;
      body.replaceChildren(tpl.content);
      link.hidden = !base; link.href = base;
      title.focus();
    } catch (e) {
      const gone = e.status === 404;
      if (n === seq) fail(e, gone ? "This article is no longer available." : "Couldn't load this article.", gone ? 0 : () => read(id, from));
    }
  };

  const back = () => {
    seq++; view.hidden = true; list.hidden = false; say(listMsg);
    (picked && picked.isConnected ? picked : input).focus();
  };

  const open = () => {
    if (!panel.hidden) return;
    panel.hidden = false; launcher.setAttribute("aria-expanded", "true");
    input.focus();
    if (!asked) session();
    if (!loaded) { loaded = 1; search(); }
  };
  const close = () => {
    if (panel.hidden) return;
    panel.hidden = true; launcher.setAttribute("aria-expanded", "false");
    if (root.activeElement) launcher.focus(); // give focus back only when the widget had it
  };

  launcher.onclick = () => (panel.hidden ? open() : close());
  $(".x").onclick = close;
  $(".v>button").onclick = back;
  input.oninput = () => { clearTimeout(timer); timer = setTimeout(search, 250); };
  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) { e.preventDefault(); close(); }
    else if (e.key === "Enter" && e.target === input) search();
  });

  // Learn the Token TTL (and the help center's name) up front, so renewal happens on time; if that
  // failed, opening the panel asks again.
  const session = () => (asked = call("/session").then((s) => {
    ttl = +s.token_ttl_seconds || 0; plan();
    const name = s.help_center && s.help_center.name;
    if (name) { panel.setAttribute("aria-label", name); $("h2").textContent = name; }
  }, (e) => { asked = 0; console.error("Gatehouse widget:", e.message); }));
  session();

  const mount = () => D.body.append(host);
  if (D.body) mount();
  else D.addEventListener("DOMContentLoaded", mount);
  W.GatehouseWidget = { open, close, destroy() { seq++; clearTimeout(timer); host.remove(); delete W.GatehouseWidget; } };
})();
