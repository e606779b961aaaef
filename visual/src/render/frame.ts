/** The visual's fixed DOM skeleton, created once in the constructor. */
export interface Frame {
  readonly root: HTMLDivElement;
  readonly landing: HTMLDivElement;
  readonly main: HTMLDivElement;
  /** Key figures and the filter summary, above the toolbar. */
  readonly summary: HTMLDivElement;
  readonly toolbar: HTMLDivElement;
  readonly mapHost: HTMLDivElement;
  readonly variantPane: HTMLDivElement;
  /** The jobcenter comparison table (comparison mode), in place of the variant pane. */
  readonly comparePane: HTMLDivElement;
  /** What the map's colours and marks mean, under the map. */
  readonly legend: HTMLDivElement;
  readonly message: HTMLDivElement;
}

/**
 * Builds `div.sagsflow` with the landing page, the toolbar, the map area, the variant pane
 * and a message line, and appends it to `element`.
 */
export function createFrame(element: HTMLElement): Frame {
  const doc = element.ownerDocument;
  const div = (className: string, parent: HTMLElement) => {
    const node = doc.createElement('div');
    node.className = className;
    parent.appendChild(node);
    return node;
  };
  const root = div('sagsflow', element);
  const landing = div('sagsflow-landing', root);
  landing.dataset['testid'] = 'landing';
  landing.hidden = true;
  const main = div('sagsflow-main', root);
  const summary = div('sagsflow-summary', main);
  summary.dataset['testid'] = 'key-figures';
  summary.hidden = true;
  const toolbar = div('sagsflow-toolbar', main);
  toolbar.setAttribute('role', 'toolbar');
  const body = div('sagsflow-body', main);
  const mapHost = div('sagsflow-map', body);
  const variantPane = div('sagsflow-variants', body);
  const comparePane = div('sagsflow-variants sagsflow-compare', body);
  comparePane.hidden = true;
  const legend = div('sagsflow-legend', main);
  legend.dataset['testid'] = 'map-legend';
  const message = div('sagsflow-message', main);
  message.setAttribute('role', 'status');
  message.hidden = true;
  return { root, landing, main, summary, toolbar, mapHost, variantPane, comparePane, legend, message };
}

/** Shows `text` in the message line, or hides it when null. */
export function showMessage(frame: Frame, text: string | null): void {
  frame.message.textContent = text ?? '';
  frame.message.hidden = !text;
}
