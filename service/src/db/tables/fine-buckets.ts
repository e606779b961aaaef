import { integer, real } from 'drizzle-orm/sqlite-core';

/**
 * The 150 columns of the fine duration histogram of the data contract (see
 * `shared/src/histogram/fine-buckets.ts`): `d00`..`d74` count the durations per fine bucket,
 * `s00`..`s74` sum their seconds. Spelled out so that drizzle infers each key;
 * `client.test.ts` checks them against `FINE_COUNT_COLUMNS` and `FINE_SECONDS_COLUMNS`.
 */
export const FINE_HISTOGRAM_KEYS = [
  'd00', 'd01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 'd09', 'd10', 'd11', 'd12', 'd13', 'd14',
  'd15', 'd16', 'd17', 'd18', 'd19', 'd20', 'd21', 'd22', 'd23', 'd24', 'd25', 'd26', 'd27', 'd28', 'd29',
  'd30', 'd31', 'd32', 'd33', 'd34', 'd35', 'd36', 'd37', 'd38', 'd39', 'd40', 'd41', 'd42', 'd43', 'd44',
  'd45', 'd46', 'd47', 'd48', 'd49', 'd50', 'd51', 'd52', 'd53', 'd54', 'd55', 'd56', 'd57', 'd58', 'd59',
  'd60', 'd61', 'd62', 'd63', 'd64', 'd65', 'd66', 'd67', 'd68', 'd69', 'd70', 'd71', 'd72', 'd73', 'd74',
  's00', 's01', 's02', 's03', 's04', 's05', 's06', 's07', 's08', 's09', 's10', 's11', 's12', 's13', 's14',
  's15', 's16', 's17', 's18', 's19', 's20', 's21', 's22', 's23', 's24', 's25', 's26', 's27', 's28', 's29',
  's30', 's31', 's32', 's33', 's34', 's35', 's36', 's37', 's38', 's39', 's40', 's41', 's42', 's43', 's44',
  's45', 's46', 's47', 's48', 's49', 's50', 's51', 's52', 's53', 's54', 's55', 's56', 's57', 's58', 's59',
  's60', 's61', 's62', 's63', 's64', 's65', 's66', 's67', 's68', 's69', 's70', 's71', 's72', 's73', 's74',
] as const;

/** Column builders for the fine histogram: counts (integer) and summed seconds (real) per fine bucket. */
export function fineHistogramColumns() {
  return {
    d00: integer('d00').notNull().default(0), d01: integer('d01').notNull().default(0), d02: integer('d02').notNull().default(0),
    d03: integer('d03').notNull().default(0), d04: integer('d04').notNull().default(0), d05: integer('d05').notNull().default(0),
    d06: integer('d06').notNull().default(0), d07: integer('d07').notNull().default(0), d08: integer('d08').notNull().default(0),
    d09: integer('d09').notNull().default(0), d10: integer('d10').notNull().default(0), d11: integer('d11').notNull().default(0),
    d12: integer('d12').notNull().default(0), d13: integer('d13').notNull().default(0), d14: integer('d14').notNull().default(0),
    d15: integer('d15').notNull().default(0), d16: integer('d16').notNull().default(0), d17: integer('d17').notNull().default(0),
    d18: integer('d18').notNull().default(0), d19: integer('d19').notNull().default(0), d20: integer('d20').notNull().default(0),
    d21: integer('d21').notNull().default(0), d22: integer('d22').notNull().default(0), d23: integer('d23').notNull().default(0),
    d24: integer('d24').notNull().default(0), d25: integer('d25').notNull().default(0), d26: integer('d26').notNull().default(0),
    d27: integer('d27').notNull().default(0), d28: integer('d28').notNull().default(0), d29: integer('d29').notNull().default(0),
    d30: integer('d30').notNull().default(0), d31: integer('d31').notNull().default(0), d32: integer('d32').notNull().default(0),
    d33: integer('d33').notNull().default(0), d34: integer('d34').notNull().default(0), d35: integer('d35').notNull().default(0),
    d36: integer('d36').notNull().default(0), d37: integer('d37').notNull().default(0), d38: integer('d38').notNull().default(0),
    d39: integer('d39').notNull().default(0), d40: integer('d40').notNull().default(0), d41: integer('d41').notNull().default(0),
    d42: integer('d42').notNull().default(0), d43: integer('d43').notNull().default(0), d44: integer('d44').notNull().default(0),
    d45: integer('d45').notNull().default(0), d46: integer('d46').notNull().default(0), d47: integer('d47').notNull().default(0),
    d48: integer('d48').notNull().default(0), d49: integer('d49').notNull().default(0), d50: integer('d50').notNull().default(0),
    d51: integer('d51').notNull().default(0), d52: integer('d52').notNull().default(0), d53: integer('d53').notNull().default(0),
    d54: integer('d54').notNull().default(0), d55: integer('d55').notNull().default(0), d56: integer('d56').notNull().default(0),
    d57: integer('d57').notNull().default(0), d58: integer('d58').notNull().default(0), d59: integer('d59').notNull().default(0),
    d60: integer('d60').notNull().default(0), d61: integer('d61').notNull().default(0), d62: integer('d62').notNull().default(0),
    d63: integer('d63').notNull().default(0), d64: integer('d64').notNull().default(0), d65: integer('d65').notNull().default(0),
    d66: integer('d66').notNull().default(0), d67: integer('d67').notNull().default(0), d68: integer('d68').notNull().default(0),
    d69: integer('d69').notNull().default(0), d70: integer('d70').notNull().default(0), d71: integer('d71').notNull().default(0),
    d72: integer('d72').notNull().default(0), d73: integer('d73').notNull().default(0), d74: integer('d74').notNull().default(0),
    s00: real('s00').notNull().default(0), s01: real('s01').notNull().default(0), s02: real('s02').notNull().default(0),
    s03: real('s03').notNull().default(0), s04: real('s04').notNull().default(0), s05: real('s05').notNull().default(0),
    s06: real('s06').notNull().default(0), s07: real('s07').notNull().default(0), s08: real('s08').notNull().default(0),
    s09: real('s09').notNull().default(0), s10: real('s10').notNull().default(0), s11: real('s11').notNull().default(0),
    s12: real('s12').notNull().default(0), s13: real('s13').notNull().default(0), s14: real('s14').notNull().default(0),
    s15: real('s15').notNull().default(0), s16: real('s16').notNull().default(0), s17: real('s17').notNull().default(0),
    s18: real('s18').notNull().default(0), s19: real('s19').notNull().default(0), s20: real('s20').notNull().default(0),
    s21: real('s21').notNull().default(0), s22: real('s22').notNull().default(0), s23: real('s23').notNull().default(0),
    s24: real('s24').notNull().default(0), s25: real('s25').notNull().default(0), s26: real('s26').notNull().default(0),
    s27: real('s27').notNull().default(0), s28: real('s28').notNull().default(0), s29: real('s29').notNull().default(0),
    s30: real('s30').notNull().default(0), s31: real('s31').notNull().default(0), s32: real('s32').notNull().default(0),
    s33: real('s33').notNull().default(0), s34: real('s34').notNull().default(0), s35: real('s35').notNull().default(0),
    s36: real('s36').notNull().default(0), s37: real('s37').notNull().default(0), s38: real('s38').notNull().default(0),
    s39: real('s39').notNull().default(0), s40: real('s40').notNull().default(0), s41: real('s41').notNull().default(0),
    s42: real('s42').notNull().default(0), s43: real('s43').notNull().default(0), s44: real('s44').notNull().default(0),
    s45: real('s45').notNull().default(0), s46: real('s46').notNull().default(0), s47: real('s47').notNull().default(0),
    s48: real('s48').notNull().default(0), s49: real('s49').notNull().default(0), s50: real('s50').notNull().default(0),
    s51: real('s51').notNull().default(0), s52: real('s52').notNull().default(0), s53: real('s53').notNull().default(0),
    s54: real('s54').notNull().default(0), s55: real('s55').notNull().default(0), s56: real('s56').notNull().default(0),
    s57: real('s57').notNull().default(0), s58: real('s58').notNull().default(0), s59: real('s59').notNull().default(0),
    s60: real('s60').notNull().default(0), s61: real('s61').notNull().default(0), s62: real('s62').notNull().default(0),
    s63: real('s63').notNull().default(0), s64: real('s64').notNull().default(0), s65: real('s65').notNull().default(0),
    s66: real('s66').notNull().default(0), s67: real('s67').notNull().default(0), s68: real('s68').notNull().default(0),
    s69: real('s69').notNull().default(0), s70: real('s70').notNull().default(0), s71: real('s71').notNull().default(0),
    s72: real('s72').notNull().default(0), s73: real('s73').notNull().default(0), s74: real('s74').notNull().default(0),
  };
}
