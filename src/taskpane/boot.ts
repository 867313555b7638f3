// Decisions the entry makes before React renders, kept apart so they can be tested.

/** The ribbon's 検証 button opens the pane with `?action=validate`: check on open. */
export function wantsAutoCheck(search: string): boolean {
  return new URLSearchParams(search).get("action") === "validate";
}

/** Office.onReady resolves with host null outside Office (office.js loaded in a browser). */
export function isExcelHost(info: { host: Office.HostType | null } | undefined): boolean {
  return !!info && info.host !== null && info.host === Office.HostType.Excel;
}

/** The workbook's file name from Office's document URL (a path or an https URL); null for a new book. */
export function documentFileName(url: string | null | undefined): string | null {
  if (!url) return null;
  const last = url.split(/[?#]/)[0].split(/[\\/]/).pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // a stray % in a local file name: keep it as written
  }
  return name.trim() === "" ? null : name;
}
