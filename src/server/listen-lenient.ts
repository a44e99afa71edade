import http from 'node:http';
import net from 'node:net';

/**
 * Node's HTTP parser refuses a request line with raw UTF-8 (`curl 'localhost:3000/api/search?q=营商环境'`), which
 * browsers never send but people at a terminal do. This listener percent-encodes such bytes in the first request
 * line of a connection before the HTTP server parses it; everything else passes through untouched.
 */
export function listenLenient(handler: http.RequestListener, port: number, host: string, onListening: () => void): net.Server {
  const httpServer = http.createServer(handler);
  const server = net.createServer((socket) => {
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(encodeRequestLine(chunk));
      httpServer.emit('connection', socket);
      socket.resume();
    });
    socket.on('error', () => socket.destroy());
  });
  server.on('close', () => httpServer.close());
  // Keep the HTTP server's idle-connection handling reachable for graceful shutdown.
  (server as net.Server & { http?: http.Server }).http = httpServer;
  return server.listen(port, host, onListening);
}

/** Percent-encodes the bytes ≥ 0x80 of the request line (up to the first CRLF); the rest is left as it is. */
export function encodeRequestLine(chunk: Buffer): Buffer {
  const lineEnd = chunk.indexOf('\r\n');
  const end = lineEnd < 0 ? chunk.length : lineEnd;
  let needs = false;
  for (let i = 0; i < end; i++) if (chunk[i] >= 0x80) needs = true;
  if (!needs) return chunk;
  let line = '';
  for (let i = 0; i < end; i++) line += chunk[i] >= 0x80 ? `%${chunk[i].toString(16).toUpperCase()}` : String.fromCharCode(chunk[i]);
  return Buffer.concat([Buffer.from(line, 'latin1'), chunk.subarray(end)]);
}
