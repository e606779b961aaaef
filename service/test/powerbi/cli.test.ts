import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fakePbiviz, repoGuid } from './fake-visual';
import { sagsflow } from '../../src/testing/run-cli';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-pbi-'));
  dirs.push(dir);
  return dir;
}

describe('sagsflow powerbi', () => {
  test('writes Sagsflow.pbip, the model and the report, and says which pages were left out', async () => {
    const dir = tmp();
    const visual = join(dir, 'v.pbiviz');
    writeFileSync(visual, fakePbiviz());
    const out = join(dir, 'project');
    const r = await sagsflow(
      'powerbi',
      '--url',
      'https://sagsflow.kk.dk/odata/',
      '--lang',
      'en',
      '--process',
      'dagpenge',
      '--visual',
      visual,
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files to .*project; open Sagsflow\.pbip in Power BI Desktop\n/);
    expect(existsSync(join(out, 'Sagsflow.pbip'))).toBe(true);
    expect(existsSync(join(out, `Sagsflow.Report/CustomVisuals/${repoGuid()}/package.json`))).toBe(true);
    const expressions = readFileSync(join(out, 'Sagsflow.SemanticModel/definition/expressions.tmdl'), 'utf8');
    expect(expressions).toContain('expression SagsflowFeedUrl = "https://sagsflow.kk.dk/odata" meta');
    expect(expressions).toContain('expression SagsflowProcess = "dagpenge" meta');
  });

  test('running it again replaces the generated folders (no stale page survives)', async () => {
    const dir = tmp();
    const visual = join(dir, 'v.pbiviz');
    writeFileSync(visual, fakePbiviz());
    const stale = join(dir, 'Sagsflow.Report/definition/pages/old/page.json');
    await sagsflow('powerbi', '--url', 'https://h/odata', '--visual', visual, '--out', dir);
    mkdirSync(join(dir, 'Sagsflow.Report/definition/pages/old'));
    writeFileSync(stale, '{}');
    const r = await sagsflow('powerbi', '--url', 'https://h/odata', '--visual', visual, '--out', dir);
    expect(r.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    const noOdata = await sagsflow('powerbi', '--url', 'https://h:8787', '--visual', visual, '--out', dir);
    expect(noOdata.code).toBe(0);
    expect(noOdata.stdout).toContain('note: the feed URL https://h:8787 does not end in /odata, where sagsflow serve puts the feed\n');
  });

  test('bad input is one line naming the option or the file', async () => {
    const dir = tmp();
    const visual = join(dir, 'v.pbiviz');
    writeFileSync(visual, fakePbiviz());
    const url = await sagsflow('powerbi', '--url', 'sagsflow.kk.dk/odata', '--visual', visual, '--out', dir);
    expect(url.code).toBe(1);
    expect(url.stderr).toBe('sagsflow: --url: expected the feed\'s address like https://HOST/odata, got "sagsflow.kk.dk/odata"\n');
    const broken = join(dir, 'broken.pbiviz');
    writeFileSync(broken, 'not a zip');
    const vis = await sagsflow('powerbi', '--url', 'https://h/odata', '--visual', broken, '--out', dir);
    expect(vis.code).toBe(1);
    expect(vis.stderr).toMatch(/^sagsflow: readZip: .*broken\.pbiviz is not a zip archive/);
    expect(vis.stderr.trim().split('\n')).toHaveLength(1);
    const lang = await sagsflow('powerbi', '--url', 'https://h/odata', '--lang', 'de', '--visual', visual, '--out', dir);
    expect(lang.code).not.toBe(0);
    expect(lang.stderr).toMatch(/--lang.*de.*da, en/);
  });
});
