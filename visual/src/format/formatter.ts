import { formatDuration, isDanish } from './duration';

/** Locale-bound number formatting for everything the visual draws. */
export interface Formatter {
  readonly locale: string;
  /** An exact count with grouping: "1.234" (da) / "1,234" (en). */
  count(value: number): string;
  /** A count with its noun: "1.234 sager" / "1,234 cases", "1 sag" / "1 case". */
  cases(value: number): string;
  /** A share 0..1 as a percentage with one decimal: "12,5 %" / "12.5%". */
  percent(share: number): string;
  /** A duration in seconds: "3,5 dage" / "3.5 days". */
  duration(seconds: number): string;
}

/**
 * Builds the formatter for a Power BI locale (`host.locale`), e.g. "da-DK" or "en-US".
 * Unknown or empty locales format as en-US.
 * @example createFormatter('da-DK').cases(1234) // "1.234 sager"
 */
export function createFormatter(locale: string | undefined): Formatter {
  const tag = supportedLocale(locale);
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const danish = isDanish(tag);
  return {
    locale: tag,
    count: (value) => integer.format(value),
    cases: (value) => {
      const noun = danish ? (value === 1 ? 'sag' : 'sager') : value === 1 ? 'case' : 'cases';
      return `${integer.format(value)} ${noun}`;
    },
    percent: (share) => percent.format(share),
    duration: (seconds) => formatDuration(seconds, tag),
  };
}

function supportedLocale(locale: string | undefined): string {
  if (!locale) return 'en-US';
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}
