"use client";

import { Button } from "@/components/ui/button";
import { OPEN_DECLARE_EVENT } from "./declare-incident-dialog";

export function DeclareButton({ withShortcutHint = false }: { withShortcutHint?: boolean }) {
  return (
    <Button
      variant="danger"
      onClick={() => window.dispatchEvent(new Event(OPEN_DECLARE_EVENT))}
      title="Declare an incident (keyboard: D)"
      className={withShortcutHint ? "shrink-0 whitespace-nowrap md:mb-2" : ""}
    >
      Declare incident
      {withShortcutHint ? <kbd className="rounded bg-red-800 px-1 text-xs">D</kbd> : null}
    </Button>
  );
}
