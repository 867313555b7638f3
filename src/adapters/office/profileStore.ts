// Template profiles (issue 5) live in a custom XML part of the workbook (ExcelApi 1.5).
// Why not Workbook.settings: settings belong to the add-in's web-extension part, keyed to
// the add-in, and only the add-in reads them; a custom XML part is a plain part of the file
// (customXml/itemN.xml) that Excel keeps through save/close/reopen on desktop and on the
// web, travels with the file when the add-in is not installed, and that the CLI can read
// from the .xlsx zip without Office.

import { PROFILE_NAMESPACE, profileFromXml, profileToXml } from "../xlsx/profileXml";

export { profileToXml as profileXml };

export async function loadProfile(context: Excel.RequestContext): Promise<string | null> {
  const part = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  if (part.isNullObject) return null;
  const xml = part.getXml();
  await context.sync();
  // A ClientResult, not a proxy object: its value needs the sync above, not a load().
  // eslint-disable-next-line office-addins/load-object-before-read
  return profileFromXml(xml.value);
}

export async function saveProfile(context: Excel.RequestContext, json: string): Promise<void> {
  const part = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  if (part.isNullObject) context.workbook.customXmlParts.add(profileToXml(json));
  else part.setXml(profileToXml(json));
  await context.sync();
}
