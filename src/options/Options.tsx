/**
 * The options page (manifest options_ui, opened in a tab). One component per section, each in
 * its own file; add a section by adding its component here. What everyone needs comes first
 * (warnings, the list, reports, settings export and import); "Advanced" last.
 */
import { t } from '../shared/i18n';
import { AdvancedSection } from './AdvancedSection';
import { ListStatus } from './ListStatus';
import { ReportsSection } from './ReportsSection';
import { SettingsTransfer } from './SettingsTransfer';
import { WarningsSection } from './WarningsSection';

export function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <WarningsSection />
      <ListStatus />
      <ReportsSection />
      <SettingsTransfer />
      <AdvancedSection />
    </main>
  );
}
