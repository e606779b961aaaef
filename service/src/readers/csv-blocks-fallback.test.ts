import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setEnvironmentData } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { FAILING_BLOCK_WORKER, type FailingBlockWorkerSetup } from '../testing/failing-block-worker';
import { readEvents } from './read-events';

// The CSV part worker is replaced by one that fails on purpose (`workerEntry` is the seam: it
// names the file a worker runs); the other workers stay as they are.
const started = vi.hoisted(() => ({ count: 0 }));
vi.mock('../runtime/build-info', async (importOriginal) => {
  const original = await importOriginal<typeof import('../runtime/build-info')>();
  return {
    ...original,
    workerEntry: (name: string, sourceEntry: URL) => {
      if (name !== 'csv-part-worker') return original.workerEntry(name, sourceEntry);
      started.count++;
      return new URL('../testing/failing-block-worker-entry.mjs', import.meta.url);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-csv-blocks-fallback-'));

/**
 * Reads `file` on one thread, then in blocks with a worker that fails as `setup` says; returns
 * both outcomes and how the blocks were read. The sink holds the main thread at the first event
 * after the worker started until the worker has taken the block it fails with, so the blocks it
 * does not deliver are certain to be left to the main thread.
 */
async function withFailingWorker(file: string, setup: Omit<FailingBlockWorkerSetup, 'reached'>, keepDuplicates = false) {
  const reached = new SharedArrayBuffer(4);
  setEnvironmentData(FAILING_BLOCK_WORKER, { ...setup, reached } satisfies FailingBlockWorkerSetup);
  const hows: string[] = [];
  const run = async (parallel: boolean) => {
    const events: string[] = [];
    const rejections: string[] = [];
    const before = started.count;
    let held = false;
    const report = await readEvents(file, {
      parallel,
      keepDuplicates,
      parallelMinBytes: 1,
      onSecondPart: (how, why) => hows.push(why ? `${how}: ${why}` : how),
      sink: {
        event: (c, a, t, r, l) => {
          if (!held && started.count > before) {
            held = true;
            expect(Atomics.wait(new Int32Array(reached), 0, 0, 30_000)).not.toBe('timed-out');
          }
          events.push(`${c}|${a}|${t}|${r}|${l}`);
        },
        reject: (x) => rejections.push(`${x.line}:${x.reason}:${x.column}:${x.message}:${x.raw}`),
      },
    });
    const { rows, quarantinedByReason, encoding, identical, duplicatePolicy } = report;
    return { events, rejections, rows, quarantinedByReason, encoding, identical, duplicatePolicy };
  };
  try {
    return { sequential: await run(false), parallel: await run(true), hows };
  } finally {
    setEnvironmentData(FAILING_BLOCK_WORKER, undefined);
  }
}

/** A 4 MB extract (blocks follow its first MB) with duplicates and rejected rows all through. */
function extract(): string {
  const lines = ['Sag,Aktivitet,Tidspunkt,Sagsbehandler'];
  for (let i = 0; i < 90_000; i++) {
    lines.push(
      i % 101 === 0
        ? `c${i},,2024-03-02 10:00,r`
        : i % 103 === 0
          ? `c${i},Trin 1,31-02-2024 10:00,r`
          : i % 7 === 0
            ? `c${i % 5},Trin 1,2024-03-06 10:00,r`
            : `c${i % 700},Trin ${i % 9},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 1${i % 10}:0${i % 6}:00,r${i % 5}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('readEvents: the blocks a failed CSV part worker did not deliver are read on the main thread', () => {
  const file = join(dir, 'extract.csv');
  writeFileSync(file, extract());

  it.each([
    { mode: 'throw', deliver: 2, why: /^reread: injected failure at block \d+$/ },
    { mode: 'exit', deliver: 1, why: /^reread: the worker stopped$/ },
    // The worker takes every block while the main thread is held: the main thread must wait for
    // its results (it used to stop waiting when it had read no block itself, and read them all).
    { mode: 'failed-block', deliver: 1, why: /^reread: injected failed block \d+$/ },
  ] as const)(
    'gives the outcome of a one-thread read when the worker fails ($mode)',
    async ({ mode, deliver, why }) => {
      const { sequential, parallel, hows } = await withFailingWorker(file, { mode, deliver });
      expect(hows).toEqual([expect.stringMatching(why)]);
      expect(sequential.rows.duplicates).toBeGreaterThan(1000);
      expect(sequential.rows.quarantined).toBeGreaterThan(1000);
      expect(sequential.rejections.at(-1)).toMatch(/^\d{5}:/);
      expect(parallel).toEqual(sequential);
    },
    120_000,
  );

  it('keeps duplicates as a one-thread read does when the worker throws', async () => {
    const { sequential, parallel, hows } = await withFailingWorker(file, { mode: 'throw', deliver: 3 }, true);
    expect(hows).toEqual([expect.stringMatching(/^reread: injected failure/)]);
    expect(sequential.duplicatePolicy).toBe('keep');
    expect(sequential.identical).toBeGreaterThan(1000);
    expect(parallel).toEqual(sequential);
  }, 120_000);
});
