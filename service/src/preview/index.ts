import { Hono } from 'hono';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPage, notBuiltPage } from './page';
import { previewBundle, type PreviewBundle } from './preview-bundle';
import { loadVisualPackage, type VisualPackage } from './visual-package';

/** Where `npm run package` (pbiviz at the repository root) writes the `.pbiviz`. */
const REPO_DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

/** The preview's Content-Security-Policy: scripts, data and calls from this origin only. */
export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Options of the preview routes; every field has a default. */
export interface PreviewOptions {
  /** Folder holding the packaged visual (`*.pbiviz`); default the repository's `dist/`. */
  distDir?: string;
  /** URL prefix the routes are mounted at; default `/preview`. */
  basePath?: string;
  /** Rows per `fetchMoreData` window the host hands the visual; default 30,000 as Power BI. */
  windowSize?: number;
}

/**
 * The stand-in Power BI host page and its assets, as a Hono sub-app to mount at `/preview`.
 *
 * The host page and script come from the preview package (`preview/`, built into
 * `preview/dist` by `npm run build`; rebuilt once per process when stale, then served from memory).
 * The page itself holds no data: it calls the service's OData feed with the token it was
 * opened with (`/preview?token=...`), so it sees exactly what that token may see. Mount
 * it outside the token middleware (the page and the visual's code are not secret).
 *
 * Routes: `/` the host page, `/bench` the benchmark page (synthetic rows, no service
 * calls), `/host.js` the host script, `/visual.js`, `/visual.css`, `/visual.json`
 * (guid, capabilities, string resources) from the newest `.pbiviz` in `distDir`.
 *
 * Query parameters of the page: `token` (else asked for; kept in sessionStorage),
 * `analystToken` (for the case table only), `log` (preselected), `locale` (`da-DK`),
 * `highContrast=1`, `window` (rows per fetchMoreData window), `maxRows` (after which
 * fetchMoreData refuses, to see the visual's warning icon).
 *
 * @example
 * app.route('/preview', previewRoutes({ distDir: 'dist' }));
 */
export function previewRoutes(options: PreviewOptions = {}): Hono {
  const distDir = resolve(options.distDir ?? REPO_DIST);
  const basePath = options.basePath ?? '/preview';
  const windowSize = options.windowSize ?? 30_000;
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // The page carries a token in its address until the host script moves it to sessionStorage:
    // no Referer leaves with it, and only this origin's scripts run and are called.
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', PREVIEW_CSP);
  });
  void previewBundle().catch(() => undefined);

  const withPackage = (handler: (pkg: VisualPackage) => Response) => () => {
    const pkg = loadVisualPackage(distDir);
    return pkg ? handler(pkg) : new Response('visual not built: run npm run package', { status: 404 });
  };
  const withBundle = (handler: (bundle: PreviewBundle) => Response) => async () => {
    try {
      return handler(await previewBundle());
    } catch (error) {
      return new Response(`the preview host could not be built (${messageOf(error)}): run npm run build`, { status: 500 });
    }
  };
  const page = (mode: 'service' | 'bench') =>
    withBundle((bundle) => {
      let html: string;
      try {
        html = loadVisualPackage(distDir) ? hostPage(bundle.page, { basePath, mode, windowSize }) : notBuiltPage(distDir);
      } catch (error) {
        html = notBuiltPage(distDir, messageOf(error));
      }
      return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
    });

  app.get('/', page('service'));
  app.get('/bench', page('bench'));
  app.get(
    '/host.js',
    withBundle((bundle) => new Response(bundle.host, { headers: script() })),
  );
  app.get(
    '/visual.js',
    withPackage((pkg) => new Response(pkg.js, { headers: script() })),
  );
  app.get(
    '/visual.css',
    withPackage((pkg) => new Response(pkg.css, { headers: { 'content-type': 'text/css; charset=utf-8' } })),
  );
  app.get(
    '/visual.json',
    withPackage((pkg) =>
      Response.json({
        guid: pkg.guid,
        displayName: pkg.displayName,
        version: pkg.version,
        apiVersion: pkg.apiVersion,
        bytes: pkg.bytes,
        capabilities: pkg.capabilities,
        stringResources: pkg.stringResources,
      }),
    ),
  );
  return app;
}

function script(): Record<string, string> {
  return { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
