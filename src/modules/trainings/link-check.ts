// Link health of the web trainings: a daily job (and a reviewer's "check now") asks each item's address whether it
// still answers. A link is broken after two failing checks in a row; a permanent redirect offers the new address.
// Nothing is removed or changed automatically: the reviewer sees the status in the review queue and decides.
import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import type { Job } from '../../platform/server/jobs.ts';
import { normaliseTrainingUrl } from './training-link.ts';
import { trainingItem } from './trainings.table.ts';

export type LinkOutcome = 'ok' | 'moved' | 'failing' | 'blocked' | 'timeout';
export type LinkResult = { outcome: LinkOutcome; httpStatus: number | null; newUrl: string | null };

export type LinkCheckOptions = {
  /** Sent as User-Agent so a site's owner sees who asks and where to read more. */
  userAgent: string;
  /** How long to wait for an answer (headers) per request; 10 s unless given. */
  timeoutMs?: number;
  /** Allow loopback and private addresses (tests only): otherwise a suggested link cannot probe the inside network. */
  allowPrivateHosts?: boolean;
};

export const LINK_CHECK_DEFAULTS = { timeoutMs: 10_000, maxRedirects: 5, concurrency: 4, hostPauseMs: 1_000 };
/** Failing checks in a row after which a link counts as broken. */
export const BROKEN_AFTER = 2;

export function linkUserAgent(publicUrl: string) {
  return `Kompetensnav-lankkontroll/1.0 (+${publicUrl})`;
}

/** Loopback, private, link-local and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(a) === 4) {
    const [x = 0, y = 0] = a.split('.').map(Number);
    return (
      x === 0 ||
      x === 10 ||
      x === 127 ||
      (x === 169 && y === 254) ||
      (x === 172 && y >= 16 && y <= 31) ||
      (x === 192 && y === 168) ||
      (x === 100 && y >= 64 && y <= 127)
    );
  }
  return a === '::' || a === '::1' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80');
}

async function hostAllowed(url: URL): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return !isPrivateAddress(host);
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.length > 0 && addresses.every((x) => !isPrivateAddress(x.address));
  } catch {
    return false;
  }
}

const PERMANENT = new Set([301, 308]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * The name lookup of the connection itself: with private hosts refused, a name that resolves to a private address
 * fails here too, so a name that answered a public address to `hostAllowed` and a private one a moment later
 * (DNS rebinding) cannot reach the inside network.
 */
export function guardedLookup(allowPrivateHosts: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      if (list.length === 0 || (!allowPrivateHosts && list.some((a) => isPrivateAddress(a.address)))) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' });
        return callback(refused, '', 0);
      }
      if (options.all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const [first] = list as [dns.LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}

/** One GET (no redirects followed); the body is not read, only the status and headers. */
function request(url: URL, opts: LinkCheckOptions): Promise<{ status: number; location: string | null } | 'timeout'> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    let timedOut = false;
    const req = client.get(
      url,
      {
        headers: { 'user-agent': opts.userAgent, accept: 'text/html,*/*;q=0.8' },
        lookup: guardedLookup(opts.allowPrivateHosts ?? false),
      },
      (res) => {
        clearTimeout(timer);
        const location = res.headers.location ?? null;
        // Only the headers matter: stop the download at once.
        res.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, location });
      },
    );
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy();
    }, opts.timeoutMs ?? LINK_CHECK_DEFAULTS.timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      if (timedOut) resolve('timeout');
      else reject(err);
    });
  });
}

/**
 * Checks one address: 2xx ok; a permanent redirect (301/308) to another address that answers is `moved` with the
 * new address; 404, 410, 5xx, a network error, a redirect loop or too many redirects `failing`; 403 and 429
 * `blocked` (the site refuses robots, which says nothing about the link); no answer in time `timeout`.
 */
export async function checkLink(url: string, opts: LinkCheckOptions): Promise<LinkResult> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { outcome: 'failing', httpStatus: null, newUrl: null };
  }
  const seen = new Set<string>();
  let permanentTarget: string | null = null;
  let allPermanent = true;
  for (let hop = 0; hop <= LINK_CHECK_DEFAULTS.maxRedirects; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return { outcome: 'failing', httpStatus: null, newUrl: null };
    }
    if (seen.has(current.href)) return { outcome: 'failing', httpStatus: null, newUrl: null };
    seen.add(current.href);
    if (!opts.allowPrivateHosts && !(await hostAllowed(current))) {
      return { outcome: 'failing', httpStatus: null, newUrl: null };
    }
    let answer: Awaited<ReturnType<typeof request>>;
    try {
      answer = await request(current, opts);
    } catch {
      return { outcome: 'failing', httpStatus: null, newUrl: null };
    }
    if (answer === 'timeout') return { outcome: 'timeout', httpStatus: null, newUrl: null };
    const { status, location } = answer;
    if (REDIRECT.has(status) && location) {
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { outcome: 'failing', httpStatus: status, newUrl: null };
      }
      // The new address is where the unbroken run of permanent redirects from the original leads.
      if (allPermanent && PERMANENT.has(status)) permanentTarget = next.href;
      else allPermanent = false;
      current = next;
      continue;
    }
    if (status >= 200 && status < 300) {
      const moved = permanentTarget !== null && normaliseTrainingUrl(permanentTarget) !== normaliseTrainingUrl(url);
      return moved
        ? { outcome: 'moved', httpStatus: status, newUrl: permanentTarget }
        : { outcome: 'ok', httpStatus: status, newUrl: null };
    }
    if (status === 403 || status === 429) return { outcome: 'blocked', httpStatus: status, newUrl: null };
    return { outcome: 'failing', httpStatus: status, newUrl: null };
  }
  // More than the allowed redirects.
  return { outcome: 'failing', httpStatus: null, newUrl: null };
}

export function isFailure(outcome: LinkOutcome | null) {
  return outcome === 'failing' || outcome === 'timeout';
}

/** The item's stored link status after a check: failures count up, anything else (ok, moved, blocked) resets. */
export async function recordLinkResult(db: Db, itemId: string, result: LinkResult, now: Date): Promise<number> {
  const [row] = await db
    .update(trainingItem)
    .set({
      linkCheckedAt: now,
      linkOutcome: result.outcome,
      // In the statement itself, so two checks at once both count.
      linkFailures: isFailure(result.outcome) ? sql`${trainingItem.linkFailures} + 1` : 0,
      linkHttpStatus: result.httpStatus,
      linkNewUrl: result.newUrl,
    })
    .where(eq(trainingItem.id, itemId))
    .returning({ failures: trainingItem.linkFailures });
  return row?.failures ?? 0;
}

export type LinkCheckDeps = {
  db: Db;
  check: LinkCheckOptions;
  concurrency?: number;
  /** Pause between two requests to the same host (ms). */
  hostPauseMs?: number;
  /** At most this many items per run; the rest wait for the next run (they have the oldest checks then). */
  maxItems?: number;
};

/** How long before a check counts as due again: a little under a day, so the daily run finds yesterday's items. */
const RECHECK_AFTER_MS = 20 * 60 * 60 * 1000;

/** example.com/.net/.org and their subdomains, and the .example, .test and .invalid top-level domains (RFC 2606). */
export const RESERVED_EXAMPLE_HOST = /(^|\.)example\.(com|net|org)$|\.(example|test|invalid)$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks every item that is not removed and not checked in the last 20 hours. Each item is claimed first by a
 * conditional update of its `link_checked_at` (decision 003: the claim reuses a natural key), so several servers
 * running the job check each link once. Hosts are checked in parallel (limited), one host's links one at a time.
 */
export async function checkAllLinks(deps: LinkCheckDeps, now: Date): Promise<{ checked: number }> {
  const { db } = deps;
  const due = or(
    isNull(trainingItem.linkCheckedAt),
    lt(trainingItem.linkCheckedAt, new Date(now.getTime() - RECHECK_AFTER_MS)),
  );
  const rows = await db
    .select({ id: trainingItem.id, url: trainingItem.url })
    .from(trainingItem)
    .where(and(ne(trainingItem.status, 'removed'), due))
    .orderBy(trainingItem.linkCheckedAt)
    .limit(deps.maxItems ?? 5_000);
  const byHost = new Map<string, { id: string; url: string }[]>();
  for (const row of rows) {
    let host = '';
    try {
      host = new URL(row.url).hostname.toLowerCase();
    } catch {}
    // Reserved example domains (RFC 2606: the demo's links) lead nowhere: their recorded state is left as it is.
    if (RESERVED_EXAMPLE_HOST.test(host)) continue;
    byHost.set(host, [...(byHost.get(host) ?? []), row]);
  }
  const queues = [...byHost.values()];
  const pause = deps.hostPauseMs ?? LINK_CHECK_DEFAULTS.hostPauseMs;
  let checked = 0;
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const [i, item] of queue.entries()) {
        const claimed = await db
          .update(trainingItem)
          .set({ linkCheckedAt: now })
          .where(and(eq(trainingItem.id, item.id), ne(trainingItem.status, 'removed'), due))
          .returning({ id: trainingItem.id });
        if (claimed.length === 0) continue;
        if (i > 0 && pause > 0) await sleep(pause);
        await recordLinkResult(db, item.id, await checkLink(item.url, deps.check), now);
        checked += 1;
      }
    }
  };
  const workers = Math.max(1, Math.min(deps.concurrency ?? LINK_CHECK_DEFAULTS.concurrency, queues.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { checked };
}

export function linkCheckJob(deps: LinkCheckDeps): Job {
  return {
    name: 'trainings-link-check',
    // Every night; each item is claimed, so extra runs (another server, a restart) check nothing twice.
    schedule: '30 3 * * *',
    run: async (now) => {
      await checkAllLinks(deps, now);
    },
  };
}
