// Generated files kept by what they are made of (decision 028): a workbook or PDF is a pure function of its input (a
// version's model with a municipality's deviations, a cost calculation, the language and the day), so the same input
// gives the same bytes and the file is made once. The key is a hash of the whole input — no revision to keep in step,
// nothing stale after a change — and a few files are kept per server (oldest out first).
import { createHash } from 'node:crypto';

const MAX_FILES = 32;
const kept = new Map<string, Promise<Uint8Array>>();

export function keptFile(kind: string, input: unknown, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const key = `${kind}:${createHash('sha256').update(JSON.stringify(input)).digest('base64url')}`;
  const found = kept.get(key);
  if (found) {
    // Most recently used last.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const made = make();
  kept.set(key, made);
  made.catch(() => kept.delete(key));
  while (kept.size > MAX_FILES) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return made;
}
