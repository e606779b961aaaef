import { ServiceApi } from './api';
import { CaseTable } from './case-table';
import { runQuery } from './data-view';
import type { PreviewHandle } from './handle';
import type { SelectionId } from './selection';
import { Slicers, type SlicerState } from './slicers';
import { PREVIEW_TEXT, previewLanguage, TOKEN_COMMAND } from './preview-text';
import { stepFields } from './step-fields';

const TOKEN_KEY = 'sagsflow-preview-token';
const ANALYST_TOKEN_KEY = 'sagsflow-preview-analyst-token';

interface Elements {
  locale: string;
  params: URLSearchParams;
  status: HTMLElement;
  slicers: HTMLElement;
  cases: HTMLElement;
}

/** The variant keys a selection pins (the cross-filter the report applies to other visuals). */
export function variantKeysOf(ids: readonly SelectionId[]): string[] {
  const keys = ids.map((id) => id.fields['Steps.variant_key']).filter((k): k is string => typeof k === 'string');
  return [...new Set(keys)];
}

/**
 * The report: slicers and the case table over the service's tables, the step table bound
 * to the visual. The token comes from `?token=` (kept for the tab in sessionStorage and
 * taken out of the address bar) or is asked for. Case-level rows need an analyst token:
 * `?analystToken=` gives one to the case table alone (else it uses `token`).
 */
export async function startServiceMode(handle: PreviewHandle, el: Elements): Promise<void> {
  const text = PREVIEW_TEXT[previewLanguage(el.locale)];
  const token = el.params.get('token') ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    askForToken(el.status, text);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  const analystToken = el.params.get('analystToken') ?? sessionStorage.getItem(ANALYST_TOKEN_KEY);
  if (analystToken) sessionStorage.setItem(ANALYST_TOKEN_KEY, analystToken);
  if (el.params.has('token') || el.params.has('analystToken')) {
    el.params.delete('token');
    el.params.delete('analystToken');
    history.replaceState(null, '', `${location.pathname}${el.params.size ? `?${el.params}` : ''}`);
  }
  const api = new ServiceApi(token);
  // A click on a case row acts as a selection in another visual of the report: Power BI
  // then cross-highlights the visual (`highlights` arrays in its DataView).
  const caseTable = new CaseTable(analystToken ? new ServiceApi(analystToken) : api, el.cases, el.locale, (key) =>
    handle.feed.highlight(key ? new Set([key]) : undefined),
  );
  const fields = stepFields(handle.meta.capabilities);
  let generation = 0;

  const reload = async (state: SlicerState) => {
    const mine = ++generation;
    el.status.dataset['state'] = 'loading';
    el.status.textContent = text.loading;
    handle.selection.selectFromReport([]);
    caseTable.reset();
    if (state.fields === 'none' || !state.log) {
      handle.feed.show(undefined);
    } else {
      const rows = await api.odata('Steps', { filter: slicers.filter(), select: [...new Set(fields.map((f) => f.column))] });
      if (mine !== generation) return;
      const result = runQuery(handle.meta.capabilities, fields, rows);
      handle.feed.show(result);
      el.status.textContent = text.stepRows(rows.length.toLocaleString(el.locale), result?.rows.length ?? 0);
    }
    await caseTable.show(slicers.filter(), []);
    if (mine !== generation) return;
    if (state.fields === 'none') el.status.textContent = text.noFields;
    el.status.dataset['state'] = 'ready';
    handle.loads++;
  };
  const slicers = new Slicers(api, el.slicers, (state) => void reload(state).catch((e: unknown) => fail(el.status, e)), text);
  handle.selection.onChange((ids) => void caseTable.show(slicers.filter(), variantKeysOf(ids)));
  try {
    await slicers.init(el.params.get('log') ?? undefined);
    await reload(slicers.state);
  } catch (error) {
    fail(el.status, error);
  }
}

function fail(status: HTMLElement, error: unknown): void {
  status.dataset['state'] = 'failed';
  status.textContent = `could not load data: ${error instanceof Error ? error.message : String(error)}`;
}

/** Asks for a token, and says how to make one (`sagsflow token create`). */
function askForToken(status: HTMLElement, text: (typeof PREVIEW_TEXT)[keyof typeof PREVIEW_TEXT]): void {
  const form = document.createElement('form');
  form.dataset['testid'] = 'token-form';
  const input = Object.assign(document.createElement('input'), { placeholder: text.tokenPlaceholder, size: 40 });
  const how = Object.assign(document.createElement('p'), { className: 'token-how' });
  how.dataset['testid'] = 'token-how';
  how.append(`${text.tokenHow} `, Object.assign(document.createElement('code'), { textContent: TOKEN_COMMAND }));
  form.append(`${text.tokenPrompt} `, input, Object.assign(document.createElement('button'), { textContent: text.tokenOpen }), how);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    location.reload();
  });
  status.replaceChildren(form);
  status.dataset['state'] = 'needs-token';
}
