// Local accounts sign in by name; refresh tokens are found by the SHA-256 of the token.
CREATE CONSTRAINT account_name IF NOT EXISTS FOR (n:Account) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT refresh_token_hash IF NOT EXISTS FOR (n:RefreshToken) REQUIRE n.hash IS UNIQUE;
// The personal-data access log pages newest first, the whole log or one actor's.
CREATE INDEX personal_data_read_at IF NOT EXISTS FOR (n:PersonalDataRead) ON (n.at);
CREATE INDEX personal_data_read_actor_at IF NOT EXISTS FOR (n:PersonalDataRead) ON (n.actor, n.at);
