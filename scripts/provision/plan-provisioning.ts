/**
 * What `npm test` must install before it can run, decided from facts about the machine (pure, so it is
 * tested without touching the machine). Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium or
 * Playwright's own download. Alertmanager: `alertmanager` or `prometheus-alertmanager` on the PATH (the
 * alert integration test runs the real one).
 */

export type MachineFacts = {
  chromiumPathEnv: string | null;
  isChromiumPathEnvPresent: boolean;
  hasDebianChromium: boolean;
  hasPlaywrightChromium: boolean;
  hasAlertmanager: boolean;
  /** "debian", "ubuntu", or null for anything without apt-get. */
  aptDistro: "debian" | "ubuntu" | null;
  isRoot: boolean;
};

export type ProvisionStep =
  | { kind: "apt"; packages: string[] }
  | { kind: "playwright-browser" }
  | { kind: "stop"; line: string };

export function planProvisioning(facts: MachineFacts): ProvisionStep[] {
  if (facts.chromiumPathEnv !== null && !facts.isChromiumPathEnvPresent) {
    return [{ kind: "stop", line: `CHROMIUM_PATH=${facts.chromiumPathEnv} does not exist: fix or unset it` }];
  }
  const needsChromium =
    facts.chromiumPathEnv === null && !facts.hasDebianChromium && !facts.hasPlaywrightChromium;
  const needsAlertmanager = !facts.hasAlertmanager;
  if (!needsChromium && !needsAlertmanager) return [];

  const canApt = facts.aptDistro !== null && facts.isRoot;
  const packages: string[] = [];
  const steps: ProvisionStep[] = [];
  // Debian's chromium is a real package; Ubuntu's is a snap wrapper that does not run in containers, so
  // Ubuntu gets Playwright's own browser (which needs internet).
  if (needsChromium) {
    if (canApt && facts.aptDistro === "debian") packages.push("chromium");
    else steps.push({ kind: "playwright-browser" });
  }
  if (needsAlertmanager) {
    if (canApt) packages.push("prometheus-alertmanager");
    else {
      const command =
        facts.aptDistro !== null
          ? "sudo apt-get install -y prometheus-alertmanager"
          : "install Prometheus Alertmanager (e.g. `brew install alertmanager`) and put `alertmanager` on the PATH";
      return [
        { kind: "stop", line: `Alertmanager not found (the alert integration test runs it): ${command}` },
      ];
    }
  }
  return packages.length > 0 ? [{ kind: "apt", packages }, ...steps] : steps;
}
