import { useT } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import type { ImportMode, ImportProgress } from '../../lib/api-types';

/**
 * Where an import stands, from 0 to 1: reading the file, checking its rows and, when the import writes, saving them,
 * each a share of the bar.
 */
export function importFraction(p: ImportProgress, mode: ImportMode): number {
  const writes = mode !== 'dry-run';
  const share = writes ? 1 / 3 : 1 / 2;
  const part = (done: number, of: number | null) => (of ? Math.min(1, done / of) : 0);
  switch (p.stage) {
    case 'parsing':
      return share * part(p.charsParsed, p.chars);
    case 'validating':
      return share * (1 + part(p.validated, p.total));
    case 'writing':
      return share * (2 + part(p.written, p.toWrite));
    case 'finished':
      return 1;
  }
}

/**
 * The progress of a running import: a labelled bar (its value also said in words) and the rows done in the current
 * step; and, always in the page so that it is heard, a polite live region that tells a screen reader each step and
 * every tenth of the way, not every poll.
 */
export function ImportProgressView({ progress, mode }: { progress: ImportProgress | null; mode: ImportMode }) {
  const { t, language } = useT();
  const texts = progress ? describe(progress, mode, t, language) : null;
  return (
    <>
      {progress && texts && (
        <div className="import-progress">
          <label htmlFor="import-progress" className="field-label">
            {t('importPage.progress.label')}
          </label>
          <progress id="import-progress" max={100} value={texts.percent} aria-valuetext={texts.valueText} aria-describedby="import-progress-detail">
            {texts.valueText}
          </progress>
          <p id="import-progress-detail" className="field-hint">
            {texts.detail}
          </p>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {texts?.spoken}
      </p>
    </>
  );
}

type Translate = ReturnType<typeof useT>;

/** The bar's value, the rows done in words, and what the live region says. */
function describe(progress: ImportProgress, mode: ImportMode, t: Translate['t'], language: Translate['language']) {
  const n = (value: number | null) => formatNumber(value ?? 0, language);
  const fraction = importFraction(progress, mode);
  const percent = Math.floor(fraction * 100);
  const tenth = Math.floor(percent / 10) * 10;
  let detail: string;
  let spoken: string;
  switch (progress.stage) {
    case 'parsing':
      detail = t('importPage.progress.parsing', { rows: n(progress.parsed) });
      spoken = t('importPage.progress.parsingStage', { percent: tenth });
      break;
    case 'validating':
      detail = t('importPage.progress.validating', { done: n(progress.validated), total: n(progress.total) });
      spoken = t('importPage.progress.validatingStage', { percent: tenth });
      break;
    case 'writing':
      detail = t('importPage.progress.writing', { done: n(progress.written), total: n(progress.toWrite) });
      spoken = t('importPage.progress.writingStage', { percent: tenth });
      break;
    case 'finished':
      detail = t('importPage.progress.finished');
      spoken = detail;
      break;
  }
  return { percent, detail, spoken, valueText: `${formatPercent(percent / 100, language, 0)}: ${detail}` };
}
