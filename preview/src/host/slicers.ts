import { odataFilter, type ServiceApi } from './api';
import { PREVIEW_TEXT } from './preview-text';

/** The slicer choices of the page; `''` means "all". */
export interface SlicerState {
  log: string;
  process: string;
  jobcenter: string;
  period: string;
  /** `steps`: the step table is bound to the visual; `none`: no fields (landing page). */
  fields: 'steps' | 'none';
}

type Options = Record<keyof SlicerState, string[]>;

/**
 * The report's slicers, filled from the service with the page's token (so a token limited
 * to a jobcenter only offers that jobcenter). Calls `onChange` with the new state.
 */
export class Slicers {
  readonly state: SlicerState = { log: '', process: '', jobcenter: '', period: '', fields: 'steps' };
  private readonly selects = new Map<keyof SlicerState, HTMLSelectElement>();

  constructor(
    private readonly api: ServiceApi,
    container: HTMLElement,
    private readonly onChange: (state: SlicerState) => void,
    private readonly text: (typeof PREVIEW_TEXT)[keyof typeof PREVIEW_TEXT] = PREVIEW_TEXT.en,
  ) {
    for (const name of ['log', 'process', 'jobcenter', 'period', 'fields'] as const) {
      const label = document.createElement('label');
      label.textContent = this.text.slicers[name];
      const select = document.createElement('select');
      select.dataset['testid'] = `slicer-${name}`;
      select.addEventListener('change', () => void this.changed(name, select.value));
      label.append(select);
      container.append(label);
      this.selects.set(name, select);
    }
    this.fill('fields', ['steps', 'none'], false);
  }

  /** Loads the logs and the choices of the first one. */
  async init(preferredLog?: string): Promise<void> {
    const logs = (await this.api.odata('Logs', { select: ['name'], orderby: 'name' })).map((r) => String(r['name']));
    this.fill('log', logs, false);
    this.state.log = preferredLog && logs.includes(preferredLog) ? preferredLog : (logs[0] ?? '');
    this.selects.get('log')!.value = this.state.log;
    await this.refreshChoices();
  }

  /** The OData `$filter` of the current choices, for entity sets with the grain columns. */
  filter(): string {
    const { log, process, jobcenter, period } = this.state;
    return odataFilter({ log, process, jobcenter, period });
  }

  private async changed(name: keyof SlicerState, value: string): Promise<void> {
    (this.state as unknown as Record<string, string>)[name] = value;
    if (name === 'log') {
      Object.assign(this.state, { process: '', jobcenter: '', period: '' });
      await this.refreshChoices();
    }
    this.onChange({ ...this.state });
  }

  private async refreshChoices(): Promise<void> {
    const filter = odataFilter({ log: this.state.log });
    const [centers, periods] = await Promise.all([
      this.api.odata('Jobcenters', { filter, select: ['process', 'jobcenter'] }),
      this.api.odata('Periods', { filter, select: ['period'] }),
    ]);
    const distinct = (rows: Record<string, unknown>[], key: string) => [...new Set(rows.map((r) => String(r[key])))].sort();
    const options: Partial<Options> = {
      process: distinct(centers, 'process'),
      jobcenter: distinct(centers, 'jobcenter'),
      period: distinct(periods, 'period'),
    };
    for (const [name, values] of Object.entries(options) as [keyof SlicerState, string[]][]) this.fill(name, values, true);
  }

  private fill(name: keyof SlicerState, values: string[], withAll: boolean): void {
    const select = this.selects.get(name)!;
    const items = withAll ? [['', this.text.all], ...values.map((v) => [v, v])] : values.map((v) => [v, v]);
    select.replaceChildren(
      ...items.map(([value, text]) => {
        const option = document.createElement('option');
        option.value = value!;
        option.textContent = text!;
        return option;
      }),
    );
  }
}
