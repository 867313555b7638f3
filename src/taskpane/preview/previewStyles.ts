// The preview's own styles, as a string rendered into a <style> element: the build then
// needs no CSS loader, and the in-Excel bundle never carries them.

export const PREVIEW_CSS = `
html, body { margin: 0; padding: 0; }
.hp-root { --hp-bg: #ffffff; --hp-fg: #1f1f1f; --hp-muted: #5c5c5c; --hp-line: #d4d4d4; --hp-head-bg: #f3f3f3;
  --hp-head-active: #d3e8dc; --hp-accent: #107c41; --hp-range: rgba(16,124,65,0.12); --hp-bar: #f7f7f7;
  font-family: "Segoe UI", "Yu Gothic UI", "Meiryo", system-ui, sans-serif; font-size: 13px;
  color: var(--hp-fg); background: var(--hp-bg); height: 100vh; display: flex; flex-direction: column; }
.hp-root.hp-dark { --hp-bg: #1f1f1f; --hp-fg: #f0f0f0; --hp-muted: #c8c8c8; --hp-line: #474747; --hp-head-bg: #2b2b2b;
  --hp-head-active: #24523a; --hp-accent: #5fd38d; --hp-range: rgba(95,211,141,0.18); --hp-bar: #292929; }
.hp-header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 8px 12px;
  background: var(--hp-bar); border-bottom: 1px solid var(--hp-line); }
.hp-header h1 { font-size: 16px; margin: 0; }
.hp-subtitle { color: var(--hp-muted); margin: 0; flex: 1 1 240px; }
.hp-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.hp-controls select, .hp-controls button, .hp-file-label, .hp-download {
  font: inherit; color: var(--hp-fg); background: var(--hp-bg); border: 1px solid var(--hp-line);
  border-radius: 4px; padding: 3px 8px; cursor: pointer; }
.hp-controls button[aria-pressed="true"] { border-color: var(--hp-accent); }
.hp-file-label:focus-within, .hp-controls :focus-visible, .hp-tab:focus-visible, .hp-grid-scroller:focus-visible,
.hp-download:focus-visible { outline: 2px solid var(--hp-accent); outline-offset: 1px; }
.hp-visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.hp-main { flex: 1; display: flex; min-height: 0; }
.hp-workbook { flex: 1; min-width: 0; display: flex; flex-direction: column; position: relative; }
.hp-workbook.hp-dragging::after { content: attr(data-drop-label); position: absolute; inset: 8px; display: flex;
  align-items: center; justify-content: center; font-size: 18px; border: 3px dashed var(--hp-accent);
  background: var(--hp-range); pointer-events: none; }
.hp-pane { width: 420px; flex: none; border-left: 1px solid var(--hp-line); overflow: auto; }
.hp-status { padding: 6px 12px; }
.hp-error { padding: 6px 12px; color: #a4262c; background: #fde7e9; border-bottom: 1px solid #f1bbbc; }
.hp-dark .hp-error { color: #ffd7d9; background: #442726; border-color: #6e3b3b; }
.hp-grid-frame { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.hp-namebox { padding: 4px 12px; border-bottom: 1px solid var(--hp-line); background: var(--hp-bar); }
.hp-namebox output { font-family: Consolas, "MS Gothic", monospace; }
.hp-namebox-label { color: var(--hp-muted); }
.hp-grid-scroller { flex: 1; overflow: auto; min-height: 0; }
.hp-grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
.hp-grid td, .hp-grid th { height: 23px; padding: 0 4px; border-right: 1px solid var(--hp-line);
  border-bottom: 1px solid var(--hp-line); white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  line-height: 23px; box-sizing: border-box; }
.hp-grid .hp-spacer td { padding: 0; border: 0; }
.hp-grid thead th { position: sticky; top: 0; z-index: 2; }
.hp-grid tbody th { position: sticky; left: 0; z-index: 1; }
.hp-grid thead th.hp-corner { left: 0; z-index: 3; }
.hp-head { background: var(--hp-head-bg); color: var(--hp-muted); font-weight: normal; text-align: center; }
.hp-head-active { background: var(--hp-head-active); color: var(--hp-fg); }
.hp-cell { vertical-align: top; cursor: cell; }
.hp-number { text-align: right; }
.hp-filled { color: #1f1f1f; }
.hp-in-range { box-shadow: inset 0 0 0 9999px var(--hp-range); }
.hp-active { outline: 2px solid var(--hp-accent); outline-offset: -2px; }
.hp-tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid var(--hp-line); background: var(--hp-bar);
  overflow-x: auto; align-items: center; }
.hp-tab { font: inherit; color: var(--hp-fg); background: transparent; border: 0; border-bottom: 3px solid transparent;
  padding: 5px 12px; cursor: pointer; white-space: nowrap; }
.hp-tab[aria-selected="true"] { border-bottom-color: var(--hp-accent); font-weight: 600; background: var(--hp-bg); }
.hp-tab-hyoka { font-style: italic; }
.hp-download { margin-left: auto; }
.hp-grid-empty { padding: 24px; color: var(--hp-muted); }
`;
