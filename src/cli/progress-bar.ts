import cliProgress from 'cli-progress';
import type { BuildProgress } from '../engine.js';

/**
 * A progress bar for an index build on a terminal (files read, passages, seconds), on stderr so that stdout stays
 * for the command's output. Not on a terminal it does nothing: the log says how the build goes.
 */
export function buildProgressBar(stream: NodeJS.WriteStream = process.stderr): (progress: BuildProgress) => void {
  if (!stream.isTTY) return () => {};
  const bar = new cliProgress.SingleBar(
    { stream, format: '索引 |{bar}| {value}/{total} 个文件 · {passages} 个段落 · {duration}s · {stage}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return (progress) => {
    if (!started) {
      bar.start(progress.total, progress.done, { passages: progress.passages, stage: progress.stage });
      started = true;
    }
    bar.update(progress.done, { passages: progress.passages, stage: progress.stage });
    if (progress.stage === 'done') bar.stop();
  };
}
