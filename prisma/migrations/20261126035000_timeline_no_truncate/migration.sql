-- TRUNCATE skips row triggers: refuse it too, so the timeline cannot be emptied in one statement either.
CREATE TRIGGER "TimelineEvent_no_truncate"
  BEFORE TRUNCATE ON "TimelineEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_refuse_change();
