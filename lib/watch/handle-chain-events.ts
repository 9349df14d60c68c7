/** Placeholder until rules land (replaced below). */
export async function handleChainEvents(_options: { chainId: number; log: (line: string) => void }) {}
