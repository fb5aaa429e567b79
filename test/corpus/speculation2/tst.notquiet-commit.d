BEGIN { s = speculation(); }
BEGIN { speculate(s); trace(7); }
BEGIN { trace("direct"); }
BEGIN { commit(s); }
BEGIN { exit(0); }
