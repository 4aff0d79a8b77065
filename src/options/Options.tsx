/**
 * The options page (manifest options_ui, opened in a tab). One component per section, each in
 * its own file; add a section by adding its component here.
 */
import { t } from '../shared/i18n';
import { FeedSection } from './FeedSection';
import { ReportsSection } from './ReportsSection';
import { SettingsTransfer } from './SettingsTransfer';
import { WarningsSection } from './WarningsSection';

export function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <WarningsSection />
      <FeedSection />
      <ReportsSection />
      <SettingsTransfer />
    </main>
  );
}
