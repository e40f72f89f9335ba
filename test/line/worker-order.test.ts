import { describe, expect, it } from 'vitest';
import type { LineEventQueue, QueuedLineEvent } from '../../api/line/event-queue';
import { LineWorker } from '../../api/line/worker';
import { REPLY_WINDOW_MS, withinReplyWindow } from '../../api/line/bot';

/** A queue in memory: the worker's order is what is under test, not the table (event-queue tests cover that). */
class MemoryQueue implements LineEventQueue {
  readonly done_: string[] = [];
  constructor(private events: QueuedLineEvent[]) {}
  async enqueue(): Promise<number> {
    return 0;
  }
  async claim(n: number): Promise<QueuedLineEvent[]> {
    return this.events.splice(0, n);
  }
  async done(id: string): Promise<void> {
    this.done_.push(id);
  }
  async retry(): Promise<void> {}
}

const event = (id: number, user: string, text: string): QueuedLineEvent => ({
  id: String(id),
  municipalityCode: '999999',
  attempts: 1,
  event: { type: 'message', timestamp: 0, webhookEventId: `E${id}`, source: { type: 'user', userId: user }, message: { type: 'text', text } },
});

async function order(urgent?: (e: QueuedLineEvent) => boolean): Promise<string[]> {
  const handled: string[] = [];
  const queue = new MemoryQueue([
    event(1, 'Ua', 'a1'),
    event(2, 'Ub', 'b1'),
    event(3, 'Uc', 'c1'),
    event(4, 'Ud', 'DANGER'),
    event(5, 'Ua', 'a2'),
    event(6, 'Ud', 'd2'),
  ]);
  const worker = new LineWorker(
    queue,
    async (e) => {
      handled.push(e.event.message!.text!);
    },
    { concurrency: 1, urgent },
  );
  worker.wake();
  await worker.idle();
  expect(queue.done_).toHaveLength(6);
  return handled;
}

describe('the LINE worker: danger first', () => {
  it('handles a waiting user with a danger message before the others, their own events still in order', async () => {
    expect(await order((e) => e.event.message?.text === 'DANGER')).toEqual(['DANGER', 'd2', 'a1', 'a2', 'b1', 'c1']);
  });

  it('without a danger message, users are handled in the order their first event came', async () => {
    expect(await order()).toEqual(['a1', 'a2', 'b1', 'c1', 'DANGER', 'd2']);
  });

  it('tries the reply token only within its window', () => {
    const now = 1_800_000_000_000;
    expect(withinReplyWindow({ timestamp: now - 1_000 }, now)).toBe(true);
    expect(withinReplyWindow({ timestamp: now - REPLY_WINDOW_MS }, now)).toBe(true);
    expect(withinReplyWindow({ timestamp: now - REPLY_WINDOW_MS - 1 }, now)).toBe(false);
  });
});
