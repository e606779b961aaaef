import { it } from 'vitest';
import { fixtureApp } from '../service/src/http/test-fixture';
import { createApp } from '../service/src/app';
it('x', async () => {
  const fx = fixtureApp();
  const app = createApp({ db: fx.store.db, sqlite: fx.store.sqlite, dbPath: fx.store.path, uploadDir: '/tmp', log: (m) => console.log('LOG', m), preview: false });
  const r = await app.request('/api/logs/demo/effect?date=2024-02-01', { headers: { Authorization: `Bearer ${fx.tokens.analyst}` } });
  console.log(r.status, await r.text());
});
