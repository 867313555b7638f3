// Read-only view of the in-page workbook: sheet tabs, merged cells, fills, and the selected
// cell outlined and scrolled into view. Rows are windowed so a large sheet stays fast.
// Cell text is rendered as React text nodes only: a cell holding markup shows as text.

import * as React from "react";
import { boxToA1, columnLetters, type RangeBox } from "../../core/grid";
import type { PreviewWorkbook } from "../../adapters/preview/previewWorkbook";
import { ROW_HEADER_WIDTH, ROW_HEIGHT, columnWidths, displayText, selectionBox, sheetExtent, windowCells } from "./sheetLayout";
import type { PreviewText } from "./previewText";

/** Rows drawn above and below the visible ones, so a quick scroll shows no blank rows. */
const OVERSCAN_ROWS = 12;

/**
 * Renders the grid again whenever the workbook changes, as a transition: when a workbook loads,
 * React first mounts the pane beside it, which checks the workbook and lists its findings, and
 * draws the grid right after — its first layout costs more than the rest of the page (measured in
 * `npm run bench`). A transition never shows stale data here: each render reads the workbook as it is.
 */
function useWorkbookVersion(workbook: PreviewWorkbook): number {
  const [version, setVersion] = React.useState(workbook.version);
  React.useEffect(() => {
    const update = () => React.startTransition(() => setVersion(workbook.version));
    update(); // a change between the first render and this subscription
    return workbook.subscribe(update);
  }, [workbook]);
  return version;
}

function intersects(a: RangeBox, b: RangeBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(box: RangeBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

export interface GridViewProps {
  workbook: PreviewWorkbook;
  text: PreviewText;
}

function GridViewBody({ workbook, text }: GridViewProps): React.ReactElement {
  useWorkbookVersion(workbook);
  const sheet = workbook.sheet(workbook.activeSheet);
  const selection = workbook.selection;
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  // The window's height bounds the scroller's: rows enough from the first render, read without a layout.
  const [viewportHeight, setViewportHeight] = React.useState(() => (typeof window === "undefined" ? 600 : window.innerHeight || 600));

  const grid = sheet?.grid;
  const extent = React.useMemo(() => (grid ? sheetExtent(grid) : { rows: 0, cols: 0 }), [grid]);
  const widths = React.useMemo(() => (grid ? columnWidths(grid, extent.cols) : []), [grid, extent.cols]);
  const selectedBox = selection && selection.sheet === workbook.activeSheet ? selectionBox(selection.address) : null;

  // Sizes are read where the browser has just laid the page out (a ResizeObserver's callback, the
  // next animation frame), never while React commits: a read there forces a layout of the whole
  // page, grid and pane, which the pane's first render and check then redo.
  const hasScroller = grid !== undefined;
  React.useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return undefined;
    // Only ever more rows: fewer would redraw the grid for rows that cost nothing to keep.
    const observer = new ResizeObserver(() => setViewportHeight((h) => Math.max(h, el.clientHeight)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasScroller]);

  // Bring the selected cell into view whenever the selection (or the sheet) changes.
  const selectionKey = selection ? `${selection.sheet}!${selection.address}` : "";
  React.useEffect(() => {
    const el = scroller.current;
    if (!el || !selectedBox) return undefined;
    const frame = requestAnimationFrame(() => {
      // Content coordinates: the sticky column-header row sits above row 1.
      const top = ROW_HEIGHT + selectedBox.top * ROW_HEIGHT;
      if (top < el.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
        el.scrollTop = Math.max(0, top - el.clientHeight / 3);
      }
      let left = ROW_HEADER_WIDTH;
      for (let c = 0; c < selectedBox.left; c++) left += widths[c] ?? 0;
      if (left < el.scrollLeft + ROW_HEADER_WIDTH || left + (widths[selectedBox.left] ?? 0) > el.scrollLeft + el.clientWidth) {
        el.scrollLeft = Math.max(0, left - el.clientWidth / 3);
      }
      setScrollTop(el.scrollTop);
    });
    return () => cancelAnimationFrame(frame);
  }, [selectionKey, workbook.activeSheet, widths]);

  if (!sheet || !grid) {
    return <div className="hp-grid-empty">{text.noWorkbook}</div>;
  }

  const firstRow = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const lastRow = Math.min(extent.rows - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN_ROWS);
  const rows = windowCells(grid, firstRow, lastRow, extent.cols);
  const tableWidth = widths.reduce((a, w) => a + w, ROW_HEADER_WIDTH);
  const activeRow = selectedBox?.top ?? -1;
  const activeCol = selectedBox?.left ?? -1;

  return (
    <div className="hp-grid-frame">
      <div className="hp-namebox" aria-live="polite">
        <span className="hp-namebox-label">{text.selection}</span>{" "}
        <output data-testid="namebox">{selection ? `${selection.sheet}!${selection.address}` : ""}</output>
      </div>
      <div
        className="hp-grid-scroller"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        role="region"
        aria-label={`${text.sheet}: ${sheet.grid.name}`}
        data-testid="grid"
      >
        <table className="hp-grid" data-sheet={sheet.grid.name} style={{ width: tableWidth }}>
          <caption className="hp-visually-hidden">{sheet.grid.name}</caption>
          <colgroup>
            <col style={{ width: ROW_HEADER_WIDTH }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="hp-corner">
                <span className="hp-visually-hidden">{text.rowHeader}</span>
              </th>
              {widths.map((_, c) => (
                <th scope="col" key={c} className={c === activeCol ? "hp-head hp-head-active" : "hp-head"}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {firstRow > 0 && (
              <tr aria-hidden="true" className="hp-spacer">
                <td colSpan={extent.cols + 1} style={{ height: firstRow * ROW_HEIGHT }} />
              </tr>
            )}
            {rows.map((cells, i) => {
              const row = firstRow + i;
              return (
                <tr key={row} style={{ height: ROW_HEIGHT }}>
                  <th scope="row" className={row === activeRow ? "hp-head hp-head-active" : "hp-head"}>
                    {row + 1}
                  </th>
                  {cells.map((cell) => {
                    const label = displayText(cell.value, sheet.numberFormats.get(cell.address));
                    const fill = sheet.fills.get(cell.address);
                    const active = selectedBox !== null && contains(cell.box, activeRow, activeCol);
                    const inRange = selectedBox !== null && intersects(cell.box, selectedBox);
                    const classes = ["hp-cell"];
                    if (typeof cell.value === "number") classes.push("hp-number");
                    if (fill) classes.push("hp-filled");
                    if (inRange) classes.push("hp-in-range");
                    if (active) classes.push("hp-active");
                    return (
                      <td
                        key={cell.col}
                        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                        className={classes.join(" ")}
                        style={fill ? { background: fill } : undefined}
                        data-cell={cell.address}
                        data-merge={cell.rowSpan > 1 || cell.colSpan > 1 ? boxToA1(cell.box) : undefined}
                        data-selected={active ? "true" : undefined}
                        title={label.length > 12 ? label : undefined}
                        onClick={() => workbook.select(sheet.grid.name, cell.address)}
                      >
                        {label}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {lastRow < extent.rows - 1 && (
              <tr aria-hidden="true" className="hp-spacer">
                <td colSpan={extent.cols + 1} style={{ height: (extent.rows - 1 - lastRow) * ROW_HEIGHT }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="hp-tabs" role="tablist" aria-label={text.sheets}>
        {workbook.sheets.map((s) => {
          const selected = s.grid.name === workbook.activeSheet;
          return (
            <button
              key={s.grid.name}
              type="button"
              role="tab"
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              className={s.madeByHyoka ? "hp-tab hp-tab-hyoka" : "hp-tab"}
              onClick={() => workbook.activate(s.grid.name)}
              onKeyDown={(e) => {
                if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
                const names = workbook.sheets.map((x) => x.grid.name);
                const at = names.indexOf(s.grid.name) + (e.key === "ArrowRight" ? 1 : -1);
                const next = names[(at + names.length) % names.length];
                workbook.activate(next);
                (e.currentTarget.parentElement?.querySelector(`[data-sheet-tab="${CSS.escape(next)}"]`) as HTMLElement | null)?.focus();
              }}
              data-sheet-tab={s.grid.name}
            >
              {s.grid.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Memoized: the page around it re-renders when a workbook loads (the pane mounts), and the grid
 * must then wait for its own transition (useWorkbookVersion) instead of drawing in that render.
 */
export const GridView = React.memo(GridViewBody);
