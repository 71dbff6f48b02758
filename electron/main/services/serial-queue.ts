/**
 * Runs the tasks given to it one after another, in the order given, so two quick changes to one
 * file cannot land out of order or interleave. A task that fails does not stop those after it.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
}
