// Settings survive a reload through localStorage when the host offers it (some Office
// hosts and private windows do not: then the pane still works, it just forgets).

import { DEFAULT_SETTINGS, type Settings } from "../core/settings";

export const SETTINGS_KEY = "hyoka.settings";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Accessing localStorage itself throws when storage is disabled.
    return null;
  }
}

export function canStoreSettings(): boolean {
  return storage() !== null;
}

/** Only keys that exist in Settings and hold a value of the default's type are taken. */
export function loadStoredSettings(): Partial<Settings> {
  const store = storage();
  if (!store) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(SETTINGS_KEY) ?? "null");
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key in DEFAULT_SETTINGS && typeof value === typeof DEFAULT_SETTINGS[key as keyof Settings]) out[key] = value;
  }
  return out as Partial<Settings>;
}

export function storeSettings(settings: Settings): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(SETTINGS_KEY, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}
