/**
 * A technical detail (the browser's or the server's own words, often English), collapsed under
 * "Technical details" and shown as text. Each page styles `.technical` as it sees fit.
 */
import { t } from '../shared/i18n';

export function TechnicalDetail({ detail }: { detail: string | null | undefined }) {
  if (!detail) return null;
  return (
    <details class="technical" data-testid="technical-detail">
      <summary>{t('technicalDetails')}</summary>
      <code>{detail}</code>
    </details>
  );
}
