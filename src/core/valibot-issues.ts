/** valibot's issues as short English lines for logs and technical details. Pure. */
import * as v from 'valibot';

/** "path.to.value: message" for each of the first `limit` issues (the message alone at the root). */
export function issueMessages(issues: ReadonlyArray<v.BaseIssue<unknown>>, limit = 20): string[] {
  return issues.slice(0, limit).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
