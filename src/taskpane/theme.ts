// Follows the Office theme: Office gives colours, not a "dark" flag, so the body
// background's luminance decides.

export type ThemeName = "light" | "dark";

/** `#rrggbb` (or `rrggbb`) → true when the colour is dark; null for anything else. */
export function isDarkColor(color: string | undefined | null): boolean | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1, 4).map((h) => parseInt(h, 16) / 255);
  // Relative luminance weights (ITU-R BT.709); the midpoint separates Office's themes well.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** The Office theme when running in Office, light otherwise. */
export function officeThemeName(): ThemeName {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    const background = office?.context?.officeTheme?.bodyBackgroundColor;
    return isDarkColor(background) ? "dark" : "light";
  } catch {
    // officeTheme throws in hosts that do not support it.
    return "light";
  }
}
