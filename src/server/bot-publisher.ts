/**
 * Which ReportPublisher the running bot uses. Compiling and storing documents belongs to the
 * reports module; until it provides a publisher this build says plainly that it cannot compile.
 */
import type { Config } from '../config/config';
import type { ReportPublisher } from '../bot/bot-deps';
import type { ReportStore } from '../store/report-store';

/** Compiling reports is not available in this build. */
export class PublishingUnavailableError extends Error {
  constructor() {
    super('compiling and storing reports is not available in this build of tass-bot');
    this.name = 'PublishingUnavailableError';
  }
}

export function publisherFor(_store: ReportStore, _config: Config): ReportPublisher {
  return {
    publishLocalityReport: async () => {
      throw new PublishingUnavailableError();
    },
  };
}
