#!/usr/bin/env python3
"""Helper of scripts/browser-check (stdlib only). argv: browser report.html [screenshot-dir]

Copies the report to a temp dir, appends a <script> that runs the checks once the page has
loaded and writes a base64 JSON verdict into <pre id="browser-check-result">, loads the copy
with `chromium --headless=new --dump-dom` for every width and colour scheme, and prints one
line per run. The copy is loaded with every host name mapped to nowhere, so a request that
slips past the checks cannot reach the network either."""
import base64, json, os, re, shutil, subprocess, sys, tempfile

WIDTHS = [1400, 390]
HEIGHT = 900
# Verified with Chromium 156: --blink-settings=preferredColorScheme=0 makes
# matchMedia('(prefers-color-scheme: dark)') match in headless mode (0 = dark, 1 = light);
# the run checks that the scheme asked for is the one the page saw.
SCHEMES = {"light": ["--blink-settings=preferredColorScheme=1"],
           "dark": ["--blink-settings=preferredColorScheme=0", "--force-dark-mode"]}

CHECK_JS = r"""
<script id="browser-check-script">
(function () {
  var ran = false;
  function run() {
    if (ran) return; ran = true;
    var failures = [];
    function fail(kind, msg) { if (failures.length < 40) failures.push(kind + ": " + msg); }
    function describe(el) {
      var s = el.tagName.toLowerCase();
      if (el.id) s += "#" + el.id;
      var cls = (typeof el.className === "string") ? el.className.trim() : "";
      if (cls) s += "." + cls.split(/\s+/).join(".");
      var p = el.parentElement, path = [];
      while (p && p !== document.body && path.length < 3) {
        var t = p.tagName.toLowerCase();
        if (p.id) { t += "#" + p.id; path.unshift(t); break; }
        path.unshift(t); p = p.parentElement;
      }
      var text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
      return path.concat([s]).join(" > ") + (text ? " \"" + text + "\"" : "");
    }
    // (a) overflow past the right edge of the viewport, outside a scroll box
    var vw = document.documentElement.clientWidth;
    var scrollers = new Set();
    var all = document.body.getElementsByTagName("*");
    for (var i = 0; i < all.length; i++) {
      var ox = getComputedStyle(all[i]).overflowX;
      if (ox === "auto" || ox === "scroll") scrollers.add(all[i]);
    }
    function inScroller(el) {
      for (var p = el.parentElement; p; p = p.parentElement) if (scrollers.has(p)) return true;
      return false;
    }
    var overflowCount = 0;
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.id === "browser-check-result" || el.id === "browser-check-script") continue;
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue; // the svg's own box counts
      var r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > vw + 0.5 && !inScroller(el)) {
        overflowCount++;
        // report the outermost offender only: skip children of an element already reported
        var parentOver = el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 0.5 && !inScroller(el.parentElement);
        if (!parentOver) fail("overflow", describe(el) + " ends at " + Math.round(r.right) + " px, viewport " + vw + " px");
      }
    }
    var sw = document.documentElement.scrollWidth;
    if (sw > vw + 0.5 && overflowCount === 0) fail("overflow", "the page scrolls sideways (" + sw + " px wide, viewport " + vw + " px)");
    // (b) nothing requested: resource entries, then every reference in the markup and the styles
    function allowed(u) { u = u.trim(); return u === "" || u.charAt(0) === "#" || /^data:/i.test(u); }
    performance.getEntriesByType("resource").forEach(function (e) {
      if (!/^data:/i.test(e.name)) fail("network", "the page requested " + e.name.slice(0, 120));
    });
    var attrs = ["src", "href", "xlink:href", "srcset", "poster", "action", "data", "background", "formaction"];
    var everything = document.getElementsByTagName("*");
    for (var i = 0; i < everything.length; i++) {
      var el = everything[i];
      if (el.id === "browser-check-script") continue;
      for (var j = 0; j < el.attributes.length; j++) {
        var a = el.attributes[j], name = a.name.toLowerCase();
        if (attrs.indexOf(name) >= 0) {
          var vals = name === "srcset" ? a.value.split(",").map(function (s) { return s.trim().split(/\s+/)[0]; }) : [a.value];
          vals.forEach(function (v) { if (!allowed(v)) fail("network", describe(el) + " " + name + "=\"" + v.slice(0, 100) + "\""); });
        }
        if (name !== "d" && /url\(/i.test(a.value)) {
          var re = /url\(\s*['"]?([^'")]*)/gi, m;
          while ((m = re.exec(a.value))) if (!allowed(m[1])) fail("network", describe(el) + " " + name + " url(" + m[1].slice(0, 100) + ")");
        }
      }
    }
    var styles = document.querySelectorAll("style");
    for (var i = 0; i < styles.length; i++) {
      var css = styles[i].textContent, re = /url\(\s*['"]?([^'")]*)/gi, m;
      while ((m = re.exec(css))) if (!allowed(m[1])) fail("network", "<style> url(" + m[1].slice(0, 100) + ")");
      if (/@import/i.test(css)) fail("network", "<style> uses @import");
    }
    // (c) chart text in the DOM: every outermost inline <svg> has real, non-empty <text>
    var svgs = Array.prototype.filter.call(document.querySelectorAll("svg"), function (s) { return !s.parentElement.closest("svg"); });
    var charts = 0, texts = 0;
    svgs.forEach(function (svg) {
      charts++;
      var where = svg.closest("figure") || svg;
      var label = where.id ? "#" + where.id : describe(svg);
      var ts = Array.prototype.filter.call(svg.querySelectorAll("text"), function (t) { return t.textContent.trim() !== ""; });
      texts += ts.length;
      if (ts.length === 0) fail("chart-text", label + " has no non-empty <text>");
      var glyphs = svg.querySelectorAll("[id^='glyph'], symbol, use");
      if (glyphs.length > 0) fail("chart-text", label + " draws text as outlines (" + glyphs.length + " symbol/use/glyph elements)");
    });
    var dark = matchMedia("(prefers-color-scheme: dark)").matches;
    var out = document.createElement("pre");
    out.id = "browser-check-result";
    var verdict = { failures: failures, viewport: vw, scrollWidth: sw, dark: dark, charts: charts, chartTexts: texts,
                    resources: performance.getEntriesByType("resource").length, elements: all.length };
    out.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(verdict))));
    document.body.appendChild(out);
    if (window.parent !== window) window.parent.postMessage(out.textContent, "*");
  }
  window.addEventListener("load", function () { requestAnimationFrame(function () { setTimeout(run, 50); }); });
  // a request that never settles holds back the load event; check anyway (virtual time)
  document.addEventListener("DOMContentLoaded", function () { setTimeout(run, 4000); });
})();
</script>
"""

# Headless Chromium will not make its window narrower than 500 px, so the report is loaded in
# an iframe of the width asked for (media queries and the layout viewport follow the frame);
# the frame posts its verdict to the wrapper, which --dump-dom prints.
WRAPPER = """<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="margin:0;background:#888">
<iframe src="%s" style="display:block;border:0;width:%dpx;height:%dpx"></iframe>
<script>addEventListener("message", function (e) {
  var pre = document.createElement("pre"); pre.id = "browser-check-result";
  pre.textContent = String(e.data); document.body.appendChild(pre); });</script>
</body></html>"""

def wrap(tmp, page, width, height):
    path = os.path.join(tmp, "wrap-%d-%d.html" % (width, height))
    open(path, "w", encoding="utf-8").write(WRAPPER % (page, width, height))
    return "file://" + path

def chromium(browser, width, height, scheme, extra, url, timeout=180):
    width = max(width, 500)
    cmd = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-extensions", "--disable-background-networking",
           "--host-resolver-rules=MAP * ~NOTFOUND",
           "--window-size=%d,%d" % (width, height), "--virtual-time-budget=10000"] + SCHEMES[scheme] + extra + [url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

def main():
    browser, report, shots = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "")
    html = open(report, encoding="utf-8").read()
    tmp = tempfile.mkdtemp(prefix="browser-check-")
    try:
        page = os.path.join(tmp, "report.html")
        idx = html.rfind("</body>")
        checked = html[:idx] + CHECK_JS + html[idx:] if idx >= 0 else html + CHECK_JS
        open(page, "w", encoding="utf-8").write(checked)
        failed = False
        for width in WIDTHS:
            for scheme in SCHEMES:
                run = "%d px %s" % (width, scheme)
                r = chromium(browser, width, HEIGHT, scheme, ["--dump-dom"], wrap(tmp, "report.html", width, HEIGHT))
                m = re.search(r'<pre id="browser-check-result">([A-Za-z0-9+/=]+)</pre>', r.stdout)
                if not m:
                    failed = True
                    print("FAIL %s: no verdict from the page (chromium exit %d): %s" % (run, r.returncode, r.stderr.strip()[-300:]))
                    continue
                v = json.loads(base64.b64decode(m.group(1)).decode("utf-8"))
                problems = list(v["failures"])
                if v["dark"] != (scheme == "dark"):
                    problems.append("scheme: the page saw prefers-color-scheme %s" % ("dark" if v["dark"] else "light"))
                if v["viewport"] > width or v["viewport"] < width - 20:
                    problems.append("viewport: %d px wide, asked for %d" % (v["viewport"], width))
                if v["charts"] == 0:
                    problems.append("chart-text: the page has no inline <svg> chart")
                status = "FAIL" if problems else "ok  "
                print("%s %s: %d charts, %d chart texts, %d resource requests, page %d px wide in a %d px viewport"
                      % (status, run, v["charts"], v["chartTexts"], v["resources"], v["scrollWidth"], v["viewport"]))
                for p in problems:
                    print("     " + p)
                failed = failed or bool(problems)
        if shots:
            os.makedirs(shots, exist_ok=True)
            height = int(os.environ.get("BROWSER_CHECK_SHOT_HEIGHT", "2400"))
            anchors = [""] + os.environ.get("BROWSER_CHECK_SHOT_ANCHORS", "").split()
            plain = os.path.join(tmp, "plain.html")
            open(plain, "w", encoding="utf-8").write(html)
            for width in WIDTHS:
                for scheme in SCHEMES:
                    for a in anchors:
                        name = "%d-%s%s.png" % (width, scheme, ("-" + re.sub(r"[^A-Za-z0-9_-]", "", a)) if a else "")
                        target = os.path.abspath(os.path.join(shots, name))
                        chromium(browser, width, height, scheme, ["--screenshot=" + target], wrap(tmp, "plain.html" + a, width, height))
                        print("screenshot " + target)
        print("browser-check: " + ("FAILED" if failed else "passed") + " (" + report + ")")
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

if __name__ == "__main__":
    sys.exit(main())
