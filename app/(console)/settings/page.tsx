import type { Metadata } from "next";
import { MembersPanel } from "@/components/settings/members-panel";
import { requirePageMember } from "@/lib/auth";
import { listMembers } from "@/lib/members";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageMember("viewer");
  const members = await listMembers();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-2 text-lg font-semibold">
          Members
        </h2>
        <MembersPanel
          members={members.map(({ id, address, displayName, role }) => ({ id, address, displayName, role }))}
          isAdmin={actor.role === "admin"}
        />
      </section>
    </div>
  );
}
