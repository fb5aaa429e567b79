BEGIN { s = speculation(); }
BEGIN { speculate(s); trace("gone"); }
BEGIN { discard(s); }
BEGIN { trace("kept"); exit(0); }
