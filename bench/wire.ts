/**
 * HTTP/1.1 on plain sockets for the load generators. They share the
 * machine's cores with the servers they measure, and node:http's client spent
 * about as much CPU per request as a server did (its parser, an
 * IncomingMessage stream and events per answer), which the figures then
 * counted as the server's latency. Here an answer is only framed (status,
 * Content-Length or chunked, Connection) and its body kept as bytes.
 */
import net from 'node:net';

export interface Framed {
  status: number;
  /** The status line and header lines, as sent (latin1). */
  head: string;
  /** The body, de-chunked; empty when the framer was told not to keep bodies. */
  body: Buffer;
}

const EMPTY = Buffer.alloc(0);

/** Cuts a connection's bytes into answers, one request in flight at a time (no pipelining). */
export class Framer {
  private buf: Buffer = EMPTY;
  /** Body bytes still to come (content-length), -1 while reading chunk framing, undefined before a head. */
  private remaining: number | undefined;
  private chunked = false;
  private head = '';
  private code = 0;
  private parts: Buffer[] = [];

  constructor(private readonly keepBody: boolean) {}

  /** Feeds the bytes received; `done` is called for each answer they complete. */
  push(d: Buffer, done: (a: Framed) => void): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      if (this.remaining === undefined) {
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        this.head = this.buf.toString('latin1', 0, end);
        this.buf = this.buf.subarray(end + 4);
        this.code = Number(this.head.slice(9, 12));
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(this.head);
        this.chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(this.head);
        // These answers never carry a body, whatever their headers say (RFC 9112 §6.3).
        const bodyless = this.code === 204 || this.code === 304 || (this.code >= 100 && this.code < 200);
        this.remaining = this.chunked ? -1 : bodyless ? 0 : length ? Number(length[1]) : 0;
        this.parts = [];
      }
      if (this.chunked) {
        // Chunk framing: size line, data, CRLF; a zero-size chunk then the (empty) trailer ends it.
        const line = this.buf.indexOf('\r\n');
        if (line < 0) return;
        const size = parseInt(this.buf.toString('latin1', 0, line), 16);
        if (size === 0) {
          // No trailers: the size line's CRLF is followed at once by the empty line's.
          const stop = this.buf.indexOf('\r\n\r\n', line);
          if (stop < 0) return;
          this.buf = this.buf.subarray(stop + 4);
          this.emit(done);
          continue;
        }
        if (this.buf.length < line + 2 + size + 2) return;
        if (this.keepBody) this.parts.push(this.buf.subarray(line + 2, line + 2 + size));
        this.buf = this.buf.subarray(line + 2 + size + 2);
        continue;
      }
      if (this.buf.length < this.remaining!) return;
      if (this.keepBody && this.remaining) this.parts.push(this.buf.subarray(0, this.remaining));
      this.buf = this.buf.subarray(this.remaining!);
      this.emit(done);
    }
  }

  private emit(done: (a: Framed) => void): void {
    const body = this.parts.length === 0 ? EMPTY : this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.remaining = undefined;
    this.parts = [];
    done({ status: this.code, head: this.head, body });
  }
}

/** Whether the server will close the connection after this answer. */
export const closes = (head: string): boolean => /\r\nconnection:\s*close/i.test(head);

/** Every value of one header in a head (e.g. each Set-Cookie line). */
export function headerValues(head: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`\\r\\n${name}:[ \\t]*([^\\r]*)`, 'gi');
  for (let m = re.exec(head); m; m = re.exec(head)) out.push(m[1]);
  return out;
}

/** A request's bytes: request line, Host, the headers given, and the body with its length. */
export function requestBytes(method: string, path: string, host: string, headers: Record<string, string>, body?: Buffer): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  if (body) head += `content-length: ${body.length}\r\n`;
  const bytes = Buffer.from(head + '\r\n', 'utf8');
  return body ? Buffer.concat([bytes, body]) : bytes;
}

/**
 * One kept-alive connection carrying one request at a time, as one browser
 * tab would; it reconnects after the server closes it or an error.
 */
export class Wire {
  private socket: net.Socket | undefined;
  private framer = new Framer(true);
  private waiting: { ok: (a: Framed) => void; fail: (e: Error) => void; timer: NodeJS.Timeout } | undefined;
  /** Bytes received since the request in flight was sent, for a timeout's message. */
  private received = 0;

  constructor(private readonly host: string, private readonly port: number) {}

  request(bytes: Buffer, timeoutMs: number): Promise<Framed> {
    if (this.waiting) return Promise.reject(new Error('wire: one request at a time'));
    const socket = this.socket ?? this.connect();
    return new Promise((ok, fail) => {
      this.received = 0;
      // Which side stalled: a connection never made, or a request sent and not (fully) answered.
      const stalled = () => new Error(`timeout (${socket.connecting ? 'not connected' : `connected, ${this.received} bytes of the answer received`})`);
      this.waiting = { ok, fail, timer: setTimeout(() => this.broken(socket, stalled()), timeoutMs) };
      socket.write(bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    this.framer = new Framer(true);
    socket.on('data', (d: Buffer) => {
      if (socket !== this.socket) return;
      this.received += d.length;
      this.framer.push(d, (a) => {
        const w = this.waiting;
        if (!w) return; // nothing asked: not an answer to hand anyone
        this.waiting = undefined;
        clearTimeout(w.timer);
        if (closes(a.head)) this.drop(socket);
        w.ok(a);
      });
    });
    socket.on('error', (e) => this.broken(socket, e));
    socket.on('close', () => this.broken(socket, new Error('connection closed')));
    return socket;
  }

  /** The connection broke or timed out: the request in flight fails, the next one reconnects. */
  private broken(socket: net.Socket, e: Error): void {
    if (socket !== this.socket) return;
    this.drop(socket);
    const w = this.waiting;
    this.waiting = undefined;
    if (w) {
      clearTimeout(w.timer);
      w.fail(e);
    }
  }

  private drop(socket: net.Socket): void {
    if (socket === this.socket) this.socket = undefined;
    socket.destroy();
  }
}
