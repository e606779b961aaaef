/** What the host page's script needs to start; embedded in the page as JSON. */
export interface PageConfig {
  /** URL prefix of the preview routes, e.g. `/preview`. */
  basePath: string;
  /** `service`: slicers over the service's data; `bench`: synthetic data for the benchmark. */
  mode: 'service' | 'bench';
  /** Rows per `fetchMoreData` window. */
  windowSize: number;
}

const STYLE = `
body { font: 13px/1.4 "Segoe UI", system-ui, sans-serif; margin: 0; color: #252423; background: #f3f2f1; }
header { display: flex; gap: 12px; align-items: end; padding: 10px 16px; background: #fff; border-bottom: 1px solid #e1dfdd; flex-wrap: wrap; }
header h1 { font-size: 15px; margin: 0 16px 4px 0; }
#slicers { display: flex; gap: 12px; flex-wrap: wrap; }
header label { display: flex; flex-direction: column; font-size: 11px; color: #605e5c; }
header select { min-width: 140px; padding: 3px; }
#status { margin-left: auto; font-size: 11px; color: #605e5c; }
#warning { color: #a4262c; font-size: 11px; }
main { display: grid; grid-template-columns: 1fr 320px; gap: 12px; padding: 12px 16px; }
#visual-frame { background: #fff; border: 1px solid #e1dfdd; height: 640px; position: relative; overflow: hidden; }
#visual-frame.bench { height: 700px; }
aside { background: #fff; border: 1px solid #e1dfdd; padding: 8px; overflow: auto; max-height: 624px; }
aside h2 { font-size: 13px; margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; padding: 2px 4px; border-bottom: 1px solid #edebe9; }
td.num { text-align: right; }
#tooltip { position: fixed; pointer-events: none; background: #fff; border: 1px solid #8a8886; padding: 4px 8px; font-size: 12px; box-shadow: 0 2px 6px #0003; display: none; z-index: 10; }
#message { padding: 24px; font-size: 15px; }
.token-how { margin: 4px 0 0; }
code { background: #f3f2f1; padding: 1px 4px; }
`;

/** The stand-in Power BI host page: slicers, the visual's frame, the case table. */
export function hostPage(config: PageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sagsflow preview</title>
<style>${STYLE}</style>
<link rel="stylesheet" href="${config.basePath}/visual.css">
</head>
<body>
<header>
  <h1 id="page-title">Sagsflow preview</h1>
  <span id="slicers"></span>
  <span id="warning" data-testid="host-warning"></span>
  <span id="status" data-testid="host-status">loading…</span>
</header>
<main>
  <div id="visual-frame" data-testid="visual-frame"></div>
  <aside><h2 id="cases-title">Cases</h2><div id="cases" data-testid="case-table"></div></aside>
</main>
<div id="tooltip" data-testid="host-tooltip"></div>
<script id="preview-config" type="application/json">${json}</script>
<script type="module" src="${config.basePath}/host.js"></script>
</body>
</html>`;
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
