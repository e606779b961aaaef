import type { Localizer } from '../i18n';

/**
 * Fills the landing page: which fields to bind for the step table and for a plain event
 * table. Shown when no field is bound (`supportsLandingPage`).
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
  add('p', t('Landing_Steps'));
  add('h3', t('Landing_EventsTitle'));
  add('p', t('Landing_Events'));
}

/** Shows the landing page and hides the map, or the other way round. */
export function toggleLandingPage(landing: HTMLDivElement, main: HTMLDivElement, show: boolean): void {
  landing.hidden = !show;
  main.hidden = show;
}
