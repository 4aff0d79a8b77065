/**
 * The report page's first lines: what page, which organizations (each with its kinds of listing,
 * never a list's id), and when, in plain words; the JSON below is for those who open it.
 */
import type { Report } from '../core/report';
import { formatDateTime, kindLabel, listOf, t } from '../shared/i18n';

export function ReportSummary({ report }: { report: Report }) {
  return (
    <dl class="summary" data-testid="report-summary">
      <div>
        <dt>{t('reportSummaryPage')}</dt>
        <dd>
          {report.title ? <strong>{report.title}</strong> : null}
          <span class="url">{report.url}</span>
        </dd>
      </div>
      {report.organizations.length ? (
        <div>
          <dt>{t('reportSummaryOrganizations')}</dt>
          <dd>
            <ul class="plain">
              {report.organizations.map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong>
                  {o.listings.length ? ` (${listOf([...new Set(o.listings.map((l) => kindLabel(l.kind)))])})` : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('reportSummaryWhen')}</dt>
        <dd>{formatDateTime(Date.parse(report.createdAt))}</dd>
      </div>
    </dl>
  );
}
