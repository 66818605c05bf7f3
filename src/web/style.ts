// The web view's one stylesheet, served from a route (the Content-Security-Policy allows no
// inline style): readable on a phone, light or dark as the reader's system asks, and the
// statement named in the address highlighted with :target (no script).
export const WEB_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1b1b1f;
  --muted: #4d4d57;
  --line: #d5d5dc;
  --card: #f6f6f9;
  --link: #0b57b0;
  --quote: #1f6f43;
  --reported: #7a4b00;
  --hl-bg: #fff3b0;
  --hl-line: #b58900;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15161a;
    --fg: #e9e9ee;
    --muted: #b4b4c0;
    --line: #3a3b44;
    --card: #1f2026;
    --link: #8cc4ff;
    --quote: #7fd6a4;
    --reported: #f1c27d;
    --hl-bg: #3d3512;
    --hl-line: #e6c14a;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  overflow-wrap: anywhere;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--hl-line); outline-offset: 2px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
header.site {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center;
  padding: 0.6rem 1rem; border-bottom: 1px solid var(--line);
}
header.site .home { font-weight: 700; text-decoration: none; font-size: 1.15rem; }
form.search { display: flex; gap: 0.4rem; flex: 1 1 16rem; }
form.search input { flex: 1 1 auto; min-width: 0; }
input, button, select {
  font: inherit; color: var(--fg); background: var(--card);
  border: 1px solid var(--line); border-radius: 6px; padding: 0.35rem 0.5rem;
}
button { cursor: pointer; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.meta { color: var(--muted); margin: 0.2rem 0; }
.meta dt { font-weight: 600; display: inline; }
.meta dd { display: inline; margin: 0 0.75rem 0 0.25rem; }
ul.plain { list-style: none; padding: 0; }
ul.plain li { margin: 0.45rem 0; }
.narration { color: var(--muted); margin: 0.9rem 0; white-space: pre-line; }
.st {
  margin: 0.9rem 0; padding: 0.6rem 0.8rem; border-left: 4px solid var(--line);
  background: var(--card); border-radius: 0 6px 6px 0; scroll-margin-top: 1rem;
}
.st.quote { border-left-color: var(--quote); }
.st.paraphrase { border-left-color: var(--reported); }
.st:target { background: var(--hl-bg); border-left-color: var(--hl-line); outline: 2px solid var(--hl-line); }
.st .who { font-weight: 600; margin: 0; }
.st .kind { font-weight: 400; font-size: 0.85rem; color: var(--muted); margin-left: 0.4rem; }
.st .words { margin: 0.3rem 0; white-space: pre-line; }
.st.paraphrase .words { font-style: italic; }
.st .cite { margin: 0; font-size: 0.85rem; color: var(--muted); }
.st .cite a { color: var(--muted); }
.search-row { display: flex; gap: 0.4rem; }
.search-row input { flex: 1 1 auto; min-width: 0; }
ol.results { padding-left: 1.6rem; }
.result { margin: 1rem 0; }
.result .where { font-size: 0.9rem; color: var(--muted); margin: 0; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.5rem; margin: 0.5rem 0 1rem; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--muted); }
.notice { padding: 0.5rem 0.75rem; border: 1px solid var(--line); border-radius: 6px; }
nav.pages { display: flex; gap: 1rem; margin: 1rem 0; }
.chart {
  margin: 1rem 0;
}
.chart svg {
  display: block;
  max-width: 100%;
  height: auto;
}
`;
