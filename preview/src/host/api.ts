import type { Row } from './types';

/** A failed call to the service, with the status so the page can say "needs an analyst token". */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Calls the service with the page's token, the way Power BI's OData connector would. */
export class ServiceApi {
  constructor(private readonly token: string) {}

  async json<T>(url: string): Promise<T> {
    // credentials 'omit': the token travels in the header, and a 401 with a Basic challenge
    // (for Power BI's dialog) then comes back as a response instead of a browser login prompt.
    const response = await fetch(url, {
      credentials: 'omit',
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
    });
    if (!response.ok) {
      const text = (await response.text()).slice(0, 200);
      throw new ServiceError(response.status, `${response.status} from ${url.split('?')[0]}: ${text}`);
    }
    return (await response.json()) as T;
  }

  /** All rows of an entity set under a `$filter`, following `@odata.nextLink` pages. */
  async odata(entitySet: string, query: { filter?: string; select?: string[]; orderby?: string; top?: number } = {}): Promise<Row[]> {
    const params = new URLSearchParams();
    if (query.filter) params.set('$filter', query.filter);
    if (query.select) params.set('$select', query.select.join(','));
    if (query.orderby) params.set('$orderby', query.orderby);
    if (query.top !== undefined) params.set('$top', String(query.top));
    let url: string | undefined = `/odata/${entitySet}${params.size ? `?${params}` : ''}`;
    const rows: Row[] = [];
    while (url) {
      const page: { value: Row[]; '@odata.nextLink'?: string } = await this.json(url);
      rows.push(...page.value);
      if (query.top !== undefined && rows.length >= query.top) break;
      url = page['@odata.nextLink'];
    }
    return rows;
  }
}

/** `a eq 'x' and b eq 'y'` for the chosen slicer values (empty choices are left out). */
export function odataFilter(conditions: Record<string, string | number | undefined>): string {
  return Object.entries(conditions)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k} eq ${typeof v === 'number' ? v : `'${String(v).replace(/'/g, "''")}'`}`)
    .join(' and ');
}
