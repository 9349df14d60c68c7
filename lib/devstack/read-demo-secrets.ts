import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const ZDemoSecrets = z.object({ nextAuthSecret: z.string().min(32), secretsKey: z.string().min(32) });
export type DemoSecrets = z.infer<typeof ZDemoSecrets>;

/**
 * The demo runs the production server, which needs a session secret and a key for secrets at rest. They
 * are made once and kept beside the demo's data (readable by its owner only), so sign-ins and encrypted
 * alert secrets survive a restart; a set NEXTAUTH_SECRET / BREAKGLASS_SECRETS_KEY wins.
 */
export function readDemoSecrets(dataRoot: string): DemoSecrets {
  const file = path.join(dataRoot, "demo-secrets.json");
  let stored: DemoSecrets | null = null;
  if (existsSync(file)) {
    const parsed = ZDemoSecrets.safeParse(JSON.parse(readFileSync(file, "utf8")));
    stored = parsed.success ? parsed.data : null;
  }
  if (!stored) {
    stored = { nextAuthSecret: randomBytes(32).toString("hex"), secretsKey: randomBytes(32).toString("hex") };
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored)}\n`, { mode: 0o600 });
  }
  return {
    nextAuthSecret: process.env.NEXTAUTH_SECRET || stored.nextAuthSecret,
    secretsKey: process.env.BREAKGLASS_SECRETS_KEY || stored.secretsKey,
  };
}
