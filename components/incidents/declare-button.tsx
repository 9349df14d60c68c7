"use client";

import { Button } from "@/components/ui/button";
import { OPEN_DECLARE_EVENT } from "./declare-incident-dialog";

export function DeclareButton() {
  return (
    <Button variant="danger" onClick={() => window.dispatchEvent(new Event(OPEN_DECLARE_EVENT))}>
      Declare incident
    </Button>
  );
}
