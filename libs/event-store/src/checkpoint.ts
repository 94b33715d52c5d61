/**
 * A place in the global log: the (transaction id, position) of the last event handled. Treat it as
 * opaque; store it with `serializeCheckpoint` when a string is handier.
 */
export interface Checkpoint {
  txId: string;
  position: string;
}

export const START_CHECKPOINT: Checkpoint = Object.freeze({ txId: '0', position: '0' });

export function serializeCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.txId}:${checkpoint.position}`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(text);
  if (!match) throw new Error(`not an event store checkpoint: ${JSON.stringify(text)}`);
  return { txId: match[1], position: match[2] };
}

export function toCheckpoint(value: Checkpoint | string | null | undefined): Checkpoint {
  if (value == null) return START_CHECKPOINT;
  return typeof value === 'string' ? parseCheckpoint(value) : parseCheckpoint(serializeCheckpoint(value));
}
