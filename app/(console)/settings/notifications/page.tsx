import type { Metadata } from "next";
import { NotificationChannelsPanel } from "@/components/settings/notification-channels-panel";
import { NotificationDeadLetters } from "@/components/settings/notification-dead-letters";
import { requirePageMember } from "@/lib/auth";
import { isSecretsKeyMissingInProduction } from "@/lib/crypto";
import { listChannels, listDeadLetters } from "@/lib/notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage() {
  const actor = await requirePageMember("viewer");
  if (actor.role !== "admin") {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <p className="text-sm text-zinc-400">Only admins manage notification channels.</p>
      </div>
    );
  }
  const [channels, deadLetters] = await Promise.all([listChannels(), listDeadLetters()]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold">Notifications</h1>
      {isSecretsKeyMissingInProduction() ? (
        <p role="alert" className="rounded border border-red-500 bg-red-950 p-2 text-sm">
          BREAKGLASS_SECRETS_KEY is not set: webhook URLs cannot be stored or used until it is.
        </p>
      ) : null}
      <section aria-labelledby="channels-heading" className="space-y-3">
        <h2 id="channels-heading" className="text-lg font-semibold">
          Channels
        </h2>
        <NotificationChannelsPanel channels={channels} />
      </section>
      <section aria-labelledby="dead-heading" className="space-y-3">
        <h2 id="dead-heading" className="text-lg font-semibold">
          Failed deliveries
        </h2>
        <NotificationDeadLetters letters={deadLetters} />
      </section>
    </div>
  );
}
