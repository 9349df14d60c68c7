import type { TestProject } from "vitest/node";
import { startAnvil } from "../../lib/chain/anvil";
import { type DemoDeployment, deployDemo } from "../../lib/chain/demo";
import { createPrismaClient } from "../../lib/db/client";
import { seedDemo } from "../../lib/devstack/seed-demo";
import { startDatabase } from "../../lib/devstack/start-database";
import { assertLocalDatabase } from "./assert-local-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    rpcUrl: string;
    deployment: DemoDeployment;
  }
}

/**
 * Integration tests share one real PostgreSQL (throwaway unless DATABASE_URL is set, which must be local)
 * and one anvil with the demo protocol and Safes. Tests make their own unique rows.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
  const database = await startDatabase({ isPersistent: false });
  const anvil = await startAnvil();
  const deployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma, deployment);
  await prisma.$disconnect();
  project.provide("databaseUrl", database.url);
  project.provide("rpcUrl", anvil.rpcUrl);
  project.provide("deployment", deployment);
  return async () => {
    await anvil.stop();
    await database.stop();
  };
}
