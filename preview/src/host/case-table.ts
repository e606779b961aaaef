import { ServiceError, type ServiceApi } from './api';
import type { Row } from './types';

const SHOWN = 200;

/**
 * The report's small case table: the cases under the slicers, narrowed to the variants
 * selected in the visual (cross-filtering through the variant key). Case-level data is
 * analyst-only in the service, so a viewer token gets a message instead.
 */
export class CaseTable {
  private generation = 0;
  private picked: string | undefined;

  /** `onPick` gets the variant key of a clicked case row (undefined when clicked again). */
  constructor(
    private readonly api: ServiceApi,
    private readonly container: HTMLElement,
    private readonly locale: string,
    private readonly onPick: (variantKey: string | undefined) => void = () => {},
  ) {}

  async show(filter: string, variantKeys: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    const byVariant = variantKeys.length ? `(${variantKeys.map((k) => `variant_key eq '${k.replace(/'/g, "''")}'`).join(' or ')})` : '';
    const full = [filter, byVariant].filter(Boolean).join(' and ');
    let rows: Row[];
    try {
      rows = await this.api.odata('Cases', {
        filter: full || undefined,
        select: ['case_id', 'jobcenter', 'period', 'events', 'duration_seconds', 'variant_key'],
        orderby: 'case_id',
      });
    } catch (error) {
      if (generation !== this.generation) return;
      const denied = error instanceof ServiceError && (error.status === 401 || error.status === 403);
      this.message(denied ? 'Case-level data needs an analyst token.' : `Could not load cases: ${(error as Error).message}`);
      return;
    }
    if (generation !== this.generation) return;
    this.render(rows, variantKeys.length);
  }

  private render(rows: Row[], selectedVariants: number): void {
    const days = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    const count = document.createElement('p');
    count.dataset['testid'] = 'case-count';
    count.dataset['count'] = String(rows.length);
    count.textContent = `${rows.length.toLocaleString(this.locale)} cases${selectedVariants ? ` in ${selectedVariants} selected variant(s)` : ''}`;
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const title of ['case', 'jobcenter', 'events', 'days'])
      head.append(Object.assign(document.createElement('th'), { textContent: title }));
    const body = table.createTBody();
    for (const row of rows.slice(0, SHOWN)) {
      const tr = body.insertRow();
      tr.dataset['testid'] = 'case-row';
      tr.dataset['caseId'] = String(row['case_id']);
      tr.dataset['variantKey'] = String(row['variant_key']);
      tr.style.cursor = 'pointer';
      if (this.picked === tr.dataset['variantKey']) tr.style.background = '#deecf9';
      tr.addEventListener('click', () => this.pick(tr.dataset['variantKey']!));
      const cells = [row['case_id'], row['jobcenter'], row['events'], days.format(Number(row['duration_seconds']) / 86400)];
      cells.forEach((value, i) => {
        const td = tr.insertCell();
        td.textContent = String(value ?? '');
        if (i >= 2) td.className = 'num';
      });
    }
    this.container.replaceChildren(count, table);
  }

  private pick(variantKey: string): void {
    this.picked = this.picked === variantKey ? undefined : variantKey;
    for (const tr of this.container.querySelectorAll<HTMLElement>('[data-testid=case-row]')) {
      tr.style.background = tr.dataset['variantKey'] === this.picked ? '#deecf9' : '';
    }
    this.onPick(this.picked);
  }

  /** Forgets the picked row (new slicer choices). */
  reset(): void {
    this.picked = undefined;
  }

  private message(text: string): void {
    const p = document.createElement('p');
    p.dataset['testid'] = 'case-message';
    p.textContent = text;
    this.container.replaceChildren(p);
  }
}
