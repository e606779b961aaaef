import { civilFromDays } from './calendar';
import type { Rng } from './prng';

/** Common Danish first and last names (generated people only; no real persons). */
export const FEMALE_FIRST_NAMES = [
  'Anne',
  'Kirsten',
  'Mette',
  'Hanne',
  'Anna',
  'Helle',
  'Susanne',
  'Lene',
  'Maria',
  'Marianne',
  'Camilla',
  'Louise',
  'Pia',
  'Charlotte',
  'Sofie',
  'Ida',
  'Emma',
  'Freja',
  'Julie',
  'Signe',
] as const;
export const MALE_FIRST_NAMES = [
  'Peter',
  'Michael',
  'Jens',
  'Lars',
  'Thomas',
  'Henrik',
  'Søren',
  'Christian',
  'Martin',
  'Jan',
  'Morten',
  'Jesper',
  'Anders',
  'Mads',
  'Rasmus',
  'Niels',
  'Frederik',
  'Mikkel',
  'Jonas',
  'Ahmad',
] as const;
export const LAST_NAMES = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Christiansen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Holm',
  'Østergaard',
  'Ali',
  'Yilmaz',
] as const;

const PLACES = [
  'Amager',
  'Nordhavn',
  'Valby',
  'Østerbro',
  'Sundby',
  'Brønshøj',
  'Christianshavn',
  'Nørrebro',
  'Vesterbro',
  'Ørestad',
  'Sydhavn',
  'Bispebjerg',
  'Vanløse',
  'Kongens',
] as const;
const TRADES = [
  'Byg',
  'Rengøring',
  'Logistik',
  'IT',
  'Catering',
  'Malerfirma',
  'VVS',
  'Tømrer',
  'Plejecenter',
  'Transport',
  'Café',
  'El-service',
  'Revision',
  'Ejendomsservice',
  'Bageri',
] as const;
const COMPANY_FORMS = ['ApS', 'A/S', 'I/S', 'ApS', 'A/S'] as const;

/** A generated citizen or company: the Borger column and the CPR column (empty for companies). */
export interface Subject {
  name: string;
  cpr: string;
}

/**
 * A generated citizen: a common Danish name and a fake CPR number `DDMMYY-SSSS` whose
 * birth date makes the person `minAge`-`maxAge` years old on `onDay`. The 7th digit
 * agrees with the birth century and the last digit with the gender (odd = male), as in
 * real numbers; the number is NOT modulus-11 checked: it is made up, never looked up.
 */
export function generateCitizen(rng: Rng, onDay: number, minAge: number, maxAge: number): Subject {
  const female = rng.chance(0.5);
  const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const age = minAge + rng.float() * (maxAge + 1 - minAge);
  const birth = civilFromDays(onDay - Math.floor(age * 365.2425));
  const yy = birth.year % 100;
  const seventh = birth.year >= 2000 ? rng.pick([4, 9]) : yy >= 37 ? rng.pick([0, 1, 2, 3, 4, 9]) : rng.int(4);
  const last3 = rng.int(50) * 2 + (female ? 0 : 1);
  const serial = `${seventh}${rng.int(10)}${pad(last3, 2)}`;
  return { name: `${first} ${last}`, cpr: `${pad(birth.day, 2)}${pad(birth.month, 2)}${pad(yy, 2)}-${serial}` };
}

/** A generated company (for recruitment requests): a name, and no CPR. */
export function generateCompany(rng: Rng): Subject {
  return { name: `${rng.pick(PLACES)} ${rng.pick(TRADES)} ${rng.pick(COMPANY_FORMS)}`, cpr: '' };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
