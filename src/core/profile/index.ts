// Template profiles (issue 5): label synonyms and pinned fields for one department's variant
// of the 評価票. See docs/templates.md.

export type { Pin, Pins, TemplateProfile } from "./types";
export { PROFILE_FORMAT } from "./types";
export {
  parseProfile,
  parseProfileText,
  serializeProfile,
  newProfile,
  mergeProfiles,
  setPin,
  removePin,
  addSynonym,
  pinsForSheet,
  normalizeA1,
  normalizeRange,
} from "./parse";
export { PIN_FAMILIES, MAX_INDICATORS, pinTarget, labelNameOf, type PinKind, type PinTarget } from "./paths";
export { applyProfile, applyPins, profileVocabulary, pinLabel, STALE_PIN_RULE } from "./apply";
export { fieldLocations, projectFieldLocations, rollupFieldLocations, sectionTitle, type FieldLocation } from "./locations";
