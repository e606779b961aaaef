import { createHash } from 'node:crypto';

/** SHA-256 round constants (FIPS 180-4, 4.2.2). */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 initial hash value (FIPS 180-4, 5.3.3). */
const H0 = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const BLOCK = 64;

/** The SHA-256 compression of the 64-byte block of `bytes` at `at` into `state` (FIPS 180-4, 6.2.2); `w` is scratch. */
function compress(state: Int32Array, w: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++, at += 4) w[i] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** The state after the first block, the key XOR `pad` (RFC 2104). */
function padState(key: Uint8Array, pad: number, w: Int32Array): Int32Array {
  const block = new Uint8Array(BLOCK).fill(pad);
  for (let i = 0; i < key.length; i++) block[i] = key[i]! ^ pad;
  const state = H0.slice();
  compress(state, w, block, 0);
  return state;
}

/**
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) under `key` of UTF-8 text, computed in JavaScript with the
 * key's inner and outer states prepared once: two block compressions per value of up to 55 bytes,
 * no native call and no allocation. Writes the digest's first `bytes` bytes (at most 32) into
 * `out` at `at`; the same digest as `createHmac('sha256', key)`.
 */
export function createHmacSha256(key: Buffer): (value: string, out: Uint8Array, at: number, bytes: number) => void {
  const k = key.length > BLOCK ? createHash('sha256').update(key).digest() : key;
  const w = new Int32Array(64);
  const inner = padState(k, 0x36, w);
  const outer = padState(k, 0x5c, w);
  const state = new Int32Array(8);
  let message = Buffer.alloc(4 * BLOCK);
  return (value, out, at, bytes) => {
    // The value's UTF-8 bytes, then the padding of a message that follows the key's block.
    if (value.length * 3 + 2 * BLOCK > message.length) message = Buffer.alloc(value.length * 3 + 2 * BLOCK);
    let n = 0;
    for (; n < value.length; n++) {
      const code = value.charCodeAt(n);
      if (code >= 0x80) break;
      message[n] = code;
    }
    if (n < value.length) n = message.write(value, 'utf8');
    const blocks = (n + 9 + BLOCK - 1) >>> 6;
    const end = blocks * BLOCK;
    message[n] = 0x80;
    message.fill(0, n + 1, end - 4);
    const bits = (BLOCK + n) * 8;
    message.writeUInt32BE(bits >>> 0, end - 4);
    message.writeUInt32BE(Math.floor(bits / 2 ** 32), end - 8);
    state.set(inner);
    for (let b = 0; b < end; b += BLOCK) compress(state, w, message, b);
    // The outer hash of the inner digest: one block (32 bytes, 0x80, zeros, length 96 * 8).
    for (let i = 0; i < 8; i++) message.writeInt32BE(state[i]!, 4 * i);
    message[32] = 0x80;
    message.fill(0, 33, 62);
    message[62] = 0x03;
    message[63] = 0x00;
    state.set(outer);
    compress(state, w, message, 0);
    for (let i = 0; i < bytes; i++) out[at + i] = (state[i >>> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
  };
}
