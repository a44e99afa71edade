/**
 * The child process of runInProcess (run-in-process.ts): runs the one job it is sent, answers and exits. It exits
 * too when its parent goes (the channel closes), so that no job outlives the server.
 */
process.once('message', async (message: { module: string; job: unknown }) => {
  let reply: { ok: true; value: unknown } | { ok: false; error: string };
  try {
    const report = (value: unknown) => process.send?.({ report: value });
    reply = { ok: true, value: await (await import(message.module)).run(message.job, report) };
  } catch (err) {
    reply = { ok: false, error: (err as Error).message };
  }
  process.send?.(reply, () => process.exit(0));
});
process.on('disconnect', () => process.exit(1));
