// Where the pane runs, from Office.context (Common API): the diagnostics view shows it and the
// exports choose their path by it.

import type { HostInfo } from "../../port/workbookPort";

/** The part of Office.context read here (tests pass a plain object). */
export interface OfficeContextLike {
  platform?: unknown;
  diagnostics?: { host?: unknown; platform?: unknown; version?: unknown } | null;
  requirements?: { isSetSupported(name: string, version?: string): boolean } | null;
}

/** Requirement sets the diagnostics list: every ExcelApi version, and the Common API sets hyoka uses. */
export const DIAGNOSED_SETS: readonly { name: string; version: string }[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ name: "ExcelApi", version: `1.${i + 1}` })),
  { name: "SharedRuntime", version: "1.1" },
  { name: "DialogApi", version: "1.1" },
  { name: "DialogApi", version: "1.2" },
  { name: "RibbonApi", version: "1.1" },
];

/**
 * Platforms where a download from the pane saves nothing and says nothing: Excel for Mac's
 * WKWebView (office-js#2700, closed "by design"; #3385, #4681) and iPad.
 */
const NO_DOWNLOAD_PLATFORMS = new Set(["Mac", "iOS"]);

export function officeHostInfo(context: OfficeContextLike | undefined): HostInfo {
  const diagnostics = context?.diagnostics ?? null;
  const platform = String(diagnostics?.platform ?? context?.platform ?? "unknown");
  const requirements = context?.requirements ?? null;
  return {
    host: String(diagnostics?.host ?? "Excel"),
    platform,
    version: String(diagnostics?.version ?? "unknown"),
    requirementSets: DIAGNOSED_SETS.map((set) => {
      let supported = false;
      try {
        supported = !!requirements?.isSetSupported(set.name, set.version);
      } catch {
        // an older office.js that does not know the set
      }
      return { ...set, supported };
    }),
    downloads: !NO_DOWNLOAD_PLATFORMS.has(platform),
  };
}
