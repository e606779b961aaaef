/** What the host page's script needs to start (`preview/src/host/main.ts`); embedded in the page as JSON. */
export interface PageConfig {
  /** URL prefix of the preview routes, e.g. `/preview`. */
  basePath: string;
  /** `service`: slicers over the service's data; `bench`: synthetic data for the benchmark. */
  mode: 'service' | 'bench';
  /** Rows per `fetchMoreData` window. */
  windowSize: number;
}

/**
 * The host page for `config`: the preview package's page template (`preview/src/page.html`)
 * with the base path and the JSON config filled in.
 */
export function hostPage(template: string, config: PageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const basePath = escapeHtml(config.basePath);
  return template.replaceAll('{{basePath}}', () => basePath).replace('{{config}}', () => json);
}

/** The page shown while no `.pbiviz` is built (or the newest one cannot be read: `problem`). */
export function notBuiltPage(distDir: string, problem?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sagsflow preview</title></head>
<body style="font: 15px system-ui, sans-serif; padding: 24px">
<h1>Sagsflow preview</h1>
<p data-testid="not-built">${problem ? 'The visual cannot be loaded' : 'The visual is not built yet'}: no readable <code>.pbiviz</code> in <code>${escapeHtml(distDir)}</code>.
Run <code>npm run package</code> in the repository root, then reload this page.</p>
${problem ? `<p data-testid="broken-package">The newest package could not be read: ${escapeHtml(problem)}</p>` : ''}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
