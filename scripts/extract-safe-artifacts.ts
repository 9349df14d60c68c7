/**
 * Copies the few Safe v1.4.1 artifacts Breakglass needs out of an extracted npm tarball.
 *
 * Why not depend on @safe-global/safe-contracts: its peer dependency pulls ethers 5 (~18 MB) into the app.
 * Reproduce with:
 *   cd /tmp && npm pack @safe-global/safe-contracts@1.4.1 && mkdir -p sc && tar xzf safe-global-safe-contracts-1.4.1.tgz -C sc
 *   npx tsx scripts/extract-safe-artifacts.ts <unpacked-package-dir>
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const EXPECTED_VERSION = "1.4.1";
const OUT_DIR = path.resolve(import.meta.dirname, "../lib/chain/artifacts/safe");

/** Artifact name → path under build/artifacts/contracts in the package. */
const ARTIFACTS: Record<string, string> = {
  SafeL2: "SafeL2.sol/SafeL2.json",
  SafeProxyFactory: "proxies/SafeProxyFactory.sol/SafeProxyFactory.json",
  CompatibilityFallbackHandler: "handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json",
  MultiSend: "libraries/MultiSend.sol/MultiSend.json",
  MultiSendCallOnly: "libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json",
  SignMessageLib: "libraries/SignMessageLib.sol/SignMessageLib.json",
  CreateCall: "libraries/CreateCall.sol/CreateCall.json",
  SimulateTxAccessor: "accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json",
};

type HardhatArtifact = { contractName: string; abi: unknown[]; bytecode: string; deployedBytecode: string };

export function extractSafeArtifacts(packageDir: string, outDir = OUT_DIR): string[] {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  // A different version would silently change the code hashes the tests pin.
  if (pkg.name !== "@safe-global/safe-contracts" || pkg.version !== EXPECTED_VERSION) {
    throw new Error(
      `expected @safe-global/safe-contracts@${EXPECTED_VERSION}, got ${pkg.name}@${pkg.version}`,
    );
  }
  const written: string[] = [];
  for (const [name, relative] of Object.entries(ARTIFACTS)) {
    const source = path.join(packageDir, "build/artifacts/contracts", relative);
    const artifact = JSON.parse(readFileSync(source, "utf8")) as HardhatArtifact;
    const slim = {
      contractName: artifact.contractName,
      abi: artifact.abi,
      bytecode: artifact.bytecode,
      deployedBytecode: artifact.deployedBytecode,
    };
    const target = path.join(outDir, `${name}.json`);
    writeFileSync(target, `${JSON.stringify(slim, null, 2)}\n`);
    written.push(target);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const packageDir = process.argv[2];
  if (!packageDir) {
    console.error("usage: tsx scripts/extract-safe-artifacts.ts <extracted-package-dir>");
    process.exit(2);
  }
  for (const file of extractSafeArtifacts(path.resolve(packageDir))) console.log(`wrote ${file}`);
}
