/**
 * An object's keys as stored (in their own order), sorted, and each sorted key written as JSON
 * with its colon (`heads`), and with a comma before it (`nextHeads`).
 */
export type KeyShape = {
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  readonly heads: readonly string[];
  readonly nextHeads: readonly string[];
};

/** The key shapes met most recently, the latest first. */
const recentShapes: KeyShape[] = [];
/** A table's rows share a handful of shapes (the row, its sealed box, nested lists' items). */
const shapesKept = 32;

/**
 * The shape of an object with these keys, in this order, for writing it with its keys sorted
 * (a backup's rows, a sealed row's binding). The rows of a table mostly share a few shapes, so an
 * object's keys are compared with the shapes met last, key by key, before they are sorted and
 * written as JSON again: on the large home's pages, sorting and writing each row's keys was about
 * a fifth of serialising it for a backup. The default sort orders keys by UTF-16 code units.
 */
export function keyShapeOf(keys: readonly string[]): KeyShape {
  search: for (const shape of recentShapes) {
    if (shape.keys.length !== keys.length) continue;
    for (let at = 0; at < keys.length; at += 1) if (shape.keys[at] !== keys[at]) continue search;
    return shape;
  }
  const sorted = [...keys].sort();
  const heads = sorted.map((key) => `${JSON.stringify(key)}:`);
  const shape: KeyShape = { keys, sorted, heads, nextHeads: heads.map((head) => `,${head}`) };
  if (recentShapes.length >= shapesKept) recentShapes.pop();
  recentShapes.unshift(shape);
  return shape;
}
