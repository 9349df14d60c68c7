import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { listOverdueActionItems, listOverduePostMortems, listPostMortems } from "@/lib/postmortems";

/** All post-mortems, or with `?overdue=1` the overdue post-mortems and action items (the dashboard's lists). */
export const GET = route({ role: "viewer" }, async (request) => {
  const now = new Date();
  if (new URL(request.url).searchParams.get("overdue") === "1") {
    const [postMortems, actionItems] = await Promise.all([
      listOverduePostMortems(now),
      listOverdueActionItems(now),
    ]);
    return NextResponse.json({ postMortems, actionItems });
  }
  return NextResponse.json({ postMortems: await listPostMortems() });
});
