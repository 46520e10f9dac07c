// Each county's register has one gate (登记闸): every register mutation in the county
// passes it (and counts its version up), and an import committing in batches holds it for
// its counties until the last batch is written. Found by the county's six-digit code.
CREATE CONSTRAINT register_gate_county IF NOT EXISTS FOR (n:RegisterGate) REQUIRE n.county IS UNIQUE;
