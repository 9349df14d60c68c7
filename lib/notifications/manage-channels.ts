import { decryptSecret, encryptSecret } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertPublicUrl } from "../net";
import { type TCreateChannel, type TUpdateChannel, ZCreateChannel, ZUpdateChannel } from "./schemas";

/** What Settings shows of a channel: the URL's origin only (a Slack webhook URL is itself the secret). */
export type ChannelView = {
  id: string;
  name: string;
  kind: string;
  urlHint: string;
  events: string[];
  isEnabled: boolean;
  createdAt: Date;
};

function urlHint(urlCipher: string): string {
  try {
    return `${new URL(decryptSecret(urlCipher)).origin}/…`;
  } catch {
    return "(encrypted)";
  }
}

function view(channel: {
  id: string;
  name: string;
  kind: string;
  urlCipher: string;
  events: string[];
  isEnabled: boolean;
  createdAt: Date;
}): ChannelView {
  const { urlCipher, ...rest } = channel;
  return { ...rest, urlHint: urlHint(urlCipher) };
}

export async function listChannels(): Promise<ChannelView[]> {
  const channels = await db().notificationChannel.findMany({ orderBy: { createdAt: "asc" } });
  return channels.map(view);
}

export async function createChannel(input: TCreateChannel): Promise<ChannelView> {
  const { url, ...rest } = ZCreateChannel.parse(input);
  await assertPublicUrl(url);
  return view(await db().notificationChannel.create({ data: { ...rest, urlCipher: encryptSecret(url) } }));
}

export async function updateChannel(id: string, input: TUpdateChannel): Promise<ChannelView> {
  const { url, ...rest } = ZUpdateChannel.parse(input);
  if (url) await assertPublicUrl(url);
  const existing = await db().notificationChannel.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "No such notification channel.");
  return view(
    await db().notificationChannel.update({
      where: { id },
      data: { ...rest, ...(url ? { urlCipher: encryptSecret(url) } : {}) },
    }),
  );
}

/** Deleting a channel drops its undelivered notifications too: nothing would ever send them. */
export async function deleteChannel(id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.notificationChannel.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such notification channel.");
    await tx.notification.deleteMany({ where: { channelId: id, deliveredAt: null } });
  });
}
