// Template profiles (issue 5) live in a custom XML part of the workbook (ExcelApi 1.5).
// Why not Workbook.settings: settings belong to the add-in's web-extension part, keyed to
// the add-in, and only the add-in reads them; a custom XML part is a plain part of the file
// (customXml/itemN.xml) that Excel keeps through save/close/reopen on desktop and on the
// web, travels with the file when the add-in is not installed, and that the CLI can read
// from the .xlsx zip without Office.
// Two parts can share the namespace (two first saves racing, co-authors). Then
// getOnlyItemOrNullObject returns a null object (its reference: "Otherwise, this method
// returns null"), so the parts are listed instead: all of them are read and merged, and a
// save keeps one.

import { mergeProfiles, parseProfileText, serializeProfile } from "../../core/profile";
import type { StoredProfile } from "../../port/workbookPort";
import { PROFILE_NAMESPACE, profileFromXml, profileToXml } from "../xlsx/profileXml";

export { profileToXml as profileXml };

/** One profile text from the parts' texts: several that parse are merged; else one that parses, else the first as stored (the pane says why it does not parse). */
function oneProfileText(texts: readonly string[]): string {
  const profiles = texts.map((t) => parseProfileText(t).profile).filter((p) => p !== null);
  if (profiles.length > 1) return serializeProfile(mergeProfiles(profiles));
  return texts.find((t) => parseProfileText(t).profile) ?? texts[0];
}

/** 2 syncs: the parts of the namespace, then their XML (1 when there is none). */
export async function loadProfile(context: Excel.RequestContext): Promise<StoredProfile | null> {
  const parts = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).load("items/id");
  await context.sync();
  if (!parts.items.length) return null;
  const xml = parts.items.map((part) => part.getXml());
  await context.sync();
  // ClientResults, not proxy objects: their values need the sync above, not a load().
  const texts = xml.map((x) => profileFromXml(x.value)).filter((t): t is string => t !== null);
  return texts.length ? { text: oneProfileText(texts), parts: parts.items.length } : null;
}

/** 2 syncs: the parts, then one written and any other deleted. */
export async function saveProfile(context: Excel.RequestContext, json: string): Promise<void> {
  const parts = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).load("items/id");
  await context.sync();
  const [first, ...duplicates] = parts.items;
  if (first) first.setXml(profileToXml(json));
  else context.workbook.customXmlParts.add(profileToXml(json));
  for (const part of duplicates) part.delete();
  await context.sync();
}
