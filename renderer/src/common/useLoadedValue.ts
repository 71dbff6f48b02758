import { useEffect, useState } from 'react';

/**
 * What `load` answers, read when the screen opens and again whenever `load` (wrap it in useCallback
 * with what it reads) or `again` changes; undefined until the first answer. The answer before stays
 * shown while the next is read, and one that arrives after `load` or `again` has changed, or after
 * the screen has closed, is dropped, so a slow earlier answer never replaces a later one. A load
 * that fails is logged with `failure`, what could not be read, and the answer before stays.
 */
export function useLoadedValue<Value>(
  load: () => Promise<Value>,
  failure: string,
  again?: unknown,
): Value | undefined {
  const [value, setValue] = useState<{ readonly value: Value } | undefined>();
  useEffect(() => {
    let isCurrent = true;
    load()
      .then((next) => {
        if (isCurrent) setValue({ value: next });
      })
      .catch((error: unknown) => console.error(failure, error));
    return () => {
      isCurrent = false;
    };
  }, [load, failure, again]);
  return value?.value;
}
