/**
 * Options page, bottom: "Advanced", the settings only those who run their own list server or
 * report collector need (the list's update address, the report endpoint), each with a plain
 * one-line explanation, kept apart from what everyone uses. Always shown, not collapsed: a
 * setting imported from a file (an address a user did not expect) stays in sight.
 */
import { t } from '../shared/i18n';
import { FeedSection } from './FeedSection';
import { ReportEndpointSection } from './ReportEndpointSection';

export function AdvancedSection() {
  return (
    <section class="options-section advanced" id="advanced" aria-labelledby="advanced-title" data-testid="advanced-section">
      <h2 id="advanced-title">{t('optionsAdvancedTitle')}</h2>
      <p class="muted">{t('optionsAdvancedIntro')}</p>
      <FeedSection />
      <ReportEndpointSection />
    </section>
  );
}
