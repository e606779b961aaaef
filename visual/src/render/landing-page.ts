import type { Localizer } from '../i18n';

/**
 * Fills the landing page: which fields to bind for the step table and for a plain event
 * table, one bullet per field. Shown when no field is bound (`supportsLandingPage`).
 */
export function renderLandingPage(container: HTMLDivElement, t: Localizer['t']): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const add = (tag: string, text: string) => {
    const node = doc.createElement(tag);
    node.textContent = text;
    container.appendChild(node);
    return node;
  };
  add('h2', t('Landing_Title'));
  add('p', t('Landing_Intro'));
  add('h3', t('Landing_StepsTitle'));
  list(container, t('Landing_Steps'));
  add('h3', t('Landing_EventsTitle'));
  list(container, t('Landing_Events'));
}

/** A bullet list of the `;`-separated bindings in `text`. */
function list(container: HTMLDivElement, text: string): void {
  const doc = container.ownerDocument;
  const ul = doc.createElement('ul');
  for (const item of text.split(';')) {
    const li = doc.createElement('li');
    li.textContent = item.trim();
    ul.appendChild(li);
  }
  container.appendChild(ul);
}

/** Shows the landing page and hides the map, or the other way round. */
export function toggleLandingPage(landing: HTMLDivElement, main: HTMLDivElement, show: boolean): void {
  landing.hidden = !show;
  main.hidden = show;
}
