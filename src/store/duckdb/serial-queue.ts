/**
 * Runs async tasks one at a time, in call order. A DuckDB connection holds one
 * transaction for everything run on it, so two interleaved batches on one connection
 * would commit each other's rows; every use of a connection goes through its queue.
 *
 * @example
 * const queue = new SerialQueue();
 * await Promise.all([queue.run(() => writeA()), queue.run(() => writeB())]); // B starts after A settles
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue only orders tasks; each caller sees its own task's outcome via `result`.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
