import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isPlainCsvWithout } from './csv-header';

describe('isPlainCsvWithout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-csv-header-'));
  const csv = join(dir, 'log.csv');
  writeFileSync(csv, 'Sag;Aktivitet;Tid;case:Sektor\n1;A;2026-01-01 10:00;privat\n');

  it('is true for a plain CSV whose header names none of the attributes, or when none are asked for', () => {
    expect(isPlainCsvWithout(csv, ['Dimittend', 'Maalgruppe'])).toBe(true);
    expect(isPlainCsvWithout(csv, [])).toBe(true);
  });

  it('is false when the header names one (case-insensitively, also with a prefix)', () => {
    expect(isPlainCsvWithout(csv, ['sektor'])).toBe(false);
  });

  it('is false for gzip, XES, a missing file and a file without a line end', () => {
    const gz = join(dir, 'log.csv.gz');
    writeFileSync(gz, gzipSync('Sag;Aktivitet;Tid\n'));
    const noLine = join(dir, 'one-line.csv');
    writeFileSync(noLine, 'Sag;Aktivitet;Tid');
    expect(isPlainCsvWithout(gz, [])).toBe(false);
    expect(isPlainCsvWithout(join(dir, 'log.xes'), [])).toBe(false);
    expect(isPlainCsvWithout(join(dir, 'missing.csv'), [])).toBe(false);
    expect(isPlainCsvWithout(noLine, ['Sektor'])).toBe(false);
  });
});
