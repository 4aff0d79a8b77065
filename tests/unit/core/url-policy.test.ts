import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hostPattern, isAllowedEndpoint, isAllowedFeedUrl, isSecureFetchUrl, LOOPBACK_HTTP_HOSTS,
} from '../../../src/core/url-policy';

describe('one URL policy for the feed and the report endpoint', () => {
  it('takes https anywhere, and plain http on this computer only', () => {
    for (const check of [isSecureFetchUrl, isAllowedFeedUrl, isAllowedEndpoint]) {
      expect(check('https://lists.example.org/orgcheck/blocklist.json')).toBe(true);
      expect(check('http://127.0.0.1:8080/blocklist.json')).toBe(true);
      expect(check('http://localhost/blocklist.json')).toBe(true);
      expect(check('http://example.org/blocklist.json')).toBe(false);
      expect(check('http://127.0.0.1.example.org/x')).toBe(false);
      expect(check('https://user:pw@example.org/blocklist.json')).toBe(false);
      expect(check('https://user@example.org/blocklist.json')).toBe(false);
      expect(check('ftp://example.org/x')).toBe(false);
      expect(check('not a url')).toBe(false);
    }
  });

  it('gives the feed and the endpoint the same answer on http://localhost (they disagreed before)', () => {
    expect(isAllowedFeedUrl('http://localhost:8080/b.json')).toBe(true);
    expect(isAllowedEndpoint('http://localhost:8080/collect')).toBe(true);
  });

  it('refuses feed URLs with a query or fragment (the signature is the URL + ".sig")', () => {
    expect(isAllowedFeedUrl('https://lists.example.org/blocklist.json?v=2')).toBe(false);
    expect(isAllowedFeedUrl('https://lists.example.org/blocklist.json#top')).toBe(false);
    expect(isAllowedFeedUrl('https://lists.example.org/blocklist.json?')).toBe(false);
    expect(isAllowedFeedUrl('https://lists.example.org/blocklist.json#')).toBe(false);
  });

  it('lets an endpoint have a query but not a fragment', () => {
    expect(isAllowedEndpoint('https://reports.example.org/collect?k=1')).toBe(true);
    expect(isAllowedEndpoint('https://reports.example.org/#x')).toBe(false);
    expect(isAllowedEndpoint('https://reports.example.org/#')).toBe(false);
  });

  it('accepts only hosts the manifest lets the user grant', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as { optional_host_permissions: string[] };
    expect(isSecureFetchUrl('http://[::1]:8080/blocklist.json')).toBe(false);
    const httpHosts = manifest.optional_host_permissions.filter((p) => p.startsWith('http://')).map((p) => new URL(p.replace(/\*$/, '')).hostname);
    expect([...LOOPBACK_HTTP_HOSTS].sort()).toEqual(httpHosts.sort());
    expect(manifest.optional_host_permissions).toContain('https://*/*');
    for (const host of httpHosts) {
      expect(isAllowedFeedUrl(`http://${host}:8080/b.json`)).toBe(true);
      expect(isAllowedEndpoint(`http://${host}:8080/collect`)).toBe(true);
    }
  });

  it('asks for the permission of the host, any port', () => {
    expect(hostPattern('https://lists.example.org:8443/a/b.json')).toBe('https://lists.example.org/*');
    expect(hostPattern('http://127.0.0.1:9/x')).toBe('http://127.0.0.1/*');
  });
});
