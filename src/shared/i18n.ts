/** User-visible text comes from public/_locales through the i18n API, in the browser's language. */
import browser from 'webextension-polyfill';
import type { ListingKind } from '../core/list-schema';

export function t(key: string, ...substitutions: Array<string | number>): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}

export function kindLabel(kind: ListingKind): string {
  return t(`kind_${kind.replace(/-/g, '_')}`);
}

/** The UI language, for lang attributes ("zh-CN", "en" …). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** "A, B and C" in the UI language (、 in Chinese). */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(uiLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}

/** A moment (epoch ms) as the UI shows dates and times, in the UI language. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A day as the UI shows dates, in the UI language ("2025年9月25日", "September 25, 2025"): one
 * format per language for every date a user reads. Takes epoch ms, or a YYYY-MM-DD day (read as
 * that day, in UTC, so no time zone moves it).
 */
export function formatDate(day: number | string): string {
  const ms = typeof day === 'number' ? day : Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return String(day);
  return new Date(ms).toLocaleDateString(uiLanguage(), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(typeof day === 'string' ? { timeZone: 'UTC' } : {}),
  });
}
