-- An incident is resolved exactly when it has a resolution time. The list reads open and resolved incidents as
-- two segments split on "resolvedAt" and filters by status, so the two columns must never disagree.
ALTER TABLE "Incident"
  ADD CONSTRAINT "Incident_resolved_iff_resolvedAt"
  CHECK ((status = 'resolved') = ("resolvedAt" IS NOT NULL));
