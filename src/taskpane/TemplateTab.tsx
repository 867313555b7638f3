import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SheetResult } from "../core/engine";
import type { Language } from "../core/findings";
import type { EvaluationSheet } from "../core/model";
import {
  STALE_PIN_RULE,
  fieldLocations,
  labelNameOf,
  parseProfileText,
  pinLabel,
  pinTarget,
  sectionTitle,
  serializeProfile,
  type FieldLocation,
  type TemplateProfile,
} from "../core/profile";
import { LABEL_NAMES, defaultVocabulary, type LabelName } from "../core/vocabulary";
import { readFileText, safeFileName } from "./download";
import { ExportView, exportText, type ExportedText } from "./ExportView";
import { t } from "./i18n";
import { ListMessage, TabSection, useSharedStyles } from "./ui";

const useStyles = makeStyles({
  sectionHeading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0` },
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  field: { flexGrow: 1, justifyContent: "flex-start", textAlign: "start", minWidth: "160px", fontWeight: tokens.fontWeightRegular },
  fieldStatic: { flexGrow: 1, minWidth: "160px", padding: `0 ${tokens.spacingHorizontalS}` },
  label: { marginInlineEnd: tokens.spacingHorizontalXS },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, marginInlineEnd: tokens.spacingHorizontalXS },
  missing: { color: tokens.colorPaletteRedForeground1, marginInlineEnd: tokens.spacingHorizontalXS },
  raw: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  json: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    overflowX: "auto",
    maxHeight: "240px",
    whiteSpace: "pre",
  },
  hiddenInput: { display: "none" },
});

/** A field's synonyms are found under this label: `評価年度 (fiscalYear)`. */
function labelNameText(name: LabelName): string {
  return `${defaultVocabulary[name][0] ?? name} (${name})`;
}

const RAW_PREVIEW = 40;

function preview(raw: string): string {
  const flat = raw.replace(/\s+/g, " ").trim();
  return flat.length > RAW_PREVIEW ? `${flat.slice(0, RAW_PREVIEW)}…` : flat;
}

/** Field locations grouped by section, in sheet order. */
function bySection(locations: FieldLocation[]): Array<{ section: string; rows: FieldLocation[] }> {
  const groups: Array<{ section: string; rows: FieldLocation[] }> = [];
  for (const location of locations) {
    const last = groups[groups.length - 1];
    if (last && last.section === location.section) last.rows.push(location);
    else groups.push({ section: location.section, rows: [location] });
  }
  return groups;
}

export interface TemplateTabProps {
  results: SheetResult[];
  profile: TemplateProfile | null;
  lang: Language;
  onSelect: (sheet: string, address: string) => void;
  /** False where a download from the pane saves nothing (Excel for Mac): the export is shown instead. */
  downloads?: boolean;
  onPin: (path: string, sheetOnly: boolean) => void;
  onAddSynonym: (name: LabelName, synonym: string) => void;
  onRename: (name: string) => void;
  onImport: (profile: TemplateProfile) => void;
  onError: (error: unknown) => void;
}

/** テンプレート: where every field was read, and the profile that pins fields and adds label synonyms. */
export function TemplateTab({ results, profile, lang, onSelect, onPin, onAddSynonym, onRename, onImport, onError, downloads = true }: TemplateTabProps) {
  const [shown, setShown] = React.useState<ExportedText | null>(null);
  const shared = useSharedStyles();
  const styles = useStyles();
  const [sheetOnly, setSheetOnly] = React.useState(false);
  const [synonymName, setSynonymName] = React.useState<LabelName>(LABEL_NAMES[0]);
  const [synonym, setSynonym] = React.useState("");
  const [importErrors, setImportErrors] = React.useState<string[] | null>(null);
  const [name, setName] = React.useState(profile?.name ?? "");
  const synonymInput = React.useRef<HTMLInputElement>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => setName(profile?.name ?? ""), [profile?.name]);

  const commitName = () => {
    const trimmed = name.trim();
    if (trimmed !== "" && trimmed !== profile?.name) onRename(trimmed);
    else setName(profile?.name ?? "");
  };

  const startSynonym = (labelName: LabelName) => {
    setSynonymName(labelName);
    synonymInput.current?.focus();
  };

  // Rows call through a ref: typing a synonym or a name then re-renders no row.
  const latest = React.useRef({ onSelect, onPin, startSynonym, sheetOnly });
  latest.current = { onSelect, onPin, startSynonym, sheetOnly };
  const rowActions = React.useMemo<RowActions>(
    () => ({
      select: (sheet, address) => latest.current.onSelect(sheet, address),
      pin: (path) => latest.current.onPin(path, latest.current.sheetOnly),
      synonym: (labelName) => latest.current.startSynonym(labelName),
    }),
    [],
  );

  const submitSynonym = (event: React.FormEvent) => {
    event.preventDefault();
    if (synonym.trim() === "") return;
    onAddSynonym(synonymName, synonym.trim());
    setSynonym("");
  };

  const exportProfile = () => {
    if (!profile) return;
    try {
      exportText({ fileName: `${safeFileName(profile.name, "template")}.json`, text: serializeProfile(profile), mime: "application/json;charset=utf-8" }, downloads, setShown);
    } catch (error) {
      onError(error);
    }
  };

  const importFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // the same file chosen again must fire change again
    if (!file) return;
    try {
      const parsed = parseProfileText(await readFileText(file));
      if (parsed.profile) {
        setImportErrors(null);
        onImport(parsed.profile);
      } else setImportErrors(parsed.errors);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <TabSection id="template" title={t(lang, "tabTemplate")} className={styles.box}>
      <div className={styles.row}>
        <Field label={t(lang, "profileName")}>
          <Input
            value={name}
            placeholder={t(lang, "defaultProfileName")}
            onChange={(_, data) => setName(data.value)}
            onBlur={commitName}
            onKeyDown={(e) => {
              if (e.key === "Enter") commitName();
            }}
          />
        </Field>
        <span data-testid="profile-version">
          {t(lang, "profileVersion")}: {profile ? profile.version : "—"}
        </span>
      </div>
      <div className={styles.row}>
        <Button size="small" onClick={exportProfile} disabled={!profile}>
          {t(lang, "exportProfile")}
        </Button>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {t(lang, "importProfile")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className={styles.hiddenInput}
          aria-label={t(lang, "importProfile")}
          data-testid="profile-import"
          onChange={(e) => void importFile(e)}
        />
      </div>
      {shown && <ExportView exported={shown} lang={lang} onCopied={() => setShown(null)} onClose={() => setShown(null)} onError={onError} />}
      {importErrors && (
        <ListMessage intent="error" title={t(lang, "importFailed")} items={importErrors} listTestId="import-errors" />
      )}
      <p className={styles.meta}>{profile ? t(lang, "profileStoredHint") : t(lang, "noProfile")}</p>
      {profile && (
        <details>
          <summary>{t(lang, "profileJson")}</summary>
          <pre className={styles.json} data-testid="profile-json" tabIndex={0}>
            {serializeProfile(profile)}
          </pre>
        </details>
      )}

      <form className={styles.row} onSubmit={submitSynonym} aria-label={t(lang, "addSynonym")}>
        <Field label={t(lang, "synonymLabel")}>
          <Select value={synonymName} onChange={(_, data) => setSynonymName(data.value as LabelName)}>
            {LABEL_NAMES.map((n) => (
              <option key={n} value={n}>
                {labelNameText(n)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(lang, "synonymText")}>
          <Input ref={synonymInput} value={synonym} onChange={(_, data) => setSynonym(data.value)} />
        </Field>
        <Button type="submit" disabled={synonym.trim() === ""}>
          {t(lang, "add")}
        </Button>
      </form>

      <p className={styles.meta}>{t(lang, "pinHint")}</p>
      <Checkbox label={t(lang, "pinThisSheetOnly")} checked={sheetOnly} onChange={(_, data) => setSheetOnly(data.checked === true)} />

      <h3 className={shared.heading}>{t(lang, "templateHeading")}</h3>
      {results.map((result) => (
        <SheetLocations key={result.sheet} result={result} lang={lang} actions={rowActions} />
      ))}
    </TabSection>
  );
}

interface RowActions {
  select: (sheet: string, address: string) => void;
  pin: (path: string) => void;
  synonym: (name: LabelName) => void;
}

const SheetLocations = React.memo(function SheetLocations({ result, lang, actions }: { result: SheetResult; lang: Language; actions: RowActions }) {
  const styles = useStyles();
  const stale = result.findings.filter((f) => f.rule === STALE_PIN_RULE.id);
  return (
    <section aria-label={result.sheet} data-testid={`template-sheet-${result.sheet}`}>
      <h4 className={styles.sectionHeading}>{result.sheet}</h4>
      {stale.length > 0 && (
        <ListMessage intent="warning" title={t(lang, "stalePins")} items={stale.map((f) => f.message[lang])} />
      )}
      {result.kind === "evaluation" ? (
        bySection(fieldLocations(result.model as EvaluationSheet)).map((group) => (
          <div key={group.section}>
            <h5 className={styles.sectionHeading}>{sectionTitle(group.section)[lang]}</h5>
            <ul className={styles.list} aria-label={`${result.sheet} ${sectionTitle(group.section)[lang]}`}>
              {group.rows.map((location) => (
                <LocationRow key={location.path} sheet={result.sheet} location={location} lang={lang} actions={actions} />
              ))}
            </ul>
          </div>
        ))
      ) : (
        <p className={styles.meta}>{t(lang, result.kind === "project" ? "projectForTemplate" : result.kind === "rollup" ? "rollupForTemplate" : "notEvaluationForTemplate")}</p>
      )}
    </section>
  );
});

function LocationRow({ sheet, location, lang, actions }: { sheet: string; location: FieldLocation; lang: Language; actions: RowActions }) {
  const styles = useStyles();
  const label = location.label[lang];
  const target = pinTarget(location.path);
  // 参考指標名 repeats per indicator: buttons are named 参考指標①の参考指標名.
  const fullLabel = target ? pinLabel(target)[lang] : label;
  const labelName = labelNameOf(location.path);
  const content = (
    <>
      <span className={styles.label}>{label}</span>
      {location.cell ? <span className={styles.cell}>{location.cell}</span> : <span className={styles.missing}>{t(lang, "notFound")}</span>}
      {location.pinned && (
        <Badge size="small" appearance="tint" color="brand">
          {t(lang, "pinned")}
        </Badge>
      )}
      {location.raw !== "" && <span className={styles.raw}>{preview(location.raw)}</span>}
    </>
  );
  return (
    <li className={styles.item} data-testid={`field-${sheet}-${location.path}`}>
      {location.cell ? (
        <Button appearance="subtle" size="small" className={styles.field} onClick={() => actions.select(sheet, location.cell!)}>
          {content}
        </Button>
      ) : (
        <span className={styles.fieldStatic}>{content}</span>
      )}
      {target && (
        <Button size="small" aria-label={`${t(lang, "useThisPosition")}: ${fullLabel}`} onClick={() => actions.pin(location.path)}>
          {t(lang, "useThisPosition")}
        </Button>
      )}
      {labelName && (
        <Button size="small" appearance="subtle" aria-label={`${t(lang, "addSynonym")}: ${fullLabel}`} onClick={() => actions.synonym(labelName)}>
          {t(lang, "addSynonym")}
        </Button>
      )}
    </li>
  );
}
