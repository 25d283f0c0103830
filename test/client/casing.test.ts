/** The derived renaming: every wire key of every request must survive camelCase → snake_case. */
import { z } from "zod";
import { camelCase, camelize, snakeCase, snakify } from "../../provider/client/casing";
import { ENDPOINTS } from "../../provider/client/endpoints";

/** Every object key a schema names, nested objects, arrays and wrappers included. */
function keysOf(schema: z.ZodType, out = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [key, inner] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      out.add(key);
      keysOf(inner, out);
    }
  } else if (schema instanceof z.ZodArray) {
    keysOf(schema.element as z.ZodType, out);
  } else if (schema instanceof z.ZodPipe) {
    keysOf(schema.in as z.ZodType, out);
  } else if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodCatch
  ) {
    keysOf(schema.unwrap() as z.ZodType, out);
  }
  return out;
}

describe("camelCase and snake_case", () => {
  it("renames the API's keys both ways", () => {
    expect(camelCase("send_proxy_v2")).toBe("sendProxyV2");
    expect(camelCase("enable_http3")).toBe("enableHttp3");
    expect(snakeCase("assignFlexibleIpv6")).toBe("assign_flexible_ipv6");
    expect(snakeCase("backendServersStats")).toBe("backend_servers_stats");
  });

  it("round-trips every key of every request path, query and body, and every answer key", () => {
    const keys = new Set<string>();
    for (const row of Object.values(ENDPOINTS)) {
      for (const match of row.path.matchAll(/\{(\w+)\}/g)) keys.add(match[1] ?? "");
      for (const schema of [row.query, row.body, row.response]) if (schema) keysOf(schema as z.ZodType, keys);
    }
    expect(keys.size).toBeGreaterThan(100);
    const broken = [...keys].filter((key) => snakeCase(camelCase(key)) !== key);
    expect(broken).toEqual([]);
  });

  it("renames deeply, leaves values alone and drops undefined members", () => {
    const answer = { health_check: { tcp_config: {}, http_config: undefined }, pool: ["a_b"], lb: null };
    expect(camelize(answer)).toEqual({ healthCheck: { tcpConfig: {} }, pool: ["a_b"], lb: null });
    expect(Object.keys(camelize(answer).healthCheck)).toEqual(["tcpConfig"]);
    expect(snakify({ healthCheck: { hostHeader: "h" }, serverIp: ["x"], tags: undefined })).toEqual({
      health_check: { host_header: "h" },
      server_ip: ["x"],
    });
  });
});
