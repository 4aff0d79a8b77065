/**
 * Whether OrgCheck holds host access to `origins`, kept current as the user grants or withdraws
 * it (permissions.onAdded/onRemoved). `undefined` while unknown or when there is nothing to check;
 * where the API cannot tell, access is assumed rather than nagged about.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

export function useHostAccess(origins: readonly string[] | null): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  const key = origins?.join(' ') ?? '';
  useEffect(() => {
    if (!origins?.length) {
      setGranted(undefined);
      return;
    }
    const check = () => void browser.permissions.contains({ origins: [...origins] }).then(setGranted, () => setGranted(true));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [key]);
  return granted;
}
