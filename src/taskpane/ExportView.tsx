// An export shown in the pane instead of downloaded: where a download saves nothing and says
// nothing (Excel for Mac's WKWebView, office-js#2700 and #3385; iPad), and on any host where the
// user finds no file. The text can be copied, or selected and saved from a text editor.

import * as React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import { copyText, downloadText } from "./download";
import { t } from "./i18n";

export interface ExportedText {
  fileName: string;
  text: string;
  mime: string;
}

/**
 * Saves the text as a file where downloads work; otherwise (or when asked to) hands it to `show`.
 * Returns whether a download was started.
 */
export function exportText(exported: ExportedText, downloads: boolean, show: (e: ExportedText) => void): boolean {
  if (!downloads) {
    show(exported);
    return false;
  }
  downloadText(exported.fileName, exported.text, exported.mime);
  return true;
}

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  text: { fontFamily: tokens.fontFamilyMonospace, minHeight: "12em" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export function ExportView({ exported, lang, onCopied, onClose, onError }: { exported: ExportedText; lang: Language; onCopied: () => void; onClose: () => void; onError: (e: unknown) => void }) {
  const styles = useStyles();
  const area = React.useRef<HTMLTextAreaElement>(null);
  React.useEffect(() => area.current?.focus(), [exported]);
  return (
    <section className={styles.box} aria-label={`${t(lang, "exportViewTitle")} ${exported.fileName}`} data-testid="export-view">
      <p className={styles.hint}>{t(lang, "exportViewHint")}</p>
      <Field label={`${t(lang, "exportViewTitle")} ${exported.fileName}`}>
        <Textarea ref={area} readOnly value={exported.text} className={styles.text} resize="vertical" onFocus={(e) => e.currentTarget.select()} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => copyText(exported.text).then(onCopied, onError)}>
          {t(lang, "copyReport")}
        </Button>
        <Button onClick={onClose}>{t(lang, "dismiss")}</Button>
      </div>
    </section>
  );
}
