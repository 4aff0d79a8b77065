/** Once-a-session flags, `once:<flag>` in storage.session. */
import { rawSession } from './wrapper';

/**
 * True for the first caller with this flag in a browser session (storage.session starts empty
 * when the browser starts, and when the extension is installed or updated), false after.
 */
export async function firstInSession(flag: string): Promise<boolean> {
  const key = `once:${flag}`;
  if ((await rawSession.get(key))[key]) return false;
  await rawSession.set({ [key]: true });
  return true;
}
