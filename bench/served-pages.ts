/**
 * Corpus pages as the browser benches serve them: from memory, on the bench's 127.0.0.1 server,
 * with the pages' own scripts stripped, so that whatever script time a page shows is the
 * extensions' (and nothing a page fetches can leave the machine).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const stripScripts = (html: string): string => html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');

type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Answers each path of `served` with its HTML; other paths are left to the server's other routes. */
export function servePages(server: { routes: Route[] }, served: ReadonlyMap<string, string>): void {
  server.routes.push((req, res) => {
    const body = served.get(req.url ?? '');
    if (body === undefined) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
    return true;
  });
}
