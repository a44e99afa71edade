import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRequestLine, listenLenient } from '../../src/server/listen-lenient.js';

let server: net.Server;
let port: number;
beforeAll(async () => {
  server = listenLenient((req, res) => res.end(decodeURIComponent(req.url ?? '')), 0, '127.0.0.1', () => {});
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

/** Sends raw bytes, as curl does with an unencoded URL, and returns the response text. */
function raw(request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('listenLenient', () => {
  it('accepts raw UTF-8 in the request line, as typed at a terminal', async () => {
    const response = await raw(Buffer.from('GET /api/search?q=营商环境 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'utf8'));
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(response).toContain('/api/search?q=营商环境');
  });

  it('leaves encoded request lines and headers untouched', () => {
    const line = Buffer.from('GET /a?q=%E8%90%A5 HTTP/1.1\r\nX-Name: 南山\r\n\r\n', 'utf8');
    expect(encodeRequestLine(line)).toBe(line);
    expect(encodeRequestLine(Buffer.from('GET /营 HTTP/1.1\r\nX: 南\r\n\r\n')).toString('utf8')).toBe('GET /%E8%90%A5 HTTP/1.1\r\nX: 南\r\n\r\n');
  });
});
