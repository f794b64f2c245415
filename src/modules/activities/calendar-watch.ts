// Notices of the personal feeds' changes (decision 045). The database sends a notice on channel kn_calendar_feed
// (migration 0036: the user's id, or '*') whenever a feed's version is raised by the triggers of decision 031 or
// something else a feed depends on changes (address, linked person, account, roles, networks), whoever writes. A
// server listening on the channel may answer a poll whose validators it holds without asking the database, as long
// as it has listened all along since it last asked and no notice for that user came since.
//
// Correctness rests on order, not on timing:
//  - a ticket (the count of notices and listening sessions) is taken before the database is asked; a notice that
//    arrives after it (a change committed after the query's snapshot, or one that raced it) makes the feed unknown;
//  - (re)starting to listen counts as a notice for everyone, so nothing asked before it is trusted after;
//  - a lost or closed connection stops trusting at once, and the feeds ask the database until it listens again;
//  - on PostgreSQL a poll first makes a round trip on the listening connection: a transaction that committed before
//    the poll began has signalled the listening backend already (at commit), so its notice is delivered before the
//    round trip's answer. The embedded engine delivers a notice while the committing statement's answer is read,
//    before the writer's await returns (all its writers are in this process), so no round trip is needed there.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from '../../platform/server/db.ts';

const CHANNEL = 'kn_calendar_feed';
/** Users whose last notice is remembered; beyond it the map is cleared and counted as a notice for everyone. */
const USERS_MAX = 100_000;
/** The least wait before listening again after a lost connection. */
const RETRY_MS = 1_000;

export type FeedWatch = {
  /** The notices counted so far: take it before asking the database about a feed. */
  ticket(): number;
  /** Has nothing changed the user's feed since `ticket`, with this server listening all along? */
  unchangedSince(userId: string, ticket: number): Promise<boolean>;
  /** Is this server listening now (for tests and the bench's report)? */
  listening(): boolean;
  close(): Promise<void>;
};

type Listener = {
  /** Starts listening; calls `notice` for each payload and `lost` when the connection is gone. */
  start(notice: (payload: string) => void, lost: () => void): Promise<void>;
  /** A round trip after which every notice committed before the call has been delivered. */
  sync(): Promise<void>;
  stop(): Promise<void>;
};

class Watch implements FeedWatch {
  private seq = 0;
  /** The ticket from which on this server has listened without a break; null while not listening. */
  private liveSince: number | null = null;
  private everyoneAt = 0;
  private readonly lastNotice = new Map<string, number>();
  private starting = false;
  private closed = false;
  private lastTry = 0;

  constructor(private readonly listener: Listener) {}

  ticket() {
    return this.seq;
  }

  listening() {
    return this.liveSince !== null;
  }

  private notice(payload: string) {
    this.seq += 1;
    if (payload === '*' || this.lastNotice.size >= USERS_MAX) {
      this.lastNotice.clear();
      this.everyoneAt = this.seq;
      return;
    }
    this.lastNotice.set(payload, this.seq);
  }

  private lost() {
    this.liveSince = null;
    this.seq += 1;
  }

  private start() {
    if (this.starting || this.closed || this.liveSince !== null || Date.now() - this.lastTry < RETRY_MS) return;
    this.starting = true;
    this.lastTry = Date.now();
    this.listener
      .start(
        (payload) => this.notice(payload),
        () => this.lost(),
      )
      .then(
        () => {
          // Whatever was asked before listening began is not trusted: the notice for everyone.
          this.seq += 1;
          this.everyoneAt = this.seq;
          this.liveSince = this.closed ? null : this.seq;
        },
        () => this.lost(),
      )
      .finally(() => {
        this.starting = false;
      });
  }

  async unchangedSince(userId: string, ticket: number) {
    if (this.liveSince === null) {
      this.start();
      return false;
    }
    try {
      await this.listener.sync();
    } catch {
      // Not trusted from now on; the connection is closed and a later poll listens again on a new one.
      this.lost();
      await this.listener.stop().catch(() => {});
      return false;
    }
    const since = this.liveSince;
    return (
      since !== null && ticket >= since && this.everyoneAt <= ticket && (this.lastNotice.get(userId) ?? 0) <= ticket
    );
  }

  async close() {
    this.closed = true;
    this.lost();
    await this.listener.stop().catch(() => {});
  }
}

/** The embedded engine: its own listen; a notice is delivered while the committing statement's answer is read. */
function pgliteListener(client: PGlite): Listener {
  let unlisten: (() => Promise<void>) | undefined;
  return {
    async start(notice) {
      unlisten = await client.listen(CHANNEL, notice);
    },
    sync: async () => {},
    async stop() {
      if (unlisten && !client.closed) await unlisten();
    },
  };
}

/** PostgreSQL: a connection of its own, with the pool's settings, listening on the channel. */
function serverListener(pool: pg.Pool): Listener {
  let client: pg.Client | undefined;
  // Round trips are shared: a poll joins the next one not yet sent (sent after the poll began), never one in flight.
  let next: Promise<void> | undefined;
  let last: Promise<unknown> = Promise.resolve();
  return {
    async start(notice, lost) {
      // A round trip that takes longer than this counts as a lost connection (the polls then ask the database).
      const c = new pg.Client({
        ...pool.options,
        application_name: 'kompetensnav calendar notices',
        query_timeout: 2_000,
      });
      client = c;
      let gone = false;
      const drop = () => {
        if (gone) return;
        gone = true;
        if (client === c) client = undefined;
        lost();
        c.end().catch(() => {});
      };
      c.on('notification', (m) => notice(m.payload ?? '*'));
      c.on('error', drop);
      c.on('end', drop);
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
      } catch (err) {
        drop();
        throw err;
      }
    },
    sync() {
      if (next) return next;
      const mine: Promise<void> = last.then(
        async () => {
          next = undefined;
          if (!client) throw new Error('not listening');
          await client.query('SELECT 1');
        },
        () => {},
      );
      next = mine;
      last = mine.catch(() => {});
      return mine;
    },
    async stop() {
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}

const watches = new WeakMap<Db, FeedWatch>();

/** The feeds' watch on this database (one per database and process; it listens from the first poll on). */
export function feedWatch(db: Db): FeedWatch {
  let w = watches.get(db);
  if (!w) {
    const client = (db as unknown as { $client: PGlite | pg.Pool }).$client;
    w = new Watch(client instanceof pg.Pool ? serverListener(client) : pgliteListener(client as PGlite));
    watches.set(db, w);
  }
  return w;
}

/** Stops listening on this database (the app's close). */
export async function closeFeedWatch(db: Db) {
  await watches.get(db)?.close();
}
