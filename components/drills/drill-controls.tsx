"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";

type Props = {
  drillId: string;
  openProposals: { id: string; title: string; safeLabel: string; signed: string[]; owners: string[] }[];
  forkContracts: { id: string; name: string; address: string }[];
};

/** The facilitator's controls: stand in for absent owners, inject a scenario, stop the drill. */
export function DrillControls({ drillId, openProposals, forkContracts }: Props) {
  const { error, run } = useApiAction();
  const [contractId, setContractId] = useState(forkContracts[0]?.id ?? "");
  const [role, setRole] = useState("GUARDIAN_ROLE");
  const [account, setAccount] = useState("");
  const [alertName, setAlertName] = useState("Drill: suspicious withdrawal");
  const post = (path: string, json?: unknown) =>
    run(() => apiFetch(`/api/drills/${drillId}/${path}`, { method: "POST", json: json ?? {} }));
  return (
    <div className="space-y-5">
      <FormError error={error} />
      <section aria-labelledby="stand-ins" className="space-y-2">
        <h3 id="stand-ins" className="font-semibold">
          Owners who are not here
        </h3>
        {openProposals.length === 0 ? (
          <p className="text-sm text-zinc-400">No proposal is waiting for signatures.</p>
        ) : (
          openProposals.map((proposal) => (
            <div key={proposal.id} className="rounded border border-zinc-800 p-2 text-sm">
              <p>
                {proposal.title} <span className="text-zinc-400">({proposal.safeLabel})</span>
              </p>
              <ul className="mt-1 space-y-1">
                {proposal.owners
                  .filter((owner) => !proposal.signed.includes(owner))
                  .map((owner) => (
                    <li key={owner} className="flex items-center gap-2">
                      <span className="font-mono text-xs">{owner}</span>
                      <Button
                        variant="secondary"
                        onClick={() => post("stand-in", { proposalId: proposal.id, owner })}
                      >
                        Let the fork act for this owner
                      </Button>
                    </li>
                  ))}
              </ul>
            </div>
          ))
        )}
        <p className="text-xs text-zinc-400">
          The fork sends approveHash as the owner (anvil impersonation); the report marks it as a stand-in.
        </p>
      </section>
      <section aria-labelledby="injections" className="space-y-2">
        <h3 id="injections" className="font-semibold">
          Inject a scenario
        </h3>
        <div className="grid gap-2 sm:grid-cols-3">
          <label className="text-sm">
            Contract
            <select
              className={INPUT_CLASS}
              value={contractId}
              onChange={(e) => setContractId(e.target.value)}
            >
              {forkContracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Role
            <input className={INPUT_CLASS} value={role} onChange={(e) => setRole(e.target.value)} />
            <FieldError error={error} path="role" />
          </label>
          <label className="text-sm">
            Holder (address)
            <input className={INPUT_CLASS} value={account} onChange={(e) => setAccount(e.target.value)} />
            <FieldError error={error} path="account" />
          </label>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() => post("injections", { injection: "revoke_role", contractId, role, account })}
          >
            Revoke the role (the holder's call will revert)
          </Button>
          <Button variant="secondary" onClick={() => post("injections", { injection: "halt_rpc" })}>
            Take the RPC away
          </Button>
          <Button variant="secondary" onClick={() => post("injections", { injection: "resume_rpc" })}>
            Give the RPC back
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            Alert name
            <input className={INPUT_CLASS} value={alertName} onChange={(e) => setAlertName(e.target.value)} />
          </label>
          <Button
            variant="secondary"
            onClick={() => post("injections", { injection: "fire_alert", name: alertName })}
          >
            Fire an alert
          </Button>
        </div>
      </section>
      <Button variant="danger" onClick={() => post("stop")}>
        Stop the drill
      </Button>
    </div>
  );
}
