/**
 * One campaign run at a time within the bot process. Each run reads what was already delivered
 * before sending, so two overlapping runs (a manager typing "open campaign" twice, or doing so
 * while the daily run is going) would both send; queued, the second finds everything sent.
 */

export interface CampaignLock {
  /** Runs `task` after every task queued before it has finished. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

export function createCampaignLock(): CampaignLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    exclusive: (task) => {
      const run = tail.then(task, task);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
