"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/browser";

type MemberRow = { id: string; address: string; displayName: string; role: string };

export function MembersPanel({ members, isAdmin }: { members: MemberRow[]; isAdmin: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function addMember(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSaving(true);
    setError(null);
    try {
      await apiFetch("/api/settings/members", { method: "POST", json: Object.fromEntries(form) });
      (event.target as HTMLFormElement).reset();
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setIsSaving(false);
    }
  }

  async function changeRole(id: string, role: string) {
    setError(null);
    try {
      await apiFetch(`/api/settings/members/${id}`, { method: "PATCH", json: { role } });
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    }
  }

  return (
    <div className="space-y-4">
      <table className="w-full text-left text-sm">
        <thead className="text-zinc-400">
          <tr>
            <th className="py-1 font-medium">Name</th>
            <th className="py-1 font-medium">Wallet</th>
            <th className="py-1 font-medium">Role</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-t border-zinc-800">
              <td className="py-2">{member.displayName}</td>
              <td className="py-2 font-mono text-xs">{member.address}</td>
              <td className="py-2">
                {isAdmin ? (
                  <select
                    aria-label={`Role of ${member.displayName}`}
                    defaultValue={member.role}
                    onChange={(event) => changeRole(member.id, event.target.value)}
                    className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1"
                  >
                    {ROLES.map((role) => (
                      <option key={role}>{role}</option>
                    ))}
                  </select>
                ) : (
                  member.role
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin ? (
        <form
          onSubmit={addMember}
          className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-4"
          noValidate
        >
          <label className="text-sm">
            Wallet address
            <input name="address" required className={`${INPUT_CLASS} font-mono`} />
            <FieldError error={error} path="address" />
          </label>
          <label className="text-sm">
            Display name
            <input name="displayName" required className={INPUT_CLASS} />
            <FieldError error={error} path="displayName" />
          </label>
          <label className="text-sm">
            Role
            <select name="role" defaultValue="responder" className={INPUT_CLASS}>
              {ROLES.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
          </label>
          <div className="flex items-end">
            <Button type="submit" disabled={isSaving}>
              Add member
            </Button>
          </div>
        </form>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
