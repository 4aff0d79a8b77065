/** A report's delivery to the endpoint, as the report page and the options page show it. */
import type { Delivery } from '../core/report-outbox';
import { t } from '../shared/i18n';

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString();
}

export function DeliveryState({ delivery }: { delivery: Delivery | null }) {
  if (!delivery) return <span class="delivery muted" data-state="none">{t('deliveryNone')}</span>;
  switch (delivery.state) {
    case 'queued':
      return (
        <span class="delivery" data-state="queued" data-attempts={delivery.attempts}>
          {delivery.attempts === 0 ? t('deliveryQueued') : t('deliveryRetrying', delivery.attempts, formatWhen(delivery.nextAt))}
          {delivery.lastError ? (
            <span class="muted">
              {' '}
              {t('deliveryLastError', delivery.lastError.status !== null ? `HTTP ${delivery.lastError.status}` : delivery.lastError.detail)}
            </span>
          ) : null}
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
          {t('deliverySent', delivery.status, formatWhen(delivery.at))}
        </span>
      );
    case 'rejected':
      return (
        <span class="delivery" data-state="rejected" data-attempts={delivery.attempts} role="alert">
          {t('deliveryRejected', delivery.status, formatWhen(delivery.at))}
          <pre class="server-answer" data-testid="server-answer">
            {delivery.response || t('deliveryNoAnswer')}
          </pre>
        </span>
      );
  }
}
