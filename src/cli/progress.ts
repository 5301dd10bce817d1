import cliProgress from 'cli-progress';

export interface Progress {
  update(documents: number, failures: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** A progress line on stderr, only when stderr is a terminal and output is for humans. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{spinner} {value} documents | {rate}/s | {failures} failed | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const spinner = ['|', '/', '-', '\\'];
  let tick = 0;
  bar.start(0, 0, { rate: 0, failures: 0, spinner: spinner[0] });
  return {
    update(documents, failures) {
      const secs = (performance.now() - started) / 1000;
      bar.setTotal(documents);
      bar.update(documents, {
        rate: Math.round(documents / Math.max(secs, 1e-3)),
        failures,
        spinner: spinner[tick++ % spinner.length],
      });
    },
    stop() {
      bar.stop();
    },
  };
}
