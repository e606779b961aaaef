type TypedArray = Uint8Array | Uint32Array | Int32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/**
 * Returns `array` if it holds at least `min` elements, else a copy with doubled
 * capacity (with `exact`, of `min` elements); new slots are set to `fill`.
 */
export function ensureCapacity<T extends TypedArray>(array: T, min: number, make: TypedArrayConstructor<T>, fill = 0, exact = false): T {
  if (array.length >= min) return array;
  let size = exact ? min : Math.max(1024, array.length * 2);
  while (size < min) size *= 2;
  const grown = new make(size);
  grown.set(array as never);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}
