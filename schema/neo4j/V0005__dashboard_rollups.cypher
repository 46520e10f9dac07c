// Dashboard rollups: one node per county, prefecture, province and the whole country (code '').
// Every dashboard read and every mutation's rollup refresh finds its node by this key.
CREATE CONSTRAINT dashboard_rollup_code IF NOT EXISTS FOR (n:DashboardRollup) REQUIRE n.code IS UNIQUE;
