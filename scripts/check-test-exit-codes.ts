import { spawnSync } from "node:child_process";

/**
 * The guard that a red test run is red: a fixture test that fails (or passes) on purpose runs through each
 * Vitest project with its global setup (the integration one starts PostgreSQL and anvil), and the runner's
 * exit code must be non-zero (or zero). A green run once hid 18 failures because a dependency exited 0.
 */
const cases = ["unit", "integration"].flatMap((project) =>
  (["fail", "pass"] as const).map((outcome) => ({ project, outcome })),
);

let isBroken = false;
for (const { project, outcome } of cases) {
  const run = spawnSync("npx", ["vitest", "run", "--project", project], {
    env: { ...process.env, BREAKGLASS_EXIT_FIXTURE: outcome },
    encoding: "utf8",
  });
  const isRight = outcome === "fail" ? run.status !== 0 && run.status !== null : run.status === 0;
  console.log(
    `[exit-codes] ${project} ${outcome}ing fixture: exit ${run.status} ${isRight ? "(right)" : "(WRONG)"}`,
  );
  if (!isRight) {
    isBroken = true;
    process.stdout.write(run.stdout.slice(-4000));
    process.stderr.write(run.stderr.slice(-4000));
  }
}
if (isBroken) {
  console.error(
    "[exit-codes] the test runner's exit code does not follow its results: fix that before trusting any run",
  );
  process.exit(1);
}
