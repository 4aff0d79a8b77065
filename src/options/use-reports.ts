/**
 * The reports of both histories (kept: storage.local's index; a private window's: storage.session)
 * newest first, and the report endpoint set now; both follow storage.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReportRecord } from '../core/report-outbox';
import { onReportsChanged, reportStore } from '../shared/storage/reports';
import { localStore } from '../shared/storage/wrapper';

/** A record, and whether it is a private window's (kept in storage.session until the browser closes). */
export type Listed = ReportRecord & { private?: boolean };

export function useReports(): { records: Listed[] | null; endpoint: string | null | undefined } {
  const [records, setRecords] = useState<Listed[] | null>(null);
  const [endpoint, setEndpoint] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const refresh = async () => {
      const [ids, privateIds, settings] = await Promise.all([
        reportStore.ids('reportIndex', 'local'),
        reportStore.ids('reportIndex', 'session'),
        localStore.get('reportSettings'),
      ]);
      setEndpoint(settings.endpoint ?? null);
      const [kept, forgotten] = await Promise.all([reportStore.getMany(ids, 'local'), reportStore.getMany(privateIds, 'session')]);
      // Newest first, across both.
      setRecords([...kept, ...forgotten.map((r) => ({ ...r, private: true }))].sort((a, b) => b.savedAt - a.savedAt));
    };
    void refresh();
    return onReportsChanged(() => void refresh());
  }, []);
  return { records, endpoint };
}

