import { afterAll, describe, expect, it } from 'vitest';
import { LENIENT_POLICY, tempDir } from '../testing/ingest-fixtures';
import { sagsflow } from '../testing/run-cli';

/** `cases` cases Tilmelding → Afmeldt, in jobcenter Nord. */
function extract(cases: number): string {
  const rows = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  for (let c = 0; c < cases; c++)
    rows.push(`S-${c},Tilmelding,2024-03-0${1 + (c % 9)} 09:00,Nord`, `S-${c},Afmeldt,2024-03-1${c % 9} 09:00,Nord`);
  return `${rows.join('\n')}\n`;
}

describe('sagsflow versions list|rollback', () => {
  const tmp = tempDir('sagsflow-versions-cli-');
  afterAll(() => tmp.remove());
  const db = tmp.path('v.sqlite');
  const policy = ['--max-quarantine-share', String(LENIENT_POLICY.maxQuarantineShare), '--max-case-drop', '1'];

  it('lists the versions with their figures and makes an earlier one current again', async () => {
    expect((await sagsflow('ingest', tmp.write('010203-1234 jan.csv', extract(6)), '--db', db, '--log', 'dp', ...policy)).code).toBe(0);
    expect((await sagsflow('ingest', tmp.write('feb.csv', extract(4)), '--db', db, '--log', 'dp', ...policy)).code).toBe(0);
    const list = await sagsflow('versions', 'list', '--db', db, '--log', 'dp');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^log "dp": 2 versions\n\* version 2 \(current\)\n {4}loaded {5}\d{4}-\d\d-\d\dT.* by command line\n/);
    expect(list.stdout).toContain('    files      ******-**** jan.csv\n');
    expect(list.stdout).toContain(
      '    rows       12 read = 12 accepted + 0 duplicates + 0 quarantined\n    log        6 cases, 12 events\n',
    );
    const json = JSON.parse((await sagsflow('versions', 'list', '--db', db, '--log', 'dp', '--json')).stdout) as {
      versions: { version: number; current: boolean; kept: boolean; cases: number }[];
    };
    expect(json.versions.map((v) => [v.version, v.current, v.kept, v.cases])).toEqual([
      [2, true, true, 4],
      [1, false, true, 6],
    ]);
    const back = await sagsflow('versions', 'rollback', '--db', db, '--log', 'dp', '--to', '1');
    expect(back).toEqual({ code: 0, stdout: 'log "dp": version 1 is current again (was 2): 6 cases, 12 events\n', stderr: '' });
    const after = JSON.parse((await sagsflow('versions', 'list', '--db', db, '--log', 'dp', '--json')).stdout) as {
      versions: { version: number; current: boolean }[];
    };
    expect(after.versions.map((v) => [v.version, v.current])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('ingest --append adds an extract to the current version and says so', async () => {
    const more = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter', 'S-0,Tilmelding,2024-03-01 09:00,Nord', 'T-1,Tilmelding,2024-03-05 09:00,Nord'];
    const r = await sagsflow('ingest', tmp.write('mar.csv', `${more.join('\n')}\n`), '--db', db, '--log', 'dp', '--append', ...policy);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^log "dp": stored as version 3 \(load \d+\), appended to version 1\n {2}rows {7}2 read = 1 accepted \+ 1 duplicates \+ 0 quarantined\n/,
    );
    expect(r.stdout).toContain('  log        7 cases, 13 events\n');
    await sagsflow('versions', 'rollback', '--db', db, '--log', 'dp', '--to', '1');
  });

  it('answers bad input with one line naming the option', async () => {
    expect(await sagsflow('versions', 'rollback', '--db', db, '--log', 'dp', '--to', 'x')).toMatchObject({
      code: 1,
      stderr: "sagsflow: --to: expected a version number (1, 2, ...), got 'x'\n",
    });
    expect(await sagsflow('versions', 'rollback', '--db', db, '--log', 'dp', '--to', '1')).toMatchObject({
      code: 1,
      stderr: "sagsflow: --to: version 1 of log 'dp' is already current\n",
    });
    expect(await sagsflow('versions', 'list', '--db', db, '--log', 'nope')).toMatchObject({
      code: 1,
      stderr: "sagsflow: no log named 'nope'\n",
    });
    expect(await sagsflow('versions', 'list', '--db', tmp.path('missing.sqlite'), '--log', 'dp')).toMatchObject({
      code: 1,
      stderr: `sagsflow: database ${tmp.path('missing.sqlite')} does not exist (check --db)\n`,
    });
  });
});
