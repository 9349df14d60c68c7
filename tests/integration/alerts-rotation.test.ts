import { describe, expect, it } from "vitest";
import { POST as alertmanagerPost } from "../../app/api/alerts/alertmanager/route";
import { revokeAlertSecret, rotateAlertSecret } from "../../lib/alerts";
import { db } from "../../lib/db";
import { alertmanagerBody, deliveryRequest, makeSource, unique } from "./alerts-support";

// Zero-downtime rotation: add the new secret, move the senders, then revoke the old one.
describe.each(["bearer", "hmac"] as const)("secret rotation (%s)", (authMode) => {
  const auth = (secret: string) => (authMode === "bearer" ? { bearer: secret } : { hmac: secret });

  async function deliver(sourceId: string, secret: string) {
    const body = alertmanagerBody([{ name: unique("Rotation"), fingerprint: unique("fp") }]);
    const response = await alertmanagerPost(
      deliveryRequest("alertmanager", { sourceId, body, auth: auth(secret) }),
    );
    return response.status;
  }

  it("accepts old and new during the rotation, only the new one after revoking the old", async () => {
    const { source, secret: oldSecret } = await makeSource("alertmanager", authMode);
    const oldSecretId = source.secrets[0]!.id;
    expect(await deliver(source.id, oldSecret)).toBe(202);

    const { secret: newSecret } = await rotateAlertSecret(source.id);
    expect(newSecret).not.toBe(oldSecret);
    expect(await deliver(source.id, oldSecret)).toBe(202);
    expect(await deliver(source.id, newSecret)).toBe(202);
    await expect(rotateAlertSecret(source.id)).rejects.toThrow(/two active secrets/);

    await revokeAlertSecret({ sourceId: source.id, secretId: oldSecretId });
    expect(await deliver(source.id, oldSecret)).toBe(401);
    expect(await deliver(source.id, newSecret)).toBe(202);
    expect(await db().alert.count({ where: { sourceId: source.id } })).toBe(4);
  });

  it("never stores the secret itself and refuses to revoke the last active one", async () => {
    const { source, secret } = await makeSource("alertmanager", authMode);
    const stored = await db().alertSecret.findMany({ where: { sourceId: source.id } });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(8));
    await expect(revokeAlertSecret({ sourceId: source.id, secretId: stored[0]!.id })).rejects.toThrow(
      /only active secret/,
    );
  });
});
