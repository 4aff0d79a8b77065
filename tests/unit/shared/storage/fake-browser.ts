/**
 * An in-memory stand-in for webextension-polyfill's storage (local and session areas with
 * onChanged), for the storage layer's unit tests under Node: values go through a JSON round
 * trip, as Chrome's storage does, and a write reports its changes to every listener.
 */
type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

export function createFakeBrowser() {
  const listeners = new Set<Listener>();
  const reads: Array<{ area: string; keys: unknown }> = [];
  const area = (name: string) => {
    const data = new Map<string, unknown>();
    const emit = (changes: Changes) => {
      if (Object.keys(changes).length) for (const l of [...listeners]) l(changes, name);
    };
    return {
      data,
      async get(keys: string | string[] | null) {
        reads.push({ area: name, keys });
        const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
        return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
      },
      async set(values: Record<string, unknown>) {
        const changes: Changes = {};
        for (const [k, v] of Object.entries(values)) {
          changes[k] = { oldValue: data.get(k), newValue: JSON.parse(JSON.stringify(v)) };
          data.set(k, JSON.parse(JSON.stringify(v)));
        }
        emit(changes);
      },
      async remove(keys: string | string[]) {
        const changes: Changes = {};
        for (const k of typeof keys === 'string' ? [keys] : keys) {
          if (!data.has(k)) continue;
          changes[k] = { oldValue: data.get(k) };
          data.delete(k);
        }
        emit(changes);
      },
    };
  };
  return {
    reads,
    listeners,
    storage: {
      local: area('local'),
      session: area('session'),
      onChanged: {
        addListener: (l: Listener) => void listeners.add(l),
        removeListener: (l: Listener) => void listeners.delete(l),
      },
    },
  };
}
