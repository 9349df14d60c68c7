import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgePageButton } from "@/components/paging/acknowledge-page-button";
import { isAppError } from "@/lib/errors";
import { getPageSummary, readAcknowledgeToken } from "@/lib/paging";

export const metadata: Metadata = { title: "Acknowledge page" };

/** Where a page's link lands: works signed out (the token is the proof), offers one button and the incident. */
export default async function AcknowledgePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let pageId: string;
  try {
    pageId = readAcknowledgeToken(decodeURIComponent(token)).pageId;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <Notice text="This link is not valid." />;
  }
  const page = await getPageSummary(pageId);
  if (!page) return <Notice text="This page no longer exists." />;
  return (
    <main className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="text-xl font-semibold">
        {page.severity ? `[${page.severity}] ` : ""}
        {page.title}
      </h1>
      <p className="text-zinc-300">{page.ask}.</p>
      {page.state === "open" ? null : <p className="text-sm text-zinc-400">This page is {page.state}.</p>}
      <AcknowledgePageButton token={decodeURIComponent(token)} isOpen={page.state === "open"} />
      <p className="text-sm">
        <Link className="underline" href={page.link}>
          Open it in the console
        </Link>{" "}
        (sign-in needed)
      </p>
    </main>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <main className="mx-auto max-w-lg p-6">
      <p>{text}</p>
    </main>
  );
}
