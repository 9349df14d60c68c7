import type { Metadata } from "next";
import Link from "next/link";
import { MarkdownView } from "@/components/postmortems/markdown-view";
import { PrintButton } from "@/components/postmortems/print-button";
import { requirePageMember } from "@/lib/auth";
import { formatIncidentRef, getIncidentByRef } from "@/lib/incidents";
import { exportPostMortem } from "@/lib/postmortems";

export const metadata: Metadata = { title: "Post-mortem (print)" };

// The console shell (navigation) belongs to the layout: on paper it is hidden and the page is black on white.
const PRINT_CSS = `
@media print {
  nav[aria-label="Console"] { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  main { padding: 0 !important; }
  .postmortem-paper { border: none !important; box-shadow: none !important; padding: 0 !important; }
  .postmortem-paper a { color: #000; text-decoration: underline; }
  .postmortem-paper h2, .postmortem-paper h3 { break-after: avoid; }
  .postmortem-paper table, .postmortem-paper li { break-inside: avoid; }
  @page { margin: 18mm; }
}`;

export default async function PostMortemPrintPage({ params }: { params: Promise<{ ref: string }> }) {
  await requirePageMember("viewer");
  const incident = await getIncidentByRef((await params).ref);
  const ref = formatIncidentRef(incident.number);
  const { markdown } = await exportPostMortem(incident);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="flex items-center gap-3 print:hidden">
        <Link className="underline" href={`/incidents/${ref}/postmortem`}>
          Back to the editor
        </Link>
        <PrintButton />
      </div>
      <div className="postmortem-paper rounded bg-white p-8 text-zinc-900 shadow">
        <MarkdownView markdown={markdown} label="Post-mortem" />
      </div>
    </div>
  );
}
