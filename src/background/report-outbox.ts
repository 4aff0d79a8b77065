/**
 * The report history and the outbox. Every report the user did something with (copied,
 * downloaded, took to the complaint channel, sent) is kept in the extension's IndexedDB (store
 * "reports", out of content scripts' reach), one key per report (shared/storage/reports.ts
 * `reportStore`); the ids of those still to be delivered to the report
 * endpoint are the outbox (`reportOutbox`). The rules of delivery are in core/report-outbox.ts.
 *
 * The worker may stop at any time and the browser may close: all state is in storage, retries
 * are woken by one chrome.alarms alarm set to the earliest due time, every worker start
 * re-arms it, and a browser start tries every pending report at once (a new session, perhaps a
 * network again). A report whose attempt died with its worker ('sending' past a minute) is sent
 * again; the endpoint drops the duplicate by the report's id (also the Idempotency-Key header).
 *
 * A report about a page in a private window is kept the same way but in storage.session (its own
 * index and outbox there; core/warning-controls/private-windows.ts): sent and retried while the browser runs,
 * forgotten when it closes.
 *
 * A report is only ever posted to the endpoint set now: every attempt first compares the
 * endpoint it was queued for with the options' (in the outbox's queue, as the endpoint's change
 * and what is done with queued reports are written there too), and stops it unsent when they
 * differ, whatever changed the endpoint (the options page, a settings import). An attempt already
 * under way when the endpoint changes is not called back. Retries end after the window of
 * core/report-outbox.ts (3 days).
 *
 * The POST goes from the worker. Without a host permission for the endpoint (asked for on the
 * options page) it is a cross-origin request, so the endpoint must answer CORS preflights.
 */
import browser from 'webextension-polyfill';
import { isReport, reportJson, type Report } from '../core/report';
import { isAllowedEndpoint } from '../core/url-policy';
import {
  answerFor, DEFAULT_RETRY_BASE_MS, isPending, PENDING_CHOICES, MAX_RESPONSE_CHARS, maySendAgain, newDelivery, nextStep, nextWake, settlePending,
  startAttempt, type AttemptResult, type PendingChoice, type ReportAction, type ReportRecord,
} from '../core/report-outbox';
import { reportArea } from '../core/warning-controls';
import { createCoalescingRunner, createQueue, settingsQueue } from './serial-queue';
import type { ReportSettings } from '../shared/storage/areas';
import { onReportSettingsChanged, reportStore, type ReportArea } from '../shared/storage/reports';
import { firstInSession } from '../shared/storage/session-flags';
import { localStore, sessionStore } from '../shared/storage/wrapper';

export const OUTBOX_ALARM = 'orgcheck-report-outbox';
/** One attempt's time limit; the worker may be stopped past 30 s without events. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Changes to records, the index and the outbox go through one queue: none loses another's write. */
const queue = createQueue();
const serial = <T>(fn: () => Promise<T>): Promise<T> => queue.run(fn);

export async function reportSettings(): Promise<ReportSettings> {
  const stored = await localStore.get('reportSettings');
  return { endpoint: stored.endpoint ?? null, retryBaseMs: stored.retryBaseMs > 0 ? stored.retryBaseMs : DEFAULT_RETRY_BASE_MS };
}

/**
 * Sets the endpoint (null: none). Reports queued for the one it replaces go as the user chose on
 * the options page: to the new endpoint, kept unsent, or deleted; kept unsent when no choice
 * was made (nothing goes to an endpoint the user did not choose for them).
 */
export async function setReportEndpoint(endpoint: string | null, pending: PendingChoice = 'keep'): Promise<{ ok: true } | { ok: false; error: 'url' }> {
  const value = endpoint?.trim() || null;
  if (value !== null && !isAllowedEndpoint(value)) return { ok: false, error: 'url' };
  // Anything but a known choice keeps them unsent: the one choice that sends nothing anywhere.
  const choice: PendingChoice = PENDING_CHOICES.includes(pending) ? pending : 'keep';
  // A setting like the warning controls: the queue a settings import also goes through. The
  // outbox's queue within it: no attempt checks the endpoint between the two writes, so none
  // stops a report that is to go to the new endpoint.
  await settingsQueue.run(() =>
    serial(async () => {
      const settings = await reportSettings();
      await localStore.set({ reportSettings: { ...settings, endpoint: value } });
      if (settings.endpoint !== value) await settleQueued(value, choice);
    }),
  );
  void drain();
  return { ok: true };
}

/** After a settings import set another endpoint: reports queued for the old one stay unsent. */
export async function keepQueuedUnsent(endpoint: string | null): Promise<void> {
  await serial(() => settleQueued(endpoint, 'keep'));
  void drain();
}

/** Applies the user's choice to every pending report not queued for `endpoint` (in the outbox's queue). */
async function settleQueued(endpoint: string | null, choice: PendingChoice): Promise<void> {
  const now = Date.now();
  for (const area of AREAS) {
    for (const record of await reportStore.getMany(await reportStore.ids('reportOutbox', area), area)) {
      const next = settlePending(record.delivery, endpoint, choice, now);
      if (next === 'delete') await removeRecord(record.report.id, area);
      else if (next !== record.delivery) await store({ ...record, delivery: next });
    }
  }
}

/** 'session' (storage.session) for a report drafted from a private tab, else 'local' (IndexedDB). */
export async function areaFor(id: string): Promise<ReportArea> {
  return reportArea(id, await sessionStore.get('privateReports'));
}

const AREAS: readonly ReportArea[] = ['local', 'session'];

/** Adds the record to its area's index (newest first) and to the outbox or out of it, as its delivery says. */
async function store(record: ReportRecord): Promise<void> {
  const id = record.report.id;
  const area = await areaFor(id);
  const [index, outbox] = await Promise.all([reportStore.ids('reportIndex', area), reportStore.ids('reportOutbox', area)]);
  const nextIndex = index.includes(id) ? index : [id, ...index];
  const pending = isPending(record.delivery);
  const nextOutbox = pending ? (outbox.includes(id) ? outbox : [...outbox, id]) : outbox.filter((x) => x !== id);
  await reportStore.put(
    record,
    {
      ...(nextIndex !== index ? { reportIndex: nextIndex } : {}),
      ...(nextOutbox.length !== outbox.length ? { reportOutbox: nextOutbox } : {}),
    },
    area,
  );
}

/** A report's record, from the area it belongs in. */
async function recordOf(id: string): Promise<ReportRecord | null> {
  return reportStore.get(id, await areaFor(id));
}

/**
 * Keeps a report in the history with what the user did. While it has not been sent, the record
 * takes the report as it is now (the user may have edited the note since); once sent, what was
 * sent stays.
 */
export function saveReport(report: Report, action: ReportAction): Promise<ReportRecord | null> {
  if (!isReport(report)) return Promise.resolve(null);
  return serial(async () => {
    const existing = await recordOf(report.id);
    const now = Date.now();
    const record: ReportRecord = existing
      ? { ...existing, report: existing.delivery ? existing.report : report, actions: [...existing.actions, { kind: action, at: now }] }
      : { report, savedAt: now, actions: [{ kind: action, at: now }], delivery: null };
    await store(record);
    return record;
  });
}

/**
 * Queues a report for the endpoint and starts sending. Sending the same report again changes
 * nothing while it is queued or sent; one refused or stopped is queued anew.
 */
export async function sendReport(report: Report): Promise<{ ok: true; record: ReportRecord } | { ok: false; error: 'no-endpoint' | 'invalid' }> {
  if (!isReport(report)) return { ok: false, error: 'invalid' };
  const { endpoint } = await reportSettings();
  if (!endpoint) return { ok: false, error: 'no-endpoint' };
  const record = await serial(async () => {
    const existing = await recordOf(report.id);
    const now = Date.now();
    if (existing?.delivery && !maySendAgain(existing.delivery)) return existing;
    const next: ReportRecord = {
      report: existing?.delivery ? existing.report : report,
      savedAt: existing?.savedAt ?? now,
      actions: [...(existing?.actions ?? []), { kind: 'send', at: now }],
      delivery: newDelivery(endpoint, now),
    };
    await store(next);
    return next;
  });
  void drain();
  return { ok: true, record };
}

/**
 * Tries a queued, refused or stopped report again now, to the endpoint set now (none: nothing
 * happens). A new window of retries starts: the user asked for it again.
 */
export async function retryReport(id: string): Promise<ReportRecord | null> {
  const { endpoint } = await reportSettings();
  const record = await serial(async () => {
    const existing = await recordOf(id);
    if (!endpoint || !existing?.delivery || existing.delivery.state === 'sent' || existing.delivery.state === 'sending') return existing;
    const d = existing.delivery;
    const now = Date.now();
    const next: ReportRecord = {
      ...existing,
      delivery: d.endpoint === endpoint ? { ...newDelivery(endpoint, now), attempts: d.attempts } : newDelivery(endpoint, now),
    };
    await store(next);
    return next;
  });
  void drain();
  return record;
}

export function deleteReport(id: string): Promise<null> {
  return serial(async () => {
    await removeRecord(id, await areaFor(id));
    return null;
  });
}

/** Removes a record with its place in its area's index and outbox (in the outbox's queue). */
async function removeRecord(id: string, area: ReportArea): Promise<void> {
  const [index, outbox] = await Promise.all([reportStore.ids('reportIndex', area), reportStore.ids('reportOutbox', area)]);
  await reportStore.remove(id, { reportIndex: index.filter((x) => x !== id), reportOutbox: outbox.filter((x) => x !== id) }, area);
}

// ---- delivery --------------------------------------------------------------------------------

async function post(endpoint: string, report: Report): Promise<AttemptResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': report.id },
      body: reportJson(report),
      credentials: 'omit',
      cache: 'no-store',
      // Never followed: a 3xx could move the report (page, excerpts, screenshot) to any host, plain
      // http included, past isAllowedEndpoint. A redirect is a rejection (core/report-outbox.ts).
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      void response.body?.cancel().catch(() => undefined);
      return { kind: 'redirect' };
    }
    let body = '';
    try {
      body = (await response.text()).slice(0, MAX_RESPONSE_CHARS);
    } catch {
      // The status is what counts; a body cut short changes nothing.
    }
    return { kind: 'response', status: response.status, body };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', detail: `${REQUEST_TIMEOUT_MS / 1000} s` };
    return { kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** One attempt at one report; false if it was not due (any more), may not go out, or is gone. */
async function attempt(id: string, force: boolean): Promise<boolean> {
  const sending = await serial(async () => {
    const record = await recordOf(id);
    const d = record?.delivery ?? null;
    if (!record || !d) return null;
    // Read here, in the queue the endpoint's change is written in (setReportEndpoint).
    const step = nextStep(d, (await reportSettings()).endpoint, Date.now(), force);
    if (step.kind === 'stop') await store({ ...record, delivery: step.delivery });
    if (step.kind !== 'attempt') return null;
    const next = { ...record, delivery: startAttempt(d, Date.now()) };
    await store(next);
    return next;
  });
  if (!sending?.delivery) return false;
  const result = await post(sending.delivery.endpoint, sending.report);
  const { retryBaseMs } = await reportSettings();
  await serial(async () => {
    const record = await recordOf(id);
    const next = answerFor(record?.delivery ?? null, sending.delivery!, result, Date.now(), retryBaseMs);
    if (record && next) await store({ ...record, delivery: next });
  });
  return true;
}

/**
 * Sends every due report (every pending one when `force`), then sets the alarm for the next due
 * time. One drain at a time; a call during one makes it go round again once it has ended, alarm
 * included (it may have read the outbox before the caller's record was stored).
 */
const drainer = createCoalescingRunner<boolean>(
  async (force) => {
    try {
      const ids = (await Promise.all(AREAS.map((a) => reportStore.ids('reportOutbox', a)))).flat();
      // One at a time: an endpoint that is down is not hit with every report at once.
      for (const id of ids) await attempt(id, force);
      await schedule();
    } catch (error) {
      console.error('OrgCheck: report outbox', error);
    }
  },
  (a, b) => a || b,
);

export function drain(force = false): Promise<void> {
  return drainer.request(force);
}

async function schedule(): Promise<void> {
  const records = (await Promise.all(AREAS.map(async (a) => reportStore.getMany(await reportStore.ids('reportOutbox', a), a)))).flat();
  const next = nextWake(records.map((r) => r.delivery));
  if (next === null) await browser.alarms.clear(OUTBOX_ALARM);
  else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(next, Date.now() + 500) });
}

/** Registers the alarm listener (top level of the worker) and picks up where the last worker left off. */
export function initOutbox(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void drain();
  });
  // However the endpoint changed (an import, another window): reports queued for the old one
  // stop now, and the history says so, rather than at their next due time.
  onReportSettingsChanged(() => void drain());
  // Every worker start: due reports go now, the alarm is re-armed for the rest. The first worker
  // of a browser session (storage.session is empty) tries every pending report now, whatever
  // its backoff said: a new session, perhaps a network again. (runtime.onStartup is not enough:
  // it does not fire for every way a browser starts with the extension, e.g. --load-extension.)
  void firstInSession('outbox').then((first) => drain(first), () => drain());
}
