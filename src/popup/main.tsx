import { render } from 'preact';
import { uiLanguage } from '../shared/i18n';
import { Popup } from './Popup';

document.documentElement.lang = uiLanguage();
const params = new URLSearchParams(location.search);
const tabParam = params.get('tab');
render(
  <Popup initialQuery={params.get('q') ?? ''} tabId={tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined} />,
  document.getElementById('app')!,
);
