import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { assertPublicUrl, isPublicAddress, OUTBOUND_REFUSED_REASON } from "./assert-public-url";
import { OUTBOUND_UNREACHABLE_REASON, postToPublicUrl } from "./post-to-public-url";

const PUBLIC = async () => [{ address: "93.184.216.34", family: 4 }];

async function refusal(value: string, options: Parameters<typeof assertPublicUrl>[1] = {}) {
  try {
    await assertPublicUrl(value, { allow: [], resolve: PUBLIC, ...options });
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error;
  }
}

describe("assertPublicUrl", () => {
  it.each([
    "http://127.0.0.1:8080/hook",
    "http://127.9.9.9/",
    "http://0x7f000001/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://localhost:3000/",
    "http://LOCALHOST./",
    "http://api.localhost/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://10.0.0.5/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.1.1/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://100.64.0.1/",
    "http://224.0.0.1/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
  ])("refuses %s with a 422 naming the field", async (value) => {
    const error = await refusal(value, { field: "target" });
    expect(error?.status).toBe(422);
    expect(error?.fields).toEqual([{ path: "target", message: OUTBOUND_REFUSED_REASON }]);
  });

  it("refuses a name that resolves to loopback or a private address, even among public ones", async () => {
    const loopback = async () => [{ address: "127.0.0.1", family: 4 }];
    expect(await refusal("https://hooks.example.org/x", { resolve: loopback })).not.toBeNull();
    const mixed = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    expect(await refusal("https://hooks.example.org/x", { resolve: mixed })).not.toBeNull();
  });

  it("accepts public addresses and names, and refuses other schemes and credentials", async () => {
    expect(await refusal("https://hooks.example.org/services/T/B/x")).toBeNull();
    expect(await refusal("https://93.184.216.34/")).toBeNull();
    expect(await refusal("https://[2606:4700::1111]/")).toBeNull();
    expect((await refusal("file:///etc/passwd"))?.message).toContain("http(s)");
    expect((await refusal("gopher://example.org/"))?.message).toContain("http(s)");
    expect((await refusal("https://user:pw@example.org/"))?.message).toContain("user name");
  });

  it("accepts an internal host only when it is allowed explicitly (host or host:port, numeric forms agree)", async () => {
    expect(await refusal("http://127.0.0.1:9000/", { allow: ["127.0.0.1"] })).toBeNull();
    expect(await refusal("http://0x7f000001:9000/", { allow: ["127.0.0.1:9000"] })).toBeNull();
    expect(await refusal("http://127.0.0.1:9001/", { allow: ["127.0.0.1:9000"] })).not.toBeNull();
    expect(await refusal("http://10.0.0.5/", { allow: ["127.0.0.1"] })).not.toBeNull();
    expect(await refusal("http://[::1]:8080/", { allow: ["[::1]"] })).toBeNull();
  });

  it("classifies addresses", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("172.32.0.1")).toBe(true);
    expect(isPublicAddress("172.15.255.255")).toBe(true);
    expect(isPublicAddress("127.0.0.1")).toBe(false);
    expect(isPublicAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isPublicAddress("not an address")).toBe(false);
  });
});

describe("postToPublicUrl", () => {
  it("refuses loopback before connecting; with the host allowed it delivers; failures read the same", async () => {
    const received: string[] = [];
    const server = createServer((request, response) => {
      received.push(request.url ?? "");
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const send = (url: string, allow: string[]) =>
      postToPublicUrl(url, { headers: {}, body: "{}", timeoutMs: 2000, allow });
    try {
      expect(await send(`http://127.0.0.1:${port}/a`, [])).toEqual({
        ok: false,
        reason: OUTBOUND_REFUSED_REASON,
      });
      expect(await send(`http://vm.localhost:${port}/b`, [])).toEqual({
        ok: false,
        reason: OUTBOUND_REFUSED_REASON,
      });
      // DNS rebinding: public when checked, loopback when connecting. The address connected to is checked.
      let lookups = 0;
      const rebinding = async () =>
        lookups++ === 0 ? [{ address: "93.184.216.34", family: 4 }] : [{ address: "127.0.0.1", family: 4 }];
      expect(
        await postToPublicUrl(`http://rebind.example.org:${port}/r`, {
          headers: {},
          body: "{}",
          timeoutMs: 2000,
          allow: [],
          resolve: rebinding,
        }),
      ).toEqual({ ok: false, reason: OUTBOUND_REFUSED_REASON });
      expect(lookups).toBe(2);
      expect(received).toEqual([]);
      expect(await send(`http://127.0.0.1:${port}/c`, ["127.0.0.1"])).toEqual({ ok: true, status: 204 });
      expect(received).toEqual(["/c"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // The port is closed now: a refused connection says what an unknown name says.
    expect(await send(`http://127.0.0.1:${port}/d`, ["127.0.0.1"])).toEqual({
      ok: false,
      reason: OUTBOUND_UNREACHABLE_REASON,
    });
    expect(await send("http://no-such-host.invalid/", ["no-such-host.invalid"])).toEqual({
      ok: false,
      reason: OUTBOUND_UNREACHABLE_REASON,
    });
  });
});
