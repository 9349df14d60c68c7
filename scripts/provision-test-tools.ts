import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { type MachineFacts, planProvisioning } from "./provision/plan-provisioning";

/**
 * First step of `npm test`: makes sure the machine has what the suites run for real (Chromium for
 * Playwright, Alertmanager for the alert integration test), installing it where it can; otherwise stops
 * with one line naming the command to run.
 */

const say = (line: string) => console.log(`[provision] ${line}`);

function isOnPath(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function aptDistro(): MachineFacts["aptDistro"] {
  if (!isOnPath("apt-get")) return null;
  const release = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  const ids = /^ID(?:_LIKE)?=(.*)$/gm;
  const names = [...release.matchAll(ids)].flatMap((match) => match[1]!.replace(/"/g, "").split(/\s+/));
  if (names.includes("ubuntu")) return "ubuntu";
  return names.includes("debian") || existsSync("/etc/debian_version") ? "debian" : null;
}

async function hasPlaywrightChromium(): Promise<boolean> {
  try {
    const { chromium } = await import("@playwright/test");
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  say(`$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env }).status === 0;
}

const chromiumPathEnv = process.env.CHROMIUM_PATH || null;
const facts: MachineFacts = {
  chromiumPathEnv,
  isChromiumPathEnvPresent: chromiumPathEnv !== null && existsSync(chromiumPathEnv),
  hasDebianChromium: existsSync("/usr/bin/chromium"),
  hasPlaywrightChromium: await hasPlaywrightChromium(),
  hasAlertmanager: isOnPath("alertmanager") || isOnPath("prometheus-alertmanager"),
  aptDistro: aptDistro(),
  isRoot: process.getuid?.() === 0,
};

for (const step of planProvisioning(facts)) {
  if (step.kind === "stop") {
    console.error(step.line);
    process.exit(1);
  }
  if (step.kind === "apt") {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const isInstalled =
      run("apt-get", ["update", "-qq"], env) &&
      run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...step.packages], env);
    if (!isInstalled) {
      console.error(
        `could not install ${step.packages.join(" ")}: run apt-get install -y ${step.packages.join(" ")}`,
      );
      process.exit(1);
    }
  }
  if (step.kind === "playwright-browser") {
    const args = [
      "playwright",
      "install",
      ...(facts.isRoot && facts.aptDistro ? ["--with-deps"] : []),
      "chromium",
    ];
    if (!run("npx", args)) {
      console.error(
        "Chromium not found and Playwright could not download its own (no internet?): run `npx playwright install chromium`, or set CHROMIUM_PATH",
      );
      process.exit(1);
    }
  }
}
