import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReadError } from './errors';
import { readLog } from './read-log';
import { collectingSink } from '../testing/collecting-sink';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-csv-'));
let n = 0;
function fixture(content: string | Buffer, ext = '.csv'): string {
  const path = join(dir, `f${n++}${ext}`);
  writeFileSync(path, content);
  return path;
}

async function read(content: string | Buffer, ext = '.csv') {
  const sink = collectingSink();
  const file = fixture(content, ext);
  const report = await readLog(file, { sink });
  const { read: r, accepted, duplicates, quarantined } = report.rows;
  expect(r).toBe(accepted + duplicates + quarantined);
  return { sink, report, file };
}

const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);
const HEADER = 'case,activity,timestamp,resource\n';

describe('readLog on CSV inputs: each kind of bad input has its named rejection', () => {
  it('quarantines a record with the wrong number of fields as column-count, with its line', async () => {
    const { sink, report } = await read(
      `${HEADER}1,A,2024-01-01T10:00:00Z,Ann\n1,B,2024-01-01T11:00:00Z\n1,C,2024-01-01T12:00:00Z,Bo,extra\n`,
    );
    expect(report.rows).toEqual({ read: 3, accepted: 1, duplicates: 0, quarantined: 2 });
    expect(sink.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'column-count'],
      [4, 'column-count'],
    ]);
    expect(sink.rejections[0]?.message).toBe('expected 4 fields as in the header, got 3');
    expect(report.quarantinedByReason).toEqual({ 'column-count': 2 });
  });

  it('quarantines an empty case id as missing-case and an empty activity as missing-activity', async () => {
    const { sink } = await read(`${HEADER} ,A,2024-01-01T10:00:00Z,Ann\n2,,2024-01-01T10:00:00Z,Ann\n3,C,,Ann\n`);
    expect(sink.rejections.map((r) => [r.line, r.reason, r.column])).toEqual([
      [2, 'missing-case', 'case'],
      [3, 'missing-activity', 'activity'],
      [4, 'missing-timestamp', 'timestamp'],
    ]);
  });

  it('quarantines an unreadable timestamp as bad-timestamp, naming the column and quoting the value', async () => {
    const { sink, report } = await read('Sags-id;Aktivitet;Tidspunkt\n1;Tilmelding;31-02-2024 25:61\n1;Afmeldt;01-03-2024 10:00\n');
    expect(report.rows.accepted).toBe(1);
    expect(sink.rejections[0]).toMatchObject({
      line: 2,
      column: 'Tidspunkt',
      reason: 'bad-timestamp',
      raw: '1;Tilmelding;31-02-2024 25:61',
    });
    expect(sink.rejections[0]?.message).toContain('cannot read timestamp "31-02-2024 25:61"');
  });

  it('reads a quoted field holding the delimiter and a line break, and numbers later lines right', async () => {
    const { sink, report } = await read(`${HEADER}1,"Møde, ""første""\nrunde",2024-01-01T10:00:00Z,Ann\n1,B,2024-01-01T11:00:00Z\n`);
    expect(report.rows.read).toBe(2);
    expect(sink.events[0]?.event.activity).toBe('Møde, "første"\nrunde');
    expect(sink.rejections[0]?.line).toBe(4);
  });

  it('skips a UTF-8 byte order mark and reports utf-8-bom', async () => {
    const { sink, report } = await read(`\uFEFFSagsnummer,Hændelse,Dato\nS1,Første samtale,2024-01-01 10:00\n`);
    expect(report.encoding).toBe('utf-8-bom');
    expect(report.mapping.case).toBe('Sagsnummer');
    expect(sink.events[0]?.event).toMatchObject({ caseId: 'S1', activity: 'Første samtale', timestamp: utc(2024, 1, 1, 9) });
  });

  it('detects Windows-1252 (æøå) and semicolons, as in dirty Danish extracts', async () => {
    const text =
      'Sags-id;Aktivitet;Tidspunkt;Sagsbehandler\n1;Første jobsamtale;01-03-2024 09:00;Søren Æbelø\n1;Fællessamtale med a-kasse;02-03-2024 10:30;Åse\n';
    const { sink, report } = await read(iconv.encode(text, 'win1252'));
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(sink.events.map((e) => [e.event.activity, e.event.resource])).toEqual([
      ['Første jobsamtale', 'Søren Æbelø'],
      ['Fællessamtale med a-kasse', 'Åse'],
    ]);
  });

  it('detects tab-separated .txt files', async () => {
    const { report } = await read('case\tactivity\ttimestamp\n1\tA\t2024-01-01\n', '.txt');
    expect(report).toMatchObject({ delimiter: '\t', rows: { accepted: 1 } });
  });

  it('quarantines rows with invalid UTF-8 bytes in a UTF-8 file as bad-encoding', async () => {
    const good = Buffer.from(`${HEADER}1,Første,2024-01-01T10:00:00Z,Ann\n1,Fællessamtale,2024-01-01T10:30:00Z,Søren\n`, 'utf8');
    const bad = Buffer.concat([Buffer.from('1,B', 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(',2024-01-01T11:00:00Z,Ann\n')]);
    const { sink } = await read(Buffer.concat([good, bad]));
    expect(sink.rejections.map((r) => [r.line, r.reason, r.column])).toEqual([[4, 'bad-encoding', 'activity']]);
  });

  it('reads .csv.gz (and gzip under any name) to the same events as the plain file', async () => {
    const text = `${HEADER}1,A,2024-01-01T10:00:00Z,Ann\n2,B,2024-01-02T10:00:00Z,Bo\n`;
    const plain = await read(text);
    const gz = await read(gzipSync(text), '.csv.gz');
    const odd = await read(gzipSync(text), '.dat');
    expect(gz.report.compressed).toBe(true);
    expect(gz.sink.events).toEqual(plain.sink.events);
    expect(odd.sink.events).toEqual(plain.sink.events);
  });

  it('counts a row equal in every column to an earlier row as a duplicate and does not emit it', async () => {
    const row = '1,A,2024-01-01T10:00:00Z,Ann\n';
    const { sink, report } = await read(`${HEADER}${row}1,B,2024-01-01T11:00:00Z,Ann\n${row}${row}1,A,2024-01-01T10:00:00Z,Bo\n`);
    expect(report.rows).toEqual({ read: 5, accepted: 3, duplicates: 2, quarantined: 0 });
    expect(sink.duplicateLines).toEqual([4, 5]);
  });

  it('a quoted row equal field by field to an unquoted one is a duplicate; quoted delimiters keep rows apart', async () => {
    const text =
      `${HEADER}1,A,2024-01-01T10:00:00Z,Ann\n"1","A",2024-01-01T10:00:00Z,"Ann"\n` +
      `2,"A,B",2024-01-01T10:00:00Z,C\n2,A,2024-01-01T10:00:00Z,"B,C"\n2,"A,B",2024-01-01T10:00:00Z,C\n`;
    const { sink, report } = await read(text);
    expect(report.rows).toEqual({ read: 5, accepted: 3, duplicates: 2, quarantined: 0 });
    expect(sink.duplicateLines).toEqual([3, 6]);
  });

  it('reads Excel serial timestamps and DST edges as Copenhagen local time', async () => {
    const { sink } = await read(`${HEADER}1,A,45292.5,x\n1,B,2024-03-31 02:30,x\n1,C,2024-10-27 02:30,x\n`);
    expect(sink.events.map((e) => e.event.timestamp)).toEqual([utc(2024, 1, 1, 11), utc(2024, 3, 31, 1, 30), utc(2024, 10, 27, 0, 30)]);
  });

  it('uses a given mapping: format, time zone, end timestamp, lifecycle, attributes and case attributes', async () => {
    const file = fixture('Nr;Trin;Fra;Til;Fase;Enhed;Note;Ydelse\nS1;Samtale;05-03-2024 10:00;05-03-2024 11:30;complete;Nord;ok;A\n');
    const sink = collectingSink();
    const report = await readLog(file, {
      sink,
      mapping: {
        case: 'Nr',
        activity: 'Trin',
        timestamp: 'Fra',
        endTimestamp: 'Til',
        lifecycle: 'Fase',
        jobcenter: 'Enhed',
        attributes: ['Note'],
        caseAttributes: ['Ydelse'],
        timestampFormat: 'dd-mm-yyyy HH:MM',
        timezone: 'UTC',
      },
    });
    expect(report.mappingGuessed).toBe(false);
    expect(sink.events[0]).toEqual({
      line: 2,
      endTimestamp: utc(2024, 3, 5, 11, 30),
      jobcenter: 'Nord',
      event: {
        caseId: 'S1',
        activity: 'Samtale',
        timestamp: utc(2024, 3, 5, 10),
        resource: null,
        lifecycle: 'complete',
        caseAttributes: { Ydelse: 'A', jobcenter: 'Nord' },
        eventAttributes: { Note: 'ok' },
      },
    });
  });

  it('a bad timestamp under a given format is explained by that format, not by the auto-detected examples', async () => {
    const file = fixture('Nr,Trin,Tid\nS1,Samtale,13-02-2024 10:00\n');
    const sink = collectingSink();
    await readLog(file, { sink, mapping: { case: 'Nr', activity: 'Trin', timestamp: 'Tid', timestampFormat: 'mm-dd-yyyy HH:MM' } });
    expect(sink.rejections.map((r) => r.message)).toEqual([
      'cannot read timestamp "13-02-2024 10:00" (expected the mapping\'s timestampFormat "mm-dd-yyyy HH:MM" or ISO 8601)',
    ]);
  });

  it('quarantines a quoted field that is never closed as bad-record', async () => {
    const { sink, report } = await read(`${HEADER}1,A,2024-01-01T10:00:00Z,Ann\n2,"B,2024-01-01T10:00:00Z,Ann\n`);
    expect(report.rows).toEqual({ read: 2, accepted: 1, duplicates: 0, quarantined: 1 });
    expect(sink.rejections[0]).toMatchObject({ line: 3, reason: 'bad-record' });
  });

  it('throws a one-line ReadError for a missing file, an empty file and a header without the required columns', async () => {
    const sink = collectingSink();
    await expect(readLog(join(dir, 'missing.csv'), { sink })).rejects.toThrow(/missing\.csv: no such file$/);
    await expect(readLog(fixture(''), { sink })).rejects.toThrow(ReadError);
    const file = fixture('Nummer,Hvad,Hvornår\n1,A,2024-01-01\n');
    const error = await readLog(file, { sink }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toMatch(
      /:1: no case column found in the header \("Nummer", "Hvad", "Hvornår"\); write a mapping JSON file/,
    );
    expect((error as ReadError).message).not.toContain('\n');
  });

  it('refuses UTF-16 with and without a byte order mark with the same one-line advice', async () => {
    const sink = collectingSink();
    const text = 'Sagsnummer,Aktivitet,Tidspunkt\nS1,Modtaget,2024-02-03 08:15\n';
    const advice = /: the file is UTF-16; save it as UTF-8 or Windows-1252 \(ANSI\) CSV$/;
    await expect(readLog(fixture(Buffer.from(`\uFEFF${text}`, 'utf16le')), { sink })).rejects.toThrow(advice);
    await expect(readLog(fixture(Buffer.from(text, 'utf16le')), { sink })).rejects.toThrow(advice);
    await expect(readLog(fixture(Buffer.from(text, 'utf16le').swap16()), { sink })).rejects.toThrow(advice);
  });

  it('trims spaces around values but counts rows that differ only in spaces as different rows', async () => {
    const { sink, report } = await read(
      'case,activity,timestamp,note\n 1 , A ,2024-01-01T10:00:00Z, late  \n1,A,2024-01-01T10:00:00Z,late\n',
    );
    expect(report.rows).toEqual({ read: 2, accepted: 2, duplicates: 0, quarantined: 0 });
    expect(sink.events[0]?.event).toMatchObject({ caseId: '1', activity: 'A', eventAttributes: { note: 'late' } });
  });

  it('stops with a ReadError instead of holding the file when a quote is never closed in a big file', async () => {
    const body = `${HEADER}1,"A,2024-01-01T10:00:00Z,Ann\n${'2,B,2024-01-01T10:00:00Z,Ann\n'.repeat(700_000)}`;
    const error = await readLog(fixture(body), { sink: collectingSink() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).line).toBe(2);
    expect((error as ReadError).message).toMatch(
      /:2: a quoted field runs on for more than 16 M characters: a closing quote is probably missing$/,
    );
  });

  it('reads a header-only file as zero rows', async () => {
    const { report } = await read(HEADER);
    expect(report.rows).toEqual({ read: 0, accepted: 0, duplicates: 0, quarantined: 0 });
  });
});
