import type { Context } from 'hono';

/** The languages of the welcome page. */
type Language = 'en' | 'da';

const TEXT = {
  en: {
    lead: 'Process mining for case work, inside Power BI. This service holds the mined tables; here is what it offers.',
    what: 'What is here',
    preview: 'the process map in a stand-in Power BI report, over the data your token may see',
    odata:
      'the OData feed for Power BI: Get data → OData feed, this URL; at the credentials prompt choose Basic, any user name, the token as the password',
    api: 'the REST API document (OpenAPI), read with a token',
    csv: 'every table as CSV (add ?delimiter=semicolon for Excel with Danish settings)',
    token: 'How to get a token',
    tokenText: 'Tokens are made on the machine that runs the service; only their hashes are stored, so a token is shown once:',
    tokenJob: 'Add --jobcenter "NAME" to limit a token to one jobcenter; --role analyst also reads case-level tables.',
    other: 'Dansk',
  },
  da: {
    lead: 'Procesanalyse af sagsarbejde, i Power BI. Tjenesten rummer de beregnede tabeller; her er, hvad den tilbyder.',
    what: 'Det finder du her',
    preview: 'proceskortet i en stand-in Power BI-rapport, over de data din adgangsnøgle må se',
    odata:
      'OData-feedet til Power BI: Hent data → OData-feed, denne adresse; vælg Basic ved legitimationsoplysninger, et vilkårligt brugernavn og nøglen som adgangskode',
    api: 'REST-API’ets beskrivelse (OpenAPI), læses med en nøgle',
    csv: 'alle tabeller som CSV (tilføj ?delimiter=semicolon til Excel med danske indstillinger)',
    token: 'Sådan får du en adgangsnøgle (token)',
    tokenText: 'Nøgler laves på maskinen, der kører tjenesten; kun deres hash gemmes, så en nøgle vises én gang:',
    tokenJob: 'Tilføj --jobcenter "NAVN" for at begrænse en nøgle til ét jobcenter; --role analyst læser også tabeller på sagsniveau.',
    other: 'English',
  },
} as const;

/** The page's language: `?lang=da|en`, else the browser's first Accept-Language. */
function languageOf(c: Context): Language {
  const asked = c.req.query('lang');
  if (asked === 'da' || asked === 'en') return asked;
  return (c.req.header('accept-language') ?? '').trim().toLowerCase().startsWith('da') ? 'da' : 'en';
}

/**
 * `/`: a small page that says what the service offers (the preview, the OData feed, the API
 * document, the CSV tables) and how to get a token, in Danish or English. It holds no data
 * and needs no token.
 */
export function welcomePage(c: Context): Response {
  const lang = languageOf(c);
  const t = TEXT[lang];
  const origin = new URL(c.req.url).origin;
  const item = (href: string, text: string, id: string) =>
    `<li data-testid="${id}"><a href="${href}"><code>${origin}${href}</code></a>: ${text}</li>`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Sagsflow</title>
<style>
body { font: 15px/1.5 "Segoe UI", system-ui, sans-serif; max-width: 760px; margin: 32px auto; padding: 0 16px; color: #252423; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 24px; }
code { background: #f3f2f1; padding: 1px 4px; border-radius: 3px; } pre { background: #f3f2f1; padding: 8px 12px; overflow-x: auto; }
li { margin-bottom: 6px; } a { color: #0f6cbd; } .lang { float: right; font-size: 13px; }
</style></head>
<body data-testid="welcome">
<a class="lang" href="/?lang=${lang === 'da' ? 'en' : 'da'}">${t.other}</a>
<h1>Sagsflow</h1>
<p>${t.lead}</p>
<h2>${t.what}</h2>
<ul>
${item('/preview', t.preview, 'welcome-preview')}
${item('/odata', t.odata, 'welcome-odata')}
${item('/api/openapi.json', t.api, 'welcome-api')}
${item('/api/tables/steps.csv', t.csv, 'welcome-csv')}
</ul>
<h2>${t.token}</h2>
<p>${t.tokenText}</p>
<pre data-testid="welcome-token">npx sagsflow token create --db sagsflow.sqlite --role viewer</pre>
<p>${t.tokenJob}</p>
</body></html>`;
  return c.html(html);
}
