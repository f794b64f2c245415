// Scheduled jobs behind one small interface. The embedded default and a single server run them in-process;
// a job must be safe when several app servers run it at once (it claims its work in the database first).
import { Cron } from 'croner';

export type Job = {
  name: string;
  /** A cron pattern in the server's time zone, e.g. '0 7 * * *' (every day at 07:00). */
  schedule: string;
  run: (now: Date) => Promise<void>;
};

export type Scheduler = { stop(): void };

/** Runs each job on its schedule; a failure is logged and the job runs again at its next time. */
export function startScheduler(jobs: Job[], log: { error(obj: object, msg: string): void }): Scheduler {
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { protect: true, timezone: 'Europe/Stockholm', unref: true }, async () => {
        try {
          await job.run(new Date());
        } catch (err) {
          log.error({ job: job.name, err: err instanceof Error ? err.message : String(err) }, 'job failed');
        }
      }),
  );
  return {
    stop() {
      for (const cron of crons) cron.stop();
    },
  };
}
