import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { previewRoutes } from './index';
import { hostPage } from './page';
import { readZip } from './read-zip';

/** A minimal zip (PKWARE APPNOTE 4.3) with deflated entries, as JSZip writes them. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Buffer.byteLength(text), 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Buffer.byteLength(text), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const dirs: string[] = [];
function distWith(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-preview-'));
  dirs.push(dir);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const PBIVIZ_JSON = JSON.stringify({
  visual: { guid: 'testVisual123', displayName: 'Test visual', version: '1.0.0.0' },
  apiVersion: '5.11.0',
  capabilities: { dataRoles: [{ name: 'cases', kind: 'Measure' }] },
  stringResources: { 'da-DK': { Hello: 'Hej' } },
  content: { js: 'var testVisual123 = 1;', css: '.sagsflow { color: red }' },
});

describe('readZip', () => {
  test('readZip of a two-file deflated archive returns both files byte for byte', () => {
    const files = readZip(zip({ 'package.json': '{"a":1}', 'resources/x.pbiviz.json': 'æøå'.repeat(100) }));
    expect([...files.keys()]).toEqual(['package.json', 'resources/x.pbiviz.json']);
    expect(files.get('resources/x.pbiviz.json')!.toString('utf8')).toBe('æøå'.repeat(100));
  });

  test('readZip of a non-zip names the source in its error', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just text'), 'dist/x.pbiviz')).toThrow(/dist\/x\.pbiviz is not a zip archive/);
  });
});

describe('previewRoutes', () => {
  test('GET / without a built visual tells the user to run npm run package', async () => {
    const app = previewRoutes({ distDir: distWith({}) });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run package');
    expect((await app.request('/visual.js')).status).toBe(404);
  });

  test('GET / sends Referrer-Policy no-referrer and a same-origin Content-Security-Policy', async () => {
    const res = await previewRoutes({ distDir: distWith({}) }).request('/?token=sf_secret');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'; script-src 'self';.*frame-ancestors 'none'/);
  });

  test('GET / with a broken .pbiviz names the file and still says npm run package', async () => {
    const app = previewRoutes({ distDir: distWith({ 'broken.1.0.0.0.pbiviz': Buffer.from('this is no zip') }) });
    const html = await (await app.request('/')).text();
    expect(html).toContain('npm run package');
    expect(html).toMatch(/broken\.1\.0\.0\.0\.pbiviz is not a zip archive/);
  });

  test('GET /visual.json, /visual.js and /visual.css serve the packaged visual', async () => {
    const dist = distWith({
      'testVisual123.1.0.0.0.pbiviz': zip({ 'package.json': '{}', 'resources/testVisual123.pbiviz.json': PBIVIZ_JSON }),
    });
    const app = previewRoutes({ distDir: dist });
    const meta = (await (await app.request('/visual.json')).json()) as {
      guid: string;
      stringResources: Record<string, Record<string, string>>;
    };
    expect(meta.guid).toBe('testVisual123');
    expect(meta.stringResources['da-DK']!['Hello']).toBe('Hej');
    expect(await (await app.request('/visual.js')).text()).toBe('var testVisual123 = 1;');
    expect(await (await app.request('/visual.css')).text()).toContain('.sagsflow');
    const page = await (await app.request('/')).text();
    expect(page).toContain('<script type="module" src="/preview/host.js">');
  });

  test('GET /host.js serves the bundled host script', async () => {
    const res = await previewRoutes({ distDir: distWith({}) }).request('/host.js');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toContain('fetchMoreData');
  });

  test('hostPage fills in the base path everywhere and the config once, < escaped and $ kept literally', () => {
    const page = hostPage('<a href="{{basePath}}/x">{{basePath}}</a><script>{{config}}</script>', {
      basePath: '/p$&',
      mode: 'bench',
      windowSize: 5,
    });
    expect(page).toBe('<a href="/p$&#38;/x">/p$&#38;</a><script>{"basePath":"/p$&","mode":"bench","windowSize":5}</script>');
    expect(hostPage('{{config}}', { basePath: '</script>', mode: 'service', windowSize: 1 })).toBe(
      '{"basePath":"\\u003c/script>","mode":"service","windowSize":1}',
    );
  });
});
