// The change history of one subject (asset.changes, changes(filter: {subjectId})) is a
// seek on the subject's id, newest first; the whole history by actor or operation likewise.
CREATE INDEX change_event_subject_at IF NOT EXISTS FOR (n:ChangeEvent) ON (n.subjectId, n.at);
CREATE INDEX change_event_actor_at IF NOT EXISTS FOR (n:ChangeEvent) ON (n.actor, n.at);
CREATE INDEX change_event_operation_at IF NOT EXISTS FOR (n:ChangeEvent) ON (n.operation, n.at);
