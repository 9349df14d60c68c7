import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  HttpRequestError,
  parseAbi,
  TimeoutError,
} from "viem";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { chainUnavailable, isChainUnreachable, orChainUnavailable } from "./chain-unreachable";

const abi = parseAbi(["function nonce() view returns (uint256)"]);
const wrapped = (cause: Error) =>
  new ContractFunctionExecutionError(cause as never, { abi, functionName: "nonce" });

describe("isChainUnreachable", () => {
  it("recognises transport failures, also when wrapped by a contract read", () => {
    const refused = new HttpRequestError({ url: "http://127.0.0.1:9", cause: new Error("fetch failed") });
    expect(isChainUnreachable(refused)).toBe(true);
    expect(isChainUnreachable(wrapped(refused))).toBe(true);
    expect(isChainUnreachable(new TimeoutError({ body: {}, url: "http://127.0.0.1:9" }))).toBe(true);
    expect(isChainUnreachable(new Error("x", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(isChainUnreachable(chainUnavailable("down"))).toBe(true);
  });

  it("does not call an answer from the node (a revert, another AppError) unreachable", () => {
    const revert = new ContractFunctionRevertedError({ abi, functionName: "nonce", message: "nope" });
    expect(isChainUnreachable(wrapped(revert))).toBe(false);
    expect(isChainUnreachable(new AppError("CONFLICT", "no"))).toBe(false);
    expect(isChainUnreachable(new Error("boom"))).toBe(false);
  });

  it("orChainUnavailable turns unreachable into the given 503 and passes other errors through", async () => {
    const refused = new HttpRequestError({ url: "http://127.0.0.1:9" });
    await expect(orChainUnavailable("waits", () => Promise.reject(refused))).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: "waits",
    });
    const conflict = new AppError("CONFLICT", "no");
    await expect(orChainUnavailable("waits", () => Promise.reject(conflict))).rejects.toBe(conflict);
  });
});
