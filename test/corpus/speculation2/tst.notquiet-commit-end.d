BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("spec"); }
BEGIN { trace("direct"); exit(0); }
END { commit(s); }
