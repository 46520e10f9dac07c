// Imports of ledgers (台账导入) are jobs kept in the store: found by id, listed newest first,
// and, after a restart, those left running are found by their state. Their report lines are
// read a page at a time in row order.
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_job_created IF NOT EXISTS FOR (n:ImportJob) ON (n.createdAt);
CREATE INDEX import_job_state IF NOT EXISTS FOR (n:ImportJob) ON (n.state);
CREATE INDEX import_report_line_job IF NOT EXISTS FOR (n:ImportReportLine) ON (n.jobId, n.seq);
