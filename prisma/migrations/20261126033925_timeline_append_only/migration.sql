-- Hand-written: Prisma's schema language cannot express triggers, so `db:new-migration` never generates
-- these, and Prisma's diff does not see them (the migrations test proves the schema still matches).

-- Timeline events are the incident's audit trail: PostgreSQL itself refuses to change or delete one,
-- whichever client or role asks. A correction is a new event that points at the old one ("correctsId").
CREATE FUNCTION "timeline_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'timeline events are append-only'
        USING HINT = 'insert a new event with "correctsId" instead';
END;
$$;

CREATE TRIGGER "TimelineEvent_append_only"
BEFORE UPDATE OR DELETE ON "TimelineEvent"
FOR EACH ROW EXECUTE FUNCTION "timeline_event_refuse_change"();

-- Live timelines (SSE): tell listeners which event to read. pg_notify is delivered only when the
-- inserting transaction commits, so a listener never reads an event that was rolled back.
CREATE FUNCTION "timeline_event_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('timeline_events', json_build_object('id', NEW.id, 'incidentId', NEW."incidentId")::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "TimelineEvent_notify"
AFTER INSERT ON "TimelineEvent"
FOR EACH ROW EXECUTE FUNCTION "timeline_event_notify"();

-- Incident search by words of the title: pg_trgm serves ILIKE '%...%'. Its GIN index is NOT created here:
-- Prisma's diff would see a raw index as drift and drop it. It belongs in schema.prisma, as
-- `@@index([title(ops: raw("gin_trgm_ops"))], type: Gin)` on Incident, then `npm run db:new-migration`.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
