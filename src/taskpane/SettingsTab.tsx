import * as React from "react";
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { Settings } from "../core/settings";
import { t, type StringKey } from "./i18n";
import { TabSection, useSharedStyles } from "./ui";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "360px" },
});

type PercentKey = "gradeAchieved" | "gradeNearly" | "budgetPlanDeviation";

const PERCENT_LABELS: Record<PercentKey, StringKey> = {
  gradeAchieved: "settingsGradeAchieved",
  gradeNearly: "settingsGradeNearly",
  budgetPlanDeviation: "settingsDeviation",
};

interface SettingsTabProps {
  settings: Settings;
  lang: Language;
  stored: boolean;
  onChange(settings: Partial<Settings>): void;
  /** Shown under the settings (the 診断 section). */
  children?: React.ReactNode;
}

export function SettingsTab({ settings, lang, stored, onChange, children }: SettingsTabProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <TabSection id="settings" title={t(lang, "tabSettings")}>
      <div className={styles.form}>
        <Field label={t(lang, "settingsRateFormula")}>
          <Select
            value={settings.lowerIsBetter}
            onChange={(_, data) => onChange({ lowerIsBetter: data.value as Settings["lowerIsBetter"] })}
          >
            <option value="inverse">{t(lang, "formulaInverse")}</option>
            <option value="two-minus">{t(lang, "formulaTwoMinus")}</option>
          </Select>
        </Field>
        <Field label={t(lang, "settingsRateBasis")}>
          <Select value={settings.rateBasis} onChange={(_, data) => onChange({ rateBasis: data.value as Settings["rateBasis"] })}>
            <option value="absolute">{t(lang, "basisAbsolute")}</option>
            <option value="change-from-base">{t(lang, "basisChange")}</option>
          </Select>
        </Field>
        {(Object.keys(PERCENT_LABELS) as PercentKey[]).map((key) => (
          <PercentField key={key} settingKey={key} settings={settings} lang={lang} onChange={onChange} />
        ))}
        <Field label={t(lang, "settingsLanguage")}>
          <Select value={settings.language} onChange={(_, data) => onChange({ language: data.value as Language })}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </Select>
        </Field>
        <p className={shared.meta}>{t(lang, stored ? "settingsSaved" : "settingsNotSaved")}</p>
      </div>
      {children}
    </TabSection>
  );
}

/** Edited as a percentage, stored as a fraction; a half-typed value stays local until valid. */
function PercentField({ settingKey, settings, lang, onChange }: { settingKey: PercentKey; settings: Settings; lang: Language; onChange(s: Partial<Settings>): void }) {
  const stored = toPercentText(settings[settingKey]);
  const [text, setText] = React.useState(stored);
  React.useEffect(() => setText(stored), [stored]);

  const error = validatePercent(settingKey, text, settings);
  return (
    <Field label={t(lang, PERCENT_LABELS[settingKey])} validationState={error ? "error" : "none"} validationMessage={error ? t(lang, error) : undefined}>
      <Input
        type="number"
        min={0}
        step={1}
        value={text}
        onChange={(_, data) => {
          setText(data.value);
          if (!validatePercent(settingKey, data.value, settings)) onChange({ [settingKey]: Number(data.value) / 100 });
        }}
      />
    </Field>
  );
}

function toPercentText(fraction: number): string {
  return String(Math.round(fraction * 10000) / 100);
}

function validatePercent(key: PercentKey, text: string, settings: Settings): StringKey | null {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) return "settingsInvalid";
  const fraction = value / 100;
  if (key === "gradeNearly" && fraction > settings.gradeAchieved) return "settingsOrder";
  if (key === "gradeAchieved" && fraction < settings.gradeNearly) return "settingsOrder";
  return null;
}
