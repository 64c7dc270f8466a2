/** Typed store errors: callers never see SQL errors or Graph status codes. */

/** A save was based on an older version than the one stored. `current` is what is stored now. */
export class ConflictError<T = unknown> extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly current: T | undefined,
  ) {
    super(`${entity} ${key} was changed by someone else since it was read`);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} does not exist`);
    this.name = 'NotFoundError';
  }
}

/** The backing service cannot be reached right now (outage, repeated throttling, timeouts). */
export class StoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** The store cannot be opened: the file is not a TASS database, is damaged, or cannot be reached. */
export class StoreOpenError extends Error {
  constructor(
    readonly location: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}
