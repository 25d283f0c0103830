/**
 * A scriptable HTTP server on 127.0.0.1 for unit tests: answers come from a queue of scripted
 * answers first, then from a handler; every request is recorded. An answer can also reset the
 * connection (before or after the handler's side effects) or be delayed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface FakeAnswer {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
  body: unknown;
}

export type FakeHandler = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Scripted answers, used (first in, first out) before the handler. */
  enqueue(...answers: FakeAnswer[]): void;
  setHandler(handler: FakeHandler): void;
  /** Clears the queue and the request log; restores the default handler. */
  reset(): void;
  close(): Promise<void>;
}

const notFound: FakeHandler = () => ({ status: 404, json: { message: "not Found" } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeServer(handler: FakeHandler = notFound): Promise<FakeServer> {
  const queue: FakeAnswer[] = [];
  const requests: RecordedRequest[] = [];
  let current = handler;

  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const bodyText = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      bodyText,
      body: parseBody(bodyText),
    };
    requests.push(recorded);
    const answer = queue.shift() ?? (await current(recorded));
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (answer.reset) {
      req.socket.destroy();
      return;
    }
    const status = answer.status ?? 200;
    const text = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? "");
    res.writeHead(status, { "content-type": "application/json", ...answer.headers });
    res.end(text);
  };

  const server: Server = createServer((req, res) => {
    respond(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...answers) => queue.push(...answers),
    setHandler: (h) => {
      current = h;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      current = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
