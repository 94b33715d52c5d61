import type { Checkpoint, GlobalEvent, ReadAllResult } from '@kinerja/event-store';
import { BatchFeed } from './batch-feed';

const START: Checkpoint = { txId: '0', position: '0' };

/** A log of `size` events read `limit` at a time; counts the reads and the most batches alive at once. */
function fakeLog(size: number) {
  const reads: number[] = [];
  const read = async (after: Checkpoint, limit: number): Promise<ReadAllResult> => {
    const from = Number(after.position);
    reads.push(from);
    await new Promise((resolve) => setImmediate(resolve));
    const events = Array.from({ length: Math.max(0, Math.min(limit, size - from)) }, (_, i) => ({ globalPosition: String(from + i + 1) }) as GlobalEvent);
    return { events, checkpoint: { txId: '1', position: String(from + events.length) } };
  };
  return { read, reads };
}

interface Consumer {
  delayMs: number;
  seen: string[];
  /** Batches done, as the feed was told. */
  done: number;
}

async function follow(feed: BatchFeed, index: number, me: Consumer, all: Consumer[], ahead: number[]) {
  for (let i = 0; ; i++) {
    const batch = await feed.get(i);
    ahead.push(i - Math.min(...all.map((c) => c.done)));
    me.seen.push(...batch.events.map((e) => e.globalPosition));
    await new Promise((resolve) => setTimeout(resolve, me.delayMs));
    feed.done(index, i);
    me.done = i + 1;
    if (feed.isLast(batch)) return;
  }
}

describe('BatchFeed: one read of the log for projections going at their own pace', () => {
  it('gives every consumer every event once, in order, reading each batch once, none more than `lead` ahead', async () => {
    const log = fakeLog(1050);
    const lead = 2;
    const feed = new BatchFeed((after) => log.read(after, 100), START, 100, 3, lead);
    const consumers: Consumer[] = [0, 1, 5].map((delayMs) => ({ delayMs, seen: [], done: 0 }));
    const ahead: number[] = [];
    await Promise.all(consumers.map((c, i) => follow(feed, i, c, consumers, ahead)));
    const all = Array.from({ length: 1050 }, (_, i) => String(i + 1));
    expect(consumers.map((c) => c.seen)).toEqual([all, all, all]);
    expect(log.reads).toEqual(Array.from({ length: 11 }, (_, i) => i * 100));
    expect(Math.max(...ahead)).toBe(lead - 1);
  });

  it('stops the other consumers when one fails', async () => {
    const log = fakeLog(10_000);
    const feed = new BatchFeed((after) => log.read(after, 100), START, 100, 2);
    await feed.get(0);
    feed.done(0, 0);
    feed.abort();
    await expect(feed.get(1)).rejects.toThrow('aborted');
    await expect(feed.get(2)).rejects.toThrow('aborted');
  });
});
