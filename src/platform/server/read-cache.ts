// A per-app-server cache for reference data that every page reads and that changes rarely (the organisations).
// Entries live a few seconds and the app clears the whole cache before answering any change, like the actor cache
// (docs/decisions/002-actor-cache.md). Never put personal data here: entries are shared by every actor.
// The promise is stored when the load starts, so a clear() after a change also drops loads still running.
export class ReadCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; until: number }>();

  constructor(private readonly ttlMs: number) {}

  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    // A failed load is not remembered (unless a newer load has replaced it already).
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Drops one entry: the next `remember` loads it again (a reader that found the kept value out of date). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
