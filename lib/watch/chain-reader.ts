import { type Address, getAddress, type Hex, numberToHex, type PublicClient } from "viem";

export type BlockHeader = { number: bigint; hash: Hex; parentHash: Hex; timestamp: Date };
export type RawLog = {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  transactionHash: Hex;
  logIndex: number;
  blockTime: Date | null;
};

/** The few JSON-RPC reads the watcher makes, counted (the bench prints calls per block; /metrics too). */
export type ChainReader = {
  latest(): Promise<BlockHeader>;
  block(number: bigint): Promise<BlockHeader | null>;
  logs(addresses: readonly Address[], from: bigint, to: bigint): Promise<RawLog[]>;
  readonly calls: Record<string, number>;
};

type RpcBlock = { number: Hex; hash: Hex; parentHash: Hex; timestamp: Hex } | null;
type RpcLog = {
  address: Hex;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  blockHash: Hex;
  transactionHash: Hex;
  logIndex: Hex;
  blockTimestamp?: Hex;
  removed?: boolean;
};

/** Providers cap eth_getLogs address lists; larger registries are read in chunks of this many. */
export const ADDRESS_CHUNK = 1000;
/** A refused range is halved at most this many times before the error is the watcher's. */
const MAX_SPLITS = 8;

function toHeader(block: NonNullable<RpcBlock>): BlockHeader {
  return {
    number: BigInt(block.number),
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: new Date(Number(BigInt(block.timestamp)) * 1000),
  };
}

/**
 * Raw requests through the chain's client (viem's fallback transport: RPC URLs in order of preference), not
 * viem's getLogs/getBlock: the watcher needs only a few fields and runs this for every block.
 */
export function createChainReader(
  client: Pick<PublicClient, "request">,
  calls: Record<string, number> = {},
): ChainReader {
  const request = async <T>(method: string, params: unknown[]): Promise<T> => {
    calls[method] = (calls[method] ?? 0) + 1;
    return (await client.request({ method, params } as never)) as T;
  };
  const readBlock = (tag: string) => request<RpcBlock>("eth_getBlockByNumber", [tag, false]);
  const readLogs = async (
    addresses: readonly Address[],
    from: bigint,
    to: bigint,
    depth: number,
  ): Promise<RpcLog[]> => {
    try {
      return await request<RpcLog[]>("eth_getLogs", [
        { address: addresses, fromBlock: numberToHex(from), toBlock: numberToHex(to) },
      ]);
    } catch (error) {
      // "query returned more than 10000 results", "block range too large": split the range, not the watcher.
      if (to <= from || depth >= MAX_SPLITS) throw error;
      const middle = from + (to - from) / 2n;
      const first = await readLogs(addresses, from, middle, depth + 1);
      return [...first, ...(await readLogs(addresses, middle + 1n, to, depth + 1))];
    }
  };
  return {
    calls,
    async latest() {
      const block = await readBlock("latest");
      if (!block) throw new Error("the node returned no latest block");
      return toHeader(block);
    },
    async block(number) {
      const block = await readBlock(numberToHex(number));
      return block ? toHeader(block) : null;
    },
    async logs(addresses, from, to) {
      const rows: RpcLog[] = [];
      for (let start = 0; start < addresses.length; start += ADDRESS_CHUNK)
        rows.push(...(await readLogs(addresses.slice(start, start + ADDRESS_CHUNK), from, to, 0)));
      return rows
        .filter((log) => !log.removed)
        .map((log) => ({
          address: getAddress(log.address),
          topics: log.topics,
          data: log.data,
          blockNumber: BigInt(log.blockNumber),
          blockHash: log.blockHash,
          transactionHash: log.transactionHash,
          logIndex: Number(BigInt(log.logIndex)),
          blockTime: log.blockTimestamp ? new Date(Number(BigInt(log.blockTimestamp)) * 1000) : null,
        }))
        .sort((a, b) =>
          a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
        );
    },
  };
}
