// Coverage rule "pairing past its end date still active": an index seek on status, then a
// range on the end date, instead of reading every active pairing.
CREATE INDEX pairing_status_end_date IF NOT EXISTS FOR (n:Pairing) ON (n.status, n.endDate);
// Pairing lists narrowed by program and kind together (provincial east-west pairs ...).
CREATE INDEX pairing_program_kind IF NOT EXISTS FOR (n:Pairing) ON (n.program, n.kind);
