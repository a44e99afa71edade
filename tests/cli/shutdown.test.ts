import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CORPUS, tempDir } from '../helpers.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Resolves with everything a socket receives until the server closes it. */
const received = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
  });

describe('npm start on SIGTERM', () => {
  it('finishes a request in flight, refuses new connections, and exits 0', { timeout: 120_000 }, async () => {
    const port = 31_000 + Math.floor(Math.random() * 2000);
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--corpus', SAMPLE_CORPUS, '--cache-dir', await tempDir(), 'serve', '--port', String(port), '--no-watch'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        log += chunk.toString();
        if (log.includes('serving 7 documents')) resolve();
      });
      child.on('exit', () => reject(new Error(`the server exited before serving:\n${log}`)));
    });
    // A request half sent: its headers are not finished when the signal comes.
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const answer = received(socket);
    socket.write('GET /api/search?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4 HTTP/1.1\r\nHost: localhost\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    // The signal is handled once the main thread is free (right after listening it loads jieba's dictionary).
    while (!log.includes('SIGTERM: closing the server')) await new Promise((resolve) => setTimeout(resolve, 50));
    const late = connect(port, '127.0.0.1');
    const refused = await new Promise<boolean>((resolve) => {
      late.once('error', () => resolve(true));
      late.once('connect', () => resolve(false));
    });
    late.destroy();
    socket.write('Connection: close\r\n\r\n');
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(text).toContain('"total":23');
    expect(refused).toBe(true);
    expect(await exited).toBe(0);
  });
});
