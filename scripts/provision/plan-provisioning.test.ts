import { describe, expect, it } from "vitest";
import { type MachineFacts, planProvisioning } from "./plan-provisioning";

const ready: MachineFacts = {
  chromiumPathEnv: null,
  isChromiumPathEnvPresent: false,
  hasDebianChromium: true,
  hasPlaywrightChromium: false,
  hasAlertmanager: true,
  aptDistro: "debian",
  isRoot: true,
};

describe("planProvisioning", () => {
  it("does nothing when Chromium and Alertmanager are there", () => {
    expect(planProvisioning(ready)).toEqual([]);
    expect(planProvisioning({ ...ready, hasDebianChromium: false, hasPlaywrightChromium: true })).toEqual([]);
    expect(
      planProvisioning({
        ...ready,
        hasDebianChromium: false,
        chromiumPathEnv: "/opt/c",
        isChromiumPathEnvPresent: true,
      }),
    ).toEqual([]);
  });

  it("installs both with apt on Debian as root", () => {
    expect(planProvisioning({ ...ready, hasDebianChromium: false, hasAlertmanager: false })).toEqual([
      { kind: "apt", packages: ["chromium", "prometheus-alertmanager"] },
    ]);
  });

  it("uses Playwright's browser on Ubuntu and without apt", () => {
    expect(
      planProvisioning({ ...ready, aptDistro: "ubuntu", hasDebianChromium: false, hasAlertmanager: false }),
    ).toEqual([{ kind: "apt", packages: ["prometheus-alertmanager"] }, { kind: "playwright-browser" }]);
    expect(planProvisioning({ ...ready, aptDistro: null, isRoot: false, hasDebianChromium: false })).toEqual([
      { kind: "playwright-browser" },
    ]);
  });

  it("stops with one line naming the command when it cannot install", () => {
    expect(planProvisioning({ ...ready, isRoot: false, hasAlertmanager: false })).toEqual([
      {
        kind: "stop",
        line: "Alertmanager not found (the alert integration test runs it): sudo apt-get install -y prometheus-alertmanager",
      },
    ]);
    const [mac] = planProvisioning({ ...ready, aptDistro: null, isRoot: false, hasAlertmanager: false });
    expect(mac).toMatchObject({ kind: "stop", line: expect.stringContaining("brew install alertmanager") });
    expect(planProvisioning({ ...ready, chromiumPathEnv: "/nope", isChromiumPathEnvPresent: false })).toEqual(
      [{ kind: "stop", line: "CHROMIUM_PATH=/nope does not exist: fix or unset it" }],
    );
  });
});
