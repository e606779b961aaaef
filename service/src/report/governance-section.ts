import type { LogGovernance } from '../db/governance-queries';
import type { Lang } from '../findings/wording';
import { esc } from './svg';

const TEXT = {
  purpose: { da: 'Formål', en: 'Purpose' },
  legalBasis: { da: 'Retsgrundlag', en: 'Legal basis' },
  controller: { da: 'Dataansvarlig', en: 'Data controller' },
  retention: { da: 'Opbevaring', en: 'Retention' },
  notSet: { da: 'ikke angivet', en: 'not set' },
  noLimit: { da: 'ingen grænse', en: 'no limit' },
  years: { da: 'år efter sagens sidste hændelse', en: "years after a case's last event" },
  lineage: { da: 'Datagrundlag', en: 'Lineage' },
  version: { da: 'version', en: 'version' },
  loaded: { da: 'indlæst', en: 'loaded' },
  by: { da: 'af', en: 'by' },
  file: { da: 'Fil (maskeret navn)', en: 'File (masked name)' },
  bytes: { da: 'Bytes', en: 'Bytes' },
  mapping: { da: 'Kolonneopsætning', en: 'Mapping' },
  rules: { da: 'Regelkatalog', en: 'Rule catalogue' },
  model: { da: 'Procesmodel', en: 'Process model' },
  none: { da: 'ingen', en: 'none' },
  unknown: { da: 'ikke registreret (indlæst før sporbarhed blev gemt)', en: 'not recorded (loaded before lineage was kept)' },
} as const;

const t = (key: keyof typeof TEXT, lang: Lang) => TEXT[key][lang];

/**
 * The governance part of the report's method section: the log's purpose, legal basis, data
 * controller and retention, and the lineage of the version reported on (source files with
 * masked names, bytes and SHA-256; the mapping; the rule catalogue and model with their
 * SHA-256; who loaded it and when). Holds no personal data and no counts.
 */
export function governanceHtml(g: LogGovernance | null | undefined, lang: Lang): string {
  if (!g) return '';
  const value = (v: string | null) => (v === null ? `<em>${esc(t('notSet', lang))}</em>` : esc(v));
  const retention = g.retentionYears === null ? t('noLimit', lang) : `${g.retentionYears} ${t('years', lang)}`;
  const purpose =
    `<dl class="governance">` +
    `<dt>${esc(t('purpose', lang))}</dt><dd>${value(g.purpose)}</dd>` +
    `<dt>${esc(t('legalBasis', lang))}</dt><dd>${value(g.legalBasis)}</dd>` +
    `<dt>${esc(t('controller', lang))}</dt><dd>${value(g.controller)}</dd>` +
    `<dt>${esc(t('retention', lang))}</dt><dd>${esc(retention)}</dd></dl>`;
  const l = g.lineage;
  const when = g.loadedAt === null ? '' : ` ${t('loaded', lang)} ${new Date(g.loadedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const who = l?.loadedBy ? ` ${t('by', lang)} ${l.loadedBy}` : '';
  const heading = `<h3>${esc(`${t('lineage', lang)} (${t('version', lang)} ${g.version}${when}${who})`)}</h3>`;
  if (!l || l.sourceFiles.length === 0) return `${purpose}${heading}<p class="small">${esc(t('unknown', lang))}</p>`;
  const rows = l.sourceFiles
    .map(
      (f) =>
        `<tr><td>${esc(f.name)}</td><td>${esc(f.bytes.toLocaleString(lang === 'da' ? 'da-DK' : 'en'))}</td><td><code>${esc(f.sha256)}</code></td></tr>`,
    )
    .join('');
  const files = `<table class="lineage"><thead><tr><th>${esc(t('file', lang))}</th><th>${esc(t('bytes', lang))}</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table>`;
  const named = (x: { name: string; sha256: string } | null) =>
    x ? `${esc(x.name)} (SHA-256 <code>${esc(x.sha256)}</code>)` : esc(t('none', lang));
  const parts =
    `<p class="small">${esc(t('rules', lang))}: ${named(l.rules)}<br>${esc(t('model', lang))}: ${named(l.model)}</p>` +
    (l.mapping === null ? '' : `<p class="small">${esc(t('mapping', lang))}: <code>${esc(JSON.stringify(l.mapping))}</code></p>`);
  return `${purpose}${heading}${files}${parts}`;
}
