/** Units a duration label may use, largest first. */
const UNITS = [
  { seconds: 86400, en: ['day', 'days'], da: ['dag', 'dage'] },
  { seconds: 3600, en: ['hour', 'hours'], da: ['time', 'timer'] },
  { seconds: 60, en: ['min', 'min'], da: ['min', 'min'] },
  { seconds: 1, en: ['s', 's'], da: ['sek', 'sek'] },
] as const;

/** Picks the unit for a duration: the largest unit the duration reaches (at least seconds). */
export function durationUnit(seconds: number): (typeof UNITS)[number] {
  const abs = Math.abs(seconds);
  return UNITS.find((unit) => abs >= unit.seconds) ?? UNITS[UNITS.length - 1]!;
}

/**
 * Formats seconds as a short human duration in the locale's language and number format,
 * with at most one decimal: "3,5 dage" / "3.5 days", "1 dag" / "1 day", "45 min", "12 sek".
 * Danish for `da*` locales, English otherwise; NaN gives an en dash.
 * @example formatDuration(302400, 'da-DK') // "3,5 dage"
 */
export function formatDuration(seconds: number, locale: string): string {
  if (!Number.isFinite(seconds)) return '–';
  const unit = durationUnit(seconds);
  const value = Math.round((seconds / unit.seconds) * 10) / 10;
  const number = oneDecimal(locale).format(value);
  const words = isDanish(locale) ? unit.da : unit.en;
  return `${number} ${Math.abs(value) === 1 ? words[0] : words[1]}`;
}

/** True for Danish locales (`da`, `da-DK`). */
export function isDanish(locale: string): boolean {
  return /^da\b/i.test(locale);
}

const formats = new Map<string, Intl.NumberFormat>();

/** One cached number format per locale: creating Intl formats is slow, labels are many. */
function oneDecimal(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    formats.set(locale, format);
  }
  return format;
}
