/** Walking pages. */
import { collectAll, type Page, walkPages } from "../../provider/client/pagination";
import { type FakeServer, startFakeServer } from "./support/fake-server";
import { recordedObject } from "./support/fixtures";
import { testClient } from "./support/test-client";

function pagedSource(items: string[], options: { total?: number; shiftAfterPage?: number } = {}) {
  const calls: Array<[number, number]> = [];
  let data = [...items];
  const fetch = async (page: number, pageSize: number): Promise<Page<string>> => {
    calls.push([page, pageSize]);
    const slice = data.slice((page - 1) * pageSize, page * pageSize);
    if (options.shiftAfterPage === page) data = ["new", ...data];
    return { items: slice, totalCount: options.total ?? data.length };
  };
  return { fetch, calls };
}

describe("walkPages / collectAll", () => {
  it("stops once total_count items are seen", async () => {
    const source = pagedSource(["a", "b", "c", "d", "e"]);
    expect(await collectAll(source.fetch, (s) => s, { pageSize: 2 })).toEqual(["a", "b", "c", "d", "e"]);
    expect(source.calls).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
  });

  it("stops on an empty page even if total_count promises more", async () => {
    const source = pagedSource(["a", "b", "c"], { total: 10 });
    expect(await collectAll(source.fetch, (s) => s, { pageSize: 2 })).toEqual(["a", "b", "c"]);
    expect(source.calls).toHaveLength(3);
  });

  it("makes one call for an empty list", async () => {
    const source = pagedSource([]);
    expect(await collectAll(source.fetch, (s) => s)).toEqual([]);
    expect(source.calls).toEqual([[1, 100]]);
  });

  it("keeps an item once when the list shifts between pages", async () => {
    const source = pagedSource(["a", "b", "c", "d"], { shiftAfterPage: 1 });
    const all = await collectAll(source.fetch, (s) => s, { pageSize: 2 });
    expect(all.filter((x) => x === "b")).toHaveLength(1);
  });

  it("respects the page cap", async () => {
    const source = pagedSource(["a", "b", "c", "d"], { total: 1000 });
    const pages: (readonly string[])[] = [];
    for await (const page of walkPages(source.fetch, { pageSize: 1, maxPages: 2 })) pages.push(page);
    expect(pages).toEqual([["a"], ["b"]]);
  });
});

describe("listAll… helpers over HTTP", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("listAllLbs walks page=1,2,3 with page_size and keeps the filters", async () => {
    const lbs = Array.from({ length: 5 }, (_, i) => ({
      ...recordedObject("lb-ready"),
      id: `lb-${i}`,
      name: `web-${i}`,
    }));
    server.setHandler((r) => {
      const size = Number(r.query.get("page_size"));
      const page = Number(r.query.get("page"));
      return { json: { lbs: lbs.slice((page - 1) * size, page * size), total_count: lbs.length } };
    });
    const { client } = testClient(server.url);
    const all = await client.listAllLbs({ name: "web", tags: ["a", "b"], pageSize: 2 });
    expect(all.map((lb) => lb.id)).toEqual(["lb-0", "lb-1", "lb-2", "lb-3", "lb-4"]);
    expect(server.requests.map((r) => r.query.get("page"))).toEqual(["1", "2", "3"]);
    expect(server.requests[0]?.query.get("name")).toBe("web");
    expect(server.requests[0]?.query.getAll("tags")).toEqual(["a", "b"]);
    expect(server.requests[0]?.query.get("page_size")).toBe("2");
  });
});
