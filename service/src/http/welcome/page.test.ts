import { describe, expect, it } from 'vitest';
import { nextSteps } from '../../cli/serve';
import { fixtureApp } from '../../testing/http-fixture';

describe('GET / (first contact)', () => {
  const { get } = fixtureApp({ seed: false });

  it('lists the preview, the feed, the API document and how to get a token, without a token', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const path of ['/preview', '/odata', '/api/openapi.json', '/api/tables/steps.csv']) expect(html).toContain(`href="${path}"`);
    expect(html).toContain('npx sagsflow token create --db sagsflow.sqlite --role viewer');
    expect(html).toContain('lang="en"');
  });

  it('speaks Danish for ?lang=da and for a Danish browser', async () => {
    expect(await (await get('/?lang=da')).text()).toContain('Sådan får du en adgangsnøgle');
    const danish = await get('/', undefined, { headers: { 'accept-language': 'da-DK,da;q=0.9,en;q=0.8' } });
    expect(await danish.text()).toContain('lang="da"');
  });
});

describe('nextSteps', () => {
  it('names the welcome page, the token command for this database, the preview and the feed', () => {
    const text = nextSteps('http://127.0.0.1:8787', 'my data.sqlite');
    expect(text).toContain('http://127.0.0.1:8787/\n');
    expect(text).toContain('npx sagsflow token create --db "my data.sqlite" --role viewer');
    expect(text).toContain('http://127.0.0.1:8787/preview?token=TOKEN');
    expect(text).toContain('http://127.0.0.1:8787/odata');
  });
});
