/**
 * A report's delivery to the endpoint, as the report page and the options page show it. Errors
 * are said in the UI language by their kind; the technical detail (the browser's own words, in
 * English) only in a disclosure. No stylesheet of its own: each page styles `.delivery` and the
 * server's answer (`pre`) in its own sheet (report/report.css, options/report-history.css).
 */
import type { Delivery, DeliveryError } from '../core/report-outbox';
import { formatDateTime, t } from '../shared/i18n';
import { hostOf } from './host-of';
import { TechnicalDetail } from './TechnicalDetail';

/** The last failed attempt in words, by kind. */
export function deliveryErrorText(error: DeliveryError): string {
  switch (error.kind) {
    case 'server':
      return t('deliveryErrorServer', error.status ?? 0);
    case 'timeout':
      return t('deliveryErrorTimeout');
    case 'network':
      return t('deliveryErrorNetwork');
  }
}

export function DeliveryState({ delivery }: { delivery: Delivery | null }) {
  if (!delivery) return <span class="delivery muted" data-state="none">{t('deliveryNone')}</span>;
  switch (delivery.state) {
    case 'queued':
      return (
        <span class="delivery" data-state="queued" data-attempts={delivery.attempts}>
          {delivery.attempts === 0 ? t('deliveryQueued') : t('deliveryRetrying', delivery.attempts, formatDateTime(delivery.nextAt))}
          {delivery.lastError ? <LastError error={delivery.lastError} /> : null}
        </span>
      );
    case 'sending':
      return (
        <span class="delivery" data-state="sending" data-attempts={delivery.attempts}>
          {t('deliverySending', delivery.attempts)}
        </span>
      );
    case 'sent':
      return (
        <span class="delivery" data-state="sent" data-attempts={delivery.attempts}>
          {t('deliverySent', delivery.status, formatDateTime(delivery.at))}
        </span>
      );
    case 'stopped':
      return (
        <span class="delivery" data-state="stopped" data-reason={delivery.reason} data-attempts={delivery.attempts}>
          {stoppedText(delivery)}
          {delivery.reason === 'expired' && delivery.lastError ? <LastError error={delivery.lastError} /> : null}
        </span>
      );
    case 'rejected':
      if (delivery.reason === 'redirect') {
        return (
          <span class="delivery" data-state="rejected" data-reason="redirect" data-attempts={delivery.attempts} role="alert">
            {t('deliveryRejectedRedirect', formatDateTime(delivery.at))}
          </span>
        );
      }
      return (
        <span class="delivery" data-state="rejected" data-attempts={delivery.attempts} role="alert">
          {t('deliveryRejected', delivery.status, formatDateTime(delivery.at))}
          <pre class="server-answer" data-testid="server-answer">
            {delivery.response || t('deliveryNoAnswer')}
          </pre>
        </span>
      );
  }
}

/** Why a report was not sent and is not tried any more (core/report-outbox.ts StopReason). */
function stoppedText(delivery: Extract<Delivery, { state: 'stopped' }>): string {
  switch (delivery.reason) {
    case 'expired':
      return t('deliveryStoppedExpired', delivery.attempts, formatDateTime(delivery.at));
    case 'endpoint-changed':
      return t('deliveryStoppedChanged', formatDateTime(delivery.at), hostOf(delivery.endpoint));
    case 'endpoint-removed':
      return t('deliveryStoppedRemoved', formatDateTime(delivery.at), hostOf(delivery.endpoint));
  }
}

/** Why the last attempt failed, with the technical detail where the server didn't answer. */
function LastError({ error }: { error: DeliveryError }) {
  return (
    <span class="muted" data-testid="delivery-error" data-kind={error.kind}>
      {' '}
      {t('deliveryLastError', deliveryErrorText(error))}
      {error.kind !== 'server' ? <TechnicalDetail detail={error.detail} /> : null}
    </span>
  );
}
