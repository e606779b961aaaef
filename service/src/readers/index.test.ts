import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as readers from './index';

describe('service/src/readers/index.ts', () => {
  it('exports the reader API as functions and classes', () => {
    for (const name of [
      'readLog',
      'guessMapping',
      'loadMapping',
      'parseMapping',
      'resolveMapping',
      'parseTimestamp',
      'createTimestampParser',
      'createLocalTimeConverter',
      'compileTimestampFormat',
      'formatFromName',
      'ReadError',
    ]) {
      expect(typeof (readers as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(readers.DEFAULT_TIMEZONE).toBe('Europe/Copenhagen');
  });

  it('readLog reports progress, ending with the whole file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sagsflow-index-')), 'p.csv');
    const text = 'case,activity,timestamp\n1,A,2024-01-01\n';
    writeFileSync(file, text);
    const calls: Array<[number, number]> = [];
    await readers.readLog(file, {
      sink: { onEvent: () => undefined, onReject: () => undefined, onProgress: (a, b) => calls.push([a, b]) },
    });
    expect(calls.at(-1)).toEqual([Buffer.byteLength(text), Buffer.byteLength(text)]);
  });

  it('formatFromName knows the extensions', () => {
    expect(['a.csv', 'a.CSV.gz', 'a.txt', 'a.tsv', 'a.xes', 'a.xes.gz', 'a.json'].map(readers.formatFromName)).toEqual([
      'csv',
      'csv',
      'csv',
      'csv',
      'xes',
      'xes',
      null,
    ]);
  });

  it('readLog rejects a programmatic mapping with an unknown time zone or format before reading', async () => {
    const sink = { onEvent: () => undefined, onReject: () => undefined };
    const mapping = { case: 'a', activity: 'b', timestamp: 'c' };
    await expect(readers.readLog('x.csv', { sink, mapping: { ...mapping, timezone: 'Mars/Olympus' } })).rejects.toThrow(
      /x\.csv: mapping: unknown time zone "Mars\/Olympus"/,
    );
    await expect(readers.readLog('x.csv', { sink, mapping: { ...mapping, timestampFormat: 'dd-QQ' } })).rejects.toThrow(
      /x\.csv: mapping: timestampFormat: unknown token "QQ"/,
    );
  });
});
