/**
 * How one message map is served: the map's one sender check, then its payload check, then the
 * handler. Pure (no browser globals): shared/messages.ts hands the listener this makes to
 * runtime.onMessage, and the unit tests call it with made-up senders.
 *
 * Payload schemas are taken in the Standard Schema form, which valibot's schemas implement
 * ('~standard'), so that this module (also in every content script) carries no schema library.
 */

/** A message as it travels: JSON with its type and payload. */
export interface Envelope {
  type: string;
  payload: unknown;
}

export type Req<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type Res<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

/** Handlers of map M; each sees the sender as the map's check narrowed it (S). */
export type Handlers<M, S> = {
  [K in keyof M]: (payload: Req<M, K>, sender: S) => Promise<Res<M, K>> | Res<M, K>;
};

type StandardResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> }> };

/** A Standard Schema (a valibot schema is one): whatever comes in, a T comes out, or issues. */
export interface PayloadSchema<T> {
  readonly '~standard': { readonly validate: (value: unknown) => StandardResult<T> | Promise<StandardResult<T>> };
}

/** A schema per message of M: whatever comes in, a valid request of that message comes out. */
export type PayloadSchemas<M> = { [K in keyof M]: PayloadSchema<Req<M, K>> };

export interface Channel<M, S, Raw> {
  /** Named in errors and logs ("content script", "extension page"). */
  name: string;
  /** The one sender check of the map: who the sender is, as handlers may rely on it, or null (refused). */
  sender: (raw: Raw) => S | null;
  /** Payload checks: every message of the map for untrusted senders, those that need one for others. */
  payloads: Partial<PayloadSchemas<M>>;
  /** Messages of which only the latest per sender's place is handled (background/latest-slots.ts). */
  latest?: LatestOnly<S>;
}

/**
 * Latest-state-wins messages: each goes, unread, into the slot of its sender's place (a tab's
 * frame); newer work replaces it, and only the work still there when its turn comes is checked
 * and handled. Its sender gets null when its message was replaced.
 */
export interface LatestOnly<S> {
  types: ReadonlySet<string>;
  /** The lane (a tab) and slot (a frame) of a message; messages of one slot replace each other, whatever their type. */
  place(sender: S, type: string): { lane: number; slot: string };
  offer<T>(lane: number, slot: string, work: () => Promise<T>): Promise<T | null>;
}

/** Refusals answer the sender with an error; nothing reaches a handler. */
export class MessageRefused extends Error {}

/**
 * The listener for one map: undefined for messages not in it (another map's listener answers
 * them), else a promise of the handler's answer (null for none: undefined would be dropped).
 */
export function dispatcher<M, S, Raw>(
  channel: Channel<M, S, Raw>,
  handlers: Handlers<M, S>,
): (message: unknown, raw: Raw) => Promise<unknown> | undefined {
  const table = handlers as Record<string, ((payload: unknown, sender: S) => unknown) | undefined>;
  const schemas = channel.payloads as Record<string, PayloadSchema<unknown> | undefined>;
  return (message, raw) => {
    if (!message || typeof message !== 'object' || typeof (message as Envelope).type !== 'string') return undefined;
    const { type, payload } = message as Envelope;
    if (!Object.hasOwn(table, type)) return undefined;
    const handler = table[type]!;
    const sender = channel.sender(raw);
    if (!sender) return Promise.reject(new MessageRefused(`OrgCheck: "${type}" is accepted from ${channel.name}s only`));
    const checkAndHandle = (): Promise<unknown> => {
      const schema = schemas[type];
      let checked = payload;
      if (schema) {
        const result = schema['~standard'].validate(payload);
        // Every schema here is synchronous; one that is not is a mistake, refused as such.
        if (result instanceof Promise) return Promise.reject(new MessageRefused(`OrgCheck: the schema of "${type}" is not synchronous`));
        if (result.issues) {
          const issues = result.issues.slice(0, 3).map((i) => `${(i.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.')}: ${i.message}`);
          return Promise.reject(new MessageRefused(`OrgCheck: invalid "${type}" from a ${channel.name}: ${issues.join('; ')}`));
        }
        checked = result.value;
      }
      return Promise.resolve()
        .then(() => handler(checked, sender))
        .then((answer) => answer ?? null);
    };
    const latest = channel.latest;
    if (latest?.types.has(type)) {
      const { lane, slot } = latest.place(sender, type);
      return latest.offer(lane, slot, checkAndHandle).then((answer) => answer ?? null);
    }
    return checkAndHandle();
  };
}
