import { useEffect, useState } from 'react';
import type { Result } from '@shared/result';

/**
 * The result of `load`, run again whenever `load` changes (wrap it in useCallback with what it
 * reads); undefined while it runs. An answer that arrives after `load` has changed is dropped, so a
 * slow earlier answer never replaces a later one.
 */
export function useAsyncResult<Value, Code extends string>(
  load: () => Promise<Result<Value, Code>>,
): Result<Value, Code> | undefined {
  const [answer, setAnswer] = useState<{ load: typeof load; result: Result<Value, Code> } | undefined>();
  useEffect(() => {
    let isCurrent = true;
    void load().then((result) => {
      if (isCurrent) setAnswer({ load, result });
    });
    return () => {
      isCurrent = false;
    };
  }, [load]);
  return answer?.load === load ? answer.result : undefined;
}
